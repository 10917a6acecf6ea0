import { type LocalizedText, type Problem, type ProblemPath, problem } from '../text/problem.js';
import type { CivilDate } from './civil-date.js';
import type { YearSchedule } from './schedules.js';

/**
 * The first and last years any working-day calendar covers.
 *
 * @example
 * ```ts
 * WORKING_DAY_YEARS; // { first: 1995, last: 2100 }
 * ```
 */
export const WORKING_DAY_YEARS: { readonly first: number; readonly last: number } = Object.freeze({
  first: 1995,
  last: 2100,
});

/**
 * A day a province, commune or user adds: a local day off (`working: false`) or an extra working
 * day such as a Saturday-morning session (`working: true`). It overrides whatever the national
 * calendar says about that date.
 *
 * @example
 * ```ts
 * const day: LocalDay = {
 *   date: '2026-11-28', working: true,
 *   name: { vi: 'Tiếp nhận hồ sơ sáng thứ Bảy', en: 'Saturday-morning session' },
 * };
 * ```
 */
export interface LocalDay {
  /** The civil date. */
  readonly date: CivilDate;
  /** `true` for an extra working day, `false` for a day off. */
  readonly working: boolean;
  /** Its name in Vietnamese and English. */
  readonly name: LocalizedText;
  /** The local instrument, e.g. `QĐ 12/2026/QĐ-UBND`. */
  readonly instrument?: string;
}

/**
 * Rules that can be switched on or off.
 *
 * @example
 * ```ts
 * const rules: CalendarRules = { cultureDayCompensation: false }; // a 24/11 on a weekend brings no weekday off
 * const later: CalendarRules = { cultureDay: { fromYear: 2027 } };  // a local calendar that deviates from the law
 * ```
 */
export interface CalendarRules {
  /**
   * 24/11, Ngày Văn hóa Việt Nam, is a day off every year from 2026 (Resolution 28/2026/QH16, art. 2, in force
   * 1/7/2026) and built in. `true` changes nothing any more (the calendar reports it once in `warnings`); `false`
   * leaves 24/11 a working day and `{ fromYear }` starts it in another year, for a calendar that is not the civil
   * servants' one.
   */
  readonly cultureDay?: boolean | { readonly fromYear: number };
  /**
   * Whether a 24/11 that falls on Saturday or Sunday (first: Saturday 24/11/2029) brings a compensatory weekday off.
   * The resolution does not say; the default `true` follows the practice of Labor Code 2019 art. 111(3) for the
   * other holidays, and those compensatory days are flagged `provisional`. `false`: no compensatory day.
   */
  readonly cultureDayCompensation?: boolean;
  /**
   * Whether the built-in official schedules (2015–2026) apply (default `true`). Switch off for a
   * purely rule-derived calendar, e.g. for an enterprise that does not swap days.
   */
  readonly officialSchedules?: boolean;
  /**
   * Whether make-up weekend days (ngày làm bù) count as working days (default `true`). Whether they
   * count for procedure deadlines is not settled anywhere found; switch off to keep them as rest days
   * for counting while the swapped weekday stays off.
   */
  readonly makeUpWorkdays?: boolean;
}

/**
 * A layer of changes on the national calendar, as JSON-serialisable data: a province's or
 * commune's own decisions, or an official schedule published after this release. Written in code
 * it is passed to `vietnamCalendar({ overlays })` as is; read from JSON it goes through
 * `parseCalendarOverlay` first.
 *
 * @example
 * ```ts
 * const commune: CalendarOverlay = {
 *   name: 'UBND xã Ví Dụ',
 *   rules: { cultureDayCompensation: true },
 *   schedules: [{ year: 2027, sources: [{ instrument: 'CV …/VPCP-KGVX' }], tet: { from: '2027-02-04', to: '2027-02-10' } }],
 *   localDays: [{ date: '2026-11-28', working: true, name: { vi: 'Làm việc sáng thứ Bảy', en: 'Saturday session' } }],
 * };
 * ```
 */
export interface CalendarOverlay {
  /** Who decided it, shown as the provenance of its days. */
  readonly name: string;
  /** Yearly schedules to add, or to replace the built-in schedule of the same year. */
  readonly schedules?: readonly YearSchedule[];
  /** Rules switched on or off. */
  readonly rules?: CalendarRules;
  /** Local days off and extra working days. */
  readonly localDays?: readonly LocalDay[];
}

/** The problem with `value` as a year of the working-day calendar, if any (1995–2100, whole). */
export function yearProblem(value: unknown, path: ProblemPath): Problem | undefined {
  const { first, last } = WORKING_DAY_YEARS;
  if (Number.isInteger(value) && (value as number) >= first && (value as number) <= last) return undefined;
  const got = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return problem(path, 'year-out-of-range', {
    vi: `Năm phải là số nguyên từ ${first} đến ${last}, nhận được ${got}`,
    en: `The year must be an integer from ${first} to ${last}; got ${got}`,
  });
}
