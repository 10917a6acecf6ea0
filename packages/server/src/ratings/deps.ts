import type { Database } from '../db/database.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { Office } from '../office/office.js';
import type { PgQueueStore } from '../queue/pg-queue-store.js';

/** What the rating routes need. */
export interface RatingRoutesDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  /** The key rating tokens are signed with (at least 32 bytes); transaction-bound ratings are refused without it. */
  readonly secret?: string | undefined;
  readonly limiter: RateLimiter;
  /** Finished tickets are the eligible transactions of response rates. */
  readonly queueStore?: PgQueueStore;
}
