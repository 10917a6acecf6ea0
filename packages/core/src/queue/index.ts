/**
 * Queue tickets for one-stop shops: services and counters as configuration, display numbers that
 * restart each Vietnamese business day, a ticket state machine, ordering policies, and a store
 * interface with an in-memory store.
 *
 * @module queue
 */
export { queueBusinessTimeOf, type QueueBusinessTime } from './business-day.js';
export {
  parseQueueConfig,
  type QueueCounterConfig,
  type NumberEndPolicy,
  type TicketNumbering,
  type TicketNumberingOptions,
  type IssuingWindow,
  type QueueOrderingPolicy,
  type QueueConfig,
  type ResolvedQueueCounter,
  type ResolvedQueueConfig,
  type ResolvedQueueService,
  type ResolvedQueueSession,
  type ResolvedIssuingWindow,
  type QueueServiceConfig,
  type QueueSessionConfig,
} from './config.js';
export { createMemoryQueueStore } from './memory-store.js';
export { formatTicketNumber, nextTicketValue, ticketSequenceKey, type TicketSequenceStep } from './numbering.js';
export { assertIssuingOpen, nextIssuingTime } from './opening-windows.js';
export {
  advanceOrderingState,
  chooseNextTicket,
  type OrderableTicket,
  type QueueOrderingState,
  type PriorityWeightOf,
} from './ordering.js';
export { DEFAULT_PRIORITY_CLASSES, NORMAL_PRIORITY, type PriorityClass } from './priority-classes.js';
export {
  createQueue,
  type QueueCommandOptions,
  type IssueTicketOptions,
  type Queue,
  type QueueOptions,
} from './queue.js';
export { QueueRefusedError, type NextIssuingTime, type QueueRefusalReason } from './refusal.js';
export { ticketCommandAllowedFrom, applyTicketCommand, ticketCommandWasApplied } from './state-machine.js';
export type { QueueCommandClaim, QueueStore, TakeNumberRequest, TakeNumberResult } from './store.js';
export { FINAL_TICKET_STATUSES, type Ticket, type TicketCommand, type TicketEvent, type TicketStatus } from './ticket.js';
export { createTicketId, isTicketId, parseTicketId } from './ticket-id.js';
export { formatAnnouncement, VIETNAMESE_LETTER_NAMES, type Announcement, type AnnouncementOptions } from './announcement.js';
export { numberToVietnameseWords, type VietnameseNumberOptions } from './vietnamese-numbers.js';
export { estimateWait, peopleAhead, type WaitEstimate, type WaitEstimateInput } from './wait-estimate.js';
export {
  backtestWaitEstimates,
  recentServiceTimes,
  type WaitBacktest,
  type WaitBacktestRow,
  type WaitHistoryOptions,
} from './wait-backtest.js';
export {
  queueStatistics,
  type DurationSummary,
  type QueueGroupStatistics,
  type QueueStatistics,
  type QueueStatisticsOptions,
} from './statistics.js';
