// Types shared by the office administration and its lazily loaded history (admin-history.ts), so that neither
// imports the other's module.
import type { OfficeSettingsVersion } from '@motcua/core/staff';
import type { Language } from '../internal/i18n.js';
import type { AdminHistoryStringKey } from './history.strings.js';
import type { SettingsSavedDetail } from './office-admin.events.js';
import type { OfficeAdminStringKey } from './office-admin.strings.js';

export type {
  AdminHistoryStringKey,
  CalendarPreviewStringKey,
  SettingsSectionsStringKey,
} from './history.strings.js';

/** What the history sections need from `<motcua-office-admin>`. */
export interface AdminHistoryHost {
  /** A string in the element's language (its overrides first). */
  t(
    key: AdminHistoryStringKey | Extract<OfficeAdminStringKey, 'save' | 'saved' | 'stale' | 'problems' | 'failed'>,
    params?: Readonly<Record<string, string | number>>,
  ): string;
  /** The element's language now. */
  language(): Language;
  /** Renders the element again. */
  update(): void;
  /** Moves the focus, once rendered, to the first element of the shadow root the selector finds. */
  focus(selector: string): Promise<void>;
  /** Aborted when the element leaves the page. */
  signal(): AbortSignal;
  /** The settings version in force. */
  current(): OfficeSettingsVersion | undefined;
  /** Shows a settings version saved by a rollback (or reloaded after a stale one) in the sections above. */
  show(settings: OfficeSettingsVersion): void;
  /** Tells the page a section below saved a new settings version (`motcua-settings-saved`). */
  saved(detail: SettingsSavedDetail): void;
  /** A catalogue was published (or rolled back to): the no-appointment day's procedures are read again. */
  published(): Promise<void>;
}
