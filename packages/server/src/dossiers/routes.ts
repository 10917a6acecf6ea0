import type { Context, Hono } from 'hono';
import { DOSSIER_OFFICERS } from '../access.js';
import { identifyCaller } from '../devices/credentials.js';
import { authenticate, bearerToken } from '../http/auth.js';
import { COUNTER_HEADER, knownCounter, officerSession, requireNamedOfficer } from '../staff/caller.js';
import { dossierDesk, dossierWorklist, earlyWarningHandler } from './desk.js';
import { dossierReceipt, lookupDossier } from './lookup.js';
import { subscribeToDossier } from './push-subscription.js';
import { receiveDossier } from './receive.js';
import { dueDateChangesHandler, onTimeReportHandler, scorecardReportHandler } from './reports.js';
import { createDossierService, type DossierRoutesDeps } from './service.js';
import { rememberCounter } from './staff.js';
import { recordDossierStep } from './steps.js';
import { unsubscribeConfirmation, unsubscribeFromDossier } from './unsubscribe.js';

/** A citizen's unsubscribe link: public, its token is the authority. */
const UNSUBSCRIBE_PATH = /^\/api\/dossiers\/[^/]+\/unsubscribe$/;
/** A dossier's steps: an officer's, by name. */
const STEPS_PATH = /^\/api\/dossiers\/[^/]+\/steps$/;

/**
 * Mounts the staff check of the dossier routes, before the idempotency middleware (a refused request is never
 * stored as the answer to its Idempotency-Key), as `access.ts` declares them:
 * - a dossier's steps (read and recorded), the office's open dossiers and a receipt slip read again (`officer`): an
 *   officer signed in to this office, by name — a counter's token or a paired tablet's credential alone gets 403
 *   `officer-needed`; the counter the step is recorded at is the one the console names in the `Motcua-Counter`
 *   header, if any;
 * - receiving a dossier (`POST /api/dossiers`, `counter`): a counter's bearer token or an officer's session (naming
 *   its counter in the `Motcua-Counter` header);
 * - a citizen's unsubscribe link (`anyone`): its signed token is the authority.
 *
 * @example
 * ```ts
 * installDossierGuards(app, deps);
 * app.use('/api/*', idempotency(db, { office: office.id }));
 * installDossierRoutes(app, deps);
 * ```
 */
export function installDossierGuards(app: Hono, deps: Pick<DossierRoutesDeps, 'db' | 'office' | 'now'>): void {
  const staff = async (c: Context, next: () => Promise<void>) => {
    const { method, path } = c.req;
    const named = STEPS_PATH.test(path) || path.endsWith('/receipt') || (method === 'GET' && path === '/api/dossiers');
    if (named || (method === 'POST' && !UNSUBSCRIBE_PATH.test(path))) {
      const counter = c.req.header(COUNTER_HEADER);
      // An officer signed in to this office acts at the counter their console names (the Motcua-Counter header).
      const officer = named || (bearerToken(c) === undefined && officerSession(c));
      await identifyCaller(c, deps.db, deps.office, deps.now);
      if (named) requireNamedOfficer(c, DOSSIER_OFFICERS);
      if (officer) rememberCounter(c, counter === undefined ? '' : knownCounter(deps.office, counter));
      else rememberCounter(c, authenticate(c, 'counter'));
    }
    await next();
  };
  app.use('/api/dossiers', staff);
  app.use('/api/dossiers/*', staff);
}

/**
 * Mounts the dossier API:
 * - `POST /api/dossiers` (counter token): receives a dossier for a procedure of the catalogue; assigns its code
 *   (daily sequence from an atomic counter row) and a lookup PIN (only its hash is stored), computes the due date
 *   with core and answers `{ code, pin, dueAt, receipt }` (the receipt slip, Mẫu 01);
 * - `GET /api/dossiers/{code}` (PIN in the `Dossier-Pin` header): the public view ({@link DossierLookup}); an unknown
 *   code and a wrong PIN get the same 404; the guessing client is slowed (not the dossier), and a code past its
 *   ceiling of wrong PINs is paced ({@link lookupDossier});
 * - `GET /api/dossiers` (a signed-in officer): the office's dossiers that have not ended, the earliest due first
 *   (`DossierWorklist`);
 * - `GET /api/dossiers/{code}/steps` (a signed-in officer): the dossier's status view and the steps that may be
 *   recorded on it now (`DossierDeskView`);
 * - `POST /api/dossiers/{code}/steps` (a signed-in officer): a status change, supplement request or completion, an
 *   extension with its apology reason, or the end (withdrawn, stopped, resolved, returned); checked by core's dossier
 *   clock, and stored and audited with the officer's name;
 * - `GET /api/dossiers/{code}/receipt` (a signed-in officer): the receipt slip again, applicant included;
 * - `PUT /api/dossiers/{code}/push-subscription` (code and PIN): a browser opts in to Web Push for the dossier;
 * - `GET` and `POST /api/dossiers/{code}/unsubscribe?token=` (anyone with the link): the confirmation page, and the
 *   stop of the notices to the contact the token names (RFC 8058 one-click, or JSON);
 * - `GET /api/reports/on-time?from=&to=&procedure=` (JSON, or CSV with `format=csv` or `Accept: text/csv`): the
 *   dossiers received in the period, early / on time / late and still open in time / overdue, in total and per
 *   procedure (`OnTimeReport`), classified by core, each against its printed (binding) due date;
 * - `GET /api/reports/scorecard?from=&to=` (JSON or CSV, as the on-time report): the Decision 766/QĐ-TTg indicators
 *   of the period (`ScorecardReport`), measured where the server holds the data, the others listed as not held;
 * - `GET /api/reports/early-warning?days=` (JSON or CSV, the same callers): the open dossiers overdue or due within
 *   `days` working days (default 3), the most urgent first (`DossierWorklist`); no applicant data;
 * - `GET /api/reports/due-date-changes?procedure=` (the same callers as the other reports; no applicant data): the
 *   open dossiers whose printed due date differs from what the current calendar would give (`DueDateChangesReport`).
 *
 * @example
 * ```ts
 * installDossierRoutes(app, { db, office, now: Date.now, limiter, catalogue: async () => catalogue });
 * ```
 */
export function installDossierRoutes(app: Hono, deps: DossierRoutesDeps): void {
  const service = createDossierService(deps);
  app.post('/api/dossiers', (c) => receiveDossier(c, service));
  app.get('/api/dossiers', (c) => dossierWorklist(c, service));
  app.get('/api/dossiers/:code/steps', (c) => dossierDesk(c, service));
  app.get('/api/dossiers/:code/receipt', (c) => dossierReceipt(c, service));
  app.get('/api/dossiers/:code', (c) => lookupDossier(c, service));
  app.get('/api/reports/on-time', (c) => onTimeReportHandler(c, service));
  app.get('/api/reports/scorecard', (c) => scorecardReportHandler(c, service));
  app.get('/api/reports/due-date-changes', (c) => dueDateChangesHandler(c, service));
  app.get('/api/reports/early-warning', (c) => earlyWarningHandler(c, service));
  app.post('/api/dossiers/:code/steps', (c) => recordDossierStep(c, service));
  app.put('/api/dossiers/:code/push-subscription', (c) => subscribeToDossier(c, service));
  app.get('/api/dossiers/:code/unsubscribe', (c) => unsubscribeConfirmation(c, service));
  app.post('/api/dossiers/:code/unsubscribe', (c) => unsubscribeFromDossier(c, service));
}
