import { type Answers, type Instrument, keptAnswers, scrubPersonalData } from '@motcua/core/satisfaction';
import type { ApiProblem } from '@motcua/core/text';
import { ApiFailure, type ApiOptions } from '../internal/api-client.js';
import { apiRetrying } from '../internal/api-retry.js';
import { newIdempotencyKey } from '../internal/idempotency-key.js';
import { pairedCredential } from '../internal/paired-device.js';

/** The JSON body of `POST /api/ratings`. */
export interface RatingRequestBody {
  /** The single-use rating token of a transaction-bound rating (the QR code on the receipt). */
  readonly token?: string;
  /** The device key of a counter tablet or of the QR code taped to a counter (counter-level rating). */
  readonly deviceKey?: string;
  /** The counter (quầy) of a counter-level rating. */
  readonly counter?: string;
  /** How the rating is given, e.g. `qr-phone`, `counter-tablet`, `portal`. */
  readonly channel?: string;
  /** The instrument version answered. */
  readonly instrument: { readonly id: string; readonly version: string };
  /** Question id → scale value or text, as core's `createResponse` keeps them; text scrubbed of personal data. */
  readonly answers: Readonly<Record<string, number | string>>;
  /** The honeypot field's value, only when a bot filled it in. */
  readonly honeypot?: string;
}

/** What {@link buildRatingRequest} needs. */
export interface RatingRequestInput {
  readonly instrument: Instrument;
  readonly answers: Answers;
  readonly token?: string;
  readonly deviceKey?: string;
  readonly counter?: string;
  readonly channel?: string;
  readonly honeypot?: string;
}

/**
 * The request body of one rating: the answers core keeps (`keptAnswers`: text trimmed, nothing for an unanswered
 * question), free text scrubbed of phone, citizen-id and e-mail numbers, and the instrument version answered. The
 * answers are the ones the form has just checked with core (`validateResponse`); the server checks them again. The
 * one place that knows the shape of the ratings API.
 *
 * @example
 * ```ts
 * buildRatingRequest({ instrument: instrumentFor('one-stop-rating', '2026-11-22'), answers: { overall: 3 }, token });
 * // { token, instrument: { id: 'vn-one-stop-rating', version: '1' }, answers: { overall: 3 } }
 * ```
 */
export function buildRatingRequest(input: RatingRequestInput): RatingRequestBody {
  const { instrument } = input;
  const answers: Record<string, number | string> = {};
  for (const [id, value] of Object.entries(keptAnswers(instrument, input.answers))) {
    answers[id] = typeof value === 'string' ? scrubPersonalData(value) : value;
  }
  return {
    ...(input.token ? { token: input.token } : {}),
    ...(input.deviceKey ? { deviceKey: input.deviceKey } : {}),
    ...(input.counter ? { counter: input.counter } : {}),
    ...(input.channel ? { channel: input.channel } : {}),
    instrument: { id: instrument.id, version: instrument.version },
    answers,
    ...(input.honeypot ? { honeypot: input.honeypot } : {}),
  };
}

/** How a send ended. */
export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'already-rated' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'invalid'; readonly problems: readonly ApiProblem[] }
  | { readonly kind: 'rate-limited' }
  /**
   * Network failure, timeout, 5xx or a concurrent retry still running: worth trying again later. `status` is the
   * server's, 0 when no answer came (the API client's).
   */
  | { readonly kind: 'transient'; readonly status: number }
  /** Any other answer: trying again will not help. */
  | { readonly kind: 'failed' };

/** A rating ready to send, with the idempotency key that makes resending it safe. */
export interface PendingRating {
  /**
   * The `Idempotency-Key`, reused by every retry and by the offline queue: the rating token's id for a
   * transaction-bound rating, a key generated once per rating for a counter-level one.
   */
  readonly key: string;
  /** The absolute URL to POST to. */
  readonly url: string;
  readonly body: RatingRequestBody;
}

/**
 * Reads what the API client says of a rating's request: the server's answer, or no answer.
 *
 * @example
 * ```ts
 * classifyFailure(new ApiFailure(409, 'token-consumed')); // { kind: 'already-rated' }
 * ```
 */
export function classifyFailure(failure: ApiFailure): SendOutcome {
  const { status, code } = failure;
  // An answer of success that could not be read: the rating was recorded.
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status === 401 || status === 410) return { kind: 'expired' };
  if (failure.transient) return { kind: 'transient', status };
  // Rated already: 409 token-consumed (409 request-in-progress, the first request with this key still running, is
  // transient above), or the rating token's key reused for other answers (rated before, in another tab or on another
  // phone), which the server answers 422 idempotency-key-reused, keeping the first rating.
  if (status === 409 || code === 'idempotency-key-reused') return { kind: 'already-rated' };
  // A rating token the server cannot use (malformed, tampered, signed with another key) reads as an expired link.
  if (code.startsWith('token-')) return { kind: 'expired' };
  // Too many requests: the form asks to try again in a few minutes, the outbox waits for its next chance (neither
  // reads Retry-After).
  if (status === 429) return { kind: 'rate-limited' };
  if (status === 400 || status === 422) return { kind: 'invalid', problems: failure.problems };
  return { kind: 'failed' };
}

/**
 * What a counter-level rating is sent with, read at each send (never kept with a queued rating): the credential of
 * this paired counter tablet as the client's bearer token, else the counter an officer's console names
 * (`Motcua-Counter`, with the page's own session cookie).
 */
const counterCredential = (counter: string | undefined): Pick<ApiOptions, 'token' | 'headers'> => {
  const token = pairedCredential();
  return token ? { token } : { headers: counter ? { 'Motcua-Counter': counter } : undefined };
};

/**
 * POSTs a pending rating through the API client, with its `Idempotency-Key` (and, for a counter-level one, the
 * counter's credential), each attempt within `timeoutMs`, sent again after each of `retryDelays` while the failure may
 * pass and the browser is online. Network errors and timeouts come back as a `transient` outcome, never as a thrown
 * error.
 *
 * @example
 * ```ts
 * const outcome = await sendRating({ key: idempotencyKeyFor(body.token), url, body }, 15_000);
 * if (outcome.kind === 'transient') queueRating(pending);
 * ```
 */
export async function sendRating(
  pending: PendingRating,
  timeoutMs: number,
  retryDelays: readonly number[] = [],
): Promise<SendOutcome> {
  const { body, key, url } = pending;
  try {
    await apiRetrying(
      url,
      { body, key, ...(!body.token && counterCredential(body.counter)) },
      { timeoutMs, retryDelays },
    );
    return { kind: 'sent' };
  } catch (error) {
    // No answer, or a timeout, is an ApiFailure with status 0; anything else thrown is worth trying again later too.
    return error instanceof ApiFailure ? classifyFailure(error) : { kind: 'transient', status: 0 };
  }
}

/**
 * The id of a rating token (its `j` claim), read without checking the signature (only the server holds the key):
 * `undefined` when the token is not one core's `createRatingToken` makes.
 *
 * @example
 * ```ts
 * ratingTokenId(token); // 'kQ2v…', the id the server stores the rating under
 * ```
 */
export function ratingTokenId(token: string | undefined): string | undefined {
  const parts = token?.split('.') ?? [];
  if (parts.length !== 4 || parts[0] !== 'r1') return undefined;
  try {
    // The payload's UTF-8 bytes as atob gives them, one character each: any other claim's non-ASCII text reads
    // differently, the id (ASCII only, as checked) reads the same.
    const payload: unknown = JSON.parse(atob((parts[2] as string).replace(/-/g, '+').replace(/_/g, '/')));
    const id = (payload as { j?: unknown } | null)?.j;
    return typeof id === 'string' && /^[\w-]{8,64}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `Idempotency-Key` of a new rating: the rating token's id for a transaction-bound rating, so that every tab and
 * every retry of one transaction's rating sends the same key, and a random key, kept with the rating, for a
 * counter-level one (or a token that cannot be read).
 *
 * @example
 * ```ts
 * idempotencyKeyFor(token); // the token's id
 * idempotencyKeyFor(undefined); // a random key
 * ```
 */
export function idempotencyKeyFor(token: string | undefined): string {
  return ratingTokenId(token) ?? newIdempotencyKey();
}

/**
 * The key to send a rating under after the server answered its key for good without recording it (invalid answers,
 * too many requests, an unexpected 4xx): the token's id with a counter (`id.1`, `id.2`, …) for a transaction-bound
 * rating, a new random key otherwise.
 *
 * @example
 * ```ts
 * nextIdempotencyKey(tokenId, token); // `${tokenId}.1`
 * nextIdempotencyKey(`${tokenId}.1`, token); // `${tokenId}.2`
 * ```
 */
export function nextIdempotencyKey(spent: string, token: string | undefined): string {
  const id = ratingTokenId(token);
  if (id === undefined) return newIdempotencyKey();
  if (spent === id) return `${id}.1`;
  const count = spent.startsWith(`${id}.`) ? Number(spent.slice(id.length + 1)) : Number.NaN;
  return Number.isInteger(count) && count > 0 ? `${id}.${count + 1}` : id;
}
