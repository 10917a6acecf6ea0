import type { CivilDate } from '../calendar/civil-date.js';
import { isJsonObject } from '../text/json-object.js';
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
 * The figures of one officer: the called tickets whose last counter action (call, recall, start, done, no-show,
 * transfer) a signed-in officer took. `username` and `name` are null for the tickets a static counter token or a
 * paired tablet without an officer handled, so that the officers' tickets add up to the counters'.
 */
export interface QueueOfficerStatistics extends QueueGroupStatistics {
  /** The officer's username, or null: no officer signed in. */
  readonly username: string | null;
  /** The officer's display name, or null with no officer. */
  readonly name: string | null;
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
  /**
   * Per officer, by username (the "no officer" entry last): the called tickets, as `byCounter`. Always sent by the
   * server; {@link readQueueReport} gives `[]` when an older server's answer lacks it.
   */
  readonly byOfficer: readonly QueueOfficerStatistics[];
  /** Every weekday × hour that had tickets. */
  readonly byWeekdayHour: readonly QueueReportCell[];
  /** The longest waits, longest first (at most ten). */
  readonly longestWaits: readonly QueueLongWait[];
}

/**
 * The JSON of `GET /api/reports/queue` as a {@link QueueReport}, or undefined when it lacks its period, its overall
 * figures or its groups; heatmap cells, officers and long waits that are not well formed are left out.
 *
 * @example
 * ```ts
 * const report = readQueueReport(await (await fetch('/api/reports/queue?from=2026-11-01&to=2026-11-30')).json());
 * report?.overall.wait.p50; // 12.5 (minutes)
 * ```
 */
export function readQueueReport(value: unknown): QueueReport | undefined {
  if (!isJsonObject(value) || typeof value.from !== 'string' || typeof value.to !== 'string') return undefined;
  const groups = ['overall', 'byService', 'byCounter', 'byPriority', 'byHour'];
  if (!groups.every((key) => isJsonObject(value[key])) || !isGroup(value.overall)) return undefined;
  const list = (key: string) => (Array.isArray(value[key]) ? (value[key] as unknown[]) : []);
  return {
    ...(value as unknown as QueueReport),
    byWeekdayHour: list('byWeekdayHour').filter(
      (c): c is QueueReportCell => isGroup(c) && typeof c.weekday === 'number' && typeof c.hour === 'number',
    ),
    byOfficer: list('byOfficer').filter(
      (o): o is QueueOfficerStatistics =>
        isGroup(o) &&
        (o.username === null || typeof o.username === 'string') &&
        (o.name === null || typeof o.name === 'string'),
    ),
    longestWaits: list('longestWaits').filter(
      (w): w is QueueLongWait =>
        isJsonObject(w) && typeof w.number === 'string' && typeof w.service === 'string' && typeof w.wait === 'number',
    ),
  };
}

const isGroup = (value: unknown): value is QueueGroupStatistics & Record<string, unknown> =>
  isJsonObject(value) && typeof value.tickets === 'number' && isJsonObject(value.wait) && isJsonObject(value.service);
