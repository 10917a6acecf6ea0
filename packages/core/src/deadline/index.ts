/**
 * Dossier deadlines: time limits as data (and, as the room grows, due dates and the dossier clock).
 *
 * @module deadline
 */

export {
  type Classification,
  type ClassifyOptions,
  classifyDossier,
  formatRemaining,
  type Timeliness,
} from './classify.js';
export {
  DOSSIER_EVENT_TYPES,
  type DossierClock,
  type DossierClockFlag,
  type DossierClockOptions,
  type DossierClockState,
  type DossierEvent,
  type DossierPause,
  type DossierTimeline,
  dossierClock,
} from './dossier-clock.js';
export {
  type DueDate,
  type DueDateInput,
  type DueDateOptions,
  type DueTimeOfDay,
  dueDate,
  type ReceiptRule,
} from './due-date.js';
export { parseOffsetDateTime } from './instant.js';
export { clockMinutes, DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficeSession } from './office-hours.js';
export {
  formatTimeLimit,
  parseTimeLimit,
  TIME_LIMIT_UNITS,
  type TimeLimit,
  type TimeLimitUnit,
  timeLimitProblems,
  timeLimitSchema,
} from './time-limit.js';
