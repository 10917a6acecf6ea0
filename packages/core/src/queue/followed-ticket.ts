import { isJsonObject } from '../text/json-object.js';
import type { TicketView } from './board.js';
import type { WaitEstimate } from './wait-estimate.js';

/**
 * What `GET /api/queue/tickets/{id}` answers, the ticket's holder following it (the ticket status page, the kiosk's
 * screen after printing): the ticket, while it waits its place and wait estimate, and once served its rating token.
 */
export interface FollowedTicket {
  readonly ticket: TicketView;
  readonly wait?: WaitEstimate;
  readonly ratingToken?: string;
}

/**
 * A ticket view's JSON (the kiosk's `POST /api/queue/tickets` answer, the `ticket` of a followed ticket) as a
 * {@link TicketView}, or undefined when it lacks what a page shows: id, number, service, status and business date.
 *
 * @example
 * ```ts
 * const ticket = readTicketView(await response.json());
 * ticket?.number; // 'A012'
 * ```
 */
export function readTicketView(value: unknown): TicketView | undefined {
  if (!isJsonObject(value)) return undefined;
  for (const key of ['id', 'number', 'service', 'status', 'businessDate']) {
    if (typeof value[key] !== 'string') return undefined;
  }
  return value as unknown as TicketView;
}

/**
 * The answer's JSON as a {@link FollowedTicket}, or undefined when its ticket lacks what a page shows (id, number,
 * service, status, business date); a malformed `wait` or token is left out.
 *
 * @example
 * ```ts
 * const followed = readFollowedTicket(await (await fetch(`/api/queue/tickets/${id}`)).json());
 * followed?.wait?.ahead; // 3
 * ```
 */
export function readFollowedTicket(value: unknown): FollowedTicket | undefined {
  const ticket = isJsonObject(value) ? readTicketView(value.ticket) : undefined;
  if (!ticket) return undefined;
  const { wait, ratingToken } = value as Record<string, unknown>;
  return {
    ticket,
    ...(isJsonObject(wait) && typeof wait.ahead === 'number' ? { wait: wait as unknown as WaitEstimate } : {}),
    ...(typeof ratingToken === 'string' ? { ratingToken } : {}),
  };
}
