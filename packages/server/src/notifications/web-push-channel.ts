import type { Context } from 'hono';
import { ApiError } from '../http/errors.js';
import type { Office } from '../office/office.js';
import type { WebPushChannel } from './settings.js';

/**
 * The office's Web Push channel; 404 `no-web-push` when it has none.
 *
 * @example
 * ```ts
 * requireWebPush(office).publicKey; // 'BNc…'
 * ```
 */
export function requireWebPush(office: Office): WebPushChannel {
  const channel = office.notifications.channels.find((ch): ch is WebPushChannel => ch.kind === 'web-push');
  if (!channel) {
    throw new ApiError(404, 'no-web-push', {
      vi: 'Cơ quan chưa bật thông báo đẩy (Web Push)',
      en: 'This office has not turned Web Push notifications on',
    });
  }
  return channel;
}

/**
 * Refuses (400 `invalid-push-endpoint`) a browser's push service address that is not `https:`, unless the office
 * allows private destinations (a push service on its LAN): the check of every Web Push subscription, a dossier's or a
 * ticket's.
 *
 * @example
 * ```ts
 * requirePushEndpoint(office, input.endpoint);
 * ```
 */
export function requirePushEndpoint(office: Office, endpoint: string): void {
  if (endpoint.startsWith('https:') || office.notifications.allowPrivateAddresses) return;
  throw new ApiError(400, 'invalid-push-endpoint', {
    vi: 'Địa chỉ dịch vụ đẩy phải dùng https:',
    en: 'The push service address must use https:',
  });
}

/**
 * `GET /api/notifications/web-push` (anyone): `{ publicKey }`, the VAPID public key a status page subscribes with
 * (`pushManager.subscribe({ applicationServerKey })`); never the private key.
 *
 * @example
 * ```ts
 * app.get('/api/notifications/web-push', (c) => webPushKey(c, office));
 * ```
 */
export function webPushKey(c: Context, office: Office): Response {
  return c.json({ publicKey: requireWebPush(office).publicKey });
}
