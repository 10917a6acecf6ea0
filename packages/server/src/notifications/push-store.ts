import type { Queryable } from '../db/database.js';

/** A browser's Web Push subscription (what `PushSubscription.toJSON()` gives), and the language it is told in. */
export interface StoredPushSubscription {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
  readonly language: 'vi' | 'en';
}

/** Subscriptions kept per dossier: a new one beyond this replaces the oldest. */
export const MAX_SUBSCRIPTIONS_PER_DOSSIER = 5;

/**
 * Keeps a browser's subscription for a dossier's status changes (the same endpoint again updates its keys), and at
 * most {@link MAX_SUBSCRIPTIONS_PER_DOSSIER} per dossier, the newest.
 *
 * @example
 * ```ts
 * await savePushSubscription(db, 'demo', code, subscription, Date.now());
 * ```
 */
export async function savePushSubscription(
  db: Queryable,
  office: string,
  dossier: string,
  s: StoredPushSubscription,
  now: number,
): Promise<void> {
  await db.query(
    `insert into push_subscriptions (office, dossier, endpoint, p256dh, auth, language, created_at)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (office, dossier, endpoint) do update
       set p256dh = excluded.p256dh, auth = excluded.auth, language = excluded.language, created_at = excluded.created_at`,
    [office, dossier, s.endpoint, s.keys.p256dh, s.keys.auth, s.language, now],
  );
  await db.query(
    `delete from push_subscriptions where office = $1 and dossier = $2 and endpoint not in (
       select endpoint from push_subscriptions where office = $1 and dossier = $2
       order by created_at desc, endpoint limit $3)`,
    [office, dossier, MAX_SUBSCRIPTIONS_PER_DOSSIER],
  );
}

/** A dossier's subscriptions. */
export async function pushSubscriptionsOf(
  db: Queryable,
  office: string,
  dossier: string,
): Promise<StoredPushSubscription[]> {
  const rows = await db.query<{ endpoint: string; p256dh: string; auth: string; language: 'vi' | 'en' }>(
    `select endpoint, p256dh, auth, language from push_subscriptions where office = $1 and dossier = $2
     order by created_at, endpoint`,
    [office, dossier],
  );
  return rows.map((r) => ({ endpoint: r.endpoint, keys: { p256dh: r.p256dh, auth: r.auth }, language: r.language }));
}

/** Forgets a subscription the push service says is gone (404 or 410). */
export async function removePushSubscription(db: Queryable, office: string, endpoint: string): Promise<void> {
  await db.query('delete from push_subscriptions where office = $1 and endpoint = $2', [office, endpoint]);
}
