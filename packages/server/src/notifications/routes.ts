import type { Hono } from 'hono';
import { type DeadLetterDeps, listDeadLetters, replayDeadLetterHandler } from './dead-letters.js';

/**
 * Mounts the notifications API (admin):
 * - `GET /api/notifications/dead-letters`: the notifications whose every try failed;
 * - `POST /api/notifications/dead-letters/{id}/replay`: delivers one again, under the same key.
 *
 * @example
 * ```ts
 * installNotificationRoutes(app, { db, office, now: Date.now });
 * ```
 */
export function installNotificationRoutes(app: Hono, deps: DeadLetterDeps): void {
  app.get('/api/notifications/dead-letters', (c) => listDeadLetters(c, deps));
  app.post('/api/notifications/dead-letters/:id/replay', (c) => replayDeadLetterHandler(c, deps));
}
