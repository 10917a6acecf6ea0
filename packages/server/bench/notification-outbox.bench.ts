// What claiming a batch of due notifications costs with the outbox's one statement (`update … where id in (select
// … for update skip locked) returning …`), against a naive poll: read the due rows, then claim each one with its
// own conditional update (what a first sender loop often does, and which needs a round trip per row).
//
//   node --import tsx packages/server/bench/notification-outbox.bench.ts
//   BENCH_DATABASE_URL=postgres://… node --import tsx packages/server/bench/notification-outbox.bench.ts
//
// On the embedded database by default; on a PostgreSQL server when BENCH_DATABASE_URL names one (a scratch
// database: the benchmark adds its tables there).
import { readFileSync } from 'node:fs';
import { compare } from '../../../scripts/bench/compare.js';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import { claimDue, writeOutbox } from '../src/notifications/outbox-store.js';

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).dependencies[
  '@electric-sql/pglite'
];
const template = new URL(`../../../.cache/pglite-template-${version}.tar.gz`, import.meta.url);
const ROWS = 2_000;
const BATCH = 20;

async function open(): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return openPostgres(url);
  try {
    return await openPglite(undefined, { loadDataDir: new Blob([readFileSync(template)]) });
  } catch {
    return openPglite();
  }
}

/** The naive poll: the due rows read, then each claimed by its own update if nobody took it meanwhile. */
async function naiveClaim(db: Database, office: string, now: number, leaseMs: number, limit: number): Promise<number> {
  const due = await db.query<{ id: string; attempts: number }>(
    `select id, attempts from notification_outbox where office = $1 and status = 'pending' and next_at <= $2
     order by next_at, id limit $3`,
    [office, now, limit],
  );
  let claimed = 0;
  for (const row of due) {
    const taken = await db.query(
      `update notification_outbox set attempts = attempts + 1, next_at = $3
       where id = $1 and attempts = $2 and status = 'pending' returning id`,
      [row.id, row.attempts, now + leaseMs],
    );
    claimed += taken.length;
  }
  return claimed;
}

const db = await open();
try {
  await migrate(db);
  await db.query(`delete from notification_outbox where office = 'bench'`);
  const message = { notice: { id: 'x' }, language: 'vi' } as never;
  await db.transaction((tx) =>
    writeOutbox(
      tx,
      Array.from({ length: ROWS }, (_, i) => ({
        id: `bench-${i}`,
        office: 'bench',
        dossier: `D${i}`,
        channel: 'tinh',
        kind: 'webhook' as const,
        recipient: null,
        message,
      })),
      0,
    ),
  );
  // Each claim leases its rows for 1 ms and the clock moves 2 ms per claim: the table stays as full as it started.
  let clock = 1;
  await compare(`Claiming ${BATCH} due notifications among ${ROWS} on ${db.kind}`, [
    {
      name: `claim a batch of ${BATCH}`,
      ours: async () => {
        clock += 2;
        const got = await claimDue(db, 'bench', clock, 1, BATCH);
        if (got.length !== BATCH) throw new Error(`claimed ${got.length}`);
      },
      anchor: async () => {
        clock += 2;
        const got = await naiveClaim(db, 'bench', clock, 1, BATCH);
        if (got !== BATCH) throw new Error(`claimed ${got}`);
      },
      anchorName: 'naive poll: select, then one update per row',
    },
  ]);
} finally {
  await db.query(`delete from notification_outbox where office = 'bench'`).catch(() => undefined);
  await db.close();
}
