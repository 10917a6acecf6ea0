import type { StaffRole } from '@motcua/core/staff';
import { isStaffRole } from '@motcua/core/staff';
import type { Queryable } from '../db/database.js';

// The SQL of sessions, kept by the SHA-256 of their id: every instance on one PostgreSQL shares them.

/** A session as the guards read it: its user (enabled), office, roles and expiry. */
export interface StoredSession {
  readonly idHash: string;
  readonly office: string;
  readonly user: { readonly id: string; readonly username: string; readonly displayName: string };
  readonly roles: readonly StaffRole[];
  readonly lastSeenAt: number;
  readonly idleExpiresAt: number;
  readonly expiresAt: number;
}

/**
 * Stores a new session.
 *
 * @example
 * ```ts
 * await createSession(db, { idHash, userId, office: 'demo', now, idleMs: 9e6, absoluteMs: 4.32e7 });
 * ```
 */
export async function createSession(
  db: Queryable,
  s: {
    readonly idHash: string;
    readonly userId: string;
    readonly office: string;
    readonly now: number;
    readonly idleMs: number;
    readonly absoluteMs: number;
  },
): Promise<void> {
  await db.query(
    `insert into staff_sessions (id_hash, user_id, office, created_at, last_seen_at, idle_expires_at, expires_at)
     values ($1, $2, $3, $4, $4, $5, $6)`,
    [s.idHash, s.userId, s.office, s.now, Math.min(s.now + s.idleMs, s.now + s.absoluteMs), s.now + s.absoluteMs],
  );
}

interface SessionRow {
  id_hash: string;
  office: string;
  user_id: string;
  username: string;
  display_name: string;
  last_seen_at: number | string;
  idle_expires_at: number | string;
  expires_at: number | string;
  roles: string[] | null;
}

/**
 * The live session with this id hash: not expired (idle or absolute) and of an enabled user; undefined otherwise.
 *
 * @example
 * ```ts
 * const session = await findSession(db, sha256(cookie), Date.now());
 * ```
 */
export async function findSession(db: Queryable, idHash: string, now: number): Promise<StoredSession | undefined> {
  const [row] = await db.query<SessionRow>(
    `select s.id_hash, s.office, s.user_id, u.username, u.display_name, s.last_seen_at, s.idle_expires_at,
       s.expires_at,
       (select array_agg(r.role order by r.role) from staff_user_roles r
         where r.user_id = s.user_id and r.office = s.office) as roles
     from staff_sessions s join staff_users u on u.id = s.user_id
     where s.id_hash = $1 and not u.disabled and s.idle_expires_at > $2 and s.expires_at > $2`,
    [idHash, now],
  );
  if (!row) return undefined;
  return {
    idHash: row.id_hash,
    office: row.office,
    user: { id: row.user_id, username: row.username, displayName: row.display_name },
    roles: (row.roles ?? []).filter(isStaffRole),
    lastSeenAt: Number(row.last_seen_at),
    idleExpiresAt: Number(row.idle_expires_at),
    expiresAt: Number(row.expires_at),
  };
}

/** Moves a session's idle expiry on (never past its absolute expiry). */
export async function touchSession(db: Queryable, idHash: string, now: number, idleMs: number): Promise<void> {
  await db.query(
    `update staff_sessions set last_seen_at = $2, idle_expires_at = least(expires_at, $3) where id_hash = $1`,
    [idHash, now, now + idleMs],
  );
}

/**
 * Ends one session of `office`: a session of another office (its cookie sent to this one, on the same host) is left
 * alone, also where row-level security does not apply (PGlite, a superuser).
 */
export async function deleteSession(db: Queryable, idHash: string, office: string): Promise<void> {
  await db.query('delete from staff_sessions where id_hash = $1 and office = $2', [idHash, office]);
}

/** Ends every session of a user (disabled, or given a new password). */
export async function deleteUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('delete from staff_sessions where user_id = $1', [userId]);
}

/** Forgets sessions that have expired. */
export async function purgeExpiredSessions(db: Queryable, now: number): Promise<void> {
  await db.query('delete from staff_sessions where expires_at <= $1 or idle_expires_at <= $1', [now]);
}
