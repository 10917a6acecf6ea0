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
  /**
   * A second pass for a query whose words are not all words of procedure names: `typoTolerance()` (from this room)
   * lets a word stand for a name word a typo or two away or for the expansion of an abbreviation. Its hits have the
   * match kind `'typo'` and rank below every exact one. Default: none (the pass lives in its own module, so a page
   * that does not use it does not download it).
   */
  readonly tolerance?: SearchTolerance;
}

/**
 * A second search pass (see {@link SearchOptions.tolerance}): given the index, the query's folded words and the
 * function that records a hit with its score, it adds what the exact pass did not find.
 *
 * @example
 * ```ts
 * const tolerance: SearchTolerance = typoTolerance();
 * searchProcedures(catalogue, 'khai snh', { tolerance });
 * ```
 */
export type SearchTolerance = (
  index: SearchIndex | Catalogue,
  queryWords: readonly string[],
  add: (position: number, match: SearchMatch, score: number) => void,
) => void;

/**
 * How a hit matched, from strongest to weakest: the exact code (national or with the local suffix),
 * the start of a code, the name (every query word is a word of the name, the last may be a word's
 * beginning), the field, the name with typos or abbreviations (see {@link SearchOptions.tolerance}), or nothing (an empty query lists every procedure that passes the filters).
 *
 * @example
 * ```ts
 * const how: SearchMatch = 'code';
 * ```
 */
export type SearchMatch = 'code' | 'code-prefix' | 'name' | 'field' | 'typo' | 'all';

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

/** One indexed procedure (internal to the catalogue room). */
export interface Entry {
  readonly procedure: Procedure;
  /** Folded name words joined by single spaces. */
  readonly name: string;
  /** The same with a space in front, to find a phrase at a word's start without building a string per search. */
  readonly spaced: string;
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

/** A search index's data (internal to the catalogue room: the typo pass reads it). */
export interface IndexData {
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

/** The words of a folded text. */
export function words(folded: string): string[] {
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
      spaced: ` ${nameList.join(' ')}`,
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
export function* withPrefix(sorted: readonly string[], prefix: string): Generator<string> {
  for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
    const key = sorted[i] as string;
    if (!key.startsWith(prefix)) return;
    yield key;
  }
}

/**
 * Scratch arrays reused from search to search (a search runs to its end before the next begins): a keystroke over
 * 5,000 procedures allocated about 100 kB of them, which the browser then had to collect between keystrokes.
 */
let scratchScores = new Float64Array(0);
let scratchMatched = new Int32Array(0);

/**
 * Positions of procedures whose words (from `map`) contain every query word, the last one possibly as a prefix, each
 * once, and how many of them (they come first) have the last word whole. Counts per position in a typed array
 * instead of building sets: a one-letter prefix reaches thousands.
 */
function candidates(
  count: number,
  map: ReadonlyMap<string, readonly number[]>,
  vocabulary: readonly string[],
  queryWords: readonly string[],
): { readonly found: number[]; readonly whole: number } {
  // How many of the query's words (in order) a position has shown so far.
  if (scratchMatched.length < count) scratchMatched = new Int32Array(count);
  const matched = scratchMatched.fill(0, 0, count);
  const exact = queryWords.length - 1;
  const last = queryWords[exact] as string;
  for (let w = 0; w < exact; w++) {
    for (const p of map.get(queryWords[w] as string) ?? []) if (matched[p] === w) matched[p] = w + 1;
  }
  const found: number[] = [];
  let whole = 0;
  // The vocabulary is sorted, so the last word itself, when it is a word, comes first.
  for (const key of withPrefix(vocabulary, last)) {
    for (const p of map.get(key) ?? []) {
      if (matched[p] === exact) {
        matched[p] = exact + 1;
        found.push(p);
      }
    }
    if (key === last) whole = found.length;
  }
  return { found, whole };
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

/** The private data of an index (or of the index built for a catalogue); for the catalogue room's own modules. */
export function dataOf(source: Catalogue | SearchIndex): IndexData {
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
  // Per position: the best score so far (−1: not a hit), and how it matched; `found` lists the hits.
  if (scratchScores.length < count) scratchScores = new Float64Array(count);
  const scores = scratchScores.fill(-1, 0, count);
  const matches: SearchMatch[] = [];
  const found: number[] = [];
  const add = (position: number, match: SearchMatch, score: number): void => {
    const previous = scores[position] as number;
    if (previous >= score || !passes(index.entries[position] as Entry, options, foldedField)) return;
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
      const spacedPhrase = ` ${phrase}`;
      const names = candidates(count, index.nameWords, index.nameVocabulary, queryWords);
      names.found.forEach((p, i) => {
        const entry = index.entries[p] as Entry;
        if (entry.name === phrase) {
          add(p, 'name', 2600);
          return;
        }
        let score = 2000 + (100 * queryWords.length) / entry.wordCount;
        // One word: every candidate has a word starting with it, so the phrase is there.
        if (queryWords.length === 1 || entry.spaced.includes(spacedPhrase)) score += 50;
        if (entry.name.startsWith(phrase)) score += 20;
        if (i < names.whole) score += 10; // has the last word whole
        add(p, 'name', score);
      });
      for (const p of candidates(count, index.fieldWords, index.fieldVocabulary, queryWords).found) {
        add(p, 'field', 1000);
      }
      // A code typed in part is no misspelled name.
      if (options.tolerance && !CODE_LIKE.test(folded)) options.tolerance(source, queryWords, add);
    }
  }
  // Ranking order: higher score first, then catalogue order.
  const byRank = (a: number, b: number): number => (scores[b] as number) - (scores[a] as number) || a - b;
  const hits = firstInOrder(found, limit, byRank).map(
    (position): SearchHit => ({
      procedure: (index.entries[position] as Entry).procedure,
      index: position,
      match: matches[position] as SearchMatch,
      score: scores[position] as number,
    }),
  );
  return { hits, total: found.length };
}

/**
 * The first `limit` items in `order`, in order, without sorting the others: a heap keeps the best ones seen, its root
 * the one that comes last among them, so each other item costs one comparison, or a sift when it displaces the root.
 */
function firstInOrder<T>(items: readonly T[], limit: number, order: (a: T, b: T) => number): T[] {
  if (items.length <= limit) return [...items].sort(order);
  const heap: T[] = [];
  /** Whether heap item `i` comes after heap item `j`. */
  const after = (i: number, j: number): boolean => order(heap[i] as T, heap[j] as T) > 0;
  const swap = (i: number, j: number): void => {
    [heap[i], heap[j]] = [heap[j] as T, heap[i] as T];
  };
  for (const item of items) {
    if (heap.length < limit) {
      // Sift up: a parent must come after its children.
      for (let i = heap.push(item) - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (after(parent, i)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (limit > 0 && order(item, heap[0] as T) < 0) {
      heap[0] = item;
      // Sift down: the child that comes last moves up while it comes after its parent.
      for (let i = 0; 2 * i + 1 < heap.length; ) {
        let child = 2 * i + 1;
        if (child + 1 < heap.length && after(child + 1, child)) child++;
        if (!after(child, i)) break;
        swap(i, child);
        i = child;
      }
    }
  }
  return heap.sort(order);
}
