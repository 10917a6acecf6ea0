// The console's events and the ticket they carry; the element, the intake form and the receipt slip import them.

/** What the console does for the officer. */
export type CounterAction = 'next' | 'recall' | 'skip' | 'done' | 'transfer';

/** A ticket as the counter sees it (the server's ticket view, with its id, also after a reload of the page). */
export interface CounterTicket {
  readonly id?: string;
  readonly number: string;
  readonly service: string;
  readonly status: string;
  readonly calls?: number;
  /** Its priority class (the console marks a priority ticket). */
  readonly priority?: string;
}

/** The detail of `motcua-counter-action`. */
export interface CounterActionDetail {
  readonly action: CounterAction;
  /** The ticket the counter now shows (after a transfer, the transferred one); `null` when nobody was waiting. */
  readonly ticket: CounterTicket | null;
  /** After a transfer, the ticket that continues the visit in the other service. */
  readonly next?: CounterTicket;
}
