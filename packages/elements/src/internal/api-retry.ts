// A time limit per attempt and retries of what may pass, around the API client, for the elements whose requests need
// them (the kiosk, the rating form, the dossier lookup): pages that make none do not download them.
import { ApiFailure, type ApiOptions, api } from './api-client.js';

/** How long an attempt may take, and how often to try again. */
export interface RetryOptions {
  /** Per attempt, in milliseconds, the answer read to its end: then an {@link ApiFailure} `timeout` (status 0). */
  readonly timeoutMs: number;
  /**
   * The waits before the second, third, … attempt of a request whose failure may pass; its length is the number of
   * retries. None by default.
   */
  readonly retryDelays?: readonly number[];
}

/**
 * A request {@link apiRetrying} may send more than once: a read, or an unsafe request with the `Idempotency-Key` every
 * attempt carries (a new key per attempt would let the server carry it out twice).
 */
export type RetriedRequest = ApiOptions &
  ({ readonly method?: 'GET'; readonly body?: undefined } | { readonly key: string });

/**
 * Makes a request with {@link api}, each attempt within `timeoutMs`, and after a failure that may pass
 * ({@link ApiFailure.transient}: no answer, a timeout, a server failure, the same key still being processed) sends it
 * again after each of `retryDelays`, with the same `Idempotency-Key`, so that the server answers a retry with what it
 * already did. Gives up at once when the browser says it is offline, or when the page aborts; throws the last failure.
 *
 * @example
 * ```ts
 * const ticket = await apiRetrying('api/queue/tickets', { body, token, key }, { timeoutMs: 6000, retryDelays: [500] });
 * const services = await apiRetrying('api/queue/services', {}, { timeoutMs: 6000 });
 * ```
 */
export async function apiRetrying(path: string, options: RetriedRequest, retry: RetryOptions): Promise<unknown> {
  const { signal } = options;
  for (let attempt = 0; ; attempt++) {
    // The attempt's own deadline, which the page's abort ends too.
    const deadline = new AbortController();
    const stop = () => deadline.abort();
    const timer = setTimeout(stop, retry.timeoutMs);
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop);
    try {
      return await api(path, { ...options, signal: deadline.signal });
    } catch (error) {
      const failure =
        (error as ApiFailure).code === 'aborted' && !signal?.aborted ? new ApiFailure(0, 'timeout') : error;
      const delay = retry.retryDelays?.[attempt];
      if (delay === undefined || !navigator.onLine || !(failure as ApiFailure).transient) throw failure;
      await new Promise((resolve) => setTimeout(resolve, delay));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    }
  }
}
