import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { MotcuaError } from '../text/problem.js';
import { type DossierRecord, decision766Group2, dossierStatistics } from './statistics.js';

const calendar = vietnamCalendar();
const now = '2026-03-20T09:00:00+07:00';
const received = '2026-03-09T10:00:00+07:00'; // Monday
const five = { value: 5, unit: 'working-days' } as const; // due Monday 16/3 17:00

const resolved = (at: string, extra: Partial<DossierRecord> = {}): DossierRecord => ({
  receivedAt: received,
  limit: five,
  events: [{ type: 'resolved', at }],
  ...extra,
});

describe('dossier statistics', () => {
  const records: DossierRecord[] = [
    resolved('2026-03-12T10:00:00+07:00', { channel: 'online', digitised: true }), // early, 3 working days
    resolved('2026-03-16T10:00:00+07:00', { channel: 'online', digitised: true }), // on time, 5 days
    resolved('2026-03-17T10:00:00+07:00', { channel: 'in-person', digitised: false }), // late, 6 days
    { receivedAt: received, limit: five, channel: 'postal' }, // open, overdue at now
    { receivedAt: '2026-03-19T10:00:00+07:00', limit: five, channel: 'online' }, // open, in time
    { receivedAt: received, limit: five, events: [{ type: 'withdrawn', at: '2026-03-10T10:00:00+07:00' }] },
  ];

  it('counts the buckets and the rates, each with its own denominator', () => {
    const stats = dossierStatistics(records, { calendar, now });
    expect(stats).to.deep.include({
      total: 6,
      withdrawn: 1,
      finished: 3,
      early: 1,
      onTime: 1,
      late: 1,
      inTime: 1,
      overdue: 1,
      online: 3,
      withChannel: 5,
      digitised: 2,
      withDigitisation: 3,
    });
    expect(stats.onTimeRate).to.be.closeTo(2 / 3, 1e-12);
    expect(stats.onlineRate).to.be.closeTo(3 / 5, 1e-12);
    expect(stats.digitisedRate).to.be.closeTo(2 / 3, 1e-12);
    // 3, 5 and 6 working days of 450 minutes, against a statutory 5 days and 5 h (10:00 Monday to
    // 17:00 the Monday after: 5 h more than five days).
    expect(stats.averageProcessingMinutes).to.equal((14 * 450) / 3);
    expect(stats.averageProcessingDays).to.be.closeTo(14 / 3, 1e-12);
    expect(stats.averageTimeRatio).to.be.closeTo((14 * 450) / 3 / (5 * 450 + 300), 1e-12);
  });

  it('reproduces a report’s 98.94 % on time: 1,870 of 1,890 finished early or on time', () => {
    const many: DossierRecord[] = [];
    for (let k = 0; k < 1870; k++)
      many.push(resolved('2026-03-13T10:00:00+07:00', { channel: k < 1669 ? 'online' : 'in-person' }));
    for (let k = 0; k < 20; k++) many.push(resolved('2026-03-18T10:00:00+07:00', { channel: 'in-person' }));
    const stats = dossierStatistics(many, { calendar });
    expect(Math.round((stats.onTimeRate as number) * 10_000) / 100).to.equal(98.94);
    expect(Math.round((stats.onlineRate as number) * 1000) / 10).to.equal(88.3);
  });

  it('a supplement pause is taken out of the processing time', () => {
    const stats = dossierStatistics(
      [
        {
          receivedAt: received,
          limit: five,
          events: [
            { type: 'supplement-requested', at: '2026-03-10T10:00:00+07:00' },
            { type: 'supplement-completed', at: '2026-03-11T10:00:00+07:00' },
            { type: 'resolved', at: '2026-03-12T10:00:00+07:00' },
          ],
        },
      ],
      { calendar },
    );
    expect(stats.averageProcessingMinutes).to.equal(2 * 450);
  });

  it('leaves rates undefined without data', () => {
    const stats = dossierStatistics([], { calendar });
    expect(stats.onTimeRate).to.equal(undefined);
    expect(stats.onlineRate).to.equal(undefined);
    expect(stats.averageProcessingMinutes).to.equal(undefined);
  });

  it('reports a bad dossier by its index, and open dossiers need now', () => {
    try {
      dossierStatistics(
        [
          resolved('2026-03-12T10:00:00+07:00'),
          { receivedAt: 'hôm qua', limit: five },
          { receivedAt: received, limit: five },
        ],
        {
          calendar,
        },
      );
      expect.fail('expected a MotcuaError');
    } catch (error) {
      expect(error).to.be.instanceOf(MotcuaError);
      expect((error as MotcuaError).problems.map((p) => [p.path.join('.'), p.code])).to.deep.equal([
        ['1.receivedAt', 'invalid-date-time'],
        ['2', 'missing-now'],
      ]);
    }
  });

  it('rates lie in [0, 1] and the buckets add up', () => {
    const record = fc.record({
      day: fc.integer({ min: 0, max: 60 }),
      value: fc.integer({ min: 1, max: 10 }),
      after: fc.option(fc.integer({ min: 1, max: 30 * 1440 }), { nil: undefined }),
      online: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (rows) => {
        const base = Date.UTC(2026, 0, 5, 3);
        const iso = (ms: number) => new Date(ms).toISOString();
        const list: DossierRecord[] = rows.map((r) => {
          const at = base + r.day * 86_400_000;
          return {
            receivedAt: iso(at),
            limit: { value: r.value, unit: 'working-days' },
            channel: r.online ? 'online' : 'in-person',
            ...(r.after === undefined ? {} : { events: [{ type: 'resolved', at: iso(at + r.after * 60_000) }] }),
          };
        });
        const stats = dossierStatistics(list, { calendar, now: '2026-06-01T08:00:00+07:00' });
        expect(stats.early + stats.onTime + stats.late + stats.inTime + stats.overdue + stats.withdrawn).to.equal(
          stats.total,
        );
        for (const rate of [stats.onTimeRate, stats.onlineRate])
          if (rate !== undefined) expect(rate).to.be.within(0, 1);
        if (stats.averageProcessingMinutes !== undefined) expect(stats.averageProcessingMinutes).to.be.at.least(0);
      }),
      { numRuns: 50 },
    );
  });
});

describe('Decision 766 group 2 points', () => {
  it('2.1 in proportion to the on-time rate, 2.2 in full within the statutory time', () => {
    const result = decision766Group2(
      { onTimeRate: 0.9894, averageTimeRatio: 0.8 },
      { points: { onTime: 10, processingTime: 10 } },
    );
    expect(result.onTime).to.be.closeTo(9.894, 1e-9);
    expect(result.processingTime).to.equal(10);
    expect(result.total).to.be.closeTo(19.894, 1e-9);
  });

  it('2.2 shrinks when dossiers take longer than allowed; a target gives 2.1 full points early', () => {
    const result = decision766Group2(
      { onTimeRate: 0.95, averageTimeRatio: 1.25 },
      { points: { onTime: 12, processingTime: 8 }, onTimeTarget: 0.95 },
    );
    expect(result).to.deep.equal({ onTime: 12, processingTime: 6.4, total: 18.4 });
    expect(
      decision766Group2(
        { onTimeRate: undefined, averageTimeRatio: undefined },
        { points: { onTime: 10, processingTime: 10 } },
      ).total,
    ).to.equal(0);
  });

  it('needs the unconfirmed split, within 20 points', () => {
    const codes = (options: unknown) => {
      try {
        decision766Group2({ onTimeRate: 1, averageTimeRatio: 1 }, options as never);
      } catch (error) {
        return (error as MotcuaError).problems.map((p) => p.code);
      }
      return [];
    };
    expect(codes({})).to.deep.equal(['unconfirmed-points', 'unconfirmed-points']);
    expect(codes({ points: { onTime: 15, processingTime: 10 } })).to.deep.equal(['too-many-points']);
    expect(codes({ points: { onTime: 10, processingTime: 10 }, onTimeTarget: 0 })).to.deep.equal(['invalid-option']);
  });
});
