// An officer's worklist and the leaders' early warning: ours reads the office's open dossiers through the partial
// index `dossiers_open` and classifies those with core; the anchor is what one would write first — read every dossier
// of the office, classify each, keep the open ones. Both on in-memory PGlite with the same rows.
//
//   node --import tsx packages/server/bench/early-warning.bench.ts
//
// DOSSIERS overrides the 20,000 dossiers, a tenth of them open (2,000 when BENCH_TIME is set, as in the CI run).
import { vietnamCalendar } from '@motcua/core/calendar';
import { ENDED_DOSSIER_STATUSES } from '@motcua/core/deadline';
import { compare } from '../../../scripts/bench/compare.js';
import { migrate } from '../src/db/migrations.js';
import { openPglite } from '../src/db/pglite.js';
import { DOSSIER_CLOCK_COLUMNS, type DossierClockRow, openDossierRows } from '../src/dossiers/store.js';
import { vietnamIso } from '../src/dossiers/vietnam-iso.js';
import { workItem } from '../src/dossiers/view.js';

const N = Number(process.env.DOSSIERS ?? (process.env.BENCH_TIME ? 2_000 : 20_000));
const NOW = vietnamIso(Date.UTC(2026, 11, 31, 3, 0));
const clock = { calendar: vietnamCalendar() };

const db = await openPglite();
await migrate(db);
// A year of dossiers; one in ten still open (received), the others returned.
await db.query(
  `insert into dossiers (code, office, procedure_code, procedure_name, channel, time_limit, received_at, due_at,
     pin_hash, ticket, status, steps, slip, version)
   select 'bench-' || i, 'bench', '1.00000' || (i % 5), 'Thủ tục ' || (i % 5), 'in-person',
     '{"value": 3, "unit": "working-days"}'::jsonb,
     to_char(t, 'YYYY-MM-DD"T"HH24:MI":00+07:00"'),
     to_char(date_trunc('day', t) + interval '5 days 17 hours', 'YYYY-MM-DD"T"HH24:MI":00+07:00"'), 'x', null,
     case when i % 10 = 0 then 'received' else 'returned' end,
     case when i % 10 = 0 then '[]'::jsonb else jsonb_build_array(jsonb_build_object('type', 'returned',
       'at', to_char(t + interval '2 days', 'YYYY-MM-DD"T"HH24:MI":00+07:00"'))) end,
     '{}'::jsonb, 1
   from (select i, timestamp '2026-01-02 08:00' + (i % 360) * interval '1 day' + (i % 480) * interval '1 minute' as t
         from generate_series(1, $1::int) as i) as s`,
  [N],
);

/** The anchor: every dossier of the office, each classified, the open ones kept. */
async function everyDossier() {
  const rows = await db.query<DossierClockRow & { status: (typeof ENDED_DOSSIER_STATUSES)[number] }>(
    `select ${DOSSIER_CLOCK_COLUMNS}, status from dossiers where office = 'bench'`,
  );
  return rows
    .map((row) => ({ row, item: workItem(row, NOW, clock) }))
    .filter(({ row }) => !ENDED_DOSSIER_STATUSES.includes(row.status))
    .map(({ item }) => item);
}

const open = await openDossierRows(db, 'bench', N);
const anchor = await everyDossier();
if (open.length !== anchor.length) throw new Error(`the two disagree: ${open.length} and ${anchor.length} open`);
console.log(`${N} dossiers, ${open.length} open`);

await compare(
  'Open dossiers (ours: the partial index dossiers_open; anchor: every dossier classified, then filtered)',
  [
    {
      name: `the open dossiers of ${N}, classified`,
      ours: async () => (await openDossierRows(db, 'bench', N)).map((row) => workItem(row, NOW, clock)),
      anchor: everyDossier,
      anchorName: 'every row read and classified',
    },
  ],
);
await db.close();
