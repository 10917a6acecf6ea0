import type { OfficeSettingsVersion } from '@motcua/core/staff';

/** Detail of `motcua-settings-saved`: the version just saved and what it changed. */
export interface SettingsSavedDetail {
  readonly version: number;
  readonly change: OfficeSettingsVersion['change'];
}

declare global {
  interface HTMLElementEventMap {
    'motcua-settings-saved': CustomEvent<SettingsSavedDetail>;
  }
}
