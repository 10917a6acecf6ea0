import type { DossierNotificationContact } from '@motcua/core/deadline';
import type { Queryable } from '../db/database.js';
import type { StoredDossier } from '../dossiers/store.js';
import type { Office } from '../office/office.js';
import { noticeOf, notificationId } from './notice.js';
import { type OutboxEntry, writeOutbox } from './outbox-store.js';
import { pushSubscriptionsOf } from './push-store.js';
import type { NotificationChannel, NotificationSettings } from './settings.js';
import { unsubscribeToken } from './unsubscribe-token.js';

/**
 * The citizen's link to stop the notices to one contact of a dossier: the server's public address, the dossier's
 * code and a signed token naming the contact (never the contact itself, nor the PIN). `undefined` without a public
 * address or a secret to sign with.
 *
 * @example
 * ```ts
 * unsubscribeUrl(office.notifications, 'demo', code, 'e', 'tran@example.vn', secret);
 * // 'https://motcua.xa.gov.vn/api/dossiers/000.00.00.H00-260310-0001/unsubscribe?token=e.…'
 * ```
 */
export function unsubscribeUrl(
  settings: Pick<NotificationSettings, 'publicUrl'>,
  office: string,
  code: string,
  kind: 'e' | 'p',
  contact: string,
  secret: string | undefined,
): string | undefined {
  if (!settings.publicUrl) return undefined;
  const token = unsubscribeToken(secret, office, code, kind, contact);
  if (!token) return undefined;
  const base = settings.publicUrl.replace(/\/$/, '');
  return `${base}/api/dossiers/${encodeURIComponent(code)}/unsubscribe?token=${token}`;
}

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
 * all. With the server's `secret` and the office's `publicUrl`, each citizen's message carries its unsubscribe link.
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
  secret?: string | undefined,
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
    const link =
      recipient === null
        ? undefined
        : unsubscribeUrl(settings, office.id, dossier.code, channel.kind === 'email' ? 'e' : 'p', recipient, secret);
    entries.push({
      id,
      office: office.id,
      dossier: dossier.code,
      channel: channel.id,
      kind: channel.kind,
      recipient,
      message: {
        notice: { id, ...notice },
        language: contact?.language ?? 'vi',
        ...(link ? { unsubscribeUrl: link } : {}),
      },
    });
  }
  await writeOutbox(tx, entries, now);
}
