import { type CivilDate, fromEpochDay, toEpochDay } from '../calendar/civil-date.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import type { LocalizedText } from '../text/problem.js';

/** One side of a {@link WorkingDayChange}: whether the day is worked, and the name its calendar lists it under. */
export interface WorkingDayState {
  readonly working: boolean;
  readonly name?: LocalizedText;
}

/**
 * A day that two calendars count differently: a day off that a new decision adds, a make-up Saturday, a local day
 * off taken back.
 *
 * @example
 * ```ts
 * const change: WorkingDayChange = {
 *   date: '2027-02-05',
 *   before: { working: true },
 *   after: { working: false, name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' } },
 * };
 * ```
 */
export interface WorkingDayChange {
  readonly date: CivilDate;
  readonly before: WorkingDayState;
  readonly after: WorkingDayState;
}

function stateOf(calendar: Pick<WorkingDayCalendar, 'isWorkingDay' | 'holidays'>, date: CivilDate): WorkingDayState {
  const working = calendar.isWorkingDay(date);
  const listed = calendar.holidays(Number(date.slice(0, 4))).find((d) => d.date === date);
  return listed ? { working, name: listed.name } : { working };
}

/**
 * The days from `from` to `to` (inclusive, clipped to the years both calendars cover) that `before` and `after`
 * count differently as working days, in date order: what saving a calendar change would change.
 *
 * @example
 * ```ts
 * const after = vietnamCalendar({ overlays: [{ name: 'UBND xã', localDays: [
 *   { date: '2026-12-28', working: false, name: { vi: 'Nghỉ', en: 'Day off' } },
 * ] }] });
 * workingDayChanges(vietnamCalendar(), after, '2026-12-01', '2026-12-31').map((d) => d.date); // ['2026-12-28']
 * ```
 */
export function workingDayChanges(
  before: Pick<WorkingDayCalendar, 'isWorkingDay' | 'holidays' | 'years'>,
  after: Pick<WorkingDayCalendar, 'isWorkingDay' | 'holidays' | 'years'>,
  from: CivilDate,
  to: CivilDate,
): WorkingDayChange[] {
  const first = Math.max(before.years.first, after.years.first);
  const last = Math.min(before.years.last, after.years.last);
  const start = Math.max(toEpochDay(from), toEpochDay(`${String(first).padStart(4, '0')}-01-01`));
  const end = Math.min(toEpochDay(to), toEpochDay(`${String(last).padStart(4, '0')}-12-31`));
  const changes: WorkingDayChange[] = [];
  for (let day = start; day <= end; day++) {
    const date = fromEpochDay(day);
    if (before.isWorkingDay(date) === after.isWorkingDay(date)) continue;
    changes.push({ date, before: stateOf(before, date), after: stateOf(after, date) });
  }
  return changes;
}
