import type { TicketView } from './board.js';
import type { WaitEstimate } from './wait-estimate.js';

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

/**
 * A text in Vietnamese and English as a screen reads it from an answer: the server sends both (core's
 * `LocalizedText`), a screen copes with either missing.
 */
export interface AnswerText {
  readonly vi?: string;
  readonly en?: string;
}

/** A service a kiosk offers, as `GET /api/queue/services` lists it. */
export interface KioskService {
  readonly id: string;
  readonly prefix: string;
  readonly name: AnswerText;
  /** Tickets could be taken when the list was loaded (`true` when the server does not say). */
  readonly open: boolean;
  /**
   * When `open` is false: the next issuing time, if one is scheduled (core's `NextIssuingTime`): the civil `date`
   * and the clock `time` in Vietnam, and the same moment `at` in epoch milliseconds.
   */
  readonly nextOpening?: { readonly date: string; readonly time: string; readonly at: number } | undefined;
}

/** A priority class, as `GET /api/queue/services` lists it. */
export interface KioskPriorityClass {
  readonly id: string;
  readonly name: AnswerText;
  readonly weight: number;
}

/** What `GET /api/queue/services` answers: the office, its services with whether each issues now, the priorities. */
export interface KioskServices {
  readonly office: { readonly id: string; readonly name: AnswerText };
  readonly services: readonly KioskService[];
  readonly priorityClasses: readonly KioskPriorityClass[];
  readonly defaultPriority: string;
}

/**
 * The part of a waiting ticket's {@link WaitEstimate} a kiosk prints (`GET /api/queue/tickets/{id}`): the people
 * ahead and, when the server has enough recent service times, the minutes.
 */
export type TicketWait = Pick<WaitEstimate, 'ahead' | 'minutes'>;
