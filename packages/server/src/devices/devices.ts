import type { AuditActor } from '@motcua/core/staff';
import type { Context } from 'hono';
import { ApiError } from '../http/errors.js';
import { type DeviceAuditWriter, deviceAudit, requireAdmin } from './audit-events.js';
import type { DeviceRoutesDeps } from './deps.js';
import { deviceById, listDevices, revokeDevice } from './store.js';

/**
 * `GET /api/devices` (admin): the office's paired devices, revoked ones too, newest first.
 *
 * @example
 * ```ts
 * app.get('/api/devices', (c) => listDevicesHandler(c, deps));
 * ```
 */
export async function listDevicesHandler(c: Context, deps: DeviceRoutesDeps): Promise<Response> {
  requireAdmin(c);
  return c.json({ devices: await listDevices(deps.db, deps.office.id) });
}

/**
 * Revokes the office's device `id` as `admin` (a device revoked before keeps its first revocation), recorded in the
 * audit trail through `audit` in the same transaction; false when the office has no such device.
 *
 * @example
 * ```ts
 * await revokeAs(deps, admin, id, write); // true
 * ```
 */
export async function revokeAs(
  deps: Pick<DeviceRoutesDeps, 'db' | 'office' | 'now'>,
  admin: AuditActor,
  id: string,
  audit: DeviceAuditWriter,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const device = await deviceById(tx, deps.office.id, id);
    if (!device || !(await revokeDevice(tx, { office: deps.office.id, id, now: deps.now(), by: admin.id ?? 'cli' }))) {
      return false;
    }
    if (device.revokedAt === undefined) {
      await audit(tx, {
        actor: admin,
        action: 'device.revoke',
        object: id,
        ...(device.counter !== undefined ? { counter: device.counter } : {}),
        detail: { name: device.name, kind: device.kind },
      });
    }
    return true;
  });
}

/**
 * `DELETE /api/devices/{id}` (admin): revokes a device (`204`; again: `204`, the first revocation stays). Its
 * credential is refused from the next request on, on every instance; what it recorded stays.
 *
 * @example
 * ```ts
 * app.delete('/api/devices/:id', (c) => revokeDeviceHandler(c, deps));
 * ```
 */
export async function revokeDeviceHandler(c: Context, deps: DeviceRoutesDeps): Promise<Response> {
  const admin = requireAdmin(c);
  const audit = deviceAudit(deps.office, deps.now, deps.clientOf(c));
  if (!(await revokeAs(deps, admin, c.req.param('id') ?? '', audit))) {
    throw new ApiError(404, 'unknown-device', {
      vi: 'Cơ quan không có thiết bị này',
      en: 'The office has no such device',
    });
  }
  return c.body(null, 204);
}
