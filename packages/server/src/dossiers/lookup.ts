import { isDossierCode } from '@motcua/core/deadline';
import type { Context, Env } from 'hono';
import { ApiError } from '../http/errors.js';
import { transactionRatingToken } from '../ratings/transaction-token.js';
import type { DossierLookupLimits } from './lookup-limits.js';
import { verifyPin } from './pin.js';
import type { DossierService } from './service.js';
import { loadDossier, type StoredDossier } from './store.js';
import { vietnamIso } from './vietnam-iso.js';
import { lookupView } from './view.js';

function notFound(): ApiError {
  return new ApiError(404, 'dossier-not-found', {
    vi: 'Không tìm thấy hồ sơ với mã và mã tra cứu (PIN) này',
    en: 'No dossier with this code and lookup PIN',
  });
}

/** The answer for a code this office does not have (staff routes). */
export function unknownDossier(): ApiError {
  return new ApiError(404, 'dossier-not-found', {
    vi: 'Không có hồ sơ với mã này',
    en: 'No dossier with this code',
  });
}

/** The header a lookup sends the dossier's PIN in: never in the URL, which proxies and browser histories keep. */
export const PIN_HEADER = 'Dossier-Pin';

let warnedPinInQuery = false;

/**
 * The PIN of a lookup: the `Dossier-Pin` header, else — for one release, for province adapters and printed links —
 * the deprecated `?pin=`, answered with a `Deprecation` header and logged once (without the PIN).
 */
function lookupPin(c: Context): string {
  const header = c.req.header(PIN_HEADER);
  if (header !== undefined) return header;
  const query = c.req.query('pin');
  if (query === undefined) return '';
  // RFC 9745: deprecated since 2026-12-01 (a structured date, seconds since the epoch).
  c.header('Deprecation', '@1796083200');
  if (!warnedPinInQuery) {
    warnedPinInQuery = true;
    console.warn(
      `motcua-server: tra cứu hồ sơ với ?pin= trong địa chỉ đã lỗi thời, hãy gửi mã tra cứu trong tiêu đề ${PIN_HEADER} / a dossier lookup sent its PIN in the URL (?pin=), which proxies and browser histories keep: send it in the ${PIN_HEADER} header (?pin= will be refused in a later release)`,
    );
  }
  return query;
}

function tooMany(c: Context, seconds: number): ApiError {
  c.header('Retry-After', String(seconds));
  return new ApiError(429, 'rate-limited', {
    vi: `Quá nhiều lần tra cứu; vui lòng thử lại sau ${seconds} giây`,
    en: `Too many lookups; try again in ${seconds} seconds`,
  });
}

/**
 * `GET /api/dossiers/{code}` (PIN in the `Dossier-Pin` header): the public view (`DossierLookup`), with the rating
 * token once the dossier is finished; an unknown code and a wrong PIN get the same 404 after the same work. Limited per
 * client (a sliding window, and a back-off after failures: the guessing client is slowed, not the dossier), and per
 * code only past a ceiling of wrong PINs from several addresses, where the code's lookups are paced
 * ({@link DossierLookupLimits}).
 *
 * @example
 * ```ts
 * app.get('/api/dossiers/:code', (c) => lookupDossier(c, service));
 * ```
 */
export async function lookupDossier(c: Context<Env, '/api/dossiers/:code'>, s: DossierService): Promise<Response> {
  const at = s.now();
  const dossier = await dossierWithPin(c, s, c.req.param('code'), lookupPin(c), at);
  c.header('Cache-Control', 'no-store');
  const view = lookupView(dossier, vietnamIso(at), s.clock);
  // A finished dossier can be rated: its lookup hands the citizen the dossier's rating token.
  const ratingToken = view.finished
    ? await transactionRatingToken({ dossier: dossier.code }, s.deps.secret, at)
    : undefined;
  return c.json(ratingToken ? { ...view, ratingToken } : view);
}

/**
 * The dossier a citizen opens with its code and PIN (the `Dossier-Pin` header): limited per code and per client,
 * with a back-off after failures; an unknown code and a wrong PIN get the same 404 after the same work.
 *
 * @example
 * ```ts
 * const dossier = await dossierWithPin(c, service, code, c.req.header(PIN_HEADER) ?? '', service.now());
 * ```
 */
export async function dossierWithPin(
  c: Context,
  s: DossierService,
  code: string,
  pin: string,
  at: number,
): Promise<StoredDossier> {
  const { db, office } = s;
  const codeKey = `code:${code.slice(0, 100)}`;
  const clientKey = `client:${s.clientOf(c)}`;
  const { limiter } = s.deps;
  await s.ready();
  // The guessing client waits out its back-off; the dossier is never blocked by it.
  const wait = await s.failures.blocked([clientKey], at);
  if (wait > 0) throw tooMany(c, wait);
  const perClient = await limiter.hit('dossier-lookup-client', clientKey, s.limits.perClient, at);
  if (!perClient.ok) throw tooMany(c, perClient.retryAfterSeconds);
  // A code at its ceiling of wrong PINs (a guesser spread over many addresses) is looked up one at a time.
  const ceiling = await limiter.check('dossier-lookup-code-failures', codeKey, s.limits.perCodeFailures, at);
  if (!ceiling.ok) {
    const paced = await limiter.hit('dossier-lookup-code-paced', codeKey, s.limits.perCodePaced, at);
    if (!paced.ok) throw tooMany(c, paced.retryAfterSeconds);
  }
  const wellFormed = isDossierCode(code, s.deps.codeFormat) && /^\d{4,8}$/.test(pin);
  const dossier = wellFormed ? await loadDossier(db, code) : undefined;
  const mine = dossier !== undefined && dossier.office === office.id;
  // The same work and the same answer for an unknown code and a wrong PIN.
  const ok = await verifyPin(pin, mine ? dossier.pinHash : undefined);
  if (!ok || !dossier) {
    await s.failures.failed([clientKey], at);
    // Every wrong PIN counts toward the code's ceiling (one address, held by its back-off, stays below it).
    await limiter.hit('dossier-lookup-code-failures', codeKey, s.limits.perCodeFailures, at);
    throw notFound();
  }
  return dossier;
}

/**
 * `GET /api/dossiers/{code}/receipt` (an officer signed in to this office): the receipt slip again, applicant included.
 *
 * @example
 * ```ts
 * app.get('/api/dossiers/:code/receipt', (c) => dossierReceipt(c, service));
 * ```
 */
export async function dossierReceipt(
  c: Context<Env, '/api/dossiers/:code/receipt'>,
  s: DossierService,
): Promise<Response> {
  const { db, office } = s;
  await s.ready();
  const dossier = await loadDossier(db, c.req.param('code'));
  if (!dossier || dossier.office !== office.id) throw unknownDossier();
  return c.json({ code: dossier.code, receipt: dossier.slip });
}
