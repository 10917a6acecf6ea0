import type { Hono } from 'hono';
import { hashKey, rateLimit } from '../http/rate-limit.js';
import type { RatingRoutesDeps } from './deps.js';
import { field, jsonBody } from './request-body.js';
import { satisfactionReport } from './satisfaction-report.js';
import { submitRating } from './submit.js';

/**
 * Mounts the rating limits, before the idempotency middleware: transaction-bound ratings per rating token,
 * counter-level ratings per device key (never per IP address).
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
  app.use(
    '/api/ratings',
    rateLimit(
      limiter,
      'counter-ratings',
      async (c) => {
        const body = await jsonBody(c);
        const device = field(body, 'deviceKey');
        return device === undefined || field(body, 'token') !== undefined ? undefined : `${office.id}/${device}`;
      },
      office.rateLimits.counterRatings,
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
