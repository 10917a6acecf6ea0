// Types shared by the office administration and its lazily loaded history (admin-history.ts), so that neither
// imports the other's module.
import type { OfficeSettingsVersion } from '@motcua/core/staff';
import type { Language } from '../internal/i18n.js';
import type { SettingsSavedDetail } from './office-admin.events.js';
import type { OfficeAdminStringKey } from './office-admin.strings.js';

/** The keys of the strings of the catalogue and settings history sections (admin-history.ts). */
export type AdminHistoryStringKey =
  | 'catalogue'
  | 'catalogueHint'
  | 'catalogueFile'
  | 'cataloguePaste'
  | 'catalogueCheck'
  | 'catalogueEmpty'
  | 'catalogueProblems'
  | 'catalogueWarnings'
  | 'catalogueValid'
  | 'catalogueValidFirst'
  | 'catalogueAdded'
  | 'catalogueRemoved'
  | 'catalogueChanged'
  | 'catalogueUnchanged'
  | 'catalogueNoChange'
  | 'publish'
  | 'published'
  | 'publishStale'
  | 'catalogueVersions'
  | 'catalogueVersionLine'
  | 'catalogueRolledBack'
  | 'settingsVersions'
  | 'settingsVersionLine'
  | 'settingsRolledBack'
  | 'rollbackOfNote'
  | 'current'
  | 'rollBack'
  | 'rollBackLabel'
  | 'confirmRollback'
  | 'confirm'
  | 'cancel'
  | 'historyStale'
  | 'noVersions'
  | 'historyFailed'
  | 'byConfiguration'
  | 'byUnknown'
  | 'absent'
  | 'change-bootstrap'
  | 'change-import'
  | 'change-rollback'
  | 'change-no-appointment'
  | 'change-calendar'
  | 'change-queue'
  | 'change-rating'
  | 'change-scorecard'
  | 'field-name'
  | 'field-field'
  | 'field-statutoryTime'
  | 'field-reducedTime'
  | 'field-channels'
  | 'field-fees'
  | 'field-feeNote'
  | 'field-documents'
  | 'field-other'
  | SettingsSectionsStringKey;

/** The keys of the rating and points split sections' strings (settings-sections.ts). */
export type SettingsSectionsStringKey =
  | 'rating'
  | 'ratingHint'
  | 'ratingCounter'
  | 'ratingQr'
  | 'instrument-vn-one-stop-rating'
  | 'instrument-vn-dossier-evaluation'
  | 'instrument-vn-sipas'
  | 'instrument-csat'
  | 'instrument-nps'
  | 'instrument-ces'
  | 'scorecard'
  | 'scorecardHint'
  | 'indicator-2.1'
  | 'indicator-3.3'
  | 'maxPoints'
  | 'target'
  | 'targetDefault';

/** The keys of the calendar preview's strings (calendar-preview.ts). */
export type CalendarPreviewStringKey =
  | 'previewDays'
  | 'previewNoDays'
  | 'previewDossiers'
  | 'previewNoDossiers'
  | 'working'
  | 'dayOff'
  | 'dueChange';

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
