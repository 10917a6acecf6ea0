/**
 * Queue tickets for one-stop shops: services and counters as configuration, display numbers that
 * restart each Vietnamese business day, a ticket state machine, ordering policies, and a store
 * interface with an in-memory store.
 *
 * @module queue
 */

export {
  type Announcement,
  type AnnouncementOptions,
  formatAnnouncement,
  VIETNAMESE_LETTER_NAMES,
} from './announcement.js';
export {
  BOARD_NEXT_NUMBERS,
  BOARD_RECENT_CALLS,
  type BoardCounter,
  type BoardDelta,
  type BoardInput,
  type BoardServiceLine,
  type BoardSnapshot,
  type BoardTicket,
  boardTicketOf,
  buildBoard,
  type TicketView,
  ticketViewOf,
} from './board.js';
export { applyBoardDelta, isAnnouncedCall, missedBoardCalls } from './board-apply.js';
export { readBoardDelta, readBoardSnapshot } from './board-read.js';
export { type QueueBusinessTime, queueBusinessTimeOf } from './business-day.js';
export {
  type IssuingCalendar,
  type IssuingWindow,
  type NumberEndPolicy,
  parseQueueConfig,
  type QueueConfig,
  type QueueCounterConfig,
  type QueueOrderingPolicy,
  type QueueServiceConfig,
  type QueueSessionConfig,
  type ResolvedIssuingWindow,
  type ResolvedQueueConfig,
  type ResolvedQueueCounter,
  type ResolvedQueueService,
  type ResolvedQueueSession,
  type TicketNumbering,
  type TicketNumberingOptions,
} from './config.js';
export { type FollowedNumber, readFollowedNumber, ticketNumberKey, ticketOfNumber } from './followed-number.js';
export { type FollowedTicket, readFollowedTicket, readTicketView } from './followed-ticket.js';
export { readIssuedTicket, readTicketWait } from './issued-ticket.js';
export { readAnswerText, readKioskServices } from './kiosk-services.js';
export { createMemoryQueueStore } from './memory-store.js';
export { formatTicketNumber, nextTicketValue, type TicketSequenceStep, ticketSequenceKey } from './numbering.js';
export {
  assertIssuingOpen,
  type IssuingDays,
  type IssuingState,
  issuingState,
  nextIssuingTime,
} from './opening-windows.js';
export {
  advanceOrderingState,
  chooseNextTicket,
  type OrderableTicket,
  type PriorityWeightOf,
  type QueueOrderingState,
} from './ordering.js';
export { type AheadTicket, peopleAhead, peopleAheadByReplay } from './people-ahead.js';
export { DEFAULT_PRIORITY_CLASSES, NORMAL_PRIORITY, type PriorityClass } from './priority-classes.js';
export {
  createQueue,
  type IssueTicketOptions,
  type Queue,
  type QueueCommandOptions,
  type QueueOptions,
} from './queue.js';
export {
  type QueueLongWait,
  type QueueOfficerStatistics,
  type QueueReport,
  type QueueReportCell,
  readQueueReport,
} from './queue-report.js';
export { type NextIssuingTime, type QueueRefusalReason, QueueRefusedError } from './refusal.js';
export { applyTicketCommand, ticketCommandAllowedFrom, ticketCommandWasApplied } from './state-machine.js';
export {
  type DurationSummary,
  type QueueGroupStatistics,
  type QueueStatistics,
  type QueueStatisticsOptions,
  queueStatistics,
} from './statistics.js';
export type { QueueCommandClaim, QueueStore, TakeNumberRequest, TakeNumberResult } from './store.js';
export {
  FINAL_TICKET_STATUSES,
  type Ticket,
  type TicketCommand,
  type TicketEvent,
  type TicketStatus,
} from './ticket.js';
export type {
  AnswerText,
  CounterTicket,
  CounterTicketAnswer,
  IssuedTicket,
  KioskPriorityClass,
  KioskService,
  KioskServices,
  TicketWait,
} from './ticket-answers.js';
export { createTicketId, isTicketId, parseTicketId } from './ticket-id.js';
export { estimateTicketWait } from './ticket-wait.js';
export { numberToVietnameseWords, type VietnameseNumberOptions } from './vietnamese-numbers.js';
export {
  backtestWaitEstimates,
  recentServiceTimes,
  type WaitBacktest,
  type WaitBacktestRow,
  type WaitHistoryOptions,
} from './wait-backtest.js';
export { estimateWait, type WaitEstimate, type WaitEstimateInput } from './wait-estimate.js';
