import { foldVietnamese } from '../text/fold.js';
import type { Catalogue, ChannelKind, OnlineLevel, Procedure, ProcedureFlags, ProcedureLevel } from './schema.js';

/**
 * Filters of {@link searchProcedures}; every filter given must hold.
 *
 * @example
 * ```ts
 * const filters: SearchFilters = { field: 'ho tich', level: 'commune', flags: { immediate: true } };
 * ```
 */
export interface SearchFilters {
  /** Field (lĩnh vực), compared without diacritics or case: `'ho tich'` matches "Hộ tịch". */
  readonly field?: string;
  /** A level the procedure is carried out at. */
  readonly level?: ProcedureLevel;
  /** Online service level; procedures whose level is not stated never match. */
  readonly onlineLevel?: OnlineLevel;
  /** A channel the procedure accepts. */
  readonly channel?: ChannelKind;
  /** Flags that must be set (`true`) or unset (`false`; an absent flag counts as unset). */
  readonly flags?: { readonly [K in keyof ProcedureFlags]?: boolean };
}

/**
 * Options of {@link searchProcedures}.
 *
 * @example
 * ```ts
 * const options: SearchOptions = { limit: 10, field: 'chứng thực' };
 * ```
 */
export interface SearchOptions extends SearchFilters {
  /** Most hits returned. Default: all. */
  readonly limit?: number;
}

/**
 * How a hit matched, from strongest to weakest: the exact code (national or with the local suffix),
 * the start of a code, the name (every query word is a word of the name, the last may be a word's
 * beginning), the field, or nothing (an empty query lists every procedure that passes the filters).
 *
 * @example
 * ```ts
 * const how: SearchMatch = 'code';
 * ```
 */
export type SearchMatch = 'code' | 'code-prefix' | 'name' | 'field' | 'all';

/**
 * One search result.
 *
 * @example
 * ```ts
 * const [best] = searchProcedures(catalogue, 'khai sinh');
 * best?.procedure.code; // '1.001193'
 * ```
 */
export interface SearchHit {
  /** The procedure found. */
  readonly procedure: Procedure;
  /** Its position in the catalogue. */
  readonly index: number;
  /** How it matched. */
  readonly match: SearchMatch;
  /** Higher is better; only the order matters. */
  readonly score: number;
}

/**
 * A page of search results: the best hits, in order, and how many hits there are in all.
 *
 * @example
 * ```ts
 * const page: SearchPage = searchProcedurePage(catalogue, 'khai sinh', { limit: 20 });
 * ```
 */
export interface SearchPage {
  /** The best hits, at most `limit`, best first. */
  readonly hits: SearchHit[];
  /** How many procedures matched and passed the filters. */
  readonly total: number;
}

interface Entry {
  readonly procedure: Procedure;
  /** Folded name words joined by single spaces. */
  readonly name: string;
  readonly words: ReadonlySet<string>;
  readonly wordCount: number;
  readonly field: string;
  readonly codes: readonly string[];
}

/**
 * A prebuilt search index over a catalogue: folded names and fields, an inverted word index and
 * sorted vocabularies for prefix queries, and a code table. Build it once with
 * {@link buildSearchIndex}, then search many times. Its contents are private.
 *
 * @example
 * ```ts
 * const index: SearchIndex = buildSearchIndex(catalogue);
 * searchProcedures(index, 'chung thuc ban sao');
 * ```
 */
export interface SearchIndex {
  /** The catalogue indexed. */
  readonly catalogue: Catalogue;
}

interface IndexData {
  readonly entries: readonly Entry[];
  /** Name word → procedure positions (ascending). */
  readonly nameWords: ReadonlyMap<string, readonly number[]>;
  /** Every name word, sorted. */
  readonly nameVocabulary: readonly string[];
  /** Field word → procedure positions. */
  readonly fieldWords: ReadonlyMap<string, readonly number[]>;
  /** Every field word, sorted. */
  readonly fieldVocabulary: readonly string[];
  /** Folded codes (national, and with local suffix) → positions. */
  readonly codes: ReadonlyMap<string, readonly number[]>;
  /** Every folded code, sorted. */
  readonly codeList: readonly string[];
}

/** The private data of each index. */
const indexData = new WeakMap<SearchIndex, IndexData>();
/** The index built for a catalogue passed directly to `searchProcedures`. */
const catalogueIndexes = new WeakMap<Catalogue, SearchIndex>();

const SEPARATORS = /[^a-z0-9]+/;
const CODE_LIKE = /^[0-9][0-9a-z.]*$/;

function words(folded: string): string[] {
  return folded.split(SEPARATORS).filter((w) => w.length > 0);
}

function addPosting(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [position]);
  else if (list[list.length - 1] !== position) list.push(position);
}

/**
 * Builds the search index of a catalogue (linear in its size). {@link searchProcedures} also builds
 * and caches it by itself when given the catalogue.
 *
 * @example
 * ```ts
 * const index = buildSearchIndex(catalogue);
 * searchProcedures(index, '2.000815')[0]?.match; // 'code'
 * ```
 */
export function buildSearchIndex(catalogue: Catalogue): SearchIndex {
  const nameWords = new Map<string, number[]>();
  const fieldWords = new Map<string, number[]>();
  const codes = new Map<string, number[]>();
  const entries = catalogue.procedures.map((procedure, position): Entry => {
    const nameList = words(foldVietnamese(procedure.name));
    const fieldList = words(foldVietnamese(procedure.field));
    for (const w of nameList) addPosting(nameWords, w, position);
    for (const w of fieldList) addPosting(fieldWords, w, position);
    const code = procedure.code.toLowerCase();
    const entryCodes =
      procedure.localSuffix === undefined ? [code] : [code, `${code}.${procedure.localSuffix.toLowerCase()}`];
    for (const c of entryCodes) addPosting(codes, c, position);
    return {
      procedure,
      name: nameList.join(' '),
      words: new Set(nameList),
      wordCount: Math.max(1, nameList.length),
      field: fieldList.join(' '),
      codes: entryCodes,
    };
  });
  const index: SearchIndex = Object.freeze({ catalogue });
  indexData.set(index, {
    entries,
    nameWords,
    nameVocabulary: [...nameWords.keys()].sort(),
    fieldWords,
    fieldVocabulary: [...fieldWords.keys()].sort(),
    codes,
    codeList: [...codes.keys()].sort(),
  });
  return index;
}

/** Position of the first item ≥ `prefix` in a sorted list. */
function lowerBound(sorted: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every key of a sorted vocabulary starting with `prefix`. */
function* withPrefix(sorted: readonly string[], prefix: string): Generator<string> {
  for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
    const key = sorted[i] as string;
    if (!key.startsWith(prefix)) return;
    yield key;
  }
}

/**
 * Positions of procedures whose words (from `map`) contain every query word, the last one possibly
 * as a prefix. `undefined` when none.
 */
function candidates(
  map: ReadonlyMap<string, readonly number[]>,
  vocabulary: readonly string[],
  queryWords: readonly string[],
): Set<number> | undefined {
  const last = queryWords[queryWords.length - 1] as string;
  let result: Set<number> | undefined;
  // Exact words first (usually the most selective), the prefix last.
  for (const w of queryWords.slice(0, -1)) {
    const postings = map.get(w);
    if (postings === undefined) return undefined;
    if (result === undefined) result = new Set(postings);
    else {
      const next = new Set<number>();
      for (const p of postings) if (result.has(p)) next.add(p);
      result = next;
    }
    if (result.size === 0) return undefined;
  }
  const lastHits = new Set<number>();
  for (const key of withPrefix(vocabulary, last)) {
    for (const p of map.get(key) ?? []) if (result === undefined || result.has(p)) lastHits.add(p);
  }
  return lastHits.size === 0 ? undefined : lastHits;
}

function passes(entry: Entry, filters: SearchFilters, foldedField: string | undefined): boolean {
  const procedure = entry.procedure;
  if (foldedField !== undefined && entry.field !== foldedField) return false;
  if (filters.level !== undefined && !procedure.levels.some((l) => l.level === filters.level)) return false;
  if (filters.onlineLevel !== undefined && procedure.onlineService?.level !== filters.onlineLevel) return false;
  if (filters.channel !== undefined && !procedure.channels.some((c) => c.kind === filters.channel)) return false;
  if (filters.flags !== undefined) {
    for (const [flag, wanted] of Object.entries(filters.flags)) {
      if (wanted === undefined) continue;
      const set = procedure.flags?.[flag as keyof ProcedureFlags] === true;
      if (set !== wanted) return false;
    }
  }
  return true;
}

function dataOf(source: Catalogue | SearchIndex): IndexData {
  const direct = indexData.get(source as SearchIndex);
  if (direct !== undefined) return direct;
  let index = catalogueIndexes.get(source as Catalogue);
  if (index === undefined) {
    index = buildSearchIndex(source as Catalogue);
    catalogueIndexes.set(source as Catalogue, index);
  }
  return indexData.get(index) as IndexData;
}

/**
 * Finds procedures by name, code or field, Vietnamese-aware and insensitive to diacritics and case
 * ("dang ky khai sinh", "ĐĂNG KÝ KHAI SINH" and "khai sinh" all put Đăng ký khai sinh first; "đ" and
 * "d" are the same letter), ranked and filtered.
 *
 * Ranking: exact code › code prefix › name › field. Among name matches, an exact name comes first,
 * then the share of the name's words the query covers, with bonuses for the query appearing as a
 * phrase and at the start of the name; ties keep catalogue order. The last query word may be
 * unfinished ("khai si"). An empty query lists every procedure that passes the filters.
 *
 * Pass a catalogue (its index is built on first use and cached while the catalogue object lives)
 * or an index from {@link buildSearchIndex}.
 *
 * @example
 * ```ts
 * searchProcedures(catalogue, 'khai sinh')[0]?.procedure.name; // 'Đăng ký khai sinh'
 * searchProcedures(catalogue, '2.000815')[0]?.match; // 'code'
 * searchProcedures(catalogue, '', { field: 'Chứng thực' }).length; // every chứng thực procedure
 * ```
 */
export function searchProcedures(
  source: Catalogue | SearchIndex,
  query: string,
  options: SearchOptions = {},
): SearchHit[] {
  return searchProcedurePage(source, query, options).hits;
}

/**
 * The first hits of a search and how many there are in all: the ranking of {@link searchProcedures}, but only the
 * best `limit` hits are put in order (a partial selection through a bounded heap, O(n log limit) instead of sorting
 * every hit), which keeps a keystroke fast when a one-letter prefix matches thousands of procedures and a page shows
 * twenty. The hits are exactly the first `limit` of the full ranking.
 *
 * @example
 * ```ts
 * const { hits, total } = searchProcedurePage(index, 'c', { limit: 20 });
 * hits.length; // at most 20, best first
 * total; // every procedure that matched "c…" and passed the filters
 * ```
 */
export function searchProcedurePage(
  source: Catalogue | SearchIndex,
  query: string,
  options: SearchOptions = {},
): SearchPage {
  const index = dataOf(source);
  const folded = foldVietnamese(query);
  const foldedField = options.field === undefined ? undefined : words(foldVietnamese(options.field)).join(' ');
  const wanted = options.limit;
  const limit =
    wanted === undefined || Number.isNaN(wanted) ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(wanted));
  const count = index.entries.length;
  // Per position: the best score so far (−1: not a hit yet), how it matched, and whether it passes the filters.
  const scores = new Float64Array(count).fill(-1);
  const matches: SearchMatch[] = new Array(count);
  const passing = new Int8Array(count); // 0 not checked, 1 passes, −1 filtered out
  const found: number[] = [];
  const add = (position: number, match: SearchMatch, score: number): void => {
    const previous = scores[position] as number;
    if (previous >= score) return;
    let verdict = passing[position] as number;
    if (verdict === 0) {
      verdict = passes(index.entries[position] as Entry, options, foldedField) ? 1 : -1;
      passing[position] = verdict;
    }
    if (verdict < 0) return;
    if (previous < 0) found.push(position);
    scores[position] = score;
    matches[position] = match;
  };

  if (folded.length === 0) {
    for (let position = 0; position < count; position++) add(position, 'all', 0);
  } else {
    if (CODE_LIKE.test(folded)) {
      for (const p of index.codes.get(folded) ?? []) add(p, 'code', 4000);
      for (const code of withPrefix(index.codeList, folded)) {
        for (const p of index.codes.get(code) ?? []) add(p, 'code-prefix', 3000);
      }
    }
    const queryWords = words(folded);
    if (queryWords.length > 0) {
      const phrase = queryWords.join(' ');
      const last = queryWords[queryWords.length - 1] as string;
      for (const p of candidates(index.nameWords, index.nameVocabulary, queryWords) ?? []) {
        const entry = index.entries[p] as Entry;
        if (entry.name === phrase) {
          add(p, 'name', 2600);
          continue;
        }
        let score = 2000 + (100 * queryWords.length) / entry.wordCount;
        if (` ${entry.name}`.includes(` ${phrase}`)) score += 50;
        if (entry.name.startsWith(phrase)) score += 20;
        if (entry.words.has(last)) score += 10;
        add(p, 'name', score);
      }
      for (const p of candidates(index.fieldWords, index.fieldVocabulary, queryWords) ?? []) {
        add(p, 'field', 1000);
      }
    }
  }
  const hit = (position: number): SearchHit => ({
    procedure: (index.entries[position] as Entry).procedure,
    index: position,
    match: matches[position] as SearchMatch,
    score: scores[position] as number,
  });
  const best = topPositions(found, scores, limit);
  return { hits: best.map(hit), total: found.length };
}

/**
 * The positions of the `limit` best hits in ranking order (higher score first, then catalogue order). Keeps the
 * best ones seen in a heap whose root is the worst of them, so each other hit costs one comparison, or a sift
 * when it displaces the root; only the kept ones are sorted.
 */
function topPositions(found: readonly number[], scores: Float64Array, limit: number): number[] {
  // a ranks before b
  const before = (a: number, b: number): boolean => {
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    return sa > sb || (sa === sb && a < b);
  };
  const byRank = (a: number, b: number): number => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
  if (found.length <= limit) return [...found].sort(byRank);
  if (limit === 0) return [];
  const heap: number[] = [];
  // heap[0] is the worst kept hit: every parent ranks after its children.
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && before(heap[worst] as number, heap[left] as number)) worst = left;
      if (right < heap.length && before(heap[worst] as number, heap[right] as number)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst] as number, heap[i] as number];
      i = worst;
    }
  };
  for (const position of found) {
    if (heap.length < limit) {
      heap.push(position);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent] as number, heap[i] as number)) break;
        [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
        i = parent;
      }
    } else if (before(position, heap[0] as number)) {
      heap[0] = position;
      siftDown(0);
    }
  }
  return heap.sort(byRank);
}
