// Why a lookup shows no dossier: thrown by the lookup (lookup.ts, loaded with the first one), read by the element.
import type { DossierLookupProblem } from './dossier-status.events.js';

/** Why a lookup's answer shows no dossier, with the seconds to wait after a 429. */
export class HttpProblem extends Error {
  constructor(
    readonly problem: DossierLookupProblem,
    readonly retryAfter = 0,
  ) {
    super(problem);
  }
}
