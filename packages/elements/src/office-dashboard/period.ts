import { type CivilDate, civilDateOf } from '@motcua/core/calendar';

// Day arithmetic on ISO dates, which parse as midnight UTC: whole days whatever the host's time zone. (Core's addDays
// and daysBetween would add themselves to the civil-date chunk every public element loads.)
const DAY = 86_400_000;
const addDays = (date: CivilDate, days: number): CivilDate =>
  new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (from: CivilDate, to: CivilDate): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** Which period the dashboard shows. */
export type PeriodChoice = 'this-month' | 'last-month' | 'custom';

/** A period of Vietnamese civil dates, both ends included. */
export interface Period {
  readonly from: CivilDate;
  readonly to: CivilDate;
}

/**
 * The period a choice means on `today` (a Vietnamese civil date): this month from its first day to today, the whole
 * of last month, or the custom dates (swapped when given backwards; today when missing).
 *
 * @example
 * ```ts
 * periodOf('last-month', '2026-12-05'); // { from: '2026-11-01', to: '2026-11-30' }
 * ```
 */
export function periodOf(choice: PeriodChoice, today: CivilDate, from = '', to = ''): Period {
  const first = `${today.slice(0, 8)}01`;
  if (choice === 'this-month') return { from: first, to: today };
  if (choice === 'last-month') {
    const end = addDays(first, -1);
    return { from: `${end.slice(0, 8)}01`, to: end };
  }
  const a = from || today;
  const b = to || today;
  return a <= b ? { from: a, to: b } : { from: b, to: a };
}

/**
 * The period of the same length that ends the day before `period` starts: what the headline figures compare with.
 *
 * @example
 * ```ts
 * previousPeriod({ from: '2026-11-01', to: '2026-11-30' }); // { from: '2026-10-02', to: '2026-10-31' }
 * ```
 */
export function previousPeriod(period: Period): Period {
  const days = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/** Today in Vietnam, whatever the host's time zone. */
export const vietnamToday = (): CivilDate => civilDateOf(Date.now());
