import type { AuditActor } from '@motcua/core/staff';
import type { Context } from 'hono';
import { ADMINS } from '../access.js';
import type { Queryable } from '../db/database.js';
import type { Office } from '../office/office.js';
import { type AuditRecord, recordAudit } from '../staff/audit-store.js';
import { requireRole } from '../staff/caller.js';

/**
 * One line the devices write to the audit trail (the trail adds the office and the time): `action` is
 * `device.pair-request`, `device.pair-approve`, `device.pair-reject`, `device.pair-collect` or `device.revoke`;
 * `object` the pairing code or the device id. Never a credential or a claim.
 */
export type DeviceAuditEvent = Omit<AuditRecord, 'office' | 'at'>;

/** Writes a device line to the audit trail in `db` (the caller's transaction). */
export type DeviceAuditWriter = (db: Queryable, event: DeviceAuditEvent) => Promise<void>;

/**
 * The audit trail's writer for the office's device lines, with the client's address when a request made them.
 *
 * @example
 * ```ts
 * await deviceAudit(office, Date.now, '192.0.2.7')(tx, { actor, action: 'device.revoke', object: id });
 * ```
 */
export function deviceAudit(office: Office, now: () => number, address?: string): DeviceAuditWriter {
  return (db, event) =>
    recordAudit(db, { office: office.id, at: now(), ...(address !== undefined ? { address } : {}), ...event });
}

/**
 * The signed-in admin of the office the request comes from, as the audit trail names them: 401 without a session,
 * 403 for someone signed in without the admin role.
 *
 * @example
 * ```ts
 * const admin = requireAdmin(c); // { kind: 'user', id: '…', name: 'Nguyễn Văn An' }
 * ```
 */
export function requireAdmin(c: Context): AuditActor {
  const session = requireRole(c, ADMINS);
  return { kind: 'user', id: session.user.id, name: session.user.displayName };
}
