import type { CivilDate } from '../calendar/civil-date.js';
import { fromEpochDay, toEpochDay } from '../calendar/civil-date.js';
import { CalendarRangeError, type WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import {
  type CompiledOfficeHours,
  compileOfficeHours,
  DEFAULT_OFFICE_HOURS,
  type OfficeHours,
} from './office-hours.js';

/** Which days count, on top of the calendar. */
export interface WorkingTimeRules {
  /** Whether national make-up Saturdays (ngày làm bù) count as working days. */
  readonly makeUpSaturdays: boolean;
}

const PAD2: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/**
 * Working time of one agency: the calendar's working days (adjusted by {@link WorkingTimeRules})
 * with the agency's sessions, indexed per day so that every question is O(1) or O(log n).
 * Days are numbered from 1 January of the calendar's first year; minutes are Vietnam wall-clock
 * minutes since midnight. A "coordinate" counts working minutes since the first day, so the working
 * time between two moments is the difference of their coordinates.
 */
export class WorkingTime {
  readonly base: number;
  readonly size: number;
  readonly first: number;
  readonly last: number;
  /** 0 off, 1 ordinary sessions, 2 weekend sessions. */
  readonly kind: Uint8Array;
  /** 1 for a swapped day off (ngày nghỉ bù hoán đổi, kind `bridge` in the calendar). */
  readonly bridge: Uint8Array;
  /** Working days in [0, i]. */
  readonly rank: Int32Array;
  /** The day of the k-th working day. */
  readonly list: Int32Array;
  /** Working minutes before day i (length size + 1). */
  readonly cum: Int32Array;
  /** Sessions by kind (index 0 is empty). */
  readonly sessions: readonly (readonly (readonly [number, number])[])[];
  /** Working minutes of a day by kind. */
  readonly minutesByKind: readonly number[];
  readonly #text: (string | undefined)[];

  constructor(calendar: WorkingDayCalendar, hours: CompiledOfficeHours, rules: WorkingTimeRules) {
    const { first, last } = calendar.years;
    this.first = first;
    this.last = last;
    const base = toEpochDay(`${String(first).padStart(4, '0')}-01-01`);
    const size = toEpochDay(`${String(last + 1).padStart(4, '0')}-01-01`) - base;
    this.base = base;
    this.size = size;
    const kind = new Uint8Array(size);
    const bridge = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      if (!calendar.isWorkingDay(fromEpochDay(base + i))) continue;
      // 1970-01-01 was a Thursday.
      const w = (((base + i + 4) % 7) + 7) % 7;
      kind[i] = w === 0 || w === 6 ? 2 : 1;
    }
    for (let year = first; year <= last; year++) {
      for (const day of calendar.holidays(year)) {
        const i = toEpochDay(day.date) - base;
        if (day.kind === 'bridge' && !day.working) bridge[i] = 1;
        if (day.kind === 'make-up-workday' && day.working && kind[i] !== 0) kind[i] = rules.makeUpSaturdays ? 1 : 0;
      }
    }
    this.sessions = [[], hours.weekday, hours.weekend];
    this.minutesByKind = this.sessions.map((list) => list.reduce((sum, [a, b]) => sum + b - a, 0));
    const rank = new Int32Array(size);
    const cum = new Int32Array(size + 1);
    let count = 0;
    for (let i = 0; i < size; i++) {
      const k = kind[i] as number;
      if (k !== 0) count++;
      rank[i] = count;
      cum[i + 1] = (cum[i] as number) + (this.minutesByKind[k] as number);
    }
    const list = new Int32Array(count);
    for (let i = 0, n = 0; i < size; i++) if (kind[i] !== 0) list[n++] = i;
    this.kind = kind;
    this.bridge = bridge;
    this.rank = rank;
    this.list = list;
    this.cum = cum;
    this.#text = new Array<string | undefined>(size);
  }

  /** Throws a range error for a day index outside the calendar. */
  outside(path: readonly (string | number)[], what: { vi: string; en: string }): never {
    throw new CalendarRangeError(path, what, this.first, this.last);
  }

  /** The civil date of day `i`. */
  date(i: number): CivilDate {
    let text = this.#text[i];
    if (text === undefined) {
      text = fromEpochDay(this.base + i);
      this.#text[i] = text;
    }
    return text;
  }

  /** `YYYY-MM-DDTHH:MM:00+07:00` for day `i`, minute `m`. */
  iso(i: number, m: number): string {
    return `${this.date(i)}T${PAD2[Math.floor(m / 60)] as string}:${PAD2[m % 60] as string}:00+07:00`;
  }

  /** The k-th working day after day `i` (k ≥ 1; `i` itself not counted). */
  nthWorkingDayAfter(i: number, k: number): number {
    const day = this.list[(this.rank[i] as number) + k - 1];
    return day === undefined ? -1 : day;
  }

  /** Day `i` if it is a working day, else the next working day. */
  workingDayFrom(i: number): number {
    return this.kind[i] !== 0 ? i : this.nthWorkingDayAfter(i, 1);
  }

  /** Sessions of day `i`. */
  sessionsOf(i: number): readonly (readonly [number, number])[] {
    return this.sessions[this.kind[i] as number] as readonly (readonly [number, number])[];
  }

  /** Working minutes elapsed on day `i` by minute `m`. */
  position(i: number, m: number): number {
    let p = 0;
    for (const [a, b] of this.sessionsOf(i)) {
      if (m <= a) break;
      p += Math.min(m, b) - a;
    }
    return p;
  }

  /** The working-time coordinate of day `i`, minute `m`. */
  coordinate(i: number, m: number): number {
    return (this.cum[i] as number) + this.position(i, m);
  }

  /** The minute of day `i` at which `p` working minutes (0 < p ≤ the day's total) have elapsed. */
  minuteAtPosition(i: number, p: number): number {
    const sessions = this.sessionsOf(i);
    let rest = p;
    for (const [a, b] of sessions) {
      if (rest <= b - a) return a + rest;
      rest -= b - a;
    }
    const lastSession = sessions[sessions.length - 1];
    return lastSession ? lastSession[1] : 0;
  }

  /** The earliest `[day, minute]` whose coordinate is `c` (c > 0), or `[-1, 0]` past the end. */
  atCoordinate(c: number): [number, number] {
    const cum = this.cum;
    if (c > (cum[this.size] as number)) return [-1, 0];
    // The day i with cum[i] < c ≤ cum[i + 1].
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid + 1] as number) < c) lo = mid + 1;
      else hi = mid;
    }
    return [lo, this.minuteAtPosition(lo, c - (cum[lo] as number))];
  }

  /** The first session start at or after day `i`, minute `m`, as `[day, minute]` (`[-1, 0]` past the end). */
  nextOpening(i: number, m: number): [number, number] {
    for (const [a, b] of this.sessionsOf(i)) {
      if (m < b) return [i, Math.max(m, a)];
    }
    const next = this.nthWorkingDayAfter(i, 1);
    if (next < 0) return [-1, 0];
    return [next, (this.sessionsOf(next)[0] as readonly [number, number])[0]];
  }

  /** The opening minute of working day `i`. */
  opening(i: number): number {
    return (this.sessionsOf(i)[0] as readonly [number, number])[0];
  }

  /** The closing minute of working day `i`. */
  closing(i: number): number {
    const sessions = this.sessionsOf(i);
    return (sessions[sessions.length - 1] as readonly [number, number])[1];
  }
}

const cache = new WeakMap<WorkingDayCalendar, Map<string, WorkingTime>>();
const hoursKeys = new WeakMap<object, string>();

/** A key for office hours by content, so equal hours in fresh objects share one index. */
function hoursKey(officeHours: OfficeHours): string {
  if (typeof officeHours !== 'object' || officeHours === null) return String(officeHours);
  let key = hoursKeys.get(officeHours);
  if (key === undefined) {
    key = JSON.stringify([officeHours.sessions, officeHours.weekendSessions]) ?? '';
    hoursKeys.set(officeHours, key);
  }
  return key;
}

/**
 * The shared {@link WorkingTime} index of a calendar, office hours and rules: built once per
 * calendar and distinct content of hours and rules, then cached.
 */
export function workingTimeOf(
  calendar: WorkingDayCalendar,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
  rules: WorkingTimeRules,
): WorkingTime {
  let byKey = cache.get(calendar);
  if (!byKey) {
    byKey = new Map();
    cache.set(calendar, byKey);
  }
  const key = `${rules.makeUpSaturdays ? 'm' : '-'}${hoursKey(officeHours)}`;
  let index = byKey.get(key);
  if (!index) {
    index = new WorkingTime(calendar, compileOfficeHours(officeHours), rules);
    byKey.set(key, index);
  }
  return index;
}
