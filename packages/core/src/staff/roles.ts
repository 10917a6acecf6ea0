/**
 * What a signed-in person may do in one office: `officer` works a counter (calls numbers, receives dossiers, records
 * their steps), `leader` reads the reports and the dashboard, `admin` configures the office and manages its users and
 * devices. A person holds one or more roles per office; a role implies no other (an admin who also works a counter
 * holds `officer` too).
 */
export type StaffRole = 'officer' | 'leader' | 'admin';

/**
 * Every {@link StaffRole}, in the order screens list them.
 *
 * @example
 * ```ts
 * STAFF_ROLES.includes('leader'); // true
 * ```
 */
export const STAFF_ROLES: readonly StaffRole[] = Object.freeze(['officer', 'leader', 'admin']);

/**
 * Whether a value is one of the {@link STAFF_ROLES}.
 *
 * @example
 * ```ts
 * isStaffRole('admin'); // true
 * isStaffRole('root'); // false
 * ```
 */
export const isStaffRole = (value: unknown): value is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(value);

/**
 * The roles of a JSON array, or undefined when it is not an array of roles (unknown roles are left out, so a newer
 * server's role does not break an older page).
 *
 * @example
 * ```ts
 * readStaffRoles(['officer', 'auditor']); // ['officer']
 * readStaffRoles('admin'); // undefined
 * ```
 */
export function readStaffRoles(value: unknown): StaffRole[] | undefined {
  return Array.isArray(value) ? value.filter(isStaffRole) : undefined;
}
