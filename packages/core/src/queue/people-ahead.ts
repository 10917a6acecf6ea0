import type { QueueOrderingPolicy } from './config.js';
import {
  advanceOrderingState,
  chooseNextTicket,
  type OrderableTicket,
  type PriorityWeightOf,
  type QueueOrderingState,
} from './ordering.js';

/** A waiting ticket as the people-ahead count needs it. */
export type AheadTicket = OrderableTicket & { readonly id: string };

/**
 * How many of `waiting` would be called before `ticket` if calls happened now, by replaying the ordering policy
 * (without the counter's interleave memory) one call at a time: the definition of {@link peopleAhead}, kept as its
 * reference. Each call scans the whole list, so this costs O(n²) for n waiting tickets.
 *
 * @example
 * ```ts
 * peopleAheadByReplay(ticket, waiting, { kind: 'strict' }, weightOf, now); // 4
 * ```
 */
export function peopleAheadByReplay(
  ticket: AheadTicket,
  waiting: readonly AheadTicket[],
  policy: QueueOrderingPolicy,
  weightOf: PriorityWeightOf,
  now: number,
): number {
  const rest = waiting.filter((t) => t.id !== ticket.id);
  rest.push(ticket);
  let ahead = 0;
  let state: QueueOrderingState | undefined;
  for (;;) {
    const next = chooseNextTicket(rest, policy, weightOf, now, state);
    if (next === undefined || next.id === ticket.id) return ahead;
    state = advanceOrderingState(state, weightOf(next.priority));
    rest.splice(rest.indexOf(next), 1);
    ahead++;
  }
}

/** Whether `a` joined before `b`, or at the same moment with a lower ordinal, or ties with it (a tie goes first). */
function notLater(a: OrderableTicket, b: OrderableTicket): boolean {
  return a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.ordinal <= b.ordinal);
}

/**
 * How many of `waiting` would be called before `ticket` if calls happened now, under the ordering policy (without
 * the counter's interleave memory). `waiting` should hold the tickets the counters serving `ticket` may call;
 * `ticket` itself is left out if present. The same answer as replaying the calls ({@link peopleAheadByReplay}) in
 * one pass: `strict` and `aging` rank every ticket by a fixed key (a tie with `ticket` counts as ahead, as the
 * replay calls it first), and `interleave` alternates two fixed-order classes, so only their counts matter.
 *
 * @example
 * ```ts
 * peopleAhead(ticket, waiting, { kind: 'strict' }, weightOf, now); // 4
 * ```
 */
export function peopleAhead(
  ticket: AheadTicket,
  waiting: readonly AheadTicket[],
  policy: QueueOrderingPolicy,
  weightOf: PriorityWeightOf,
  now: number,
): number {
  const weight = weightOf(ticket.priority);
  if (policy.kind === 'interleave') return interleaveAhead(ticket, weight, waiting, policy, weightOf);
  const score = (t: OrderableTicket, w: number): number => (w + 1) * (now > t.queuedAt ? now - t.queuedAt : 0);
  const own = policy.kind === 'aging' ? score(ticket, weight) : 0;
  let ahead = 0;
  for (const t of waiting) {
    if (t.id === ticket.id) continue;
    const w = weightOf(t.priority);
    const s = policy.kind === 'aging' ? score(t, w) : 0;
    if (s > own || (s === own && (w > weight || (w === weight && notLater(t, ticket))))) ahead++;
  }
  return ahead;
}

/** `interleave`: the tickets of `ticket`'s class that go first, and the whole other class, alternated by runs. */
function interleaveAhead(
  ticket: AheadTicket,
  weight: number,
  waiting: readonly AheadTicket[],
  policy: Extract<QueueOrderingPolicy, { kind: 'interleave' }>,
  weightOf: PriorityWeightOf,
): number {
  const isPriority = weight > 0;
  let before = 0;
  let others = 0;
  for (const t of waiting) {
    if (t.id === ticket.id) continue;
    const w = weightOf(t.priority);
    if (w > 0 !== isPriority) others++;
    else if (isPriority ? w > weight || (w === weight && notLater(t, ticket)) : notLater(t, ticket)) before++;
  }
  // Replay the runs on counts alone: the class holding `ticket` never runs out before it is called.
  const normalRun = policy.normal ?? 1;
  let ahead = 0;
  let state: QueueOrderingState | undefined;
  for (;;) {
    const priorityLeft = isPriority ? before + 1 : others;
    const normalLeft = isPriority ? others : before + 1;
    const takePriority =
      priorityLeft > 0 &&
      (normalLeft === 0 ||
        state === undefined ||
        (state.lastKind === 'priority' ? state.run < policy.priority : state.run >= normalRun));
    if (takePriority === isPriority) {
      if (before === 0) return ahead;
      before--;
    } else {
      others--;
    }
    ahead++;
    state = advanceOrderingState(state, takePriority ? 1 : 0);
  }
}
