import { isJsonObject } from '../text/json-object.js';
import { readStaffRoles, type StaffRole } from './roles.js';

/** What the sign-in screen posts to `POST /api/session`. */
export interface SignInRequest {
  readonly username: string;
  readonly password: string;
}

/** A signed-in person as a session and the user list show them. */
export interface StaffPerson {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
}

/**
 * What `GET /api/session` and `POST /api/session` answer: who is signed in, in which office, with which roles, and
 * when the session ends (`expiresAt`, whatever happens) or lapses unless used again (`idleExpiresAt`), as ISO instants.
 */
export interface SessionView {
  readonly user: StaffPerson;
  readonly office: string;
  readonly roles: readonly StaffRole[];
  readonly expiresAt: string;
  readonly idleExpiresAt: string;
}

/**
 * A person's JSON as a {@link StaffPerson}, or undefined when a field is missing.
 *
 * @example
 * ```ts
 * readStaffPerson({ id: 'u1', username: 'canbo1', displayName: 'Nguyễn Văn An' })?.displayName; // 'Nguyễn Văn An'
 * readStaffPerson({ id: 'u1' }); // undefined
 * ```
 */
export function readStaffPerson(value: unknown): StaffPerson | undefined {
  if (!isJsonObject(value)) return undefined;
  const { id, username, displayName } = value;
  if (typeof id !== 'string' || typeof username !== 'string' || typeof displayName !== 'string') return undefined;
  return { id, username, displayName };
}

/**
 * The session answer's JSON as a {@link SessionView}, or undefined when it is not one; roles this version does not
 * know are left out.
 *
 * @example
 * ```ts
 * const response = await fetch('/api/session', { credentials: 'same-origin' });
 * const session = response.ok ? readSessionView(await response.json()) : undefined;
 * session?.roles.includes('officer'); // true for an officer
 * ```
 */
export function readSessionView(value: unknown): SessionView | undefined {
  if (!isJsonObject(value)) return undefined;
  const user = readStaffPerson(value.user);
  const roles = readStaffRoles(value.roles);
  const { office, expiresAt, idleExpiresAt } = value;
  if (!user || !roles || typeof office !== 'string') return undefined;
  if (typeof expiresAt !== 'string' || typeof idleExpiresAt !== 'string') return undefined;
  return { user, office, roles, expiresAt, idleExpiresAt };
}
