import { isJsonObject } from '../text/json-object.js';
import type { BoardTicket, TicketView } from './board.js';
import type { WaitEstimate } from './wait-estimate.js';

/**
 * What `GET /api/queue/numbers/{number}` answers, someone following a ticket by the number on it (the QR code on the
 * board opens the ticket status page without an id): today's ticket with that number as the board shows it (no id,
 * no history) and, while it waits, its place and wait estimate. Nothing in it is a key: no ticket id, no rating
 * token, no Web Push subscription — those stay with whoever holds the ticket's own QR code.
 */
export interface FollowedNumber {
  readonly ticket: BoardTicket;
  readonly wait?: WaitEstimate;
}

/**
 * The form a typed or printed ticket number is compared in: upper case, without spaces or punctuation, and without
 * the zeros that pad the digits after the prefix, so that `a 012`, `A-12` and `A012` are one number.
 *
 * @example
 * ```ts
 * ticketNumberKey('a 012'); // 'A12'
 * ticketNumberKey('A012'); // 'A12'
 * ticketNumberKey('HT0100'); // 'HT100'
 * ```
 */
export function ticketNumberKey(number: string): string {
  return number
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/^(\D*)0+(?=\d)/, '$1');
}

/**
 * The ticket of `tickets` (one business day's, in any order) that a number means: among those whose number has the
 * same {@link ticketNumberKey}, the one queued last (a transfer continues the visit under the same number; numbers
 * may restart in a later session), or undefined.
 *
 * @example
 * ```ts
 * const ticket = ticketOfNumber('a 12', await store.tickets('2026-12-04'));
 * ticket?.number; // 'A012'
 * ```
 */
export function ticketOfNumber<T extends Pick<TicketView, 'number' | 'queuedAt' | 'ordinal'>>(
  number: string,
  tickets: readonly T[],
): T | undefined {
  const key = ticketNumberKey(number);
  if (key === '') return undefined;
  let found: T | undefined;
  for (const t of tickets) {
    if (ticketNumberKey(t.number) !== key) continue;
    if (!found || t.queuedAt - found.queuedAt > 0 || (t.queuedAt === found.queuedAt && t.ordinal > found.ordinal)) {
      found = t;
    }
  }
  return found;
}

/**
 * The answer's JSON as a {@link FollowedNumber}, or undefined when its ticket lacks what a page shows (number,
 * service, status, business date); a malformed `wait` is left out, and so is anything else the ticket carries.
 *
 * @example
 * ```ts
 * const followed = readFollowedNumber(await (await fetch('/api/queue/numbers/A012')).json());
 * followed?.ticket.counter; // '2' once called
 * ```
 */
export function readFollowedNumber(value: unknown): FollowedNumber | undefined {
  const t = isJsonObject(value) ? value.ticket : undefined;
  if (!isJsonObject(t)) return undefined;
  for (const key of ['number', 'service', 'status', 'businessDate']) if (typeof t[key] !== 'string') return undefined;
  const wait = (value as Record<string, unknown>).wait;
  const ticket: BoardTicket = {
    number: t.number as string,
    service: t.service as string,
    priority: typeof t.priority === 'string' ? t.priority : '',
    status: t.status as BoardTicket['status'],
    counter: typeof t.counter === 'string' ? t.counter : null,
    calls: typeof t.calls === 'number' ? t.calls : 0,
    lastCalledAt: typeof t.lastCalledAt === 'number' ? t.lastCalledAt : null,
    businessDate: t.businessDate as string,
  };
  return {
    ticket,
    ...(isJsonObject(wait) && typeof wait.ahead === 'number' ? { wait: wait as unknown as WaitEstimate } : {}),
  };
}
