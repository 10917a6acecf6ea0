import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Database, Queryable } from '../db/database.js';
import { bearerToken } from './auth.js';
import { ApiError } from './errors.js';
import { type SessionCookie, SHARED_SESSION_COOKIE } from './session-cookie.js';

/** How long a request that started but never finished blocks its key before a retry may run it again (default). */
const STALE_AFTER_SECONDS = 30;

/** Hours a stored answer is kept for retries before it is purged (default). */
export const DEFAULT_IDEMPOTENCY_RETENTION_HOURS = 24;

/**
 * Deletes the stored answers (and abandoned claims) of keys first used before `before` (milliseconds since the
 * epoch, from the injected clock) and answers how many there were. Stored answers hold what was answered — a
 * receipt's lookup PIN and applicant — so they are kept only as long as a retry may come; tickets, dossiers and
 * transaction-bound ratings also refuse duplicates by themselves (their command id, receipt key, token id).
 *
 * @example
 * ```ts
 * await purgeIdempotencyKeys(db, Date.now() - DEFAULT_IDEMPOTENCY_RETENTION_HOURS * 3_600_000);
 * ```
 */
export async function purgeIdempotencyKeys(db: Queryable, before: number): Promise<number> {
  const [row] = await db.query<{ purged: number }>(
    `with purged as (delete from idempotency_keys where created_at < $1 returning 1)
     select count(*)::int as purged from purged`,
    [new Date(before).toISOString()],
  );
  return row?.purged ?? 0;
}

/**
 * What a key's first request was: method, path and the SHA-256 of the body. A request that reuses the key for
 * anything else (another rating with the same rating token, say) is not a retry.
 */
async function fingerprintOf(c: Context): Promise<string> {
  const body = new Uint8Array(await c.req.arrayBuffer());
  return `${c.req.method} ${c.req.path} ${createHash('sha256').update(body).digest('hex')}`;
}

/**
 * Who sent a request, for scoping its Idempotency-Key: the SHA-256 of its bearer token (a kiosk's, a counter's) or
 * else of its session cookie (a signed-in officer's), or `-` for a request with neither. Neither is stored as such.
 */
function callerOf(c: Context, cookie: SessionCookie): string {
  const token = bearerToken(c) ?? cookie.read(c)?.id;
  return token === undefined ? '-' : createHash('sha256').update(token).digest('base64url');
}

/** Requests answered from their key's record: replays, requests still in progress, keys reused. */
const retries = new WeakSet<Request>();

/**
 * Whether `idempotency` answered this request from its key's record (a replay, `request-in-progress`, or
 * `idempotency-key-reused`) instead of carrying it out: a rate limit mounted before it takes the request back.
 *
 * @example
 * ```ts
 * await next();
 * if (isIdempotentRetry(c)) await limiter.unhit('ratings', key, at);
 * ```
 */
export function isIdempotentRetry(c: Context): boolean {
  return retries.has(c.req.raw);
}

/**
 * Makes POST requests with an `Idempotency-Key` header safe to retry: the first request runs and its answer is
 * stored with the request's fingerprint (method, path, SHA-256 of the body); a retry with the same key (and route)
 * and the same request gets the stored answer instead of creating a second ticket, dossier or rating. A retry while
 * the first is still running gets 409; the key reused for a different request gets 422 `idempotency-key-reused`
 * (as the IETF Idempotency-Key draft suggests). Keys stored before fingerprints were kept replay as before.
 *
 * A key belongs to its `office` and its caller (the caller's bearer token): another office on the same
 * PostgreSQL, or another counter of the same office, sending the same key never gets this caller's answer — a
 * receipt's answer holds the dossier's PIN and the applicant's details.
 *
 * @example
 * ```ts
 * app.use('/api/*', idempotency(db, { office: 'xa-an-binh', staleAfterSeconds: 30 }));
 * ```
 */
export function idempotency(
  db: Database,
  options: {
    /** The office the requests are for: keys of different offices on one database never meet. */
    readonly office: string;
    /**
     * Seconds a request that started but never finished (its process died) blocks its key with 409 before a retry
     * may run it again (default 30).
     */
    readonly staleAfterSeconds?: number;
    /** The office's session cookie (a signed-in officer is the caller); by default the shared name. */
    readonly sessionCookie?: SessionCookie;
  },
): MiddlewareHandler {
  const staleAfter = options.staleAfterSeconds ?? STALE_AFTER_SECONDS;
  const cookie = options.sessionCookie ?? SHARED_SESSION_COOKIE;
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || !key) return next();
    if (key.length > 200) {
      throw new ApiError(400, 'invalid-idempotency-key', {
        vi: 'Idempotency-Key dài quá 200 ký tự',
        en: 'Idempotency-Key is longer than 200 characters',
      });
    }
    const route = c.req.path;
    const scope = `${options.office} ${callerOf(c, cookie)}`;
    const fingerprint = await fingerprintOf(c);
    const claimed = await db.query(
      `insert into idempotency_keys (key, route, scope, fingerprint, office) values ($1, $2, $5, $4, $6)
       on conflict (key, route, scope) do update set created_at = now(), fingerprint = excluded.fingerprint
         where idempotency_keys.status is null
           and idempotency_keys.created_at < now() - make_interval(secs => $3)
       returning key`,
      [key, route, staleAfter, fingerprint, scope, options.office],
    );
    if (claimed.length === 0) {
      retries.add(c.req.raw);
      const [stored] = await db.query<{
        status: number | null;
        content_type: string | null;
        body: string | null;
        fingerprint: string | null;
      }>(
        'select status, content_type, body, fingerprint from idempotency_keys where key = $1 and route = $2 and scope = $3',
        [key, route, scope],
      );
      // Keys stored before fingerprints were kept have none: they replay as before.
      if (stored?.fingerprint != null && stored.fingerprint !== fingerprint) {
        throw new ApiError(422, 'idempotency-key-reused', {
          vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác; yêu cầu mới không được thực hiện',
          en: 'This Idempotency-Key was already used for a different request; the new request was not carried out',
        });
      }
      if (stored?.status != null) {
        return new Response(stored.body, {
          status: stored.status,
          headers: { 'content-type': stored.content_type ?? 'application/json', 'idempotent-replayed': 'true' },
        });
      }
      throw new ApiError(409, 'request-in-progress', {
        vi: 'Yêu cầu này đang được xử lý, vui lòng thử lại sau giây lát',
        en: 'This request is still being processed; retry in a moment',
      });
    }
    try {
      await next();
    } catch (error) {
      await db.query('delete from idempotency_keys where key = $1 and route = $2 and scope = $3', [key, route, scope]);
      throw error;
    }
    const response = c.res;
    if (response.status >= 500) {
      await db.query('delete from idempotency_keys where key = $1 and route = $2 and scope = $3', [key, route, scope]);
      return;
    }
    const body = await response.clone().text();
    await db.query(
      `update idempotency_keys set status = $3, content_type = $4, body = $5
       where key = $1 and route = $2 and scope = $6`,
      [key, route, response.status, response.headers.get('content-type'), body, scope],
    );
  };
}
