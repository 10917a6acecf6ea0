import { readFile } from 'node:fs/promises';
import { type CalendarOverlay, calendarOverlayWarnings, civilDateOf } from '@motcua/core/calendar';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { ADMINS, REPORT_READERS } from './access.js';
import type { Database } from './db/database.js';
import { identifyDevices } from './devices/credentials.js';
import { installDeviceRoutes } from './devices/routes.js';
import { catalogueFromFile, servedCatalogueOnce } from './dossiers/catalogue.js';
import { dossierActionAudit } from './dossiers/dossier-audit.js';
import { PIN_HEADER } from './dossiers/lookup.js';
import { DEFAULT_LOOKUP_LIMITS, type DossierLookupLimits } from './dossiers/lookup-limits.js';
import { installDossierGuards, installDossierRoutes } from './dossiers/routes.js';
import { limitBodies } from './http/body-limit.js';
import { clientAddress } from './http/client-address.js';
import { requireJsonBodies } from './http/content-type.js';
import { allowedOrigin, EXPOSED_HEADERS } from './http/cors.js';
import {
  type CredentialThrottleLimits,
  DEFAULT_CREDENTIAL_THROTTLE,
  throttleFailedCredentials,
} from './http/credential-throttle.js';
import { ApiError, errorResponse } from './http/errors.js';
import { idempotency } from './http/idempotency.js';
import { sessionCookieOf } from './http/session-cookie.js';
import { installNotificationGuards, installNotificationRoutes } from './notifications/routes.js';
import { demoOffice, type Office } from './office/office.js';
import { counterCommandAudit } from './queue/counter-audit.js';
import { installQueueGuards, installQueueRoutes } from './queue/routes.js';
import { createQueueService } from './queue/service.js';
import { watchTicketTurns } from './queue/ticket-push.js';
import { installRatingGuards, installRatingRoutes } from './ratings/routes.js';
import { createLiveSettings, type LiveSettings, liveCatalogue, liveOffice } from './settings/live-settings.js';
import { installSettingsRoutes } from './settings/routes.js';
import { auditActions } from './staff/action-audit.js';
import { COUNTER_HEADER, roleGuard } from './staff/caller.js';
import { installStaffGuards, installStaffRoutes } from './staff/routes.js';
import { DEFAULT_STAFF_SETTINGS, type StaffSettings } from './staff/settings.js';

/** What the HTTP app needs: the database, settings, and the clock (injected so tests can move time). */
export interface AppDeps {
  readonly db: Database;
  /** Origins allowed to call the API from a browser; `*` for any. */
  readonly allowedOrigins?: readonly string[];
  /** The catalogue file served at `/api/catalogue`. */
  readonly catalogue?: string | undefined;
  /** The clock; defaults to `Date.now`. */
  readonly now?: () => number;
  /** The office (queue services, counters and their tokens, kiosks, rate limits); defaults to the demo office. */
  readonly office?: Office;
  /** Signs and verifies rating tokens (at least 32 bytes). */
  readonly secret?: string | undefined;
  /**
   * The commune's reverse proxies (addresses, CIDR ranges or `loopback`) whose `X-Forwarded-For` names the client
   * of a per-client rate limit; none by default: the socket address counts (see `clientAddress`).
   */
  readonly trustProxy?: readonly string[];
  /** Limits on dossier lookups per code and per client; default {@link DEFAULT_LOOKUP_LIMITS}. */
  readonly lookupLimits?: Partial<DossierLookupLimits>;
  /** How wrong bearer tokens slow their client down; default {@link DEFAULT_CREDENTIAL_THROTTLE}. */
  readonly credentialThrottle?: CredentialThrottleLimits;
  /** Seconds a request whose process died blocks its Idempotency-Key before a retry runs it again (default 30). */
  readonly idempotencyStaleAfterSeconds?: number;
  /**
   * Aborted when the service stops: open event streams (`/api/queue/events`) end, so that the server's connections
   * can close. `startServer` passes one; without it streams end only when their clients leave.
   */
  readonly closing?: AbortSignal;
  /**
   * Working-day calendar overlays applied in order on the built-in calendar (from the configuration's
   * `calendarOverlays`): they bootstrap the office's settings, whose calendar (changed by admins through
   * `/api/admin/settings/calendar`) is used for due dates and the queue's issuing hours; `GET /api/calendar` reports
   * the overlays in force.
   */
  readonly calendarOverlays?: readonly { readonly source: string; readonly overlay: CalendarOverlay }[];
  /** Session lifetimes, sign-in back-off and audit retention; default {@link DEFAULT_STAFF_SETTINGS}. */
  readonly staff?: Partial<StaffSettings>;
  /**
   * The office's live settings, when the caller made them (the server does, to state at start where they come from);
   * made from `office` and `calendarOverlays` otherwise.
   */
  readonly settings?: LiveSettings;
  /**
   * The office is one of a province instance's (served at `/o/<office id>/` beside others on the same host names):
   * its staff session cookie is named after it, `motcua_session.<office id>` (`__Host-motcua_session.<office id>`
   * over HTTPS), so that a browser holds a session at each office at once; a cookie of the shared name
   * `motcua_session` is still read. Otherwise (a server serving one office) the cookie is `motcua_session`.
   */
  readonly province?: boolean;
}

/**
 * The motcua HTTP API as a Hono app: web-standard `Request` → `Response`, so it runs on Node (see the CLI), in
 * tests through `app.request()`, and on other runtimes.
 *
 * @example
 * ```ts
 * const app = createApp({ db: await openPglite() });
 * const res = await app.request('/api/health');
 * ```
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const origins = deps.allowedOrigins ?? [];

  app.onError((error, c) => errorResponse(error, c));

  app.use(
    '/api/*',
    cors({
      origin: allowedOrigin(origins),
      // Motcua-Counter: a page on another origin sends no session, so it only spares a counter rating a failed preflight.
      allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', PIN_HEADER, COUNTER_HEADER],
      exposeHeaders: [...EXPOSED_HEADERS],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      maxAge: 600,
    }),
  );
  // Before anything reads a body: the token checks read a rating's, and must not hold an unauthenticated 50 MB one.
  app.use('/api/*', limitBodies());
  // Only JSON: a form or text/plain post from any website needs no CORS preflight.
  app.use('/api/*', requireJsonBodies());
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
  });
  const now = deps.now ?? Date.now;
  // The office's settings in force (queue, calendar, no-appointment day, rating instruments, catalogue): from the
  // database, bootstrapped from the configuration, read again on every instance when an admin saves a version.
  const configured = deps.office ?? demoOffice();
  // Every statement works for this office: on PostgreSQL, row-level security keeps other offices' rows out of reach.
  const db = deps.db.forOffice(configured.id);
  const live =
    deps.settings ?? createLiveSettings({ db, office: configured, now, calendarOverlays: deps.calendarOverlays ?? [] });
  // Settings this app made for itself stop listening when the service closes.
  if (!deps.settings) deps.closing?.addEventListener('abort', () => live.close(), { once: true });
  const office = liveOffice(configured, live);
  app.use('/api/*', async (_c, next) => {
    await live.ready();
    await next();
  });
  // One calendar for everything that counts days: due dates and the queue's issuing hours.
  const calendar = () => live.current().calendar;
  const queue = createQueueService({ db, office, now, calendar });
  // Web Push notices of the followed tickets' turns, written after each queue event (with a Web Push channel).
  watchTicketTurns(queue, now, deps.closing);
  // A new settings version (services, counters, hours) changes what boards show: each open stream gets a snapshot.
  const stopResync = live.onChange(() => queue.hub.resync());
  deps.closing?.addEventListener('abort', stopResync, { once: true });
  const ratings = {
    db,
    office,
    now,
    secret: deps.secret,
    limiter: queue.limiter,
    queueStore: queue.store,
    instrument: (use: 'counter' | 'qr') => live.current().settings.rating[use],
  };
  const clientOf = clientAddress(deps.trustProxy);
  const cookie = sessionCookieOf(deps.province ? configured.id : undefined);
  const staff = { db, office, now, clientOf, settings: { ...DEFAULT_STAFF_SETTINGS, ...deps.staff }, cookie };
  // The cross-site check and the session reader first: every guard after them may accept an officer's session.
  installStaffGuards(app, staff);
  app.use('/api/reports/*', roleGuard(REPORT_READERS));
  app.use('/api/admin/*', roleGuard(ADMINS));
  // Before the token checks: a client sending wrong tokens waits, whichever route it tries.
  app.use('/api/*', throttleFailedCredentials(db, office.id, clientOf, now, deps.credentialThrottle));
  // Which device the bearer credential belongs to (a static token, else a paired device, checked in the database on
  // every request so that a revocation counts at once on every instance), for the guards.
  app.use('/api/*', identifyDevices(db, office, now));
  // Tokens and rate limits before idempotency: a refused request is never stored as a key's answer.
  installQueueGuards(app, queue, now, clientOf);
  // Every counter command, intake and step in the audit trail, with the officer and the counter.
  app.use('/api/queue/counters/:id/*', auditActions(staff, counterCommandAudit));
  // ('/api/dossiers/*' matches '/api/dossiers' too.)
  app.use('/api/dossiers/*', auditActions(staff, dossierActionAudit, { reads: true }));
  installRatingGuards(app, ratings);
  const dossiers = {
    db,
    office,
    now,
    limiter: queue.limiter,
    catalogue: liveCatalogue(live, catalogueFromFile(deps.catalogue)),
    clientOf,
    clockOf: () => live.current().clock,
    scorecardOf: () => live.current().settings.scorecard,
    secret: deps.secret,
    ...(deps.lookupLimits ? { lookupLimits: deps.lookupLimits } : {}),
  };
  installDossierGuards(app, dossiers);
  installNotificationGuards(app, { office, limiter: queue.limiter, now, clientOf });
  // Before idempotency: a collected pairing's answer holds a credential, never to be stored.
  installDeviceRoutes(app, {
    db,
    office,
    now,
    limiter: queue.limiter,
    clientOf,
  });
  app.use(
    '/api/*',
    idempotency(db, {
      office: office.id,
      sessionCookie: cookie,
      ...(deps.idempotencyStaleAfterSeconds === undefined
        ? {}
        : { staleAfterSeconds: deps.idempotencyStaleAfterSeconds }),
    }),
  );

  app.get('/api/health', async (c) => {
    await db.query('select 1');
    return c.json({ ok: true, database: db.kind });
  });

  // Public: which calendar overlays are active, in the order applied, and what the built-in rules they use say.
  app.get('/api/calendar', (c) => {
    const year = Number(civilDateOf(now()).slice(0, 4));
    const { calendar, settings, overlaySources } = live.current();
    const overlays = settings.calendarOverlays.map((overlay, i) => ({
      overlay,
      source: overlaySources[i] ?? 'inline',
    }));
    return c.json({
      overlays: overlays.map(({ source, overlay }) => ({
        name: overlay.name,
        source: source === 'inline' ? 'inline' : 'file',
        years: (overlay.schedules ?? []).map((s) => s.year),
        localDays: overlay.localDays?.length ?? 0,
        ...(overlay.rules ? { rules: overlay.rules } : {}),
      })),
      warnings: calendarOverlayWarnings(overlays.map((o) => o.overlay)),
      years: calendar.years,
      daysOff: calendar
        .holidays(year)
        .filter((d) => !d.working)
        .map((d) => ({ date: d.date, kind: d.kind, name: d.name, provisional: d.provisional, source: d.source })),
    });
  });

  const servedCatalogue = servedCatalogueOnce();
  app.get('/api/catalogue', async (c) => {
    const published = live.publishedCatalogue();
    const rule = live.current().settings.noAppointment;
    const json = { 'content-type': 'application/json; charset=utf-8' };
    if (published) return c.body(servedCatalogue(published.catalogue, rule, civilDateOf(now())), 200, json);
    if (!deps.catalogue) {
      throw new ApiError(404, 'no-catalogue', {
        vi: 'Máy chủ chưa được cấu hình danh mục thủ tục',
        en: 'No procedure catalogue is configured on this server',
      });
    }
    return c.body(servedCatalogue(await readFile(deps.catalogue, 'utf8'), rule, civilDateOf(now())), 200, json);
  });

  installQueueRoutes(app, queue, {
    now,
    secret: deps.secret,
    ...(deps.closing ? { closing: deps.closing } : {}),
  });
  installRatingRoutes(app, ratings);
  installDossierRoutes(app, dossiers);
  installStaffRoutes(app, staff);
  installNotificationRoutes(app, { db, office, now });
  installSettingsRoutes(app, { ...staff, live, fileCatalogue: catalogueFromFile(deps.catalogue) });

  app.all('/api/*', () => {
    throw new ApiError(404, 'not-found', { vi: 'Không có địa chỉ API này', en: 'No such API route' });
  });

  return app;
}
