import type { Hono } from 'hono';
import { type DeadLetterDeps, listDeadLetters, replayDeadLetterHandler } from './dead-letters.js';
import { webPushKey } from './web-push-channel.js';

/**
 * Mounts the notifications API (admin):
 * - `GET /api/notifications/dead-letters`: the notifications whose every try failed;
 * - `POST /api/notifications/dead-letters/{id}/replay`: delivers one again, under the same key;
 * - `GET /api/notifications/web-push` (anyone): the VAPID public key a status page subscribes with.
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
}
