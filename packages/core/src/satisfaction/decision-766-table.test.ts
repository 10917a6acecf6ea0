import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DECISION_766_INDICATORS, DECISION_766_SCORECARD } from './decision-766.js';
import { DECISION_766_TABLE } from './decision-766-table.js';

describe('DECISION_766_TABLE', () => {
  it('lists every indicator once, in order, each in one of the five groups, with vi/en title and formula', () => {
    const ids = DECISION_766_TABLE.map((i) => i.id);
    expect(new Set(ids).size).to.equal(ids.length);
    const order = (id: string) => id.split('.').map(Number) as [number, number];
    const sorted = [...ids].sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
    expect(ids).to.deep.equal(sorted);
    const groups = DECISION_766_SCORECARD.criteria.map((c) => c.id);
    for (const entry of DECISION_766_TABLE) {
      expect(groups, entry.id).to.include(entry.group);
      expect(entry.id.startsWith(`${entry.group}.`), entry.id).to.equal(true);
      for (const text of [entry.title, entry.formula]) {
        expect(text.vi, entry.id).to.have.length.greaterThan(5);
        expect(text.en, entry.id).to.have.length.greaterThan(5);
      }
    }
    for (const group of groups)
      expect(
        DECISION_766_TABLE.some((i) => i.group === group),
        group,
      ).to.equal(true);
  });

  it('takes the targets and points of DECISION_766_INDICATORS, and confirms only 1.2 (4) and 5.4 (6)', () => {
    for (const listed of DECISION_766_INDICATORS) {
      const entry = DECISION_766_TABLE.find((i) => i.id === listed.id);
      expect(entry, listed.id).to.include({ target: listed.target, maxPoints: listed.maxPoints });
      expect(entry?.title).to.deep.equal(listed.title);
    }
    const confirmed = DECISION_766_TABLE.filter((i) => i.maxPoints !== undefined).map((i) => [i.id, i.maxPoints]);
    expect(confirmed).to.deep.equal([
      ['1.2', 4],
      ['5.4', 6],
    ]);
    // Group 1 holds 18 points: 1.2's confirmed 4 fit in it.
    expect(DECISION_766_SCORECARD.criteria[0]?.maxPoints).to.be.greaterThan(4);
  });
});
