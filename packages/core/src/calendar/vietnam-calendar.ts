import type { CalendarOverlay } from './calendar-overlay.js';
import { HOLIDAY_LUNAR_TABLE } from './holiday-lunar-table.js';
import type { HolidayLunarSource } from './holiday-rules.js';
import { lunarNewYear, lunarToSolar } from './lunar.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

/**
 * This package's Vietnamese lunar calendar (UTC+7) as the holiday rules' source of Tết and Giỗ Tổ.
 *
 * @example
 * ```ts
 * VIETNAM_LUNAR_SOURCE.lunarNewYear(2027); // '2027-02-06'
 * ```
 */
export const VIETNAM_LUNAR_SOURCE: HolidayLunarSource = /* @__PURE__ */ Object.freeze({ lunarNewYear, lunarToSolar });

/**
 * Options of {@link vietnamCalendar}.
 *
 * @example
 * ```ts
 * const options: VietnamCalendarOptions = { overlays: [{ name: 'UBND xã Ví Dụ', rules: { cultureDayCompensation: false } }] };
 * ```
 */
export interface VietnamCalendarOptions {
  /**
   * Overlays applied in order (national updates, then province, commune, user), as typed
   * {@link CalendarOverlay} values. Only cheap checks are made on them (years in range, real
   * dates, each problem with its path); JSON read from a file or the network must go through
   * {@link parseCalendarOverlay} first, which checks everything.
   */
  readonly overlays?: readonly CalendarOverlay[];
  /** A narrower range of years than 1995–2100. */
  readonly years?: { readonly first?: number; readonly last?: number };
  /** Another source of lunar dates (defaults to this package's, the dates of {@link VIETNAM_LUNAR_SOURCE}). */
  readonly lunar?: HolidayLunarSource;
}

let standard: WorkingDayCalendar | undefined;

/**
 * The civil-servant working-day calendar of Vietnam, 1995–2100: Labor Code holidays by era,
 * compensatory days, the official schedules of 2015–2026 and rule-derived, `provisional` days
 * elsewhere. Without options the same calendar is built once and shared.
 *
 * @example
 * ```ts
 * const cal = vietnamCalendar();
 * cal.isWorkingDay('2026-01-10');      // true (make-up Saturday)
 * cal.addWorkingDays('2026-02-13', 1); // '2026-02-23'
 * cal.isWorkingDay('2026-11-24');      // false: Ngày Văn hóa Việt Nam (Resolution 28/2026/QH16)
 *
 * // A commune whose 24/11 on a weekend brings no weekday off (a typed overlay):
 * const commune = vietnamCalendar({ overlays: [{ name: 'UBND xã Ví Dụ', rules: { cultureDayCompensation: false } }] });
 * commune.isWorkingDay('2029-11-26'); // true (Monday after Saturday 24/11/2029)
 *
 * // An overlay published as JSON (e.g. the 2027 Tết decision) is checked with parseCalendarOverlay first:
 * const update = parseCalendarOverlay(await (await fetch('/lich-2027.json')).text());
 * const cal2027 = vietnamCalendar({ overlays: [update] });
 * ```
 */
export function vietnamCalendar(options: VietnamCalendarOptions = {}): WorkingDayCalendar {
  if (options.overlays === undefined && options.years === undefined && options.lunar === undefined) {
    standard ??= new WorkingDayCalendar({ lunar: HOLIDAY_LUNAR_TABLE });
    return standard;
  }
  return new WorkingDayCalendar({ ...options, lunar: options.lunar ?? HOLIDAY_LUNAR_TABLE });
}
