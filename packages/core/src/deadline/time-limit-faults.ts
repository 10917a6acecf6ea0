// A time limit's checks without their words: the catalogue's checks across fields ask whether a limit is valid without
// loading the Vietnamese and English messages of time-limit.ts, which words each fault (and where a page checks limits
// only through the catalogue, as the procedure list does, those messages are never downloaded).

/**
 * How a procedure's time limit (thời hạn giải quyết) is counted:
 * - `working-days`: ngày làm việc (Mon–Fri minus holidays and days off, plus make-up Saturdays);
 * - `working-hours`: giờ làm việc, counted within office hours;
 * - `days`: calendar days (ngày); a period whose last day is not a working day ends on the next
 *   working day (Civil Code 2015 art. 148(5));
 * - `same-day`: trong ngày (the result is returned the day the dossier is received);
 * - `immediate`: giải quyết ngay (at once, while the applicant waits).
 *
 * @example
 * ```ts
 * const unit: TimeLimitUnit = 'working-days';
 * TIME_LIMIT_UNITS.includes(unit); // true
 * ```
 */
export type TimeLimitUnit = 'working-days' | 'working-hours' | 'days' | 'same-day' | 'immediate';

/**
 * Every {@link TimeLimitUnit}, in order from the longest-counted to the shortest.
 *
 * @example
 * ```ts
 * TIME_LIMIT_UNITS; // ['working-days', 'working-hours', 'days', 'same-day', 'immediate']
 * ```
 */
export const TIME_LIMIT_UNITS: readonly TimeLimitUnit[] = Object.freeze([
  'working-days',
  'working-hours',
  'days',
  'same-day',
  'immediate',
]);

/**
 * A cutoff's `HH:MM` (00:00–23:59).
 *
 * @internal
 */
export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Whether a unit counts no units (`same-day`, `immediate`).
 *
 * @internal
 */
export function isUncounted(unit: TimeLimitUnit): boolean {
  return unit === 'same-day' || unit === 'immediate';
}

/**
 * One fault of a value meant as a time limit, without words: not an object at all; a `value` that is not a
 * non-negative whole number, is not 0 for a unit that counts nothing, or is below 1 for a counted unit; an unknown
 * `unit`; a `cutoff` that is not `HH:MM`; a field of another name.
 *
 * @internal
 */
export type TimeLimitFault =
  | 'not-an-object'
  | 'value'
  | 'value-not-zero'
  | 'value-below-one'
  | 'unit'
  | 'cutoff'
  | { readonly unknownField: string };

/**
 * Every fault of a value meant as a time limit, in the order `timeLimitProblems` reports them (which words them);
 * `[]` for a valid limit.
 *
 * @example
 * ```ts
 * timeLimitFaults({ value: -1, unit: 'weeks', hours: 2 }); // ['value', 'unit', { unknownField: 'hours' }]
 * timeLimitFaults({ value: 5, unit: 'working-days' }).length === 0; // true: a valid limit
 * ```
 * @internal
 */
export function timeLimitFaults(input: unknown): TimeLimitFault[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return ['not-an-object'];
  const record = input as Record<string, unknown>;
  const faults: TimeLimitFault[] = [];
  const unit = record.unit;
  const knownUnit = typeof unit === 'string' && (TIME_LIMIT_UNITS as readonly string[]).includes(unit);
  const value = record.value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) faults.push('value');
  else if (knownUnit && isUncounted(unit as TimeLimitUnit) && value !== 0) faults.push('value-not-zero');
  else if (knownUnit && !isUncounted(unit as TimeLimitUnit) && value < 1) faults.push('value-below-one');
  if (!knownUnit) faults.push('unit');
  if (record.cutoff !== undefined && (typeof record.cutoff !== 'string' || !CLOCK.test(record.cutoff))) {
    faults.push('cutoff');
  }
  for (const key of Object.keys(record)) {
    if (key !== 'value' && key !== 'unit' && key !== 'cutoff') faults.push({ unknownField: key });
  }
  return faults;
}
