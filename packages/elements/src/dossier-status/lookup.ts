// The request of one lookup, loaded with the first one (through compute.ts): the endpoint through the API client with
// the PIN in a header, or the page's resolver, and the problems its answers say.

import { ApiFailure, api } from '../internal/api-client.js';
import { HttpProblem } from './lookup-problem.js';
import type { DossierResolver } from './types.js';

/**
 * Fetches the dossier `code` with its `pin`: from the page's `resolver` when there is one, else from `endpoint`
 * (`{code}` replaced, resolved against the global `apiBase`) with the PIN in the `Dossier-Pin` header, never in the
 * URL.
 *
 * @throws HttpProblem when the answer says why no dossier is shown (not found, rate limited, server, malformed); the
 * API client's `ApiFailure` when no answer came (network, aborted).
 * @example
 * ```ts
 * const raw = await fetchDossier(undefined, 'api/dossiers/{code}', 'H01.23-261204-0001', '4821', signal);
 * ```
 */
export async function fetchDossier(
  resolver: DossierResolver | undefined,
  endpoint: string,
  code: string,
  pin: string,
  signal: AbortSignal,
): Promise<unknown> {
  if (resolver) {
    const abort = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
    const found = await Promise.race([resolver(code, pin, signal), abort]);
    if (found === null || found === undefined) throw new HttpProblem('not-found');
    return found;
  }
  try {
    return await api(endpoint.replace('{code}', encodeURIComponent(code)), { headers: { 'dossier-pin': pin }, signal });
  } catch (error) {
    const { status, code: reason, retryAfter } = error as ApiFailure;
    if (!(error instanceof ApiFailure) || !status) throw error;
    throw status === 404
      ? new HttpProblem('not-found')
      : status === 429
        ? new HttpProblem('rate-limited', retryAfter || 60)
        : new HttpProblem(reason === 'malformed' ? 'malformed' : 'server');
  }
}
