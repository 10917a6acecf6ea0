import type { Context } from 'hono';
import type { Queryable } from '../db/database.js';

/** Who did something to a device or a pairing: a signed-in admin, the device itself, or nobody known. */
export interface DeviceAuditActor {
  readonly kind: 'user' | 'device' | 'token' | 'anonymous';
  readonly id?: string;
  readonly name?: string;
}

/**
 * One line the devices write to the audit trail (without its id and time, which the trail gives it): `action` is
 * `device.pair-request`, `device.pair-approve`, `device.pair-reject`, `device.pair-collect` or `device.revoke`;
 * `object` the pairing code or the device id. Never a credential or a claim.
 */
export interface DeviceAuditEvent {
  readonly actor: DeviceAuditActor;
  readonly action: string;
  readonly object?: string;
  readonly address?: string;
  readonly counter?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/**
 * Writes an audit line in the caller's transaction: the staff audit trail's `recordAudit(db, entry)` satisfies it.
 * Without one (a service built without the audit trail), nothing is written.
 */
export type DeviceAuditWriter = (db: Queryable, event: DeviceAuditEvent) => Promise<void>;

/** A signed-in admin of the office. */
export interface DeviceAdmin {
  readonly id: string;
  readonly name?: string;
}

/**
 * The signed-in admin of the office a request comes from: the staff sessions' check satisfies it (and answers 403
 * itself for a signed-in person who is not an admin); undefined for a request without a session (answered 401).
 */
export type DeviceAdminCheck = (c: Context) => DeviceAdmin | undefined | Promise<DeviceAdmin | undefined>;
