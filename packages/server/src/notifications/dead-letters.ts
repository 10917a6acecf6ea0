import type { Context } from 'hono';
import { ADMINS } from '../access.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import type { Office } from '../office/office.js';
import { requireRole } from '../staff/caller.js';
import { deadLetters, replayDeadLetter } from './outbox-store.js';

/** What the dead-letter routes need. */
export interface DeadLetterDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
}

/** Dead letters listed at most. */
const LIST_LIMIT = 500;

/**
 * `GET /api/notifications/dead-letters` (admin): the notifications whose every try failed, the latest first, with
 * their last error — never the recipient's address nor any channel secret.
 *
 * @example
 * ```ts
 * app.get('/api/notifications/dead-letters', (c) => listDeadLetters(c, deps));
 * ```
 */
export async function listDeadLetters(c: Context, deps: DeadLetterDeps): Promise<Response> {
  requireRole(c, ADMINS);
  return c.json({ deadLetters: await deadLetters(deps.db, deps.office.id, LIST_LIMIT) });
}

/**
 * `POST /api/notifications/dead-letters/{id}/replay` (admin): puts a dead letter back in the outbox with a fresh
 * count of tries, delivered again under the same key; 404 `unknown-dead-letter` when the office has no such dead
 * letter (also once it was replayed).
 *
 * @example
 * ```ts
 * app.post('/api/notifications/dead-letters/:id/replay', (c) => replayDeadLetterHandler(c, deps));
 * ```
 */
export async function replayDeadLetterHandler(c: Context, deps: DeadLetterDeps): Promise<Response> {
  requireRole(c, ADMINS);
  const id = c.req.param('id') ?? '';
  const replayed = await deps.db.transaction((tx) => replayDeadLetter(tx, deps.office.id, id, deps.now()));
  if (!replayed) {
    throw new ApiError(404, 'unknown-dead-letter', {
      vi: 'Không có thông báo lỗi gửi nào với mã này',
      en: 'There is no dead letter with this id',
    });
  }
  return c.json({ id, status: 'pending' });
}
