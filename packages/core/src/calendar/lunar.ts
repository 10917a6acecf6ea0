import { MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import { type CivilDate, civilDateOf, fromEpochDay, toEpochDay } from './civil-date.js';
import { newMoonDay, newMoonNumberNear, sunSectorAtMidnight } from './lunar-astronomy.js';

/** Vietnam's lunar calendar is computed for UTC+7 (since 1967; earlier years are proleptic). */
const ZONE_HOURS = 7;
/** The first lunar year supported. */
const FIRST_YEAR = 1900;
/** The last lunar year supported (it ends in January 2101). */
const LAST_YEAR = 2100;

/**
 * A date in the Vietnamese lunar calendar (âm lịch).
 *
 * @example
 * ```ts
 * const gioTo: LunarDate = { year: 2026, month: 3, day: 10, leap: false }; // Giỗ Tổ Hùng Vương 2026
 * ```
 */
export interface LunarDate {
  /** The lunar year, numbered as the Gregorian year in which its Tết falls (1900–2100). */
  readonly year: number;
  /** The month, 1–12 (tháng Giêng = 1, tháng Chạp = 12). */
  readonly month: number;
  /** The day of the month, 1–29 or 1–30. */
  readonly day: number;
  /** Whether the month is the leap month (tháng nhuận) that repeats `month`. */
  readonly leap: boolean;
}

/**
 * A lunar date as given to {@link lunarToSolar}: `leap` may be left out for an ordinary month.
 *
 * @example
 * ```ts
 * const input: LunarDateInput = { year: 2025, month: 6, day: 1, leap: true }; // mùng 1 tháng 6 nhuận
 * ```
 */
export interface LunarDateInput {
  /** The lunar year (1900–2100). */
  readonly year: number;
  /** The month, 1–12. */
  readonly month: number;
  /** The day of the month, 1–30. */
  readonly day: number;
  /** `true` for the leap month; `false` or absent for the ordinary month. */
  readonly leap?: boolean;
}

/**
 * The supported lunar years. Solar dates from Tết 1900 (1900-01-31) to the eve of Tết 2101
 * (2101-01-28) convert; anything outside throws a `MotcuaError`.
 *
 * @example
 * ```ts
 * LUNAR_YEARS.first; // 1900
 * LUNAR_YEARS.last;  // 2100
 * ```
 */
export const LUNAR_YEARS: { readonly first: number; readonly last: number } = Object.freeze({
  first: FIRST_YEAR,
  last: LAST_YEAR,
});

/**
 * One lunar year: the epoch day on which each month starts, then the next year's Tết, and which
 * month (index into `starts`) is the leap month, -1 when there is none. Month `i` is numbered
 * `i + 1` before the leap month and `i` from it on.
 */
interface LunarYearTable {
  readonly starts: Int32Array;
  readonly leapIndex: number;
  /** The civil date of Tết, kept for pages that ask for it again and again. */
  readonly newYear: CivilDate;
}

/** The months from one month 11 (the month holding the winter solstice) to the next. */
interface SolsticeYear {
  /** Start days of each month, then of the next month 11: 13 entries, or 14 with a leap month. */
  readonly starts: readonly number[];
  /** Offset from month 11 of the leap month (the first month with no major solar term), or -1. */
  readonly leapOffset: number;
}

/** The number of the new moon that starts month 11 of Gregorian year `year` (holds its winter solstice). */
function month11NewMoon(year: number): number {
  const k = newMoonNumberNear(toEpochDay(`${String(year).padStart(4, '0')}-12-31`));
  // If that new moon's day starts past 270° of solar longitude, the solstice lies in the month before.
  return sunSectorAtMidnight(newMoonDay(k, ZONE_HOURS), ZONE_HOURS) >= 9 ? k - 1 : k;
}

const solsticeYears = new Map<number, SolsticeYear>();

/** The months from month 11 of Gregorian year `year - 1` to month 11 of `year`. */
function solsticeYear(year: number): SolsticeYear {
  const cached = solsticeYears.get(year);
  if (cached) return cached;
  const from = month11NewMoon(year - 1);
  const to = month11NewMoon(year);
  const starts: number[] = [];
  for (let k = from; k <= to; k++) starts.push(newMoonDay(k, ZONE_HOURS));
  let leapOffset = -1;
  if (to - from === 13) {
    let sector = sunSectorAtMidnight(starts[1] as number, ZONE_HOURS);
    for (let i = 1; i <= 12; i++) {
      const next = sunSectorAtMidnight(starts[i + 1] as number, ZONE_HOURS);
      if (next === sector) {
        leapOffset = i;
        break;
      }
      sector = next;
    }
  }
  const result: SolsticeYear = { starts, leapOffset };
  solsticeYears.set(year, result);
  return result;
}

/** Offset from month 11 of the first month of the lunar year (after month 12 and a leap 11 or 12). */
function firstMonthOffset(year: SolsticeYear): number {
  return year.leapOffset === 1 || year.leapOffset === 2 ? 3 : 2;
}

const yearTables: (LunarYearTable | undefined)[] = [];

/** The memoised table of lunar year `year` (FIRST_YEAR–LAST_YEAR; the caller checks). */
function yearTable(year: number): LunarYearTable {
  const cached = yearTables[year - FIRST_YEAR];
  if (cached) return cached;
  const current = solsticeYear(year);
  const following = solsticeYear(year + 1);
  const first = firstMonthOffset(current);
  const carried = firstMonthOffset(following);
  const starts = [...current.starts.slice(first, -1), ...following.starts.slice(0, carried + 1)];
  let leapIndex = -1;
  if (current.leapOffset >= first) leapIndex = current.leapOffset - first;
  else if (following.leapOffset >= 0 && following.leapOffset < carried) {
    leapIndex = current.starts.length - 1 - first + following.leapOffset;
  }
  const table: LunarYearTable = {
    starts: Int32Array.from(starts),
    leapIndex,
    newYear: fromEpochDay(starts[0] as number),
  };
  yearTables[year - FIRST_YEAR] = table;
  return table;
}

function outOfRange(path: ProblemPath, shown: string): Problem {
  return problem(path, 'lunar-out-of-range', {
    vi: `Âm lịch chỉ tính được cho các năm âm lịch ${FIRST_YEAR}–${LAST_YEAR} (dương lịch 1900-01-31 đến 2101-01-28), nhận được ${shown}`,
    en: `The lunar calendar covers lunar years ${FIRST_YEAR}–${LAST_YEAR} (1900-01-31 to 2101-01-28); got ${shown}`,
  });
}

function yearProblem(year: unknown, path: ProblemPath): Problem | undefined {
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    return problem(path, 'invalid-lunar-year', {
      vi: `Năm âm lịch phải là số nguyên, nhận được ${String(year)}`,
      en: `A lunar year must be an integer; got ${String(year)}`,
    });
  }
  if (year < FIRST_YEAR || year > LAST_YEAR) return outOfRange(path, String(year));
  return undefined;
}

function checkYear(year: number, path: ProblemPath): number {
  const found = yearProblem(year, path);
  if (found) throw new MotcuaError([found]);
  return year;
}

/** Index into the year's `starts` of (month, leap), or -1 when the year has no such month. */
function monthIndex(table: LunarYearTable, month: number, leap: boolean): number {
  const { leapIndex } = table;
  if (leap) return leapIndex >= 0 && leapIndex === month ? leapIndex : -1;
  return leapIndex >= 0 && month >= leapIndex + 1 ? month : month - 1;
}

function monthProblem(month: unknown, path: ProblemPath): Problem | undefined {
  if (typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= 12) return undefined;
  return problem(path, 'invalid-lunar-month', {
    vi: `Tháng âm lịch phải từ 1 đến 12, nhận được ${String(month)}`,
    en: `A lunar month must be 1–12; got ${String(month)}`,
  });
}

function checkMonth(month: number, path: ProblemPath): number {
  const found = monthProblem(month, path);
  if (found) throw new MotcuaError([found]);
  return month;
}

function noSuchLeapMonth(path: ProblemPath, year: number, month: number): MotcuaError {
  const actual = leapMonthOf(year);
  const has =
    actual === undefined
      ? { vi: 'không có tháng nhuận', en: 'has no leap month' }
      : {
          vi: `chỉ nhuận tháng ${actual}`,
          en: `has only a leap month ${actual}`,
        };
  return new MotcuaError([
    problem(path, 'no-such-leap-month', {
      vi: `Năm âm lịch ${year} không có tháng ${month} nhuận (năm này ${has.vi})`,
      en: `Lunar year ${year} has no leap month ${month} (it ${has.en})`,
    }),
  ]);
}

/**
 * Converts a civil date to the Vietnamese lunar calendar, computed for UTC+7 with Hồ Ngọc Đức's
 * astronomical method. The answer does not depend on the host's time zone; a `Date` is first read
 * as a civil date in `Asia/Ho_Chi_Minh`.
 *
 * Vietnam adopted a calendar computed for UTC+7 on 8/8/1967; before 1968 almanacs followed the
 * Chinese (UTC+8) dates, so results for earlier years are a proleptic UTC+7 computation (e.g. Tết
 * 1965 is 1 February here, 2 February in the almanacs of the time).
 *
 * Throws a `MotcuaError` for a malformed date or one outside 1900-01-31 … 2101-01-28.
 *
 * @example
 * ```ts
 * solarToLunar('2026-02-17'); // { year: 2026, month: 1, day: 1, leap: false } — Tết Bính Ngọ
 * solarToLunar('2030-02-02'); // { year: 2030, month: 1, day: 1, leap: false } — a day before China
 * solarToLunar('2025-07-25'); // { year: 2025, month: 6, day: 1, leap: true }  — tháng 6 nhuận
 * ```
 */
export function solarToLunar(date: CivilDate | Date): LunarDate {
  const civil = date instanceof Date ? civilDateOf(date) : date;
  const day = toEpochDay(civil);
  const gregorianYear = Number(civil.slice(0, 4));
  let year = Math.min(Math.max(gregorianYear, FIRST_YEAR), LAST_YEAR);
  let table = yearTable(year);
  if (day < (table.starts[0] as number)) {
    year -= 1;
    if (year < FIRST_YEAR) throw new MotcuaError([outOfRange([], civil)]);
    table = yearTable(year);
  }
  const { starts, leapIndex } = table;
  const months = starts.length - 1;
  if (day >= (starts[months] as number)) throw new MotcuaError([outOfRange([], civil)]);
  // Months last 29 or 30 days, so this guess is never past the month holding `day`.
  let index = Math.floor((day - (starts[0] as number)) / 30);
  while ((starts[index + 1] as number) <= day) index++;
  const leap = index === leapIndex;
  const month = leapIndex >= 0 && index >= leapIndex ? index : index + 1;
  return { year, month, day: day - (starts[index] as number) + 1, leap };
}

/**
 * Converts a Vietnamese lunar date (UTC+7) to a civil date. Throws a `MotcuaError` naming the
 * field for a date that does not exist: a month outside 1–12, a leap month the year does not
 * have, a 30th in a 29-day month, or a year outside 1900–2100.
 *
 * @example
 * ```ts
 * lunarToSolar({ year: 2026, month: 3, day: 10 });             // '2026-04-26' — Giỗ Tổ Hùng Vương
 * lunarToSolar({ year: 2025, month: 6, day: 1, leap: true });  // '2025-07-25'
 * lunarToSolar({ year: 2026, month: 12, day: 30 });            // throws: tháng Chạp 2026 has 29 days
 * ```
 */
export function lunarToSolar(lunar: LunarDateInput): CivilDate {
  if (typeof lunar !== 'object' || lunar === null) {
    throw new MotcuaError([
      problem([], 'invalid-lunar-date', {
        vi: 'Ngày âm lịch phải là đối tượng { year, month, day, leap? }',
        en: 'A lunar date must be an object { year, month, day, leap? }',
      }),
    ]);
  }
  const problems: Problem[] = [];
  const yearFound = yearProblem(lunar.year, ['year']);
  if (yearFound) problems.push(yearFound);
  const monthFound = monthProblem(lunar.month, ['month']);
  if (monthFound) problems.push(monthFound);
  const { day } = lunar;
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 30) {
    problems.push(
      problem(['day'], 'invalid-lunar-day', {
        vi: `Ngày âm lịch phải từ 1 đến 30, nhận được ${String(day)}`,
        en: `A lunar day must be 1–30; got ${String(day)}`,
      }),
    );
  }
  if (lunar.leap !== undefined && typeof lunar.leap !== 'boolean') {
    problems.push(
      problem(['leap'], 'invalid-lunar-leap', {
        vi: `"leap" phải là true hoặc false, nhận được ${String(lunar.leap)}`,
        en: `"leap" must be true or false; got ${String(lunar.leap)}`,
      }),
    );
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  const leap = lunar.leap === true;
  const table = yearTable(lunar.year);
  const index = monthIndex(table, lunar.month, leap);
  if (index < 0) throw noSuchLeapMonth(['leap'], lunar.year, lunar.month);
  const start = table.starts[index] as number;
  const length = (table.starts[index + 1] as number) - start;
  if (day > length) {
    const name = `${lunar.month}${leap ? ' nhuận' : ''}/${lunar.year}`;
    const nameEn = `${leap ? 'leap ' : ''}month ${lunar.month} of ${lunar.year}`;
    throw new MotcuaError([
      problem(['day'], 'no-such-lunar-day', {
        vi: `Tháng ${name} âm lịch chỉ có ${length} ngày, không có ngày ${day}`,
        en: `Lunar ${nameEn} has ${length} days; there is no day ${day}`,
      }),
    ]);
  }
  return fromEpochDay(start + day - 1);
}

/**
 * The number of days (29 or 30) of a lunar month. Throws a `MotcuaError` for a month that does
 * not exist (e.g. a leap month the year does not have).
 *
 * @param leap `true` for the leap month of that number.
 * @example
 * ```ts
 * lunarMonthLength(2026, 12);      // 29 — so Giao thừa 2026 is on the 29th
 * lunarMonthLength(2025, 6, true); // 29
 * ```
 */
export function lunarMonthLength(year: number, month: number, leap = false): 29 | 30 {
  const table = yearTable(checkYear(year, ['year']));
  const index = monthIndex(table, checkMonth(month, ['month']), leap);
  if (index < 0) throw noSuchLeapMonth(['leap'], year, month);
  return (table.starts[index + 1] as number) - (table.starts[index] as number) === 30 ? 30 : 29;
}

/**
 * The leap month (tháng nhuận) of a lunar year, or `undefined` when the year has 12 months.
 *
 * @example
 * ```ts
 * leapMonthOf(2025); // 6 — the year has a 6th month and a leap 6th month
 * leapMonthOf(2026); // undefined
 * ```
 */
export function leapMonthOf(year: number): number | undefined {
  const { leapIndex } = yearTable(checkYear(year, ['year']));
  return leapIndex >= 0 ? leapIndex : undefined;
}

/**
 * The civil date of Tết Nguyên Đán (1st day of the 1st lunar month) of a lunar year. Computed once
 * per year and then remembered.
 *
 * @example
 * ```ts
 * lunarNewYear(2026); // '2026-02-17'
 * lunarNewYear(1985); // '1985-01-21' — China's New Year fell on 1985-02-20
 * ```
 */
export function lunarNewYear(year: number): CivilDate {
  return yearTable(checkYear(year, ['year'])).newYear;
}
