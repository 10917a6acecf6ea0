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
  /**
   * The instrument family a rating that names none is given: `counter` for a counter's tablet, `qr` for a rating
   * token's form (the office's settings); default the one-stop rating.
   */
  readonly instrument?: (use: 'counter' | 'qr') => string;
  /** Finished tickets are the eligible transactions of response rates. */
  readonly queueStore?: PgQueueStore;
}
