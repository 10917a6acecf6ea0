import type { CivilDate } from '../calendar/civil-date.js';
import { isJsonObject } from '../text/json-object.js';

/**
 * On-time figures of a set of dossiers, as core's `dossierStatistics` counts them: finished early / on time / late,
 * still open in time / overdue, and the rates. A rate is `null` when its denominator is 0.
 */
export interface OnTimeFigures {
  /** Dossiers counted (received in the period). */
  readonly dossiers: number;
  /** Withdrawn by the applicant: left out of the timeliness figures. */
  readonly withdrawn: number;
  /** Finished: resolved, returned or stopped. */
  readonly finished: number;
  /** Finished on a day before the due day (trước hạn). */
  readonly early: number;
  /** Finished by the due time, not early (đúng hạn). */
  readonly onTime: number;
  /** Finished late, or counted late, e.g. after a second supplement request (quá hạn). */
  readonly late: number;
  /** Still open, within the due date (đang xử lý trong hạn). */
  readonly inTime: number;
  /** Still open and past the due date (đang xử lý quá hạn). */
  readonly overdue: number;
  /** (early + on time) / finished: Decision 766 indicator 2.1. */
  readonly onTimeRate: number | null;
  /** Mean working minutes of processing of the finished dossiers, less supplement pauses (indicator 2.2). */
  readonly averageProcessingMinutes: number | null;
  /** The same in working days. */
  readonly averageProcessingDays: number | null;
  /** Mean of processing time / statutory time over the finished dossiers. */
  readonly averageTimeRatio: number | null;
  /** Filed online. */
  readonly online: number;
  /** online / dossiers: indicator 3.3. */
  readonly onlineRate: number | null;
  /** Dossiers core could not classify (bad stored data); counted in `dossiers` only. */
  readonly unclassified: number;
}

/** The on-time figures of one procedure. */
export interface OnTimeProcedureFigures extends OnTimeFigures {
  readonly procedure: { readonly code: string; readonly name: string };
}

/** The on-time figures of the dossiers received in one month (Vietnam time): a point of the trend. */
export interface OnTimeMonthFigures extends OnTimeFigures {
  /** `YYYY-MM`. */
  readonly month: string;
}

/** What `GET /api/reports/on-time` answers. */
export interface OnTimeReport {
  /** The first civil date of receipt counted (Vietnam time), if the period has one. */
  readonly from: CivilDate | null;
  /** The last civil date of receipt counted, if the period has one. */
  readonly to: CivilDate | null;
  /** When open dossiers were measured (in time or overdue), ISO 8601 in Vietnam time. */
  readonly checkedAt: string;
  /** Every dossier of the period. */
  readonly total: OnTimeFigures;
  /** Per procedure, by procedure code. */
  readonly procedures: readonly OnTimeProcedureFigures[];
  /** Per month of receipt, in order, the months without dossiers left out (none from a server before they were). */
  readonly months: readonly OnTimeMonthFigures[];
}

/** One office's on-time figures in a province-wide report. */
export interface OfficeOnTimeFigures extends OnTimeFigures {
  readonly office: { readonly id: string; readonly name: string };
}

/**
 * The on-time figures of every office of a province instance for one period, and the province's own (its counts the
 * offices' sums, its rates and averages computed from them — not an average of the offices' rates): what
 * `motcua-server report on-time` writes.
 */
export interface ProvinceOnTimeReport {
  readonly from: CivilDate | null;
  readonly to: CivilDate | null;
  /** When open dossiers were measured, ISO 8601 in Vietnam time. */
  readonly checkedAt: string;
  /** Every dossier of every office in the period. */
  readonly total: OnTimeFigures;
  /** Per office, in the configuration's order. */
  readonly offices: readonly OfficeOnTimeFigures[];
}

const COUNTS = ['dossiers', 'finished', 'early', 'onTime', 'late', 'inTime', 'overdue', 'online'] as const;

const isFigures = (value: unknown): value is OnTimeFigures =>
  isJsonObject(value) && COUNTS.every((key) => typeof value[key] === 'number');

/**
 * The JSON of `GET /api/reports/on-time` as an {@link OnTimeReport}, or undefined when its total lacks a count (a
 * rate that is not a number reads as `null`); procedures whose figures are malformed are left out.
 *
 * @example
 * ```ts
 * const report = readOnTimeReport(await (await fetch('/api/reports/on-time?from=2026-11-01')).json());
 * report?.total.onTimeRate; // 0.9894
 * ```
 */
export function readOnTimeReport(value: unknown): OnTimeReport | undefined {
  if (!isJsonObject(value) || !isFigures(value.total) || typeof value.checkedAt !== 'string') return undefined;
  const rate = (figures: OnTimeFigures, key: 'onTimeRate' | 'onlineRate') =>
    typeof figures[key] === 'number' ? figures[key] : null;
  const read = <T extends OnTimeFigures>(figures: T): T => ({
    ...figures,
    onTimeRate: rate(figures, 'onTimeRate'),
    onlineRate: rate(figures, 'onlineRate'),
  });
  const procedures = Array.isArray(value.procedures) ? value.procedures : [];
  const months = Array.isArray(value.months) ? value.months : [];
  return {
    from: typeof value.from === 'string' ? value.from : null,
    to: typeof value.to === 'string' ? value.to : null,
    checkedAt: value.checkedAt,
    total: read(value.total),
    procedures: procedures
      .filter(
        (p): p is OnTimeProcedureFigures => isFigures(p) && isJsonObject((p as { procedure?: unknown }).procedure),
      )
      .map((p) => read(p)),
    months: months
      .filter(
        (m): m is OnTimeMonthFigures => isFigures(m) && /^\d{4}-\d{2}$/.test(String((m as { month?: unknown }).month)),
      )
      .map((m) => read(m)),
  };
}
