/**
 * Dossier deadlines: time limits as data, office hours, due dates, the dossier clock and its
 * classification, the one status model with the national codes, and dossier codes.
 *
 * @module deadline
 */

export {
  type Classification,
  type ClassifyOptions,
  classifyDossier,
  type Timeliness,
} from './classify.js';
export {
  clockStatus,
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
  type DailySequence,
  type DossierCodeFormat,
  type DossierCodeParts,
  dossierCodeProblems,
  formatDossierCode,
  isDossierCode,
  issueDossierCode,
  memoryDailySequence,
  parseDossierCode,
} from './dossier-code.js';
export { type DossierDeskView, readDossierDeskView } from './dossier-desk-view.js';
export {
  DOSSIER_STEP_TYPES,
  type DossierLookup,
  type DossierStepType,
  type DossierTimelineEntry,
  FINISHED_DOSSIER_STATUSES,
  statusAfterSteps,
  statusOfStep,
} from './dossier-lookup.js';
export {
  type DossierWorkItem,
  type DossierWorklist,
  ENDED_DOSSIER_STATUSES,
  readDossierWorklist,
} from './dossier-worklist.js';
export {
  type DueDate,
  type DueDateInput,
  type DueDateOptions,
  type DueTimeOfDay,
  dueDate,
  type ReceiptRule,
} from './due-date.js';
export type { DueDateChange } from './due-date-change.js';
export { formatRemaining } from './format-remaining.js';
export { formatTimeLimit } from './format-time-limit.js';
export { parseOffsetDateTime } from './instant.js';
export {
  DEFAULT_SYNC_UNITS,
  fromNationalSync,
  type NationalSyncFormat,
  type NationalSyncRecord,
  readNationalSync,
  type SyncDossier,
  type SyncedDossier,
  syncedTimeliness,
  toNationalSync,
} from './national-sync.js';
export type { NoAppointmentDay } from './no-appointment.js';
export { noAppointmentNote } from './no-appointment-note.js';
export type { DossierNotificationContact, DossierStatusNotice } from './notification-contact.js';
export { clockMinutes, DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficeSession } from './office-hours.js';
export {
  type OfficeOnTimeFigures,
  type OnTimeFigures,
  type OnTimeMonthFigures,
  type OnTimeProcedureFigures,
  type OnTimeReport,
  type ProvinceOnTimeReport,
  readOnTimeReport,
} from './on-time-report.js';
export {
  type ReceiptSlip,
  type ReceiptSlipInput,
  type ReceiptSlipOptions,
  type ReceivedDocument,
  type ResultDelivery,
  receiptSlip,
  slipTime,
} from './receipt-slip.js';
export {
  type Decision766Group2Options,
  type DossierRecord,
  type DossierStatistics,
  type DossierStatisticsOptions,
  decision766Group2,
  dossierStatistics,
} from './statistics.js';
export {
  DOSSIER_CHANNEL_NAMES,
  DOSSIER_CHANNELS,
  DOSSIER_STATUS_NAMES,
  DOSSIER_STATUSES,
  type DossierChannel,
  type DossierStatus,
  fromChannelCode,
  fromNationalStatusCode,
  readChannelCode,
  readNationalStatusCode,
  toChannelCode,
  toNationalStatusCode,
} from './status.js';
export { parseSupplementReasons, SUPPLEMENT_REASONS } from './supplement-reason.js';
export { SUPPLEMENT_REASON_CODES, type SupplementReason } from './supplement-reason-codes.js';
export {
  parseTimeLimit,
  TIME_LIMIT_UNITS,
  type TimeLimit,
  type TimeLimitUnit,
  timeLimitProblems,
} from './time-limit.js';
export { timeLimitSchema } from './time-limit-schema.js';
