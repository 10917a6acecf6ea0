// What checking a paired device's credential in the database on every request costs (one indexed lookup of its
// SHA-256, which is what makes a revocation count at once on every instance), against a static token of the
// configuration, found in memory with no query: the same counter request through the whole app.
//
//   node --import tsx packages/server/bench/device-credentials.bench.ts
//   BENCH_DATABASE_URL=postgres://… node --import tsx packages/server/bench/device-credentials.bench.ts
//
// On the embedded database by default; on a PostgreSQL server when BENCH_DATABASE_URL names one (a scratch
// database: the benchmark adds its tables there).
import { readFileSync } from 'node:fs';
import { compare } from '../../../scripts/bench/compare.js';
import { createApp } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import { adminHeaders, pairDevice } from '../src/devices/pairing.test-support.js';
import { DEMO_OFFICE, parseOffice } from '../src/office/office.js';

const NOW = Date.UTC(2026, 11, 1, 2, 0);
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).dependencies[
  '@electric-sql/pglite'
];
const template = new URL(`../../../.cache/pglite-template-${version}.tar.gz`, import.meta.url);

async function open(): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return openPostgres(url);
  try {
    return await openPglite(undefined, { loadDataDir: new Blob([readFileSync(template)]) });
  } catch {
    return openPglite();
  }
}

const db = await open();
try {
  await migrate(db);
  const office = parseOffice(
    { ...DEMO_OFFICE, rateLimits: { pairings: { limit: 1_000_000, windowSeconds: 60 } } },
    { demo: true },
  );
  const app = createApp({ db, office, now: () => NOW });
  const admin = await adminHeaders(db);
  // 200 paired devices, as a province's shared database might hold, so the lookup is not of a one-row table.
  let paired = { credential: '', id: '' };
  for (let i = 0; i < 200; i++)
    paired = await pairDevice(app, admin, { name: `Quầy 1 (${i})`, kind: 'counter', counter: '1' });
  const current = (token: string) => async () => {
    const res = await app.request('/api/queue/counters/1/current', { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`answered ${res.status}`);
    await res.arrayBuffer();
  };
  await compare(`A counter's request on ${db.kind}: a paired credential checked in the database per request`, [
    {
      name: 'GET /api/queue/counters/1/current',
      ours: current(paired.credential),
      anchor: current('demo-counter-1'),
      anchorName: 'static token (in memory, no query)',
    },
  ]);
} finally {
  await db.close();
}
