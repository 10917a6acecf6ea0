// A service process for the kill-and-restart test of dossiers (restart.test.ts): the app on the database that
// DATABASE_URL names, else on PGlite in MOTCUA_DATA_DIR (a new directory starts from MOTCUA_PGLITE_TEMPLATE when
// given), on a free loopback port. Prints "ready <port>" once serving; SIGTERM closes it cleanly.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import { testUser } from '../staff/staff.test-support.js';
import { findUserByUsername } from '../staff/users-store.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;

async function open(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url, { max: 4 });
  const dir = process.env.MOTCUA_DATA_DIR as string;
  const template = process.env.MOTCUA_PGLITE_TEMPLATE;
  const fresh = !existsSync(join(dir, 'pg', 'PG_VERSION'));
  return openPglite(
    dir,
    fresh && template && existsSync(template) ? { loadDataDir: new Blob([readFileSync(template)]) } : {},
  );
}

const db = await open();
await migrate(db);
// A leader reads the on-time report (password-of-lanhdao).
if (!(await findUserByUsername(db, 'demo', 'lanhdao'))) await testUser(db, 'demo', 'lanhdao', ['leader']);
const app = createApp({ db, catalogue: CATALOGUE, idempotencyStaleAfterSeconds: 1 });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`ready ${info.port}`);
});
process.once('SIGTERM', () => {
  server.close();
  void db.close().then(() => process.exit(0));
});
