import type { StaffRole } from '@motcua/core/staff';
import type { Database } from '../db/database.js';
import type { Office } from '../office/office.js';
import { recordAudit } from './audit-store.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { deleteUserSessions } from './sessions-store.js';
import { createUser, findUserByUsername, updateUser } from './users-store.js';

/** A demo user: public, for the built-in demo office only. */
export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly roles: readonly StaffRole[];
}

/**
 * The demo office's users, with public passwords: an admin, a leader and two officers. Created at start in demo mode
 * only; a configured office never has them (`ensureDemoUsers` disables any it finds).
 *
 * @example
 * ```ts
 * DEMO_USERS.map((u) => u.username); // ['admin', 'lanhdao', 'canbo1', 'canbo2']
 * ```
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', password: 'demo-admin', displayName: 'Quản trị (trình diễn)', roles: ['admin'] },
  { username: 'lanhdao', password: 'demo-lanhdao', displayName: 'Lãnh đạo (trình diễn)', roles: ['leader'] },
  { username: 'canbo1', password: 'demo-canbo1', displayName: 'Cán bộ Một (trình diễn)', roles: ['officer'] },
  { username: 'canbo2', password: 'demo-canbo2', displayName: 'Cán bộ Hai (trình diễn)', roles: ['officer'] },
];

const SYSTEM = { kind: 'anonymous', name: 'motcua-server' } as const;

/**
 * In demo mode, creates the {@link DEMO_USERS} that do not exist yet (and returns them all, for the start message).
 * Outside demo mode, a user of the office that still has a demo user's name and public password (an office
 * configured with the demo office's id after a demo run) is disabled, its sessions ended, and returned, so that the
 * start can say so: public passwords never open a real office.
 *
 * @example
 * ```ts
 * const demo = await ensureDemoUsers(db, office, Date.now()); // in demo mode: the four demo users
 * ```
 */
export async function ensureDemoUsers(db: Database, office: Office, now: number): Promise<readonly DemoUser[]> {
  const touched: DemoUser[] = [];
  for (const demo of DEMO_USERS) {
    const existing = await findUserByUsername(db, office.id, demo.username);
    if (office.demo) {
      if (!existing) {
        const passwordHash = await hashPassword(demo.password);
        const user = await createUser(db, { office: office.id, ...demo, passwordHash, now });
        await recordAudit(db, {
          office: office.id,
          at: now,
          actor: SYSTEM,
          action: 'user.create',
          object: `user:${user.id}`,
          detail: { username: demo.username, roles: demo.roles, demo: true },
        });
      }
      touched.push(demo);
    } else if (existing && !existing.disabled && (await verifyPassword(demo.password, existing.passwordHash))) {
      await updateUser(db, office.id, existing.id, { disabled: true });
      await deleteUserSessions(db, existing.id);
      await recordAudit(db, {
        office: office.id,
        at: now,
        actor: SYSTEM,
        action: 'user.disable',
        object: `user:${existing.id}`,
        detail: { reason: 'public demo password outside demo mode' },
      });
      touched.push(demo);
    }
  }
  return touched;
}
