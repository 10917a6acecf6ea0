import { describe, it } from 'node:test';
import { expect } from 'chai';
import { loadSampleCatalogue } from './fixtures.test.js';
import { parseCatalogue } from './parse-catalogue.js';
import type { Catalogue, Procedure } from './schema.js';

async function sample(): Promise<Catalogue> {
  const result = parseCatalogue(await loadSampleCatalogue());
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.catalogue;
}

function byCode(catalogue: Catalogue, code: string): Procedure {
  const found = catalogue.procedures.find((p) => p.code === code);
  if (found === undefined) throw new Error(`no procedure ${code}`);
  return found;
}

describe('the sample commune catalogue (examples/data/catalogue.json)', () => {
  it('is valid and holds at least 30 commune procedures', async () => {
    const catalogue = await sample();
    expect(catalogue.procedures.length).to.be.at.least(30);
    for (const p of catalogue.procedures) expect(p.levels.map((l) => l.level)).to.include('commune');
  });

  it('carries the national codes of the shared fact sheet §7.1', async () => {
    const catalogue = await sample();
    const codes = catalogue.procedures.map((p) => p.code);
    for (const code of [
      '1.001193',
      '1.000894',
      '1.000656',
      '1.001022',
      '1.000689',
      '1.004837',
      '1.004845',
      '1.004859',
      '1.004873',
      '1.004884',
      '1.004746',
      '1.005461',
      '1.004772',
      '1.003583',
      '1.000593',
      '1.000419',
      '2.000635',
      '2.002516',
      '2.000986',
      '2.000908',
      '2.000815',
      '2.000884',
      '2.000992',
      '2.001008',
      '2.001035',
      '2.001019',
      '2.001016',
      '2.001406',
      '2.000913',
      '2.000927',
      '2.000942',
      '1.004222',
      '1.004194',
    ]) {
      expect(codes).to.include(code);
    }
    // Abolished in the Vĩnh Long list of 16/11/2025.
    expect(codes).to.not.include('2.001009');
  });

  it('keeps the statutory times: khai sinh at once with the 15:00 rule, nhận cha mẹ con 3 working days', async () => {
    const catalogue = await sample();
    expect(byCode(catalogue, '1.001193').statutoryTime).to.deep.equal({ value: 0, unit: 'immediate', cutoff: '15:00' });
    expect(byCode(catalogue, '1.001022').statutoryTime).to.deep.equal({ value: 3, unit: 'working-days' });
    expect(byCode(catalogue, '1.001022').conditionalTimes?.[0]).to.deep.include({ mode: 'added' });
    expect(byCode(catalogue, '2.000815').statutoryTime).to.deep.equal({ value: 0, unit: 'same-day', cutoff: '15:00' });
    expect(byCode(catalogue, '2.001035').statutoryTime).to.deep.equal({ value: 2, unit: 'working-days' });
    expect(byCode(catalogue, '2.000986').statutoryTime).to.deep.equal({
      value: 3,
      unit: 'working-days',
      cutoff: '15:00',
    });
  });

  it('keeps the fees of Circulars 226/2016 and 281/2016', async () => {
    const catalogue = await sample();
    expect(byCode(catalogue, '2.000815').fees?.[0]).to.deep.include({
      per: 'page',
      amount: 2000,
      tiers: [{ from: 3, amount: 1000 }],
      maxPerCopy: 200000,
    });
    expect(byCode(catalogue, '2.000884').fees?.[0]).to.deep.include({ per: 'case', amount: 10000 });
    expect(byCode(catalogue, '2.001035').fees?.[0]).to.deep.include({ per: 'transaction', amount: 50000 });
    expect(byCode(catalogue, '2.000913').fees?.[0]).to.deep.include({ amount: 30000 });
    expect(byCode(catalogue, '2.000927').fees?.[0]).to.deep.include({ amount: 25000 });
    expect(byCode(catalogue, '2.000635').fees?.[0]).to.deep.include({ per: 'copy', amount: 8000 });
    expect(byCode(catalogue, '2.000908').fees).to.deep.equal([]);
  });

  it('marks the unconfirmed facts as such', async () => {
    const catalogue = await sample();
    for (const code of ['1.000689', '1.004884', '1.004746', '1.005461', '1.004772', '2.002516', '1.004222']) {
      const p = byCode(catalogue, code);
      expect(p.note, code).to.match(/\[U\]/);
      expect(p.unconfirmed, code).to.include('statutoryTime');
    }
    // Where the time limit is unconfirmed, none is asserted.
    expect(byCode(catalogue, '1.000689').statutoryTime).to.equal(undefined);
  });
});
