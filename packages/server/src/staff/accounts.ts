import { type AuditActor, STAFF_ROLES, type StaffRole } from '@motcua/core/staff';
import * as z from 'zod';
import type { Database, Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { recordAudit } from './audit-store.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.js';
import { deleteUserSessions } from './sessions-store.js';
import { createUser, findUser, type StoredUser, setPasswordHash, setRoles, updateUser } from './users-store.js';

// Managing staff accounts, the same from the browser (an admin) and from the command line (the first admin): each
// change is checked, made, and recorded in the audit trail.

/** A username: letters, digits, `.`, `_` and `-`, 1–64 characters (compared without regard to case). */
export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}._-]{1,64}$/u, 'letters, digits, ".", "_" or "-", at most 64');
/** A password: at least {@link MIN_PASSWORD_LENGTH} characters (a passphrase is best), at most 256. */
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
const displayName = z.string().trim().min(1).max(100);
const roles = z.array(z.enum(STAFF_ROLES as [StaffRole, ...StaffRole[]])).max(STAFF_ROLES.length);

/** What `POST /api/users` (and `motcua-server users add`) accepts. */
export const newUserBody = z
  .object({ username: usernameSchema, displayName: displayName.optional(), password: passwordSchema, roles })
  .strict();
/** What `PATCH /api/users/{id}` accepts: any of display name, roles and disabled. */
export const userChangeBody = z
  .object({ displayName: displayName.optional(), roles: roles.optional(), disabled: z.boolean().optional() })
  .strict();
/** What `POST /api/users/{id}/password` accepts. */
export const passwordBody = z.object({ password: passwordSchema }).strict();

/** Who makes a change, and when and from where, for the audit trail. */
export interface AccountChangeContext {
  readonly office: string;
  readonly now: number;
  readonly actor: AuditActor;
  readonly address?: string | undefined;
}

const audit = (
  db: Queryable,
  ctx: AccountChangeContext,
  action: string,
  user: string,
  detail?: Record<string, unknown>,
) =>
  recordAudit(db, {
    office: ctx.office,
    at: ctx.now,
    actor: ctx.actor,
    action,
    object: `user:${user}`,
    address: ctx.address,
    ...(detail ? { detail } : {}),
  });

/**
 * Creates a user (the password hashed with scrypt) and records it.
 *
 * @example
 * ```ts
 * await addUser(db, { username: 'canbo1', password: '…', roles: ['officer'] }, { office: 'demo', now, actor });
 * ```
 */
export async function addUser(
  db: Database,
  input: z.infer<typeof newUserBody>,
  ctx: AccountChangeContext,
): Promise<StoredUser> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => recordNewUser(tx, input, passwordHash, ctx));
}

/**
 * Creates a user whose password is hashed already, and records it, in the caller's transaction (with other writes
 * that stand or fall with it: an office added with its first administrator).
 *
 * @example
 * ```ts
 * await db.transaction(async (tx) => recordNewUser(tx, { username: 'quantri', roles: ['admin'] }, await hashPassword(password), ctx));
 * ```
 */
export async function recordNewUser(
  tx: Queryable,
  input: Omit<z.infer<typeof newUserBody>, 'password'>,
  passwordHash: string,
  ctx: AccountChangeContext,
): Promise<StoredUser> {
  const created = await createUser(tx, {
    office: ctx.office,
    username: input.username,
    displayName: input.displayName ?? input.username,
    passwordHash,
    roles: input.roles,
    now: ctx.now,
  });
  await audit(tx, ctx, 'user.create', created.id, { username: created.username, roles: created.roles });
  return created;
}

const unknownUser = () => new ApiError(404, 'unknown-user', { vi: 'Không có người dùng này', en: 'No such user' });

/**
 * Changes a user's display name, roles or disabled flag, and records each change; disabling ends the user's
 * sessions at once.
 *
 * @example
 * ```ts
 * await changeUser(db, id, { disabled: true }, ctx);
 * ```
 */
export async function changeUser(
  db: Database,
  id: string,
  change: z.infer<typeof userChangeBody>,
  ctx: AccountChangeContext,
): Promise<StoredUser> {
  return db.transaction(async (tx) => {
    const before = await findUser(tx, ctx.office, id);
    if (!before) throw unknownUser();
    await updateUser(tx, ctx.office, id, change);
    if (change.roles) await setRoles(tx, ctx.office, id, change.roles);
    if (change.disabled === true) await deleteUserSessions(tx, id);
    const after = (await findUser(tx, ctx.office, id)) as StoredUser;
    if (change.roles && change.roles.join() !== before.roles.join()) {
      await audit(tx, ctx, 'user.roles', id, { from: before.roles, to: after.roles });
    }
    if (change.disabled !== undefined && change.disabled !== before.disabled) {
      await audit(tx, ctx, change.disabled ? 'user.disable' : 'user.enable', id);
    }
    if (change.displayName !== undefined && change.displayName !== before.displayName) {
      await audit(tx, ctx, 'user.rename', id, { from: before.displayName, to: after.displayName });
    }
    return after;
  });
}

/**
 * Gives a user a new password (hashed), ends their sessions, and records it (never the password).
 *
 * @example
 * ```ts
 * await changePassword(db, id, 'a new passphrase', ctx);
 * ```
 */
export async function changePassword(
  db: Database,
  id: string,
  password: string,
  ctx: AccountChangeContext,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    if (!(await findUser(tx, ctx.office, id))) throw unknownUser();
    await setPasswordHash(tx, id, passwordHash);
    await deleteUserSessions(tx, id);
    await audit(tx, ctx, 'user.password', id);
  });
}
