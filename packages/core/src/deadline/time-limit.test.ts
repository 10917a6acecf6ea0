import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { MotcuaError } from '../text/problem.js';
import { formatTimeLimit } from './format-time-limit.js';
import { parseTimeLimit, TIME_LIMIT_UNITS, type TimeLimit, timeLimitProblems } from './time-limit.js';
import { timeLimitFaults } from './time-limit-faults.js';
import { timeLimitSchema } from './time-limit-schema.js';

const validLimit: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.record(
    {
      value: fc.integer({ min: 1, max: 400 }),
      unit: fc.constantFrom('working-days' as const, 'working-hours' as const, 'days' as const),
      cutoff: fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    },
    { requiredKeys: ['value', 'unit'] },
  ),
  fc.record(
    {
      value: fc.constant(0),
      unit: fc.constantFrom('same-day' as const, 'immediate' as const),
      cutoff: fc.constant('15:00'),
    },
    { requiredKeys: ['value', 'unit'] },
  ),
);

describe('time limits as data', () => {
  it('accepts the limits of the commune procedures (khai sinh after 15:00, 3 working days, same day)', () => {
    expect(parseTimeLimit({ value: 0, unit: 'immediate', cutoff: '15:00' })).to.deep.equal({
      value: 0,
      unit: 'immediate',
      cutoff: '15:00',
    });
    expect(parseTimeLimit({ value: 3, unit: 'working-days' })).to.deep.equal({ value: 3, unit: 'working-days' });
    expect(parseTimeLimit({ value: 0, unit: 'same-day' })).to.deep.equal({ value: 0, unit: 'same-day' });
  });

  it('reports an unknown unit and a negative value together, in Vietnamese and English', () => {
    const problems = timeLimitProblems({ value: -1, unit: 'weeks' }, ['statutoryTime']);
    expect(problems.map((p) => [p.path, p.code])).to.deep.equal([
      [['statutoryTime', 'value'], 'invalid-time-limit-value'],
      [['statutoryTime', 'unit'], 'unknown-time-limit-unit'],
    ]);
    for (const p of problems) {
      expect(p.message.vi).to.not.equal(p.message.en);
      expect(p.message.vi.length).to.be.greaterThan(10);
    }
  });

  it('rejects a count on same-day limits, a zero count on working days, a bad cutoff and unknown fields', () => {
    expect(timeLimitProblems({ value: 2, unit: 'same-day' }).map((p) => p.code)).to.deep.equal([
      'invalid-time-limit-value',
    ]);
    expect(timeLimitProblems({ value: 0, unit: 'working-days' }).map((p) => p.code)).to.deep.equal([
      'invalid-time-limit-value',
    ]);
    expect(timeLimitProblems({ value: 1.5, unit: 'days' }).map((p) => p.code)).to.deep.equal([
      'invalid-time-limit-value',
    ]);
    expect(timeLimitProblems({ value: 1, unit: 'days', cutoff: '24:00' }).map((p) => p.path)).to.deep.equal([
      ['cutoff'],
    ]);
    expect(timeLimitProblems({ value: 1, unit: 'days', hours: 2 }).map((p) => p.path)).to.deep.equal([['hours']]);
    expect(timeLimitProblems('5 ngày').map((p) => p.code)).to.deep.equal(['invalid-time-limit']);
    expect(() => parseTimeLimit(null)).to.throw(MotcuaError);
  });

  it('agrees with its zod schema on valid limits', () => {
    fc.assert(
      fc.property(validLimit, (limit) => {
        expect(timeLimitProblems(limit)).to.deep.equal([]);
        expect(z.safeParse(timeLimitSchema, limit).success).to.equal(true);
        expect(parseTimeLimit(limit)).to.deep.equal(limit);
      }),
    );
  });

  it('agrees with its zod schema on arbitrary input', () => {
    const anyLimit = fc.record({
      value: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.double(), fc.string()),
      unit: fc.oneof(fc.constantFrom(...TIME_LIMIT_UNITS), fc.string()),
      cutoff: fc.oneof(fc.constant(undefined), fc.constantFrom('15:00', '7:30', '23:59', '')),
    });
    fc.assert(
      fc.property(anyLimit, (input) => {
        const clean = input.cutoff === undefined ? { value: input.value, unit: input.unit } : input;
        expect(timeLimitProblems(clean).length === 0).to.equal(z.safeParse(timeLimitSchema, clean).success);
      }),
    );
  });

  it('finds the faults without words, one for each problem timeLimitProblems words (what the catalogue asks)', () => {
    expect(timeLimitFaults({ value: -1, unit: 'weeks', hours: 2 })).to.deep.equal([
      'value',
      'unit',
      { unknownField: 'hours' },
    ]);
    expect(timeLimitFaults({ value: 2, unit: 'same-day', cutoff: '24:00' })).to.deep.equal([
      'value-not-zero',
      'cutoff',
    ]);
    expect(timeLimitFaults({ value: 0, unit: 'days' })).to.deep.equal(['value-below-one']);
    expect(timeLimitFaults([])).to.deep.equal(['not-an-object']);
    expect(timeLimitFaults({ value: 5, unit: 'working-days', cutoff: '15:00' })).to.deep.equal([]);
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(timeLimitFaults(input).length).to.equal(timeLimitProblems(input).length);
      }),
    );
  });

  it('writes limits in Vietnamese and English', () => {
    expect(formatTimeLimit({ value: 5, unit: 'working-days' })).to.equal('5 ngày làm việc');
    expect(formatTimeLimit({ value: 1, unit: 'working-days' }, 'en')).to.equal('1 working day');
    expect(formatTimeLimit({ value: 0, unit: 'same-day', cutoff: '15:00' })).to.equal(
      'Trong ngày (tiếp nhận sau 15h00: tính từ ngày làm việc tiếp theo)',
    );
    expect(formatTimeLimit({ value: 0, unit: 'immediate' }, 'en')).to.equal('Immediately');
  });
});
