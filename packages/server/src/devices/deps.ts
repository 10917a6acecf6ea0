import type { Context } from 'hono';
import type { Database } from '../db/database.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { Office } from '../office/office.js';

/** What the devices routes need. */
export interface DeviceRoutesDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  readonly limiter: RateLimiter;
  /** The client's address (honouring `trustProxy`): pairing requests are limited per client. */
  readonly clientOf: (c: Context) => string;
  /** Minutes a pairing code stays valid (default {@link PAIRING_MINUTES}). */
  readonly pairingMinutes?: number | undefined;
}

/** Minutes a pairing code stays valid: time for an admin to walk to the screen and approve it. */
export const PAIRING_MINUTES = 10;

/** At most this many pairings wait for an admin at once: a flood of requests cannot bury the real device's code. */
export const MAX_PENDING_PAIRINGS = 20;
