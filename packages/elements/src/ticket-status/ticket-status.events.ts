import type { TicketStatus } from '@motcua/core/queue';

/** Detail of `motcua-ticket-change`: the ticket's state as the page now shows it. */
export interface TicketChangeDetail {
  /** The ticket's number, e.g. `A012`. */
  readonly number: string;
  readonly status: TicketStatus;
  /** People who will be called first, while it waits. */
  readonly ahead?: number;
  /** The counter's label, once called. */
  readonly counter?: string;
  /** The ahead count is at or below the element's `near` threshold. */
  readonly near: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'motcua-ticket-change': CustomEvent<TicketChangeDetail>;
  }
}
