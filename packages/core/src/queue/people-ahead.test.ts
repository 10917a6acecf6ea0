import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import type { QueueOrderingPolicy } from './config.js';
import { type AheadTicket, peopleAhead, peopleAheadByReplay } from './people-ahead.js';

const PRIORITIES = ['thuong', 'nguoi-cao-tuoi', 'khuyet-tat', 'am'] as const;
const WEIGHTS: Record<string, number> = { thuong: 0, 'nguoi-cao-tuoi': 1, 'khuyet-tat': 2, am: -1 };
const weightOf = (p: string): number => WEIGHTS[p] ?? 0;

// Few distinct instants and ordinals, so that ties (same moment, even the same ordinal) are common.
const waitingTicket = fc.record({
  priority: fc.constantFrom(...PRIORITIES),
  queuedAt: fc.integer({ min: 0, max: 6 }),
  ordinal: fc.integer({ min: 0, max: 8 }),
});
const policy: fc.Arbitrary<QueueOrderingPolicy> = fc.oneof(
  fc.constant({ kind: 'strict' } as const),
  fc.constant({ kind: 'aging' } as const),
  fc.record({
    kind: fc.constant('interleave' as const),
    priority: fc.integer({ min: 1, max: 4 }),
    normal: fc.integer({ min: 1, max: 4 }),
  }),
);

describe('people ahead', () => {
  it('counts in one pass what replaying the calls one by one counts, under every policy', () => {
    fc.assert(
      fc.property(
        fc.array(waitingTicket, { minLength: 1, maxLength: 40 }),
        fc.nat(),
        policy,
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        (raw, pick, ordering, now, listed) => {
          const waiting: AheadTicket[] = raw.map((t, i) => ({ ...t, id: `t${i}` }));
          const chosen = waiting[pick % waiting.length] as AheadTicket;
          // The ticket followed may be in the list (the usual case) or not yet in it.
          const list = listed ? waiting : waiting.filter((t) => t !== chosen);
          expect(peopleAhead(chosen, list, ordering, weightOf, now)).to.equal(
            peopleAheadByReplay(chosen, list, ordering, weightOf, now),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is 0 for the only waiting ticket and the queue length for the last one in first-come order', () => {
    const t = (n: number): AheadTicket => ({ id: `t${n}`, priority: 'thuong', queuedAt: n, ordinal: n });
    const line = [t(1), t(2), t(3), t(4)];
    expect(peopleAhead(t(1), [t(1)], { kind: 'strict' }, weightOf, 9)).to.equal(0);
    expect(peopleAhead(t(4), line, { kind: 'strict' }, weightOf, 9)).to.equal(3);
    expect(peopleAhead(t(4), line, { kind: 'interleave', priority: 2 }, weightOf, 9)).to.equal(3);
  });
});
