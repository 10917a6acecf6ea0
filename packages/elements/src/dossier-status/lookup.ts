// The request of one lookup: the endpoint with the PIN in a header, or the page's resolver, and the problems its
// answers say.

import { apiUrl } from '../internal/config.js';
import type { DossierLookupProblem } from './dossier-status.events.js';
import type { DossierResolver } from './types.js';

/** Why a lookup's answer shows no dossier, with the seconds to wait after a 429. */
export class HttpProblem extends Error {
  constructor(
    readonly problem: DossierLookupProblem,
    readonly retryAfter = 0,
  ) {
    super(problem);
  }
}

/**
 * Fetches the dossier `code` with its `pin`: from the page's `resolver` when there is one, else from `endpoint` (`{code}`
 * replaced, resolved against the global `apiBase`) with the PIN in the `Dossier-Pin` header, never in the URL.
 *
 * @throws HttpProblem when the answer says why no dossier is shown (not found, rate limited, server, malformed).
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
  const url = apiUrl(endpoint.replace('{code}', encodeURIComponent(code)));
  const response = await fetch(url, { signal, headers: { accept: 'application/json', 'dossier-pin': pin } });
  if (response.status === 404) throw new HttpProblem('not-found');
  if (response.status === 429) {
    throw new HttpProblem('rate-limited', Number(response.headers.get('retry-after')) || 60);
  }
  if (!response.ok) throw new HttpProblem('server');
  try {
    return await response.json();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new HttpProblem('malformed');
  }
}
