import { MotcuaError, type Problem, problem } from '../text/problem.js';
import { type ClassifyOptions, classifyMoments, nowOf } from './classify.js';
import { type DossierTimeline, runDossierClock } from './dossier-clock.js';
import { dueDateContext } from './due-date.js';
import type { DossierChannel } from './status.js';

/**
 * A dossier for statistics: its timeline, how it was filed and whether its components were
 * digitised (`HoSoCoThanhPhanSoHoa`).
 *
 * @example
 * ```ts
 * const record: DossierRecord = {
 *   receivedAt: '2026-03-09T10:00:00+07:00',
 *   limit: { value: 5, unit: 'working-days' },
 *   channel: 'online',
 *   digitised: true,
 *   events: [{ type: 'resolved', at: '2026-03-12T10:00:00+07:00' }],
 * };
 * ```
 */
export interface DossierRecord extends DossierTimeline {
  /** How it was filed (unknown channels are left out of the online rate). */
  readonly channel?: DossierChannel;
  /** Whether its components were digitised. */
  readonly digitised?: boolean;
}

/**
 * Figures over a set of dossiers. Each rate is a share from 0 to 1, `undefined` when its
 * denominator is 0. Formulas:
 * - `onTimeRate` = (early + on time) / finished — Decision 766 indicator 2.1 [S], the "98,94 % trước
 *   hạn, đúng hạn" of the reports; withdrawn dossiers are left out, stopped ones are finished;
 * - `onlineRate` = online / dossiers with a known channel — indicator 3.3 (tỷ lệ hồ sơ trực tuyến);
 * - `digitisedRate` = digitised / dossiers that say whether they are — indicator 4.2;
 * - `averageProcessingMinutes` = mean over finished dossiers of the working time from the deemed
 *   receipt to the end, less the supplement pauses (indicator 2.2's "thời gian xử lý trung bình");
 * - `averageTimeRatio` = mean over finished dossiers with a counted limit of that processing time
 *   divided by the statutory working time (receipt slip due date − deemed receipt).
 *
 * @example
 * ```ts
 * const stats: DossierStatistics = dossierStatistics(records, { calendar, now });
 * `${(stats.onTimeRate! * 100).toFixed(2)} %`; // '98.94 %'
 * ```
 */
export interface DossierStatistics {
  /** Dossiers counted. */
  readonly total: number;
  /** Withdrawn by the applicant (left out of the timeliness figures). */
  readonly withdrawn: number;
  /** Finished: resolved, returned or stopped. */
  readonly finished: number;
  /** Finished on a day before the due day. */
  readonly early: number;
  /** Finished by the due time, not early. */
  readonly onTime: number;
  /** Finished late, or counted late. */
  readonly late: number;
  /** Open, in time. */
  readonly inTime: number;
  /** Open, overdue. */
  readonly overdue: number;
  /** Filed online. */
  readonly online: number;
  /** With a known channel. */
  readonly withChannel: number;
  /** Digitised. */
  readonly digitised: number;
  /** Saying whether they are digitised. */
  readonly withDigitisation: number;
  /** (early + on time) / finished. */
  readonly onTimeRate: number | undefined;
  /** online / with a known channel. */
  readonly onlineRate: number | undefined;
  /** digitised / saying so. */
  readonly digitisedRate: number | undefined;
  /** Mean working minutes of processing over finished dossiers. */
  readonly averageProcessingMinutes: number | undefined;
  /** The same in working days of `minutesPerDay` (default 450). */
  readonly averageProcessingDays: number | undefined;
  /** Mean processing time / statutory time over finished dossiers with a counted limit. */
  readonly averageTimeRatio: number | undefined;
}

/**
 * Options of {@link dossierStatistics}: the classification's (calendar, office hours, `now` for open
 * dossiers, …) and the length of a working day for `averageProcessingDays`.
 *
 * @example
 * ```ts
 * const options: DossierStatisticsOptions = { calendar: vietnamCalendar(), now: '2026-06-30T17:00:00+07:00' };
 * ```
 */
export interface DossierStatisticsOptions extends ClassifyOptions {
  /** Working minutes in a working day (default 450, the default office hours). */
  readonly minutesPerDay?: number;
}

function share(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : part / whole;
}

/**
 * Counts and rates over an array of dossiers: early / on time / late, in time / overdue, the on-time
 * rate, the online-filing rate, the digitised rate and the average processing time, each formula as
 * documented on {@link DossierStatistics}.
 *
 * @throws MotcuaError for a bad dossier (the path starts with its index), or an open dossier without `now`.
 * @example
 * ```ts
 * const stats = dossierStatistics(
 *   [
 *     { receivedAt: '2026-03-09T10:00:00+07:00', limit: { value: 5, unit: 'working-days' }, channel: 'online',
 *       events: [{ type: 'resolved', at: '2026-03-12T10:00:00+07:00' }] },
 *     { receivedAt: '2026-03-09T10:00:00+07:00', limit: { value: 1, unit: 'working-days' }, channel: 'in-person',
 *       events: [{ type: 'resolved', at: '2026-03-12T10:00:00+07:00' }] },
 *   ],
 *   { calendar: vietnamCalendar() },
 * );
 * stats.onTimeRate; // 0.5
 * stats.onlineRate; // 0.5
 * ```
 */
export function dossierStatistics(
  dossiers: readonly DossierRecord[],
  options: DossierStatisticsOptions,
): DossierStatistics {
  const context = dueDateContext(options);
  const time = context.time;
  const nowLocal = nowOf(options);
  const minutesPerDay = options.minutesPerDay ?? 450;
  if (!(minutesPerDay > 0)) {
    throw new MotcuaError([
      problem(['minutesPerDay'], 'invalid-option', {
        vi: 'Số phút của một ngày làm việc phải lớn hơn 0',
        en: 'Minutes per working day must be greater than 0',
      }),
    ]);
  }
  let withdrawn = 0;
  let early = 0;
  let onTime = 0;
  let late = 0;
  let inTime = 0;
  let overdue = 0;
  let online = 0;
  let withChannel = 0;
  let digitised = 0;
  let withDigitisation = 0;
  let processing = 0;
  let ratioSum = 0;
  let ratioCount = 0;
  const problems: Problem[] = [];
  for (let i = 0; i < dossiers.length; i++) {
    const dossier = dossiers[i] as DossierRecord;
    if (dossier.channel !== undefined) {
      withChannel++;
      if (dossier.channel === 'online') online++;
    }
    if (dossier.digitised !== undefined) {
      withDigitisation++;
      if (dossier.digitised) digitised++;
    }
    let run: ReturnType<typeof runDossierClock>;
    try {
      run = runDossierClock(dossier, options, context);
    } catch (error) {
      if (!(error instanceof MotcuaError)) throw error;
      problems.push(...error.problems.map((p) => ({ ...p, path: [i, ...p.path] })));
      continue;
    }
    const moments = run.moments;
    if (!moments.ended && !moments.frozen && !moments.withdrawn && nowLocal === undefined) {
      problems.push(
        problem([i], 'missing-now', {
          vi: 'Có hồ sơ đang xử lý: cần thời điểm hiện tại (now) để xếp loại',
          en: 'A dossier is open: classifying it needs the current time (now)',
        }),
      );
      continue;
    }
    const { timeliness } = classifyMoments(moments, nowLocal, context);
    switch (timeliness) {
      case 'withdrawn':
        withdrawn++;
        break;
      case 'early':
        early++;
        break;
      case 'on-time':
        onTime++;
        break;
      case 'late':
        late++;
        break;
      case 'in-time':
        inTime++;
        break;
      case 'overdue':
        overdue++;
        break;
    }
    const ended = moments.ended;
    if (ended && !moments.withdrawn) {
      const start = time.coordinate(run.deemed[0], run.deemed[1]);
      const actual = Math.max(0, time.coordinate(ended[0], ended[1]) - start - run.paused);
      processing += actual;
      const statutory = time.coordinate(run.original[0], run.original[1]) - start;
      if (statutory > 0) {
        ratioSum += actual / statutory;
        ratioCount++;
      }
    }
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  const finished = early + onTime + late;
  const average = share(processing, finished);
  return {
    total: dossiers.length,
    withdrawn,
    finished,
    early,
    onTime,
    late,
    inTime,
    overdue,
    online,
    withChannel,
    digitised,
    withDigitisation,
    onTimeRate: share(early + onTime, finished),
    onlineRate: share(online, withChannel),
    digitisedRate: share(digitised, withDigitisation),
    averageProcessingMinutes: average,
    averageProcessingDays: average === undefined ? undefined : average / minutesPerDay,
    averageTimeRatio: share(ratioSum, ratioCount),
  };
}

/**
 * How Decision 766 group 2 (Tiến độ, kết quả giải quyết, 20 points [C]) is scored. The split between
 * its indicators is not confirmed [U], so the points of each must be given.
 *
 * @example
 * ```ts
 * const options: Decision766Group2Options = { points: { onTime: 12, processingTime: 8 } };
 * ```
 */
export interface Decision766Group2Options {
  /** Full points of indicator 2.1 (on-time rate) and 2.2 (average processing time); at most 20 together. */
  readonly points: { readonly onTime: number; readonly processingTime: number };
  /** On-time rate that earns 2.1's full points (default 1: points proportional to the rate). */
  readonly onTimeTarget?: number;
}

/**
 * Decision 766 group 2 points, by indicator:
 * - 2.1 `threshold-linear`: `min(1, onTimeRate / onTimeTarget) × points.onTime`;
 * - 2.2 `statutory-over-actual`: full points when dossiers take on average no longer than their
 *   statutory time (`averageTimeRatio ≤ 1`), else `points.processingTime / averageTimeRatio`.
 * Both formulas are this library's reading of the VPCP technical description [S]/[U]; a figure with
 * no data scores 0.
 *
 * @throws MotcuaError when the points are missing, negative or above the group's 20.
 * @example
 * ```ts
 * decision766Group2({ onTimeRate: 0.9894, averageTimeRatio: 0.8 }, { points: { onTime: 10, processingTime: 10 } });
 * // { onTime: 9.894, processingTime: 10, total: 19.894 }
 * ```
 */
export function decision766Group2(
  stats: Pick<DossierStatistics, 'onTimeRate' | 'averageTimeRatio'>,
  options: Decision766Group2Options,
): { readonly onTime: number; readonly processingTime: number; readonly total: number } {
  const points = options?.points;
  const target = options?.onTimeTarget ?? 1;
  const problems: Problem[] = [];
  for (const key of ['onTime', 'processingTime'] as const) {
    const value = points?.[key];
    if (typeof value !== 'number' || !(value >= 0)) {
      problems.push(
        problem(['points', key], 'unconfirmed-points', {
          vi: 'Điểm tối đa của từng chỉ số nhóm 2 chưa được xác nhận; hãy truyền một số không âm',
          en: 'The maximum points of each group 2 indicator are unconfirmed; pass a non-negative number',
        }),
      );
    }
  }
  if (problems.length === 0 && points.onTime + points.processingTime > 20) {
    problems.push(
      problem(['points'], 'too-many-points', {
        vi: 'Nhóm 2 của Quyết định 766 có tối đa 20 điểm',
        en: 'Decision 766 group 2 has at most 20 points',
      }),
    );
  }
  if (!(target > 0 && target <= 1)) {
    problems.push(
      problem(['onTimeTarget'], 'invalid-option', {
        vi: 'Ngưỡng tỷ lệ đúng hạn phải trong (0, 1]',
        en: 'The on-time target must be in (0, 1]',
      }),
    );
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  const onTimeRate = stats.onTimeRate;
  const ratio = stats.averageTimeRatio;
  const onTime = onTimeRate === undefined ? 0 : Math.min(1, onTimeRate / target) * points.onTime;
  const processingTime = ratio === undefined ? 0 : ratio <= 1 ? points.processingTime : points.processingTime / ratio;
  return { onTime, processingTime, total: onTime + processingTime };
}
