/**
 * Typo tolerance and abbreviations for the catalogue search: what a query word may stand for when it is not a word
 * of any procedure name (or, for the last word, the start of one).
 */

/**
 * The abbreviations of Vietnamese administrative language the search expands by default, folded (no diacritics,
 * lower case): `xd` → `xay dung`. Kept small on purpose: only abbreviations with one meaning at a commune's counter
 * (`tt` is left out: tạm trú, thường trú, thông tin, thủ tục). Replace or extend them with the `abbreviations`
 * option of `searchProcedures`.
 *
 * @example
 * ```ts
 * searchProcedures(catalogue, 'gcn qsdd', { abbreviations: { ...defaultAbbreviations, ttcn: 'thu tuc cong nhan' } });
 * ```
 */
export const defaultAbbreviations: Readonly<Record<string, string>> = {
  xd: 'xay dung',
  gpxd: 'giay phep xay dung',
  gcn: 'giay chung nhan',
  qsdd: 'quyen su dung dat',
  cccd: 'can cuoc cong dan',
  ks: 'khai sinh',
  kh: 'ket hon',
  hk: 'ho khau',
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
