import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { catalogueOf, loadSampleCatalogue, procedure, syntheticCatalogue } from './fixtures.test.js';
import { assertCatalogue } from './parse-catalogue.js';
import type { Catalogue, Procedure } from './schema.js';
import { buildSearchIndex, searchProcedures } from './search.js';
import { defaultAbbreviations, typoDistance, typoTolerance } from './search-typos.js';

/** The search as the widgets run it when an exact search finds nothing: with the typo pass. */
const tolerance = typoTolerance();

/**
 * The sample commune catalogue and four procedures of other fields it lacks, named as in the national catalogue
 * (their codes are made up for the test).
 */
async function catalogue(): Promise<Catalogue> {
  const sample = assertCatalogue(await loadSampleCatalogue());
  return catalogueOf([
    ...sample.procedures,
    procedure('9.000001', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', { field: 'Xây dựng' }),
    procedure(
      '9.000002',
      'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
      { field: 'Đất đai' },
    ),
    procedure('9.000003', 'Cấp đổi thẻ căn cước công dân', { field: 'Cấp, quản lý căn cước' }),
    // The name since the Law on Identification 2023: "công dân" is gone, "cccd" still finds it.
    procedure('9.000004', 'Cấp đổi thẻ căn cước', { field: 'Cấp, quản lý căn cước' }),
  ]);
}

/** What citizens and officers type, and the procedure they mean. */
const misspellings: readonly (readonly [string, string])[] = [
  ['khai snh', '1.001193'],
  ['dang ky khia sinh', '1.001193'],
  ['ks', '1.001193'],
  ['dang ki ket hon', '1.000894'],
  ['dăng kí kết hôn lưu động', '1.000593'],
  ['kh luu dong', '1.000593'],
  ['dang ky khai tu luu dongg', '1.000419'],
  ['dang ky giamm ho', '1.004837'],
  ['xac nhan tinh trang hon nhn', '1.004873'],
  ['trich lucc ho tich', '2.000635'],
  ['thuong truu', '1.004222'],
  ['dang ky tam truu', '1.004194'],
  ['chung thuc ban sao tu ban chinhh', '2.000815'],
  ['chung thuc chu ki', '2.000884'],
  ['chung thuc di chuk', '2.001019'],
  ['chung thuc giao dich qsdđ', '2.001035'],
  ['giay phep xd', '9.000001'],
  ['gpxd nha o rieng le', '9.000001'],
  ['giay phep xay dunh nha o rieng le', '9.000001'],
  ['cap gcn qsdd lan dau', '9.000002'],
  ['cap doi cccd', '9.000003'],
  ['cap doi the can cuocc cong dan', '9.000003'],
  ['doi the cccd', '9.000004'],
  ['dang ky hk', '1.004222'],
];

describe('procedure search with typos and abbreviations', () => {
  it('finds the intended procedure in the top 3 for every misspelling of the list', async () => {
    const all = await catalogue();
    for (const [query, code] of misspellings) {
      const top = searchProcedures(all, query, { limit: 3, tolerance }).map((h) => h.procedure.code);
      expect(top, query).to.include(code);
    }
  });

  it('found none of them before: the exact search alone misses every one', async () => {
    const all = await catalogue();
    for (const [query, code] of misspellings) {
      const top = searchProcedures(all, query, { limit: 3 }).map((h) => h.procedure.code);
      expect(top, query).not.to.include(code);
    }
  });

  it('ranks exact and prefix matches above every typo match', async () => {
    const all = await catalogue();
    // "kh" is the start of "khai" and an abbreviation of "kết hôn": the khai… names come first.
    const hits = searchProcedures(all, 'dang ky kh', { tolerance });
    const firstTypo = hits.findIndex((h) => h.match === 'typo');
    expect(firstTypo).to.be.greaterThan(0);
    expect(hits.slice(0, firstTypo).every((h) => h.match === 'name')).to.equal(true);
    expect(hits.slice(firstTypo).every((h) => h.match === 'typo')).to.equal(true);
    expect(hits.slice(firstTypo).map((h) => h.procedure.code)).to.include('1.000894');
  });

  it('takes its abbreviations from an option, which may extend the default ones', async () => {
    const all = await catalogue();
    expect(searchProcedures(all, 'ct di chuc', { tolerance })).to.deep.equal([]);
    const extended = { ...defaultAbbreviations, ct: 'chứng thực' };
    expect(
      searchProcedures(all, 'ct di chuc', { tolerance: typoTolerance({ abbreviations: extended }) })[0]?.procedure.code,
    ).to.equal('2.001019');
    expect(searchProcedures(all, 'giay phep xd', { tolerance: typoTolerance({ abbreviations: {} }) })).to.deep.equal(
      [],
    );
    expect(searchProcedures(all, 'khai snh')).to.deep.equal([]);
  });

  it('leaves short words alone: no typo below four letters', async () => {
    const all = await catalogue();
    expect(searchProcedures(all, 'dang ky hoa', { tolerance })).to.deep.equal([]);
    expect(searchProcedures(all, 'xyz không có', { tolerance })).to.deep.equal([]);
  });
});

describe('typo distance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps, and stops past the maximum', () => {
    expect(typoDistance('snh', 'sinh', 1)).to.equal(1);
    expect(typoDistance('khia', 'khai', 1)).to.equal(1);
    expect(typoDistance('chinhh', 'chinh', 1)).to.equal(1);
    expect(typoDistance('ki', 'ky', 0)).to.equal(0);
    expect(typoDistance('abcd', 'wxyz', 1)).to.equal(2);
    expect(typoDistance('a', 'abcd', 2)).to.equal(3);
  });

  it('is symmetric and never more than the plain edit distance', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'i', 'y'), maxLength: 7 });
    const levenshtein = (a: string, b: string): number => {
      let row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
          next.push(
            Math.min(
              (row[j] as number) + 1,
              (next[j - 1] as number) + 1,
              (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
            ),
          );
        }
        row = next;
      }
      return row[b.length] as number;
    };
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = typoDistance(a, b, 9);
        expect(d).to.equal(typoDistance(b, a, 9));
        expect(d).to.be.at.most(levenshtein(a, b));
        expect(typoDistance(a, b, 1)).to.equal(Math.min(d, 2));
      }),
    );
  });
});

describe('typo tolerance invariants', () => {
  const synthetic = syntheticCatalogue(300, 7);
  const index = buildSearchIndex(synthetic);
  const names = synthetic.procedures.map((p) => p.name);
  /** A name, its prefix of words, with one letter dropped, doubled or swapped in one word. */
  const query = fc
    .tuple(fc.constantFrom(...names), fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'none'))
    .map(([name, cut, at, letter, edit]) => {
      const words = name.split(' ').slice(0, 1 + (cut % name.split(' ').length));
      const w = at % words.length;
      const word = words[w] as string;
      const i = letter % word.length;
      words[w] =
        edit === 'drop'
          ? word.slice(0, i) + word.slice(i + 1)
          : edit === 'double'
            ? word.slice(0, i + 1) + word.slice(i)
            : edit === 'swap'
              ? word.slice(0, i) + word.slice(i + 1, i + 2) + word.charAt(i) + word.slice(i + 2)
              : word;
      return words.join(' ');
    });

  it('never removes nor reorders an exact hit: the exact hits come first, the typo hits after', () => {
    fc.assert(
      fc.property(query, (q) => {
        const exact = searchProcedures(index, q);
        const tolerant = searchProcedures(index, q, { tolerance });
        expect(tolerant.slice(0, exact.length)).to.deep.equal(exact);
        for (const hit of tolerant.slice(exact.length)) expect(hit.match).to.equal('typo');
      }),
    );
  });

  it('puts a procedure first when its exact name is typed, typos on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: names.length - 1 }), (i) => {
        const p = synthetic.procedures[i] as Procedure;
        const first = searchProcedures(index, p.name, { tolerance })[0];
        expect(first?.match).to.equal('name');
        expect(first?.procedure.name.toLowerCase()).to.equal(p.name.toLowerCase());
      }),
    );
  });
});
