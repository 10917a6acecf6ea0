// The one way every motcua element talks to the server: the address (config.ts's apiUrl), JSON both ways, the
// project's error body (core's ApiErrorBody) read into one ApiFailure, an Idempotency-Key on every unsafe request,
// which the caller keeps for a retry, the bearer token of an element that has one, and abort on disconnect. A timeout
// and retries are api-retry.ts's, for the elements that need them.
import type { ApiErrorBody, ApiProblem, LocalizedText } from '@motcua/core/text';
import { apiUrl } from './config.js';

/**
 * A request the server did not carry out, or whose answer could not be used: the server's status and error code
 * with its Vietnamese and English message and, for invalid input, each problem with its path.
 *
 * `status` is 0 when no answer came, or it broke off; `code` is then `network`, `aborted`, or `timeout` (no answer
 * within `apiRetrying`'s time). A success whose answer is
 * not JSON, or not what the caller's reader expects, is `malformed`.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's message, when it gave one in both languages. */
    readonly text?: LocalizedText,
    readonly problems: readonly ApiProblem[] = [],
    /** The seconds of a `Retry-After` header (429, 503), 0 when none. */
    readonly retryAfter = 0,
  ) {
    super(code);
  }

  /**
   * Whether the request may have been carried out, or may be by a retry with the same `Idempotency-Key`: no answer
   * came (not aborted by the page), the answer was cut off or unreadable, the server failed or timed out, or the same
   * key is still being processed. A retry then sends the same key, and the server answers what it did the first time.
   */
  get transient(): boolean {
    const { status, code } = this;
    return status === 0
      ? code !== 'aborted'
      : status >= 500 || status === 408 || code === 'request-in-progress' || code === 'malformed';
  }
}

/** How to make one request with {@link api}. */
export interface ApiOptions {
  /** Default `GET`, or `POST` with a body. */
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  readonly body?: unknown;
  /** The element's bearer token (kiosk, counter, device credential); without one, the session cookie, if any. */
  readonly token?: string | undefined;
  /**
   * The `Idempotency-Key` of an unsafe request, which makes sending it again safe: the caller keeps it
   * (`newIdempotencyKey()`) to send the request again after a {@link ApiFailure.transient} failure; a new one when
   * absent.
   */
  readonly key?: string | undefined;
  /** Headers to add, e.g. the counter an officer's console works at (`Motcua-Counter`). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Aborts the request (the element leaving the page: `RequestsController`). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Makes one request to the motcua API and answers its JSON (`undefined` for an empty answer), for the caller to read
 * with core's reader, or throws an {@link ApiFailure} with the server's error body (core's `ApiErrorBody`) read.
 * `path` is resolved by the one address rule (`apiUrl`). An unsafe request carries an `Idempotency-Key` (the
 * caller's, else a new one). Credentials are the token as `Authorization: Bearer`, else the page's own cookies
 * (`same-origin`: a staff screen served by the server signs in with its session; a page on another origin sends
 * none).
 *
 * @example
 * ```ts
 * const session = readSessionView(await api('api/session', { body: { username, password } }));
 * ```
 */
export async function api(path: string, options: ApiOptions = {}): Promise<unknown> {
  const { body, signal, token } = options;
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  let response: Response;
  let json: unknown;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(token && { authorization: `Bearer ${token}` }),
        // The key generator loads with the first unsafe request that brings none.
        ...(method !== 'GET' && {
          'idempotency-key': options.key || (await import('./idempotency-key.js')).newIdempotencyKey(),
        }),
        ...options.headers,
      },
      body: JSON.stringify(body),
      // credentials: fetch's default, `same-origin`: the session cookie goes only to the page's own server.
      signal,
    });
    // An answer cut off half-way is an answer lost.
    json = await response.text();
  } catch {
    throw new ApiFailure(0, signal?.aborted ? 'aborted' : 'network');
  }
  const { ok, status } = response;
  try {
    json = json ? JSON.parse(json as string) : undefined;
  } catch {
    if (ok) throw new ApiFailure(status, 'malformed');
  }
  if (ok) return json;
  const error = (json as Partial<ApiErrorBody> | undefined)?.error;
  const problems = error?.problems;
  throw new ApiFailure(
    status,
    error?.code ?? 'http',
    error?.message,
    Array.isArray(problems) ? problems.filter((p) => p?.message) : [],
    Number(response.headers.get('retry-after')),
  );
}
