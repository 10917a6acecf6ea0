import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { civilDateOf, fromVietnamTime } from '../calendar/civil-date.js';
import { MotcuaError } from '../text/problem.js';
import { type AggregateGroup, aggregateResponses, type EligibleTransaction } from './aggregate.js';
import type { SurveyResponse } from './response.js';
import { wilsonInterval } from './wilson.js';

function rating(overall: number | undefined, extra: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    instrumentId: 'vn-one-stop-rating',
    instrumentVersion: '1',
    answers: overall === undefined ? {} : overall === 1 ? { overall, reason: 'chậm' } : { overall },
    submittedAt: fromVietnamTime('2026-03-10', 9 * 60),
    transactionId: 'T',
    counter: '1',
    ...extra,
  };
}

function thrown(fn: () => unknown): MotcuaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MotcuaError) return error;
    throw error;
  }
  expect.fail('expected a MotcuaError');
}

describe('aggregating responses', () => {
  it('scores each counter × month group with n, Wilson interval and response rate (golden)', () => {
    const march = fromVietnamTime('2026-03-10', 9 * 60);
    const april = fromVietnamTime('2026-04-02', 14 * 60);
    const responses = [
      // Counter 1, March: 9 satisfied or better, 1 not → 90 %.
      ...[3, 3, 3, 3, 2, 2, 2, 2, 2, 1].map((v) => rating(v, { submittedAt: march, counter: '1' })),
      // Counter 2, March: 3 responses only → suppressed.
      ...[3, 1, 1].map((v) => rating(v, { submittedAt: march, counter: '2' })),
      // Counter 1, April: 10 responses, 5 top-2-box, one unanswered.
      ...[3, 2, 2, 2, 2, 1, 1, 1, 1, 1, undefined].map((v) => rating(v, { submittedAt: april, counter: '1' })),
    ];
    const eligible: EligibleTransaction[] = [
      ...Array.from({ length: 40 }, () => ({ servedAt: march, counter: '1' })),
      ...Array.from({ length: 25 }, () => ({ servedAt: april, counter: '1' })),
    ];
    const rows = aggregateResponses(responses, {
      instrumentId: 'vn-one-stop-rating',
      groupBy: ['counter', 'month'],
      eligible,
    });
    expect(rows.map((r) => r.key)).to.deep.equal([
      { counter: '1', month: '2026-03' },
      { counter: '1', month: '2026-04' },
      { counter: '2', month: '2026-03' },
    ]);
    const [march1, april1, march2] = rows;
    const w90 = wilsonInterval(9, 10);
    expect(march1).to.deep.equal({
      key: { counter: '1', month: '2026-03' },
      suppressed: false,
      formula: 'top2box',
      n: 10,
      unanswered: 0,
      score: 90,
      interval: { low: w90.low * 100, high: w90.high * 100 },
      eligible: 40,
      responseRate: 0.25,
    });
    expect(april1).to.deep.include({ n: 10, unanswered: 1, score: 50, eligible: 25, responseRate: 0.4 });
    expect(march2).to.deep.equal({ key: { counter: '2', month: '2026-03' }, suppressed: true });
  });

  it('groups by the Vietnamese civil date, not the host clock', () => {
    // 17:30 UTC on 31 March is 00:30 on 1 April in Hà Nội.
    const responses = Array.from({ length: 10 }, () => rating(3, { submittedAt: Date.UTC(2026, 2, 31, 17, 30) }));
    const rows = aggregateResponses(responses, {
      instrumentId: 'vn-one-stop-rating',
      groupBy: ['day', 'month', 'quarter', 'year'],
    });
    expect(rows.map((r) => r.key)).to.deep.equal([
      { day: '2026-04-01', month: '2026-04', quarter: '2026-Q2', year: '2026' },
    ]);
  });

  it('labels every period with the civil date civilDateOf gives, before and after 1976', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }), { minLength: 1, maxLength: 30 }),
        (instants) => {
          const responses = instants.map((submittedAt) => rating(3, { submittedAt }));
          const rows = aggregateResponses(responses, { instrumentId: 'vn-one-stop-rating', groupBy: ['day'], minN: 1 });
          const expected = [...new Set(instants.map((ms) => civilDateOf(ms)))].sort();
          expect(rows.map((r) => r.key.day)).to.deep.equal(expected);
        },
      ),
    );
  });

  it('counts counter-level ratings apart and leaves them out of response rates', () => {
    const responses = [
      ...Array.from({ length: 10 }, () => rating(3)),
      ...Array.from({ length: 12 }, () => rating(2, { transactionId: undefined })),
    ];
    const eligible = Array.from({ length: 20 }, () => ({
      servedAt: fromVietnamTime('2026-03-10', 8 * 60),
      counter: '1',
    }));
    const byBinding = aggregateResponses(responses, {
      instrumentId: 'vn-one-stop-rating',
      groupBy: ['binding'],
      eligible,
    });
    expect(byBinding.map((r) => [r.key.binding, !r.suppressed && r.n])).to.deep.equal([
      ['counter', 12],
      ['transaction', 10],
    ]);
    expect(byBinding[0]).to.not.have.property('responseRate');
    expect(byBinding[1]).to.deep.include({ responseRate: 0.5 });
    const overall = aggregateResponses(responses, { instrumentId: 'vn-one-stop-rating', eligible })[0];
    expect(overall).to.deep.include({ n: 22, responseRate: 0.5 });
  });

  it('aggregates a question, another formula, and mixes versions of the 18-point evaluation with grade counts', () => {
    const withConvenience = Array.from({ length: 10 }, (_, i) => ({
      ...rating(3),
      answers: { overall: 3, ...(i < 8 ? { convenience: i < 4 ? 3 : 1 } : {}) },
    }));
    const convenience = aggregateResponses(withConvenience, {
      instrumentId: 'vn-one-stop-rating',
      question: 'convenience',
      formula: 'mean',
      minN: 5,
    })[0];
    expect(convenience).to.deep.include({ n: 8, unanswered: 2, score: 2, formula: 'mean' });
    expect(convenience).to.not.have.property('interval');

    const criteria = (points: number[]) => Object.fromEntries(points.map((p, i) => [`c${i + 1}`, p]));
    const evaluations: SurveyResponse[] = [
      {
        ...rating(3),
        instrumentId: 'vn-dossier-evaluation',
        instrumentVersion: 'nd61-2018',
        answers: criteria([2, 2, 2, 2, 2, 2, 2, 2, 2]),
      },
      {
        ...rating(3),
        instrumentId: 'vn-dossier-evaluation',
        instrumentVersion: 'nd118-2025',
        answers: criteria([2, 2, 2, 2, 2, 2, 1, 1, 1]),
      },
      {
        ...rating(3),
        instrumentId: 'vn-dossier-evaluation',
        instrumentVersion: 'nd118-2025',
        answers: criteria([1, 1, 1, 1, 1, 1, 1, 1, 1]),
      },
    ];
    const graded = aggregateResponses([...evaluations, ...withConvenience], {
      instrumentId: 'vn-dossier-evaluation',
      minN: 1,
    })[0];
    expect(graded).to.deep.include({ n: 3, score: (18 + 15 + 9) / 3, formula: 'mean' });
    expect(graded).to.deep.include({ grades: { 'xuat-sac': 1, tot: 1, kha: 1 } });
  });

  it('joins ratings with queue waits and groups them by wait band, in minute order', () => {
    const waits = new Map<string, number>([
      ['T-1', 4],
      ['T-2', 9.5],
      ['T-3', 10],
      ['T-4', 25],
      ['T-5', 75],
      ['T-6', 3],
    ]);
    const responses = [
      rating(3, { transactionId: 'T-1' }),
      rating(3, { transactionId: 'T-2' }),
      rating(2, { transactionId: 'T-3' }),
      rating(1, { transactionId: 'T-4' }),
      rating(1, { transactionId: 'T-5' }),
      rating(2, { transactionId: 'T-9' }), // no queue record
      rating(3, { transactionId: undefined }), // counter-level
    ];
    const rows = aggregateResponses(responses, {
      instrumentId: 'vn-one-stop-rating',
      groupBy: ['wait'],
      waits,
      formula: 'mean',
      minN: 1,
      eligible: ['T-1', 'T-2', 'T-6'].map((transactionId) => ({
        servedAt: responses[0]?.submittedAt as number,
        transactionId,
      })),
    });
    expect(rows.map((r) => [r.key.wait, !r.suppressed && r.n, !r.suppressed && r.score])).to.deep.equal([
      ['0–10', 2, 3],
      ['10–20', 1, 2],
      ['20–30', 1, 1],
      ['60+', 1, 1],
      ['unknown', 2, 2.5],
    ]);
    expect(rows[0]).to.deep.include({ eligible: 3, responseRate: 2 / 3 });
    const custom = aggregateResponses(responses, {
      instrumentId: 'vn-one-stop-rating',
      groupBy: ['wait'],
      waits,
      waitBands: [0, 5, 15],
      minN: 1,
    });
    expect(custom.map((r) => r.key.wait)).to.deep.equal(['0–5', '5–15', '15+', 'unknown']);
    expect(
      thrown(() => aggregateResponses([], { instrumentId: 'x', groupBy: ['wait'] })).problems[0]?.path,
    ).to.deep.equal(['waits']);
    expect(
      thrown(() => aggregateResponses([], { instrumentId: 'x', waitBands: [5, 10] })).problems[0]?.path,
    ).to.deep.equal(['waitBands']);
  });

  it('reports bad stored responses with their index', () => {
    const error = thrown(() =>
      aggregateResponses(
        [rating(3), { ...rating(3), instrumentVersion: '9' }, { ...rating(3), answers: { overall: 7 } }],
        { instrumentId: 'vn-one-stop-rating' },
      ),
    );
    expect(error.problems.map((p) => [p.path, p.code])).to.deep.equal([
      [[1, 'instrumentVersion'], 'unknown-instrument'],
      [[2, 'answers', 'overall'], 'out-of-range'],
    ]);
    expect(thrown(() => aggregateResponses([], { instrumentId: 'x', minN: 0 })).problems[0]?.path).to.deep.equal([
      'minN',
    ]);
    expect(
      thrown(() => aggregateResponses([], { instrumentId: 'x', groupBy: ['week' as 'day'] })).problems[0]?.path,
    ).to.deep.equal(['groupBy', 0]);
    expect(
      thrown(() => aggregateResponses([rating(3)], { instrumentId: 'vn-one-stop-rating', question: 'reason' }))
        .problems[0]?.code,
    ).to.equal('unknown-question');
  });

  const arbitraryResponse = fc
    .record({
      overall: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      counter: fc.constantFrom('1', '2', '3'),
      officer: fc.constantFrom('an', 'binh'),
      channel: fc.constantFrom('qr-phone', 'counter-tablet'),
      bound: fc.boolean(),
      at: fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2026, 2, 1) }),
    })
    .map(({ overall, counter, officer, channel, bound, at }) =>
      rating(overall, { counter, officer, channel, submittedAt: at, transactionId: bound ? `T-${at}` : undefined }),
    );
  const dimensions = fc.subarray(['counter', 'officer', 'channel', 'binding', 'month', 'day'] as const);

  it('never shows a count, score or rate for a group below the minimum n', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryResponse, { maxLength: 120 }),
        dimensions,
        fc.integer({ min: 1, max: 15 }),
        (responses, groupBy, minN) => {
          const rows = aggregateResponses(responses, {
            instrumentId: 'vn-one-stop-rating',
            groupBy,
            minN,
            eligible: [],
          });
          for (const row of rows) {
            if (row.suppressed) expect(Object.keys(row).sort()).to.deep.equal(['key', 'suppressed']);
            else {
              expect(row.n).to.be.at.least(minN);
              expect(row.score).to.be.within(0, 100);
              expect(row.interval?.low).to.be.at.most(row.score + 1e-9);
              expect(row.interval?.high).to.be.at.least(row.score - 1e-9);
            }
          }
          const scored = responses.filter((r) => r.answers.overall !== undefined).length;
          const published = rows.reduce((sum, r) => sum + (r.suppressed ? 0 : r.n), 0);
          expect(published).to.be.at.most(scored);
        },
      ),
    );
  });

  it('does not depend on the order of the responses', () => {
    fc.assert(
      fc.property(
        fc
          .array(arbitraryResponse, { maxLength: 80 })
          .chain((responses) =>
            fc.tuple(fc.constant(responses), fc.shuffledSubarray(responses, { minLength: responses.length })),
          ),
        dimensions,
        ([responses, shuffled], groupBy) => {
          const options = { instrumentId: 'vn-one-stop-rating', groupBy, minN: 2 };
          const a: AggregateGroup[] = aggregateResponses(responses, options);
          const b: AggregateGroup[] = aggregateResponses(shuffled, options);
          expect(b).to.deep.equal(a);
        },
      ),
    );
  });

  it('gives the overall row the same n as the sum over any grouping when nothing is suppressed', () => {
    fc.assert(
      fc.property(fc.array(arbitraryResponse, { maxLength: 80 }), dimensions, (responses, groupBy) => {
        const grouped = aggregateResponses(responses, { instrumentId: 'vn-one-stop-rating', groupBy, minN: 1 });
        const total = grouped.reduce((sum, r) => sum + (r.suppressed ? 0 : r.n), 0);
        expect(total).to.equal(responses.filter((r) => r.answers.overall !== undefined).length);
      }),
    );
  });
});
