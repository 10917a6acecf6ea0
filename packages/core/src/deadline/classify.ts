import { MotcuaError, problem } from '../text/problem.js';
import { type ClockMoments, type DossierClockOptions, type DossierTimeline, runDossierClock } from './dossier-clock.js';
import { type DueDateContext, dueDateContext, type Moment } from './due-date.js';
import { vietnamMinute } from './instant.js';

/**
 * Where a dossier stands against its due date:
 * - finished (resolved, returned or stopped): `early` (trước hạn: on a day before the due day),
 *   `on-time` (đúng hạn: by the due time), `late` (quá hạn, also any dossier Decision 766 counts late);
 * - open: `in-time` (đang xử lý trong hạn) or `overdue` (đang xử lý quá hạn);
 * - `withdrawn`: withdrawn by the applicant, not classified.
 *
 * @example
 * ```ts
 * const timeliness: Timeliness = 'on-time';
 * ```
 */
export type Timeliness = 'early' | 'on-time' | 'late' | 'in-time' | 'overdue' | 'withdrawn';

/**
 * A dossier's timeliness, with the working time left (negative: overdue) in minutes, measured at the
 * end of processing, at the open supplement request while waiting on the applicant (Decision 766
 * [S]), or else at `now`.
 *
 * @example
 * ```ts
 * const result: Classification = {
 *   timeliness: 'in-time', dueAt: '2026-03-16T17:00:00+07:00', remainingMinutes: 570,
 *   measuredAt: '2026-03-13T15:00:00+07:00', dayMinutes: 450,
 * };
 * formatRemaining(result.remainingMinutes, 'vi', result.dayMinutes); // 'còn 1 ngày 2 giờ'
 * ```
 */
export interface Classification {
  /** Early, on time, late, in time, overdue or withdrawn. */
  readonly timeliness: Timeliness;
  /** The due date measured against (the clock's `measuredDueAt`), in Vietnam time. */
  readonly dueAt: string;
  /** Working minutes from the measuring time to the due date (negative when past it). */
  readonly remainingMinutes: number;
  /** When the dossier was measured, in Vietnam time. */
  readonly measuredAt?: string;
  /** Working minutes of an ordinary day of the agency's office hours, for {@link formatRemaining}. */
  readonly dayMinutes: number;
}

/**
 * Options of {@link classifyDossier}: the clock's, and the current time for open dossiers.
 *
 * @example
 * ```ts
 * const options: ClassifyOptions = { calendar: vietnamCalendar(), now: '2026-03-13T15:00:00+07:00' };
 * ```
 */
export interface ClassifyOptions extends DossierClockOptions {
  /** The current time (an ISO string with its offset, a `Date` or epoch ms); needed for open dossiers. */
  readonly now?: string | Date | number;
}

/** Classifies from clock moments; `nowLocal` in Vietnam minutes. */
export function classifyMoments(
  moments: ClockMoments,
  nowLocal: number | undefined,
  context: DueDateContext,
): { timeliness: Timeliness; remaining: number; measured: Moment | undefined } {
  const time = context.time;
  if (moments.withdrawn) return { timeliness: 'withdrawn', remaining: 0, measured: undefined };
  const due = moments.measuredDue;
  let measured = moments.ended ?? moments.frozen;
  if (!measured) {
    if (nowLocal === undefined) {
      return { timeliness: 'in-time', remaining: Number.NaN, measured: undefined };
    }
    const day = Math.floor(nowLocal / 1440);
    measured = [day - time.base, nowLocal - day * 1440];
    if (measured[0] < 0 || measured[0] >= time.size) time.outside(['now'], { vi: 'Thời điểm hiện tại', en: 'now' });
  }
  const remaining = time.coordinate(due[0], due[1]) - time.coordinate(measured[0], measured[1]);
  const past = measured[0] > due[0] || (measured[0] === due[0] && measured[1] > due[1]);
  if (moments.ended) {
    const timeliness = moments.countedLate || past ? 'late' : measured[0] < due[0] ? 'early' : 'on-time';
    return { timeliness, remaining, measured };
  }
  return { timeliness: past ? 'overdue' : 'in-time', remaining, measured };
}

/**
 * Classifies a dossier: early / on time / late once finished (Decision 766 indicator 2.1: on time
 * when the end ≤ the due date, the end taken from resolved > returned > stopped [S]), in time /
 * overdue while open, with the working time left. A dossier with a second supplement request is
 * late; one waiting on the applicant is measured at the request.
 *
 * @throws MotcuaError for a bad dossier (see {@link dossierClock}), or an open dossier without `now`.
 * @example
 * ```ts
 * classifyDossier(
 *   { receivedAt: '2026-03-09T10:00:00+07:00', limit: { value: 5, unit: 'working-days' } },
 *   { calendar: vietnamCalendar(), now: '2026-03-13T15:00:00+07:00' },
 * );
 * // { timeliness: 'in-time', dueAt: '2026-03-16T17:00:00+07:00', remainingMinutes: 570,
 * //   measuredAt: '2026-03-13T15:00:00+07:00', dayMinutes: 450 }
 * ```
 */
export function classifyDossier(dossier: DossierTimeline, options: ClassifyOptions): Classification {
  const context = dueDateContext(options);
  const moments = runDossierClock(dossier, options, context).moments;
  const nowLocal = nowOf(options);
  if (nowLocal === undefined && !moments.ended && !moments.frozen && !moments.withdrawn) {
    throw new MotcuaError([
      problem(['now'], 'missing-now', {
        vi: 'Hồ sơ đang xử lý: cần thời điểm hiện tại (now) để xếp loại',
        en: 'The dossier is open: classifying it needs the current time (now)',
      }),
    ]);
  }
  const { timeliness, remaining, measured } = classifyMoments(moments, nowLocal, context);
  return {
    timeliness,
    dueAt: context.time.iso(moments.measuredDue[0], moments.measuredDue[1]),
    remainingMinutes: remaining,
    ...(measured ? { measuredAt: context.time.iso(measured[0], measured[1]) } : {}),
    dayMinutes: context.time.minutesByKind[1] as number,
  };
}

const nows = new WeakMap<ClassifyOptions, { readonly now: unknown; readonly local: number }>();

/** `options.now` in Vietnam minutes, parsed once per options object and value. */
export function nowOf(options: ClassifyOptions): number | undefined {
  const now = options.now;
  if (now === undefined) return undefined;
  const cached = nows.get(options);
  if (cached && cached.now === now) return cached.local;
  const local = vietnamMinute(typeof now === 'number' ? new Date(now) : now, ['now']);
  nows.set(options, { now, local });
  return local;
}
