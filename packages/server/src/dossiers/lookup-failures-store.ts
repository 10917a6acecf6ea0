import type { Queryable } from '../db/database.js';
import type { DossierLookupLimits } from './lookup-limits.js';

/** Failed lookups per key (a dossier code, a client), and the back-off they earn. */
export interface LookupFailures {
  /** Seconds to wait, if the key is blocked. */
  blocked(keys: readonly string[], now: number): Promise<number>;
  failed(keys: readonly string[], now: number): Promise<void>;
  succeeded(key: string): Promise<void>;
}

/**
 * The failed-lookup counts in `dossier_lookup_failures`: after `freeFailures` failures of a key, each further one
 * doubles its wait from 2 s up to `maxBackoffSeconds`; failures older than a day are forgotten.
 *
 * @example
 * ```ts
 * const failures = lookupFailuresStore(db, DEFAULT_LOOKUP_LIMITS);
 * if ((await failures.blocked(['code:…'], Date.now())) > 0) refuse();
 * ```
 */
export function lookupFailuresStore(db: Queryable, limits: DossierLookupLimits): LookupFailures {
  return {
    async blocked(keys, now) {
      const [row] = await db.query<{ until: number | string | null }>(
        'select max(blocked_until) as until from dossier_lookup_failures where key = any($1)',
        [keys],
      );
      const until = Number(row?.until ?? 0);
      return until > now ? Math.ceil((until - now) / 1000) : 0;
    },
    async failed(keys, now) {
      for (const key of keys) {
        // Failures older than a day are forgotten.
        const [row] = await db.query<{ failures: number }>(
          `insert into dossier_lookup_failures (key, failures, last_at, blocked_until) values ($1, 1, $2, 0)
           on conflict (key) do update set
             failures = case when dossier_lookup_failures.last_at < $2 - 86400000 then 1
                             else dossier_lookup_failures.failures + 1 end,
             last_at = $2
           returning failures`,
          [key, now],
        );
        const extra = Number(row?.failures ?? 1) - limits.freeFailures;
        if (extra > 0) {
          const seconds = Math.min(limits.maxBackoffSeconds, 2 ** Math.min(extra, 30));
          await db.query('update dossier_lookup_failures set blocked_until = $2 where key = $1', [
            key,
            now + seconds * 1000,
          ]);
        }
      }
    },
    async succeeded(key) {
      await db.query('delete from dossier_lookup_failures where key = $1', [key]);
    },
  };
}
