/**
 * What the kiosk paints with: one GET with a timeout through the API client (the services list, a ticket's wait), and
 * the shapes of issuing a ticket. The answers' shapes and their readers are core's (`@motcua/core/queue`); issuing
 * itself (`issuing.ts`) loads on the first touch.
 */

import type { IssuedTicket, AnswerText as ServerText } from '@motcua/core/queue';

// The services answer and a ticket's wait, as core declares them (still exported from the elements, for code that
// imports them from here); `ServerText` is core's `AnswerText`.
export type {
  AnswerText as ServerText,
  IssuedTicket,
  KioskPriorityClass,
  KioskService,
  KioskServices,
  TicketWait,
} from '@motcua/core/queue';

/** How issuing ended. */
export type IssueOutcome =
  | { readonly kind: 'issued'; readonly ticket: IssuedTicket }
  /** The server refused: `closed`, `closed-day`, `daily-cap`, `sequence-end`, `unknown-service`, …, with its text. */
  | { readonly kind: 'refused'; readonly code: string; readonly message?: ServerText }
  /** The kiosk token was not accepted. */
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'rate-limited' }
  /** No answer after every retry (network down, timeouts): nothing is known to be issued. */
  | { readonly kind: 'offline' }
  /** The server failed after every retry, or answered something unusable. */
  | { readonly kind: 'failed'; readonly status?: number };

/** What one issuing needs. */
export interface IssueRequest {
  /** The absolute URL of `POST /api/queue/tickets`. */
  readonly url: string;
  /** The kiosk's bearer token. */
  readonly token: string;
  /** The `Idempotency-Key`, the same for every retry. */
  readonly key: string;
  readonly service: string;
  readonly priority?: string;
}

/**
 * One GET through the API client (loaded with the first, and shared with issuing), each attempt within `timeoutMs`;
 * `undefined` on any failure, and the kiosk keeps what it shows.
 *
 * @example
 * ```ts
 * const services = readKioskServices(await getJson(apiUrl('api/queue/services').href, 6000));
 * ```
 */
export async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  try {
    return await (await import('../internal/api-retry.js')).apiRetrying(url, {}, { timeoutMs });
  } catch {
    return undefined;
  }
}
