import type { Context } from 'hono';
import type { Database } from '../db/database.js';
import { readJsonBody } from '../http/body.js';
import type { Office } from '../office/office.js';
import { pushRenewalBody } from './inputs.js';
import { renewPushSubscriptions } from './push-store.js';
import { requirePushEndpoint, requireWebPush } from './web-push-channel.js';

/** What the renewal route needs. */
export interface PushRenewalDeps {
  readonly db: Database;
  readonly office: Office;
}

/**
 * `POST /api/notifications/web-push/renewal` (anyone; limited per client address, `push-renewals`): a browser
 * replaced its push subscription (`pushsubscriptionchange`) and its service worker sends
 * `{ oldEndpoint, endpoint, keys }`. Every subscription of this office with the old endpoint — a dossier's, a
 * ticket's — moves to the new endpoint and keys, and the notices still pending for it with them, in one transaction.
 * The old endpoint, a push service's unguessable address, is the only credential: whoever holds it was given it by
 * the browser. Answers 204 whether or not any subscription had that endpoint, so the answer tells a caller nothing
 * about other people's subscriptions. 400 for a malformed body (each problem with its path) or an endpoint that is not
 * `https:` (unless the office allows private destinations), 404 `no-web-push` when the office has no Web Push
 * channel.
 *
 * @example
 * ```ts
 * app.post('/api/notifications/web-push/renewal', (c) => renewWebPush(c, deps));
 * ```
 */
export async function renewWebPush(c: Context, deps: PushRenewalDeps): Promise<Response> {
  requireWebPush(deps.office);
  const input = await readJsonBody(c, pushRenewalBody);
  requirePushEndpoint(deps.office, input.endpoint);
  await renewPushSubscriptions(deps.db, deps.office.id, input.oldEndpoint, {
    endpoint: input.endpoint,
    keys: input.keys,
  });
  return c.body(null, 204);
}
