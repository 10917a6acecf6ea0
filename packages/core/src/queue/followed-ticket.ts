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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

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
  if (!isObject(value) || !isObject(value.ticket)) return undefined;
  const t = value.ticket;
  for (const key of ['id', 'number', 'service', 'status', 'businessDate']) {
    if (typeof t[key] !== 'string') return undefined;
  }
  const wait = value.wait;
  return {
    ticket: t as unknown as TicketView,
    ...(isObject(wait) && typeof wait.ahead === 'number' ? { wait: wait as unknown as WaitEstimate } : {}),
    ...(typeof value.ratingToken === 'string' ? { ratingToken: value.ratingToken } : {}),
  };
}
