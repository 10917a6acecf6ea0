import type { Catalogue } from '@motcua/core/catalogue';
import type { StaffDeps } from '../staff/staff-deps.js';
import type { LiveSettings } from './live-settings.js';

/** What the office administration's handlers need: the staff deps (who, when, from where), the live settings. */
export interface SettingsDeps extends StaffDeps {
  readonly live: LiveSettings;
  /** The catalogue served before any is published through the API (the configuration's file). */
  readonly fileCatalogue: () => Promise<Catalogue | undefined>;
}
