import type { TicketView } from './board.js';
import type { ResolvedQueueConfig } from './config.js';
import { peopleAhead } from './people-ahead.js';
import { recentServiceTimes, type WaitHistoryOptions } from './wait-backtest.js';
import { estimateWait, type WaitEstimate } from './wait-estimate.js';

/**
 * The wait a waiting `ticket` can expect, from its business day's tickets (`today`, in any order): its position among
 * the tickets the counters serving it may call (under the ordering policy), those counters and how many of them are
 * free, and the recent service times of its service. What {@link Queue.estimateWait} answers, for a caller that
 * already holds the day (a server keeping it in memory between changes).
 *
 * @param today the tickets of `ticket.businessDate` (e.g. `store.tickets(ticket.businessDate)`); `ticket` itself may
 *   be among them, in any version: the `ticket` given counts.
 * @example
 * ```ts
 * const day = await queue.store.tickets(ticket.businessDate);
 * estimateTicketWait(ticket, day, queue.config, Date.now()); // { ahead: 3, method: 'queue-length', … }
 * ```
 */
export function estimateTicketWait(
  ticket: TicketView,
  today: readonly TicketView[],
  config: ResolvedQueueConfig,
  now: number,
  options?: WaitHistoryOptions,
): WaitEstimate {
  const weightOf = (priority: string): number => config.priorityClasses.get(priority)?.weight ?? 0;
  const counters = [...config.counters.values()].filter((c) => c.services.includes(ticket.service));
  const services = new Set(counters.flatMap((c) => c.services));
  const waiting = today.filter(
    (t) => t.status === 'issued' && t.businessDate === ticket.businessDate && services.has(t.service),
  );
  const busy = new Set(today.filter((t) => t.status === 'called' || t.status === 'serving').map((t) => t.counter));
  return estimateWait({
    ahead: peopleAhead(ticket, waiting, config.ordering, weightOf, now),
    counters: counters.length,
    idleCounters: counters.filter((c) => !busy.has(c.id)).length,
    serviceTimes: recentServiceTimes(today, ticket.service, now, options),
    ...(options?.minSamples !== undefined ? { minSamples: options.minSamples } : {}),
  });
}
