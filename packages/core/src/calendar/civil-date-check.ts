/**
 * Whether a text is a real civil date: the check alone, in a module of its own, so that what only validates dates (the
 * catalogue's schema, in the procedure list's validation) does not pull in the rest of the civil-date arithmetic.
 * `civil-date.ts` re-exports it.
 */
/**
 * A civil (calendar) date in Vietnam, written `YYYY-MM-DD` (ISO 8601), e.g. `'2026-09-02'`.
 * It names a day, not an instant, so it means the same day whatever the host's time zone.
 */
export type CivilDate = string;

/** `YYYY-MM-DD`. @internal */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The number of days of a month (1–12) of the proleptic Gregorian calendar.
 *
 * @internal
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Splits a valid civil date into numbers; `undefined` when the text is not a real date.
 *
 * @internal
 */
export function fields(value: string): [number, number, number] | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/**
 * Whether `value` is a real civil date written `YYYY-MM-DD` (years 0001–9999).
 *
 * @example
 * ```ts
 * isCivilDate('2024-02-29'); // true
 * isCivilDate('2025-02-29'); // false: 2025 is not a leap year
 * isCivilDate('2025-2-1');   // false: two digits for month and day
 * ```
 */
export function isCivilDate(value: unknown): value is CivilDate {
  return typeof value === 'string' && fields(value) !== undefined;
}
