import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { compare } from '../../../scripts/bench/compare.js';
import { syntheticCatalogue } from '../src/catalogue/fixtures.test.js';
import {
  buildSearchIndex,
  type Catalogue,
  catalogueSchema,
  parseCatalogue,
  searchProcedurePage,
  searchProcedures,
  typoTolerance,
} from '../src/catalogue/index.js';

const sampleJson: unknown = JSON.parse(
  readFileSync(new URL('../../../examples/data/catalogue.json', import.meta.url), 'utf8'),
);
const parsed = parseCatalogue(sampleJson);
if (!parsed.ok) throw new Error('the sample catalogue does not parse');
const sample = parsed.catalogue;

// What a page would otherwise write: fold every record for every query, keep the records whose name
// or field holds every query word (the last as a prefix), best (earliest match) first.
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
function naiveSearch(catalogue: Catalogue, query: string) {
  const folded = fold(query).trim();
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  const last = words[words.length - 1] ?? '';
  const hits: { index: number; at: number }[] = [];
  catalogue.procedures.forEach((p, index) => {
    if (p.code.startsWith(folded)) {
      hits.push({ index, at: -1 });
      return;
    }
    for (const text of [p.name, p.field]) {
      const ws = fold(text).split(/[^a-z0-9]+/);
      if (words.slice(0, -1).every((w) => ws.includes(w)) && ws.some((w) => w.startsWith(last))) {
        hits.push({ index, at: ws.indexOf(words[0] ?? '') });
        return;
      }
    }
  });
  return hits.sort((a, b) => a.at - b.at || a.index - b.index);
}

const queries = [
  'khai sinh',
  'dang ky ket hon',
  'CHỨNG THỰC bản sao',
  'giam ho',
  '2.000815',
  'thuong tru',
  'di chuc',
  'xac nhan',
];
let q = 0;
const next = (): string => queries[q++ % queries.length] as string;
const prefixes = ['c', 'd', 't', 'h', 'n', 'ch', 'th', 'ng', 'đă', 'ho'];
let p = 0;
const nextPrefix = (): string => prefixes[p++ % prefixes.length] as string;

const sampleIndex = buildSearchIndex(sample);
const big2000 = syntheticCatalogue(2000, 3);
const big5000 = syntheticCatalogue(5000, 4);
const index2000 = buildSearchIndex(big2000);
const index5000 = buildSearchIndex(big5000);

await compare('Procedure search (ours: prebuilt index; anchor: normalise-and-filter loop)', [
  {
    name: `search the sample (${sample.procedures.length} procedures)`,
    ours: () => searchProcedures(sampleIndex, next()),
    anchor: () => naiveSearch(sample, next()),
    anchorName: 'Array.filter + normalize("NFD") per record',
  },
  {
    name: 'search 2,000 synthetic procedures',
    ours: () => searchProcedures(index2000, next()),
    anchor: () => naiveSearch(big2000, next()),
    anchorName: 'Array.filter + normalize("NFD") per record',
  },
  {
    name: 'search 5,000 synthetic procedures',
    ours: () => searchProcedures(index5000, next()),
    anchor: () => naiveSearch(big5000, next()),
    anchorName: 'Array.filter + normalize("NFD") per record',
  },
  {
    // What a keystroke costs in <motcua-procedure-list>: one or two letters match thousands of procedures, a page
    // shows twenty. The anchor is the same search putting every hit in order.
    name: 'a page of 20 for 1–2-letter prefixes over 5,000',
    ours: () => searchProcedurePage(index5000, nextPrefix(), { limit: 20 }),
    anchor: () => searchProcedures(index5000, nextPrefix()),
    anchorName: 'searchProcedures sorting every hit',
  },
  {
    name: 'list 5,000 synthetic procedures of one field',
    ours: () => searchProcedures(index5000, '', { field: 'chung thuc' }),
    anchor: () => big5000.procedures.filter((p) => fold(p.field) === 'chung thuc'),
    anchorName: 'Array.filter + normalize("NFD") per record',
  },
  {
    name: 'build the index over 5,000 vs one loop query',
    ours: () => buildSearchIndex(big5000),
    anchor: () => naiveSearch(big5000, next()),
    anchorName: 'Array.filter + normalize("NFD") per record',
  },
]);

// Typo tolerance costs nothing when every query word is a name word (the last: the start of one); the same queries,
// today's exact search (no tolerance) as the anchor. A query must stay within 1.5× of today's time.
const misspelled = ['khai snh', 'dang ki ket hon', 'chung thuc di chuk', 'thuong truu', 'ks', 'dang ky giamm ho'];
let m = 0;
const nextMisspelled = (): string => misspelled[m++ % misspelled.length] as string;
const exactOnly = {} as const;
const withTypos = { tolerance: typoTolerance() } as const;
const tolerance = await compare('Typo tolerance (ours: with typoTolerance(); anchor: the same queries without it)', [
  {
    name: `the same queries on the sample (${sample.procedures.length} procedures)`,
    ours: () => searchProcedures(sampleIndex, next(), withTypos),
    anchor: () => searchProcedures(sampleIndex, next(), exactOnly),
    anchorName: 'searchProcedures without tolerance',
  },
  {
    name: 'the same queries over 5,000',
    ours: () => searchProcedures(index5000, next(), withTypos),
    anchor: () => searchProcedures(index5000, next(), exactOnly),
    anchorName: 'searchProcedures without tolerance',
  },
  {
    name: 'a page of 20 for 1–2-letter prefixes over 5,000',
    ours: () => searchProcedurePage(index5000, nextPrefix(), { limit: 20, ...withTypos }),
    anchor: () => searchProcedurePage(index5000, nextPrefix(), { limit: 20 }),
    anchorName: 'searchProcedurePage without tolerance',
  },
  {
    name: 'misspelled queries on the sample (found only with tolerance)',
    ours: () => searchProcedures(sampleIndex, nextMisspelled(), withTypos),
    anchor: () => searchProcedures(sampleIndex, nextMisspelled(), exactOnly),
    anchorName: 'searchProcedures without tolerance (finds nothing)',
  },
  {
    name: 'misspelled queries over 5,000',
    ours: () => searchProcedures(index5000, nextMisspelled(), withTypos),
    anchor: () => searchProcedures(index5000, nextMisspelled(), exactOnly),
    anchorName: 'searchProcedures without tolerance (finds nothing)',
  },
]);
// A query's time is the mean time per run (the prefixes' row mixes 3 µs and 300 µs queries: its ops/s is the cheap
// ones' rate).
for (const row of tolerance) {
  const times = row.oursMeanMs / row.anchorMeanMs;
  console.log(
    `${row.name}: today ${(1e3 * row.anchorMeanMs).toFixed(2)} µs, tolerant ${(1e3 * row.oursMeanMs).toFixed(2)} µs, ${times.toFixed(2)}× today's time`,
  );
}

await compare('Validating the sample catalogue', [
  {
    name: `parseCatalogue on the sample (${sample.procedures.length} procedures)`,
    ours: () => parseCatalogue(sampleJson),
    anchor: () => z.safeParse(catalogueSchema, sampleJson),
    anchorName: 'zod/mini safeParse alone (no cross-field checks)',
  },
]);

// A 10 MB catalogue (30,000 procedures), parsed once: what a province-wide import costs.
const bigJson: unknown = JSON.parse(JSON.stringify(syntheticCatalogue(30_000, 9)));
const started = performance.now();
const bigResult = parseCatalogue(bigJson);
console.log(
  `parseCatalogue on 30,000 procedures (${(JSON.stringify(bigJson).length / 1e6).toFixed(1)} MB): ${(performance.now() - started).toFixed(0)} ms, ok = ${bigResult.ok}`,
);
