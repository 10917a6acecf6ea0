import type { Language } from '../internal/i18n.js';

/** Formats the dashboard's figures in the element's language: `98,94%`, `04/12/2026`, `12,5` in Vietnamese. */
export interface Formats {
  /** A number with at most `digits` decimals (default 1). */
  number(value: number, digits?: number): string;
  /** A share (0–1) as a percentage with two decimals; `signed` puts + before a gain. */
  percent(value: number, signed?: boolean): string;
  /** A number with its sign (`+3`, `−1,5`), 0 as `0`. */
  signed(value: number, digits?: number): string;
  /** A civil date `YYYY-MM-DD` as `dd/mm/yyyy`. */
  date(date: string): string;
  /** Hours and minutes of an instant in Vietnam. */
  time(ms: number): string;
}

/**
 * The formats of a language, through `Intl` (Vietnamese: decimal comma, `dd/mm/yyyy`; English: British order,
 * which keeps the day first).
 *
 * @example
 * ```ts
 * formatsFor('vi').percent(0.9894); // '98,94%'
 * ```
 */
export function formatsFor(language: Language): Formats {
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  const nf = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options);
  const dates = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const times = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
  return {
    number: (value, digits = 1) => nf({ maximumFractionDigits: digits }).format(value),
    percent: (value, signed = false) =>
      nf({
        style: 'percent',
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        ...(signed && { signDisplay: 'exceptZero' }),
      }).format(value),
    signed: (value, digits = 1) => nf({ maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value),
    date: (date) => dates.format(new Date(`${date}T00:00:00Z`)),
    time: (ms) => times.format(ms),
  };
}
