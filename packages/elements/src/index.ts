/**
 * `@motcua/elements`: web components for Vietnam's commune one-stop shops. Importing this module
 * registers every public element; import `@motcua/elements/<name>` for one element only. The staff screens (the
 * sign-in, the office dashboard) are only typed here: they register from their own subpath, so public pages never
 * load them.
 *
 * @packageDocumentation
 */
export { MotcuaCalendarDay } from './calendar-day/calendar-day.js';
export type { DossierReceivedDetail } from './counter-console/counter-console.events.js';
export {
  type CounterAction,
  type CounterActionDetail,
  type CounterConsoleStringKey,
  type CounterTicket,
  MotcuaCounterConsole,
} from './counter-console/counter-console.js';
export type {
  ConsoleStringKey,
  DeskStringKey,
  IntakeStringKey,
  SessionStringKey,
} from './counter-console/counter-console.strings.js';
export {
  type DossierErrorDetail,
  type DossierLoadedDetail,
  type DossierLookupProblem,
  type DossierResolver,
  type DossierSecondFactor,
  MotcuaDossierStatus,
} from './dossier-status/dossier-status.js';
export type { DossierStatusBaseStringKey, DossierStatusStringKey } from './dossier-status/dossier-status.strings.js';
export { MotcuaElement, type StringsOverride } from './internal/base.js';
export { CONFIG_CHANGE_EVENT, getConfig, type MotcuaConfig, type StringOverrides } from './internal/config.js';
export { configure, resetConfig } from './internal/configure.js';
export { defineElement } from './internal/define.js';
export { format, type Language, type StringTable, toLanguage } from './internal/i18n.js';
export type { PushStringKey } from './internal/push-offer.js';
export type { SpeechEngine } from './internal/speech/engine.js';
export type { Utterance } from './internal/speech/utterance.js';
export { baseStyles, blockStyles } from './internal/styles.js';
// Types only: the leader's screen is not part of the every-element bundle (`@motcua/elements/office-dashboard`).
export type {
  DashboardLoadDetail,
  MotcuaOfficeDashboard,
  OfficeDashboardFirstKey,
  OfficeDashboardLaterKey,
  OfficeDashboardStringKey,
  PeriodChoice,
} from './office-dashboard/office-dashboard.js';
export { MotcuaProcedureList, type ProcedureSelectDetail } from './procedure-list/procedure-list.js';
export { MotcuaQueueBoard, type QueueBoardStringKey, type QueueCallDetail } from './queue-board/queue-board.js';
export {
  MotcuaRatingForm,
  type RatingEventDetail,
  type RatingFailedDetail,
  type RatingFormStringKey,
} from './rating-form/rating-form.js';
// Types only: the staff sign-in registers from `@motcua/elements/sign-in` (or with the counter console's session).
export type { MotcuaSignIn, SignedInDetail, SignedOutDetail, SignInStringKey } from './sign-in/sign-in.js';
export {
  type IssuedTicket,
  type KioskPriorityClass,
  type KioskService,
  type KioskServices,
  MotcuaTicketKiosk,
  type PaperWidth,
  type ServerText,
  type TicketIssuedDetail,
  type TicketKioskStringKey,
  type TicketRefusedDetail,
  type TicketWait,
} from './ticket-kiosk/ticket-kiosk.js';
export {
  MotcuaTicketStatus,
  type TicketChangeDetail,
  type TicketStatusStringKey,
} from './ticket-status/ticket-status.js';
