// The events <motcua-ticket-kiosk> fires and their details; the element imports them.

import type { IssuedTicket, TicketWait } from '@motcua/core/queue';

/** The detail of `motcua-ticket-issued`. */
export interface TicketIssuedDetail {
  readonly ticket: IssuedTicket;
  /** The queue position and estimate, when the server gave them. */
  readonly wait: TicketWait | undefined;
}

/** The detail of `motcua-ticket-refused`. */
export interface TicketRefusedDetail {
  /**
   * Why no number was issued: the server's refusal code (`closed`, `closed-day`, `daily-cap`, `sequence-end`, …),
   * or `offline`, `failed`, `unauthorized`, `rate-limited`.
   */
  readonly reason: string;
  /** The service asked for. */
  readonly service: string;
}

declare global {
  interface HTMLElementEventMap {
    'motcua-ticket-issued': CustomEvent<TicketIssuedDetail>;
    'motcua-ticket-refused': CustomEvent<TicketRefusedDetail>;
  }
}
