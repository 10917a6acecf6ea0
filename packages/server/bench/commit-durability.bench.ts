// What durability costs on the embedded database: commits on a PGlite data directory opened as the service opens it
// (each commit's WAL synced to disk before it is acknowledged) against the same directory setup with syncing off,
// the path every commit took before (PGlite's default: nothing reaches the disk until the OS flushes it, so a power
// cut can lose acknowledged tickets). Ours is expected to be slower: the ratio is the price of durability.
//
//   node --import tsx packages/server/bench/commit-durability.bench.ts
//
// The directories are made under BENCH_DIR (default: the OS temporary folder). Put it on the disk the service will
// use: on tmpfs a sync costs nothing and the ratio says nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare } from '../../../scripts/bench/compare.js';
import { createApp } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { openPglite } from '../src/db/pglite.js';
import { DEMO_OFFICE, parseOffice } from '../src/office/office.js';

const root = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'motcua-commit-bench-'));
// A copy of a fresh database when the tests have made one (initdb takes seconds).
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).dependencies[
  '@electric-sql/pglite'
];
const template = new URL(`../../../.cache/pglite-template-${version}.tar.gz`, import.meta.url);
const load = () => {
  try {
    return { loadDataDir: new Blob([readFileSync(template)]) };
  } catch {
    return {};
  }
};

/** A weekday at 09:00 in Vietnam, when the kiosk issues tickets; a limit that never bites. */
const NOW = Date.UTC(2026, 11, 1, 2, 0);
const office = parseOffice(
  { ...DEMO_OFFICE, rateLimits: { tickets: { limit: 1_000_000_000, windowSeconds: 60 } } },
  { demo: true },
);

async function open(name: string, sync: boolean) {
  const db = await openPglite(join(root, name), { ...load(), sync, backupSocket: false });
  await migrate(db);
  await db.exec('create table bench_ledger (n bigint primary key); create table bench_total (sum bigint)');
  await db.exec('insert into bench_total values (0)');
  const app = createApp({ db, office, now: () => NOW });
  let n = 0;
  return {
    db,
    /** One transaction of two statements, as a ticket or a receipt commits. */
    commit: () => {
      n++;
      const value = n;
      return (db as Database).transaction(async (tx) => {
        await tx.query('insert into bench_ledger values ($1)', [value]);
        await tx.query('update bench_total set sum = sum + $1', [value]);
      });
    },
    /** A kiosk ticket through the whole app. */
    ticket: async () => {
      const res = await app.request('/api/queue/tickets', {
        method: 'POST',
        headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' },
        body: JSON.stringify({ service: 'ho-tich' }),
      });
      if (res.status !== 201) throw new Error(`ticket answered ${res.status}: ${await res.text()}`);
    },
  };
}

const durable = await open('synced', true);
const unsynced = await open('unsynced', false);
try {
  await compare('Commits on the embedded database (ours: synced before the answer; anchor: never synced)', [
    {
      name: 'one committed transaction (insert + update)',
      ours: durable.commit,
      anchor: unsynced.commit,
      anchorName: 'PGlite without fsync (before)',
    },
    {
      name: 'one kiosk ticket, POST /api/queue/tickets',
      ours: durable.ticket,
      anchor: unsynced.ticket,
      anchorName: 'PGlite without fsync (before)',
    },
  ]);
} finally {
  await durable.db.close();
  await unsynced.db.close();
  rmSync(root, { recursive: true, force: true });
}
