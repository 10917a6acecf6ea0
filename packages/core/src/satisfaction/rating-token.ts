import { MotcuaError, type Problem, problem } from '../text/problem.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';

/** What a rating token binds a rating to. At least one of `dossier`, `ticket` or `counter` is needed. */
export interface RatingClaims {
  /** Dossier code (mã hồ sơ), for a rating bound to a dossier. */
  readonly dossier?: string;
  /** Queue ticket id, for a rating bound to a visit. */
  readonly ticket?: string;
  /** Counter (quầy) code; alone, for a counter-level rating. */
  readonly counter?: string;
  /** Officer who served. */
  readonly officer?: string;
  /** Procedure (TTHC) code. */
  readonly procedure?: string;
}

/** A verified token's claims with its id and validity. */
export interface VerifiedRatingToken extends RatingClaims {
  /**
   * The token's random id. Single use rests on it: store it with the rating under a unique constraint,
   * and use it as the submission's idempotency key.
   */
  readonly tokenId: string;
  /** When it was issued (epoch milliseconds, whole seconds). */
  readonly issuedAt: number;
  /** When it stops being accepted (epoch milliseconds, whole seconds). */
  readonly expiresAt: number;
}

/** Why a token was refused. */
export type RatingTokenFailure = 'malformed' | 'wrong-secret' | 'tampered' | 'expired' | 'consumed';

const FAILURE_TEXT: Record<RatingTokenFailure, { vi: string; en: string }> = {
  malformed: { vi: 'Mã đánh giá không đúng định dạng', en: 'The rating token is malformed' },
  'wrong-secret': {
    vi: 'Mã đánh giá không do hệ thống này cấp (khóa khác)',
    en: 'The rating token was signed with another key',
  },
  tampered: { vi: 'Mã đánh giá đã bị sửa đổi', en: 'The rating token has been altered' },
  expired: { vi: 'Mã đánh giá đã hết hạn', en: 'The rating token has expired' },
  consumed: { vi: 'Mã đánh giá đã được sử dụng', en: 'The rating token has already been used' },
};

/**
 * The error {@link verifyRatingToken} throws, with the reason a server maps to a status
 * (e.g. `malformed`/`tampered`/`wrong-secret` → 400, `expired` → 410, `consumed` → 409).
 *
 * @example
 * ```ts
 * try {
 *   await verifyRatingToken(token, secret, { now: Date.now() });
 * } catch (error) {
 *   if (error instanceof RatingTokenError && error.reason === 'consumed') reply(409);
 * }
 * ```
 */
export class RatingTokenError extends MotcuaError {
  /** Why the token was refused. */
  readonly reason: RatingTokenFailure;

  constructor(reason: RatingTokenFailure) {
    super([problem(['token'], `token-${reason}`, FAILURE_TEXT[reason])]);
    this.name = 'RatingTokenError';
    this.reason = reason;
  }
}

/** A secret for signing: text (UTF-8) or bytes, at least 32 bytes. */
export type RatingSecret = string | Uint8Array;

/** The default lifetime: 30 days, longer than a rating may wait in an offline queue. */
export const DEFAULT_RATING_TOKEN_LIFETIME_SECONDS = 30 * 86_400;

const VERSION = 'r1';
const MIN_SECRET_BYTES = 32;
const KEY_ID_LABEL = 'motcua rating-token key id';

interface HmacKey {
  readonly __hmacKey?: never;
}

/** The subset of WebCrypto used here, present in browsers (secure contexts) and Node ≥ 19. */
interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
  readonly subtle: {
    importKey(
      format: 'raw',
      keyData: Uint8Array,
      algorithm: { name: 'HMAC'; hash: 'SHA-256' },
      extractable: false,
      usages: ('sign' | 'verify')[],
    ): Promise<HmacKey>;
    sign(algorithm: 'HMAC', key: HmacKey, data: Uint8Array): Promise<ArrayBuffer>;
    verify(algorithm: 'HMAC', key: HmacKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  };
}

interface TextCodec {
  encode(text: string): Uint8Array;
}
interface TextDecodeCodec {
  decode(bytes: Uint8Array): string;
}

function platform(): { crypto: WebCrypto; encoder: TextCodec; decoder: TextDecodeCodec } {
  const g = globalThis as unknown as {
    crypto?: WebCrypto;
    TextEncoder?: new () => TextCodec;
    TextDecoder?: new (label: string, options: { fatal: boolean }) => TextDecodeCodec;
  };
  if (!g.crypto?.subtle || !g.TextEncoder || !g.TextDecoder) {
    throw new MotcuaError([
      problem([], 'no-webcrypto', {
        vi: 'Môi trường này không có WebCrypto (cần trình duyệt qua HTTPS hoặc Node ≥ 19)',
        en: 'WebCrypto is not available here (a browser over HTTPS or Node ≥ 19 is needed)',
      }),
    ]);
  }
  return { crypto: g.crypto, encoder: new g.TextEncoder(), decoder: new g.TextDecoder('utf-8', { fatal: true }) };
}

interface SigningKey {
  readonly key: HmacKey;
  readonly keyId: string;
}

const keyCache = new Map<string, Promise<SigningKey>>();

function secretBytes(secret: RatingSecret, encoder: TextCodec): Uint8Array {
  const bytes = typeof secret === 'string' ? encoder.encode(secret) : secret;
  if (!(bytes instanceof Uint8Array) || bytes.length < MIN_SECRET_BYTES) {
    throw new MotcuaError([
      problem(['secret'], 'weak-secret', {
        vi: `Khóa ký phải dài ít nhất ${MIN_SECRET_BYTES} byte`,
        en: `The signing secret must be at least ${MIN_SECRET_BYTES} bytes long`,
      }),
    ]);
  }
  return bytes;
}

async function importSecret(secret: RatingSecret): Promise<SigningKey> {
  const { crypto, encoder } = platform();
  const bytes = secretBytes(secret, encoder);
  const load = async (): Promise<SigningKey> => {
    const key = await crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    const fingerprint = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(KEY_ID_LABEL)));
    return { key, keyId: encodeBase64Url(fingerprint.subarray(0, 6)) };
  };
  if (typeof secret !== 'string') return load();
  let cached = keyCache.get(secret);
  if (!cached) {
    cached = load();
    if (keyCache.size >= 16) keyCache.clear();
    keyCache.set(secret, cached);
  }
  return cached;
}

/** Options of {@link createRatingToken}. */
export interface CreateRatingTokenOptions {
  /** The current time (epoch milliseconds); the library never reads the clock itself. */
  readonly now: number;
  /** Lifetime in seconds; defaults to 30 days. */
  readonly expiresInSeconds?: number;
  /** A fixed token id (tests, re-issuing); by default 16 random bytes. */
  readonly tokenId?: string;
}

const CLAIM_KEYS = ['dossier', 'ticket', 'counter', 'officer', 'procedure'] as const;
const SHORT: Record<(typeof CLAIM_KEYS)[number], string> = {
  dossier: 'd',
  ticket: 't',
  counter: 'c',
  officer: 'o',
  procedure: 'p',
};

function checkClaims(claims: RatingClaims): Problem[] {
  const problems: Problem[] = [];
  for (const key of CLAIM_KEYS) {
    const value = claims[key];
    if (value !== undefined && (typeof value !== 'string' || value === '' || value.length > 200)) {
      problems.push(
        problem([key], 'invalid-claim', {
          vi: 'Giá trị phải là chuỗi 1–200 ký tự',
          en: 'The value must be a string of 1–200 characters',
        }),
      );
    }
  }
  if (!claims.dossier && !claims.ticket && !claims.counter) {
    problems.push(
      problem([], 'missing-binding', {
        vi: 'Mã đánh giá phải gắn với hồ sơ, số thứ tự hoặc quầy',
        en: 'A rating token must name a dossier, a ticket or a counter',
      }),
    );
  }
  return problems;
}

/**
 * Creates a signed, expiring rating token (HMAC-SHA-256 via WebCrypto) to print as a QR code on the
 * receipt or ticket, binding the rating to a dossier or ticket, counter and officer. Only a server should
 * hold the secret.
 *
 * @example
 * ```ts
 * const token = await createRatingToken(
 *   { dossier: '000.00.35.H56-260310-0001', counter: '1' },
 *   secret,
 *   { now: Date.now(), expiresInSeconds: 86_400 },
 * );
 * ```
 */
export async function createRatingToken(
  claims: RatingClaims,
  secret: RatingSecret,
  options: CreateRatingTokenOptions,
): Promise<string> {
  const problems = checkClaims(claims);
  const lifetime = options.expiresInSeconds ?? DEFAULT_RATING_TOKEN_LIFETIME_SECONDS;
  if (!Number.isFinite(options.now)) {
    problems.push(problem(['now'], 'invalid-instant', { vi: 'Thời điểm không hợp lệ', en: 'Invalid point in time' }));
  }
  if (!Number.isInteger(lifetime) || lifetime < 1) {
    problems.push(
      problem(['expiresInSeconds'], 'invalid-lifetime', {
        vi: `Thời hạn phải là số giây nguyên dương, nhận được ${lifetime}`,
        en: `The lifetime must be a positive whole number of seconds; got ${lifetime}`,
      }),
    );
  }
  if (options.tokenId !== undefined && !/^[A-Za-z0-9_-]{8,64}$/.test(options.tokenId)) {
    problems.push(
      problem(['tokenId'], 'invalid-token-id', {
        vi: 'Mã token phải gồm 8–64 ký tự A–Z, a–z, 0–9, - hoặc _',
        en: 'A token id must be 8–64 characters of A–Z, a–z, 0–9, - or _',
      }),
    );
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  const { crypto, encoder } = platform();
  const { key, keyId } = await importSecret(secret);
  const issuedAt = Math.floor(options.now / 1000);
  const payload: Record<string, string | number> = {
    j: options.tokenId ?? encodeBase64Url(crypto.getRandomValues(new Uint8Array(16))),
    i: issuedAt,
    e: issuedAt + lifetime,
  };
  for (const claim of CLAIM_KEYS) {
    const value = claims[claim];
    if (value !== undefined) payload[SHORT[claim]] = value;
  }
  const signed = `${VERSION}.${keyId}.${encodeBase64Url(encoder.encode(JSON.stringify(payload)))}`;
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(signed)));
  return `${signed}.${encodeBase64Url(signature)}`;
}

/** Options of {@link verifyRatingToken}. */
export interface VerifyRatingTokenOptions {
  /** The current time (epoch milliseconds). */
  readonly now: number;
  /** Whether the token id was already used; a `true` refuses the token as `consumed`. */
  readonly isConsumed?: (tokenId: string) => boolean | Promise<boolean>;
}

function parsePayload(bytes: Uint8Array, decoder: TextDecodeCodec): VerifiedRatingToken | undefined {
  let data: unknown;
  try {
    data = JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const { j, i, e } = record;
  if (typeof j !== 'string' || !Number.isInteger(i) || !Number.isInteger(e)) return undefined;
  const claims: Record<string, string> = {};
  for (const claim of CLAIM_KEYS) {
    const value = record[SHORT[claim]];
    if (value === undefined) continue;
    if (typeof value !== 'string') return undefined;
    claims[claim] = value;
  }
  return { ...claims, tokenId: j, issuedAt: (i as number) * 1000, expiresAt: (e as number) * 1000 };
}

/**
 * Verifies a rating token and returns its claims with the token id. Throws a {@link RatingTokenError}
 * whose `reason` tells a malformed token, one signed with another key (`wrong-secret`), an altered
 * one (`tampered`), an expired one, and one whose id `isConsumed` reports as used. Give several secrets
 * while rotating keys: the token's key id picks the right one.
 *
 * @example
 * ```ts
 * const rating = await verifyRatingToken(token, secret, { now: Date.now(), isConsumed: (id) => db.hasRating(id) });
 * rating.dossier; // '000.00.35.H56-260310-0001'
 * rating.tokenId; // the idempotency key of the submission
 * ```
 */
export async function verifyRatingToken(
  token: string,
  secret: RatingSecret | readonly RatingSecret[],
  options: VerifyRatingTokenOptions,
): Promise<VerifiedRatingToken> {
  if (!Number.isFinite(options.now)) {
    throw new MotcuaError([
      problem(['now'], 'invalid-instant', { vi: 'Thời điểm không hợp lệ', en: 'Invalid point in time' }),
    ]);
  }
  const { crypto, encoder, decoder } = platform();
  const secrets = Array.isArray(secret) ? (secret as readonly RatingSecret[]) : [secret as RatingSecret];
  const keys = await Promise.all(secrets.map(importSecret));
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 4 || parts[0] !== VERSION) throw new RatingTokenError('malformed');
  const [, keyId, body, signatureText] = parts as [string, string, string, string];
  const payloadBytes = decodeBase64Url(body);
  const signature = decodeBase64Url(signatureText);
  if (!payloadBytes || !signature || signature.length !== 32) throw new RatingTokenError('malformed');
  const signing = keys.find((k) => k.keyId === keyId);
  if (!signing) throw new RatingTokenError('wrong-secret');
  const signed = encoder.encode(`${VERSION}.${keyId}.${body}`);
  if (!(await crypto.subtle.verify('HMAC', signing.key, signature, signed))) throw new RatingTokenError('tampered');
  const verified = parsePayload(payloadBytes, decoder);
  if (!verified) throw new RatingTokenError('malformed');
  if (options.now >= verified.expiresAt) throw new RatingTokenError('expired');
  if (options.isConsumed && (await options.isConsumed(verified.tokenId))) throw new RatingTokenError('consumed');
  return verified;
}

/**
 * Builds the link to encode in a rating QR code: `base` with the token as the `t` query parameter
 * (kept before any `#fragment`).
 *
 * @example
 * ```ts
 * ratingLink('https://motcua.example.gov.vn/danh-gia', token); // 'https://motcua.example.gov.vn/danh-gia?t=r1.…'
 * ratingLink('https://example.vn/rate?lang=vi#form', 'r1.a.b.c'); // 'https://example.vn/rate?lang=vi&t=r1.a.b.c#form'
 * ```
 */
export function ratingLink(base: string, token: string): string {
  const hash = base.indexOf('#');
  const head = hash >= 0 ? base.slice(0, hash) : base;
  const tail = hash >= 0 ? base.slice(hash) : '';
  const joiner = head.includes('?') ? (head.endsWith('?') || head.endsWith('&') ? '' : '&') : '?';
  return `${head}${joiner}t=${encodeURIComponent(token)}${tail}`;
}

/**
 * Reads the rating token back out of a link made by {@link ratingLink}; `undefined` when there is none.
 *
 * @example
 * ```ts
 * ratingTokenFromLink('https://example.vn/rate?lang=vi&t=r1.a.b.c#form'); // 'r1.a.b.c'
 * ```
 */
export function ratingTokenFromLink(link: string): string | undefined {
  const hash = link.indexOf('#');
  const head = hash >= 0 ? link.slice(0, hash) : link;
  const query = head.indexOf('?');
  if (query < 0) return undefined;
  for (const pair of head.slice(query + 1).split('&')) {
    if (pair.startsWith('t=')) {
      try {
        return decodeURIComponent(pair.slice(2));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
