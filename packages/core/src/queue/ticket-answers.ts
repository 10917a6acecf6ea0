import type { TicketView } from './board.js';

// The queue API's ticket answers to the kiosk and the counter console. The server sends the whole ticket view; these
// name the part each screen relies on, so that a server change that drops one of those fields fails to compile in
// the server's handler, not in a citizen's hands.

/**
 * What `POST /api/queue/tickets` answers to the kiosk (a {@link TicketView}), by the part the kiosk shows and prints:
 * the unguessable `id` (status and rating links, the QR code), the display `number` (e.g. `A001`), the `service`, the
 * `priority` class and `issuedAt`, when the visit began (epoch ms).
 */
export type IssuedTicket = Pick<TicketView, 'id' | 'number' | 'service' | 'priority' | 'issuedAt'>;

/**
 * The ticket a counter has called or serves, as `GET /api/queue/counters/{id}/current` and the counter's commands
 * answer it (a {@link TicketView}), by the part a counter console keeps: its number, service and status, and when the
 * answer has them, its id, how many times it was called and its priority class.
 */
export type CounterTicket = Pick<TicketView, 'number' | 'service' | 'status'> &
  Partial<Pick<TicketView, 'id' | 'calls' | 'priority'>>;

/**
 * What `GET /api/queue/counters/{id}/current` and the counter's commands (`call-next`, `call`, `readmit`, `recall`,
 * `start`, `skip`, `done`, `transfer`) answer: the counter's ticket (`null` when it has none or nobody waits), after
 * `done` its rating token when the server signs them, after `transfer` the number of the ticket transferred `from`
 * (`ticket` is then the one that continues the visit).
 */
export interface CounterTicketAnswer {
  readonly ticket: TicketView | null;
  readonly ratingToken?: string;
  readonly from?: string;
}
