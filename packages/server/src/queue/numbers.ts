import { boardTicketOf, type FollowedNumber, ticketNumberKey, ticketOfNumber } from '@motcua/core/queue';
import type { Context, Env } from 'hono';
import { ApiError } from '../http/errors.js';
import type { QueueService } from './service.js';

/** A typed number longer than this is no ticket's (prefixes are short, sequences end in the thousands). */
const LONGEST_NUMBER = 16;

/**
 * `GET /api/queue/numbers/{number}`: today's ticket with that number (the office's business day, whatever the case,
 * spaces or padding zeros typed: `a 12` is `A012`), as the board shows it, and while it waits its place and expected
 * wait, computed as for a ticket followed by its id. Read-only and public like the board (the QR code on the board
 * opens it): it answers no key — no ticket id, no rating token, no Web Push — which stay with the ticket's own QR
 * code. 404 `unknown-number` for a number not issued today.
 *
 * @example
 * ```ts
 * app.get('/api/queue/numbers/:number', (c) => followNumber(c, service));
 * ```
 */
export async function followNumber(
  c: Context<Env, '/api/queue/numbers/:number'>,
  service: QueueService,
): Promise<Response> {
  const typed = c.req.param('number');
  c.header('Cache-Control', 'no-store');
  // The day as the board and the waits read it: once per change, shared by every reader.
  const found =
    typed.length <= LONGEST_NUMBER && ticketNumberKey(typed) !== ''
      ? ticketOfNumber(typed, await service.today())
      : undefined;
  if (!found) {
    const shown = typed.slice(0, LONGEST_NUMBER);
    throw new ApiError(404, 'unknown-number', {
      vi: `Hôm nay không có phiếu số ${shown}`,
      en: `No ticket ${shown} today`,
    });
  }
  const wait = found.status === 'issued' ? await service.waitOf(found) : undefined;
  const answer: FollowedNumber = { ticket: boardTicketOf(found), ...(wait ? { wait } : {}) };
  return c.json(answer);
}
