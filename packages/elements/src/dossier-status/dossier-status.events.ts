// The events <motcua-dossier-status> fires and their details; the element imports them.

import type { DossierView } from './compute.js';

/** Why a lookup did not show a dossier. */
export type DossierLookupProblem =
  | 'invalid-code'
  | 'missing-pin'
  | 'invalid-pin'
  | 'not-found'
  | 'network'
  | 'timeout'
  | 'server'
  | 'malformed'
  | 'rate-limited';

/** Detail of `motcua-dossier-loaded`. */
export interface DossierLoadedDetail {
  readonly code: string;
  readonly status: DossierView['status'];
  readonly finished: boolean;
}

/** Detail of `motcua-dossier-error`. */
export interface DossierErrorDetail {
  readonly code: string;
  readonly problem: DossierLookupProblem;
}

declare global {
  interface HTMLElementEventMap {
    'motcua-dossier-loaded': CustomEvent<DossierLoadedDetail>;
    'motcua-dossier-error': CustomEvent<DossierErrorDetail>;
  }
}
