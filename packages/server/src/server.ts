import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { openPglite } from './db/pglite.js';
import { openPostgres } from './db/postgres.js';

/** Opens the configured database: PostgreSQL when `databaseUrl` is set, else PGlite under `dataDir`. */
export async function openDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

/** A running service. */
export interface RunningServer {
  readonly url: string;
  readonly db: Database;
  /** Stops accepting requests, then closes the database (releasing PGlite's directory lock). */
  close(): Promise<void>;
}

/**
 * Opens the database, applies migrations and serves the API and the static mounts on Node.
 *
 * @example
 * ```ts
 * const server = await startServer(loadConfig());
 * console.log(server.url);
 * ```
 */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  if (config.office.demo) {
    console.warn(
      'motcua-server: văn phòng mẫu, mã truy cập công khai / demo office with public tokens (demo-kiosk, demo-counter-N): set MOTCUA_OFFICE before real use',
    );
  }
  const root = new Hono();
  root.route(
    '/',
    createApp({
      db,
      allowedOrigins: config.allowedOrigins,
      catalogue: config.catalogue,
      office: config.office,
      secret: config.secret,
      ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
    }),
  );
  for (const mount of config.static) {
    const prefix = mount.prefix.endsWith('/') ? mount.prefix : `${mount.prefix}/`;
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
  return {
    url: `${tls ? 'https' : 'http'}://${shownHost}:${port}/`,
    db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
