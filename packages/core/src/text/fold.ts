const COMBINING_MARKS = /[\u0300-\u036f]/g;
const D_STROKE = /[đĐ]/g;
const SPACES = /\s+/g;

/**
 * Folds Vietnamese text for diacritic-insensitive matching: removes tone and vowel marks,
 * maps `đ` to `d`, lower-cases and collapses white space. Text typed without marks
 * (`"dang ky khai sinh"`) then matches the catalogue's `"Đăng ký khai sinh"`.
 *
 * Works on both precomposed (NFC) and decomposed (NFD) input.
 *
 * @example
 * ```ts
 * foldVietnamese('Đăng ký  KHAI SINH'); // 'dang ky khai sinh'
 * ```
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_STROKE, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}
