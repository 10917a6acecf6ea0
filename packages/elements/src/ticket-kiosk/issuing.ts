/**
 * Issuing a ticket, loaded on the first touch or key press (or the first press): the request with its
 * `Idempotency-Key` and retries, the reading of the answers, and the strings of the ticket, refusal and print screens.
 */

import { readAnswerText, readIssuedTicket } from '@motcua/core/queue';
import { ApiFailure } from '../internal/api-client.js';
import { apiRetrying, type RetryOptions } from '../internal/api-retry.js';
import type { IssueOutcome, IssueRequest } from './request.js';

export { readTicketWait } from '@motcua/core/queue';
export { newIdempotencyKey } from '../internal/idempotency-key.js';
export { TICKET_KIOSK_LATER_STRINGS } from './later-strings.js';

/** What a refusal of the server means at the kiosk. */
function outcomeOf(failure: ApiFailure): IssueOutcome {
  const { status, code } = failure;
  // Every retry spent on a failure that may pass: nothing is known to be issued.
  if (failure.transient) return status ? { kind: 'failed', status } : { kind: 'offline' };
  if (status === 401 || status === 403) return { kind: 'unauthorized' };
  if (status === 429) return { kind: 'rate-limited' };
  if (status === 409 || status === 404 || status === 422) {
    return { kind: 'refused', code: code === 'http' ? 'refused' : code, message: readAnswerText(failure.text) };
  }
  return { kind: 'failed', status };
}

/**
 * Issues one ticket: `POST` with the kiosk's bearer token and `request.key` as the `Idempotency-Key`, retried with
 * the same key after a timeout, a network failure or a server failure (the API client's `apiRetrying`), so that the
 * server answers a retry with the ticket it already issued instead of issuing another. Never throws.
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
  try {
    const body = { service: request.service, ...(request.priority ? { priority: request.priority } : {}) };
    const answer = await apiRetrying(request.url, { body, token: request.token, key: request.key }, options);
    const ticket = readIssuedTicket(answer, Date.now());
    return ticket ? { kind: 'issued', ticket } : { kind: 'failed' };
  } catch (error) {
    return error instanceof ApiFailure ? outcomeOf(error) : { kind: 'offline' };
  }
}
