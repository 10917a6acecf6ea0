import { MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import {
  checkedLimit,
  type DueDateContext,
  type DueDateOptions,
  dueDateContext,
  dueMomentsFor,
  type Moment,
} from './due-date.js';
import { vietnamMinute } from './instant.js';
import type { DossierStatus } from './status.js';
import type { SupplementReason } from './supplement-reason-codes.js';
import type { TimeLimit } from './time-limit.js';
import type { WorkingTime } from './working-time.js';

/**
 * Something that happened to a dossier after it was received, at a time with its UTC offset:
 * - `supplement-requested` / `supplement-completed`: the clock is paused from the request (Phiếu yêu
 *   cầu bổ sung, Mẫu 02) to the completed supplement, as Decision 766 computes it [S];
 * - `extended`: an apology letter (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04) with the new
 *   due date and the reason;
 * - `authority-received`: the competent authority received a dossier taken in regardless of
 *   administrative boundary; its clock starts here (Decree 309/2026 → Decree 118/2025 art. 17(3)),
 *   with the due date then notified (`dueAt`; computed when absent);
 * - `withdrawn`: the applicant withdrew the dossier (status 7); `stopped`: processing stopped
 *   (status 8); `resolved`: a result exists (status 9); `returned`: the result was handed over (status 10).
 *
 * @example
 * ```ts
 * const events: DossierEvent[] = [
 *   { type: 'supplement-requested', at: '2026-03-10T09:00:00+07:00' },
 *   { type: 'supplement-completed', at: '2026-03-12T09:00:00+07:00' },
 *   { type: 'resolved', at: '2026-03-16T10:00:00+07:00' },
 * ];
 * ```
 */
export type DossierEvent =
  | {
      readonly type: 'supplement-requested';
      readonly at: string | Date;
      readonly reason?: string;
      /** Reason codes (check input with `parseSupplementReasons`; the clock does not read them). */
      readonly reasons?: readonly SupplementReason[];
    }
  | { readonly type: 'authority-received'; readonly at: string | Date; readonly dueAt?: string | Date }
  | { readonly type: 'supplement-completed'; readonly at: string | Date }
  | { readonly type: 'extended'; readonly at: string | Date; readonly dueAt: string | Date; readonly reason: string }
  | { readonly type: 'withdrawn'; readonly at: string | Date }
  | { readonly type: 'stopped'; readonly at: string | Date; readonly reason?: string }
  | { readonly type: 'resolved'; readonly at: string | Date }
  | { readonly type: 'returned'; readonly at: string | Date };

/**
 * The kinds of {@link DossierEvent}.
 *
 * @example
 * ```ts
 * DOSSIER_EVENT_TYPES.includes('extended'); // true
 * ```
 */
export const DOSSIER_EVENT_TYPES: readonly DossierEvent['type'][] = Object.freeze([
  'supplement-requested',
  'supplement-completed',
  'authority-received',
  'extended',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
]);

/**
 * A dossier as the clock sees it: receipt, time limit and what happened since, in time order.
 *
 * @example
 * ```ts
 * const dossier: DossierTimeline = {
 *   receivedAt: '2026-03-09T10:00:00+07:00',
 *   limit: { value: 5, unit: 'working-days' },
 *   events: [{ type: 'resolved', at: '2026-03-13T15:00:00+07:00' }],
 * };
 * ```
 */
export interface DossierTimeline {
  /** When the dossier was received, with its UTC offset. */
  readonly receivedAt: string | Date;
  /** The procedure's time limit. */
  readonly limit: TimeLimit;
  /** The procedure's code, for a no-appointment day. */
  readonly procedure?: string;
  /**
   * The due date printed on the receipt slip (ngày hẹn trả), stored when the dossier was received.
   * When given, the clock starts from it instead of recounting under the current calendar, so a later
   * calendar change never rewrites a printed promise; pauses and extensions still move it.
   */
  readonly dueAt?: string | Date;
  /**
   * Received regardless of administrative boundary for another competent authority: the clock
   * starts at the `authority-received` event; until then the due date counts from the counter's
   * receipt and is provisional.
   */
  readonly acrossBoundary?: boolean;
  /** What happened since, in time order. */
  readonly events?: readonly DossierEvent[];
}

/**
 * Options of {@link dossierClock}: those of `dueDate` and the conventions of the clock, each [U]
 * with a documented default.
 *
 * @example
 * ```ts
 * const options: DossierClockOptions = { calendar: vietnamCalendar(), measureAgainst: 'extended' };
 * ```
 */
export interface DossierClockOptions extends DueDateOptions {
  /**
   * Which due date a dossier is measured against: `statutory` (default; the legal due date moved by
   * the pauses, so an extension does not make a late result on time) or `extended` (the last date
   * promised in an apology letter).
   */
  readonly measureAgainst?: 'statutory' | 'extended';
  /** Supplement requests allowed before the dossier counts as late (default 1, Decision 766 [S]). */
  readonly maxSupplementRequests?: number;
  /** Extensions allowed before the dossier is flagged (default 1: "the date may be reset only once" [U]). */
  readonly maxExtensions?: number;
  /** Working days before the due date by which an apology letter must go out (default 1 [U]). */
  readonly apologyNoticeDays?: number;
}

/**
 * Where the dossier's clock stands after its events.
 *
 * @example
 * ```ts
 * const state: DossierClockState = 'paused'; // waiting for the applicant's supplement
 * ```
 */
export type DossierClockState = 'running' | 'paused' | 'withdrawn' | 'stopped' | 'resolved' | 'returned';

/**
 * Something the clock noticed that a supervisor should see (not an input error):
 * - `counted-late`: more supplement requests than allowed (Decision 766 counts the dossier late);
 * - `late-apology`: an apology letter sent later than the notice period before the due date;
 * - `extended-again`: more extensions than allowed.
 *
 * @example
 * ```ts
 * const flag: DossierClockFlag = 'late-apology';
 * ```
 */
export type DossierClockFlag = 'counted-late' | 'late-apology' | 'extended-again';

/**
 * A supplement pause, with the working minutes it took off the clock.
 *
 * @example
 * ```ts
 * const pause: DossierPause = { from: '2026-03-10T09:00:00+07:00', to: '2026-03-12T09:00:00+07:00', workingMinutes: 900 };
 * ```
 */
export interface DossierPause {
  /** The supplement request. */
  readonly from: string;
  /** The completed supplement (absent while the applicant has not supplemented). */
  readonly to?: string;
  /** Working minutes between the two (to the measuring time while open: 0). */
  readonly workingMinutes: number;
}

/**
 * The clock of one dossier: the due dates, pauses, extension, state and flags, as ISO strings in
 * Vietnam time.
 *
 * @example
 * ```ts
 * const clock: DossierClock = dossierClock(dossier, { calendar: vietnamCalendar() });
 * clock.dueAt;       // the statutory due date moved by the supplement pauses
 * clock.measuredDueAt; // the one classification compares against
 * ```
 */
export interface DossierClock {
  /** The receipt, in Vietnam time. */
  readonly receivedAt: string;
  /** When counting started. */
  readonly deemedReceivedAt: string;
  /** When the competent authority received a dossier taken in regardless of boundary. */
  readonly authorityReceivedAt?: string;
  /** Whether the due date is provisional: received across the boundary, not yet by the authority. */
  readonly provisional: boolean;
  /** The due date written on the receipt slip. */
  readonly originalDueAt: string;
  /** The statutory due date moved by the supplement pauses. */
  readonly dueAt: string;
  /** The last date promised to the applicant: the extension's (moved by later pauses), else `dueAt`. */
  readonly promisedDueAt: string;
  /** The due date the dossier is measured against (see {@link DossierClockOptions}). */
  readonly measuredDueAt: string;
  /** The latest extension, with its reason. */
  readonly extension?: { readonly at: string; readonly dueAt: string; readonly reason: string };
  /** Supplement pauses, in order. */
  readonly pauses: readonly DossierPause[];
  /** Working minutes taken off the clock by completed supplements. */
  readonly pausedMinutes: number;
  /** Where the clock stands. */
  readonly state: DossierClockState;
  /** When processing ended: resolved, else returned, else stopped (Decision 766's order [S]). */
  readonly endedAt?: string;
  /** When a paused dossier is measured: the open supplement request. */
  readonly frozenAt?: string;
  /** Whether Decision 766 counts the dossier late whatever its dates (a second supplement request). */
  readonly countedLate: boolean;
  /** What a supervisor should see. */
  readonly flags: readonly DossierClockFlag[];
}

/** Internal moments of a clock, for classification without re-parsing. */
export interface ClockMoments {
  readonly time: WorkingTime;
  readonly measuredDue: Moment;
  readonly ended: Moment | undefined;
  readonly frozen: Moment | undefined;
  readonly withdrawn: boolean;
  readonly countedLate: boolean;
}

function at(time: WorkingTime, local: number): Moment {
  const day = Math.floor(local / 1440);
  return [day - time.base, local - day * 1440];
}

function later(a: Moment, b: Moment): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

/** Moves a moment by `minutes` of working time (unchanged for 0). */
function shift(time: WorkingTime, m: Moment, minutes: number, path: ProblemPath): Moment {
  if (minutes <= 0) return m;
  const result = time.atCoordinate(time.coordinate(m[0], m[1]) + minutes);
  if (result[0] < 0) time.outside(path, { vi: 'Hạn giải quyết', en: 'The due date' });
  return result;
}

/** A stored or notified due date as a moment; a problem when it is not after `from`. */
function bindingDue(
  time: WorkingTime,
  value: string | Date,
  from: Moment,
  path: ProblemPath,
  problems: Problem[],
): Moment | undefined {
  const moment = at(time, vietnamMinute(value, path));
  if (later(moment, from)) return moment;
  problems.push(
    problem(path, 'due-not-after-receipt', { vi: 'Ngày hẹn trả phải sau khi nhận', en: 'Due date not after receipt' }),
  );
  return undefined;
}

const TERMINAL = new Set<DossierClockState>(['withdrawn', 'stopped', 'returned']);

/**
 * Runs a dossier's clock, as the internal moments and the public result.
 */
export function runDossierClock(
  timeline: DossierTimeline,
  options: DossierClockOptions,
  context: DueDateContext = dueDateContext(options),
): ClockRun {
  const time = context.time;
  const limit = checkedLimit(timeline.limit, ['limit']);
  const received = vietnamMinute(timeline.receivedAt, ['receivedAt']);
  let { deemed, due: original } = dueMomentsFor(context, received, limit, timeline.procedure, ['receivedAt']);
  const receivedMoment = at(time, received);
  const problems: Problem[] = [];
  if (timeline.dueAt !== undefined) {
    const printed = bindingDue(time, timeline.dueAt, receivedMoment, ['dueAt'], problems);
    if (printed) original = printed;
  }
  const acrossBoundary = timeline.acrossBoundary === true;
  let authority: Moment | undefined;
  const maxSupplements = options.maxSupplementRequests ?? 1;
  const maxExtensions = options.maxExtensions ?? 1;
  const notice = options.apologyNoticeDays ?? 1;

  let due = original;
  let promised: Moment | undefined;
  let extension: { at: Moment; dueAt: Moment; reason: string } | undefined;
  let extensions = 0;
  let requests = 0;
  let openFrom: Moment | undefined;
  const pauses: { from: Moment; to?: Moment; minutes: number }[] = [];
  let paused = 0;
  let state = 'running' as DossierClockState;
  let resolved: Moment | undefined;
  let returned: Moment | undefined;
  let stopped: Moment | undefined;
  const flags = new Set<DossierClockFlag>();
  let previous = receivedMoment;

  const events = timeline.events ?? [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as DossierEvent;
    const path: ProblemPath = ['events', i];
    const type = (event as { type?: unknown }).type;
    if (!(DOSSIER_EVENT_TYPES as readonly unknown[]).includes(type)) {
      problems.push(
        problem([...path, 'type'], 'unknown-event', {
          vi: `Loại sự kiện không hợp lệ; phải là một trong: ${DOSSIER_EVENT_TYPES.join(', ')}`,
          en: `Unknown event type; expected one of: ${DOSSIER_EVENT_TYPES.join(', ')}`,
        }),
      );
      continue;
    }
    let moment: Moment;
    try {
      moment = at(time, vietnamMinute(event.at, [...path, 'at']));
    } catch (error) {
      if (error instanceof MotcuaError) {
        problems.push(...error.problems);
        continue;
      }
      throw error;
    }
    if (moment[0] < 0 || moment[0] >= time.size) time.outside([...path, 'at'], { vi: 'Thời điểm', en: 'The time' });
    if (event.type === 'supplement-completed' && openFrom && later(openFrom, moment)) {
      problems.push(
        problem([...path, 'at'], 'supplement-ends-before-start', {
          vi: 'Thời điểm hoàn thành bổ sung sớm hơn thời điểm yêu cầu bổ sung',
          en: 'The supplement is completed before it was requested',
        }),
      );
      continue;
    }
    if (later(previous, moment)) {
      problems.push(
        problem([...path, 'at'], 'event-out-of-order', {
          vi: 'Các sự kiện phải theo thứ tự thời gian và không sớm hơn thời điểm tiếp nhận',
          en: 'Events must be in time order and not before the receipt',
        }),
      );
      continue;
    }
    if (TERMINAL.has(state)) {
      problems.push(
        problem([...path, 'type'], 'event-after-end', {
          vi: 'Hồ sơ đã kết thúc (rút, dừng hoặc đã trả kết quả): không thể có thêm sự kiện',
          en: 'The dossier has ended (withdrawn, stopped or returned): no further events',
        }),
      );
      continue;
    }
    if (event.type === 'authority-received') {
      if (!acrossBoundary || authority || i > 0) {
        problems.push(
          problem([...path, 'type'], 'unexpected-authority-receipt', {
            vi: 'Chỉ hồ sơ acrossBoundary có một bước authority-received, đầu tiên',
            en: 'Only an acrossBoundary dossier has one authority-received step, first',
          }),
        );
        continue;
      }
      const local = time.base * 1440 + moment[0] * 1440 + moment[1];
      const counted = dueMomentsFor(context, local, limit, timeline.procedure, [...path, 'at']);
      deemed = counted.deemed;
      original = counted.due;
      if (event.dueAt !== undefined) {
        const notified = bindingDue(time, event.dueAt, moment, [...path, 'dueAt'], problems);
        if (notified) original = notified;
      }
      due = original;
      authority = moment;
      previous = moment;
      continue;
    }
    previous = moment;
    switch (event.type) {
      case 'supplement-requested': {
        if (openFrom) {
          problems.push(
            problem([...path, 'type'], 'supplement-already-requested', {
              vi: 'Đang chờ bổ sung: yêu cầu bổ sung trước chưa được hoàn thành',
              en: 'A supplement is already pending',
            }),
          );
          continue;
        }
        requests++;
        if (requests > maxSupplements) flags.add('counted-late');
        openFrom = moment;
        state = 'paused';
        continue;
      }
      case 'supplement-completed': {
        if (!openFrom) {
          problems.push(
            problem([...path, 'type'], 'supplement-not-requested', {
              vi: 'Hoàn thành bổ sung khi chưa có yêu cầu bổ sung',
              en: 'A supplement is completed without a request',
            }),
          );
          continue;
        }
        const minutes = time.coordinate(moment[0], moment[1]) - time.coordinate(openFrom[0], openFrom[1]);
        pauses.push({ from: openFrom, to: moment, minutes });
        paused += minutes;
        due = shift(time, due, minutes, [...path, 'at']);
        if (promised) promised = shift(time, promised, minutes, [...path, 'at']);
        openFrom = undefined;
        state = resolved ? 'resolved' : 'running';
        continue;
      }
      case 'extended': {
        let newDue: Moment;
        try {
          newDue = at(time, vietnamMinute(event.dueAt, [...path, 'dueAt']));
        } catch (error) {
          if (error instanceof MotcuaError) {
            problems.push(...error.problems);
            continue;
          }
          throw error;
        }
        const current = promised ?? due;
        if (!later(newDue, current)) {
          problems.push(
            problem([...path, 'dueAt'], 'extension-not-later', {
              vi: 'Ngày hẹn trả mới phải muộn hơn ngày hẹn trả hiện tại',
              en: 'The new due date must be later than the current one',
            }),
          );
          continue;
        }
        if (typeof event.reason !== 'string' || event.reason.trim() === '') {
          problems.push(
            problem([...path, 'reason'], 'missing-reason', {
              vi: 'Phiếu xin lỗi phải nêu rõ lý do chậm trả kết quả',
              en: 'An apology letter must give the reason for the delay',
            }),
          );
          continue;
        }
        extensions++;
        if (extensions > maxExtensions) flags.add('extended-again');
        // Sent no later than `notice` working days before the due date it replaces [U].
        const deadlineDay =
          notice > 0
            ? time.list[(time.rank[current[0]] as number) - (time.kind[current[0]] !== 0 ? 1 : 0) - notice]
            : current[0];
        if (deadlineDay === undefined || moment[0] > deadlineDay) flags.add('late-apology');
        extension = { at: moment, dueAt: newDue, reason: event.reason };
        promised = newDue;
        continue;
      }
      case 'withdrawn':
      case 'stopped':
      case 'returned': {
        if (event.type === 'stopped') stopped = moment;
        if (event.type === 'returned') returned = moment;
        state = event.type;
        continue;
      }
      case 'resolved': {
        resolved ??= moment;
        state = 'resolved';
        continue;
      }
    }
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  if (openFrom && !TERMINAL.has(state)) pauses.push({ from: openFrom, minutes: 0 });

  const ended = resolved ?? returned ?? stopped;
  const frozen = openFrom && !ended && state === 'paused' ? openFrom : undefined;
  const measuredDue = options.measureAgainst === 'extended' && promised ? promised : due;
  const countedLate = flags.has('counted-late');
  const moments: ClockMoments = {
    time,
    measuredDue,
    ended,
    frozen,
    withdrawn: state === 'withdrawn',
    countedLate,
  };
  return {
    moments,
    receivedMoment,
    authority,
    provisional: acrossBoundary && !authority,
    deemed,
    original,
    due,
    promised,
    extension,
    pauses,
    paused,
    state,
    flags,
  };
}

/** Everything a run of the clock found, as moments. */
interface ClockRun {
  readonly moments: ClockMoments;
  readonly receivedMoment: Moment;
  readonly authority: Moment | undefined;
  readonly provisional: boolean;
  readonly deemed: Moment;
  readonly original: Moment;
  readonly due: Moment;
  readonly promised: Moment | undefined;
  readonly extension: { readonly at: Moment; readonly dueAt: Moment; readonly reason: string } | undefined;
  readonly pauses: readonly { readonly from: Moment; readonly to?: Moment; readonly minutes: number }[];
  readonly paused: number;
  readonly state: DossierClockState;
  readonly flags: ReadonlySet<DossierClockFlag>;
}

function isoOf(time: WorkingTime, m: Moment): string {
  return time.iso(m[0], m[1]);
}

/** The public clock of a run, in ISO strings. */
function clockOf(run: ClockRun): DossierClock {
  const { time, measuredDue, ended, frozen, countedLate } = run.moments;
  const extension = run.extension;
  return {
    receivedAt: isoOf(time, run.receivedMoment),
    deemedReceivedAt: isoOf(time, run.deemed),
    ...(run.authority ? { authorityReceivedAt: isoOf(time, run.authority) } : {}),
    provisional: run.provisional,
    originalDueAt: isoOf(time, run.original),
    dueAt: isoOf(time, run.due),
    promisedDueAt: isoOf(time, run.promised ?? run.due),
    measuredDueAt: isoOf(time, measuredDue),
    ...(extension
      ? { extension: { at: isoOf(time, extension.at), dueAt: isoOf(time, extension.dueAt), reason: extension.reason } }
      : {}),
    pauses: run.pauses.map((p) => ({
      from: isoOf(time, p.from),
      ...(p.to ? { to: isoOf(time, p.to) } : {}),
      workingMinutes: p.minutes,
    })),
    pausedMinutes: run.paused,
    state: run.state,
    ...(ended ? { endedAt: isoOf(time, ended) } : {}),
    ...(frozen ? { frozenAt: isoOf(time, frozen) } : {}),
    countedLate,
    flags: [...run.flags],
  };
}

/**
 * Runs the clock of a dossier: the due date on the receipt slip, moved by each completed
 * supplement (the working time from the request to the completed supplement is taken off the
 * clock), the extension promised in an apology letter, and the state after withdrawal, stop,
 * resolution and return. A second supplement request flags the dossier `counted-late`, as
 * Decision 766 counts it [S].
 *
 * @throws MotcuaError for a bad receipt, limit or event (unknown type, a time without an offset,
 * events out of order, a supplement completed before it was requested, an extension without a
 * reason or not later than the current due date, events after withdrawal, stop or return).
 * @example
 * ```ts
 * const clock = dossierClock(
 *   {
 *     receivedAt: '2026-03-09T10:00:00+07:00', // Monday; 5 working days → Monday 16/3 17:00
 *     limit: { value: 5, unit: 'working-days' },
 *     events: [
 *       { type: 'supplement-requested', at: '2026-03-10T10:00:00+07:00' },
 *       { type: 'supplement-completed', at: '2026-03-12T10:00:00+07:00' }, // two working days later
 *     ],
 *   },
 *   { calendar: vietnamCalendar() },
 * );
 * clock.dueAt; // '2026-03-18T17:00:00+07:00'
 * ```
 */
export function dossierClock(timeline: DossierTimeline, options: DossierClockOptions): DossierClock {
  return clockOf(runDossierClock(timeline, options));
}

const STATUS_OF_STATE: Readonly<Record<DossierClockState, DossierStatus>> = {
  running: 'processing',
  paused: 'supplement-requested',
  withdrawn: 'withdrawn',
  stopped: 'stopped',
  resolved: 'resolved',
  returned: 'returned',
};

/**
 * The dossier status a clock state stands for, so every package speaks the one status model:
 * `running` → `processing`, `paused` → `supplement-requested`, the others by name.
 *
 * @example
 * ```ts
 * clockStatus(dossierClock(dossier, { calendar }).state); // e.g. 'supplement-requested'
 * toNationalStatusCode(clockStatus('paused'));              // 5
 * ```
 */
export function clockStatus(state: DossierClockState): DossierStatus {
  return STATUS_OF_STATE[state];
}
