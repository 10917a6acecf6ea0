import type { LocalizedText } from '../text/problem.js';
import { type CivilDate, civilFromDays, dayOfWeek, toEpochDay, weekdayOf } from './civil-date.js';

/**
 * The public holidays Vietnamese law has known since 1995, and `culture-day`: 24/11, Ngày Văn hóa
 * Việt Nam, a paid day off every year from 2026 (Resolution 28/2026/QH16, art. 2).
 *
 * @example
 * ```ts
 * const key: HolidayKey = 'hung-kings'; // Giỗ Tổ Hùng Vương, 10/3 âm lịch
 * ```
 */
export type HolidayKey =
  | 'new-year'
  | 'tet'
  | 'hung-kings'
  | 'reunification'
  | 'labour'
  | 'national-day'
  | 'culture-day';

/**
 * What a listed day is:
 * - `statutory`: a public holiday itself (it may fall on a weekend);
 * - `compensatory`: a working day taken off because a holiday fell on the weekly rest day (nghỉ bù);
 * - `bridge`: a working day off swapped with a Saturday worked (hoán đổi);
 * - `make-up-workday`: the Saturday (or Sunday) worked in exchange (ngày làm bù);
 * - `local`: a day a province, commune or user added (a day off or an extra working day).
 *
 * @example
 * ```ts
 * const kind: DayKind = 'make-up-workday'; // e.g. Saturday 2026-01-10
 * ```
 */
export type DayKind = 'statutory' | 'compensatory' | 'bridge' | 'make-up-workday' | 'local';

/**
 * Where a day comes from:
 * - `law`: the Labor Code (and its compensatory-day rule), or Resolution 28/2026/QH16 for 24/11;
 * - `decision`: an official yearly schedule (Prime Minister's decision conveyed by the Government Office);
 * - `heuristic`: a named rule standing in for a decision not yet made (the day is `provisional`);
 * - `pending-rule`: a policy not yet enacted (no built-in day has it since 24/11 became law);
 * - `local`: a day added by an overlay.
 *
 * @example
 * ```ts
 * const source: Provenance = { basis: 'decision', instrument: 'CV 8726/VPCP-KGVX', date: '2024-11-26' };
 * ```
 */
export interface Provenance {
  /** The kind of source. */
  readonly basis: 'law' | 'decision' | 'heuristic' | 'pending-rule' | 'local';
  /** The instrument's number or article, e.g. `CV 12729/VPCP-KGVX` or `Bộ luật Lao động 2019, điều 112`. */
  readonly instrument?: string;
  /** The date the instrument was signed, when known. */
  readonly date?: CivilDate;
  /** For `heuristic`: the heuristic's name, e.g. `tet-two-before-three-after`. */
  readonly heuristic?: string;
  /** Further references (press coverage, announcements). */
  readonly references?: readonly string[];
  /** For days that came from an overlay: the overlay's name. */
  readonly overlay?: string;
}

/**
 * One day that differs from the plain Monday–Friday week, or a public holiday that fell on a weekend.
 *
 * @example
 * ```ts
 * const day: CalendarDay = {
 *   date: '2026-01-10', kind: 'make-up-workday', working: true, provisional: false,
 *   name: { vi: 'Làm bù cho ngày nghỉ 02/01/2026', en: 'Make-up working day for 2026-01-02' },
 *   source: { basis: 'decision', instrument: 'CV 12729/VPCP-KGVX', date: '2025-12-25' },
 * };
 * ```
 */
export interface CalendarDay {
  /** The civil date. */
  readonly date: CivilDate;
  /** What kind of day it is. */
  readonly kind: DayKind;
  /** Whether the day counts as a working day in this calendar (civil servants work on it). */
  readonly working: boolean;
  /** The holiday it belongs to (for statutory and compensatory days, and bridges next to a holiday). */
  readonly holiday?: HolidayKey;
  /** Its name in Vietnamese and English. */
  readonly name: LocalizedText;
  /** `true` when a heuristic or pending rule stands in for an official decision. */
  readonly provisional: boolean;
  /** Where it comes from. */
  readonly source: Provenance;
}

/**
 * The Vietnamese and English names of the holidays.
 *
 * @example
 * ```ts
 * HOLIDAY_NAMES['national-day'].vi; // 'Quốc khánh'
 * ```
 */
export const HOLIDAY_NAMES: Readonly<Record<HolidayKey, LocalizedText>> = Object.freeze({
  'new-year': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
  'hung-kings': { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  reunification: { vi: 'Ngày Chiến thắng', en: 'Victory Day (Reunification Day)' },
  labour: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
  'national-day': { vi: 'Quốc khánh', en: 'National Day' },
  'culture-day': { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' },
});

/**
 * A Labor Code version and the holidays it grants, with the day it came into force.
 *
 * @example
 * ```ts
 * const era: LaborCodeEra = LABOR_CODE_ERAS[3]!; // Labor Code 2019, in force 2021-01-01
 * era.tetDays; // 5
 * ```
 */
export interface LaborCodeEra {
  /** First day in force. */
  readonly from: CivilDate;
  /** Last day in force (absent for the current code). */
  readonly to?: CivilDate;
  /** The holiday list's article. */
  readonly instrument: string;
  /** The compensatory-day (nghỉ bù) article. */
  readonly compensation: string;
  /** Days of Tết: 4 (last day of the lunar year + mùng 1–3) or 5 (days chosen each year). */
  readonly tetDays: 4 | 5;
  /** Whether Giỗ Tổ Hùng Vương (10/3 âm lịch) is a holiday. */
  readonly hungKings: boolean;
  /** Days of Quốc khánh: 1 (2/9) or 2 (2/9 plus 1/9 or 3/9). */
  readonly nationalDayDays: 1 | 2;
}

/**
 * The Labor Code holiday lists in force since 1995 (vietnam-one-stop-rules §1.2):
 * 8 days from 1995, 9 from 2/4/2007 (Giỗ Tổ), 10 from 1/5/2013 (Tết 5 days), 11 from 1/1/2021 (Quốc khánh 2 days).
 *
 * @example
 * ```ts
 * LABOR_CODE_ERAS.map((era) => era.from); // ['1995-01-01', '2007-04-02', '2013-05-01', '2021-01-01']
 * ```
 */
export const LABOR_CODE_ERAS: readonly LaborCodeEra[] = Object.freeze([
  {
    from: '1995-01-01',
    to: '2007-04-01',
    instrument: 'Bộ luật Lao động 1994, điều 73',
    compensation: 'Bộ luật Lao động 1994, điều 73',
    tetDays: 4,
    hungKings: false,
    nationalDayDays: 1,
  },
  {
    from: '2007-04-02',
    to: '2013-04-30',
    instrument: 'Bộ luật Lao động 1994, điều 73 (sửa đổi bởi Luật 84/2007/QH11)',
    compensation: 'Bộ luật Lao động 1994, điều 73',
    tetDays: 4,
    hungKings: true,
    nationalDayDays: 1,
  },
  {
    from: '2013-05-01',
    to: '2020-12-31',
    instrument: 'Bộ luật Lao động 2012 (10/2012/QH13), điều 115',
    compensation: 'Bộ luật Lao động 2012 (10/2012/QH13), điều 115(3)',
    tetDays: 5,
    hungKings: true,
    nationalDayDays: 1,
  },
  {
    from: '2021-01-01',
    instrument: 'Bộ luật Lao động 2019 (45/2019/QH14), điều 112(1)',
    compensation: 'Bộ luật Lao động 2019 (45/2019/QH14), điều 111(3)',
    tetDays: 5,
    hungKings: true,
    nationalDayDays: 2,
  },
] satisfies LaborCodeEra[]);

/**
 * The Labor Code era in force on `date` (dates before 1995 get the 1994 code, which is the
 * earliest this library models).
 *
 * @example
 * ```ts
 * laborCodeEraOn('2007-04-26').hungKings; // true: Giỗ Tổ 2007 came after Law 84/2007
 * laborCodeEraOn('2013-02-10').tetDays;   // 4: Tết 2013 fell before the 2012 code took effect
 * ```
 */
export function laborCodeEraOn(date: CivilDate): LaborCodeEra {
  for (let i = LABOR_CODE_ERAS.length - 1; i > 0; i--) {
    const era = LABOR_CODE_ERAS[i] as LaborCodeEra;
    if (date >= era.from) return era;
  }
  return LABOR_CODE_ERAS[0] as LaborCodeEra;
}

/**
 * Where the holiday rules read lunar dates from. `lunarNewYear` and `lunarToSolar` from this
 * package fit it; tests or other calendars may pass their own.
 *
 * @example
 * ```ts
 * const table: HolidayLunarSource = {
 *   lunarNewYear: (year) => ({ 2026: '2026-02-17' })[year]!,
 *   lunarToSolar: ({ year }) => ({ 2026: '2026-04-26' })[year]!, // only asked for 10/3
 * };
 * ```
 */
export interface HolidayLunarSource {
  /** The civil date of mùng 1 Tết of lunar year `year`. */
  lunarNewYear(year: number): CivilDate;
  /** The civil date of a lunar date (asked only for 10/3, Giỗ Tổ). */
  lunarToSolar(lunar: { readonly year: number; readonly month: number; readonly day: number }): CivilDate;
}

/**
 * The name of the heuristic that picks the five Tết days when no decision is known: the two days
 * before mùng 1 and mùng 1–3 (one of the two patterns of Decree 45/2013). With the compensatory-day
 * rule it reproduces every official Tết window of 2015–2026, but not always the statutory days inside it
 * (2026: Monday 16/2 to Friday 20/2, TB 9441/TB-BNV), which the built-in schedules state where known. Before 1/5/2013 the law itself fixed
 * four days: the last day of the lunar year and mùng 1–3.
 *
 * @example
 * ```ts
 * TET_HEURISTIC; // 'tet-two-before-three-after'
 * ```
 */
export const TET_HEURISTIC = 'tet-two-before-three-after';

/**
 * The name of the heuristic that picks Quốc khánh's adjacent day (from 2021) when no decision is
 * known: 3/9 when 2/9 is a Monday or a Thursday, otherwise 1/9. It reproduces every decision of 2021–2026.
 *
 * @example
 * ```ts
 * NATIONAL_DAY_HEURISTIC; // 'national-day-1-9-unless-monday-or-thursday'
 * ```
 */
export const NATIONAL_DAY_HEURISTIC = 'national-day-1-9-unless-monday-or-thursday';

/**
 * The statutory Tết days of the lunar year that starts in `year`, by the law in force on mùng 1:
 * four days (last day of the year + mùng 1–3) before 1/5/2013, otherwise the five days of
 * {@link TET_HEURISTIC}.
 *
 * @example
 * ```ts
 * tetDays('2026-02-17'); // ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19']
 * tetDays('2010-02-14'); // ['2010-02-13', '2010-02-14', '2010-02-15', '2010-02-16']
 * ```
 *
 * @param newYear the civil date of mùng 1 Tết.
 */
export function tetDays(newYear: CivilDate): CivilDate[] {
  const first = toEpochDay(newYear);
  const start = laborCodeEraOn(newYear).tetDays === 4 ? first - 1 : first - 2;
  const count = laborCodeEraOn(newYear).tetDays;
  return Array.from({ length: count }, (_, i) => civilFromDays(start + i));
}

/**
 * Quốc khánh's adjacent day for `year` by {@link NATIONAL_DAY_HEURISTIC} (meaningful from 2021).
 *
 * @example
 * ```ts
 * nationalDayAdjacent(2027); // '2027-09-03': 2/9/2027 is a Thursday
 * nationalDayAdjacent(2028); // '2028-09-01'
 * ```
 */
export function nationalDayAdjacent(year: number): CivilDate {
  const weekday = dayOfWeek(`${year}-09-02`);
  return weekday === 1 || weekday === 4 ? `${year}-09-03` : `${year}-09-01`;
}

/**
 * Moves each holiday that falls on the weekly rest day (Saturday or Sunday) to the next weekday
 * that is not already a day off, in date order (Labor Code 2019 art. 111(3); the earlier codes
 * say the same). Stacked weekends stack up: Giỗ Tổ on Sat 29/4/2023 and 30/4 on Sunday give
 * Tue 2/5 and Wed 3/5, because Mon 1/5 is itself a holiday.
 *
 * @param holidays epoch days of the holidays to compensate, any order.
 * @param isOff whether an epoch day is already a day off (holidays, bridges, earlier compensatory days).
 * @returns for each weekend holiday, in date order, `[holiday, compensatory day]` as epoch days.
 * @example
 * ```ts
 * const days = ['2023-04-29', '2023-04-30', '2023-05-01'].map(toEpochDay);
 * compensatoryDays(days, (d) => days.includes(d)).map(([, c]) => fromEpochDay(c));
 * // ['2023-05-02', '2023-05-03']
 * ```
 */
export function compensatoryDays(
  holidays: readonly number[],
  isOff: (epochDay: number) => boolean,
): [number, number][] {
  const taken = new Set<number>();
  const out: [number, number][] = [];
  for (const day of [...holidays].sort((a, b) => a - b)) {
    // Saturday (6) and Sunday (0) are the weekdays divisible by 6.
    if (weekdayOf(day) % 6) continue;
    let next = day + 1;
    for (;;) {
      if (weekdayOf(next) % 6 && !isOff(next) && !taken.has(next)) break;
      next++;
    }
    taken.add(next);
    out.push([day, next]);
  }
  return out;
}
