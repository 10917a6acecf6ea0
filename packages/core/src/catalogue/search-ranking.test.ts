import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { foldVietnamese } from '../text/fold.js';
import { catalogueOf, loadSampleCatalogue, procedure, syntheticCatalogue } from './fixtures.test.js';
import { assertCatalogue } from './parse-catalogue.js';
import type { Catalogue, Procedure } from './schema.js';
import { buildSearchIndex, searchProcedures } from './search.js';

async function sample(): Promise<Catalogue> {
  return assertCatalogue(await loadSampleCatalogue());
}

function firstCode(catalogue: Catalogue, query: string): string | undefined {
  return searchProcedures(catalogue, query)[0]?.procedure.code;
}

describe('procedure search on the sample catalogue', () => {
  it('finds Đăng ký khai sinh first however it is typed', async () => {
    const catalogue = await sample();
    for (const query of [
      'khai sinh',
      'dang ky khai sinh',
      'ĐĂNG KÝ KHAI SINH',
      'Đăng ký khai sinh',
      'dang ky khai si',
    ]) {
      expect(firstCode(catalogue, query), query).to.equal('1.001193');
    }
    // Every procedure naming khai sinh is found.
    const hits = searchProcedures(catalogue, 'khai sinh').map((h) => h.procedure.code);
    expect(hits).to.include.members(['1.000689', '1.004884', '1.003583', '2.000635', '2.000986', '1.004772']);
  });

  it('ranks an exact code over a code prefix over names', async () => {
    const catalogue = await sample();
    const exact = searchProcedures(catalogue, '2.000815');
    expect(exact[0]?.procedure.code).to.equal('2.000815');
    expect(exact[0]?.match).to.equal('code');
    expect(searchProcedures(catalogue, '2.000815.000.00.00.H61')[0]?.match).to.equal('code');
    const prefix = searchProcedures(catalogue, '2.0009');
    expect(prefix.length).to.be.greaterThan(3);
    for (const hit of prefix) {
      expect(hit.procedure.code.startsWith('2.0009')).to.equal(true);
      expect(hit.match).to.equal('code-prefix');
    }
  });

  it('puts the exact name first and matches "đ" typed as "d"', async () => {
    const catalogue = await sample();
    expect(firstCode(catalogue, 'chung thuc ban sao tu ban chinh')).to.equal('2.000815');
    expect(firstCode(catalogue, 'dang ky ket hon')).to.equal('1.000894');
    expect(firstCode(catalogue, 'đăng ký tạm trú')).to.equal('1.004194');
    expect(searchProcedures(catalogue, 'xyz không có')).to.deep.equal([]);
  });

  it('finds by field, and filters by field, level, channel, online level and flags', async () => {
    const catalogue = await sample();
    const chungThuc = searchProcedures(catalogue, 'chung thuc');
    expect(chungThuc.length).to.equal(catalogue.procedures.filter((p) => p.field === 'Chứng thực').length);
    const filtered = searchProcedures(catalogue, '', { field: 'chứng thực' });
    expect(filtered.map((h) => h.index)).to.deep.equal(
      catalogue.procedures.flatMap((p, i) => (p.field === 'Chứng thực' ? [i] : [])),
    );
    const immediate = searchProcedures(catalogue, 'dang ky', { flags: { immediate: true } });
    expect(immediate.map((h) => h.procedure.code)).to.have.members(['1.001193', '1.000894', '1.000656']);
    expect(searchProcedures(catalogue, 'khai sinh', { level: 'province' })).to.deep.equal([]);
    expect(searchProcedures(catalogue, 'khai sinh', { channel: 'in-person', limit: 2 }).length).to.equal(2);
    // The sample states no online levels, so an online-level filter finds nothing rather than guessing.
    expect(searchProcedures(catalogue, '', { onlineLevel: 'full' })).to.deep.equal([]);
  });
});

describe('procedure search invariants', () => {
  const catalogue = syntheticCatalogue(300, 5);
  const index = buildSearchIndex(catalogue);
  const nameWord = fc.constantFrom(...new Set(catalogue.procedures.flatMap((p) => p.name.split(' '))));
  /** Re-types a word: upper-case, decomposed (NFD) or without diacritics. */
  const retype = (word: string, style: number): string =>
    style === 0 ? word.toUpperCase() : style === 1 ? word.normalize('NFD') : style === 2 ? foldVietnamese(word) : word;
  const query = fc
    .array(fc.tuple(nameWord, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 3 })
    .map((parts) => parts.map(([w, s]) => retype(w, s)).join(' '));

  it('gives the same results whether or not the query is folded', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(searchProcedures(index, q)).to.deep.equal(searchProcedures(index, foldVietnamese(q)));
      }),
    );
  });

  it('returns the same as the obvious normalise-and-filter loop, best first', () => {
    fc.assert(
      fc.property(query, (q) => {
        const words = foldVietnamese(q).split(' ');
        const last = words[words.length - 1] as string;
        const expected = catalogue.procedures.flatMap((p, i) => {
          const name = foldVietnamese(p.name).split(' ');
          const field = foldVietnamese(p.field).split(' ');
          const has = (ws: string[]): boolean =>
            words.slice(0, -1).every((w) => ws.includes(w)) && ws.some((w) => w.startsWith(last));
          return has(name) || has(field) ? [i] : [];
        });
        const hits = searchProcedures(index, q);
        expect(hits.map((h) => h.index).sort((a, b) => a - b)).to.deep.equal(expected);
        for (let i = 1; i < hits.length; i++) {
          expect((hits[i - 1]?.score ?? 0) >= (hits[i]?.score ?? 0)).to.equal(true);
        }
      }),
    );
  });

  it('puts a procedure first when searched by its exact code or its exact name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: catalogue.procedures.length - 1 }), (i) => {
        const p = catalogue.procedures[i] as Procedure;
        const byCode = searchProcedures(index, p.code);
        expect(byCode[0]?.procedure).to.equal(p);
        expect(byCode[0]?.match).to.equal('code');
        const byName = searchProcedures(index, p.name.toUpperCase())[0];
        expect(foldVietnamese(byName?.procedure.name ?? '')).to.equal(foldVietnamese(p.name));
      }),
    );
  });

  it('filters by field however the field is typed', () => {
    const wanted = catalogue.procedures.flatMap((p, i) => (p.field === 'Bảo trợ xã hội' ? [i] : []));
    expect(wanted.length).to.be.greaterThan(0);
    for (const field of ['Bảo trợ xã hội', 'bao tro  xa hoi', 'BẢO TRỢ XÃ HỘI']) {
      expect(searchProcedures(index, '', { field }).map((h) => h.index)).to.deep.equal(wanted);
    }
  });

  it('indexes a catalogue once and reuses it', () => {
    const small = catalogueOf([procedure('1.000001', 'Đăng ký khai sinh'), procedure('1.000002', 'Đăng ký kết hôn')]);
    expect(searchProcedures(small, 'ket hon').map((h) => h.procedure.code)).to.deep.equal(['1.000002']);
    expect(searchProcedures(small, 'ket hon')).to.deep.equal(searchProcedures(buildSearchIndex(small), 'ket hon'));
  });
});
