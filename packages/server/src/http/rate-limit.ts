import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../db/database.js';
import type { RateLimitRule } from '../office/office.js';
import { ApiError } from './errors.js';

/** The outcome of counting one request. */
export type RateLimitVerdict =
  | { readonly ok: true; readonly remaining: number }
  | { readonly ok: false; readonly retryAfterSeconds: number };

/** Counts requests per named limit and key in the database, so every instance on one PostgreSQL shares the count. */
export interface RateLimiter {
  /** Counts one request under `name` and `key` and says whether it is within `rule`. */
  hit(name: string, key: string, rule: RateLimitRule, now: number): Promise<RateLimitVerdict>;
}

/**
 * A fixed-window rate limiter in the `rate_limits` table: one atomic upsert per request. Each limit has a name and
 * is counted per key (a kiosk, a rating token, a device key) — never per IP address, since a whole commune may sit
 * behind one NAT. Keys longer than 64 characters are stored as their SHA-256. The counts are committed without
 * waiting for the disk (`synchronous_commit = off`): losing the last few after a database crash is harmless.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter(db);
 * await limiter.hit('tickets', 'kiosk-1', { limit: 120, windowSeconds: 60 }, Date.now()); // { ok: true, remaining: 119 }
 * ```
 */
export function createRateLimiter(db: Pick<Database, 'transaction'>): RateLimiter {
  return {
    async hit(name, key, rule, now) {
      const stored = key.length > 64 ? hashKey(key) : key;
      const windowStart = Math.floor(now / 1000 / rule.windowSeconds) * rule.windowSeconds;
      const hits = await db.transaction(async (tx) => {
        await tx.query('set local synchronous_commit = off');
        const [row] = await tx.query<{ hits: number }>(
          `insert into rate_limits (name, key, window_start, hits) values ($1, $2, $3, 1)
           on conflict (name, key, window_start) do update set hits = rate_limits.hits + 1 returning hits`,
          [name, stored, windowStart],
        );
        const counted = Number(row?.hits ?? 1);
        if (counted === 1) {
          // The first request of a window clears this key's older windows.
          await tx.query('delete from rate_limits where name = $1 and key = $2 and window_start < $3', [
            name,
            stored,
            windowStart,
          ]);
        }
        return counted;
      });
      if (hits <= rule.limit) return { ok: true, remaining: rule.limit - hits };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(windowStart + rule.windowSeconds - now / 1000)) };
    },
  };
}

/** A key that is not kept in clear (a rating token): its SHA-256, base64url. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/**
 * Middleware counting each request under a named limit and the key `keyOf` returns (`undefined`: not counted);
 * answers 429 with `Retry-After` and a bilingual JSON error past the limit. Mount it before `idempotency`, so that
 * a refused request is not remembered as the answer to its Idempotency-Key.
 *
 * @example
 * ```ts
 * app.use('/api/queue/tickets', rateLimit(limiter, 'tickets', (c) => kioskOf(c), rule, Date.now));
 * ```
 */
export function rateLimit(
  limiter: RateLimiter,
  name: string,
  keyOf: (c: Context) => string | undefined | Promise<string | undefined>,
  rule: RateLimitRule,
  now: () => number,
): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = await keyOf(c);
    if (key === undefined) return next();
    const verdict = await limiter.hit(name, key, rule, now());
    if (!verdict.ok) {
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      throw new ApiError(429, 'rate-limited', {
        vi: `Quá nhiều yêu cầu; vui lòng thử lại sau ${verdict.retryAfterSeconds} giây`,
        en: `Too many requests; try again in ${verdict.retryAfterSeconds} seconds`,
      });
    }
    return next();
  };
}
