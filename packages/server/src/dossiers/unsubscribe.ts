import { isDossierCode } from '@motcua/core/deadline';
import type { Context, Env } from 'hono';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { stopContact } from '../notifications/unsubscribe-store.js';
import { checkUnsubscribeToken, contactMatches, type UnsubscribeClaim } from '../notifications/unsubscribe-token.js';
import { recordAudit } from '../staff/audit-store.js';
import { unsubscribeBody } from './inputs.js';
import type { DossierService } from './service.js';
import { loadDossier } from './store.js';
import { UNSUBSCRIBE_PAGE_CSP, unsubscribePage } from './unsubscribe-page.js';

type UnsubscribeContext = Context<Env, '/api/dossiers/:code/unsubscribe'>;

/** The one answer for an unknown code, a malformed token and a tampered one. */
const INVALID_LINK = {
  vi: 'Liên kết ngừng nhận thông báo không hợp lệ',
  en: 'This link to stop the notices is not valid',
} as const;

function invalidLink(): ApiError {
  return new ApiError(404, 'invalid-unsubscribe-link', INVALID_LINK);
}

/** Limited per client like a dossier lookup: a token is unguessable, and guessing is slowed as well. */
async function limited(c: UnsubscribeContext, s: DossierService, at: number): Promise<void> {
  await s.ready();
  const hit = await s.deps.limiter.hit('dossier-unsubscribe-client', `client:${s.clientOf(c)}`, s.limits.perClient, at);
  if (!hit.ok) {
    c.header('Retry-After', String(hit.retryAfterSeconds));
    throw new ApiError(429, 'rate-limited', {
      vi: `Quá nhiều yêu cầu; vui lòng thử lại sau ${hit.retryAfterSeconds} giây`,
      en: `Too many requests; try again in ${hit.retryAfterSeconds} seconds`,
    });
  }
}

/** The claim of a token for a dossier of this office, or `undefined`. */
async function claimOf(s: DossierService, code: string, token: string): Promise<UnsubscribeClaim | undefined> {
  if (!isDossierCode(code, s.deps.codeFormat)) return undefined;
  const claim = checkUnsubscribeToken(s.deps.secret, s.office.id, code, token);
  if (!claim) return undefined;
  const dossier = await loadDossier(s.db, code);
  return dossier?.office === s.office.id ? claim : undefined;
}

/**
 * `GET /api/dossiers/{code}/unsubscribe?token=` (anyone with the link): a small page (Vietnamese with English, no
 * script) with a button to stop the notices. It changes nothing: mail scanners follow links. 404 page for an invalid
 * link.
 *
 * @example
 * ```ts
 * app.get('/api/dossiers/:code/unsubscribe', (c) => unsubscribeConfirmation(c, service));
 * ```
 */
export async function unsubscribeConfirmation(c: UnsubscribeContext, s: DossierService): Promise<Response> {
  await limited(c, s, s.now());
  const code = c.req.param('code');
  const claim = await claimOf(s, code, c.req.query('token') ?? '');
  c.header('Content-Security-Policy', UNSUBSCRIBE_PAGE_CSP);
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  if (!claim) return c.html(unsubscribePage({ code, message: INVALID_LINK, confirm: false }), 404);
  const message =
    claim.kind === 'e'
      ? {
          vi: 'Bấm nút dưới đây để ngừng nhận thư điện tử về tình trạng hồ sơ này.',
          en: 'Press the button below to stop the emails about this dossier’s status.',
        }
      : {
          vi: 'Bấm nút dưới đây để ngừng nhận tin nhắn về tình trạng hồ sơ này.',
          en: 'Press the button below to stop the text messages about this dossier’s status.',
        };
  return c.html(unsubscribePage({ code, message, confirm: true }));
}

/** Whether the body is the RFC 8058 one-click form (`List-Unsubscribe=One-Click`), url-encoded or multipart. */
function isForm(c: UnsubscribeContext): boolean {
  const type = c.req.header('content-type') ?? '';
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(type);
}

/**
 * `POST /api/dossiers/{code}/unsubscribe` (anyone with the link's token: in the query, with the RFC 8058 one-click
 * form body `List-Unsubscribe=One-Click`, or in a JSON body `{ "token": … }`): stops the notices to the contact the
 * token names (the dossier's email or phone leaves its `notify`, and its pending notices are dropped) and records it
 * in the audit trail without the contact. Idempotent: a repeat answers the same. 204 for JSON, a confirmation page for
 * a form; 404 `invalid-unsubscribe-link` for an unknown code or a malformed or tampered token.
 *
 * @example
 * ```ts
 * app.post('/api/dossiers/:code/unsubscribe', (c) => unsubscribeFromDossier(c, service));
 * ```
 */
export async function unsubscribeFromDossier(c: UnsubscribeContext, s: DossierService): Promise<Response> {
  const at = s.now();
  await limited(c, s, at);
  const code = c.req.param('code');
  const form = isForm(c);
  let token = c.req.query('token');
  if (form) {
    const body = await c.req.parseBody();
    if (body['List-Unsubscribe'] !== 'One-Click') {
      throw new ApiError(400, 'invalid-unsubscribe-body', {
        vi: 'Nội dung biểu mẫu phải là List-Unsubscribe=One-Click',
        en: 'The form body must be List-Unsubscribe=One-Click',
      });
    }
  } else {
    const input = await readJsonBody(c, unsubscribeBody);
    token = input.token ?? token;
  }
  const claim = await claimOf(s, code, token ?? '');
  if (!claim) throw invalidLink();
  const secret = s.deps.secret as string;
  const kind = claim.kind === 'e' ? 'email' : 'phone';
  await s.db.transaction(async (tx) => {
    const done = await stopContact(tx, s.office.id, code, kind, (contact) =>
      contactMatches(secret, s.office.id, claim, contact),
    );
    if (!done.stopped) return;
    // Never the contact itself: which kind was stopped and how many notices were dropped.
    await recordAudit(tx, {
      office: s.office.id,
      at,
      actor: { kind: 'anonymous' },
      action: 'dossier.unsubscribe',
      object: `dossier:${code}`,
      detail: { contact: kind, dropped: done.dropped },
    });
  });
  if (!form) return c.body(null, 204);
  c.header('Content-Security-Policy', UNSUBSCRIBE_PAGE_CSP);
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  return c.html(
    unsubscribePage({
      code,
      message: {
        vi: 'Đã ngừng gửi thông báo về hồ sơ này đến bạn.',
        en: 'The notices about this dossier are no longer sent to you.',
      },
      confirm: false,
    }),
  );
}
