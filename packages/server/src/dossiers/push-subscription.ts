import type { Context, Env } from 'hono';
import { readJsonBody } from '../http/body.js';
import { savePushSubscription } from '../notifications/push-store.js';
import { requirePushEndpoint, requireWebPush } from '../notifications/web-push-channel.js';
import { pushSubscriptionBody } from './inputs.js';
import { dossierWithPin, PIN_HEADER } from './lookup.js';
import type { DossierService } from './service.js';

/**
 * `PUT /api/dossiers/{code}/push-subscription` (anyone with the dossier's code and its PIN in `Dossier-Pin`, limited
 * like a lookup): the browser that opened the status page asks to be told of the dossier's status changes by Web
 * Push. Answers 204; 404 `no-web-push` when the office has no Web Push channel. The endpoint must be `https:` (a
 * push service), unless the office allows private destinations (a push service on its LAN).
 *
 * @example
 * ```ts
 * app.put('/api/dossiers/:code/push-subscription', (c) => subscribeToDossier(c, service));
 * ```
 */
export async function subscribeToDossier(
  c: Context<Env, '/api/dossiers/:code/push-subscription'>,
  s: DossierService,
): Promise<Response> {
  requireWebPush(s.office);
  const input = await readJsonBody(c, pushSubscriptionBody);
  requirePushEndpoint(s.office, input.endpoint);
  const at = s.now();
  const dossier = await dossierWithPin(c, s, c.req.param('code'), c.req.header(PIN_HEADER) ?? '', at);
  await savePushSubscription(
    s.db,
    s.office.id,
    dossier.code,
    { endpoint: input.endpoint, keys: input.keys, language: input.language },
    at,
  );
  return c.body(null, 204);
}
