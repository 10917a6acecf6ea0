import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import type { QueueOrderingPolicy } from './config.js';
import { advanceOrderingState, chooseNextTicket, type OrderableTicket, type QueueOrderingState } from './ordering.js';

const WEIGHTS: Record<string, number> = { thuong: 0, 'nguoi-cao-tuoi': 1, 'khan-cap': 3 };
const weightOf = (p: string): number => WEIGHTS[p] ?? 0;
const MAX_WEIGHT = 3;
const MINUTE = 60_000;

interface T extends OrderableTicket {
  readonly name: string;
}

const policies: fc.Arbitrary<QueueOrderingPolicy> = fc.oneof(
  fc.constant({ kind: 'strict' as const }),
  fc.constant({ kind: 'aging' as const }),
  fc.record({
    kind: fc.constant('interleave' as const),
    priority: fc.integer({ min: 1, max: 4 }),
    normal: fc.integer({ min: 1, max: 3 }),
  }),
);

/** A script of arrivals (with a class) and calls, each a few seconds to minutes apart. */
const script = fc.array(
  fc.record({
    gap: fc.integer({ min: 0, max: 5 * MINUTE }),
    event: fc.oneof(fc.constant('call' as const), fc.constantFrom('thuong', 'thuong', 'nguoi-cao-tuoi', 'khan-cap')),
  }),
  { maxLength: 120 },
);

/** Plays a script against a policy, calling `onCall(waitingBefore, chosen, now, stateBefore)` at each call. */
function play(
  policy: QueueOrderingPolicy,
  steps: readonly { gap: number; event: string }[],
  onCall: (waiting: readonly T[], chosen: T | undefined, now: number, state: QueueOrderingState | undefined) => void,
): T[] {
  let now = 0;
  let ordinal = 0;
  let state: QueueOrderingState | undefined;
  let waiting: T[] = [];
  const called: T[] = [];
  for (const { gap, event } of steps) {
    now += gap;
    if (event !== 'call') {
      ordinal++;
      waiting.push({ name: `${event}#${ordinal}`, priority: event, queuedAt: now, ordinal });
      continue;
    }
    const chosen = chooseNextTicket(waiting, policy, weightOf, now, state);
    onCall(waiting, chosen, now, state);
    if (chosen) {
      waiting = waiting.filter((t) => t !== chosen);
      state = advanceOrderingState(state, weightOf(chosen.priority));
      called.push(chosen);
    }
  }
  return called;
}

describe('ordering policies', () => {
  it('calls each class first in, first out, under every policy', () => {
    fc.assert(
      fc.property(policies, script, (policy, steps) => {
        const called = play(policy, steps, () => {});
        for (const cls of Object.keys(WEIGHTS)) {
          const order = called.filter((t) => t.priority === cls).map((t) => t.ordinal);
          expect(order).to.deep.equal([...order].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('never calls a ticket twice and never skips a waiting one when asked to call', () => {
    fc.assert(
      fc.property(policies, script, (policy, steps) => {
        const called = play(policy, steps, (waiting, chosen) => {
          expect(chosen === undefined).to.equal(waiting.length === 0);
          if (chosen) expect(waiting).to.include(chosen);
        });
        expect(new Set(called).size).to.equal(called.length);
      }),
    );
  });

  it('strict: always the highest weight waiting', () => {
    fc.assert(
      fc.property(script, (steps) => {
        play({ kind: 'strict' }, steps, (waiting, chosen) => {
          if (!chosen) return;
          const top = Math.max(...waiting.map((t) => weightOf(t.priority)));
          expect(weightOf(chosen.priority)).to.equal(top);
        });
      }),
    );
  });

  it('interleave K:M: while a normal ticket waits, at most K priority calls in a row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), script, (k, m, steps) => {
        let run = 0;
        play({ kind: 'interleave', priority: k, normal: m }, steps, (waiting, chosen) => {
          if (!chosen) return;
          const normalWaiting = waiting.some((t) => weightOf(t.priority) === 0);
          if (weightOf(chosen.priority) > 0 && normalWaiting) {
            run++;
            expect(run).to.be.at.most(k);
          } else if (weightOf(chosen.priority) === 0) run = 0;
        });
      }),
    );
  });

  it('interleave 1:2 with both kinds always waiting gives priority, normal, normal, priority …', () => {
    const waiting: T[] = [];
    for (let i = 1; i <= 6; i++) waiting.push({ name: `P${i}`, priority: 'nguoi-cao-tuoi', queuedAt: i, ordinal: i });
    for (let i = 1; i <= 6; i++) waiting.push({ name: `N${i}`, priority: 'thuong', queuedAt: i, ordinal: 10 + i });
    let state: QueueOrderingState | undefined;
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      const chosen = chooseNextTicket(waiting, { kind: 'interleave', priority: 1, normal: 2 }, weightOf, 100, state);
      if (!chosen) break;
      waiting.splice(waiting.indexOf(chosen), 1);
      state = advanceOrderingState(state, weightOf(chosen.priority));
      order.push(chosen.name);
    }
    expect(order).to.deep.equal(['P1', 'N1', 'N2', 'P2', 'N3', 'N4', 'P3', 'N5', 'N6']);
  });

  it('aging: (weight + 1) × wait decides, as in NovoSGA 1.5', () => {
    const normal: T = { name: 'normal', priority: 'thuong', queuedAt: 0, ordinal: 1 };
    const early: T = { name: 'elderly', priority: 'nguoi-cao-tuoi', queuedAt: 6 * MINUTE, ordinal: 2 };
    // At minute 10: normal waited 10 (score 10), the elderly ticket 4 (score 8): the normal one goes first.
    expect(chooseNextTicket([normal, early], { kind: 'aging' }, weightOf, 10 * MINUTE)?.name).to.equal('normal');
    const later: T = { ...early, queuedAt: 4 * MINUTE };
    // The elderly ticket waited 6 (score 12) against 10: it goes first.
    expect(chooseNextTicket([normal, later], { kind: 'aging' }, weightOf, 10 * MINUTE)?.name).to.equal('elderly');
  });

  it('aging: a waiting normal ticket is passed over only by tickets that waited at least 1/(maxWeight+1) as long', () => {
    fc.assert(
      fc.property(script, (steps) => {
        play({ kind: 'aging' }, steps, (waiting, chosen, now) => {
          if (!chosen) return;
          const chosenWait = now - chosen.queuedAt;
          for (const t of waiting) {
            if (t === chosen || weightOf(t.priority) !== 0) continue;
            expect(chosenWait * (MAX_WEIGHT + 1)).to.be.at.least(now - t.queuedAt);
          }
        });
      }),
    );
  });

  it('is deterministic: the same waiting list in any order gives the same choice', () => {
    fc.assert(
      fc.property(policies, script, fc.integer(), (policy, steps, seed) => {
        play(policy, steps, (waiting, chosen, now, state) => {
          const shuffled = [...waiting].sort(
            (a, b) => ((a.ordinal * 7919 + seed) % 101) - ((b.ordinal * 7919 + seed) % 101),
          );
          expect(chooseNextTicket(shuffled, policy, weightOf, now, state)).to.equal(chosen);
        });
      }),
    );
  });
});
