/**
 * Staff accounts and devices on the wire: the roles a person holds in an office, the signed-in session, the admin's
 * user list, the audit trail and paired devices (kiosks, counter tablets, boards), with readers that check what the
 * server answers; and the office administration's settings (no-appointment day, calendar overlays, queue, rating
 * instruments), versioned, with the calendar preview and the catalogue check.
 *
 * @module staff
 */

export { BUILT_IN_INSTRUMENT_IDS } from '../satisfaction/instrument-ids.js';
export { type AuditActor, type AuditActorKind, type AuditEntry, readAuditEntry } from './audit.js';
export {
  type CatalogueImportCheck,
  type CatalogueVersionView,
  readCatalogueImportCheck,
  readCatalogueVersionView,
} from './catalogue-admin.js';
export {
  DEVICE_KINDS,
  type DeviceKind,
  type DeviceView,
  isPairingClaim,
  normalizePairingCode,
  PAIRING_CLAIM_MIN_LENGTH,
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  type PairingApproval,
  type PairingClaim,
  type PairingCollected,
  type PairingStart,
  type PendingPairing,
  readDeviceView,
  readPairingCollected,
  readPairingStart,
  readPendingPairing,
} from './devices.js';
export {
  type CalendarPreview,
  type CheckOfficeSettingsOptions,
  checkOfficeSettings,
  type NoAppointmentSetting,
  OFFICE_SETTINGS_SECTIONS,
  type OfficeSettings,
  type OfficeSettingsSection,
  type OfficeSettingsVersion,
  type RatingSetting,
  readCalendarPreview,
  readOfficeSettingsVersion,
  readSettingsAuthor,
  type ScorecardIndicatorSetting,
  type ScorecardSetting,
  type SettingsAuthor,
  type SettingsChange,
} from './office-settings.js';
export { isStaffRole, readStaffRoles, STAFF_ROLES, type StaffRole } from './roles.js';
export {
  readSessionView,
  readStaffPerson,
  type SessionView,
  type SignInRequest,
  type StaffPerson,
} from './session.js';
export { readUserView, type UserView } from './users.js';
export { type WorkingDayChange, type WorkingDayState, workingDayChanges } from './working-day-changes.js';
