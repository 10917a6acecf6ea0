import type { DossierNotificationContact } from '@motcua/core/deadline';
import type { Queryable } from '../db/database.js';
import type { StoredDossier } from '../dossiers/store.js';
import type { Office } from '../office/office.js';
import { noticeOf, notificationId } from './notice.js';
import { type OutboxEntry, writeOutbox } from './outbox-store.js';
import { pushSubscriptionsOf } from './push-store.js';
import type { NotificationChannel } from './settings.js';

/** Who a channel tells: every webhook; email and gateways only the citizens who gave an address for them. */
function recipientOf(
  channel: NotificationChannel,
  contact: DossierNotificationContact | null,
): string | null | undefined {
  if (channel.kind === 'webhook') return null;
  if (channel.kind === 'email') return contact?.email ?? undefined;
  return contact?.phone ?? undefined;
}

/**
 * Writes the notifications of a dossier's latest change (its receipt when it has no step yet) to the outbox, one per
 * channel that applies, inside the caller's transaction: the change and its notifications commit together or not at
 * all.
 *
 * @example
 * ```ts
 * await db.transaction(async (tx) => {
 *   await saveSteps(tx, code, steps, status);
 *   await notifyChange(tx, office, { ...dossier, steps, status }, dossier.notify, now());
 * });
 * ```
 */
export async function notifyChange(
  tx: Queryable,
  office: Office,
  dossier: Pick<
    StoredDossier,
    'code' | 'procedureCode' | 'procedureName' | 'receivedAt' | 'dueAt' | 'status' | 'steps' | 'slip'
  >,
  contact: DossierNotificationContact | null,
  now: number,
): Promise<void> {
  const settings = office.notifications;
  if (settings.channels.length === 0) return;
  const notice = noticeOf(dossier, office.id, settings.statusUrl);
  const entries: OutboxEntry[] = [];
  for (const channel of settings.channels) {
    if (channel.kind === 'web-push') {
      // One per browser that opted in from the status page; the key names the browser's endpoint too.
      for (const subscription of await pushSubscriptionsOf(tx, office.id, dossier.code)) {
        const id = notificationId(
          office.id,
          dossier.code,
          dossier.steps.length,
          `${channel.id}\n${subscription.endpoint}`,
        );
        entries.push({
          id,
          office: office.id,
          dossier: dossier.code,
          channel: channel.id,
          kind: channel.kind,
          recipient: JSON.stringify({ endpoint: subscription.endpoint, keys: subscription.keys }),
          message: { notice: { id, ...notice }, language: subscription.language },
        });
      }
      continue;
    }
    const recipient = recipientOf(channel, contact);
    if (recipient === undefined) continue;
    const id = notificationId(office.id, dossier.code, dossier.steps.length, channel.id);
    entries.push({
      id,
      office: office.id,
      dossier: dossier.code,
      channel: channel.id,
      kind: channel.kind,
      recipient,
      message: { notice: { id, ...notice }, language: contact?.language ?? 'vi' },
    });
  }
  await writeOutbox(tx, entries, now);
}
