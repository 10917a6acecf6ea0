import type { AuditActor } from '@motcua/core/staff';
import type { Context } from 'hono';
import type { Queryable } from '../db/database.js';
import { callerOf } from '../http/auth.js';
import { type AuditRecord, recordAudit } from './audit-store.js';
import { sessionOf } from './caller.js';
import type { StaffDeps } from './staff-deps.js';

/**
 * Who a request acts as, for the audit trail: the signed-in user (id and display name), else the paired device whose
 * credential it sends (id and name), else a static token's holder when `token` names it or the request sends one (a
 * counter, a kiosk), else anonymous.
 *
 * @example
 * ```ts
 * actorOf(c); // { kind: 'user', id: '…', name: 'Nguyễn Văn An' }
 * ```
 */
export function actorOf(c: Context, token?: string): AuditActor {
  const session = sessionOf(c);
  if (session) return { kind: 'user', id: session.user.id, name: session.user.displayName };
  const device = callerOf(c);
  if (device?.via === 'device') return { kind: 'device', id: device.id, ...(device.name ? { name: device.name } : {}) };
  const holder = token ?? device?.id;
  return holder === undefined ? { kind: 'anonymous' } : { kind: 'token', id: holder };
}

/**
 * Records what a request did in the audit trail, with its actor, time and client address.
 *
 * @example
 * ```ts
 * await auditRequest(c, deps, { action: 'user.create', object: `user:${id}` });
 * ```
 */
export async function auditRequest(
  c: Context,
  deps: Pick<StaffDeps, 'office' | 'now' | 'clientOf'> & { readonly db: Queryable },
  entry: Omit<AuditRecord, 'office' | 'at' | 'actor' | 'address'> & { readonly actor?: AuditActor },
): Promise<void> {
  await recordAudit(deps.db, {
    office: deps.office.id,
    at: deps.now(),
    address: deps.clientOf(c),
    ...entry,
    actor: entry.actor ?? actorOf(c),
  });
}
