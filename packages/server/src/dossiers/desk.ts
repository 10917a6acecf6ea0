import type { DossierDeskView, DossierStatus, DossierWorkItem, DossierWorklist } from '@motcua/core/deadline';
import type { Context, Env } from 'hono';
import { readQuery } from '../http/body.js';
import { csvCell, reportAnswer } from '../http/csv.js';
import { earlyWarningQuery } from './inputs.js';
import { unknownDossier } from './lookup.js';
import type { DossierService } from './service.js';
import { loadDossier, openDossierRows } from './store.js';
import { vietnamIso } from './vietnam-iso.js';
import { lookupView, nextSteps, workItem } from './view.js';

/** The most dossiers a worklist holds; the others are found by their code. */
export const WORKLIST_LIMIT = 300;

/**
 * `GET /api/dossiers` (an officer signed in to this office): the office's dossiers that have not ended
 * ({@link DossierWorklist}), the earliest binding due date first, each classified by core's dossier clock now; no
 * applicant data.
 *
 * @example
 * ```ts
 * app.get('/api/dossiers', (c) => dossierWorklist(c, service));
 * ```
 */
export async function dossierWorklist(c: Context, s: DossierService): Promise<Response> {
  return c.json(await openWorklist(s, WORKLIST_LIMIT));
}

/**
 * The office's open dossiers (at most `limit`, without the statuses in `except`), classified now, the earliest binding
 * due date first.
 */
async function openWorklist(
  s: DossierService,
  limit: number,
  except: readonly DossierStatus[] = [],
): Promise<DossierWorklist> {
  const { db, office, now } = s;
  await s.ready();
  const checkedAt = vietnamIso(now());
  const rows = await openDossierRows(db, office.id, limit + 1, except);
  const dossiers = rows
    .slice(0, limit)
    .map((row) => workItem(row, checkedAt, s.clock))
    .sort((a, b) => a.classification.dueAt.localeCompare(b.classification.dueAt) || a.code.localeCompare(b.code));
  return { dossiers, more: rows.length > limit, checkedAt };
}

/** The most open dossiers the early warning reads. */
export const EARLY_WARNING_LIMIT = 2000;

/**
 * `GET /api/reports/early-warning?days=3` (leaders and admins, as every report; JSON, or CSV with `format=csv` or
 * `Accept: text/csv`): the open dossiers that are overdue or due within `days` working days (default 3) — the early
 * warning Decree 309/2026 asks for — the most urgent first, as a {@link DossierWorklist}; no applicant data. A dossier
 * waiting for the applicant's supplement is measured at its request, as core classifies it; a result ready to be
 * returned is no longer at risk and is left out.
 *
 * @example
 * ```ts
 * app.get('/api/reports/early-warning', (c) => earlyWarningHandler(c, service));
 * ```
 */
export async function earlyWarningHandler(c: Context, s: DossierService): Promise<Response> {
  const q = readQuery(c, earlyWarningQuery);
  const days = q.days ?? 3;
  // A result waiting to be collected has ended its clock (core classifies it early, on time or late): left out in
  // the query, so that results nobody collects — oldest due dates first — cannot fill the rows read.
  const open = await openWorklist(s, EARLY_WARNING_LIMIT, ['resolved']);
  const soon = (d: DossierWorkItem) =>
    d.classification.timeliness === 'overdue' ||
    (d.classification.timeliness === 'in-time' &&
      d.classification.remainingMinutes <= days * d.classification.dayMinutes);
  const report: DossierWorklist = { ...open, dossiers: open.dossiers.filter(soon) };
  c.header('Cache-Control', 'no-store');
  return reportAnswer(c, q.format, 'early-warning.csv', report, () => earlyWarningCsv(report));
}

/**
 * The early warning as CSV: one row per dossier, the most urgent first.
 *
 * @example
 * ```ts
 * earlyWarningCsv(report); // 'code,procedure_code,procedure_name,status,due_at,remaining_minutes,overdue\r\n…'
 * ```
 */
export function earlyWarningCsv(report: DossierWorklist): string {
  const lines = ['code,procedure_code,procedure_name,status,due_at,remaining_minutes,overdue'];
  for (const d of report.dossiers) {
    const { dueAt, remainingMinutes, timeliness } = d.classification;
    lines.push(
      [d.code, d.procedure.code, d.procedure.name, d.status, dueAt, remainingMinutes, timeliness === 'overdue']
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * `GET /api/dossiers/{code}/steps` (an officer signed in to this office): the dossier's status view and the steps
 * that may be recorded on it now ({@link DossierDeskView}); an unknown code, or another office's, gets 404.
 *
 * @example
 * ```ts
 * app.get('/api/dossiers/:code/steps', (c) => dossierDesk(c, service));
 * ```
 */
export async function dossierDesk(c: Context<Env, '/api/dossiers/:code/steps'>, s: DossierService): Promise<Response> {
  const { db, office, now } = s;
  await s.ready();
  const dossier = await loadDossier(db, c.req.param('code'));
  if (!dossier || dossier.office !== office.id) throw unknownDossier();
  const at = vietnamIso(now());
  const view: DossierDeskView = {
    dossier: lookupView(dossier, at, s.clock),
    nextSteps: nextSteps(dossier, at, s.clock),
  };
  return c.json(view);
}
