import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readScorecardReport } from './scorecard-report.js';

const title = { vi: 'Tỷ lệ hồ sơ đúng hạn', en: 'Dossiers on time' };
const line = {
  id: '2.1',
  group: '2',
  title,
  formula: title,
  source: 'measured',
  numerator: 9,
  denominator: 10,
  share: 0.9,
  target: 1,
  points: null,
  maxPoints: null,
  provisional: true,
};
const report = {
  scorecard: { id: 'decision-766', version: '2022', title },
  from: '2026-11-01',
  to: '2026-11-30',
  checkedAt: '2026-12-01T08:00:00+07:00',
  indicators: [line, { ...line, id: '4.2', source: 'not-held', numerator: null, denominator: null, share: null }],
  groups: [{ id: '2', title, maxPoints: 20, points: null, missing: ['2.1'] }],
  total: { maxPoints: 100, points: null, missing: ['1', '2', '3', '4', '5'] },
};

describe('readScorecardReport', () => {
  it('reads a well-formed answer as it is', () => {
    expect(readScorecardReport(report)).to.deep.equal(report);
  });

  it('leaves out indicators and groups that are not well formed', () => {
    const read = readScorecardReport({
      ...report,
      indicators: [line, { ...line, share: '90%' }, { ...line, source: 'guessed' }, { id: '1.1' }, null],
      groups: [...report.groups, { id: '3', title, points: 'n/a', missing: [] }, 'x'],
    });
    expect(read?.indicators).to.deep.equal([line]);
    expect(read?.groups).to.deep.equal(report.groups);
  });

  it('refuses an answer without its scorecard, indicators, groups or total', () => {
    for (const broken of [
      null,
      [],
      { ...report, scorecard: undefined },
      { ...report, indicators: {} },
      { ...report, groups: undefined },
      { ...report, total: { maxPoints: 100, points: '?' } },
    ]) {
      expect(readScorecardReport(broken), JSON.stringify(broken)).to.equal(undefined);
    }
  });
});
