import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { FORMULA_NAMES, type FormulaName, scoreResponses, thresholdLinear } from './formulas.js';

function thrown(fn: () => unknown): MotcuaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MotcuaError) return error;
    throw error;
  }
  expect.fail('expected a MotcuaError');
}

describe('scoring formulas', () => {
  it('reproduces the API examples of the issue', () => {
    expect(scoreResponses([5, 4, 3, 1], { scale: 5, formula: 'top2box' })).to.equal(50);
    expect(scoreResponses([5, 4, 3, 1], { scale: 5, formula: 'weighted' })).to.equal(56.25);
    expect(scoreResponses([10, 9, 8, 7, 6, 0], { scale: 10, formula: 'nps' })).to.equal(0);
  });

  it('tells top-2-box and the weighted index apart on a dataset where they differ', () => {
    // 60 very satisfied, 10 satisfied, 30 very dissatisfied: 70 % top-2-box, weighted (6000 + 750) / 100.
    const answers = [...Array<number>(60).fill(5), ...Array<number>(10).fill(4), ...Array<number>(30).fill(1)];
    expect(scoreResponses(answers, { scale: 5, formula: 'top2box' })).to.equal(70);
    expect(scoreResponses(answers, { scale: 5, formula: 'weighted' })).to.equal(67.5);
    // Same weighted index, different top-2-box.
    const polarised = [5, 5, 1, 1];
    const middling = [3, 3, 3, 3];
    expect(scoreResponses(polarised, { scale: 5, formula: 'weighted' })).to.equal(50);
    expect(scoreResponses(middling, { scale: 5, formula: 'weighted' })).to.equal(50);
    expect(scoreResponses(polarised, { scale: 5, formula: 'top2box' })).to.equal(50);
    expect(scoreResponses(middling, { scale: 5, formula: 'top2box' })).to.equal(0);
  });

  it('reproduces the published monthly user satisfaction of a GOV.UK service with the weighted index', () => {
    // ministryofjustice/opg-performance-data, complete_the_deputy_report_service/data.json: counts of
    // very dissatisfied … very satisfied and the published `user-satisfaction-percent`, Apr 2023–Apr 2024.
    const months: [string, number, number, number, number, number, number][] = [
      ['2023-04', 23, 46, 153, 419, 528, 80],
      ['2023-05', 19, 33, 143, 419, 518, 81],
      ['2023-06', 19, 28, 140, 464, 524, 81],
      ['2023-07', 27, 31, 173, 483, 524, 79],
      ['2023-08', 17, 29, 119, 385, 446, 80],
      ['2023-09', 12, 37, 110, 398, 488, 81],
      ['2023-10', 17, 31, 141, 477, 488, 80],
      ['2023-11', 15, 27, 130, 415, 547, 82],
      ['2023-12', 8, 26, 105, 385, 407, 81],
      ['2024-01', 19, 29, 147, 501, 510, 80],
      ['2024-02', 20, 34, 190, 530, 506, 79],
      ['2024-03', 17, 23, 143, 497, 511, 81],
      ['2024-04', 17, 35, 147, 497, 536, 80],
    ];
    for (const [month, ...counts] of months) {
      const published = counts.pop() as number;
      const answers = counts.flatMap((count, level) => Array<number>(count).fill(level + 1));
      const weighted = scoreResponses(answers, { scale: 5, formula: 'weighted' }) as number;
      const top2 = scoreResponses(answers, { scale: 5, formula: 'top2box' }) as number;
      expect(Math.round(weighted), month).to.equal(published);
      expect(Math.round(top2), month).to.be.above(published);
    }
  });

  it('computes NPS, CES, mean and points sums', () => {
    expect(scoreResponses([10, 10, 9, 5], { formula: 'nps' })).to.equal(50);
    expect(scoreResponses([0, 1, 2], { formula: 'nps' })).to.equal(-100);
    expect(scoreResponses([7, 6, 5, 4, 3], { formula: 'ces' })).to.equal(5);
    expect(scoreResponses([7, 6, 5, 4, 3], { formula: 'ces-agree' })).to.equal(60);
    expect(scoreResponses([3, 2, 2, 1], { scale: 3, formula: 'mean' })).to.equal(2);
    expect(scoreResponses([2, 2, 1, 2, 1, 2, 2, 2, 0], { scale: { min: 0, max: 2 }, formula: 'points-sum' })).to.equal(
      14,
    );
    // 3-level rating: top-2-box is the share not "Không hài lòng".
    expect(scoreResponses([3, 2, 1, 1], { scale: 3, formula: 'top2box' })).to.equal(50);
  });

  it('applies the Decision 766 ratio-to-points rule with a target', () => {
    // 3.1-style: ≥ 80 % earns full marks, else rate × max / 80 %.
    expect(thresholdLinear(0.8, { target: 0.8, maxPoints: 4 })).to.equal(4);
    expect(thresholdLinear(0.95, { target: 0.8, maxPoints: 4 })).to.equal(4);
    expect(thresholdLinear(0.6, { target: 0.8, maxPoints: 4 })).to.be.closeTo(3, 1e-12);
    expect(thresholdLinear(0, { target: 0.8, maxPoints: 4 })).to.equal(0);
    // Over 0/1 outcomes: 3 of 4 dossiers online against a 50 % target earns full 2 points.
    expect(
      scoreResponses([1, 1, 1, 0], {
        scale: { min: 0, max: 1 },
        formula: 'threshold-linear',
        target: 0.5,
        maxPoints: 2,
      }),
    ).to.equal(2);
    expect(
      scoreResponses([1, 0, 0, 0], {
        scale: { min: 0, max: 1 },
        formula: 'threshold-linear',
        target: 0.5,
        maxPoints: 2,
      }),
    ).to.equal(1);
    const error = thrown(() => thresholdLinear(1.2, { target: 0, maxPoints: -1 }));
    expect(error.problems.map((p) => p.path[0])).to.deep.equal(['share', 'target', 'maxPoints']);
  });

  it('gives no score for no answers and never counts an unanswered entry', () => {
    for (const formula of ['top2box', 'weighted', 'mean'] as const) {
      expect(scoreResponses([], { scale: 5, formula })).to.equal(undefined);
      expect(scoreResponses([undefined, null], { scale: 5, formula })).to.equal(undefined);
    }
    expect(scoreResponses([5, undefined, null, 1], { scale: 5, formula: 'top2box' })).to.equal(50);
    expect(scoreResponses([5, undefined, null, 1], { scale: 5, formula: 'mean' })).to.equal(3);
  });

  it('rejects answers off the scale with their index, and bad formula settings', () => {
    const error = thrown(() => scoreResponses([5, 6, 0, 2.5], { scale: 5, formula: 'mean' }));
    expect(error.problems.map((p) => p.path)).to.deep.equal([[1], [2], [3]]);
    expect(error.problems[0]?.code).to.equal('out-of-range');
    expect(error.problems[0]?.message.vi).to.contain('từ 1 đến 5');
    expect(thrown(() => scoreResponses([11], { scale: 10, formula: 'nps' })).problems[0]?.path).to.deep.equal([0]);
    expect(thrown(() => scoreResponses([5], { scale: 5, formula: 'nps' })).problems[0]?.code).to.equal(
      'invalid-formula',
    );
    expect(thrown(() => scoreResponses([1], { formula: 'top2box' })).problems[0]?.path).to.deep.equal(['scale']);
    expect(thrown(() => scoreResponses([1], { scale: 2, formula: 'top2box' })).problems[0]?.path).to.deep.equal([
      'scale',
    ]);
    expect(
      thrown(() => scoreResponses([1], { scale: 5, formula: 'median' as FormulaName })).problems[0]?.path,
    ).to.deep.equal(['formula']);
  });

  it('keeps every score within its bounds', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined })), (answers) => {
        const answered = answers.filter((a) => a !== undefined).length;
        for (const formula of ['top2box', 'weighted'] as const) {
          const score = scoreResponses(answers, { scale: 5, formula });
          if (answered === 0) expect(score).to.equal(undefined);
          else expect(score).to.be.within(0, 100);
        }
        const mean = scoreResponses(answers, { scale: 5, formula: 'mean' });
        if (answered > 0) expect(mean).to.be.within(1, 5);
      }),
    );
  });

  it('keeps NPS within −100…100 and equal to promoters minus detractors', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (answers) => {
        const nps = scoreResponses(answers, { formula: 'nps' }) as number;
        expect(nps).to.be.within(-100, 100);
        const promoters = answers.filter((a) => a >= 9).length;
        const detractors = answers.filter((a) => a <= 6).length;
        expect(nps).to.be.closeTo(((promoters - detractors) / answers.length) * 100, 1e-9);
      }),
    );
  });

  it('does not depend on the order of answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
        fc.constantFrom(...FORMULA_NAMES.filter((f) => f !== 'nps')),
        (answers, formula) => {
          const options = {
            formula,
            scale: 7,
            target: 0.5,
            maxPoints: 3,
          };
          const reversed = [...answers].reverse();
          const a = scoreResponses(answers, options) as number;
          const b = scoreResponses(reversed, options) as number;
          expect(a).to.be.closeTo(b, 1e-9);
        },
      ),
    );
  });

  it('makes threshold-linear monotone, capped at its maximum', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b, target, maxPoints) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const pLow = thresholdLinear(low, { target, maxPoints });
          const pHigh = thresholdLinear(high, { target, maxPoints });
          expect(pLow).to.be.at.most(pHigh + 1e-9);
          expect(pHigh).to.be.within(0, maxPoints);
        },
      ),
    );
  });
});
