import { FINISHED_DOSSIER_STATUSES } from '@motcua/core/deadline';
import type { Database } from '../db/database.js';
import type { Office } from '../office/office.js';
import { TICKET_SUBJECT } from './push-store.js';

/**
 * Purges the notification contact of the office's dossiers finished more than `contactRetentionDays` ago (their last
 * step is older): the email and phone given at intake, the browsers' Web Push subscriptions, and the recipient kept
 * by their dead letters; and the subscriptions of queue tickets older than two days. Answers how many dossiers were
 * purged. The service runs it at start and every hour.
 *
 * @example
 * ```ts
 * await purgeNotificationContacts(db, office, Date.now()); // 3
 * ```
 */
export async function purgeNotificationContacts(db: Database, office: Office, now: number): Promise<number> {
  const cutoff = now - office.notifications.contactRetentionDays * 86_400_000;
  // A queue ticket lives one business day: its browsers' subscriptions go after two, whatever became of it.
  await db.query('delete from push_subscriptions where office = $1 and starts_with(dossier, $2) and created_at < $3', [
    office.id,
    TICKET_SUBJECT,
    now - 2 * 86_400_000,
  ]);
  return db.transaction(async (tx) => {
    const purged = await tx.query<{ code: string }>(
      `select code from dossiers d
       where office = $1 and status = any($2::text[])
         and coalesce(steps->-1->>'at', received_at)::timestamptz < to_timestamp($3::double precision / 1000)
         and (notify is not null
           or exists (select 1 from push_subscriptions p where p.office = $1 and p.dossier = d.code)
           or exists (select 1 from notification_outbox o
                      where o.office = $1 and o.dossier = d.code and o.recipient is not null and o.status <> 'pending'))`,
      [office.id, FINISHED_DOSSIER_STATUSES, cutoff],
    );
    if (purged.length === 0) return 0;
    const codes = purged.map((r) => r.code);
    await tx.query('update dossiers set notify = null where office = $1 and code = any($2::text[])', [
      office.id,
      codes,
    ]);
    await tx.query('delete from push_subscriptions where office = $1 and dossier = any($2::text[])', [
      office.id,
      codes,
    ]);
    await tx.query(
      `update notification_outbox set recipient = null
       where office = $1 and dossier = any($2::text[]) and status <> 'pending'`,
      [office.id, codes],
    );
    return codes.length;
  });
}
