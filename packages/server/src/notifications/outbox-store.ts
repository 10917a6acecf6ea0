import type { DossierStatusNotice } from '@motcua/core/deadline';
import type { Queryable } from '../db/database.js';
import type { NotificationChannel } from './settings.js';

/** The NOTIFY channel that wakes the senders when notifications are written or replayed. */
export const OUTBOX_CHANNEL = 'motcua_outbox';

/** A notification to write, in the transaction that records the status change. */
export interface OutboxEntry {
  readonly id: string;
  readonly office: string;
  readonly dossier: string;
  readonly channel: NotificationChannel['id'];
  readonly kind: NotificationChannel['kind'];
  /** The citizen's email address or phone number; none for a webhook. */
  readonly recipient: string | null;
  readonly message: OutboxMessage;
}

/** What is delivered of a dossier's change: the notice, and the language of the text sent to a citizen. */
export interface DossierOutboxMessage {
  readonly notice: DossierStatusNotice;
  readonly language: 'vi' | 'en';
  /** The citizen's link to stop the notices to this contact (email and gateways, when the office can sign one). */
  readonly unsubscribeUrl?: string;
}

/**
 * What is delivered of a queue ticket's turn (near, or its number called) to the browsers that follow it, by Web Push
 * only: the notification as the service worker shows it, in the language of the page that subscribed.
 */
export interface TicketOutboxMessage {
  readonly push: { readonly title: string; readonly body: string; readonly tag: string; readonly url?: string };
  readonly language: 'vi' | 'en';
}

/** What is delivered: a dossier's change, or a ticket's turn. */
export type OutboxMessage = DossierOutboxMessage | TicketOutboxMessage;

/** A row claimed for delivery. */
export interface ClaimedNotification extends OutboxEntry {
  /** The tries so far, this one included. */
  readonly attempts: number;
}

/** A notification on the dead-letter list. */
export interface DeadLetter {
  readonly id: string;
  readonly dossier: string;
  readonly channel: string;
  readonly kind: NotificationChannel['kind'];
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly failedAt: number;
}

interface Row {
  id: string;
  office: string;
  dossier: string;
  channel: string;
  kind: NotificationChannel['kind'];
  recipient: string | null;
  message: OutboxMessage | string;
  attempts: number;
}

/**
 * Writes notifications (an existing id is left as it is: the same step never notifies twice) and wakes the senders
 * once the transaction commits (`pg_notify` is delivered on commit).
 *
 * @example
 * ```ts
 * await db.transaction(async (tx) => { await saveSteps(tx, …); await writeOutbox(tx, entries, now()); });
 * ```
 */
export async function writeOutbox(db: Queryable, entries: readonly OutboxEntry[], now: number): Promise<void> {
  for (const e of entries) {
    await db.query(
      `insert into notification_outbox (id, office, dossier, channel, kind, recipient, message, status, attempts,
         next_at, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $8) on conflict (id) do nothing`,
      [e.id, e.office, e.dossier, e.channel, e.kind, e.recipient, JSON.stringify(e.message), now],
    );
  }
  if (entries.length > 0) await wakeSenders(db, entries[0]?.office as string);
}

/** Sends the wake-up on the schema's outbox channel (delivered when the transaction commits). */
export async function wakeSenders(db: Queryable, office: string): Promise<void> {
  await db.query(`select pg_notify(left($1 || '_' || current_schema(), 63), $2)`, [
    OUTBOX_CHANNEL,
    JSON.stringify({ office }),
  ]);
}

/**
 * Claims up to `limit` due notifications of an office for `leaseMs`: their next try moves past the lease and their
 * count of tries goes up, in one statement whose `for update skip locked` lets several instances claim side by side
 * without waiting on each other or taking the same row. A row whose sender died is due again when its lease ends.
 *
 * @example
 * ```ts
 * const batch = await claimDue(db, 'demo', Date.now(), 60_000, 20);
 * ```
 */
export async function claimDue(
  db: Queryable,
  office: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<ClaimedNotification[]> {
  const rows = await db.query<Row>(
    `update notification_outbox o set attempts = o.attempts + 1, next_at = $3
     where o.id in (
       select id from notification_outbox
       where office = $1 and status = 'pending' and next_at <= $2
       order by next_at, id limit $4 for update skip locked
     )
     returning o.id, o.office, o.dossier, o.channel, o.kind, o.recipient, o.message, o.attempts`,
    [office, now, now + leaseMs, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    office: r.office,
    dossier: r.dossier,
    channel: r.channel,
    kind: r.kind,
    recipient: r.recipient,
    message: typeof r.message === 'string' ? (JSON.parse(r.message) as OutboxMessage) : r.message,
    attempts: Number(r.attempts),
  }));
}

/**
 * Records a delivery. The recipient is forgotten (data kept only for its purpose); a row claimed again since (its
 * lease ran out) is delivered all the same.
 */
export async function markDelivered(db: Queryable, id: string, now: number): Promise<void> {
  await db.query(
    `update notification_outbox set status = 'delivered', finished_at = $2, recipient = null, last_error = null
     where id = $1 and status = 'pending'`,
    [id, now],
  );
}

/**
 * Records a failed try of the claim that made `attempts` tries: due again at `retryAt`, or on the dead-letter list
 * when `retryAt` is null. A claim that lost its lease to another sender changes nothing.
 */
export async function markFailed(
  db: Queryable,
  id: string,
  attempts: number,
  error: string,
  retryAt: number | null,
  now: number,
): Promise<void> {
  await db.query(
    `update notification_outbox
     set last_error = $3, status = case when $4::bigint is null then 'dead' else 'pending' end,
       next_at = coalesce($4::bigint, next_at), finished_at = case when $4::bigint is null then $5::bigint end
     where id = $1 and attempts = $2 and status = 'pending'`,
    [id, attempts, error.slice(0, 1_000), retryAt, now],
  );
}

/**
 * The office's dead letters, the latest failures first (at most `limit`); no recipient (personal data).
 *
 * @example
 * ```ts
 * const letters = await deadLetters(db, 'demo', 100);
 * ```
 */
export async function deadLetters(db: Queryable, office: string, limit: number): Promise<DeadLetter[]> {
  const rows = await db.query<{
    id: string;
    dossier: string;
    channel: string;
    kind: NotificationChannel['kind'];
    attempts: number;
    last_error: string | null;
    created_at: string | number;
    finished_at: string | number;
  }>(
    `select id, dossier, channel, kind, attempts, last_error, created_at, finished_at from notification_outbox
     where office = $1 and status = 'dead' order by finished_at desc, id limit $2`,
    [office, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    dossier: r.dossier,
    channel: r.channel,
    kind: r.kind,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    createdAt: Number(r.created_at),
    failedAt: Number(r.finished_at),
  }));
}

/**
 * Puts a dead letter back in the outbox, due at once with a fresh count of tries; false when the office has no such
 * dead letter.
 *
 * @example
 * ```ts
 * await replayDeadLetter(db, 'demo', id, Date.now()); // true
 * ```
 */
export async function replayDeadLetter(db: Queryable, office: string, id: string, now: number): Promise<boolean> {
  const rows = await db.query(
    `update notification_outbox set status = 'pending', attempts = 0, next_at = $3, finished_at = null
     where office = $1 and id = $2 and status = 'dead' returning id`,
    [office, id, now],
  );
  if (rows.length > 0) await wakeSenders(db, office);
  return rows.length > 0;
}
