/**
 * Issuing a ticket, loaded on the first touch or key press (or the first press): the request with its
 * `Idempotency-Key` and retries, the reading of the answers, and the strings of the ticket, refusal and print screens.
 */

import { readAnswerText, readIssuedTicket } from '@motcua/core/queue';
import { isJsonObject } from '@motcua/core/text';
import type { IssueOutcome, IssueRequest, RetryOptions } from './request.js';

export { readTicketWait } from '@motcua/core/queue';
export { newIdempotencyKey } from '../internal/idempotency-key.js';
export { TICKET_KIOSK_LATER_STRINGS } from './later-strings.js';

type Attempt = IssueOutcome | { readonly kind: 'transient'; readonly status?: number };

async function attempt(request: IssueRequest, timeoutMs: number): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  let body: unknown;
  let read = false;
  try {
    response = await globalThis.fetch(request.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: `Bearer ${request.token}`,
        'Idempotency-Key': request.key,
      },
      body: JSON.stringify({
        service: request.service,
        ...(request.priority ? { priority: request.priority } : {}),
      }),
      signal: controller.signal,
    });
    // The body is read under the same timeout: an answer cut off half-way is an answer lost.
    body = await response.json().then(
      (value: unknown) => {
        read = true;
        return value;
      },
      () => undefined,
    );
  } catch {
    return { kind: 'transient' };
  } finally {
    clearTimeout(timer);
  }
  const { status } = response;
  if (response.ok) {
    // Without a readable answer the ticket may still have been issued: retried with the same key, it is replayed.
    if (!read) return { kind: 'transient' };
    const ticket = readIssuedTicket(body, Date.now());
    return ticket ? { kind: 'issued', ticket } : { kind: 'failed', status };
  }
  const error = isJsonObject(body) && isJsonObject(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : '';
  // 409 request-in-progress: the first request with this key is still running; 503: a command still being applied.
  if (status >= 500 || status === 408 || code === 'request-in-progress') return { kind: 'transient', status };
  if (status === 401 || status === 403) return { kind: 'unauthorized' };
  if (status === 429) return { kind: 'rate-limited' };
  if (status === 409 || status === 404 || status === 422) {
    return { kind: 'refused', code: code || 'refused', message: readAnswerText(error.message) };
  }
  return { kind: 'failed', status };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Issues one ticket: `POST` with the kiosk's bearer token and `request.key` as the `Idempotency-Key`, retried with
 * the same key after a timeout, a network failure or a server failure, so that the server answers a retry with
 * the ticket it already issued instead of issuing another. Never throws.
 *
 * @example
 * ```ts
 * const outcome = await issueTicket(
 *   { url: new URL('api/queue/tickets', base).href, token: 'demo-kiosk', key: newIdempotencyKey(), service: 'ho-tich' },
 *   { timeoutMs: 6000, retryDelays: [500, 2000] },
 * );
 * if (outcome.kind === 'issued') show(outcome.ticket.number);
 * ```
 */
export async function issueTicket(request: IssueRequest, options: RetryOptions): Promise<IssueOutcome> {
  let last: Attempt = { kind: 'transient' };
  for (let i = 0; i <= options.retryDelays.length; i++) {
    if (i > 0) await sleep(options.retryDelays[i - 1] ?? 0);
    last = await attempt(request, options.timeoutMs);
    if (last.kind !== 'transient') return last;
  }
  return last.kind === 'transient' && last.status !== undefined
    ? { kind: 'failed', status: last.status }
    : { kind: 'offline' };
}
