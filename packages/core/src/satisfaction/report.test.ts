import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readSatisfactionReport } from './report.js';

describe('readSatisfactionReport', () => {
  it('reads published and suppressed groups and leaves out malformed ones', () => {
    const published = { key: { counter: '1' }, suppressed: false, formula: 'top2box', n: 12, score: 83.3 };
    const report = readSatisfactionReport({
      instrument: 'vn-one-stop-rating',
      groupBy: ['counter'],
      groups: [published, { key: { counter: '2' }, suppressed: true }, { key: {}, suppressed: false }, { n: 3 }],
    });
    expect(report?.groups).to.deep.equal([published, { key: { counter: '2' }, suppressed: true }]);
    expect(report?.groupBy).to.deep.equal(['counter']);
  });

  it('refuses an answer without groups', () => {
    expect(readSatisfactionReport({ instrument: 'x' })).to.equal(undefined);
    expect(readSatisfactionReport(null)).to.equal(undefined);
  });
});
