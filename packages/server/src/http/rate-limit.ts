import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../db/database.js';
import type { RateLimitRule } from '../office/office.js';
import { ApiError } from './errors.js';
import { slidingWindowHit } from './sliding-window.js';

/** The outcome of counting one request. */
export type RateLimitVerdict =
  | { readonly ok: true; readonly remaining: number }
  | { readonly ok: false; readonly retryAfterSeconds: number };

/** Counts requests per named limit and key in the database, so every instance on one PostgreSQL shares the count. */
export interface RateLimiter {
  /** Counts one request under `name` and `key` and says whether it is within `rule` (a refused one is not counted). */
  hit(name: string, key: string, rule: RateLimitRule, now: number): Promise<RateLimitVerdict>;
  /** Whether one more request under `name` and `key` would be within `rule`, without counting it. */
  check(name: string, key: string, rule: RateLimitRule, now: number): Promise<RateLimitVerdict>;
}

/** Attempts to take a key's row when a concurrent clean-up removed it in between (each attempt is one round trip). */
const ROW_ATTEMPTS = 3;

/**
 * A sliding-window rate limiter (`slidingWindowHit`: no window of the rule's length ever holds more than its
 * limit — no 2× burst at a fixed window's boundary) in the `rate_limit_windows` table: each key's row keeps the times
 * of its accepted requests in the window (at most `limit`), read and written under the row's lock, so instances on
 * one PostgreSQL share the count exactly. Each limit has a name and is counted per office and key (a kiosk, a rating
 * token, a client address). Keys longer than 64 characters are stored as their SHA-256. Rows whose window has passed are
 * removed when a new key appears. The counts are committed without waiting for the disk (`synchronous_commit =
 * off`): losing the last few after a database crash is harmless.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter(db, 'xa-cam-thanh');
 * await limiter.hit('tickets', 'kiosk-1', { limit: 120, windowSeconds: 60 }, Date.now()); // { ok: true, remaining: 119 }
 * ```
 */
export function createRateLimiter(db: Pick<Database, 'transaction' | 'query'>, office: string): RateLimiter {
  return {
    async hit(name, key, rule, now) {
      const stored = key.length > 64 ? hashKey(key) : key;
      return db.transaction(async (tx) => {
        await tx.query('set local synchronous_commit = off');
        for (let attempt = 0; attempt < ROW_ATTEMPTS; attempt++) {
          const created = await tx.query(
            `insert into rate_limit_windows (office, name, key, stamps, expires_at)
             values ($4, $1, $2, '[]'::jsonb, $3) on conflict (office, name, key) do nothing returning key`,
            [name, stored, now + rule.windowSeconds * 1000, office],
          );
          if (created.length === 1) {
            // A new key clears rows whose window has passed (skipping any another request holds).
            await tx.query(
              `delete from rate_limit_windows where ctid in (select ctid from rate_limit_windows
                 where expires_at < $1 limit 100 for update skip locked)`,
              [now],
            );
          }
          const [row] = await tx.query<{ stamps: unknown }>(
            'select stamps from rate_limit_windows where office = $3 and name = $1 and key = $2 for update',
            [name, stored, office],
          );
          if (!row) continue;
          const verdict = slidingWindowHit(stampsOf(row.stamps), now, rule);
          if (!verdict.ok) return verdict;
          await tx.query(
            'update rate_limit_windows set stamps = $3::jsonb, expires_at = $4 where office = $5 and name = $1 and key = $2',
            [
              name,
              stored,
              JSON.stringify(verdict.stamps),
              Math.max(...verdict.stamps) + rule.windowSeconds * 1000,
              office,
            ],
          );
          return { ok: true, remaining: verdict.remaining };
        }
        throw new Error(`rate limit ${name}: the key's row keeps disappearing`);
      });
    },
    async check(name, key, rule, now) {
      const stored = key.length > 64 ? hashKey(key) : key;
      const [row] = await db.query<{ stamps: unknown }>(
        'select stamps from rate_limit_windows where office = $3 and name = $1 and key = $2',
        [name, stored, office],
      );
      const verdict = slidingWindowHit(row ? stampsOf(row.stamps) : [], now, rule, false);
      return verdict.ok ? { ok: true, remaining: verdict.remaining } : verdict;
    },
  };
}

/**
 * A sliding-window rate limiter in this process's memory (`slidingWindowHit`), for limits that protect the
 * instance itself (its CPU and its database connection) rather than a shared budget: public reads. Keys whose window
 * has passed are forgotten once more than `maxKeys` are held.
 *
 * @example
 * ```ts
 * const reads = createMemoryRateLimiter();
 * await reads.hit('public-reads', '203.0.113.7', { limit: 600, windowSeconds: 60 }, Date.now()); // { ok: true, … }
 * ```
 */
export function createMemoryRateLimiter(maxKeys = 10_000): RateLimiter {
  const windows = new Map<string, { stamps: readonly number[]; expiresAt: number }>();
  const verdictOf = (name: string, key: string, rule: RateLimitRule, now: number, count: boolean) => {
    const id = `${name}\u0000${key}`;
    const verdict = slidingWindowHit(windows.get(id)?.stamps ?? [], now, rule, count);
    if (!verdict.ok) return verdict;
    if (count) {
      if (windows.size >= maxKeys) {
        for (const [k, w] of windows) if (w.expiresAt <= now) windows.delete(k);
      }
      windows.set(id, { stamps: verdict.stamps, expiresAt: Math.max(...verdict.stamps) + rule.windowSeconds * 1000 });
    }
    return { ok: true, remaining: verdict.remaining } as const;
  };
  return {
    hit: async (name, key, rule, now) => verdictOf(name, key, rule, now, true),
    check: async (name, key, rule, now) => verdictOf(name, key, rule, now, false),
  };
}

function stampsOf(value: unknown): number[] {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(Number) : [];
}

/** A key that is not kept in clear (a rating token): its SHA-256, base64url. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/**
 * Middleware counting each request of `method` (default `POST`) under a named limit and the key `keyOf` returns
 * (`undefined`: not counted);
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
  method: 'GET' | 'POST' | 'PUT' = 'POST',
): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== method) return next();
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
