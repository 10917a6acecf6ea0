import { randomUUID } from 'node:crypto';
import { isStaffRole, type StaffRole, type UserView } from '@motcua/core/staff';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';

// The SQL of staff accounts: users (one office each, a username unique in it whatever its case) and their roles.

/** A user as sign-in reads it: with the password hash, which never leaves the server. */
export interface StoredUser extends UserView {
  readonly office: string;
  readonly passwordHash: string;
}

/** What creating a user needs. */
export interface NewUser {
  readonly office: string;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly roles: readonly StaffRole[];
  readonly now: number;
}

interface UserRow {
  id: string;
  office: string;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: boolean;
  created_at: number | string;
  roles: string[] | null;
}

const SELECT_USERS = `select u.id, u.office, u.username, u.display_name, u.password_hash, u.disabled, u.created_at,
    (select array_agg(r.role order by r.role) from staff_user_roles r where r.user_id = u.id and r.office = u.office)
      as roles
  from staff_users u`;

function userOf(row: UserRow): StoredUser {
  return {
    id: row.id,
    office: row.office,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    disabled: row.disabled,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    roles: (row.roles ?? []).filter(isStaffRole),
  };
}

/** A user's public view: everything but the password hash. */
export function userView({ passwordHash: _hash, office: _office, ...view }: StoredUser): UserView {
  return view;
}

const taken = (username: string) =>
  new ApiError(409, 'username-taken', {
    vi: `Tên đăng nhập "${username}" đã có người dùng trong văn phòng này`,
    en: `The username "${username}" is already taken in this office`,
  });

/**
 * Creates a user with their roles and returns it; 409 `username-taken` when the office has that username already
 * (whatever its case).
 *
 * @example
 * ```ts
 * const admin = await createUser(db, { office: 'demo', username: 'admin', displayName: 'Quản trị', passwordHash,
 *   roles: ['admin'], now: Date.now() });
 * ```
 */
export async function createUser(db: Queryable, user: NewUser): Promise<StoredUser> {
  const id = randomUUID();
  const [row] = await db.query<{ id: string }>(
    `insert into staff_users (id, office, username, display_name, password_hash, disabled, created_at)
     values ($1, $2, $3, $4, $5, false, $6) on conflict do nothing returning id`,
    [id, user.office, user.username, user.displayName, user.passwordHash, user.now],
  );
  if (!row) throw taken(user.username);
  await setRoles(db, user.office, id, user.roles);
  return (await findUser(db, user.office, id)) as StoredUser;
}

/** Replaces a user's roles in an office. */
export async function setRoles(db: Queryable, office: string, id: string, roles: readonly StaffRole[]): Promise<void> {
  await db.query('delete from staff_user_roles where user_id = $1 and office = $2', [id, office]);
  for (const role of new Set(roles)) {
    await db.query('insert into staff_user_roles (user_id, office, role) values ($1, $2, $3)', [id, office, role]);
  }
}

/**
 * The user of an office with this username (whatever its case), with the password hash, or undefined.
 *
 * @example
 * ```ts
 * const user = await findUserByUsername(db, 'demo', 'CanBo1'); // canbo1's row
 * ```
 */
export async function findUserByUsername(
  db: Queryable,
  office: string,
  username: string,
): Promise<StoredUser | undefined> {
  const [row] = await db.query<UserRow>(`${SELECT_USERS} where u.office = $1 and lower(u.username) = lower($2)`, [
    office,
    username,
  ]);
  return row && userOf(row);
}

/** The user of an office with this id, or undefined. */
export async function findUser(db: Queryable, office: string, id: string): Promise<StoredUser | undefined> {
  const [row] = await db.query<UserRow>(`${SELECT_USERS} where u.office = $1 and u.id = $2`, [office, id]);
  return row && userOf(row);
}

/**
 * The users of an office, by username.
 *
 * @example
 * ```ts
 * (await listUsers(db, 'demo')).map((u) => u.username); // ['admin', 'canbo1', …]
 * ```
 */
export async function listUsers(db: Queryable, office: string): Promise<StoredUser[]> {
  const rows = await db.query<UserRow>(`${SELECT_USERS} where u.office = $1 order by lower(u.username)`, [office]);
  return rows.map(userOf);
}

/** Changes a user's display name or disabled flag (what is given). */
export async function updateUser(
  db: Queryable,
  office: string,
  id: string,
  change: { readonly displayName?: string | undefined; readonly disabled?: boolean | undefined },
): Promise<void> {
  await db.query(
    `update staff_users set display_name = coalesce($3, display_name), disabled = coalesce($4, disabled)
     where office = $1 and id = $2`,
    [office, id, change.displayName ?? null, change.disabled ?? null],
  );
}

/** Stores a new password hash for a user. */
export async function setPasswordHash(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query('update staff_users set password_hash = $2 where id = $1', [id, passwordHash]);
}
