import { MotcuaError, problem } from '../text/problem.js';

/** Regional and stylistic variants of reading numbers aloud in Vietnamese. */
export interface VietnameseNumberOptions {
  /** The word for a zero tens digit before a unit: `'linh'` (northern, default) or `'lẻ'` (southern): 105 "một trăm linh năm". */
  readonly zeroTens?: 'linh' | 'lẻ';
  /** A final 4 after "mươi": `'tư'` (default, "hai mươi tư") or `'bốn'` ("hai mươi bốn"). */
  readonly four?: 'tư' | 'bốn';
  /** The word for thousand: `'nghìn'` (northern, default) or `'ngàn'` (southern). */
  readonly thousand?: 'nghìn' | 'ngàn';
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function digit(d: number): string {
  return DIGITS[d] as string;
}

/** Reads 0–999; `full` forces "không trăm" (and "linh") inside a larger number. */
function readGroup(n: number, full: boolean, options: Required<VietnameseNumberOptions>): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0) {
      if (words.length > 0) words.push(options.zeroTens);
      words.push(digit(units));
    }
    return words;
  }
  if (tens === 1) words.push('mười');
  else words.push(digit(tens), 'mươi');
  if (units === 1) words.push(tens === 1 ? 'một' : 'mốt');
  else if (units === 4) words.push(tens === 1 ? 'bốn' : options.four);
  else if (units === 5) words.push('lăm');
  else if (units > 0) words.push(digit(units));
  return words;
}

/**
 * Reads a whole number in Vietnamese words, for announcements and speech: 21 "hai mươi mốt",
 * 15 "mười lăm", 105 "một trăm linh năm", 24 "hai mươi tư", 1005 "một nghìn không trăm linh năm".
 * Regional variants (linh/lẻ, tư/bốn, nghìn/ngàn) are options. Accepts 0 to 999 999 999 999.
 *
 * @example
 * ```ts
 * numberToVietnameseWords(105);                          // 'một trăm linh năm'
 * numberToVietnameseWords(105, { zeroTens: 'lẻ' });      // 'một trăm lẻ năm'
 * numberToVietnameseWords(24, { four: 'bốn' });          // 'hai mươi bốn'
 * numberToVietnameseWords(2026, { thousand: 'ngàn' });   // 'hai ngàn không trăm hai mươi sáu'
 * ```
 */
export function numberToVietnameseWords(n: number, options: VietnameseNumberOptions = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999_999) {
    throw new MotcuaError([
      problem([], 'invalid-number', {
        vi: `Chỉ đọc được số nguyên từ 0 đến 999 999 999 999, nhận được ${n}`,
        en: `Only whole numbers from 0 to 999,999,999,999 can be read; got ${n}`,
      }),
    ]);
  }
  if (n === 0) return digit(0);
  const resolved: Required<VietnameseNumberOptions> = {
    zeroTens: options.zeroTens ?? 'linh',
    four: options.four ?? 'tư',
    thousand: options.thousand ?? 'nghìn',
  };
  const scales = ['', resolved.thousand, 'triệu', 'tỷ'];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] as number;
    if (group === 0) continue;
    words.push(...readGroup(group, words.length > 0, resolved));
    if (i > 0) words.push(scales[i] as string);
  }
  return words.join(' ');
}
