// Test support: staff users and signed-in sessions made straight in the database (a cheap scrypt, no sign-in round
// trip), and the headers a same-origin page sends with them.
import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@motcua/core/staff';
import type { Queryable } from '../db/database.js';
import { sessionIdHash } from './caller.js';
import { hashPassword } from './passwords.js';
import { createSession } from './sessions-store.js';
import { createUser, type StoredUser } from './users-store.js';

/** scrypt parameters cheap enough for tests (the hash records them; production hashes use SCRYPT_PARAMETERS). */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

/** Creates a user of `office` with `roles` and the password `password-of-<username>`. */
export async function testUser(
  db: Queryable,
  office: string,
  username: string,
  roles: readonly StaffRole[],
  now = Date.UTC(2026, 11, 4, 1, 0),
): Promise<StoredUser> {
  const passwordHash = await hashPassword(`password-of-${username}`, TEST_SCRYPT);
  return createUser(db, { office, username, displayName: `Cán bộ ${username}`, passwordHash, roles, now });
}

/** A new session of `user`, as the headers a page of the server's origin sends (cookie and Origin). */
export async function sessionHeaders(
  db: Queryable,
  user: StoredUser,
  now = Date.UTC(2026, 11, 4, 1, 0),
): Promise<Record<string, string>> {
  const id = randomBytes(32).toString('base64url');
  await createSession(db, {
    idHash: sessionIdHash(id),
    userId: user.id,
    office: user.office,
    now,
    idleMs: 9_000_000,
    absoluteMs: 43_200_000,
  });
  return { cookie: `motcua_session=${id}`, origin: 'http://localhost' };
}

/** A signed-in user of `office` with `roles`, as request headers. */
export async function signedInAs(
  db: Queryable,
  office: string,
  roles: readonly StaffRole[],
  username: string = roles.join('-') || 'no-role',
): Promise<Record<string, string>> {
  return sessionHeaders(db, await testUser(db, office, username, roles));
}

let officers = 0;

/**
 * A signed-in officer of `office` (a new user each time) sending JSON, as the headers a page of the server's origin
 * sends: who records a dossier's steps. The session is made at `now` (by default 4 December 2026, 08:00 in Vietnam,
 * so that a test's clock before it finds the session alive).
 */
export async function officerHeaders(db: Queryable, office = 'demo', now?: number): Promise<Record<string, string>> {
  officers += 1;
  const user = await testUser(db, office, `officer-${officers}`, ['officer'], now);
  return { ...(await sessionHeaders(db, user, now)), 'content-type': 'application/json' };
}
