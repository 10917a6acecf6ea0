import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { instrumentFor } from './library.js';
import { createResponse, keptAnswers, validateResponse } from './response.js';
import { scoreResponse } from './score-response.js';

const rating = instrumentFor('one-stop-rating', '2026-03-10');
const evaluation = instrumentFor('dossier-evaluation', '2026-03-10');
const sipas = instrumentFor('sipas', '2026-03-10');

describe('response validation', () => {
  it('requires a reason for "Không hài lòng" and accepts the other levels without one', () => {
    const problems = validateResponse(rating, { overall: 1 });
    expect(problems).to.have.length(1);
    expect(problems[0]?.path).to.deep.equal(['reason']);
    expect(problems[0]?.code).to.equal('missing-reason');
    expect(problems[0]?.message.vi).to.contain('lý do');
    expect(problems[0]?.message.en).to.contain('reason');
    expect(validateResponse(rating, { overall: 1, reason: '   ' })[0]?.code).to.equal('missing-reason');
    expect(validateResponse(rating, { overall: 1, reason: 'Phải đi lại ba lần' })).to.deep.equal([]);
    expect(validateResponse(rating, { overall: 2 })).to.deep.equal([]);
    expect(validateResponse(rating, { overall: 3, convenience: 2 })).to.deep.equal([]);
  });

  it('lists every problem at once: missing, out of range, unknown, too long', () => {
    const problems = validateResponse(rating, { convenience: 4, mood: 'ok', reason: 'x'.repeat(1001) });
    expect(problems.map((p) => [p.path[0], p.code])).to.deep.equal([
      ['mood', 'unknown-question'],
      ['overall', 'missing-answer'],
      ['convenience', 'out-of-range'],
      ['reason', 'too-long'],
    ]);
    for (const p of problems) {
      expect(p.message.vi).to.not.equal('');
      expect(p.message.en).to.not.equal('');
    }
    expect(validateResponse(rating, { overall: '3' })[0]?.code).to.equal('out-of-range');
    expect(validateResponse(rating, { overall: 2.5 })[0]?.code).to.equal('out-of-range');
    expect(validateResponse(rating, { overall: 2, reason: 5 })[0]?.code).to.equal('invalid-text');
    expect(validateResponse(rating, null as never)[0]?.code).to.equal('invalid-answers');
  });

  it('requires all nine criteria of the dossier evaluation', () => {
    const problems = validateResponse(evaluation, { c1: 2, c2: 3 });
    expect(problems.map((p) => p.path[0])).to.deep.equal(['c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
  });

  it('stores the instrument id and version with trimmed answers and nothing filled in', () => {
    const response = createResponse(
      rating,
      { overall: 1, reason: '  chờ lâu  ', convenience: null },
      {
        submittedAt: Date.UTC(2026, 2, 10, 2, 0),
        counter: '1',
        transactionId: 'T-1',
      },
    );
    expect(response).to.deep.equal({
      submittedAt: Date.UTC(2026, 2, 10, 2, 0),
      counter: '1',
      transactionId: 'T-1',
      instrumentId: 'vn-one-stop-rating',
      instrumentVersion: '1',
      answers: { overall: 1, reason: 'chờ lâu' },
    });
    try {
      createResponse(rating, {}, { submittedAt: Number.NaN });
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(MotcuaError);
      expect((error as MotcuaError).problems.map((p) => p.path[0])).to.deep.equal(['overall', 'submittedAt']);
    }
  });
});

describe('kept answers', () => {
  it("keeps what createResponse stores, in the instrument's order, without checking", () => {
    const answers = { reason: '  chờ lâu  ', convenience: null, overall: 1, mood: 'ok' };
    expect(keptAnswers(rating, answers)).to.deep.equal({ overall: 1, reason: 'chờ lâu' });
    expect(Object.keys(keptAnswers(rating, answers))).to.deep.equal(['overall', 'reason']);
    expect(keptAnswers(rating, { overall: 7, reason: '   ' }), 'not checked').to.deep.equal({ overall: 7 });
    fc.assert(
      fc.property(
        fc.record({ overall: fc.constantFrom(1, 2, 3), reason: fc.string(), convenience: fc.constantFrom(1, 2, 3) }),
        (answers) => {
          if (validateResponse(rating, answers).length > 0) return;
          const stored = createResponse(rating, answers, { submittedAt: 0 }).answers;
          expect(keptAnswers(rating, answers)).to.deep.equal(stored);
        },
      ),
    );
  });
});

describe('per-response scores', () => {
  it('sums the nine criteria and grades the total (golden cases)', () => {
    const all2 = { c1: 2, c2: 2, c3: 2, c4: 2, c5: 2, c6: 2, c7: 2, c8: 2, c9: 2 };
    expect(scoreResponse(evaluation, all2)).to.deep.include({ score: 18 });
    expect(scoreResponse(evaluation, all2).grade?.grade).to.equal('xuat-sac');
    const fifteen = { ...all2, c4: 1, c5: 1, c9: 1 };
    expect(scoreResponse(evaluation, fifteen).score).to.equal(15);
    expect(scoreResponse(evaluation, fifteen).grade?.label.vi).to.equal('Tốt');
    const eight = { c1: 1, c2: 1, c3: 1, c4: 1, c5: 1, c6: 1, c7: 1, c8: 1, c9: 0 };
    expect(scoreResponse(evaluation, eight).grade?.label.vi).to.equal('Trung bình');
    const zero = { c1: 0, c2: 0, c3: 0, c4: 0, c5: 0, c6: 0, c7: 0, c8: 0, c9: 0 };
    expect(scoreResponse(evaluation, zero).grade?.label.en).to.equal('Poor');
  });

  it('leaves an incomplete response without a score or grade', () => {
    const result = scoreResponse(evaluation, { c1: 2, c2: 2, c3: 2, c4: 2, c5: 2, c6: 2, c7: 2, c8: 2 });
    expect(result.score).to.equal(undefined);
    expect(result).to.not.have.property('grade');
    expect(scoreResponse(rating, {}).score).to.equal(undefined);
  });

  it('scores SIPAS factors as a 0–100 index and the rating as its level', () => {
    expect(scoreResponse(sipas, { access: 5, procedure: 4, officer: 4, result: 5, feedback: 3 }).score).to.equal(80);
    expect(scoreResponse(rating, { overall: 2 }).score).to.equal(2);
  });

  it('rejects an answer that is not one of the options', () => {
    expect(() => scoreResponse(evaluation, { c1: 3 })).to.throw(MotcuaError);
  });

  it('keeps the 18-point total within 0–18 and monotone in each criterion', () => {
    const criterion = fc.integer({ min: 0, max: 2 });
    fc.assert(
      fc.property(
        fc.array(criterion, { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 8 }),
        (points, index) => {
          const answers = Object.fromEntries(points.map((p, i) => [`c${i + 1}`, p]));
          const score = scoreResponse(evaluation, answers).score as number;
          expect(score).to.equal(points.reduce((a, b) => a + b, 0));
          expect(score).to.be.within(0, 18);
          const raised = { ...answers, [`c${index + 1}`]: 2 };
          expect(scoreResponse(evaluation, raised).score as number).to.be.at.least(score);
        },
      ),
    );
  });
});
