import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readOnTimeReport } from './on-time-report.js';

const figures = {
  dossiers: 10,
  withdrawn: 0,
  finished: 8,
  early: 3,
  onTime: 4,
  late: 1,
  inTime: 1,
  overdue: 1,
  onTimeRate: 0.875,
  averageProcessingMinutes: 900,
  averageProcessingDays: 2,
  averageTimeRatio: 0.5,
  online: 6,
  onlineRate: 0.6,
  unclassified: 0,
};

describe('readOnTimeReport', () => {
  it('reads the on-time report the server answers', () => {
    const json = {
      from: '2026-11-01',
      to: '2026-11-30',
      checkedAt: '2026-12-05T09:00:00+07:00',
      total: figures,
      procedures: [{ ...figures, procedure: { code: '1.001193', name: 'Đăng ký khai sinh' } }],
      months: [
        { ...figures, month: '2026-10' },
        { ...figures, month: '2026-11' },
      ],
    };
    expect(readOnTimeReport(JSON.parse(JSON.stringify(json)))).to.deep.equal(json);
  });

  it('reads the months of receipt, leaving out one without its month, and none from an older server', () => {
    const base = { checkedAt: '2026-12-05T09:00:00+07:00', total: figures, procedures: [] };
    const months = readOnTimeReport({
      ...base,
      months: [{ ...figures, month: '2026-11' }, { ...figures, month: 'novembre' }, { ...figures }, null],
    })?.months;
    expect(months?.map((m) => m.month)).to.deep.equal(['2026-11']);
    expect(readOnTimeReport(base)?.months).to.deep.equal([]);
  });

  it('reads a rate with no denominator as null, and leaves out a malformed procedure', () => {
    const empty = { ...figures, finished: 0, early: 0, onTime: 0, late: 0, onTimeRate: null, onlineRate: 'n/a' };
    const report = readOnTimeReport({
      checkedAt: '2026-12-05T09:00:00+07:00',
      total: empty,
      procedures: [{ ...figures }, { ...figures, procedure: { code: 'x', name: 'y' } }, null],
    });
    expect(report?.total.onTimeRate).to.equal(null);
    expect(report?.total.onlineRate).to.equal(null);
    expect(report?.from).to.equal(null);
    expect(report?.procedures.map((p) => p.procedure.code)).to.deep.equal(['x']);
  });

  it('refuses an answer without its counts', () => {
    for (const value of [
      null,
      [],
      'report',
      { checkedAt: 'x' },
      { checkedAt: 'x', total: { ...figures, late: '1' } },
    ]) {
      expect(readOnTimeReport(value)).to.equal(undefined);
    }
  });
});
