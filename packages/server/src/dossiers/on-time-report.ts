import type { CivilDate } from '@motcua/core/calendar';
import {
  type DossierChannel,
  type DossierStatistics,
  type DossierStatisticsOptions,
  dossierStatistics,
  type OnTimeFigures,
  type OnTimeReport,
  type ProvinceOnTimeReport,
} from '@motcua/core/deadline';
import { MotcuaError } from '@motcua/core/text';
import type { Queryable } from '../db/database.js';
import { csvCell } from '../http/csv.js';
import { clockInputOf, DOSSIER_CLOCK_COLUMNS, type DossierClockRow } from './store.js';
import { clockEvents, timelineOf } from './view.js';

// The report's wire shape (OnTimeFigures, OnTimeReport) is core's (deadline room), read by the dashboard too.
export type {
  OfficeOnTimeFigures,
  OnTimeFigures,
  OnTimeMonthFigures,
  OnTimeProcedureFigures,
  OnTimeReport,
  ProvinceOnTimeReport,
} from '@motcua/core/deadline';

/** Which dossiers a report counts. */
export interface OnTimeReportQuery {
  readonly office: string;
  readonly from?: CivilDate | undefined;
  readonly to?: CivilDate | undefined;
  /** Only this procedure. */
  readonly procedure?: string | undefined;
  /** Open dossiers are measured at this instant (epoch ms). */
  readonly now: number;
  /** Rows read per query (default 500): the memory a report needs does not grow with the number of dossiers. */
  readonly pageSize?: number;
  /**
   * Called with each dossier's code and core's classification of it (`undefined` when core could not classify it),
   * for a report built on the same classification (the Decision 766 scorecard).
   */
  readonly each?: (code: string, classified: DossierStatistics | undefined) => void;
}

/** Sums from which the figures are computed; each dossier is counted by core on its own. */
interface OnTimeTally {
  dossiers: number;
  withdrawn: number;
  early: number;
  onTime: number;
  late: number;
  inTime: number;
  overdue: number;
  online: number;
  unclassified: number;
  processingMinutes: number;
  ratioSum: number;
  ratioCount: number;
  minutesPerDay: number;
}

function emptyTally(minutesPerDay: number): OnTimeTally {
  return {
    dossiers: 0,
    withdrawn: 0,
    early: 0,
    onTime: 0,
    late: 0,
    inTime: 0,
    overdue: 0,
    online: 0,
    unclassified: 0,
    processingMinutes: 0,
    ratioSum: 0,
    ratioCount: 0,
    minutesPerDay,
  };
}

/** Adds `more` into `into` (tallies of one office's hours: `minutesPerDay` is `into`'s). */
function addTally(into: OnTimeTally, more: OnTimeTally): void {
  for (const key of Object.keys(into) as (keyof OnTimeTally)[]) if (key !== 'minutesPerDay') into[key] += more[key];
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The figures of a tally, with the rates as core's `DossierStatistics` defines them. */
function figures(t: OnTimeTally): OnTimeFigures {
  const finished = t.early + t.onTime + t.late;
  const average = share(t.processingMinutes, finished);
  return {
    dossiers: t.dossiers,
    withdrawn: t.withdrawn,
    finished,
    early: t.early,
    onTime: t.onTime,
    late: t.late,
    inTime: t.inTime,
    overdue: t.overdue,
    onTimeRate: share(t.early + t.onTime, finished),
    averageProcessingMinutes: average,
    averageProcessingDays: average === null ? null : average / t.minutesPerDay,
    averageTimeRatio: share(t.ratioSum, t.ratioCount),
    online: t.online,
    onlineRate: share(t.online, t.dossiers - t.unclassified),
    unclassified: t.unclassified,
  };
}

interface Row extends DossierClockRow {
  channel: DossierChannel;
}

/** Adds one dossier, classified by core, to the tallies. */
function count(
  row: Row,
  options: DossierStatisticsOptions,
  tallies: readonly OnTimeTally[],
): DossierStatistics | undefined {
  for (const t of tallies) t.dossiers++;
  let s: DossierStatistics;
  const input = clockInputOf(row);
  try {
    s = dossierStatistics(
      [
        {
          ...timelineOf(input.stored, clockEvents(input.steps)),
          channel: row.channel,
        },
      ],
      options,
    );
  } catch (error) {
    if (!(error instanceof MotcuaError)) throw error;
    for (const t of tallies) t.unclassified++;
    return undefined;
  }
  for (const t of tallies) {
    t.withdrawn += s.withdrawn;
    t.early += s.early;
    t.onTime += s.onTime;
    t.late += s.late;
    t.inTime += s.inTime;
    t.overdue += s.overdue;
    t.online += s.online;
    t.processingMinutes += (s.averageProcessingMinutes ?? 0) * s.finished;
    if (s.averageTimeRatio !== undefined) {
      t.ratioSum += s.averageTimeRatio;
      t.ratioCount++;
    }
  }
  return s;
}

/**
 * The bounds of a period's stored receipt times, `from` included and `to` excluded: stored receipt times are ISO
 * strings in Vietnam time (+07:00), so their text order is their time order, and every time of the last day sorts
 * before `<to>T99`.
 *
 * @example
 * ```ts
 * receiptBounds({ from: '2026-02-01', to: '2026-02-28' }); // ['2026-02-01', '2026-02-28T99']
 * receiptBounds({}); // ['0000-01-01', '9999-12-31T99']
 * ```
 */
export function receiptBounds(period: {
  readonly from?: CivilDate | undefined;
  readonly to?: CivilDate | undefined;
}): [from: string, to: string] {
  return [period.from ?? '0000-01-01', `${period.to ?? '9999-12-31'}T99`];
}

/**
 * The on-time report of an office's dossiers received in a period (civil dates in Vietnam, both ends
 * included), in total and per procedure. The rows are read page by page in the order of receipt and each dossier
 * is classified by core's `dossierStatistics` (deadline room) with the office's calendar and office hours, so a
 * report over years of dossiers holds one page at a time. Open dossiers are measured at `query.now`.
 *
 * @example
 * ```ts
 * const report = await onTimeReport(db, { office: 'demo', from: '2026-01-01', to: '2026-03-31', now: Date.now() },
 *   { calendar: vietnamCalendar() }, vietnamIso);
 * report.total.onTimeRate; // 0.75
 * ```
 */
export async function onTimeReport(
  db: Queryable,
  query: OnTimeReportQuery,
  clock: Omit<DossierStatisticsOptions, 'now'>,
  iso: (ms: number) => string,
): Promise<OnTimeReport> {
  const { total, perProcedure, perMonth } = await tallyDossiers(db, query, clock);
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    checkedAt: iso(query.now),
    total: figures(total),
    procedures: [...perProcedure.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([code, { name, tally }]) => ({ procedure: { code, name }, ...figures(tally) })),
    // Read in the order of receipt, so the months come in order.
    months: [...perMonth.entries()].map(([month, tally]) => ({ month, ...figures(tally) })),
  };
}

/** The tallies of {@link onTimeReport}: in total, per procedure and per month of receipt. */
async function tallyDossiers(db: Queryable, query: OnTimeReportQuery, clock: Omit<DossierStatisticsOptions, 'now'>) {
  const options: DossierStatisticsOptions = { ...clock, now: query.now };
  const minutesPerDay = options.minutesPerDay ?? 450;
  const total = emptyTally(minutesPerDay);
  const perProcedure = new Map<string, { name: string; tally: OnTimeTally }>();
  // Receipt times are stored in Vietnam time: their first seven characters are the month of receipt.
  const perMonth = new Map<string, OnTimeTally>();
  const pageSize = Math.max(1, query.pageSize ?? 500);
  const [from, to] = receiptBounds(query);
  let after: [string, string] = ['', ''];
  for (;;) {
    const rows = await db.query<Row>(
      `select ${DOSSIER_CLOCK_COLUMNS}, channel
       from dossiers
       where office = $1 and received_at >= $2 and received_at < $3 and ($4::text is null or procedure_code = $4)
         and (received_at, code) > ($5, $6)
       order by received_at, code
       limit $7`,
      [query.office, from, to, query.procedure ?? null, after[0], after[1], pageSize],
    );
    for (const row of rows) {
      let group = perProcedure.get(row.procedure_code);
      if (!group) {
        group = { name: row.procedure_name, tally: emptyTally(minutesPerDay) };
        perProcedure.set(row.procedure_code, group);
      }
      const month = row.received_at.slice(0, 7);
      let monthTally = perMonth.get(month);
      if (!monthTally) {
        monthTally = emptyTally(minutesPerDay);
        perMonth.set(month, monthTally);
      }
      const classified = count(row, options, [total, group.tally, monthTally]);
      query.each?.(row.code, classified);
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) break;
    after = [last.received_at, last.code];
  }
  return { total, perProcedure, perMonth };
}

/** One office of a province-wide report: its handle (working for that office), its id and name, its due-date clock. */
export interface ProvinceReportOffice {
  readonly db: Queryable;
  readonly id: string;
  readonly name: string;
  readonly clock: Omit<DossierStatisticsOptions, 'now'>;
}

/**
 * The on-time report of every office of a province instance for one period (`query.office` is each office's id), and
 * the province's: each office's dossiers tallied as {@link onTimeReport} does, `parallel` offices at a time (each on a
 * connection of its own), the province's figures computed from the sum of the tallies (so its rates weigh every
 * dossier alike). Open dossiers are measured at `query.now`.
 *
 * @example
 * ```ts
 * const report = await provinceOnTimeReport(offices, { from: '2026-01-01', to: '2026-12-31', now: Date.now() },
 *   vietnamIso);
 * report.total.onTimeRate; // 0.9894
 * report.offices[0]?.office.name; // 'Xã An Bình'
 * ```
 */
export async function provinceOnTimeReport(
  offices: readonly ProvinceReportOffice[],
  query: Omit<OnTimeReportQuery, 'office' | 'each'>,
  iso: (ms: number) => string,
  parallel = 3,
): Promise<ProvinceOnTimeReport> {
  const tallies: OnTimeTally[] = new Array(offices.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < offices.length; i = next++) {
      const office = offices[i] as ProvinceReportOffice;
      tallies[i] = (await tallyDossiers(office.db, { ...query, office: office.id }, office.clock)).total;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, offices.length)) }, worker));
  const total = emptyTally(tallies[0]?.minutesPerDay ?? 450);
  for (const tally of tallies) addTally(total, tally);
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    checkedAt: iso(query.now),
    total: figures(total),
    offices: offices.map(({ id, name }, i) => ({ office: { id, name }, ...figures(tallies[i] as OnTimeTally) })),
  };
}

const CSV_COLUMNS = [
  ['dossiers', 'dossiers'],
  ['withdrawn', 'withdrawn'],
  ['finished', 'finished'],
  ['early', 'early'],
  ['on_time', 'onTime'],
  ['late', 'late'],
  ['in_time', 'inTime'],
  ['overdue', 'overdue'],
  ['on_time_rate', 'onTimeRate'],
  ['average_processing_days', 'averageProcessingDays'],
  ['average_time_ratio', 'averageTimeRatio'],
  ['online', 'online'],
  ['online_rate', 'onlineRate'],
  ['unclassified', 'unclassified'],
] as const satisfies readonly (readonly [string, keyof OnTimeFigures])[];

/** One CSV row's figure cells, in {@link CSV_COLUMNS}' order. */
const figureCells = (f: OnTimeFigures) => CSV_COLUMNS.map(([, key]) => csvCell(f[key]));

/**
 * The on-time report as CSV: one row per procedure (or, `by` month, per month of receipt), then the total (its
 * procedure code, or month, is empty).
 *
 * @example
 * ```ts
 * onTimeCsv(report); // 'procedure_code,procedure_name,dossiers,…\r\n1.004194,Đăng ký tạm trú,4,…\r\n'
 * onTimeCsv(report, 'month'); // 'month,dossiers,…\r\n2026-11,40,…\r\n'
 * ```
 */
export function onTimeCsv(report: OnTimeReport, by: 'procedure' | 'month' = 'procedure'): string {
  const names = CSV_COLUMNS.map(([name]) => name);
  const lines =
    by === 'month'
      ? [
          ['month', ...names].join(','),
          ...report.months.map((m) => [csvCell(m.month), ...figureCells(m)].join(',')),
          ['', ...figureCells(report.total)].join(','),
        ]
      : [
          ['procedure_code', 'procedure_name', ...names].join(','),
          ...report.procedures.map((p) =>
            [csvCell(p.procedure.code), csvCell(p.procedure.name), ...figureCells(p)].join(','),
          ),
          ['', csvCell('Tổng cộng / Total'), ...figureCells(report.total)].join(','),
        ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The province-wide on-time report as CSV: one row per office, then the province's (its office columns empty; named
 * the total when there is one office).
 *
 * @example
 * ```ts
 * provinceOnTimeCsv(report); // 'office_id,office_name,dossiers,…\r\nxa-an-binh,Xã An Bình,412,…\r\n'
 * ```
 */
export function provinceOnTimeCsv(report: ProvinceOnTimeReport): string {
  const lines = [
    ['office_id', 'office_name', ...CSV_COLUMNS.map(([name]) => name)].join(','),
    ...report.offices.map((o) => [csvCell(o.office.id), csvCell(o.office.name), ...figureCells(o)].join(',')),
    [
      '',
      csvCell(report.offices.length === 1 ? 'Tổng cộng / Total' : 'Toàn tỉnh / Province'),
      ...figureCells(report.total),
    ].join(','),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
