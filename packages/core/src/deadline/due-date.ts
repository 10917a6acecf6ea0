import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import { vietnamMinute } from './instant.js';
import { type CompiledNoAppointmentDay, compileNoAppointmentDay, type NoAppointmentDay } from './no-appointment.js';
import { clockMinutes, type OfficeHours } from './office-hours.js';
import { parseTimeLimit, type TimeLimit } from './time-limit.js';
import { type WorkingTime, workingTimeOf } from './working-time.js';

/**
 * How a dossier received outside office hours is counted:
 * - `next-session` (default): deemed received at the start of the next working session (an online
 *   filing at 22:00 or on a Sunday counts from the next morning's opening);
 * - `as-recorded`: from the moment the online system recorded it (Decree 280/2025's reading for
 *   chứng thực [S]); the day of receipt is then not counted (Civil Code art. 147).
 *
 * @example
 * ```ts
 * const receipt: ReceiptRule = 'as-recorded';
 * ```
 */
export type ReceiptRule = 'next-session' | 'as-recorded';

/**
 * The time of day a due date counted in days falls on:
 * - `end-of-day` (default): the close of the last session of the due day (the result is returned at
 *   the counter, so Civil Code art. 148(6)'s "24:00" is read as the office's closing time);
 * - `same-time`: the same point of the working day as the deemed receipt (received at 10:00, due at
 *   10:00; received in the lunch break, due at the end of the morning session; received on a day
 *   off, due at the close). It applies to `working-days`; a period in calendar `days` always ends at
 *   the close (Civil Code art. 148(5)–(6) end it with its last day).
 *
 * @example
 * ```ts
 * const timeOfDay: DueTimeOfDay = 'same-time';
 * ```
 */
export type DueTimeOfDay = 'end-of-day' | 'same-time';

/**
 * Options of {@link dueDate}. Every convention tagged [U] or [S] in the rules is an option here.
 *
 * @example
 * ```ts
 * const options: DueDateOptions = {
 *   calendar: vietnamCalendar(),
 *   officeHours: { sessions: [{ start: '08:00', end: '11:30' }, { start: '13:00', end: '17:00' }] },
 *   receipt: 'as-recorded',
 *   timeOfDay: 'same-time',
 * };
 * ```
 */
export interface DueDateOptions {
  /** The working-day calendar (`vietnamCalendar(…)`, with the province's and commune's overlays). */
  readonly calendar: WorkingDayCalendar;
  /** The agency's sessions (default 07:30–11:30 and 13:30–17:00); the index is built once per calendar and hours. */
  readonly officeHours?: OfficeHours;
  /** Receipt outside office hours (default `next-session`). */
  readonly receipt?: ReceiptRule;
  /** Time of day of a due date counted in working days (default `end-of-day`). */
  readonly timeOfDay?: DueTimeOfDay;
  /** Whether national make-up Saturdays count as working days (default `true`; not stated anywhere [U]). */
  readonly makeUpSaturdays?: boolean;
  /**
   * For limits in calendar `days`: whether a swapped day off (bridge day) is a day off under Civil
   * Code art. 148(5), moving a period that ends on it to the next working day (default `true`).
   */
  readonly bridgeDaysOff?: boolean;
  /**
   * The cutoff applied to `same-day` and `immediate` limits that give none (default `'15:00'`: the
   * "sau 15 giờ" of Luật Hộ tịch art. 5(3) and Decree 23/2015 art. 7 [C]; for other procedures it is
   * a setting [U]). `'23:59'` leaves only the close of the office as the limit.
   */
  readonly sameDayCutoff?: string;
  /** A commune's no-appointment day: listed procedures resolved within the day on named weekdays. */
  readonly noAppointment?: NoAppointmentDay;
}

/**
 * A dossier to date: when it was received (an ISO 8601 string with its offset, or a `Date`) and the
 * procedure's time limit.
 *
 * @example
 * ```ts
 * const input: DueDateInput = { receivedAt: '2026-02-13T10:00:00+07:00', limit: { value: 3, unit: 'working-days' } };
 * ```
 */
export interface DueDateInput {
  /** When the dossier was received, with its UTC offset. */
  readonly receivedAt: string | Date;
  /** The procedure's time limit. */
  readonly limit: TimeLimit;
  /** The procedure's code, for the no-appointment day (see {@link DueDateOptions}). */
  readonly procedure?: string;
}

/**
 * A due date, as ISO 8601 strings in Vietnam time (`+07:00`), to the minute.
 *
 * @example
 * ```ts
 * const due: DueDate = {
 *   deemedReceivedAt: '2026-02-13T10:00:00+07:00',
 *   dueAt: '2026-02-25T17:00:00+07:00',
 *   afterCutoff: false,
 * };
 * ```
 */
export interface DueDate {
  /** When counting starts: the receipt, moved by the receipt rule and the cutoff. */
  readonly deemedReceivedAt: string;
  /** When the result is due (hẹn trả kết quả). */
  readonly dueAt: string;
  /**
   * Whether the receipt fell after the limit's cutoff (or, recorded as is, on a day off), so counting
   * started at the opening of the next working day.
   */
  readonly afterCutoff: boolean;
}

/** Compiled options, reused across dossiers. */
export interface DueDateContext {
  readonly time: WorkingTime;
  readonly asRecorded: boolean;
  readonly sameTime: boolean;
  readonly bridgeDaysOff: boolean;
  readonly sameDayCutoff: number;
  readonly noAppointment: CompiledNoAppointmentDay | undefined;
}

const contexts = new WeakMap<DueDateOptions, DueDateContext>();

/** Validates and compiles options (cached per options object). */
export function dueDateContext(options: DueDateOptions): DueDateContext {
  const cached = contexts.get(options);
  if (cached) return cached;
  const problems: Problem[] = [];
  if (typeof options !== 'object' || options === null || typeof options.calendar?.isWorkingDay !== 'function') {
    throw new MotcuaError([
      problem(['calendar'], 'missing-calendar', {
        vi: 'Cần một lịch ngày làm việc (calendar: vietnamCalendar())',
        en: 'A working-day calendar is required (calendar: vietnamCalendar())',
      }),
    ]);
  }
  if (options.receipt !== undefined && options.receipt !== 'next-session' && options.receipt !== 'as-recorded') {
    problems.push(
      problem(['receipt'], 'invalid-option', {
        vi: 'receipt phải là "next-session" hoặc "as-recorded"',
        en: 'receipt must be "next-session" or "as-recorded"',
      }),
    );
  }
  if (options.timeOfDay !== undefined && options.timeOfDay !== 'end-of-day' && options.timeOfDay !== 'same-time') {
    problems.push(
      problem(['timeOfDay'], 'invalid-option', {
        vi: 'timeOfDay phải là "end-of-day" hoặc "same-time"',
        en: 'timeOfDay must be "end-of-day" or "same-time"',
      }),
    );
  }
  const sameDayCutoff = clockMinutes(options.sameDayCutoff ?? '15:00');
  if (sameDayCutoff === undefined) {
    problems.push(
      problem(['sameDayCutoff'], 'invalid-time-limit-cutoff', {
        vi: 'Giờ giới hạn tiếp nhận phải có dạng HH:MM, ví dụ 15:00',
        en: 'The cutoff must be a time HH:MM, e.g. 15:00',
      }),
    );
  }
  const noAppointment =
    options.noAppointment === undefined
      ? undefined
      : compileNoAppointmentDay(options.noAppointment, ['noAppointment'], problems);
  if (problems.length > 0) throw new MotcuaError(problems);
  const context: DueDateContext = {
    time: workingTimeOf(options.calendar, options.officeHours, { makeUpSaturdays: options.makeUpSaturdays !== false }),
    asRecorded: options.receipt === 'as-recorded',
    sameTime: options.timeOfDay === 'same-time',
    bridgeDaysOff: options.bridgeDaysOff !== false,
    sameDayCutoff: sameDayCutoff as number,
    noAppointment,
  };
  contexts.set(options, context);
  return context;
}

/** Cutoff minutes of a limit (undefined: none), cached per cutoff string. */
const cutoffCache = new Map<string, number>();

/** Minutes of a validated `HH:MM` cutoff, remembered. */
function cutoffOf(cutoff: string): number {
  const minutes = clockMinutes(cutoff) as number;
  cutoffCache.set(cutoff, minutes);
  return minutes;
}

/** Validates a limit, fast for the common valid shapes. */
export function checkedLimit(limit: TimeLimit, path: ProblemPath): TimeLimit {
  // Fast path for the common, valid shapes; anything else is validated in full.
  if (
    typeof limit === 'object' &&
    limit !== null &&
    Number.isSafeInteger(limit.value) &&
    (limit.cutoff === undefined || cutoffCache.has(limit.cutoff))
  ) {
    const u = limit.unit;
    if ((u === 'working-days' || u === 'working-hours' || u === 'days') && limit.value >= 1) return limit;
    if ((u === 'same-day' || u === 'immediate') && limit.value === 0) return limit;
  }
  const parsed = parseTimeLimit(limit, path);
  if (parsed.cutoff !== undefined) cutoffOf(parsed.cutoff);
  return parsed;
}

/** A moment as `[day index, minute of day]` in a {@link WorkingTime}. */
export type Moment = readonly [number, number];

function rangeCheck(time: WorkingTime, day: number, path: ProblemPath, what: string): void {
  if (day < 0 || day >= time.size) {
    time.outside(path, { vi: what, en: what });
  }
}

/** The deemed receipt of a receipt at Vietnam minute `local`, before the cutoff. */
export function deemedMoment(context: DueDateContext, local: number, path: ProblemPath): Moment {
  const time = context.time;
  const day = Math.floor(local / 1440) - time.base;
  rangeCheck(time, day, path, `${path.join('.')}`);
  const minute = local - Math.floor(local / 1440) * 1440;
  if (context.asRecorded) return [day, minute];
  const [d, m] = time.nextOpening(day, minute);
  if (d < 0) time.outside(path, { vi: 'Phiên làm việc tiếp theo', en: 'The next working session' });
  return [d, m];
}

/**
 * The due moment and the moment counting starts, for a receipt at Vietnam minute `local`.
 * Internal engine of {@link dueDate}; exported for the dossier clock and the benchmark.
 */
export function dueMoments(
  context: DueDateContext,
  local: number,
  limit: TimeLimit,
  path: ProblemPath,
): { deemed: Moment; due: Moment; afterCutoff: boolean } {
  const time = context.time;
  let [day, minute] = deemedMoment(context, local, path);
  const unit = limit.unit;
  const uncounted = unit === 'same-day' || unit === 'immediate';
  const cutoff =
    limit.cutoff !== undefined
      ? (cutoffCache.get(limit.cutoff) ?? cutoffOf(limit.cutoff))
      : uncounted
        ? context.sameDayCutoff
        : -1;
  let afterCutoff = false;
  // A recorded receipt on a day off is after every cutoff of the last working day; a same-day or
  // immediate one recorded after the close is too, whatever the cutoff (one rule: see sameDayRule).
  if (cutoff >= 0 && (time.kind[day] === 0 || minute > cutoff || (uncounted && minute >= time.closing(day)))) {
    afterCutoff = true;
    day = time.nthWorkingDayAfter(day, 1);
    if (day < 0) time.outside(path, { vi: 'Ngày làm việc tiếp theo', en: 'The next working day' });
    minute = time.opening(day);
  }
  const deemed: Moment = [day, minute];
  const value = limit.value;
  let dueDay = -1;
  let dueMinute = 0;
  switch (unit) {
    case 'working-hours': {
      const [d, m] = time.atCoordinate(time.coordinate(day, minute) + value * 60);
      dueDay = d;
      dueMinute = m;
      break;
    }
    case 'immediate':
    case 'same-day': {
      // "Ngay" and "trong ngày" are one rule: the close of the (deemed) receipt's working day.
      dueDay = day;
      dueMinute = time.closing(day);
      break;
    }
    default: {
      if (unit === 'working-days') {
        dueDay = time.nthWorkingDayAfter(day, value);
      } else {
        dueDay = day + value;
        if (dueDay < time.size && time.kind[dueDay] === 0) {
          // Art. 148(5): the period then ends at the end of the next working day.
          if (context.bridgeDaysOff) dueDay = time.nthWorkingDayAfter(dueDay, 1);
          else while (dueDay < time.size && time.kind[dueDay] === 0 && time.bridge[dueDay] === 0) dueDay++;
        }
      }
      if (dueDay < 0 || dueDay >= time.size) break;
      const sessions = time.kind[dueDay] === 0 ? 1 : (time.kind[dueDay] as number);
      const closing = time.sessions[sessions] as readonly (readonly [number, number])[];
      const close = (closing[closing.length - 1] as readonly [number, number])[1];
      if (!context.sameTime || unit === 'days') dueMinute = close;
      else {
        const p = time.kind[day] === 0 ? Number.POSITIVE_INFINITY : time.position(day, minute);
        const total = time.minutesByKind[sessions] as number;
        dueMinute =
          p <= 0
            ? (closing[0] as readonly [number, number])[0]
            : p >= total
              ? close
              : time.kind[dueDay] === 0
                ? close
                : time.minuteAtPosition(dueDay, p);
      }
    }
  }
  if (dueDay < 0 || dueDay >= time.size) {
    time.outside(['limit'], {
      vi: 'Hạn giải quyết',
      en: 'The due date',
    });
  }
  return { deemed, due: [dueDay, dueMinute], afterCutoff };
}

/**
 * {@link dueMoments} with the no-appointment day: on its weekdays a listed procedure is due at the
 * earlier of its own limit and the day's.
 */
export function dueMomentsFor(
  context: DueDateContext,
  local: number,
  limit: TimeLimit,
  procedure: string | undefined,
  path: ProblemPath,
): { deemed: Moment; due: Moment; afterCutoff: boolean } {
  const result = dueMoments(context, local, limit, path);
  const rule = context.noAppointment;
  if (rule === undefined || procedure === undefined || !rule.procedures.has(procedure)) return result;
  const time = context.time;
  const [day] = deemedMoment(context, local, path);
  // Days count from 1 January of the calendar's first year (1995 or later): epoch days are positive; 1/1/1970 was a
  // Thursday.
  if (time.base + day < rule.start || !rule.weekdays.has((time.base + day + 4) % 7)) return result;
  const other = dueMoments(context, local, rule.limit, path);
  const earlier = other.due[0] < result.due[0] || (other.due[0] === result.due[0] && other.due[1] < result.due[1]);
  return earlier ? other : result;
}

/**
 * The due date (ngày hẹn trả) of a dossier, to the minute, and the moment counting starts.
 *
 * - With a `noAppointment` day, a listed `procedure` received on one of its weekdays is due at the
 *   earlier of its own limit and the day's (within the day by default).
 * - The receipt time must carry its UTC offset (`+07:00`, `Z`, …); the result is in Vietnam time.
 * - Outside office hours the dossier is deemed received at the next session's start (or, with
 *   `receipt: 'as-recorded'`, when the system recorded it).
 * - After the limit's `cutoff` (15:00 by default for `same-day`) counting starts at the opening of
 *   the next working day.
 * - `working-days`: the receipt day is not counted (Civil Code art. 147); due on the n-th working day
 *   after it. `days`: the n-th calendar day after it, moved to the next working day when that is not
 *   one (art. 148(5)). `working-hours`: n hours of office time from the deemed receipt.
 * - `same-day` ("trong ngày") and `immediate` ("giải quyết ngay") follow one rule: received on a
 *   working day during or before its sessions and not after the cutoff → due at that day's close;
 *   after the cutoff, after the close, or on a day off → due at the close of the next working day.
 *   Resolving while the applicant waits is then simply early or on time.
 *
 * @throws MotcuaError for a bad limit, a receipt without an offset, bad options or a date outside
 * the calendar's years.
 * @example
 * ```ts
 * dueDate(
 *   { receivedAt: '2026-02-13T10:00:00+07:00', limit: { value: 3, unit: 'working-days' } },
 *   { calendar: vietnamCalendar() },
 * );
 * // { deemedReceivedAt: '2026-02-13T10:00:00+07:00', dueAt: '2026-02-25T17:00:00+07:00', afterCutoff: false }
 * ```
 */
export function dueDate(input: DueDateInput, options: DueDateOptions): DueDate {
  const context = dueDateContext(options);
  const limit = checkedLimit(input.limit, ['limit']);
  const local = vietnamMinute(input.receivedAt, ['receivedAt']);
  const { deemed, due, afterCutoff } = dueMomentsFor(context, local, limit, input.procedure, ['receivedAt']);
  const time = context.time;
  return {
    deemedReceivedAt: time.iso(deemed[0], deemed[1]),
    dueAt: time.iso(due[0], due[1]),
    afterCutoff,
  };
}
