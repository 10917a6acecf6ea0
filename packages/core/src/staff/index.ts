/**
 * Staff accounts on the wire: the roles a person holds in an office, the signed-in session, the admin's user list
 * and the audit trail, with readers that check what the server answers.
 *
 * @module staff
 */

export { type AuditActor, type AuditActorKind, type AuditEntry, readAuditEntry } from './audit.js';
export { isStaffRole, readStaffRoles, STAFF_ROLES, type StaffRole } from './roles.js';
export {
  readSessionView,
  readStaffPerson,
  type SessionView,
  type SignInRequest,
  type StaffPerson,
} from './session.js';
export { readUserView, type UserView } from './users.js';
