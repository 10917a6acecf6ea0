import type { Context, Hono } from 'hono';
import { hashKey, rateLimit } from '../http/rate-limit.js';
import { ratingDevice } from './counter-device.js';
import type { RatingRoutesDeps } from './deps.js';
import { field, jsonBody } from './request-body.js';
import { satisfactionReport } from './satisfaction-report.js';
import { submitRating } from './submit.js';

/**
 * Mounts the rating limits, before the idempotency middleware: transaction-bound ratings per rating token;
 * counter-level ratings per device (a counter's static token or paired tablet) and per counter (never per IP
 * address). A counter-level rating without a counter's credential is not counted: it is refused (401).
 *
 * @example
 * ```ts
 * installRatingGuards(app, { db, office, now: Date.now, limiter });
 * ```
 */
export function installRatingGuards(app: Hono, deps: RatingRoutesDeps): void {
  const { office, limiter, now } = deps;
  app.use(
    '/api/ratings',
    rateLimit(
      limiter,
      'ratings',
      async (c) => {
        const token = field(await jsonBody(c), 'token');
        return token === undefined ? undefined : hashKey(token);
      },
      office.rateLimits.ratings,
      now,
    ),
  );
  /** The counter device of a counter-level rating, if the request is one from a counter's credential. */
  const counterDevice = async (c: Context) =>
    field(await jsonBody(c), 'token') === undefined ? ratingDevice(c, office) : undefined;
  app.use(
    '/api/ratings',
    rateLimit(
      limiter,
      'counter-ratings',
      async (c) => {
        const device = await counterDevice(c);
        return device && `${office.id}/${device.key}`;
      },
      office.rateLimits.counterRatings,
      now,
    ),
  );
  app.use(
    '/api/ratings',
    rateLimit(
      limiter,
      'counter-ratings-per-counter',
      async (c) => {
        const device = await counterDevice(c);
        return device && `${office.id}/${device.counter}`;
      },
      office.rateLimits.counterRatingsPerCounter,
      now,
    ),
  );
}

/**
 * Mounts `POST /api/ratings` and `GET /api/reports/satisfaction` (JSON, or CSV with `format=csv` or
 * `Accept: text/csv`).
 *
 * @example
 * ```ts
 * installRatingRoutes(app, { db, office, now: Date.now, secret, limiter });
 * ```
 */
export function installRatingRoutes(app: Hono, deps: RatingRoutesDeps): void {
  app.post('/api/ratings', (c) => submitRating(c, deps));
  app.get('/api/reports/satisfaction', (c) => satisfactionReport(c, deps));
}
