import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { DECISION_766_SCORECARD, decision766IndicatorPoints, decision766Satisfaction } from './decision-766.js';
import { checkScorecard, defineScorecard, type Scorecard, scoreScorecard } from './scorecard.js';

function thrown(fn: () => unknown): MotcuaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MotcuaError) return error;
    throw error;
  }
  expect.fail('expected a MotcuaError');
}

const detailed: Scorecard = defineScorecard({
  id: 'commune-cchc',
  version: '2026',
  validFrom: '2026-01-01',
  title: { vi: 'Chỉ số CCHC cấp xã', en: 'Commune administrative reform index' },
  basis: { vi: 'Ví dụ', en: 'Example' },
  criteria: [
    {
      id: '5',
      title: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
      maxPoints: 18,
      children: [
        { id: '5.1', title: { vi: 'Phản ánh', en: 'Complaints' }, maxPoints: 4 },
        { id: '5.2', title: { vi: 'Xử lý phản ánh', en: 'Complaint handling' }, maxPoints: 4 },
        { id: '5.3', title: { vi: 'Hài lòng về xử lý', en: 'Satisfaction with handling' }, maxPoints: 4 },
        { id: '5.4', title: { vi: 'Hài lòng TTHC', en: 'Satisfaction with procedures' }, maxPoints: 6 },
      ],
    },
    { id: '6', title: { vi: 'Khác', en: 'Other' }, maxPoints: 2 },
  ],
});

describe('Decision 766 formulas', () => {
  it('scores indicator 5.4: 100 % − (% late + % complained), full 6 points from 90 %', () => {
    expect(decision766Satisfaction({ dossiers: 200, late: 6, complainedOrDisliked: 8 })).to.deep.equal({
      share: 0.93,
      points: 6,
    });
    expect(decision766Satisfaction({ dossiers: 100, late: 4, complainedOrDisliked: 6 })).to.deep.equal({
      share: 0.9,
      points: 6,
    });
    const below = decision766Satisfaction({ dossiers: 200, late: 20, complainedOrDisliked: 10 });
    expect(below.share).to.equal(0.85);
    expect(below.points).to.be.closeTo((0.85 / 0.9) * 6, 1e-12);
    expect(decision766Satisfaction({ dossiers: 10, late: 8, complainedOrDisliked: 7 })).to.deep.equal({
      share: 0,
      points: 0,
    });
    expect(
      decision766Satisfaction({ dossiers: 100, late: 5, complainedOrDisliked: 0 }, { target: 1, maxPoints: 10 }).points,
    ).to.be.closeTo(9.5, 1e-12);
  });

  it('scores ratio indicators against their targets and asks for unconfirmed points', () => {
    expect(decision766IndicatorPoints('3.1', 0.6, { maxPoints: 8 })).to.be.closeTo(6, 1e-12);
    expect(decision766IndicatorPoints('3.1', 0.85, { maxPoints: 8 })).to.equal(8);
    expect(decision766IndicatorPoints('3.3', 0.25, { maxPoints: 4 })).to.be.closeTo(2, 1e-12);
    expect(decision766IndicatorPoints('5.4', 0.45)).to.be.closeTo(3, 1e-12);
    expect(thrown(() => decision766IndicatorPoints('3.1', 0.5)).problems[0]?.code).to.equal('unconfirmed-points');
    expect(thrown(() => decision766IndicatorPoints('9.9', 0.5, { maxPoints: 1 })).problems[0]?.code).to.equal(
      'unknown-indicator',
    );
    expect(decision766IndicatorPoints('9.9', 0.5, { maxPoints: 1, target: 1 })).to.equal(0.5);
  });

  it('rejects impossible counts', () => {
    const error = thrown(() => decision766Satisfaction({ dossiers: 10, late: 11, complainedOrDisliked: -1 }));
    expect(error.problems.map((p) => p.path)).to.deep.equal([['late'], ['complainedOrDisliked']]);
    expect(
      thrown(() => decision766Satisfaction({ dossiers: 0, late: 0, complainedOrDisliked: 0 })).problems[0]?.path,
    ).to.deep.equal(['dossiers']);
  });

  it('keeps 5.4 points within 0–6 and never higher with more late dossiers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), fc.nat(), fc.nat(), (dossiers, a, b, c) => {
        const late = a % (dossiers + 1);
        const moreLate = Math.min(dossiers, late + (b % 5));
        const complained = c % (dossiers + 1);
        const p1 = decision766Satisfaction({ dossiers, late, complainedOrDisliked: complained }).points;
        const p2 = decision766Satisfaction({ dossiers, late: moreLate, complainedOrDisliked: complained }).points;
        expect(p1).to.be.within(0, 6);
        expect(p2).to.be.at.most(p1 + 1e-12);
      }),
    );
  });
});

describe('index scorecards', () => {
  it('has five Decision 766 groups adding up to 100 points', () => {
    expect(checkScorecard(DECISION_766_SCORECARD)).to.deep.equal([]);
    const result = scoreScorecard(DECISION_766_SCORECARD, {});
    expect(result.maxPoints).to.equal(100);
    expect(result.breakdown.map((l) => [l.id, l.maxPoints])).to.deep.equal([
      ['1', 18],
      ['2', 20],
      ['3', 22],
      ['4', 22],
      ['5', 18],
    ]);
  });

  it('totals self-assessed and appraised points with a breakdown, leaving incomplete totals open', () => {
    const result = scoreScorecard(DECISION_766_SCORECARD, {
      selfAssessed: { '1': 17, '2': 19, '3': 20, '4': 18, '5': 17 },
      appraised: { '1': 16, '2': 19, '3': 18, '4': 18 },
    });
    expect(result.selfAssessed).to.equal(91);
    expect(result.appraised).to.equal(undefined);
    expect(result.missingAppraised).to.deep.equal(['5']);
    expect(result.missingSelfAssessed).to.deep.equal([]);
    expect(result.breakdown[0]).to.deep.include({ selfAssessed: 17, appraised: 16 });
  });

  it('sums children into their parent', () => {
    const result = scoreScorecard(detailed, {
      selfAssessed: {
        '5.1': 4,
        '5.2': 3.5,
        '5.3': 4,
        '5.4': decision766Satisfaction({ dossiers: 200, late: 20, complainedOrDisliked: 10 }).points,
        '6': 2,
      },
      appraised: { '5.1': 4, '5.2': 3, '5.3': 4, '6': 1 },
    });
    const five = result.breakdown[0];
    expect(five?.selfAssessed).to.be.closeTo(4 + 3.5 + 4 + (0.85 / 0.9) * 6, 1e-9);
    expect(five?.appraised).to.equal(undefined);
    expect(result.missingAppraised).to.deep.equal(['5.4']);
    expect(result.maxPoints).to.equal(20);
    expect(five?.children.map((c) => c.id)).to.deep.equal(['5.1', '5.2', '5.3', '5.4']);
  });

  it('rejects points above the maximum, on parents or on unknown criteria', () => {
    const error = thrown(() =>
      scoreScorecard(detailed, { selfAssessed: { '5.4': 7, '5': 10, '7': 1 }, appraised: { '5.1': -1 } }),
    );
    expect(error.problems.map((p) => [p.path, p.code])).to.deep.equal([
      // Integer-like keys come first in a JavaScript object.
      [['selfAssessed', '5'], 'not-a-leaf'],
      [['selfAssessed', '7'], 'unknown-criterion'],
      [['selfAssessed', '5.4'], 'out-of-range'],
      [['appraised', '5.1'], 'out-of-range'],
    ]);
  });

  it('refuses a tree whose children do not add up to their parent', () => {
    const broken: Scorecard = {
      ...detailed,
      criteria: [
        { ...(detailed.criteria[0] as Scorecard['criteria'][number]), maxPoints: 20 },
        ...detailed.criteria.slice(1),
      ],
    };
    expect(checkScorecard(broken).map((p) => p.path)).to.deep.equal([['criteria', 0, 'maxPoints']]);
    expect(() => defineScorecard(broken)).to.throw(MotcuaError);
  });

  it('keeps totals within the maximum for any valid leaf points', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), (fractions) => {
        const selfAssessed = Object.fromEntries(
          DECISION_766_SCORECARD.criteria.map((c, i) => [c.id, (fractions[i] as number) * c.maxPoints]),
        );
        const result = scoreScorecard(DECISION_766_SCORECARD, { selfAssessed });
        expect(result.selfAssessed).to.be.within(0, 100 + 1e-9);
      }),
    );
  });
});
