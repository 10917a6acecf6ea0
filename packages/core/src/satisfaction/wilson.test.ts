import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { wilsonInterval } from './wilson.js';

describe('Wilson score interval', () => {
  it('matches the published values of Newcombe (1998), table I, method 3', () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, low, high] of cases) {
      const interval = wilsonInterval(x, n);
      expect(interval.low, `${x}/${n} low`).to.be.closeTo(low, 0.00005);
      expect(interval.high, `${x}/${n} high`).to.be.closeTo(high, 0.00005);
    }
  });

  it('gives the interval of the issue example and the extremes exactly', () => {
    const interval = wilsonInterval(45, 50);
    expect(interval.low).to.be.closeTo(0.7864, 0.00005);
    expect(interval.high).to.be.closeTo(0.9565, 0.00005);
    expect(wilsonInterval(10, 10).high).to.equal(1);
    expect(wilsonInterval(0, 10).low).to.equal(0);
    expect(wilsonInterval(10, 10).low).to.be.closeTo(0.7225, 0.00005);
  });

  it('widens with a higher confidence level', () => {
    const at95 = wilsonInterval(30, 40);
    const at99 = wilsonInterval(30, 40, { z: 2.5758293035489 });
    expect(at99.low).to.be.below(at95.low);
    expect(at99.high).to.be.above(at95.high);
  });

  it('contains the observed proportion and stays within 0–1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const x = Math.round(share * n);
        const { low, high } = wilsonInterval(x, n);
        expect(low).to.be.within(0, 1);
        expect(high).to.be.within(0, 1);
        expect(low).to.be.at.most(x / n + 1e-12);
        expect(high).to.be.at.least(x / n - 1e-12);
      }),
    );
  });

  it('narrows as the sample grows at the same proportion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 2, max: 50 }),
        (a, extra, k) => {
          const n = a + extra;
          const small = wilsonInterval(a, n);
          const large = wilsonInterval(a * k, n * k);
          expect(large.high - large.low).to.be.below(small.high - small.low);
        },
      ),
    );
  });

  it('rejects impossible counts with paths', () => {
    for (const [x, n, path] of [
      [1, 0, 'n'],
      [5, 4, 'successes'],
      [-1, 4, 'successes'],
      [1.5, 4, 'successes'],
    ] as const) {
      try {
        wilsonInterval(x, n);
        expect.fail('should throw');
      } catch (error) {
        expect(error).to.be.instanceOf(MotcuaError);
        expect((error as MotcuaError).problems[0]?.path).to.deep.equal([path]);
      }
    }
  });
});
