import type { Hono } from 'hono';
import { rateLimit } from '../http/rate-limit.js';
import type { DeviceRoutesDeps } from './deps.js';
import { listDevicesHandler, revokeDeviceHandler } from './devices.js';
import { collect, decide, listPairings, startPairing } from './pairings.js';

/**
 * Mounts the devices API, before the idempotency middleware — the answer to a collect holds a credential, which must
 * never be stored, and every route here is safe to repeat by itself (the same claim gets the same code, a credential
 * is handed out once, a decision or a revocation stands):
 * - `POST /api/devices/pairings` (anyone; `device-pairings` limit per client address): `{ claim }` → `{ code, expiresAt }`;
 * - `POST /api/devices/pairings/collect` (the device): `{ claim }` → 202 pending, 200 `{ credential, device }` once, 410;
 * - `GET /api/devices/pairings`, `POST /api/devices/pairings/{code}/approve` and `…/reject` (admin);
 * - `GET /api/devices`, `DELETE /api/devices/{id}` (admin).
 *
 * @example
 * ```ts
 * installDeviceRoutes(app, { db, office, now: Date.now, limiter, clientOf });
 * app.use('/api/*', idempotency(db, { office: office.id }));
 * ```
 */
export function installDeviceRoutes(app: Hono, deps: DeviceRoutesDeps): void {
  const { office, limiter, now, clientOf } = deps;
  app.use(
    '/api/devices/pairings',
    rateLimit(limiter, 'device-pairings', (c) => `${office.id}/${clientOf(c)}`, office.rateLimits.pairings, now),
  );
  app.post('/api/devices/pairings', (c) => startPairing(c, deps));
  app.get('/api/devices/pairings', (c) => listPairings(c, deps));
  app.post('/api/devices/pairings/collect', (c) => collect(c, deps));
  app.post('/api/devices/pairings/:code/approve', (c) => decide(c, deps, true));
  app.post('/api/devices/pairings/:code/reject', (c) => decide(c, deps, false));
  app.get('/api/devices', (c) => listDevicesHandler(c, deps));
  app.delete('/api/devices/:id', (c) => revokeDeviceHandler(c, deps));
}
