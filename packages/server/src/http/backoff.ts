import type { Queryable } from '../db/database.js';

/** Failures counted per office and key, with a back-off that doubles after the free ones (SQL on `dossier_lookup_failures`). */
export interface Backoff {
  /** Seconds to wait, if the key is blocked. */
  blocked(keys: readonly string[], now: number): Promise<number>;
  /** Seconds to wait (0: not blocked), and whether any failure of these keys is counted (a success has some to forget). */
  status(keys: readonly string[], now: number): Promise<{ readonly waitSeconds: number; readonly counted: boolean }>;
  failed(keys: readonly string[], now: number): Promise<void>;
  succeeded(key: string): Promise<void>;
}

/**
 * A back-off store: after `freeFailures` failures of a key within a day, the key is blocked for 2, 4, 8 … seconds,
 * at most `maxBackoffSeconds`; a success forgets the key. Kept in the database, so every instance shares it.
 *
 * @example
 * ```ts
 * const failures = backoff(db, { freeFailures: 3, maxBackoffSeconds: 3600 }, 'xa-cam-thanh');
 * if ((await failures.blocked(['client:203.0.113.7'], Date.now())) > 0) refuse();
 * ```
 */
export function backoff(
  db: Queryable,
  limits: { readonly freeFailures: number; readonly maxBackoffSeconds: number },
  office: string,
): Backoff {
  const status: Backoff['status'] = async (keys, now) => {
    const [row] = await db.query<{ until: number | string | null; counted: boolean }>(
      `select max(blocked_until) as until, count(*) > 0 as counted
         from dossier_lookup_failures where office = $2 and key = any($1)`,
      [keys, office],
    );
    const until = Number(row?.until ?? 0);
    return { waitSeconds: until > now ? Math.ceil((until - now) / 1000) : 0, counted: row?.counted === true };
  };
  return {
    status,
    blocked: async (keys, now) => (await status(keys, now)).waitSeconds,
    async failed(keys, now) {
      for (const key of keys) {
        // Failures older than a day are forgotten.
        const [row] = await db.query<{ failures: number }>(
          `insert into dossier_lookup_failures (office, key, failures, last_at, blocked_until) values ($3, $1, 1, $2, 0)
           on conflict (office, key) do update set
             failures = case when dossier_lookup_failures.last_at < $2 - 86400000 then 1
                             else dossier_lookup_failures.failures + 1 end,
             last_at = $2
           returning failures`,
          [key, now, office],
        );
        const extra = Number(row?.failures ?? 1) - limits.freeFailures;
        if (extra > 0) {
          const seconds = Math.min(limits.maxBackoffSeconds, 2 ** Math.min(extra, 30));
          await db.query('update dossier_lookup_failures set blocked_until = $2 where office = $3 and key = $1', [
            key,
            now + seconds * 1000,
            office,
          ]);
        }
      }
    },
    async succeeded(key) {
      await db.query('delete from dossier_lookup_failures where office = $2 and key = $1', [key, office]);
    },
  };
}
