// A service process for the kill test of notifications (kill.test.ts): the app and the notification sender on the
// database DATABASE_URL names, else on PGlite in MOTCUA_DATA_DIR (a new directory starts from MOTCUA_PGLITE_TEMPLATE
// when given), for the office in MOTCUA_TEST_OFFICE (JSON), on a free loopback port. Prints "ready <port>".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import { parseOffice } from '../office/office.js';
import { startNotificationSender } from './sender.js';

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
const office = parseOffice(JSON.parse(process.env.MOTCUA_TEST_OFFICE as string), { demo: true });
const app = createApp({ db, office, catalogue: CATALOGUE });
startNotificationSender({ db, office, pollMs: 200, log: () => {} });
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`ready ${info.port}`);
});
