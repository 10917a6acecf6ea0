import type { TicketView } from './board.js';
import type { ResolvedQueueConfig } from './config.js';
import { peopleAhead } from './people-ahead.js';
import type { Ticket } from './ticket.js';
import { estimateWait } from './wait-estimate.js';

const MINUTE = 60_000;

/** Options for {@link backtestWaitEstimates} and {@link recentServiceTimes}. */
export interface WaitHistoryOptions {
  /** How far back service times count, in ms. Default 4 hours. */
  readonly lookback?: number;
  /** At most this many of the latest service times. Default 30. */
  readonly samples?: number;
  /** Fewer service times than this give a position-only estimate. Default 5. */
  readonly minSamples?: number;
}

/** One ticket of a backtest: what was estimated when it was issued, and what happened. */
export interface WaitBacktestRow {
  /** The ticket's display number. */
  readonly number: string;
  /** People ahead when it was issued. */
  readonly ahead: number;
  /** The estimate's minutes, if it gave any. */
  readonly estimate: { readonly low: number; readonly middle: number; readonly high: number } | undefined;
  /** The real wait from joining the queue to the first call, in minutes. */
  readonly actual: number;
}

/** How well wait estimates matched a recorded day. */
export interface WaitBacktest {
  /** The method backtested. */
  readonly method: 'queue-length';
  /** Called tickets in the day. */
  readonly tickets: number;
  /** Tickets whose estimate gave minutes. */
  readonly estimated: number;
  /** Mean absolute error of the middle estimate, in minutes, over `estimated`; `undefined` when none. */
  readonly meanAbsoluteError: number | undefined;
  /** The share of real waits inside the estimate's low–high range, 0–1; `undefined` when none. */
  readonly coverage: number | undefined;
  /** Every ticket, in the order they were issued. */
  readonly rows: readonly WaitBacktestRow[];
}

/**
 * The service times (start to finish, ms) of `service`'s tickets finished in the `lookback` before
 * `now`, latest first, at most `samples`.
 *
 * @example
 * ```ts
 * recentServiceTimes(await queue.store.tickets('2026-11-23'), 'ho-tich', now); // [420000, 300000, …]
 * ```
 */
export function recentServiceTimes(
  tickets: readonly TicketView[],
  service: string,
  now: number,
  options: WaitHistoryOptions = {},
): number[] {
  const lookback = options.lookback ?? 4 * 60 * MINUTE;
  const samples = options.samples ?? 30;
  return tickets
    .filter(
      (t) =>
        t.service === service &&
        t.status === 'done' &&
        t.servingAt !== undefined &&
        t.endedAt !== undefined &&
        t.endedAt <= now &&
        t.endedAt > now - lookback,
    )
    .sort((a, b) => (b.endedAt as number) - (a.endedAt as number))
    .slice(0, samples)
    .map((t) => (t.endedAt as number) - (t.servingAt as number));
}

/** The tickets as they stood at `at`: waiting ones rebuilt from their timestamps, finished ones kept. */
function waitingAt(tickets: readonly Ticket[], at: number, ticket: Ticket): Ticket[] {
  return tickets.filter(
    (t) =>
      t.businessDate === ticket.businessDate &&
      (t.queuedAt < at || (t.queuedAt === at && t.ordinal <= ticket.ordinal)) &&
      (t.calledAt === undefined || t.calledAt > at) &&
      (t.endedAt === undefined || t.endedAt > at),
  );
}

/**
 * Replays a recorded day: for every called ticket, estimates its wait with what was known when it was
 * issued (the tickets then waiting, service times finished before then) and compares it with the
 * real wait to its first call. Reports the mean absolute error and how often the range held it.
 *
 * @param tickets every ticket of the day, in their final state (e.g. `queue.store.tickets(date)`).
 * @example
 * ```ts
 * const report = backtestWaitEstimates(await queue.store.tickets('2026-11-23'), queue.config);
 * report.meanAbsoluteError; // e.g. 3.4 (minutes)
 * ```
 */
export function backtestWaitEstimates(
  tickets: readonly Ticket[],
  config: ResolvedQueueConfig,
  options: WaitHistoryOptions = {},
): WaitBacktest {
  const weightOf = (p: string): number => config.priorityClasses.get(p)?.weight ?? 0;
  const rows: WaitBacktestRow[] = [];
  const called = tickets
    .filter((t) => t.calledAt !== undefined)
    .sort((a, b) => a.queuedAt - b.queuedAt || a.ordinal - b.ordinal);
  for (const ticket of called) {
    const at = ticket.queuedAt;
    const counters = [...config.counters.values()].filter((c) => c.services.includes(ticket.service));
    const services = new Set(counters.flatMap((c) => c.services));
    const waiting = waitingAt(tickets, at, ticket).filter((t) => services.has(t.service));
    const ahead = peopleAhead(ticket, waiting, config.ordering, weightOf, at);
    const busy = new Set(
      tickets
        .filter(
          (t) => t.counter !== undefined && (t.calledAt as number) < at && (t.endedAt === undefined || t.endedAt > at),
        )
        .map((t) => t.counter),
    );
    const estimate = estimateWait({
      ahead,
      counters: counters.length,
      idleCounters: counters.filter((c) => !busy.has(c.id)).length,
      serviceTimes: recentServiceTimes(tickets, ticket.service, at, options),
      ...(options.minSamples !== undefined ? { minSamples: options.minSamples } : {}),
    });
    rows.push({
      number: ticket.number,
      ahead,
      estimate: estimate.minutes,
      actual: ((ticket.calledAt as number) - at) / MINUTE,
    });
  }
  const estimated = rows.filter((r) => r.estimate !== undefined);
  const mae =
    estimated.length === 0
      ? undefined
      : estimated.reduce((sum, r) => sum + Math.abs((r.estimate?.middle ?? 0) - r.actual), 0) / estimated.length;
  const coverage =
    estimated.length === 0
      ? undefined
      : estimated.filter((r) => r.estimate !== undefined && r.actual >= r.estimate.low && r.actual <= r.estimate.high)
          .length / estimated.length;
  return {
    method: 'queue-length',
    tickets: rows.length,
    estimated: estimated.length,
    meanAbsoluteError: mae,
    coverage,
    rows,
  };
}
