/**
 * Typo tolerance and abbreviations for the catalogue search: what a query word may stand for when it is not a word
 * of any procedure name (or, for the last word, the start of one). A module of its own, passed to the search as its
 * `tolerance`, so that pages load it only when they use it.
 */
import { foldVietnamese } from '../text/fold.js';
import {
  dataOf,
  type Entry,
  type IndexData,
  type SearchMatch,
  type SearchTolerance,
  withPrefix,
  words,
} from './search.js';

/**
 * The abbreviations of Vietnamese administrative language the search expands by default, folded (no diacritics,
 * lower case): `xd` → `xay dung`. Each one is what people write on forms, notices and in messages to the commune, and
 * expands to the words the current procedure names use. Kept small on purpose: only abbreviations with one meaning at
 * a commune's counter (`tt` is left out: tạm trú, thường trú, thông tin, thủ tục). Replace or extend them with the
 * `abbreviations` option of {@link typoTolerance} (or the procedure list's `abbreviations` property).
 *
 * @example
 * ```ts
 * typoTolerance({ abbreviations: { ...defaultAbbreviations, ttcn: 'thu tuc cong nhan' } });
 * ```
 */
export const defaultAbbreviations: Readonly<Record<string, string>> = {
  // Xây dựng: "GPXD" on construction permits and site boards; "xd" in "giấy phép xd".
  xd: 'xay dung',
  gpxd: 'giay phep xay dung',
  // Đất đai: "GCN QSDĐ" (giấy chứng nhận quyền sử dụng đất, the "sổ đỏ") in land notices and contracts.
  gcn: 'giay chung nhan',
  qsdd: 'quyen su dung dat',
  // "CCCD": the citizen identity card. Since the Law on Identification 2023 (26/2023/QH15, in force 1 July 2024) the
  // card is "thẻ căn cước" and procedure names drop "công dân": the expansion is the words both names share.
  cccd: 'can cuoc',
  // Hộ tịch: the shorthand of "khai sinh" and "kết hôn" in messages and notes.
  ks: 'khai sinh',
  kh: 'ket hon',
  // "HK" (hộ khẩu): the household book was abolished on 1 January 2023 (Law on Residence 2020, 68/2020/QH14, art. 38),
  // and "nhập hộ khẩu" is now đăng ký thường trú, which is what people who still say "hk" are looking for.
  hk: 'thuong tru',
};

/** Whether two letters count as the same: `i` and `y` are interchangeable in Vietnamese spelling (kí/ký). */
const same = (a: string | undefined, b: string | undefined): boolean =>
  a === b || (a === 'i' && b === 'y') || (a === 'y' && b === 'i');

/**
 * How many typos a pair of words may differ by: none below 4 letters, one from 4, two from 8, counted on the longer
 * word (so "snh" may stand for "sinh").
 */
export const allowedTypos = (a: string, b: string): number => {
  const n = Math.max(a.length, b.length);
  return n >= 8 ? 2 : n >= 4 ? 1 : 0;
};

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions, swaps of two
 * neighbours) between two words, or `max + 1` as soon as it exceeds `max`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + (same(a[i - 1], b[j - 1]) ? 0 : 1),
      );
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1])) {
        d = Math.min(d, (before[j - 2] as number) + 1);
      }
      row.push(d);
      if (d < best) best = d;
    }
    // Every later row is at least the smallest value of this one.
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[b.length] as number, max + 1);
}

/** Abbreviation tables with folded keys and values, per table given. */
const foldedTables = new WeakMap<object, ReadonlyMap<string, readonly string[]>>();

function foldedTable(table: Readonly<Record<string, string>>): ReadonlyMap<string, readonly string[]> {
  let folded = foldedTables.get(table);
  if (folded === undefined) {
    folded = new Map(
      Object.entries(table).map(([short, long]) => [foldVietnamese(short), words(foldVietnamese(long))]),
    );
    foldedTables.set(table, folded);
  }
  return folded;
}

/** Positions whose name has every one of `names` (ascending). */
function havingAll(index: IndexData, names: readonly string[]): readonly number[] {
  let found = index.nameWords.get(names[0] as string) ?? [];
  for (const word of names.slice(1)) {
    const next = new Set(index.nameWords.get(word));
    found = found.filter((p) => next.has(p));
  }
  return found;
}

/**
 * The second pass of a search: when a query word is no name word (the last: starts none) or is an abbreviation, each
 * word may stand for itself, a name word a typo or two away, or its expansion; every word must be matched. Scores
 * stay below 1000, under every exact name and field match.
 */
function tolerant(
  index: IndexData,
  queryWords: readonly string[],
  table: ReadonlyMap<string, readonly string[]>,
  add: (position: number, match: SearchMatch, score: number) => void,
): void {
  const last = queryWords.length - 1;
  const known = (word: string, t: number): boolean =>
    t < last ? index.nameWords.has(word) : !withPrefix(index.nameVocabulary, word).next().done;
  if (queryWords.every((word, t) => known(word, t) && !table.has(word))) return;
  // What each word may stand for, closest first: [name words it needs, typos].
  const terms = queryWords.map((word, t) => {
    const options: [readonly string[], number][] = [];
    if (t < last && index.nameWords.has(word)) options.push([[word], 0]);
    if (t === last) for (const key of withPrefix(index.nameVocabulary, word)) options.push([[key], 0]);
    const expansion = table.get(word);
    if (expansion !== undefined && expansion.length > 0) options.push([expansion, 0]);
    if (options.length === 0) {
      for (const candidate of index.nameVocabulary) {
        const max = allowedTypos(word, candidate);
        const typos = typoDistance(word, candidate, max);
        if (typos <= max) options.push([[candidate], typos]);
      }
      options.sort((a, b) => a[1] - b[1]);
    }
    return options;
  });
  if (terms.some((options) => options.length === 0)) return;
  const count = index.entries.length;
  const matched = new Int32Array(count);
  const distance = new Int32Array(count);
  const covered = new Int32Array(count);
  const found: number[] = [];
  terms.forEach((options, t) => {
    for (const [names, typos] of options) {
      for (const p of havingAll(index, names)) {
        if (matched[p] !== t) continue;
        matched[p] = t + 1;
        distance[p] = (distance[p] as number) + typos;
        covered[p] = (covered[p] as number) + names.length;
        if (t === last) found.push(p);
      }
    }
  });
  for (const p of found) {
    const share = Math.min(1, (covered[p] as number) / (index.entries[p] as Entry).wordCount);
    add(p, 'typo', Math.max(1, 800 + 100 * share - 50 * (distance[p] as number)));
  }
}

/**
 * The typo pass of the catalogue search, for its `tolerance` option: a query word that is no word of any procedure
 * name (the last: the start of none) may match a name word one typo away (two from 8 letters, none below 4; `i` and
 * `y` count as the same letter), and abbreviations are expanded (default {@link defaultAbbreviations}). Such hits
 * have the match kind `'typo'` and rank below every exact code, name and field match.
 *
 * @example
 * ```ts
 * searchProcedures(catalogue, 'khai snh', { tolerance: typoTolerance() })[0]?.procedure.code; // '1.001193'
 * ```
 */
export function typoTolerance(
  options: { readonly abbreviations?: Readonly<Record<string, string>> } = {},
): SearchTolerance {
  const table = foldedTable(options.abbreviations ?? defaultAbbreviations);
  return (index, queryWords, add) => tolerant(dataOf(index), queryWords, table, add);
}
