import { type LocalizedText, MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import { buildCalendarDays, resolveOverlays } from './calendar-days.js';
import { type CalendarOverlay, WORKING_DAY_YEARS, yearProblem } from './calendar-overlay.js';
import {
  type CivilDate,
  civilDateOf,
  civilFromDays,
  daysFromCivil,
  parseCivilDate,
  toEpochDay,
  weekdayOf,
} from './civil-date.js';
import type { CalendarDay, HolidayLunarSource } from './holiday-rules.js';
import type { YearSchedule } from './schedules.js';

/**
 * Thrown when a date, a year or a result falls outside the years a calendar covers (by default
 * 1995–2100). It is a `MotcuaError` whose problem has the code `outside-calendar`.
 *
 * @example
 * ```ts
 * try {
 *   cal.isWorkingDay('1990-01-02');
 * } catch (error) {
 *   if (error instanceof CalendarRangeError) console.log(error.problems[0]?.message.en);
 *   // '1990-01-02 is outside the years this calendar covers (1995–2100)'
 * }
 * ```
 */
export class CalendarRangeError extends MotcuaError {
  /**
   * @param path where the offending value sits.
   * @param what the offending date or result, in both languages.
   */
  constructor(path: ProblemPath, what: LocalizedText, first: number, last: number) {
    super([
      problem(path, 'outside-calendar', {
        vi: `${what.vi} nằm ngoài các năm lịch này hỗ trợ (${first}–${last})`,
        en: `${what.en} is outside the years this calendar covers (${first}–${last})`,
      }),
    ]);
    this.name = 'CalendarRangeError';
  }
}

/**
 * How to build a {@link WorkingDayCalendar}.
 *
 * @example
 * ```ts
 * import { lunarNewYear, lunarToSolar } from '@motcua/core';
 * const options: WorkingDayCalendarOptions = {
 *   lunar: { lunarNewYear, lunarToSolar },
 *   years: { first: 2015, last: 2035 },
 *   overlays: [{ name: 'UBND xã Ví Dụ', rules: { cultureDayCompensation: true } }],
 * };
 * ```
 */
export interface WorkingDayCalendarOptions {
  /** Where Tết and Giỗ Tổ dates come from. */
  readonly lunar: HolidayLunarSource;
  /**
   * Overlays applied in order (national updates first, then province, commune, user), as typed
   * values. JSON read from a file or the network goes through `parseCalendarOverlay` first.
   */
  readonly overlays?: readonly CalendarOverlay[];
  /** A narrower range of years than 1995–2100 (a smaller, faster index). */
  readonly years?: { readonly first?: number; readonly last?: number };
}

/**
 * A date the working-day calendar accepts: `'YYYY-MM-DD'`, or a `Date` read as a civil date in
 * Asia/Ho_Chi_Minh (whatever the host's time zone).
 *
 * @example
 * ```ts
 * const a: CalendarDateInput = '2026-01-10';
 * const b: CalendarDateInput = new Date('2026-01-09T17:30:00Z'); // 2026-01-10 in Hà Nội
 * ```
 */
export type CalendarDateInput = CivilDate | Date;

/** The fields of an overlay that hold civil dates (or arrays of them). */
const DATE_FIELDS = ['date', 'from', 'to', 'days', 'adjacent', 'dayOff', 'workday'];

/** Collects a problem for every impossible or malformed civil date in an overlay's date fields. */
function checkDates(value: unknown, path: ProblemPath, problems: Problem[], isDate: boolean): void {
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const array = Array.isArray(value);
      checkDates(item, [...path, array ? Number(key) : key], problems, array ? isDate : DATE_FIELDS.includes(key));
    }
  } else if (isDate) {
    try {
      parseCivilDate(value, path);
    } catch (error) {
      problems.push(...(error as MotcuaError).problems);
    }
  }
}

/**
 * The working days of Vietnamese civil servants (CBCCVC): Monday to Friday, minus public holidays,
 * compensatory days and swapped days off, plus make-up Saturdays and any local days. Build it once
 * (see `vietnamCalendar`); every query is then O(1) on a per-day index.
 *
 * Counting follows Civil Code art. 147: the day a period starts from is not counted.
 * - `addWorkingDays(d, n)` for `n > 0` is the n-th working day after `d`; for `n < 0` the |n|-th
 *   working day before `d`; for `n = 0`, `d` itself if it is a working day, else the next one.
 * - `workingDaysBetween(a, b)` counts the working days in (a, b] when `b ≥ a`, and is minus the
 *   working days in [b, a) when `b < a`, so `workingDaysBetween(d, addWorkingDays(d, n)) === n`
 *   for every `n ≠ 0`.
 *
 * @example
 * ```ts
 * const cal = vietnamCalendar();
 * cal.isWorkingDay('2026-01-10');                      // true (make-up Saturday)
 * cal.addWorkingDays('2026-02-13', 1);                 // '2026-02-23' (after Tết)
 * cal.workingDaysBetween('2026-02-13', '2026-02-23');  // 1
 * cal.holidays(2026).filter((d) => !d.working).length; // days listed off in 2026
 * ```
 */
export class WorkingDayCalendar {
  /** The years covered. */
  readonly years: { readonly first: number; readonly last: number };
  readonly #base: number;
  readonly #working: Uint8Array;
  /** `#rank[i]`: working days in [first day, day i]. */
  readonly #rank: Int32Array;
  /** `#list[k]`: the day index of the k-th working day. */
  readonly #list: Int32Array;
  readonly #text: (CivilDate | undefined)[];
  /** The day index of each civil date read so far (the inverse of `#text`). */
  readonly #indexOf = new Map<CivilDate, number>();
  readonly #byYear = new Map<number, readonly CalendarDay[]>();
  readonly #schedules: ReadonlyMap<number, YearSchedule>;

  /**
   * Builds the index. Prefer `vietnamCalendar(…)`, which supplies the lunar calendar.
   *
   * @example
   * ```ts
   * const cal = new WorkingDayCalendar({ lunar: { lunarNewYear, lunarToSolar } });
   * ```
   */
  constructor(options: WorkingDayCalendarOptions) {
    const first = options.years?.first ?? WORKING_DAY_YEARS.first;
    const last = options.years?.last ?? WORKING_DAY_YEARS.last;
    const problems: Problem[] = [];
    const add = (found: Problem | undefined): void => {
      if (found) problems.push(found);
    };
    add(yearProblem(first, ['years', 'first']));
    add(yearProblem(last, ['years', 'last']));
    if (problems.length === 0 && first > last) {
      add(
        problem(['years'], 'invalid-range', {
          vi: `Năm đầu ${first} đứng sau năm cuối ${last}`,
          en: `The first year ${first} comes after the last year ${last}`,
        }),
      );
    }
    const overlays = options.overlays ?? [];
    // Typed overlays are trusted in shape (JSON goes through parseCalendarOverlay first); only the
    // cheap checks that would otherwise end in an error without a path are made here.
    overlays.forEach((overlay, i) => {
      overlay.schedules?.forEach((s, j) => {
        add(yearProblem(s.year, ['overlays', i, 'schedules', j, 'year']));
      });
      checkDates(overlay, ['overlays', i], problems, false);
    });
    if (problems.length > 0) throw new MotcuaError(problems);
    this.years = Object.freeze({ first, last });
    const resolved = resolveOverlays(overlays);
    const schedules = new Map<number, YearSchedule>();
    for (const [year, r] of resolved.schedules) if (year >= first && year <= last) schedules.set(year, r.schedule);
    this.#schedules = schedules;
    const days = buildCalendarDays(first, last, options.lunar, resolved);

    const base = daysFromCivil(first, 1, 1);
    const size = daysFromCivil(last + 1, 1, 1) - base;
    this.#base = base;

    const working = new Uint8Array(size);
    // 1970-01-01 was a Thursday; Monday–Friday work by default.
    for (let i = 0; i < size; i++) {
      working[i] = weekdayOf(base + i) % 6 ? 1 : 0; // Sunday (0) and Saturday (6) are off
    }
    // National days first (days off, then make-up days), local days last: the last word wins.
    for (const pass of [0, 1, 2] as const) {
      for (const day of days) {
        const inPass = day.kind === 'local' ? 2 : day.working ? 1 : 0;
        if (inPass === pass) working[toEpochDay(day.date) - base] = day.working ? 1 : 0;
      }
    }
    const rank = new Int32Array(size);
    let count = 0;
    for (let i = 0; i < size; i++) {
      count += working[i] as number;
      rank[i] = count;
    }
    const list = new Int32Array(count);
    for (let i = 0, k = 0; i < size; i++) if (working[i]) list[k++] = i;
    this.#working = working;
    this.#rank = rank;
    this.#list = list;
    this.#text = new Array<CivilDate | undefined>(size);

    for (const day of days) {
      const year = Number(day.date.slice(0, 4));
      const list = this.#byYear.get(year) as CalendarDay[] | undefined;
      if (list) list.push(day);
      else this.#byYear.set(year, [day]);
    }
    for (const list of this.#byYear.values()) Object.freeze(list);
  }

  /** The day index of a date; throws for bad or out-of-range input. Dates already read are looked up. */
  #index(date: CalendarDateInput, path: ProblemPath): number {
    let index = this.#indexOf.get(date as CivilDate);
    if (index !== undefined) return index;
    const civil = date instanceof Date ? civilDateOf(date) : parseCivilDate(date, path);
    index = toEpochDay(civil) - this.#base;
    if (index < 0 || index >= this.#working.length) {
      throw new CalendarRangeError(path, { vi: civil, en: civil }, this.years.first, this.years.last);
    }
    // Only dates inside the calendar's years are kept, so the map never outgrows them.
    if (civil === date) this.#indexOf.set(civil, index);
    return index;
  }

  #date(index: number): CivilDate {
    let text = this.#text[index];
    if (text === undefined) {
      text = civilFromDays(this.#base + index);
      this.#text[index] = text;
    }
    return text;
  }

  /** The `n`-th working day from day `i` (see {@link WorkingDayCalendar.addWorkingDays}). */
  #add(i: number, n: number, path: ProblemPath): CivilDate {
    const rank = this.#rank[i] as number;
    const index = this.#list[n > 0 ? rank + n - 1 : rank - (this.#working[i] as number) + n];
    if (index === undefined) {
      const what = `${this.#date(i)} ${n < 0 ? '−' : '+'} ${Math.abs(n)}`;
      throw new CalendarRangeError(
        path,
        { vi: `${what} ngày làm việc`, en: `${what} working day(s)` },
        this.years.first,
        this.years.last,
      );
    }
    return this.#date(index);
  }

  /**
   * Whether civil servants work on `date`.
   *
   * @example
   * ```ts
   * cal.isWorkingDay('2026-01-10'); // true: Saturday worked in exchange for Friday 2/1
   * cal.isWorkingDay('2026-01-02'); // false: bridge day
   * ```
   */
  isWorkingDay(date: CalendarDateInput): boolean {
    return this.#working[this.#index(date, ['date'])] === 1;
  }

  /**
   * The date `n` working days after `date` (before it when `n` is negative); the start day is not
   * counted (Civil Code art. 147). With `n = 0`: `date` if it is a working day, else the next one.
   *
   * @throws MotcuaError when `n` is not an integer; {@link CalendarRangeError} when the date or the
   * result is outside the calendar's years.
   * @example
   * ```ts
   * cal.addWorkingDays('2026-02-13', 1);  // '2026-02-23': Tết 16–20/2 and the weekends are skipped
   * cal.addWorkingDays('2026-02-23', -1); // '2026-02-13'
   * cal.addWorkingDays('2026-02-14', 0);  // '2026-02-23'
   * ```
   */
  addWorkingDays(date: CalendarDateInput, n: number): CivilDate {
    const i = this.#index(date, ['date']);
    if (!Number.isSafeInteger(n)) {
      throw new MotcuaError([
        problem(['n'], 'invalid-count', {
          vi: `Số ngày làm việc phải là số nguyên, nhận được ${String(n)}`,
          en: `The number of working days must be an integer; got ${String(n)}`,
        }),
      ]);
    }
    return this.#add(i, n, ['n']);
  }

  /**
   * The working days from `from` to `to`: those in (from, to] when `to ≥ from`; minus those in
   * [to, from) when `to < from`. The inverse of {@link WorkingDayCalendar.addWorkingDays}.
   *
   * @example
   * ```ts
   * cal.workingDaysBetween('2026-02-13', '2026-02-23'); // 1
   * cal.workingDaysBetween('2026-02-23', '2026-02-13'); // -1
   * ```
   */
  workingDaysBetween(from: CalendarDateInput, to: CalendarDateInput): number {
    const a = this.#index(from, ['from']);
    const b = this.#index(to, ['to']);
    const rank = this.#rank;
    const working = this.#working;
    if (b >= a) return (rank[b] as number) - (rank[a] as number);
    return (rank[b] as number) - (working[b] as number) - ((rank[a] as number) - (working[a] as number));
  }

  /**
   * The first working day strictly after `date`.
   *
   * @example
   * ```ts
   * cal.nextWorkingDay('2025-04-29'); // '2025-05-05': 30/4, 1/5, bridge 2/5 and the weekend are off
   * ```
   */
  nextWorkingDay(date: CalendarDateInput): CivilDate {
    return this.#add(this.#index(date, ['date']), 1, ['date']);
  }

  /**
   * The last working day strictly before `date`.
   *
   * @example
   * ```ts
   * cal.previousWorkingDay('2026-02-23'); // '2026-02-13'
   * ```
   */
  previousWorkingDay(date: CalendarDateInput): CivilDate {
    return this.#add(this.#index(date, ['date']), -1, ['date']);
  }

  #checkYear(year: number): void {
    if (!Number.isInteger(year) || year < this.years.first || year > this.years.last) {
      throw new CalendarRangeError(
        ['year'],
        { vi: `Năm ${String(year)}`, en: `Year ${String(year)}` },
        this.years.first,
        this.years.last,
      );
    }
  }

  /**
   * The listed days of `year` in date order: public holidays (also those on a weekend),
   * compensatory days, bridge days, make-up working days and local days, each with its names,
   * kind, `provisional` flag and source.
   *
   * @example
   * ```ts
   * cal.holidays(2025).filter((d) => d.kind === 'make-up-workday').map((d) => d.date); // ['2025-04-26']
   * cal.holidays(2027).find((d) => d.holiday === 'tet')?.provisional;                // true (no decision yet)
   * ```
   */
  holidays(year: number): readonly CalendarDay[] {
    this.#checkYear(year);
    return this.#byYear.get(year) ?? [];
  }

  /**
   * The official schedule applied to `year` (built in or from an overlay), or `undefined` when the
   * year is rule-derived.
   *
   * @example
   * ```ts
   * cal.schedule(2025)?.sources[0]?.instrument; // 'CV 8726/VPCP-KGVX'
   * cal.schedule(2027);                         // undefined until an overlay adds it
   * ```
   */
  schedule(year: number): YearSchedule | undefined {
    this.#checkYear(year);
    return this.#schedules.get(year);
  }
}
