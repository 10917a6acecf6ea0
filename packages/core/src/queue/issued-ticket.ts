import { isJsonObject } from '../text/json-object.js';
import { isText } from './kiosk-services.js';
import type { IssuedTicket, TicketWait } from './ticket-answers.js';

// What a kiosk reads after the first touch: the ticket it issued and the ticket's wait. It never shows a number it
// did not get.

/**
 * The JSON of `POST /api/queue/tickets` as the {@link IssuedTicket} a kiosk shows and prints; `undefined` unless it
 * has an id, a number and a service. A missing priority reads as `''`, a missing `issuedAt` as `now`.
 *
 * @example
 * ```ts
 * const ticket = readIssuedTicket(await response.json(), Date.now());
 * ticket?.number; // 'A012'
 * ```
 */
export function readIssuedTicket(value: unknown, now: number): IssuedTicket | undefined {
  if (!isJsonObject(value) || !isText(value.id) || !isText(value.number) || !isText(value.service)) return undefined;
  return {
    id: value.id,
    number: value.number,
    service: value.service,
    priority: typeof value.priority === 'string' ? value.priority : '',
    issuedAt: typeof value.issuedAt === 'number' ? value.issuedAt : now,
  };
}

/**
 * The wait of a `GET /api/queue/tickets/{id}` answer as the {@link TicketWait} a kiosk prints: the people ahead and,
 * when all three are numbers, the minutes; `undefined` when the answer has no such wait (the ticket was called).
 *
 * @example
 * ```ts
 * readTicketWait({ ticket, wait: { ahead: 3, minutes: { low: 10, middle: 12, high: 15 } } }); // { ahead: 3, minutes }
 * ```
 */
export function readTicketWait(value: unknown): TicketWait | undefined {
  const wait = isJsonObject(value) ? value.wait : undefined;
  if (!isJsonObject(wait) || typeof wait.ahead !== 'number' || wait.ahead < 0) return undefined;
  const m = wait.minutes;
  const minutes =
    isJsonObject(m) && typeof m.low === 'number' && typeof m.middle === 'number' && typeof m.high === 'number'
      ? { low: m.low, middle: m.middle, high: m.high }
      : undefined;
  return { ahead: wait.ahead, ...(minutes ? { minutes } : {}) };
}
