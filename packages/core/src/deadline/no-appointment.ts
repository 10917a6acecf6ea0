import { type CivilDate, parseCivilDate, toEpochDay } from '../calendar/civil-date.js';
import { type Problem, type ProblemPath, problem } from '../text/problem.js';
import { type TimeLimit, timeLimitProblems } from './time-limit.js';

/**
 * A commune's "no-appointment day" (ngày không hẹn, e.g. "Thứ Hai – ngày không giấy hẹn",
 * "Ngày thứ tư không hẹn"): on the named weekdays, the listed procedures are resolved without an
 * appointment, by default within the day. A dossier of one of those procedures received (deemed
 * received) on such a weekday is due at the earlier of its own limit and this one.
 *
 * @example
 * ```ts
 * const wednesday: NoAppointmentDay = {
 *   weekdays: [3],                              // 0 = Sunday … 6 = Saturday
 *   procedures: ['1.001193', '2.000908'],       // procedure codes as the catalogue has them
 * };
 * ```
 */
export interface NoAppointmentDay {
  /** Weekdays, 0 = Sunday … 6 = Saturday. */
  readonly weekdays: readonly number[];
  /** Procedure codes (or whatever identifiers `procedure` carries in the input). */
  readonly procedures: readonly string[];
  /** The limit applied on those days (default `{ value: 0, unit: 'same-day' }`). */
  readonly limit?: TimeLimit;
  /**
   * The first civil date the rule applies to (e.g. `'2022-06-01'` when a commune started it officially); dossiers
   * deemed received before it keep their own limit. Default: always.
   */
  readonly from?: CivilDate;
}

/** A validated no-appointment day. */
export interface CompiledNoAppointmentDay {
  readonly weekdays: ReadonlySet<number>;
  readonly procedures: ReadonlySet<string>;
  readonly limit: TimeLimit;
  /** The epoch day (days since 1970-01-01) the rule starts on; `-Infinity` for always. */
  readonly start: number;
}

/**
 * Validates a no-appointment day, pushing problems (under `path`) and returning it compiled.
 *
 * @example
 * ```ts
 * const problems: Problem[] = [];
 * compileNoAppointmentDay({ weekdays: [1], procedures: ['2.000908'] }, ['noAppointment'], problems).limit.unit;
 * // 'same-day'
 * ```
 */
export function compileNoAppointmentDay(
  input: unknown,
  path: ProblemPath,
  problems: Problem[],
): CompiledNoAppointmentDay {
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const weekdays = record.weekdays;
  if (!Array.isArray(weekdays) || weekdays.some((w) => !Number.isInteger(w) || w < 0 || w > 6)) {
    problems.push(
      problem([...path, 'weekdays'], 'invalid-weekdays', {
        vi: 'Thứ của ngày không hẹn: 0 (Chủ nhật)–6 (thứ Bảy)',
        en: 'No-appointment weekdays: 0 (Sunday)–6 (Saturday)',
      }),
    );
  }
  const procedures = record.procedures;
  if (!Array.isArray(procedures) || procedures.some((p) => typeof p !== 'string')) {
    problems.push(
      problem([...path, 'procedures'], 'invalid-procedures', {
        vi: 'Thủ tục của ngày không hẹn: các mã',
        en: 'No-appointment procedures: codes',
      }),
    );
  }
  const limit = (record.limit ?? { value: 0, unit: 'same-day' }) as TimeLimit;
  problems.push(...timeLimitProblems(limit, [...path, 'limit']));
  return {
    weekdays: new Set(Array.isArray(weekdays) ? (weekdays as number[]) : []),
    procedures: new Set(Array.isArray(procedures) ? (procedures as string[]) : []),
    limit,
    // A start date that is not a date throws at once (the other problems of the day are not gathered with it).
    start: record.from === undefined ? -1 / 0 : toEpochDay(parseCivilDate(record.from, [...path, 'from'])),
  };
}
