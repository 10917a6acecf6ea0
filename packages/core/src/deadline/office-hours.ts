import { MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';

/**
 * One working session of an office, Vietnam time, `HH:MM`–`HH:MM` (start inclusive, end exclusive).
 *
 * @example
 * ```ts
 * const morning: OfficeSession = { start: '07:30', end: '11:30' };
 * ```
 */
export interface OfficeSession {
  /** When the session opens, `HH:MM`. */
  readonly start: string;
  /** When the session closes, `HH:MM` (later than `start`). */
  readonly end: string;
}

/**
 * An agency's office hours (giờ làm việc), set by each province [S]. Working days come from the
 * working-day calendar; these are the sessions on them.
 *
 * - `sessions`: the sessions of an ordinary working day, in order, not overlapping.
 * - `weekendSessions`: the sessions of a Saturday or Sunday the calendar marks as a working day
 *   through a local day of an overlay (a commune's Saturday-morning reception, for instance).
 *   Defaults to `sessions`. National make-up Saturdays (ngày làm bù) always use `sessions`.
 *
 * @example
 * ```ts
 * // A commune open 08:00–11:30 and 13:00–17:00, and Saturday mornings it lists in an overlay:
 * const hours: OfficeHours = {
 *   sessions: [{ start: '08:00', end: '11:30' }, { start: '13:00', end: '17:00' }],
 *   weekendSessions: [{ start: '07:30', end: '11:30' }],
 * };
 * ```
 */
export interface OfficeHours {
  /** Sessions of an ordinary working day. */
  readonly sessions: readonly OfficeSession[];
  /** Sessions of a weekend day an overlay makes a working day (defaults to `sessions`). */
  readonly weekendSessions?: readonly OfficeSession[];
}

/**
 * The default office hours: 07:30–11:30 and 13:30–17:00 [S] (7½ working hours a day).
 *
 * @example
 * ```ts
 * DEFAULT_OFFICE_HOURS.sessions[1]; // { start: '13:30', end: '17:00' }
 * ```
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  sessions: Object.freeze([
    Object.freeze({ start: '07:30', end: '11:30' }),
    Object.freeze({ start: '13:30', end: '17:00' }),
  ]),
});

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes since midnight of an `HH:MM` clock time, or `undefined` when it is not one.
 *
 * @example
 * ```ts
 * clockMinutes('15:00'); // 900
 * clockMinutes('25:00'); // undefined
 * ```
 */
export function clockMinutes(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = CLOCK.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Sessions as `[start, end)` minute pairs, or problems. */
function sessionProblems(input: unknown, path: ProblemPath, out: [number, number][]): Problem[] {
  if (!Array.isArray(input) || input.length === 0) {
    return [
      problem(path, 'invalid-office-sessions', {
        vi: 'Giờ làm việc phải là một danh sách có ít nhất một buổi { start, end }',
        en: 'Office hours must list at least one session { start, end }',
      }),
    ];
  }
  const problems: Problem[] = [];
  let previousEnd = -1;
  input.forEach((session: unknown, i) => {
    const record = (typeof session === 'object' && session !== null ? session : {}) as Record<string, unknown>;
    const start = clockMinutes(record.start);
    const end = clockMinutes(record.end);
    if (start === undefined) {
      problems.push(
        problem([...path, i, 'start'], 'invalid-clock-time', {
          vi: 'Giờ bắt đầu buổi làm việc phải có dạng HH:MM, ví dụ 07:30',
          en: 'A session start must be a time HH:MM, e.g. 07:30',
        }),
      );
    }
    if (end === undefined) {
      problems.push(
        problem([...path, i, 'end'], 'invalid-clock-time', {
          vi: 'Giờ kết thúc buổi làm việc phải có dạng HH:MM, ví dụ 11:30',
          en: 'A session end must be a time HH:MM, e.g. 11:30',
        }),
      );
    }
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      problems.push(
        problem([...path, i, 'end'], 'session-ends-before-start', {
          vi: 'Buổi làm việc phải kết thúc sau khi bắt đầu',
          en: 'A session must end after it starts',
        }),
      );
      return;
    }
    if (start < previousEnd) {
      problems.push(
        problem([...path, i, 'start'], 'sessions-overlap', {
          vi: 'Các buổi làm việc phải theo thứ tự thời gian và không chồng lên nhau',
          en: 'Sessions must be in time order and must not overlap',
        }),
      );
      return;
    }
    previousEnd = end;
    out.push([start, end]);
  });
  return problems;
}

/**
 * Office hours as minute pairs, validated.
 *
 * @example
 * ```ts
 * compileOfficeHours(DEFAULT_OFFICE_HOURS).weekday; // [[450, 690], [810, 1020]]
 * ```
 */
export interface CompiledOfficeHours {
  /** `[start, end)` minutes of an ordinary working day. */
  readonly weekday: readonly (readonly [number, number])[];
  /** `[start, end)` minutes of a working weekend day added by an overlay. */
  readonly weekend: readonly (readonly [number, number])[];
}

/**
 * Validates office hours and turns them into minute pairs. Throws a `MotcuaError` listing every
 * problem (path under `officeHours`) in Vietnamese and English.
 *
 * @example
 * ```ts
 * compileOfficeHours({ sessions: [{ start: '08:00', end: '12:00' }] }).weekday; // [[480, 720]]
 * compileOfficeHours({ sessions: [{ start: '12:00', end: '08:00' }] }); // throws (session-ends-before-start)
 * ```
 */
export function compileOfficeHours(input: unknown, path: ProblemPath = ['officeHours']): CompiledOfficeHours {
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const weekday: [number, number][] = [];
  const weekend: [number, number][] = [];
  const problems = sessionProblems(record.sessions, [...path, 'sessions'], weekday);
  if (record.weekendSessions !== undefined) {
    problems.push(...sessionProblems(record.weekendSessions, [...path, 'weekendSessions'], weekend));
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  return { weekday, weekend: record.weekendSessions === undefined ? weekday : weekend };
}
