// The queue report (GET /api/reports/queue): ours aggregates in the database in one scan of the office's tickets of
// the period; the anchor is what one writes first — load the period's tickets into Node and run core's
// queueStatistics over their event histories. Same rows, same PGlite, same process.
//
//   node --import tsx packages/server/bench/queue-report.bench.ts
//
// TICKETS overrides the 100,000 tickets over 2026 in 20 offices (20,000 when BENCH_TIME is set, as in CI). With
// MOTCUA_TEST_DATABASE_URL (as .ci/run sets it) the same runs on that PostgreSQL server too, where the anchor also
// pays for carrying the rows over the socket.

import { randomBytes } from 'node:crypto';
import { queueStatistics, type TicketEvent } from '@motcua/core/queue';
import { compare } from '../../../scripts/bench/compare.js';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import { queueReport } from '../src/queue/report-store.js';

const N = Number(process.env.TICKETS ?? (process.env.BENCH_TIME ? 20_000 : 100_000));
/** Seeds the tickets under `prefix` (one run's own offices), then compares the two on them. */
async function run(db: Database, where: string, prefix: string): Promise<void> {
  await migrate(db);
  await db.query(
    `insert into queue_tickets (id, office, service, business_date, status, counter, version, data)
     select $2::text || 't' || i, $2::text || (i % 20), s, to_char(d, 'YYYY-MM-DD'), st, c, 4,
       jsonb_build_object('number', 'A' || i, 'service', s, 'priority', p, 'queuedAt', j, 'calledAt', j + w,
         'lastCalledAt', j + w, 'servingAt', j + w + 60000, 'endedAt', j + w + 60000 + v, 'calls', 1, 'counter', c,
         'status', st,
         'history', jsonb_build_array(
           jsonb_build_object('type', 'issue', 'at', j, 'ticket', 't' || i, 'service', s, 'priority', p),
           jsonb_build_object('type', 'call', 'at', j + w, 'ticket', 't' || i, 'counter', c),
           jsonb_build_object('type', 'start', 'at', j + w + 60000, 'ticket', 't' || i),
           jsonb_build_object('type', case when st = 'done' then 'finish' else 'no-show' end,
             'at', j + w + 60000 + v, 'ticket', 't' || i)))
     from (select i, d, case when i % 3 = 0 then 'dat-dai' else 'ho-tich' end as s,
             case when i % 10 = 0 then 'nguoi-cao-tuoi' else 'thuong' end as p,
             (extract(epoch from d) * 1000)::bigint + 1800000 + (i % 240) * 60000 as j,
             (i % 41) * 60000::bigint as w, (3 + i % 13) * 60000::bigint as v,
             case when i % 7 = 0 then 'no-show' else 'done' end as st, ((i % 3) + 1)::text as c
           from (select i, date '2026-01-01' + ((i / 20) % 365) as d from generate_series(1, $1::int) as i) as g) as t`,
    [N, prefix],
  );

  /** The anchor: every ticket of the period into Node, then core over their histories. */
  async function loadEverything(office: string, from: string, to: string) {
    const rows = await db.query<{ history: TicketEvent[] }>(
      `select data->'history' as history from queue_tickets where office = $1 and business_date between $2 and $3`,
      [office, from, to],
    );
    return queueStatistics(rows.flatMap((r) => r.history));
  }

  const month = { office: `${prefix}7`, from: '2026-11-01', to: '2026-11-30' } as const;
  const year = { office: `${prefix}7`, from: '2026-01-01', to: '2026-12-31' } as const;
  // The same figures both ways, or the comparison means nothing.
  const [ours, anchor] = [await queueReport(db, year), await loadEverything(year.office, year.from, year.to)];
  if (ours.overall.tickets !== anchor.overall.tickets || ours.overall.wait.p90 !== anchor.overall.wait.p90) {
    throw new Error(`the two disagree: ${JSON.stringify([ours.overall, anchor.overall])}`);
  }
  await compare(
    `Queue report over ${N.toLocaleString('en-US')} tickets in 20 offices (${where}; ${ours.overall.tickets} in the office-year)`,
    [
      {
        name: 'one office, one month',
        ours: async () => queueReport(db, month),
        anchor: async () => loadEverything(month.office, month.from, month.to),
        anchorName: 'rows into Node + queueStatistics',
      },
      {
        name: 'one office, one year',
        ours: async () => queueReport(db, year),
        anchor: async () => loadEverything(year.office, year.from, year.to),
        anchorName: 'rows into Node + queueStatistics',
      },
    ],
  );
}

const pglite = await openPglite();
await run(pglite, 'PGlite in memory', 'o');
await pglite.close();
const url = process.env.MOTCUA_TEST_DATABASE_URL;
if (url) {
  const pg = await openPostgres(url);
  const prefix = `bench-${randomBytes(4).toString('hex')}-`;
  try {
    await run(pg, 'PostgreSQL', prefix);
  } finally {
    await pg.query('delete from queue_tickets where office like $1', [`${prefix}%`]);
    await pg.close();
  }
} else {
  console.log('queue report on PostgreSQL: skipped (set MOTCUA_TEST_DATABASE_URL)');
}
