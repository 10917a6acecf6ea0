// The on-time report over many dossiers: ours reads them a page at a time and classifies each with core; the
// anchor is what one would write first — load every row, then core's dossierStatistics over the whole array per
// procedure. Both on in-memory PGlite with the same rows; prints the time and the heap held after each query.
//
//   node --expose-gc --import tsx packages/server/bench/on-time-report.bench.ts
//
// DOSSIERS overrides the 20,000 dossiers (2,000 when BENCH_TIME is set, as in the CI smoke run).
import { vietnamCalendar } from '@motcua/core/calendar';
import { type DossierRecord, dossierStatistics } from '@motcua/core/deadline';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { openPglite } from '../src/db/pglite.js';
import { onTimeReport } from '../src/dossiers/on-time-report.js';
import { vietnamIso } from '../src/dossiers/vietnam-iso.js';
import { clockEvents } from '../src/dossiers/view.js';

const N = Number(process.env.DOSSIERS ?? (process.env.BENCH_TIME ? 2_000 : 20_000));
const NOW = Date.UTC(2026, 11, 31, 3, 0);
const clock = { calendar: vietnamCalendar() };
const gc = (globalThis as { gc?: () => void }).gc;

/** Seeds N dossiers over 2026 for 5 procedures; half resolved 1–7 days after receipt. */
async function seed(db: Database): Promise<void> {
  await db.query(
    `insert into dossiers (code, office, procedure_code, procedure_name, channel, time_limit, received_at, due_at,
       pin_hash, ticket, status, steps, slip, version)
     select 'bench-' || i, 'bench', '1.00000' || (i % 5), 'Thủ tục ' || (i % 5),
       case when i % 3 = 0 then 'online' else 'in-person' end,
       '{"value": 3, "unit": "working-days"}'::jsonb,
       to_char(t, 'YYYY-MM-DD"T"HH24:MI":00+07:00"'),
       -- The printed due date: five days later at 17:00 (close to 3 working days; the report measures against it).
       to_char(date_trunc('day', t) + interval '5 days 17 hours', 'YYYY-MM-DD"T"HH24:MI":00+07:00"'), 'x', null,
       case when i % 2 = 0 then 'resolved' else 'received' end,
       case when i % 2 = 0 then jsonb_build_array(jsonb_build_object('type', 'resolved',
         'at', to_char(t + ((i % 7) + 1) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI":00+07:00"')))
       else '[]'::jsonb end,
       '{}'::jsonb, 1
     from (select i, timestamp '2026-01-02 08:00' + (i % 340) * interval '1 day' + (i % 480) * interval '1 minute' as t
           from generate_series(1, $1::int) as i) as s`,
    [N],
  );
}

/** The database with the live heap (after a collection) sampled after every query, when `sampling` is on. */
function sampled(db: Database): { db: Database; peak: () => number; reset: (on: boolean) => void } {
  let peak = 0;
  let on = false;
  const sample = () => {
    if (!on) return;
    gc?.();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  return {
    db: {
      ...db,
      async query(sql, params) {
        const rows = await db.query(sql, params);
        sample();
        return rows as never;
      },
    },
    peak: () => peak,
    reset: (sampling) => {
      on = sampling;
      gc?.();
      peak = process.memoryUsage().heapUsed;
    },
  };
}

interface Row {
  procedure_code: string;
  channel: DossierRecord['channel'];
  time_limit: DossierRecord['limit'];
  received_at: string;
  steps: Parameters<typeof clockEvents>[0];
}

/** The anchor: every row at once, then core's statistics per procedure and in total. */
async function loadEverything(db: Database) {
  const rows = await db.query<Row>(
    `select procedure_code, channel, time_limit, received_at, steps from dossiers where office = 'bench'`,
  );
  const byProcedure = new Map<string, DossierRecord[]>();
  const all: DossierRecord[] = rows.map((r) => {
    const record = { receivedAt: r.received_at, limit: r.time_limit, channel: r.channel, events: clockEvents(r.steps) };
    const list = byProcedure.get(r.procedure_code) ?? [];
    list.push(record);
    byProcedure.set(r.procedure_code, list);
    return record;
  });
  const options = { ...clock, now: NOW };
  return {
    total: dossierStatistics(all, options),
    procedures: [...byProcedure.values()].map((list) => dossierStatistics(list, options)),
  };
}

const db = await openPglite();
await migrate(db);
await seed(db);
const probe = sampled(db);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const results: Record<string, string>[] = [];
for (const [name, run] of [
  [
    'ours: pages of 500, core per dossier',
    () => onTimeReport(probe.db, { office: 'bench', now: NOW }, clock, vietnamIso),
  ],
  ['anchor: every row, dossierStatistics', () => loadEverything(probe.db)],
] as const) {
  await run(); // warm up
  probe.reset(false);
  const started = performance.now();
  const report = await run();
  const ms = performance.now() - started;
  // Then once more, collecting garbage after each query, for the heap the report holds.
  probe.reset(true);
  const base = probe.peak();
  await run();
  results.push({
    case: name,
    dossiers: String(N),
    ms: ms.toFixed(0),
    'dossiers/s': Math.round((N / ms) * 1000).toLocaleString('en-US'),
    'live heap after a query (max)': gc ? `+${mb(probe.peak() - base)}` : 'run with --expose-gc',
    'on-time rate': String(report.total.onTimeRate),
  });
}
console.log(`\nOn-time report over ${N.toLocaleString('en-US')} dossiers (PGlite in memory)`);
console.table(results);
await db.close();
