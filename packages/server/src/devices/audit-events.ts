import type { Context } from 'hono';
import type { Queryable } from '../db/database.js';
import type { DeviceAdmin, DeviceAuditActor, DeviceAuditEvent } from './audit.js';
import type { DeviceRoutesDeps } from './deps.js';

/** An admin as the actor of an audit line. */
export function adminActor(admin: DeviceAdmin): DeviceAuditActor {
  return { kind: 'user', id: admin.id, ...(admin.name !== undefined ? { name: admin.name } : {}) };
}

/** Writes `event` to the audit trail (if the service has one) in `db` (a transaction), with the client's address. */
export async function audit(deps: DeviceRoutesDeps, c: Context, db: Queryable, event: DeviceAuditEvent): Promise<void> {
  await deps.recordAudit?.(db, { address: deps.clientOf(c), ...event });
}
