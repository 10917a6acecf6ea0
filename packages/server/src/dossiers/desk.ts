import type { DossierDeskView, DossierWorklist } from '@motcua/core/deadline';
import type { Context, Env } from 'hono';
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
  const { db, office, now } = s;
  await s.ready();
  const checkedAt = vietnamIso(now());
  const rows = await openDossierRows(db, office.id, WORKLIST_LIMIT + 1);
  const dossiers = rows
    .slice(0, WORKLIST_LIMIT)
    .map((row) => workItem(row, checkedAt, s.clock))
    .sort((a, b) => a.classification.dueAt.localeCompare(b.classification.dueAt) || a.code.localeCompare(b.code));
  const list: DossierWorklist = { dossiers, more: rows.length > WORKLIST_LIMIT, checkedAt };
  return c.json(list);
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
