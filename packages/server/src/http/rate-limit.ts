import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../db/database.js';
import type { RateLimitRule } from '../office/office.js';
import { ApiError } from './errors.js';
import { isIdempotentRetry } from './idempotency.js';
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
  /** Takes back one request counted at `at` (a retry that carried nothing out). */
  unhit(name: string, key: string, at: number): Promise<void>;
}

/**
 * One statement counts a request: the key's row is created with this request, or — under the row's lock, which
 * `ON CONFLICT DO UPDATE` takes — its times in the window `(now − window, now]` are kept with this one added, only
 * when fewer than the limit are there (the sliding-window log of {@link slidingWindowHit}, which the tests hold it
 * to). No row back means refused. `created` tells a new key (a row inserted, not updated).
 */
const HIT_SQL = `insert into rate_limit_windows as w (office, name, key, stamps, expires_at)
  select $1, $2, $3, jsonb_build_array($4::bigint), $4::bigint + $5::bigint where $6::int >= 1
  on conflict (office, name, key) do update set
    stamps = (select jsonb_agg(at order by at) from (
                select value::bigint as at from jsonb_array_elements(w.stamps) where value::bigint > $4::bigint - $5::bigint
                union all select $4::bigint) kept),
    expires_at = greatest($4::bigint, (select max(value::bigint) from jsonb_array_elements(w.stamps))) + $5::bigint
  where (select count(*) from jsonb_array_elements(w.stamps) where value::bigint > $4::bigint - $5::bigint) < $6::int
  returning jsonb_array_length(stamps) as used, (xmax = 0) as created`;

/** Attempts when a refusal's times, read after it, no longer refuse (they left the window in between). */
const HIT_ATTEMPTS = 3;

/**
 * A sliding-window rate limiter (`slidingWindowHit`: no window of the rule's length ever holds more than its
 * limit — no 2× burst at a fixed window's boundary) in the `rate_limit_windows` table: each key's row keeps the times
 * of its accepted requests in the window (at most `limit`), read and written by one statement under the row's lock,
 * so instances on one PostgreSQL share the count exactly, in one round trip. Each limit has a name and is counted
 * per office and key (a kiosk, a rating token, a client address). Keys longer than 64 characters are stored as their
 * SHA-256. Rows whose window has passed are removed when a new key appears. The table is unlogged (migration
 * `0023-unlogged-rate-limits`): its writes wait for no disk, and a crash of the database forgets the counts, which
 * is harmless.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter(db, 'xa-cam-thanh');
 * await limiter.hit('tickets', 'kiosk-1', { limit: 120, windowSeconds: 60 }, Date.now()); // { ok: true, remaining: 119 }
 * ```
 */
export function createRateLimiter(db: Pick<Database, 'query' | 'transaction'>, office: string): RateLimiter {
  const stampsOfKey = async (name: string, stored: string) => {
    const [row] = await db.query<{ stamps: unknown }>(
      'select stamps from rate_limit_windows where office = $3 and name = $1 and key = $2',
      [name, stored, office],
    );
    return row ? stampsOf(row.stamps) : [];
  };
  return {
    async hit(name, key, rule, now) {
      const stored = storedKey(key);
      for (let attempt = 0; attempt < HIT_ATTEMPTS; attempt++) {
        const [row] = await db.query<{ used: number; created: boolean }>(HIT_SQL, [
          office,
          name,
          stored,
          now,
          rule.windowSeconds * 1000,
          rule.limit,
        ]);
        if (row) {
          if (row.created) {
            // A new key clears rows whose window has passed (skipping any another request holds).
            await db.query(
              `delete from rate_limit_windows where ctid in (select ctid from rate_limit_windows
                 where expires_at < $1 limit 100 for update skip locked)`,
              [now],
            );
          }
          return { ok: true, remaining: rule.limit - Number(row.used) };
        }
        const verdict = slidingWindowHit(await stampsOfKey(name, stored), now, rule, false);
        if (!verdict.ok) return verdict;
      }
      throw new Error(`rate limit ${name}: the key's times keep changing`);
    },
    async check(name, key, rule, now) {
      const stored = storedKey(key);
      const verdict = slidingWindowHit(await stampsOfKey(name, stored), now, rule, false);
      return verdict.ok ? { ok: true, remaining: verdict.remaining } : verdict;
    },
    async unhit(name, key, at) {
      const stored = storedKey(key);
      await db.transaction(async (tx) => {
        const [row] = await tx.query<{ stamps: unknown }>(
          'select stamps from rate_limit_windows where office = $3 and name = $1 and key = $2 for update',
          [name, stored, office],
        );
        const stamps = row ? stampsOf(row.stamps) : [];
        const i = stamps.indexOf(at);
        if (i < 0) return;
        stamps.splice(i, 1);
        await tx.query(
          'update rate_limit_windows set stamps = $4::jsonb where office = $3 and name = $1 and key = $2',
          [name, stored, office, JSON.stringify(stamps)],
        );
      });
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
  const idOf = (name: string, key: string) => `${name}\u0000${key}`;
  const verdictOf = (name: string, key: string, rule: RateLimitRule, now: number, count: boolean) => {
    const id = idOf(name, key);
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
    async unhit(name, key, at) {
      const window = windows.get(idOf(name, key));
      const i = window?.stamps.indexOf(at) ?? -1;
      if (window && i >= 0) window.stamps = window.stamps.filter((_, j) => j !== i);
    },
  };
}

/** A key as its row holds it: keys longer than 64 characters as their SHA-256. */
function storedKey(key: string): string {
  return key.length > 64 ? hashKey(key) : key;
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
 * a refused request is not remembered as the answer to its Idempotency-Key; a retry that `idempotency` answers
 * from its key (replayed, or still in progress) is then taken back, so that a client retrying after a lost answer
 * — a server that died mid-request — never runs out of its limit on the one request.
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
    const at = now();
    const verdict = await limiter.hit(name, key, rule, at);
    if (!verdict.ok) {
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      throw new ApiError(429, 'rate-limited', {
        vi: `Quá nhiều yêu cầu; vui lòng thử lại sau ${verdict.retryAfterSeconds} giây`,
        en: `Too many requests; try again in ${verdict.retryAfterSeconds} seconds`,
      });
    }
    await next();
    // A retry of a request already carried out, or still being carried out, does nothing more: not counted.
    if (isIdempotentRetry(c)) await limiter.unhit(name, key, at);
  };
}
