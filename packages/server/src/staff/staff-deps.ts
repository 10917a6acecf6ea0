import type { Context } from 'hono';
import type { Database } from '../db/database.js';
import type { SessionCookie } from '../http/session-cookie.js';
import type { Office } from '../office/office.js';
import type { StaffSettings } from './settings.js';

/**
 * What the staff routes need: the database, the office, the clock, the client's address, the settings and the
 * office's session cookie.
 */
export interface StaffDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  readonly clientOf: (c: Context) => string;
  readonly settings: StaffSettings;
  /** The office's session cookie: the shared name, or the office's own on a province instance. */
  readonly cookie: SessionCookie;
}
