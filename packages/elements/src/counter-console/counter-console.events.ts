// The console's events and the ticket they carry; the element, the intake form and the receipt slip import them.

import type { CounterTicket } from '@motcua/core/queue';

/** What the console does for the officer. */
export type CounterAction = 'next' | 'recall' | 'skip' | 'done' | 'transfer';

// A ticket as the counter sees it, as core declares it (still exported from the elements, for code that imports it
// from here).
export type { CounterTicket } from '@motcua/core/queue';

/** The detail of `motcua-counter-action`. */
export interface CounterActionDetail {
  readonly action: CounterAction;
  /** The ticket the counter now shows (after a transfer, the transferred one); `null` when nobody was waiting. */
  readonly ticket: CounterTicket | null;
  /** After a transfer, the ticket that continues the visit in the other service. */
  readonly next?: CounterTicket;
}

/** The detail of `motcua-dossier-received`. */
export interface DossierReceivedDetail {
  readonly code: string;
  /** The id of the ticket the dossier is linked to, if any. */
  readonly ticket: string | null;
}

declare global {
  interface HTMLElementEventMap {
    'motcua-counter-action': CustomEvent<CounterActionDetail>;
    'motcua-dossier-received': CustomEvent<DossierReceivedDetail>;
  }
}
