import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { syntheticCatalogue } from './fixtures.test.js';
import type { Catalogue } from './schema.js';
import {
  buildSearchIndex,
  type SearchHit,
  type SearchOptions,
  searchProcedurePage,
  searchProcedures,
} from './search.js';

const catalogues = new Map<string, Catalogue>();
function catalogueFor(size: number, seed: number): Catalogue {
  const key = `${size}/${seed}`;
  let catalogue = catalogues.get(key);
  if (!catalogue) {
    catalogue = syntheticCatalogue(size, seed);
    catalogues.set(key, catalogue);
  }
  return catalogue;
}

/** Every hit in ranking order, sorted outright: what the partial selection must agree with. */
function fullRanking(catalogue: Catalogue, query: string, options: SearchOptions): SearchHit[] {
  const { limit: _, ...unlimited } = options;
  return [...searchProcedures(catalogue, query, unlimited)].sort((a, b) => b.score - a.score || a.index - b.index);
}

/** Queries a citizen types: one- and two-letter prefixes, words of names, codes and code prefixes, fields, nothing. */
const queryArbitrary = fc.oneof(
  fc.constantFrom('', 'c', 'd', 'đ', 'th', 'ch', 'ho', 'ng', 'kh', 'Chứng', 'ho tich', 'dang ky', 'cu tru'),
  fc.constantFrom('1', '2.', '1.1000', '3.10001', '2.100005', 'xyz'),
  fc.stringMatching(/^[a-zđ ]{0,6}$/),
);

const optionsArbitrary: fc.Arbitrary<SearchOptions> = fc.record(
  {
    limit: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constant(1)),
    field: fc.constantFrom('Hộ tịch', 'chung thuc', 'Đất đai'),
    onlineLevel: fc.constantFrom('full' as const, 'partial' as const),
    flags: fc.constantFrom({ boundaryFree: true }, { boundaryFree: false }),
  },
  { requiredKeys: ['limit'] },
);

describe('a page of search results (top k without sorting every hit)', () => {
  it('returns exactly the first k of the full ranking, and the count of every hit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 5 }),
        queryArbitrary,
        optionsArbitrary,
        (size, seed, query, options) => {
          const catalogue = catalogueFor(size, seed);
          const full = fullRanking(catalogue, query, options);
          const page = searchProcedurePage(catalogue, query, options);
          expect(page.total).to.equal(full.length);
          expect(page.hits).to.deep.equal(full.slice(0, options.limit));
          expect(searchProcedures(catalogue, query, options)).to.deep.equal(page.hits);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps catalogue order among equal scores, also when the page cuts through them', () => {
    const catalogue = catalogueFor(300, 7);
    const index = buildSearchIndex(catalogue);
    // An empty query: every procedure scores the same, so the page is the catalogue's first ten.
    const all = searchProcedurePage(index, '', { limit: 10 });
    expect(all.total).to.equal(300);
    expect(all.hits.map((h) => h.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // A field: every hit scores 1000.
    const field = searchProcedurePage(index, 'ho tich', { limit: 5 });
    const inField = catalogue.procedures.flatMap((p, i) => (p.field === 'Hộ tịch' ? [i] : []));
    expect(field.hits.map((h) => h.index)).to.deep.equal(inField.slice(0, 5));
  });

  it('reads a limit as a count: fractions round down, zero and negatives give none, NaN gives all', () => {
    const catalogue = catalogueFor(50, 2);
    const all = searchProcedures(catalogue, '');
    expect(searchProcedures(catalogue, '', { limit: 2.7 })).to.deep.equal(all.slice(0, 2));
    expect(searchProcedures(catalogue, '', { limit: 0 })).to.deep.equal([]);
    expect(searchProcedures(catalogue, '', { limit: -3 })).to.deep.equal([]);
    expect(searchProcedures(catalogue, '', { limit: Number.NaN })).to.deep.equal(all);
    expect(searchProcedurePage(catalogue, '', { limit: 0 }).total).to.equal(50);
  });
});
