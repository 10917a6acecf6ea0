import type { Database, Queryable } from '../db/database.js';

/** A browser's Web Push subscription (what `PushSubscription.toJSON()` gives), and the language it is told in. */
export interface StoredPushSubscription {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
  readonly language: 'vi' | 'en';
}

/**
 * A browser's subscription to a queue ticket's calls, from its status page: told when the turn is near (`near` people
 * ahead or fewer) and when the number is called; `page` is the status page the notice opens.
 */
export interface TicketPushSubscription extends StoredPushSubscription {
  readonly near: number;
  readonly page?: string | undefined;
}

/** Where a ticket's subscriptions are kept: beside the dossiers', under this prefix and the ticket's id. */
export const TICKET_SUBJECT = 'ticket:';

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
  s: StoredPushSubscription & { readonly near?: number; readonly page?: string | undefined },
  now: number,
): Promise<void> {
  await db.query(
    `insert into push_subscriptions (office, dossier, endpoint, p256dh, auth, language, created_at, near, page)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (office, dossier, endpoint) do update
       set p256dh = excluded.p256dh, auth = excluded.auth, language = excluded.language, created_at = excluded.created_at,
         near = excluded.near, page = excluded.page`,
    [office, dossier, s.endpoint, s.keys.p256dh, s.keys.auth, s.language, now, s.near ?? null, s.page ?? null],
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

/**
 * Moves every subscription of the office whose endpoint is `oldEndpoint` — a dossier's or a ticket's — to the browser's
 * renewed subscription (`pushsubscriptionchange`): its new endpoint and keys, keeping the language, `near` and page
 * of each. Where a dossier or ticket already has the new endpoint too, that row gives way to the moved one. Notices
 * still pending for the old endpoint go to the new one. In one transaction; answers how many subscriptions moved.
 *
 * @example
 * ```ts
 * await renewPushSubscriptions(db, 'demo', 'https://push.example/old', { endpoint: 'https://push.example/new', keys });
 * ```
 */
export async function renewPushSubscriptions(
  db: Database,
  office: string,
  oldEndpoint: string,
  renewed: { readonly endpoint: string; readonly keys: { readonly p256dh: string; readonly auth: string } },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(
      `delete from push_subscriptions n where n.office = $1 and n.endpoint = $2 and $2 <> $3
       and exists (select 1 from push_subscriptions o where o.office = $1 and o.dossier = n.dossier and o.endpoint = $3)`,
      [office, renewed.endpoint, oldEndpoint],
    );
    const moved = await tx.query(
      `update push_subscriptions set endpoint = $3, p256dh = $4, auth = $5 where office = $1 and endpoint = $2
       returning dossier`,
      [office, oldEndpoint, renewed.endpoint, renewed.keys.p256dh, renewed.keys.auth],
    );
    await tx.query(
      `update notification_outbox set recipient = $3
       where office = $1 and kind = 'web-push' and status = 'pending' and (recipient::jsonb ->> 'endpoint') = $2`,
      [office, oldEndpoint, JSON.stringify({ endpoint: renewed.endpoint, keys: renewed.keys })],
    );
    return moved.length;
  });
}

/**
 * The office's ticket subscriptions, by ticket id; with `ticket`, that ticket's only.
 *
 * @example
 * ```ts
 * for (const [ticket, subscriptions] of await ticketPushSubscriptions(db, 'demo')) console.log(ticket, subscriptions.length);
 * ```
 */
export async function ticketPushSubscriptions(
  db: Queryable,
  office: string,
  ticket?: string,
): Promise<Map<string, TicketPushSubscription[]>> {
  const rows = await db.query<{
    dossier: string;
    endpoint: string;
    p256dh: string;
    auth: string;
    language: 'vi' | 'en';
    near: number | null;
    page: string | null;
  }>(
    `select dossier, endpoint, p256dh, auth, language, near, page from push_subscriptions
     where office = $1 and ${ticket === undefined ? 'starts_with(dossier, $2)' : 'dossier = $2'}
     order by created_at, endpoint`,
    [office, ticket === undefined ? TICKET_SUBJECT : `${TICKET_SUBJECT}${ticket}`],
  );
  const byTicket = new Map<string, TicketPushSubscription[]>();
  for (const r of rows) {
    const ticket = r.dossier.slice(TICKET_SUBJECT.length);
    const list = byTicket.get(ticket) ?? [];
    list.push({
      endpoint: r.endpoint,
      keys: { p256dh: r.p256dh, auth: r.auth },
      language: r.language,
      near: r.near ?? 0,
      ...(r.page ? { page: r.page } : {}),
    });
    byTicket.set(ticket, list);
  }
  return byTicket;
}

/** Forgets the subscriptions of tickets that are over (served, gone, from another day). */
export async function forgetTicketPushSubscriptions(
  db: Queryable,
  office: string,
  tickets: readonly string[],
): Promise<void> {
  if (tickets.length === 0) return;
  await db.query('delete from push_subscriptions where office = $1 and dossier = any($2::text[])', [
    office,
    tickets.map((t) => `${TICKET_SUBJECT}${t}`),
  ]);
}
