import nodemailer from 'nodemailer';
import webpush from 'web-push';
import { checkedAddress, type OutgoingResponse, sendGuarded } from './destination-guard.js';
import { gatewayRequest } from './gateway-template.js';
import { noticeText } from './notice.js';
import type { ClaimedNotification, DossierOutboxMessage, TicketOutboxMessage } from './outbox-store.js';
import type { EmailChannel, GatewayChannel, NotificationSettings, WebhookChannel, WebPushChannel } from './settings.js';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';

/** Delivers one claimed notification; throws when it was not accepted (the sender retries). */
export type Deliver = (notification: ClaimedNotification) => Promise<void>;

/** A dossier's notice; a ticket's (Web Push only) never reaches another channel. */
function dossierMessage(n: ClaimedNotification): DossierOutboxMessage {
  if (!('notice' in n.message)) throw new Error(`${n.kind}: not a dossier notice`);
  return n.message;
}

function accepted(res: OutgoingResponse, what: string): void {
  if (res.status >= 200 && res.status < 300) return;
  if (res.status >= 300 && res.status < 400) throw new Error(`${what}: redirect not followed (HTTP ${res.status})`);
  throw new Error(`${what}: HTTP ${res.status}`);
}

async function deliverWebhook(
  channel: WebhookChannel,
  n: ClaimedNotification,
  settings: NotificationSettings,
  now: () => number,
): Promise<void> {
  const body = JSON.stringify(dossierMessage(n).notice);
  const timestamp = Math.floor(now() / 1000);
  const res = await sendGuarded({
    url: channel.url,
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'motcua-notifications',
      'idempotency-key': n.id,
      [WEBHOOK_HEADERS.id]: n.id,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signWebhook(channel.secret, timestamp, body),
    },
    body,
    timeoutMs: settings.timeoutSeconds * 1000,
    allowPrivate: settings.allowPrivateAddresses,
  });
  accepted(res, 'webhook');
}

async function deliverEmail(
  channel: EmailChannel,
  n: ClaimedNotification,
  settings: NotificationSettings,
): Promise<void> {
  // Resolved and checked here, then connected to by address (the certificate is still checked for the name).
  const address = await checkedAddress(channel.host, settings.allowPrivateAddresses);
  const timeout = settings.timeoutSeconds * 1000;
  const transport = nodemailer.createTransport({
    host: address,
    port: channel.port,
    secure: channel.secure,
    ...(channel.user ? { auth: { user: channel.user, pass: channel.password ?? '' } } : {}),
    tls: { servername: channel.host },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    logger: false,
    debug: false,
  });
  const { notice, language, unsubscribeUrl } = dossierMessage(n);
  const d = notice.dossier;
  const stop = unsubscribeUrl
    ? `\n\n${language === 'vi' ? 'Ngừng nhận thông báo về hồ sơ này' : 'Stop the notices about this dossier'}: ${unsubscribeUrl}`
    : '';
  try {
    await transport.sendMail({
      from: channel.from,
      to: n.recipient ?? '',
      subject: `${d.code}: ${language === 'vi' ? d.statusName.vi : d.statusName.en}`,
      text: `${noticeText(notice, language)}${stop}`,
      // The stable key: a second delivery carries the same Message-ID, which mail systems drop as a repeat.
      messageId: `<${n.id}@motcua.notifications>`,
      headers: {
        'X-Motcua-Notification': n.id,
        // RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click` to the link, token in its query.
        ...(unsubscribeUrl
          ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
          : {}),
      },
    });
  } finally {
    transport.close();
  }
}

async function deliverGateway(
  channel: GatewayChannel,
  n: ClaimedNotification,
  settings: NotificationSettings,
): Promise<void> {
  const message = dossierMessage(n);
  const { notice, language } = message;
  const d = notice.dossier;
  const req = gatewayRequest(channel, {
    phone: n.recipient ?? '',
    text: noticeText(notice, language),
    code: d.code,
    status: d.status,
    statusText: language === 'vi' ? d.statusName.vi : d.statusName.en,
    agency: d.agency,
    reference: n.id,
    statusUrl: d.statusUrl ?? '',
    unsubscribeUrl: message.unsubscribeUrl ?? '',
  });
  const res = await sendGuarded({
    ...req,
    timeoutMs: settings.timeoutSeconds * 1000,
    allowPrivate: settings.allowPrivateAddresses,
  });
  accepted(res, 'gateway');
}

/** A push service's answer that the subscription no longer exists (404, 410): forgotten, never retried. */
export class GoneSubscription extends Error {
  constructor(
    readonly endpoint: string,
    status: number,
  ) {
    super(`web push: the subscription is gone (HTTP ${status})`);
    this.name = 'GoneSubscription';
  }
}

/** The notification a browser shows: a ticket's as it was written, a dossier's from its notice. */
function pushNotice(message: ClaimedNotification['message']): TicketOutboxMessage['push'] {
  if ('push' in message) return message.push;
  const { notice, language } = message;
  const d = notice.dossier;
  return {
    title: `${d.code}: ${language === 'vi' ? d.statusName.vi : d.statusName.en}`,
    body: noticeText(notice, language),
    tag: d.code,
    ...(d.statusUrl ? { url: d.statusUrl } : {}),
  };
}

/** How long a push service keeps a message for a browser that is offline: a day. */
const PUSH_TTL_SECONDS = 86_400;

async function deliverWebPush(
  channel: WebPushChannel,
  n: ClaimedNotification,
  settings: NotificationSettings,
): Promise<void> {
  const subscription = JSON.parse(n.recipient ?? '{}') as webpush.PushSubscription;
  // What the status page's service worker shows (motcua-push-worker.js): short, and the page to open.
  const payload = JSON.stringify({ id: n.id, ...pushNotice(n.message) });
  // The library encrypts (aes128gcm) and signs (VAPID); the request itself goes through the destination guard.
  const details = webpush.generateRequestDetails(subscription, payload, {
    vapidDetails: { subject: channel.subject, publicKey: channel.publicKey, privateKey: channel.privateKey },
    TTL: PUSH_TTL_SECONDS,
    topic: n.id.slice(1, 33),
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.headers)) headers[name] = String(value);
  const res = await sendGuarded({
    url: details.endpoint,
    method: details.method,
    headers,
    ...(details.body ? { body: details.body as Uint8Array } : {}),
    timeoutMs: settings.timeoutSeconds * 1000,
    allowPrivate: settings.allowPrivateAddresses,
  });
  if (res.status === 404 || res.status === 410) throw new GoneSubscription(subscription.endpoint, res.status);
  accepted(res, 'web push');
}

/**
 * Delivers through the office's channels: a webhook POST signed with HMAC-SHA-256, an email over SMTP (nodemailer),
 * a gateway call from its HTTP template, or a Web Push message (VAPID, `web-push`), each carrying the notification's stable id (`Idempotency-Key` and
 * `Motcua-Webhook-Id`, the email's Message-ID, the gateway's `{{reference}}`). A channel no longer configured fails.
 *
 * @example
 * ```ts
 * const deliver = channelDelivery(office.notifications, Date.now);
 * await deliver(claimed);
 * ```
 */
export function channelDelivery(settings: NotificationSettings, now: () => number): Deliver {
  return async (n) => {
    const channel = settings.channels.find((c) => c.id === n.channel);
    if (!channel || channel.kind !== n.kind) throw new Error(`channel "${n.channel}" is no longer configured`);
    if (channel.kind === 'webhook') return deliverWebhook(channel, n, settings, now);
    if (channel.kind === 'email') return deliverEmail(channel, n, settings);
    if (channel.kind === 'web-push') return deliverWebPush(channel, n, settings);
    return deliverGateway(channel, n, settings);
  };
}
