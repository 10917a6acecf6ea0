// Why a lookup shows no dossier: its names (in the element's events too), and the error the lookup (lookup.ts, loaded
// with the first one) throws for the element to read.
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

/** Why a lookup's answer shows no dossier, with the seconds to wait after a 429. */
export class HttpProblem extends Error {
  constructor(
    readonly problem: DossierLookupProblem,
    readonly retryAfter = 0,
  ) {
    super(problem);
  }
}
