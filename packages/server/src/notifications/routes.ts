import type { Context, Hono } from 'hono';
import { type RateLimiter, rateLimit } from '../http/rate-limit.js';
import type { Office } from '../office/office.js';
import { type DeadLetterDeps, listDeadLetters, replayDeadLetterHandler } from './dead-letters.js';
import { renewWebPush } from './renewal.js';
import { webPushKey } from './web-push-channel.js';

/** The address of the Web Push renewal, which anyone may call. */
const RENEWAL = '/api/notifications/web-push/renewal';

/**
 * Mounts the notifications API's guard: the Web Push renewal's limit per client address (`push-renewals`, office
 * `rateLimits.pushRenewals`, counted in the database). Call before the idempotency middleware, so that a refused
 * request is never stored as the answer to its Idempotency-Key.
 *
 * @example
 * ```ts
 * installNotificationGuards(app, { office, limiter, now: Date.now, clientOf });
 * ```
 */
export function installNotificationGuards(
  app: Hono,
  deps: {
    readonly office: Office;
    readonly limiter: RateLimiter;
    readonly now: () => number;
    readonly clientOf: (c: Context) => string;
  },
): void {
  const { office, limiter, now, clientOf } = deps;
  app.use(
    RENEWAL,
    rateLimit(limiter, 'push-renewals', (c) => `${office.id}/${clientOf(c)}`, office.rateLimits.pushRenewals, now),
  );
}

/**
 * Mounts the notifications API (admin):
 * - `GET /api/notifications/dead-letters`: the notifications whose every try failed;
 * - `POST /api/notifications/dead-letters/{id}/replay`: delivers one again, under the same key;
 * - `GET /api/notifications/web-push` (anyone): the VAPID public key a status page subscribes with;
 * - `POST /api/notifications/web-push/renewal` (anyone): a browser's renewed subscription replaces its old one.
 *
 * @example
 * ```ts
 * installNotificationRoutes(app, { db, office, now: Date.now });
 * ```
 */
export function installNotificationRoutes(app: Hono, deps: DeadLetterDeps): void {
  app.get('/api/notifications/dead-letters', (c) => listDeadLetters(c, deps));
  app.post('/api/notifications/dead-letters/:id/replay', (c) => replayDeadLetterHandler(c, deps));
  app.get('/api/notifications/web-push', (c) => webPushKey(c, deps.office));
  app.post(RENEWAL, (c) => renewWebPush(c, deps));
}
