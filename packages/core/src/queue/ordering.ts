import type { QueueOrderingPolicy } from './config.js';
import type { Ticket } from './ticket.js';

/** What a waiting ticket must tell an ordering policy. */
export type OrderableTicket = Pick<Ticket, 'priority' | 'queuedAt' | 'ordinal'>;

/** What `interleave` remembers per counter: the kind of the last calls and how many in a row. */
export interface QueueOrderingState {
  /** Whether the last call was a priority (weight above 0) or a normal ticket. */
  readonly lastKind: 'priority' | 'normal';
  /** How many calls of that kind in a row. */
  readonly run: number;
}

/** Looks up a priority class weight; unknown classes weigh 0. */
export type PriorityWeightOf = (priority: string) => number;

/** True when `a` goes before `b` among tickets of equal rank: first in, first out. */
function earlier(a: OrderableTicket, b: OrderableTicket): boolean {
  return a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.ordinal < b.ordinal);
}

function strictBest<T extends OrderableTicket>(waiting: readonly T[], weightOf: PriorityWeightOf): T | undefined {
  let best: T | undefined;
  let bestWeight = -1;
  let bestQueuedAt = 0;
  let bestOrdinal = 0;
  for (const t of waiting) {
    const w = weightOf(t.priority);
    if (best !== undefined && w < bestWeight) continue;
    if (
      best === undefined ||
      w > bestWeight ||
      t.queuedAt < bestQueuedAt ||
      (t.queuedAt === bestQueuedAt && t.ordinal < bestOrdinal)
    ) {
      best = t;
      bestWeight = w;
      bestQueuedAt = t.queuedAt;
      bestOrdinal = t.ordinal;
    }
  }
  return best;
}

function agingBest<T extends OrderableTicket>(
  waiting: readonly T[],
  weightOf: PriorityWeightOf,
  now: number,
): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  let bestWeight = -1;
  for (const t of waiting) {
    const w = weightOf(t.priority);
    const waited = now > t.queuedAt ? now - t.queuedAt : 0;
    const score = (w + 1) * waited;
    if (
      best === undefined ||
      score > bestScore ||
      (score === bestScore && (w > bestWeight || (w === bestWeight && earlier(t, best))))
    ) {
      best = t;
      bestScore = score;
      bestWeight = w;
    }
  }
  return best;
}

function interleaveBest<T extends OrderableTicket>(
  waiting: readonly T[],
  weightOf: PriorityWeightOf,
  priorityRun: number,
  normalRun: number,
  state: QueueOrderingState | undefined,
): T | undefined {
  let priority: T | undefined;
  let priorityWeight = 0;
  let normal: T | undefined;
  for (const t of waiting) {
    const w = weightOf(t.priority);
    if (w > 0) {
      if (priority === undefined || w > priorityWeight || (w === priorityWeight && earlier(t, priority))) {
        priority = t;
        priorityWeight = w;
      }
    } else if (normal === undefined || earlier(t, normal)) {
      normal = t;
    }
  }
  if (priority === undefined) return normal;
  if (normal === undefined || state === undefined) return priority;
  if (state.lastKind === 'priority') return state.run >= priorityRun ? normal : priority;
  return state.run >= normalRun ? priority : normal;
}

/**
 * Chooses the next ticket to call among `waiting` (the tickets a counter may call) under `policy`,
 * in one pass over the list; `undefined` when nothing waits. Tickets of one class always leave in
 * the order they joined (`queuedAt`, then `ordinal`).
 *
 * @param weightOf the weight of a priority class (0 = normal).
 * @param now epoch ms, for `aging`.
 * @param state the counter's {@link QueueOrderingState}, for `interleave`.
 * @example
 * ```ts
 * const weightOf = (p: string) => (p === 'thuong' ? 0 : 1);
 * chooseNextTicket(waiting, { kind: 'strict' }, weightOf, now); // the oldest priority ticket, else the oldest normal one
 * ```
 */
export function chooseNextTicket<T extends OrderableTicket>(
  waiting: readonly T[],
  policy: QueueOrderingPolicy,
  weightOf: PriorityWeightOf,
  now: number,
  state?: QueueOrderingState,
): T | undefined {
  switch (policy.kind) {
    case 'strict':
      return strictBest(waiting, weightOf);
    case 'aging':
      return agingBest(waiting, weightOf, now);
    case 'interleave':
      return interleaveBest(waiting, weightOf, policy.priority, policy.normal ?? 1, state);
  }
}

/**
 * The counter's {@link QueueOrderingState} after it calls a ticket of weight `weight`.
 *
 * @example
 * ```ts
 * advanceOrderingState(undefined, 1);                            // { lastKind: 'priority', run: 1 }
 * advanceOrderingState({ lastKind: 'priority', run: 1 }, 1);     // { lastKind: 'priority', run: 2 }
 * advanceOrderingState({ lastKind: 'priority', run: 2 }, 0);     // { lastKind: 'normal', run: 1 }
 * ```
 */
export function advanceOrderingState(state: QueueOrderingState | undefined, weight: number): QueueOrderingState {
  const kind = weight > 0 ? 'priority' : 'normal';
  return state !== undefined && state.lastKind === kind
    ? { lastKind: kind, run: state.run + 1 }
    : { lastKind: kind, run: 1 };
}
