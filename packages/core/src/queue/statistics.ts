import { toVietnamTime } from '../calendar/civil-date.js';
import { percentileOfSorted } from './percentiles.js';
import type { TicketEvent } from './ticket.js';

const MINUTE = 60_000;

/** A distribution of durations, in minutes. */
export interface DurationSummary {
  /** How many durations. */
  readonly count: number;
  /** Their mean; `undefined` when there are none. */
  readonly mean: number | undefined;
  /** The median (linear interpolation between ranks). */
  readonly p50: number | undefined;
  /** The 90th percentile. */
  readonly p90: number | undefined;
  /** The longest. */
  readonly max: number | undefined;
}

/** Counts and durations for one group of tickets. */
export interface QueueGroupStatistics {
  /** Tickets issued (including those created by a transfer). */
  readonly tickets: number;
  /** Tickets called at least once. */
  readonly called: number;
  /** Tickets served to the end (`done`). */
  readonly served: number;
  /** Called tickets whose holder never came. */
  readonly noShows: number;
  /** Cancelled tickets. */
  readonly cancelled: number;
  /** Tickets passed on to another service. */
  readonly transferred: number;
  /** Recalls made. */
  readonly recalls: number;
  /** From joining the queue to the call (first or last, see `waitUntil`), for called tickets. */
  readonly wait: DurationSummary;
  /** From start to finish, for served tickets. */
  readonly service: DurationSummary;
}

/** Statistics of a queue over an event log. */
export interface QueueStatistics {
  /** Every ticket. */
  readonly overall: QueueGroupStatistics;
  /** Per service id. */
  readonly byService: Readonly<Record<string, QueueGroupStatistics>>;
  /** Per counter id (the counter that called the ticket); uncalled tickets are in no counter. */
  readonly byCounter: Readonly<Record<string, QueueGroupStatistics>>;
  /** Per hour of the day in Vietnam (0–23) the ticket joined the queue. */
  readonly byHour: Readonly<Record<number, QueueGroupStatistics>>;
}

/** Options for {@link queueStatistics}. */
export interface QueueStatisticsOptions {
  /**
   * Where a wait ends: at the `first-call` (default) or at the `last-call`, which Qmatic uses so that
   * a citizen recalled after a no-show is not counted as served quickly.
   */
  readonly waitUntil?: 'first-call' | 'last-call';
}

interface Timeline {
  service: string | undefined;
  joined: number | undefined;
  firstCall: number | undefined;
  lastCall: number | undefined;
  counter: string | undefined;
  start: number | undefined;
  end: number | undefined;
  outcome: 'done' | 'no-show' | 'cancel' | 'transfer' | undefined;
  recalls: number;
}

function summarize(values: number[]): DurationSummary {
  if (values.length === 0) return { count: 0, mean: undefined, p50: undefined, p90: undefined, max: undefined };
  const sorted = values.sort((a, b) => a - b);
  return {
    count: sorted.length,
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    max: sorted[sorted.length - 1],
  };
}

function group(timelines: readonly Timeline[], waitUntil: 'first-call' | 'last-call'): QueueGroupStatistics {
  const waits: number[] = [];
  const services: number[] = [];
  let called = 0;
  let recalls = 0;
  const outcomes = { done: 0, 'no-show': 0, cancel: 0, transfer: 0 };
  for (const t of timelines) {
    recalls += t.recalls;
    if (t.outcome) outcomes[t.outcome]++;
    const call = waitUntil === 'first-call' ? t.firstCall : t.lastCall;
    if (call !== undefined) {
      called++;
      if (t.joined !== undefined) waits.push((call - t.joined) / MINUTE);
    }
    if (t.outcome === 'done' && t.start !== undefined && t.end !== undefined) services.push((t.end - t.start) / MINUTE);
  }
  return {
    tickets: timelines.length,
    called,
    served: outcomes.done,
    noShows: outcomes['no-show'],
    cancelled: outcomes.cancel,
    transferred: outcomes.transfer,
    recalls,
    wait: summarize(waits),
    service: summarize(services),
  };
}

function groupBy<K extends string | number>(
  timelines: readonly Timeline[],
  key: (t: Timeline) => K | undefined,
  waitUntil: 'first-call' | 'last-call',
): Record<K, QueueGroupStatistics> {
  const buckets = new Map<K, Timeline[]>();
  for (const t of timelines) {
    const k = key(t);
    if (k === undefined) continue;
    let bucket = buckets.get(k);
    if (!bucket) {
      bucket = [];
      buckets.set(k, bucket);
    }
    bucket.push(t);
  }
  const out = {} as Record<K, QueueGroupStatistics>;
  for (const [k, list] of buckets) out[k] = group(list, waitUntil);
  return out;
}

/**
 * Statistics from the append-only event log (`queue.events()`): tickets, calls, served, no-shows,
 * cancellations, transfers and recalls, with the wait (joining the queue → call) and service time
 * (start → finish) in minutes as count, mean, median, 90th percentile and maximum — overall and per
 * service, counter and Vietnam hour. Events may come in any order; a transfer's new ticket counts as
 * its own transaction in the new service.
 *
 * @example
 * ```ts
 * const stats = queueStatistics(await queue.events());
 * stats.byService['ho-tich']?.wait.p90; // e.g. 18.5 (minutes)
 * stats.byHour[8]?.noShows;             // no-shows among tickets taken 08:00–08:59
 * ```
 */
export function queueStatistics(events: readonly TicketEvent[], options: QueueStatisticsOptions = {}): QueueStatistics {
  const waitUntil = options.waitUntil ?? 'first-call';
  const timelines = new Map<string, Timeline>();
  const sorted = [...events].sort((a, b) => a.at - b.at);
  for (const e of sorted) {
    let t = timelines.get(e.ticket);
    if (!t) {
      t = {
        service: undefined,
        joined: undefined,
        firstCall: undefined,
        lastCall: undefined,
        counter: undefined,
        start: undefined,
        end: undefined,
        outcome: undefined,
        recalls: 0,
      };
      timelines.set(e.ticket, t);
    }
    switch (e.type) {
      case 'issue':
        t.service = e.service;
        t.joined = e.at;
        break;
      case 'call':
        t.firstCall ??= e.at;
        t.lastCall = e.at;
        t.counter = e.counter;
        break;
      case 'recall':
        t.lastCall = e.at;
        t.recalls++;
        break;
      case 'start':
        t.start = e.at;
        break;
      case 'finish':
        t.end = e.at;
        t.outcome = 'done';
        break;
      case 'no-show':
      case 'cancel':
      case 'transfer':
        t.end = e.at;
        t.outcome = e.type;
        break;
      case 'readmit':
        // Back in the queue: the no-show did not end the visit.
        t.end = undefined;
        t.outcome = undefined;
        break;
      case 'link-dossier':
        break;
    }
  }
  const all = [...timelines.values()].filter((t) => t.joined !== undefined);
  return {
    overall: group(all, waitUntil),
    byService: groupBy(all, (t) => t.service, waitUntil),
    byCounter: groupBy(all, (t) => t.counter, waitUntil),
    byHour: groupBy(
      all,
      (t) => (t.joined === undefined ? undefined : Math.floor(toVietnamTime(t.joined).minuteOfDay / 60)),
      waitUntil,
    ),
  };
}
