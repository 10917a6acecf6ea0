import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { diffCatalogues } from './catalogue-diff.js';
import type { Catalogue, Procedure } from './schema.js';

const procedure = (code: string, amount: number, days = 3): Procedure => ({
  code,
  name: `Thủ tục ${code}`,
  field: 'Hộ tịch',
  levels: [{ level: 'commune' }],
  agency: 'UBND xã',
  channels: [{ kind: 'in-person' }],
  statutoryTime: { value: days, unit: 'working-days' },
  fees: [{ kind: 'charge', per: 'case', amount }],
});
const catalogue = (procedures: Procedure[]): Catalogue => ({
  formatVersion: 1,
  version: '1',
  agency: { name: 'UBND xã' },
  procedures,
});

describe('the catalogue diff', () => {
  it('lists added, removed and changed procedures with the fields that changed', () => {
    const before = catalogue([procedure('1.004873', 0), procedure('1.001193', 0), procedure('2.000908', 0)]);
    const after = catalogue([procedure('1.004873', 5000), procedure('2.000908', 0, 5), procedure('1.000656', 0)]);
    const diff = diffCatalogues(before, after);
    expect(diff.added.map((p) => p.code)).to.deep.equal(['1.000656']);
    expect(diff.removed.map((p) => p.code)).to.deep.equal(['1.001193']);
    expect(diff.changed.map((p) => [p.code, p.changes.map((c) => c.field)])).to.deep.equal([
      ['1.004873', ['fees']],
      ['2.000908', ['statutoryTime']],
    ]);
    expect(diff.changed[0]?.changes[0]?.after).to.deep.equal([{ kind: 'charge', per: 'case', amount: 5000 }]);
    expect(diff.unchanged).to.equal(0);
  });

  it('a catalogue against itself (keys in any order) changes nothing; against none, everything is added', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 999_999 }), { maxLength: 20 }), (codes) => {
        const ps = codes.map((n) => procedure(`1.${String(n).padStart(6, '0')}`, n));
        const shuffled = catalogue(
          ps.map((p) => Object.fromEntries(Object.entries(p).reverse()) as unknown as Procedure),
        );
        const same = diffCatalogues(catalogue(ps), shuffled);
        expect(same).to.deep.equal({ added: [], removed: [], changed: [], unchanged: ps.length });
        expect(diffCatalogues(undefined, catalogue(ps)).added).to.have.length(ps.length);
      }),
    );
  });
});
