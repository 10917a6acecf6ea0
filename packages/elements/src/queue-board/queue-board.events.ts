// The events <motcua-queue-board> fires and their details; the element imports them.

/** Detail of `motcua-queue-call`. */
export interface QueueCallDetail {
  /** `call` or `recall`. */
  readonly type: string;
  /** The ticket number, e.g. `A105`. */
  readonly number: string;
  /** The counter's label, e.g. `3`. */
  readonly counter: string;
}

declare global {
  interface HTMLElementEventMap {
    'motcua-queue-call': CustomEvent<QueueCallDetail>;
  }
}
