import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readQueueReport } from './queue-report.js';

const none = { count: 0 };
const group = {
  tickets: 3,
  called: 2,
  served: 2,
  noShows: 0,
  cancelled: 0,
  transferred: 0,
  recalls: 0,
  wait: { count: 2, mean: 5, p50: 5, p90: 7.4, max: 8 },
  service: none,
};

describe('readQueueReport', () => {
  it('reads the queue report and leaves out malformed heatmap cells, officers and long waits', () => {
    const report = readQueueReport({
      from: '2026-11-01',
      to: '2026-11-30',
      overall: group,
      byService: { 'ho-tich': group },
      byCounter: {},
      byPriority: {},
      byHour: { 8: group },
      byWeekdayHour: [{ weekday: 1, hour: 8, ...group }, { weekday: 1 }, null],
      byOfficer: [
        { username: 'canbo1', name: 'Nguyễn Văn An', ...group },
        { username: null, name: null, ...group },
        { username: 7, name: 'x', ...group },
        { username: 'canbo2' },
      ],
      longestWaits: [{ number: 'A001', service: 'ho-tich', businessDate: '2026-11-02', wait: 8 }, { number: 1 }],
    });
    expect(report?.overall.wait.p90).to.equal(7.4);
    expect(report?.byWeekdayHour).to.have.length(1);
    expect(report?.longestWaits.map((w) => w.number)).to.deep.equal(['A001']);
    expect(report?.byOfficer.map((o) => o.username)).to.deep.equal(['canbo1', null]);
  });

  it('refuses an answer without its period, overall figures or groups', () => {
    const whole = { from: 'a', to: 'b', overall: group, byService: {}, byCounter: {}, byPriority: {}, byHour: {} };
    expect(readQueueReport(whole)).to.not.equal(undefined);
    expect(readQueueReport(whole)?.byOfficer, 'an answer without officers').to.deep.equal([]);
    for (const key of Object.keys(whole)) {
      expect(readQueueReport({ ...whole, [key]: undefined }), key).to.equal(undefined);
    }
    expect(readQueueReport({ ...whole, overall: { tickets: 1 } })).to.equal(undefined);
  });
});
