import type { DossierNotificationContact } from '@motcua/core/deadline';
import type { Queryable } from '../db/database.js';

/** What an unsubscribe stopped: nothing (already stopped), or a contact and the pending notices dropped. */
export interface Unsubscribed {
  readonly stopped: boolean;
  readonly dropped: number;
}

/**
 * Stops the notices to one contact of a dossier, inside the caller's transaction: the contact leaves the dossier's
 * `notify` (which becomes `null` when no email or phone is left) and its notices still pending in the outbox are
 * dropped. `matches` says whether the dossier's contact of that kind is the one the link named; nothing changes when it
 * is not (already stopped).
 *
 * @example
 * ```ts
 * await db.transaction((tx) => stopContact(tx, 'demo', code, 'email', (email) => email === 'tran@example.vn'));
 * ```
 */
export async function stopContact(
  tx: Queryable,
  office: string,
  code: string,
  kind: 'email' | 'phone',
  matches: (contact: string | undefined) => boolean,
): Promise<Unsubscribed> {
  const [row] = await tx.query<{ notify: DossierNotificationContact | string | null }>(
    'select notify from dossiers where office = $1 and code = $2 for update',
    [office, code],
  );
  const notify = typeof row?.notify === 'string' ? (JSON.parse(row.notify) as DossierNotificationContact) : row?.notify;
  const contact = notify?.[kind];
  if (!notify || contact === undefined || !matches(contact)) return { stopped: false, dropped: 0 };
  const rest: DossierNotificationContact = { ...notify, [kind]: undefined };
  const left = rest.email !== undefined || rest.phone !== undefined ? JSON.parse(JSON.stringify(rest)) : null;
  await tx.query('update dossiers set notify = $3 where office = $1 and code = $2', [
    office,
    code,
    left === null ? null : JSON.stringify(left),
  ]);
  const dropped = await tx.query(
    `delete from notification_outbox
      where office = $1 and dossier = $2 and status = 'pending' and kind = $3 and recipient = $4
      returning id`,
    [office, code, kind === 'email' ? 'email' : 'gateway', contact],
  );
  return { stopped: true, dropped: dropped.length };
}
