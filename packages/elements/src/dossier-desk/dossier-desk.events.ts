import type { DossierStatus, DossierStepType } from '@motcua/core/deadline';

/** Detail of `motcua-dossier-step`: a step the server recorded on a dossier, and the status it led to. */
export interface DossierStepDetail {
  readonly code: string;
  readonly type: DossierStepType;
  readonly status: DossierStatus;
}

declare global {
  interface HTMLElementEventMap {
    'motcua-dossier-step': CustomEvent<DossierStepDetail>;
  }
}
