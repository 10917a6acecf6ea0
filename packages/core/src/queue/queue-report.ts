import type { CivilDate } from '../calendar/civil-date.js';
import type { QueueGroupStatistics, QueueStatistics } from './statistics.js';

/** One cell of the weekday × hour heatmap: the tickets that joined the queue then. */
export interface QueueReportCell extends QueueGroupStatistics {
  /** ISO weekday in Vietnam the ticket joined the queue: 1 = Monday (Thứ Hai) … 7 = Sunday (Chủ nhật). */
  readonly weekday: number;
  /** Hour of the day in Vietnam (0–23) the ticket joined the queue. */
  readonly hour: number;
}

/** One of the longest waits of the period: ticket numbers only, nothing about the person. */
export interface QueueLongWait {
  readonly number: string;
  readonly service: string;
  /** The counter that called it. */
  readonly counter?: string;
  readonly businessDate: CivilDate;
  /** Minutes from joining the queue to the first call. */
  readonly wait: number;
}

/**
 * What `GET /api/reports/queue` answers for a period (and optionally one service or counter): core's
 * {@link QueueStatistics} of the tickets of those business days — counts, waits (joining the queue → first call) and
 * service times (start → finish) in minutes with median and 90th percentile — plus per priority class, the
 * weekday × hour heatmap and the longest waits.
 */
export interface QueueReport extends QueueStatistics {
  /** First business day of the period (Vietnamese civil date). */
  readonly from: CivilDate;
  /** Last business day of the period, included. */
  readonly to: CivilDate;
  /** Per priority class id (`thuong` is the normal queue). */
  readonly byPriority: Readonly<Record<string, QueueGroupStatistics>>;
  /** Every weekday × hour that had tickets. */
  readonly byWeekdayHour: readonly QueueReportCell[];
  /** The longest waits, longest first (at most ten). */
  readonly longestWaits: readonly QueueLongWait[];
}
