import type { Context } from 'hono';
import type { Database } from '../db/database.js';
import type { Office } from '../office/office.js';
import type { StaffSettings } from './settings.js';

/** What the staff routes need: the database, the office, the clock, the client's address and the settings. */
export interface StaffDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  readonly clientOf: (c: Context) => string;
  readonly settings: StaffSettings;
}
