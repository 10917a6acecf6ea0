import { type CivilDate, civilDateOf } from '@motcua/core/calendar';
import {
  BUILT_IN_INSTRUMENTS,
  createResponse,
  type Instrument,
  instrumentFor,
  RatingTokenError,
  type VerifiedRatingToken,
  verifyRatingToken,
} from '@motcua/core/satisfaction';
import type { Context } from 'hono';
import type { Queryable } from '../db/database.js';
import { checkInput } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import type { Office } from '../office/office.js';
import { ratingDevice } from './counter-device.js';
import type { RatingRoutesDeps } from './deps.js';
import { DEFAULT_RATING_INSTRUMENT, HONEYPOT_FIELD, type RatingBody, ratingBody } from './inputs.js';
import { jsonBody } from './request-body.js';
import { insertDeviceRating, insertTokenRating, ratingTokenUsed, transactionInOffice } from './store.js';

/**
 * The instrument a rating names: an exact version, or the version of a family in force on a date.
 *
 * @example
 * ```ts
 * instrumentOf('vn-one-stop-rating', '2026-12-04').version; // '1'
 * ```
 */
export function instrumentOf(named: string | { id: string; version: string }, date: CivilDate): Instrument {
  if (typeof named !== 'string') {
    const exact = BUILT_IN_INSTRUMENTS.find((i) => i.id === named.id && i.version === named.version);
    if (!exact) {
      throw new ApiError(404, 'unknown-instrument', {
        vi: `Không có bộ câu hỏi ${named.id} phiên bản ${named.version}`,
        en: `No instrument ${named.id} version ${named.version}`,
      });
    }
    return exact;
  }
  const id = named;
  const family = BUILT_IN_INSTRUMENTS.find((i) => i.id === id);
  if (!family) {
    throw new ApiError(404, 'unknown-instrument', {
      vi: `Không có bộ câu hỏi "${id}"`,
      en: `No instrument "${id}"`,
    });
  }
  return instrumentFor(family.kind, date, { id });
}

const TOKEN_STATUS = { malformed: 400, 'wrong-secret': 401, tampered: 401, expired: 410, consumed: 409 } as const;

function tokenError(error: RatingTokenError): ApiError {
  const text = error.problems[0]?.message ?? { vi: 'Mã đánh giá không hợp lệ', en: 'The rating token is not valid' };
  return new ApiError(TOKEN_STATUS[error.reason], `token-${error.reason}`, text);
}

/**
 * Whether a verified token is this office's: its dossier or its ticket is one of the office's (offices on one
 * PostgreSQL server may share the signing secret), or, for a token naming only a counter, the counter is.
 */
async function issuedByOffice(db: Queryable, office: Office, claims: VerifiedRatingToken): Promise<boolean> {
  if (claims.dossier !== undefined) return transactionInOffice(db, office.id, { dossier: claims.dossier });
  if (claims.ticket !== undefined) return transactionInOffice(db, office.id, { ticket: claims.ticket });
  return claims.counter !== undefined && office.queue.counters.has(claims.counter);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * `POST /api/ratings`: a rating with a rating token (bound to its dossier or ticket, once per token) or, without
 * one, from a counter's device — its paired tablet's credential or the counter's static token (a resend with the
 * same Idempotency-Key is answered with the first rating).
 * A bot that fills the honeypot is answered as if accepted and nothing is kept.
 *
 * @example
 * ```ts
 * app.post('/api/ratings', (c) => submitRating(c, deps));
 * ```
 */
export async function submitRating(c: Context, deps: RatingRoutesDeps): Promise<Response> {
  const { db, office, now } = deps;
  const input: RatingBody = checkInput(ratingBody, await jsonBody(c));
  const honeypot = input[HONEYPOT_FIELD];
  if (honeypot !== undefined && honeypot !== null && honeypot !== '') {
    // A bot: answer as if accepted, keep nothing.
    return c.json({ accepted: true }, 201);
  }
  const at = now();
  const instrument = instrumentOf(input.instrument ?? DEFAULT_RATING_INSTRUMENT, civilDateOf(at));
  if (input.token === undefined) {
    const device = ratingDevice(c);
    if (!device) {
      throw new ApiError(401, 'unauthorized', {
        vi: 'Đánh giá tại quầy cần mã truy cập (Authorization: Bearer) của máy tính bảng tại quầy đã ghép nối',
        en: 'A counter rating needs the paired counter tablet’s credential (Authorization: Bearer)',
      });
    }
    if (input.counter !== undefined && input.counter !== device.counter) {
      throw new ApiError(403, 'forbidden', {
        vi: 'Thiết bị này chỉ nhận đánh giá cho quầy của mình',
        en: 'This device takes ratings for its own counter only',
      });
    }
    const response = createResponse(instrument, input.answers, {
      submittedAt: at,
      counter: device.counter,
      ...(input.channel !== undefined ? { channel: input.channel } : {}),
    });
    // With an Idempotency-Key the rating remembers it for good: the idempotency middleware answers a resend only
    // while it keeps the first answer, and a tablet may send again after days offline.
    const key = c.req.header('idempotency-key');
    const requestKey = key ? `${device.key}:${key}` : null;
    const id = await insertDeviceRating(db, {
      office: office.id,
      deviceKey: device.key,
      instrumentId: response.instrumentId,
      instrumentVersion: response.instrumentVersion,
      answers: response.answers,
      submittedAt: at,
      counter: device.counter,
      channel: input.channel ?? null,
      requestKey,
    });
    return c.json({ accepted: true, id }, 201);
  }
  const secret = deps.secret;
  if (!secret || new TextEncoder().encode(secret).length < 32) {
    throw new ApiError(503, 'no-secret', {
      vi: 'Máy chủ chưa có khóa ký mã đánh giá (ít nhất 32 byte)',
      en: 'No rating token key (at least 32 bytes) is configured on this server',
    });
  }
  const token = input.token;
  const id = await db.transaction(async (tx) => {
    let claims: VerifiedRatingToken;
    try {
      claims = await verifyRatingToken(token, secret, {
        now: at,
        isConsumed: (tokenId) => ratingTokenUsed(tx, tokenId),
      });
    } catch (error) {
      if (error instanceof RatingTokenError) throw tokenError(error);
      throw error;
    }
    if (!(await issuedByOffice(tx, office, claims))) {
      throw new ApiError(401, 'token-other-office', {
        vi: 'Mã đánh giá không do cơ quan này cấp',
        en: 'The rating token was not issued by this office',
      });
    }
    const transactionId = claims.dossier ?? claims.ticket;
    const response = createResponse(instrument, input.answers, {
      submittedAt: at,
      ...(transactionId !== undefined ? { transactionId } : {}),
      ...(claims.counter !== undefined ? { counter: claims.counter } : {}),
      ...(claims.officer !== undefined ? { officer: claims.officer } : {}),
      ...(claims.procedure !== undefined ? { procedure: claims.procedure } : {}),
      ...(input.channel !== undefined ? { channel: input.channel } : {}),
    });
    try {
      return await insertTokenRating(tx, {
        office: office.id,
        tokenId: claims.tokenId,
        instrumentId: response.instrumentId,
        instrumentVersion: response.instrumentVersion,
        answers: response.answers,
        submittedAt: at,
        transactionId: transactionId ?? null,
        counter: claims.counter ?? null,
        officer: claims.officer ?? null,
        procedure: claims.procedure ?? null,
        channel: input.channel ?? null,
      });
    } catch (error) {
      // Two submissions of one token at once: the unique index lets one through.
      if (isUniqueViolation(error)) throw tokenError(new RatingTokenError('consumed'));
      throw error;
    }
  });
  return c.json({ accepted: true, id }, 201);
}
