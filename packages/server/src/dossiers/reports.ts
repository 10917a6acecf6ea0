import type { Context } from 'hono';
import { readQuery } from '../http/body.js';
import { reportAnswer } from '../http/csv.js';
import { dueDateChanges } from './due-date-changes.js';
import { dueDateChangesQuery, onTimeQuery, scorecardQuery } from './inputs.js';
import { onTimeCsv, onTimeReport } from './on-time-report.js';
import { scorecardCsv, scorecardReport } from './scorecard-report.js';
import type { DossierService } from './service.js';
import { vietnamIso } from './vietnam-iso.js';

/**
 * `GET /api/reports/on-time?from=&to=&procedure=` (JSON, or CSV with `format=csv` or `Accept: text/csv`): the
 * dossiers received in the period, early / on time / late and still open in time / overdue, in total, per procedure
 * and per month of receipt (`OnTimeReport`), each against its printed (binding) due date; the CSV has a row per
 * procedure, or per month with `by=month`.
 *
 * @example
 * ```ts
 * app.get('/api/reports/on-time', (c) => onTimeReportHandler(c, service));
 * ```
 */
export async function onTimeReportHandler(c: Context, s: DossierService): Promise<Response> {
  const { db, office, now } = s;
  const q = readQuery(c, onTimeQuery);
  await s.ready();
  const report = await onTimeReport(
    db,
    {
      office: office.id,
      from: q.from,
      to: q.to,
      procedure: q.procedure,
      now: now(),
      ...(s.deps.reportPageSize ? { pageSize: s.deps.reportPageSize } : {}),
    },
    s.clock,
    vietnamIso,
  );
  return reportAnswer(c, q.format, 'on-time.csv', report, () => onTimeCsv(report, q.by));
}

/**
 * `GET /api/reports/scorecard?from=&to=` (JSON, or CSV with `format=csv` or `Accept: text/csv`): the Decision
 * 766/QĐ-TTg indicators of the dossiers received in the period (`ScorecardReport`): 2.1, 3.3 and 5.4 measured with
 * the on-time report's classification, every other indicator listed as not held.
 *
 * @example
 * ```ts
 * app.get('/api/reports/scorecard', (c) => scorecardReportHandler(c, service));
 * ```
 */
export async function scorecardReportHandler(c: Context, s: DossierService): Promise<Response> {
  const { db, office, now } = s;
  const q = readQuery(c, scorecardQuery);
  await s.ready();
  const report = await scorecardReport(
    db,
    {
      office: office.id,
      from: q.from,
      to: q.to,
      now: now(),
      points: s.deps.scorecardOf?.(),
      ...(s.deps.reportPageSize ? { pageSize: s.deps.reportPageSize } : {}),
    },
    s.clock,
    vietnamIso,
  );
  return reportAnswer(c, q.format, 'scorecard.csv', report, () => scorecardCsv(report));
}

/**
 * `GET /api/reports/due-date-changes?procedure=` (no applicant data): the open dossiers whose printed due date
 * differs from what the current calendar would give (`DueDateChangesReport`).
 *
 * @example
 * ```ts
 * app.get('/api/reports/due-date-changes', (c) => dueDateChangesHandler(c, service));
 * ```
 */
export async function dueDateChangesHandler(c: Context, s: DossierService): Promise<Response> {
  const { db, office, now } = s;
  const q = readQuery(c, dueDateChangesQuery);
  await s.ready();
  const report = await dueDateChanges(db, office.id, s.clock, vietnamIso(now()), {
    procedure: q.procedure,
    ...(s.deps.reportPageSize ? { pageSize: s.deps.reportPageSize } : {}),
  });
  c.header('Cache-Control', 'no-store');
  return c.json(report);
}
