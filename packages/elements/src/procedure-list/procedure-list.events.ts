// The event <motcua-procedure-list> fires and its detail; the element imports them.

import type { Procedure } from '@motcua/core/catalogue';

/**
 * The detail of the `motcua-select` event: the procedure chosen in the list or opened by a deep link.
 *
 * @example
 * ```ts
 * list.addEventListener('motcua-select', (event) => console.log(event.detail.code));
 * ```
 */
export interface ProcedureSelectDetail {
  /** The procedure. */
  readonly procedure: Procedure;
  /** Its full code (with the provincial suffix when there is one). */
  readonly code: string;
}

declare global {
  interface HTMLElementEventMap {
    'motcua-select': CustomEvent<ProcedureSelectDetail>;
  }
}
