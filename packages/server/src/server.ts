import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { calendarOverlayWarnings, vietnamCalendar } from '@motcua/core/calendar';
import { formatPath } from '@motcua/core/text';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { createApp } from './app.js';
import type { ServedOffice, ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { openPglite } from './db/pglite.js';
import { openPostgres } from './db/postgres.js';
import { seedDemoHistory } from './demo/history.js';
import { catalogueFromFile, catalogueProblems, problemLines } from './dossiers/catalogue.js';
import { allowedOrigin } from './http/cors.js';
import { DEFAULT_IDEMPOTENCY_RETENTION_HOURS, purgeIdempotencyKeys } from './http/idempotency.js';
import { purgeNotificationContacts } from './notifications/contact-retention.js';
import { startNotificationSender } from './notifications/sender.js';
import type { Office } from './office/office.js';
import { staticTokenWarnings } from './office/static-tokens.js';
import { type ProvinceOffices, watchProvinceOffices } from './province/added-offices.js';
import { OFFICE_PREFIX, OfficeRoutes, officeRouter } from './province/office-router.js';
import { createLiveSettings, settingsSourceLines } from './settings/live-settings.js';
import { purgeAudit } from './staff/audit-store.js';
import { ensureDemoUsers } from './staff/demo-users.js';
import { purgeExpiredSessions } from './staff/sessions-store.js';
import { DEFAULT_STAFF_SETTINGS } from './staff/settings.js';

/**
 * Opens the configured database: PostgreSQL when `databaseUrl` is set (with `databasePool` connections), else PGlite
 * under `dataDir`.
 */
export async function openDatabase(
  config: Pick<ServerConfig, 'databaseUrl' | 'databasePool' | 'dataDir'>,
): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { max: config.databasePool })
    : openPglite(config.dataDir);
}

/** A running service. */
export interface RunningServer {
  readonly url: string;
  readonly db: Database;
  /**
   * Stops accepting requests, ends the open event streams, closes idle keep-alive connections (and, after a grace
   * period, connections whose requests still run), then closes the database (releasing PGlite's directory lock).
   */
  close(): Promise<void>;
}

/** What tests and embedders may hand to {@link startServer} besides the configuration. */
export interface StartOptions {
  /** An open database to serve instead of the configured one; `close()` closes it. */
  readonly db?: Database;
  /** The clock; defaults to `Date.now`. */
  readonly now?: () => number;
  /**
   * Milliseconds `close()` lets requests still running finish before it cuts their connections (default 5000).
   * Event streams and idle keep-alive connections never wait for it.
   */
  readonly closeGraceMs?: number;
  /** Milliseconds between purges of old `Idempotency-Key` answers (default one hour). */
  readonly purgeEveryMs?: number;
  /**
   * A province instance: milliseconds during which a request for an unknown office id or host name is answered 404
   * without reading the province's list of offices again (default `UNKNOWN_OFFICE_RECHECK_MS`, 5 s).
   */
  readonly officeRecheckMs?: number;
}

const CLOSE_GRACE_MS = 5_000;
const PURGE_EVERY_MS = 3_600_000;

/** Whether a URL path has a segment starting with a dot (also percent-encoded, `%2E`). */
function hasDotSegment(path: string): boolean {
  return path.split('/').some((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // a malformed escape is not a dotfile; serveStatic refuses it
    }
    return decoded.startsWith('.') || segment.startsWith('.');
  });
}

/**
 * Opens the database, applies migrations and serves the API and the static mounts on Node: the configured office,
 * or each of a province instance's `offices` at `/o/<office id>/api/…` and at its host names, and the offices of the
 * province's list in the database (`motcua-server office add`), those added while it runs too.
 *
 * @example
 * ```ts
 * const server = await startServer(loadConfig());
 * console.log(server.url);
 * ```
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  // One office, or a province instance's offices (each at /o/<id>/ and at its host names).
  const province = config.offices !== undefined && config.offices.length > 0;
  const served: readonly ServedOffice[] = province
    ? (config.offices as readonly ServedOffice[])
    : [{ office: config.office, catalogue: config.catalogue, hosts: [] }];
  // A broken catalogue refuses the start, with every problem and its path, rather than failing the counter later.
  for (const catalogue of new Set(served.map((s) => s.catalogue))) {
    if (!catalogue) continue;
    const problems = await catalogueProblems(catalogue);
    if (problems.length > 0) {
      throw new Error(
        `motcua-server: the catalogue ${catalogue} has ${problems.length} problem(s):\n${problemLines(problems).join('\n')}`,
      );
    }
  }
  const opened = options.db ?? (await openDatabase(config));
  const now = options.now ?? Date.now;
  // Aborted by close(): every open event stream listens to it, however many boards are connected.
  const closing = new AbortController();
  setMaxListeners(0, closing.signal);
  const offices: StartedOffice[] = [];
  const routes = new OfficeRoutes();
  let added: ProvinceOffices | undefined;
  try {
    // Migrations on the whole database; everything else works for one office (row-level security on PostgreSQL).
    await migrate(opened);
    for (const s of served) {
      const started = await startOffice(opened, config, s, { now, closing: closing.signal, province });
      offices.push(started);
      if (province) routes.add({ id: started.office.id, hosts: started.hosts, app: started.app });
    }
    if (province) {
      // The offices of the province's list in the database, now and as they are added.
      added = watchProvinceOffices({
        db: opened,
        routes,
        catalogue: config.catalogue,
        ...(options.officeRecheckMs === undefined ? {} : { recheckMs: options.officeRecheckMs }),
        async start(s) {
          const started = await startOffice(opened, config, s, { now, closing: closing.signal, province: true });
          offices.push(started);
          return { id: started.office.id, hosts: started.hosts, app: started.app };
        },
        async stop(id) {
          const at = offices.findIndex((o) => o.office.id === id);
          if (at < 0) return;
          const [gone] = offices.splice(at, 1);
          await gone?.stop();
        },
      });
      await added.ready();
    }
  } catch (error) {
    await added?.close();
    await Promise.all(offices.map((o) => o.stop()));
    await opened.close();
    throw error;
  }
  // Said once at start: an overlay rule that no longer changes anything (24/11 switched on, built in since 2026).
  for (const w of calendarOverlayWarnings((config.calendarOverlays ?? []).map((o) => o.overlay))) {
    console.warn(
      `motcua-server: ${formatPath(['calendarOverlays', ...w.path.slice(1)])}: ${w.message.vi} / ${w.message.en}`,
    );
  }
  const root = new Hono();
  // Browsers must not guess a type other than the one sent (a JSON answer or an uploaded file read as HTML).
  root.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
  });
  if (added) {
    const list = added;
    root.route('/', officeRouter(routes, { onUnknown: () => list.recheck() }));
    console.log(
      `motcua-server: ${offices.length} đơn vị / offices: ${offices.map((o) => `${OFFICE_PREFIX}${o.office.id}/`).join(', ')}`,
    );
  } else {
    root.route('/', (offices[0] as StartedOffice).app);
  }
  for (const mount of config.static) {
    const prefix = mount.prefix.endsWith('/') ? mount.prefix : `${mount.prefix}/`;
    // Module scripts from another origin load only with CORS. Public files (the CDN build) may go to any page;
    // the others only to the pages the API already serves, since a LAN-only service's files should not be readable
    // by whatever website an office PC visits.
    root.use(
      `${prefix}*`,
      cors({
        origin: mount.anyOrigin ? '*' : allowedOrigin(config.allowedOrigins),
        allowMethods: ['GET', 'HEAD'],
        maxAge: 600,
      }),
    );
    // Dotfiles and dot-folders (.env, .git/, .npmrc) are never served, even when they sit in a mounted folder.
    root.use(`${prefix}*`, async (c, next) => (hasDotSegment(c.req.path) ? c.notFound() : next()));
    root.use(
      `${prefix}*`,
      serveStatic({ root: mount.dir, rewriteRequestPath: (path) => path.slice(prefix.length - 1) }),
    );
  }
  const tls = config.tls && { cert: readFileSync(config.tls.cert), key: readFileSync(config.tls.key) };
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: root.fetch,
        port: config.port,
        hostname: config.host,
        ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}),
      },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // Node's http and https servers can close their connections; the type also admits HTTP/2 servers, which cannot.
  const connections = server as Partial<Pick<HttpServer, 'closeIdleConnections' | 'closeAllConnections'>>;
  const grace = options.closeGraceMs ?? CLOSE_GRACE_MS;
  // Stored answers hold receipts (PIN, applicant): purged once they are older than the retention; never holds the
  // process open.
  const purging = setInterval(() => {
    Promise.all(offices.map((o) => o.purge())).catch((error: unknown) => {
      console.warn(
        `motcua-server: old Idempotency-Key answers, audit lines, sessions or notification contacts not purged: ${(error as Error).message}`,
      );
    });
  }, options.purgeEveryMs ?? PURGE_EVERY_MS);
  purging.unref();
  let closed: Promise<void> | undefined;
  return {
    url: `${tls ? 'https' : 'http'}://${shownHost}:${port}/`,
    db: opened,
    close() {
      closed ??= (async () => {
        clearInterval(purging);
        // No office starts any more: one still starting is waited for, and stopped with the others.
        await added?.close();
        const sendersStopped = Promise.all(offices.map((o) => o.stop()));
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        closing.abort();
        // A board's stream ends at once; a connection kept alive after its last answer closes as soon as it is idle;
        // one whose request still runs after the grace period is cut.
        connections.closeIdleConnections?.();
        const idle = setInterval(() => connections.closeIdleConnections?.(), 50);
        const cut = setTimeout(() => connections.closeAllConnections?.(), grace);
        try {
          await stopped;
        } finally {
          clearInterval(idle);
          clearTimeout(cut);
        }
        await sendersStopped;
        await opened.close();
      })();
      return closed;
    },
  };
}

/** An office the service runs: its app, its purge and what stops with it. */
interface StartedOffice {
  readonly office: Office;
  readonly hosts: readonly string[];
  readonly app: Hono;
  /** Old Idempotency-Key answers, audit lines, sessions and notification contacts go. */
  purge(): Promise<void>;
  /** Its notification sender stops. */
  stop(): Promise<void>;
}

/**
 * Starts one office on a migrated database: purges what is past its retention, makes the demo users (and, for the
 * demo office, its history), reads its settings and starts its notification sender. `province`: one office of a
 * province instance, whose start lines begin with its id and whose staff session cookie is named after it.
 */
async function startOffice(
  opened: Database,
  config: ServerConfig,
  { office, catalogue, hosts }: ServedOffice,
  { now, closing, province }: { now: () => number; closing: AbortSignal; province: boolean },
): Promise<StartedOffice> {
  const db = opened.forOffice(office.id);
  const say = (line: string) => (province ? line.replace('motcua-server:', `motcua-server [${office.id}]:`) : line);
  const retentionMs = (config.idempotencyRetentionHours ?? DEFAULT_IDEMPOTENCY_RETENTION_HOURS) * 3_600_000;
  const auditDays = config.staff?.auditRetentionDays ?? DEFAULT_STAFF_SETTINGS.auditRetentionDays;
  // Also audit lines past their retention (checked hourly, so at least daily) and expired sessions.
  const purge = async () => {
    await purgeIdempotencyKeys(db, now() - retentionMs);
    await purgeAudit(db, now() - auditDays * 86_400_000);
    await purgeExpiredSessions(db, now());
    // The citizens' notification contacts, once their dossiers are finished and the retention has passed.
    await purgeNotificationContacts(db, office, now());
  };
  await purge();
  const demoUsers = await ensureDemoUsers(db, office, now());
  if (office.demo) {
    // Weeks of past work for the dashboard and the reports, written once on the demo office's first start.
    const calendar = vietnamCalendar({ overlays: (config.calendarOverlays ?? []).map((o) => o.overlay) });
    const history = await seedDemoHistory(db, office, {
      now: now(),
      calendar,
      clock: { calendar },
      catalogue: await catalogueFromFile(catalogue)(),
    });
    if (history) {
      console.log(
        say(
          `motcua-server: lịch sử trình diễn / demo history: ${history.tickets} tickets, ${history.ratings} ratings, ${history.dossiers} dossiers`,
        ),
      );
    }
    console.warn(
      say(
        'motcua-server: văn phòng mẫu, mã truy cập công khai / demo office with public tokens (demo-kiosk, demo-counter-N): set MOTCUA_OFFICE before real use',
      ),
    );
    const list = demoUsers.map((u) => `${u.username} / ${u.password} (${u.roles.join(', ')})`).join('; ');
    console.log(say(`motcua-server: tài khoản trình diễn / demo sign-ins: ${list}`));
  } else {
    for (const u of demoUsers) {
      console.warn(
        say(
          `motcua-server: người dùng "${u.username}" còn mật khẩu trình diễn công khai nên đã bị khóa / user "${u.username}" still had the public demo password and was disabled: motcua-server users reset-password ${u.username}`,
        ),
      );
    }
  }
  // Static tokens keep working; said once at start, by where each is written, never the token.
  for (const line of staticTokenWarnings(office)) console.warn(say(line));
  // The office's settings: the configuration bootstraps them; once an admin saved a version, the database's win.
  const settings = createLiveSettings({ db, office, now, calendarOverlays: config.calendarOverlays ?? [] });
  try {
    for (const line of settingsSourceLines(await settings.ready())) console.log(say(line));
  } catch (error) {
    settings.close();
    throw error;
  }
  const app = createApp({
    db,
    allowedOrigins: config.allowedOrigins,
    catalogue,
    office,
    secret: config.secret,
    closing,
    now,
    settings,
    province,
    ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
    ...(config.calendarOverlays ? { calendarOverlays: config.calendarOverlays } : {}),
    ...(config.staff ? { staff: config.staff } : {}),
  });
  // Dossier status notifications: delivered from the outbox by every instance side by side.
  const sender = startNotificationSender({ db, office, now });
  return {
    office,
    hosts,
    app,
    purge,
    async stop() {
      await sender.stop();
      settings.close();
    },
  };
}
