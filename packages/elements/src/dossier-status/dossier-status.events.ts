// The events <motcua-dossier-status> fires and their details; the element imports them.

import type { DossierView } from './compute.js';
import type { DossierLookupProblem } from './lookup-problem.js';

export type { DossierLookupProblem } from './lookup-problem.js';

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
