import { MotcuaError, type ProblemPath, problem } from '../text/problem.js';

/**
 * A civil (calendar) date in Vietnam, written `YYYY-MM-DD` (ISO 8601), e.g. `'2026-09-02'`.
 * It names a day, not an instant, so it means the same day whatever the host's time zone.
 */
export type CivilDate = string;

/** The IANA time zone whose civil dates this library speaks of. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
/** Vietnam has kept UTC+07:00 without daylight saving since 13 June 1975; from 1976 on no lookup is needed. */
const FIXED_OFFSET_FROM = Date.UTC(1976, 0, 1);
const FIXED_OFFSET_MINUTES = 7 * 60;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The proleptic Gregorian day count since 1970-01-01 (H. Hinnant's `days_from_civil`), for
 * fields already checked.
 *
 * @internal
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The number of days of a month (1–12) of the proleptic Gregorian calendar.
 *
 * @internal
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Splits a valid civil date into numbers; `undefined` when the text is not a real date. */
function fields(value: string): [number, number, number] | undefined {
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

/**
 * Checks that `value` is a civil date and returns it; otherwise throws a {@link MotcuaError}
 * whose problem carries `path` and a Vietnamese and English message.
 *
 * @param path where the value sits in a larger input, for the error.
 * @example
 * ```ts
 * parseCivilDate('2026-09-02'); // '2026-09-02'
 * parseCivilDate('2026-02-30', ['receivedOn']);
 * // throws MotcuaError: $.receivedOn: Ngày không tồn tại: 2026-02-30 / No such date: 2026-02-30
 * ```
 */
export function parseCivilDate(value: unknown, path: ProblemPath = []): CivilDate {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    if (fields(value)) return value;
    throw new MotcuaError([
      problem(path, 'invalid-date', {
        vi: `Ngày không tồn tại: ${value}`,
        en: `No such date: ${value}`,
      }),
    ]);
  }
  const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value;
  throw new MotcuaError([
    problem(path, 'invalid-date-format', {
      vi: `Ngày phải có dạng YYYY-MM-DD (ví dụ 2026-09-02), nhận được ${shown}`,
      en: `A date must be written YYYY-MM-DD (e.g. 2026-09-02); got ${shown}`,
    }),
  ]);
}

/**
 * The number of days from 1970-01-01 to `date` (negative before it).
 *
 * @example
 * ```ts
 * toEpochDay('1970-01-02'); // 1
 * ```
 */
export function toEpochDay(date: CivilDate): number {
  const parts = fields(date) ?? fields(parseCivilDate(date));
  const [year, month, day] = parts as [number, number, number];
  return daysFromCivil(year, month, day);
}

/**
 * The civil date `epochDay` days after 1970-01-01 (H. Hinnant's `civil_from_days`).
 *
 * @example
 * ```ts
 * fromEpochDay(0); // '1970-01-01'
 * ```
 */
export function fromEpochDay(epochDay: number): CivilDate {
  if (!Number.isInteger(epochDay)) {
    throw new MotcuaError([
      problem([], 'invalid-day-number', {
        vi: `Số ngày phải là số nguyên, nhận được ${epochDay}`,
        en: `A day number must be an integer; got ${epochDay}`,
      }),
    ]);
  }
  return civilFromDays(epochDay);
}

/**
 * {@link fromEpochDay} for a day number already known to be an integer (internal: callers inside the
 * package that compute it themselves skip the check and its message).
 */
export function civilFromDays(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) {
    throw new MotcuaError([
      problem([], 'date-out-of-range', {
        vi: `Năm ${year} nằm ngoài khoảng 0001–9999`,
        en: `Year ${year} is outside 0001–9999`,
      }),
    ]);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The date `days` days after `date` (before it when negative).
 *
 * @example
 * ```ts
 * addDays('2024-02-28', 1); // '2024-02-29'
 * addDays('2025-01-01', -1); // '2024-12-31'
 * ```
 */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * The number of days from `from` to `to`: positive when `to` is later.
 *
 * @example
 * ```ts
 * daysBetween('2025-12-31', '2026-01-01'); // 1
 * ```
 */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * The day of the week: 0 for Sunday (Chủ nhật), 1 for Monday (Thứ hai) … 6 for Saturday (Thứ bảy),
 * as `Date.prototype.getDay` numbers them.
 *
 * @example
 * ```ts
 * dayOfWeek('2026-09-02'); // 3 (Wednesday, Thứ tư)
 * ```
 */
export function dayOfWeek(date: CivilDate): number {
  return weekdayOf(toEpochDay(date));
}

/** The day of the week of an epoch day, 0 = Sunday … 6 = Saturday (internal). */
export function weekdayOf(epochDay: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** A moment as read on a clock in Vietnam. */
export interface VietnamTime {
  /** The civil date in Vietnam. */
  readonly date: CivilDate;
  /** Minutes since midnight on that date, 0–1439 (seconds are dropped). */
  readonly minuteOfDay: number;
}

/**
 * Vietnam's UTC offsets before 1976 (IANA tz database, zone Asia/Ho_Chi_Minh), as pairs of [the first instant, in
 * seconds since 1970, the offset in minutes]; earlier instants have local mean time, UTC+07:06:30 (+07:06:40 before
 * July 1906), which a minute-resolution clock reads as +07:07. A table rather than `Intl`, so that the answer does
 * not depend on the time-zone data a browser or WebView ships; `civil-date.test.ts` compares it with the platform's.
 */
const OFFSET_HISTORY: readonly (readonly [number, number])[] = [
  [-1851577590, 420], // 1911-05-01 00:00 LMT: UTC+07
  [-852105600, 480], // 1942-12-31 23:00: UTC+08
  [-782643600, 540], // 1945-03-14 23:00: UTC+09
  [-767869200, 420], // 1945-09-02 00:00: UTC+07
  [-718095600, 480], // 1947-04-01 00:00: UTC+08
  [-457772400, 420], // 1955-07-01 01:00: UTC+07
  [-315648000, 480], // 1959-12-31 23:00: UTC+08
  [171820800, 420], // 1975-06-13 00:00: UTC+07
];

/** Vietnam's UTC offset in minutes at `ms`. */
function vietnamOffsetMinutes(ms: number): number {
  if (ms >= FIXED_OFFSET_FROM) return FIXED_OFFSET_MINUTES;
  let offset = 427;
  for (const [from, minutes] of OFFSET_HISTORY) if (ms >= from * 1000) offset = minutes;
  return offset;
}

function instantMs(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) {
    throw new MotcuaError([
      problem([], 'invalid-instant', {
        vi: 'Thời điểm không hợp lệ',
        en: 'Invalid point in time',
      }),
    ]);
  }
  return ms;
}

/**
 * Reads an instant on a Vietnamese clock: its civil date and minute of the day in
 * `Asia/Ho_Chi_Minh`, whatever the host's time zone.
 *
 * @param instant a `Date` or epoch milliseconds.
 * @example
 * ```ts
 * toVietnamTime(Date.UTC(2026, 0, 1, 17, 30)); // { date: '2026-01-02', minuteOfDay: 30 }
 * ```
 */
export function toVietnamTime(instant: Date | number): VietnamTime {
  const ms = instantMs(instant);
  const localMinutes = Math.floor(ms / MS_PER_MINUTE) + vietnamOffsetMinutes(ms);
  const epochDay = Math.floor(localMinutes / 1440);
  return { date: civilFromDays(epochDay), minuteOfDay: localMinutes - epochDay * 1440 };
}

/**
 * The civil date in Vietnam at an instant, whatever the host's time zone. Pass the clock in:
 * `civilDateOf(Date.now())` for today.
 *
 * @example
 * ```ts
 * civilDateOf(new Date('2026-01-01T17:00:00Z')); // '2026-01-02': midnight in Hà Nội
 * ```
 */
export function civilDateOf(instant: Date | number): CivilDate {
  return toVietnamTime(instant).date;
}

/**
 * The instant (epoch milliseconds) at which a Vietnamese clock shows `minuteOfDay` on `date`.
 *
 * @example
 * ```ts
 * new Date(fromVietnamTime('2026-01-02', 15 * 60)).toISOString(); // '2026-01-02T08:00:00.000Z'
 * ```
 */
export function fromVietnamTime(date: CivilDate, minuteOfDay: number): number {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > 1439) {
    throw new MotcuaError([
      problem(['minuteOfDay'], 'invalid-time', {
        vi: `Phút trong ngày phải từ 0 đến 1439, nhận được ${minuteOfDay}`,
        en: `Minute of the day must be 0–1439; got ${minuteOfDay}`,
      }),
    ]);
  }
  const wall = toEpochDay(date) * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  let ms = wall - FIXED_OFFSET_MINUTES * MS_PER_MINUTE;
  // Before 1976 the offset varied; settle it against the offset at the instant found.
  for (let i = 0; i < 2 && ms < FIXED_OFFSET_FROM; i++) ms = wall - vietnamOffsetMinutes(ms) * MS_PER_MINUTE;
  return ms;
}
