import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { slidingWindowHit } from './sliding-window.js';

/** Requests at non-decreasing times (ms), many close together and some on exact window boundaries. */
const arrivals = (windowMs: number) =>
  fc
    .array(
      fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(windowMs), fc.integer({ min: 0, max: 3 * windowMs })),
      {
        maxLength: 120,
      },
    )
    .map((gaps) => {
      let at = 0;
      return gaps.map((gap) => {
        at += gap;
        return at;
      });
    });

describe('sliding-window rate limit', () => {
  it('never accepts more than the limit in any window of the stated length, wherever it starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), (limit, windowSeconds) => {
        const windowMs = windowSeconds * 1000;
        return fc.assert(
          fc.property(arrivals(windowMs), (times) => {
            let stamps: readonly number[] = [];
            const accepted: number[] = [];
            for (const at of times) {
              const verdict = slidingWindowHit(stamps, at, { limit, windowSeconds });
              if (verdict.ok) {
                stamps = verdict.stamps;
                accepted.push(at);
                expect(stamps.length).to.be.at.most(limit);
              } else {
                // Refused only when the window before it is full.
                expect(accepted.filter((t) => t > at - windowMs).length).to.equal(limit);
              }
            }
            // The fullest window of length W ends at an accepted request: (t − W, t].
            for (const t of accepted) {
              expect(accepted.filter((s) => s > t - windowMs && s <= t).length).to.be.at.most(limit);
            }
          }),
          { numRuns: 20 },
        );
      }),
      { numRuns: 40 },
    );
  });

  it('says when the next request is accepted: not a second earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 40 }),
        (limit, windowSeconds, raw) => {
          const times = [...raw].sort((a, b) => a - b);
          let stamps: readonly number[] = [];
          for (const at of times) {
            const verdict = slidingWindowHit(stamps, at, { limit, windowSeconds });
            if (verdict.ok) {
              stamps = verdict.stamps;
              continue;
            }
            const later = at + verdict.retryAfterSeconds * 1000;
            expect(slidingWindowHit(stamps, later, { limit, windowSeconds }).ok).to.equal(true);
            if (verdict.retryAfterSeconds > 1) {
              const earlier = later - 1000;
              expect(slidingWindowHit(stamps, earlier, { limit, windowSeconds }).ok).to.equal(false);
            }
          }
        },
      ),
    );
  });

  it('refuses the burst a fixed window allows at its boundary', () => {
    const rule = { limit: 3, windowSeconds: 60 };
    let stamps: readonly number[] = [];
    // Three just before a minute ends: accepted.
    for (const at of [59_000, 59_500, 59_900]) {
      const verdict = slidingWindowHit(stamps, at, rule);
      expect(verdict.ok).to.equal(true);
      if (verdict.ok) stamps = verdict.stamps;
    }
    // Three more just after it: a fixed window would take them (6 within one second); the sliding one does not.
    expect(slidingWindowHit(stamps, 60_100, rule)).to.deep.equal({ ok: false, retryAfterSeconds: 59 });
    expect(slidingWindowHit(stamps, 118_999, rule).ok).to.equal(false);
    expect(slidingWindowHit(stamps, 119_000, rule).ok).to.equal(true);
  });
});
