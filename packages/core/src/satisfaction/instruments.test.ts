import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { addDays } from '../calendar/civil-date.js';
import { MotcuaError } from '../text/problem.js';
import { checkGradeBands, DOSSIER_EVALUATION_GRADE_BANDS, type GradeBand, gradeFor } from './grade-bands.js';
import {
  checkInstrument,
  defineInstrument,
  type Instrument,
  type InstrumentKind,
  responseScale,
} from './instrument.js';
import { BUILT_IN_INSTRUMENT_IDS } from './instrument-ids.js';
import { BUILT_IN_INSTRUMENTS } from './instruments.js';
import { findInstrument, instrumentFor } from './library.js';

const KINDS: InstrumentKind[] = ['one-stop-rating', 'dossier-evaluation', 'sipas', 'csat', 'nps', 'ces'];

function problemsOf(fn: () => unknown): MotcuaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MotcuaError) return error;
    throw error;
  }
  expect.fail('expected a MotcuaError');
}

describe('satisfaction instruments', () => {
  it('ships only instruments whose data checks out, with both languages everywhere', () => {
    for (const instrument of BUILT_IN_INSTRUMENTS) {
      expect(checkInstrument(instrument), `${instrument.id}@${instrument.version}`).to.deep.equal([]);
      for (const text of [instrument.title, instrument.basis, ...instrument.questions.map((q) => q.text)]) {
        expect(text.vi.length).to.be.above(0);
        expect(text.en.length).to.be.above(0);
      }
      for (const q of instrument.questions) {
        if (q.type === 'scale')
          for (const o of q.options)
            expect(o.label.vi && o.label.en)
              .to.be.a('string')
              .and.not.equal('');
      }
    }
  });

  it('has exactly one version of every kind in force on any date since 2019', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 15 }), fc.constantFrom(...KINDS), (offset, kind) => {
        const date = addDays('2019-01-06', offset);
        const instrument = instrumentFor(kind, date);
        expect(instrument.kind).to.equal(kind);
        expect(instrument.validFrom <= date).to.equal(true);
      }),
    );
  });

  it('switches the 9-criterion evaluation from Decree 61/2018 to Decree 118/2025 on 1/7/2025', () => {
    expect(instrumentFor('dossier-evaluation', '2025-06-30').version).to.equal('nd61-2018');
    expect(instrumentFor('dossier-evaluation', '2025-07-01').version).to.equal('nd118-2025');
    expect(instrumentFor('dossier-evaluation', '2019-01-06').version).to.equal('nd61-2018');
    const error = problemsOf(() => instrumentFor('dossier-evaluation', '2019-01-05'));
    expect(error.problems[0]?.code).to.equal('no-instrument');
    expect(findInstrument('vn-dossier-evaluation', 'nd61-2018').validTo).to.equal('2025-06-30');
    expect(problemsOf(() => findInstrument('vn-dossier-evaluation', 'nd999')).problems[0]?.code).to.equal(
      'unknown-instrument',
    );
  });

  it('scores the dossier evaluation out of 18 points with nine criteria of 0, 1 or 2', () => {
    const evaluation = instrumentFor('dossier-evaluation', '2026-03-10');
    expect(responseScale(evaluation)).to.deep.equal({ min: 0, max: 18 });
    expect(evaluation.scoring.questions).to.have.length(9);
    for (const id of evaluation.scoring.questions) {
      const q = evaluation.questions.find((x) => x.id === id);
      expect(q?.type === 'scale' && q.options.map((o) => o.value).sort()).to.deep.equal([0, 1, 2]);
    }
  });

  it('requires a reason for "Không hài lòng" in the one-stop rating', () => {
    const rating = instrumentFor('one-stop-rating', '2026-03-10');
    const overall = rating.questions.find((q) => q.id === 'overall');
    expect(overall?.type === 'scale' && overall.options.map((o) => o.label.vi)).to.deep.equal([
      'Rất hài lòng',
      'Hài lòng',
      'Không hài lòng',
    ]);
    const reason = rating.questions.find((q) => q.id === 'reason');
    expect(reason?.type === 'text' && reason.requiredWhen).to.deep.equal({ question: 'overall', values: [1] });
  });

  it('refuses an ambiguous library and lets an id choose', () => {
    const mine: Instrument = defineInstrument({ ...instrumentFor('csat', '2026-01-01'), id: 'province-csat' });
    const library = [...BUILT_IN_INSTRUMENTS, mine];
    expect(problemsOf(() => instrumentFor('csat', '2026-01-01', { instruments: library })).problems[0]?.code).to.equal(
      'ambiguous-instrument',
    );
    expect(instrumentFor('csat', '2026-01-01', { instruments: library, id: 'province-csat' })).to.equal(mine);
  });

  it('reports every problem of a broken instrument with its path', () => {
    const base = instrumentFor('one-stop-rating', '2026-01-01');
    const broken: Instrument = {
      ...base,
      validFrom: '2026-02-30',
      validTo: '2025-01-01',
      questions: [
        ...base.questions,
        { id: 'overall', type: 'text', text: { vi: 'x', en: 'x' }, required: false, maxLength: 0 },
      ],
      scoring: { questions: ['nope'], combine: 'answer', formula: 'top2box' },
    };
    const paths = checkInstrument(broken).map((p) => p.path.join('.'));
    expect(paths).to.include.members(['validFrom', 'questions.3.id', 'questions.3.maxLength', 'scoring.questions.0']);
    expect(() => defineInstrument(broken)).to.throw(MotcuaError);
  });
});

describe('grade bands of the 18-point evaluation', () => {
  it('grades the worked thresholds: > 15 Xuất sắc, 12–< 15 Tốt, 9–< 12 Khá, 6–< 9 Trung bình, < 6 Yếu', () => {
    const grade = (points: number) => gradeFor(points, DOSSIER_EVALUATION_GRADE_BANDS).label.vi;
    expect([18, 16].map(grade)).to.deep.equal(['Xuất sắc', 'Xuất sắc']);
    expect([15, 14, 12].map(grade)).to.deep.equal(['Tốt', 'Tốt', 'Tốt']);
    expect([11, 9].map(grade)).to.deep.equal(['Khá', 'Khá']);
    expect([8, 6].map(grade)).to.deep.equal(['Trung bình', 'Trung bình']);
    expect([5, 0].map(grade)).to.deep.equal(['Yếu', 'Yếu']);
  });

  it('takes configured bands, e.g. 15 as Xuất sắc, and checks them', () => {
    const bands: GradeBand[] = DOSSIER_EVALUATION_GRADE_BANDS.map((b) =>
      b.grade === 'xuat-sac' ? { ...b, minInclusive: true } : b,
    );
    expect(checkGradeBands(bands, 0)).to.deep.equal([]);
    expect(gradeFor(15, bands).grade).to.equal('xuat-sac');
    const unordered = [bands[1], bands[0], bands[4]] as GradeBand[];
    expect(checkGradeBands(unordered, 0).map((p) => p.path)).to.deep.equal([[1, 'minPoints']]);
    const floorless = bands.slice(0, 4);
    expect(checkGradeBands(floorless, 0).map((p) => p.code)).to.deep.equal(['invalid-grade-bands']);
    expect(() => gradeFor(2, floorless)).to.throw(MotcuaError);
  });

  it('gives every total from 0 to 18 exactly one grade, never a worse one for more points', () => {
    const order = DOSSIER_EVALUATION_GRADE_BANDS.map((b) => b.grade);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 18 }), fc.integer({ min: 0, max: 18 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const gLow = order.indexOf(gradeFor(low, DOSSIER_EVALUATION_GRADE_BANDS).grade);
        const gHigh = order.indexOf(gradeFor(high, DOSSIER_EVALUATION_GRADE_BANDS).grade);
        expect(gHigh).to.be.at.most(gLow);
      }),
    );
  });
});

describe('BUILT_IN_INSTRUMENT_IDS', () => {
  it('names each family of BUILT_IN_INSTRUMENTS once, in its order', () => {
    expect([...BUILT_IN_INSTRUMENT_IDS]).to.deep.equal([...new Set(BUILT_IN_INSTRUMENTS.map((i) => i.id))]);
  });
});
