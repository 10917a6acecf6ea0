import { isJsonObject } from '../text/json-object.js';
import type { StaffRole } from './roles.js';
import { readStaffRoles } from './roles.js';
import { readStaffPerson, type StaffPerson } from './session.js';

/**
 * A user as the admin's user list shows them (`GET /api/users`): roles in this office, whether the account is
 * disabled, and when it was created (ISO instant). Never a password or its hash.
 */
export interface UserView extends StaffPerson {
  readonly roles: readonly StaffRole[];
  readonly disabled: boolean;
  readonly createdAt: string;
}

/**
 * A user's JSON as a {@link UserView}, or undefined when it is not one.
 *
 * @example
 * ```ts
 * const { users } = await (await fetch('/api/users', { credentials: 'same-origin' })).json();
 * const list = users.map(readUserView).filter(Boolean);
 * ```
 */
export function readUserView(value: unknown): UserView | undefined {
  const person = readStaffPerson(value);
  if (!person || !isJsonObject(value)) return undefined;
  const roles = readStaffRoles(value.roles);
  const { disabled, createdAt } = value;
  if (!roles || typeof disabled !== 'boolean' || typeof createdAt !== 'string') return undefined;
  return { ...person, roles, disabled, createdAt };
}
