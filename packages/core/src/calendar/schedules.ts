import type { CivilDate } from './civil-date.js';
import type { HolidayKey } from './holiday-rules.js';

/**
 * An instrument (or, where its number is not known, the announcements) behind a yearly schedule.
 *
 * @example
 * ```ts
 * const source: ScheduleSource = { instrument: 'CV 8726/VPCP-KGVX', date: '2024-11-26' };
 * ```
 */
export interface ScheduleSource {
  /** The instrument's number, e.g. `CV 12729/VPCP-KGVX`; absent when only press coverage was found. */
  readonly instrument?: string;
  /** The date it was signed, when known. */
  readonly date?: CivilDate;
  /** Where it was read: press coverage, the official page. */
  readonly references?: readonly string[];
}

/**
 * A working day taken off (`dayOff`, usually next to a holiday) in exchange for a weekend day worked
 * (`workday`, ngày làm bù).
 *
 * @example
 * ```ts
 * const swap: ScheduleSwap = { dayOff: '2025-05-02', workday: '2025-04-26', holiday: 'labour' };
 * ```
 */
export interface ScheduleSwap {
  /** The weekday off (a bridge day). */
  readonly dayOff: CivilDate;
  /** The Saturday or Sunday worked instead. */
  readonly workday: CivilDate;
  /** The holiday the bridge joins, for naming. */
  readonly holiday?: HolidayKey;
  /** Index into the schedule's `sources` (default 0). */
  readonly source?: number;
}

/**
 * A year's official schedule for civil servants (CBCCVC), as decided by the Prime Minister and
 * announced by the Government Office and the Ministry. It fixes what the Labor Code leaves open:
 * the Tết window, Quốc khánh's adjacent day and the swapped days. Fixed-date holidays and their
 * compensatory days follow from the law and are not repeated here.
 *
 * @example
 * ```ts
 * const y2026: YearSchedule = {
 *   year: 2026,
 *   sources: [{ instrument: 'CV 12729/VPCP-KGVX', date: '2025-12-25' }],
 *   tet: { from: '2026-02-14', to: '2026-02-22' },
 *   nationalDay: { adjacent: '2026-09-01' },
 *   swaps: [{ dayOff: '2026-01-02', workday: '2026-01-10', holiday: 'new-year' }],
 * };
 * ```
 */
export interface YearSchedule {
  /** The year the schedule is for (its swaps may reach into the next or previous year). */
  readonly year: number;
  /** The instruments or announcements, at least one; other fields point into it by index. */
  readonly sources: readonly ScheduleSource[];
  /**
   * The announced Tết days-off range, weekends inside it included. `days`, when known, names the
   * statutory Tết days inside it; otherwise they are taken from the Tết heuristic, and every other
   * weekday in the range is a compensatory day.
   */
  readonly tet?: {
    readonly from: CivilDate;
    readonly to: CivilDate;
    readonly days?: readonly CivilDate[];
    readonly source?: number;
  };
  /** Quốc khánh's second day, 1/9 or 3/9 (from 2021). */
  readonly nationalDay?: { readonly adjacent: CivilDate; readonly source?: number };
  /** Bridge days off and the weekend days worked in exchange. */
  readonly swaps?: readonly ScheduleSwap[];
}

/**
 * The official schedules for 2015–2026 (vietnam-one-stop-rules §2; every range and swap there). Where the
 * instrument or its announcement names the statutory Tết days (2015, 2022, 2026), `tet.days` states them; other years
 * take them from the Tết heuristic inside the decided window.
 * 2027 and later have no decision yet: their Tết and Quốc khánh days are rule-derived and flagged
 * `provisional`. Add or replace a year with an overlay when a decision comes out.
 *
 * Each source names the instrument and its date where known; where no instrument number was found, one press report
 * that announced the schedule. The other reports that confirm it are named in this module's source comments.
 *
 * @example
 * ```ts
 * OFFICIAL_SCHEDULES.find((s) => s.year === 2025)?.swaps;
 * // [{ dayOff: '2025-05-02', workday: '2025-04-26', holiday: 'labour' }]
 * ```
 */
export const OFFICIAL_SCHEDULES: readonly YearSchedule[] = Object.freeze([
  {
    year: 2015,
    // Also reported by baomoi.com and nguoiduatin.vn (2015-08-28).
    sources: [{ references: ['xahoi.com.vn'] }],
    // The statutory Tết days were 17–21/2, with Monday 23/2 as the compensatory day (xahoi.com.vn).
    tet: {
      from: '2015-02-15',
      to: '2015-02-23',
      days: ['2015-02-17', '2015-02-18', '2015-02-19', '2015-02-20', '2015-02-21'],
    },
    swaps: [
      { dayOff: '2015-01-02', workday: '2014-12-27', holiday: 'new-year' },
      { dayOff: '2015-02-16', workday: '2015-02-14', holiday: 'tet' },
      { dayOff: '2015-04-29', workday: '2015-04-25', holiday: 'reunification' },
    ],
  },
  {
    year: 2016,
    // Also reported by kienthuc.net.vn.
    sources: [{ references: ['khachsandanang.net.vn'] }],
    tet: { from: '2016-02-06', to: '2016-02-14' },
  },
  {
    year: 2017,
    // Read on thuvienphapluat.vn, bnews.vn and e.vnexpress.net (2017-03-24).
    sources: [{ instrument: 'CV 9794/VPCP-KGVX' }],
    tet: { from: '2017-01-26', to: '2017-02-01' },
  },
  {
    year: 2018,
    // TB 573 read on lawnet.vn and vietnamstar; CV 6519 as cited by vacanza/holidays (vietnam.py).
    sources: [{ instrument: 'TB 573/TB-VPCP' }, { instrument: 'CV 6519/VPCP-KGVX' }],
    tet: { from: '2018-02-14', to: '2018-02-20' },
    swaps: [{ dayOff: '2018-12-31', workday: '2019-01-05', holiday: 'new-year', source: 1 }],
  },
  {
    year: 2019,
    // Also reported by nvmgroup and vacanza/holidays (vietnam.py).
    sources: [{ references: ['vietnamnews.vn'] }],
    tet: { from: '2019-02-02', to: '2019-02-10' },
    swaps: [{ dayOff: '2019-04-29', workday: '2019-05-04', holiday: 'reunification' }],
  },
  {
    year: 2020,
    // Also reported by vneconomictimes.
    sources: [{ references: ['vietnamnet.vn'] }],
    tet: { from: '2020-01-23', to: '2020-01-29' },
  },
  {
    year: 2021,
    // Also reported by tuoitrenews.
    sources: [{ references: ['sggpnews'] }],
    tet: { from: '2021-02-10', to: '2021-02-16' },
    nationalDay: { adjacent: '2021-09-03' },
  },
  {
    year: 2022,
    // Also reported by sggp.org.vn and officeholidays.com.
    sources: [{ references: ['baobinhthuan.com.vn'] }],
    // The statutory Tết days were Monday 31/1 to Friday 4/2 (baobinhthuan.com.vn, sggp.org.vn).
    tet: {
      from: '2022-01-29',
      to: '2022-02-06',
      days: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'],
    },
    nationalDay: { adjacent: '2022-09-01' },
  },
  {
    year: 2023,
    // Also reported by vietnaminsider.vn.
    sources: [{ references: ['en.nhandan.vn'] }],
    tet: { from: '2023-01-20', to: '2023-01-26' },
    nationalDay: { adjacent: '2023-09-01' },
  },
  {
    year: 2024,
    // The first source is also reported by vietnaminsider.vn; CV 2450 was read on baotintuc.vn.
    sources: [{ references: ['vietnamnews.vn 2023-11-05'] }, { instrument: 'CV 2450/VPCP-KGVX', date: '2024-04-12' }],
    tet: { from: '2024-02-08', to: '2024-02-14' },
    nationalDay: { adjacent: '2024-09-03' },
    swaps: [{ dayOff: '2024-04-29', workday: '2024-05-04', holiday: 'reunification', source: 1 }],
  },
  {
    year: 2025,
    // Read on en.baochinhphu.vn.
    sources: [{ instrument: 'CV 8726/VPCP-KGVX', date: '2024-11-26' }],
    tet: { from: '2025-01-25', to: '2025-02-02' },
    nationalDay: { adjacent: '2025-09-01' },
    swaps: [{ dayOff: '2025-05-02', workday: '2025-04-26', holiday: 'labour' }],
  },
  {
    year: 2026,
    // TB 9441/TB-BNV fixes Tết (statutory days Monday 16/2 to Friday 20/2) and Quốc khánh; announced by kienthuc.net.vn
    // and tienphong.vn (2025-10-13), en.baochinhphu.vn (2025-10-14), vietnammedia.vnanet.vn (2025-10-17).
    // CV 12729 was read on dantri.com.vn (2025-12-25); CV 3383/BNV-CVL keeps 30/4 and 1/5 (Thursday, Friday) as they are.
    sources: [
      { instrument: 'TB 9441/TB-BNV', date: '2025-10-16' },
      { instrument: 'CV 12729/VPCP-KGVX', date: '2025-12-25' },
      { instrument: 'CV 3383/BNV-CVL', date: '2026-04-10' },
    ],
    tet: {
      from: '2026-02-14',
      to: '2026-02-22',
      days: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    },
    nationalDay: { adjacent: '2026-09-01' },
    swaps: [
      { dayOff: '2026-01-02', workday: '2026-01-10', holiday: 'new-year', source: 1 },
      { dayOff: '2026-08-31', workday: '2026-08-22', holiday: 'national-day' },
    ],
  },
] satisfies YearSchedule[]);
