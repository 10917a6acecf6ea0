import { civilFromDays, daysFromCivil } from './civil-date.js';
import type { HolidayLunarSource } from './holiday-rules.js';

/** The first year of the tables: the working-day calendar's first year (they end with its last, 2100). */
const FIRST_YEAR = 1995;

/**
 * Mùng 1 Tết of 1995–2100, one base-32 digit a year: the days after 21 January. Computed with
 * `lunarNewYear` (Hồ Ngọc Đức's method, UTC+7) and checked against it for every year by
 * `holiday-lunar-table.test.ts`, which prints the strings to paste here should they ever differ.
 */
const TET =
  'ath7qf3mb1j8rh5od2kati7qf4mb1k8rg5nc2lati7pe3mb1k9rg5oc2lbsi7pe3mc0j8rf5od2lath6pf3mc1j8rg5od3k9sh6pf4mb0j';

/** Giỗ Tổ Hùng Vương (10/3 âm lịch) of 1995–2100: the days after mùng 1 Tết less 67, one base-32 digit a year. */
const HUNG_KINGS =
  '111112222u111111111111111111u111222211111211211u11111111112112111122222111111111111111111100112222110112v1';

function tet(year: number): number {
  return daysFromCivil(year, 1, 21) + Number.parseInt(TET.charAt(year - FIRST_YEAR), 32);
}

/**
 * The lunar dates the holiday rules ask of the working-day calendar — mùng 1 Tết and 10/3 (Giỗ Tổ)
 * of 1995–2100 — from two small tables instead of the astronomical computation, so that a page that
 * only counts working days does not ship the lunar calendar. Only years 1995–2100 and day `day` of
 * month 3 are answered (that is all the holiday rules ask for).
 */
export const HOLIDAY_LUNAR_TABLE: HolidayLunarSource = {
  lunarNewYear: (year) => civilFromDays(tet(year)),
  lunarToSolar: ({ year, day }) =>
    civilFromDays(tet(year) + 67 + Number.parseInt(HUNG_KINGS.charAt(year - FIRST_YEAR), 32) + day - 10),
};
