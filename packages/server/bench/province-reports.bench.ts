// The leaders' reports at province scale on PostgreSQL (issue 22, "Performance"): by default 200,000 dossiers,
// 200,000 ratings and 400,000 queue tickets over 2026 in 20 offices, seeded in SQL (generate_series, the same rows
// every run) into a schema of this run's own, dropped at the end. For each report — on-time, Decision 766 scorecard,
// satisfaction, queue, early warning — it times many one-office, one-month requests (different offices and months,
// one after another, the first one untimed as a warm-up) and prints their median and p95 against the 300 ms target;
// then one office's whole year, every office's year run one after another (their sum) and three at a time (the wall
// time a province-wide run of that report would take), against 3 s; and the province's on-time report itself
// (`provinceOnTimeReport`, what `motcua-server report on-time` runs), checked against the offices' own reports. Beside ours, in the same process and on the same rows,
// the naive approach — the period's rows loaded into Node in one query and computed there with core's functions —
// for the on-time, satisfaction and queue reports and the early warning, with the ratio ours/naive of the medians.
// Then the dashboard's first paint, against 1.5 s: the real server started from source on the same schema, serving
// one of the seeded offices (pr-001) on the clock of NOW, a leader account made as `motcua-server users add` makes one
// and signed in on the example site's lanh-dao.html, in headless Chromium at 1366×768 (its clock set to NOW too, so
// that the dashboard's default period, this month, is December 2026). Each navigation is timed in the page from its
// start to the animation frame in which the six headline figures hold the server's values: a cold one (the browser's
// cache emptied, the server's report routes never run), then 5 warm ones (median and slowest; 3 in the smoke run),
// each beside the span of its report requests (Resource Timing). There is no naive page: see firstPaint. The server
// and the load generator (both this process), PostgreSQL and Chromium share the machine's cores. Without the CDN
// build (packages/elements/dist/cdn, `npm run build`) or a Chromium, this part says why it was skipped; the rest runs.
//
//   export MOTCUA_TEST_DATABASE_URL=$(bash scripts/postgres.sh)
//   node --import tsx packages/server/bench/province-reports.bench.ts
//   PROVINCE_SCALE=5 node --import tsx packages/server/bench/province-reports.bench.ts   # 1M / 1M / 2M, 100 offices
//
// PROVINCE_SCALE multiplies the rows and the offices (each office keeps 10,000 dossiers, 10,000 ratings and 20,000
// tickets a year). With BENCH_TIME set (the CI smoke run) and no PROVINCE_SCALE, a tenth of the rows in the same 20
// offices and fewer requests. Without MOTCUA_TEST_DATABASE_URL it says it was skipped. The reports are called as
// the server's functions (no HTTP), on a connection that bypasses row-level security; no audit trail is seeded, so
// the queue report's join on audit_events finds nothing and names no officer.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { addDays, type CivilDate, fromVietnamTime, vietnamCalendar } from '@motcua/core/calendar';
import {
  type DossierRecord,
  type DossierStatus,
  type DossierWorkItem,
  dossierStatistics,
  ENDED_DOSSIER_STATUSES,
} from '@motcua/core/deadline';
import { queueStatistics, type TicketEvent } from '@motcua/core/queue';
import { aggregateResponses, type EligibleTransaction, type SurveyResponse } from '@motcua/core/satisfaction';
import pg from 'pg';
import type { Browser, Page } from 'puppeteer-core';
import { findChrome, HEADLESS_CHROME_FLAGS } from '../../../scripts/env.mjs';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { openPostgres } from '../src/db/postgres.js';
import { EARLY_WARNING_LIMIT } from '../src/dossiers/desk.js';
import { type OfficeOnTimeFigures, onTimeReport, provinceOnTimeReport } from '../src/dossiers/on-time-report.js';
import { scorecardReport } from '../src/dossiers/scorecard-report.js';
import { clockInputOf, DOSSIER_CLOCK_COLUMNS, type DossierClockRow, openDossierRows } from '../src/dossiers/store.js';
import { vietnamIso } from '../src/dossiers/vietnam-iso.js';
import { clockEvents, timelineOf, workItem } from '../src/dossiers/view.js';
import { DEMO_OFFICE, parseOffice } from '../src/office/office.js';
import { queueReport } from '../src/queue/report-store.js';
import { satisfactionInputs } from '../src/ratings/report.js';
import { startServer } from '../src/server.js';
import { addUser } from '../src/staff/accounts.js';

const SMOKE = process.env.BENCH_TIME !== undefined && process.env.PROVINCE_SCALE === undefined;
const SCALE = SMOKE ? 0.1 : Number(process.env.PROVINCE_SCALE ?? 1);
const OFFICES = SMOKE ? 20 : Math.round(20 * SCALE);
const SIZE = {
  dossiers: Math.round(200_000 * SCALE),
  ratings: Math.round(200_000 * SCALE),
  tickets: Math.round(400_000 * SCALE),
};
/** Timed one-office, one-month requests per report (and per naive approach). */
const REQUESTS = SMOKE ? 20 : 60;
const MONTH_TARGET_MS = 300;
const YEAR_TARGET_MS = 3000;
const NOW = Date.UTC(2026, 11, 31, 3, 0);
const clock = { calendar: vietnamCalendar() };
const INSTRUMENT = 'vn-one-stop-rating';
const YEAR = { from: '2026-01-01', to: '2026-12-31' } as const;

const officeId = (n: number) => `pr-${String(n).padStart(3, '0')}`;
const iso = '\'YYYY-MM-DD"T"HH24:MI":00+07:00"\'';

// ---------------------------------------------------------------------------------------------------------------
// Seeding: row n goes to office n % OFFICES; k = n / OFFICES spreads each office's rows over the year.

/**
 * Dossiers of 5 procedures (1 to 15 working days): a tenth still open (received, over the whole year: a backlog the
 * early warning classifies, about 1,000 an office), a fifth of the last two weeks' resolved and not yet returned, the
 * rest returned.
 */
async function seedDossiers(db: Database): Promise<void> {
  await db.query(
    `insert into dossiers (code, office, procedure_code, procedure_name, channel, time_limit, received_at, due_at,
       pin_hash, ticket, status, steps, slip, version)
     select 'pd-' || n, 'pr-' || lpad(o::text, 3, '0'), '1.00000' || p, 'Thủ tục ' || p,
       case when (k / 2) % 3 = 0 then 'online' else 'in-person' end,
       jsonb_build_object('value', lim, 'unit', 'working-days'),
       to_char(t, ${iso}),
       -- The printed due date: about the limit in calendar days, at 17:00.
       to_char(date_trunc('day', t) + (lim * 7 / 5 + 1) * interval '1 day' + interval '17 hours', ${iso}), 'x', null,
       case when s = 0 then 'received' when s = 1 then 'resolved' else 'returned' end,
       case when s = 0 then '[]'::jsonb
         when s = 1 then jsonb_build_array(
           jsonb_build_object('type', 'resolved', 'at', to_char(t + r * interval '1 day', ${iso})))
         else jsonb_build_array(
           jsonb_build_object('type', 'resolved', 'at', to_char(t + r * interval '1 day', ${iso})),
           jsonb_build_object('type', 'returned', 'at', to_char(t + (r + 1) * interval '1 day', ${iso})))
       end,
       '{}'::jsonb, 1
     from (select n, o, k, p, lim, case when (k / 5) % 10 = 0 then 0 when (k / 5) % 10 < 3 and k % 363 >= 349 then 1 else 2 end as s,
             1 + k % (lim + 4) as r,
             timestamp '2026-01-02 08:00' + (k % 363) * interval '1 day' + ((k * 37) % 480) * interval '1 minute' as t
           from (select n, n % $2 as o, n / $2 as k, (n / $2) % 5 as p,
                   (array[1, 3, 5, 10, 15])[(n / $2) % 5 + 1] as lim
                 from generate_series(1, $1::int) as n) as g) as d`,
    [SIZE.dossiers, OFFICES],
  );
}

/** One-stop ratings (1–3, a reason with 1), every other one bound to the dossier of its number, the others to a ticket. */
async function seedRatings(db: Database): Promise<void> {
  await db.query(
    `insert into ratings (office, token_id, instrument_id, instrument_version, answers, submitted_at,
       transaction_id, counter)
     select 'pr-' || lpad(o::text, 3, '0'), 'tok-' || n, '${INSTRUMENT}', '1',
       case when v = 1 then jsonb_build_object('overall', 1, 'reason', 'chậm')
         else jsonb_build_object('overall', v, 'convenience', 2 + n % 2) end,
       (extract(epoch from t) * 1000)::bigint - 25200000,
       case when n % 2 = 0 then 'pd-' || n else 'pt-' || n end, ((k % 3) + 1)::text
     from (select n, o, k, (array[3, 2, 3, 2, 2, 3, 1, 2, 3, 2])[(k / 3) % 10 + 1] as v,
             timestamp '2026-01-02 09:00' + (k % 363) * interval '1 day' + ((k * 37) % 480) * interval '1 minute' as t
           from (select n, n % $2 as o, n / $2 as k from generate_series(1, $1::int) as n) as g) as r`,
    [SIZE.ratings, OFFICES],
  );
}

/** Queue tickets as queue-report.bench.ts seeds them: issued, called, served (a seventh no-show), with their history. */
async function seedTickets(db: Database): Promise<void> {
  await db.query(
    `insert into queue_tickets (id, office, service, business_date, status, counter, version, data)
     select 'pt-' || i, 'pr-' || lpad(o::text, 3, '0'), s, to_char(d, 'YYYY-MM-DD'), st, c, 4,
       jsonb_build_object('number', 'A' || k, 'service', s, 'priority', p, 'queuedAt', j, 'calledAt', j + w,
         'lastCalledAt', j + w, 'servingAt', j + w + 60000, 'endedAt', j + w + 60000 + v, 'calls', 1, 'counter', c,
         'status', st,
         'history', jsonb_build_array(
           jsonb_build_object('type', 'issue', 'at', j, 'ticket', 'pt-' || i, 'service', s, 'priority', p),
           jsonb_build_object('type', 'call', 'at', j + w, 'ticket', 'pt-' || i, 'counter', c),
           jsonb_build_object('type', 'start', 'at', j + w + 60000, 'ticket', 'pt-' || i),
           jsonb_build_object('type', case when st = 'done' then 'finish' else 'no-show' end,
             'at', j + w + 60000 + v, 'ticket', 'pt-' || i)))
     from (select i, o, k, d, case when k % 3 = 0 then 'dat-dai' else 'ho-tich' end as s,
             case when k % 10 = 0 then 'nguoi-cao-tuoi' else 'thuong' end as p,
             (extract(epoch from d) * 1000)::bigint + 1800000 + (k % 240) * 60000 as j,
             (k % 41) * 60000::bigint as w, (3 + k % 13) * 60000::bigint as v,
             case when k % 7 = 0 then 'no-show' else 'done' end as st, ((k % 3) + 1)::text as c
           from (select i, i % $2 as o, i / $2 as k, date '2026-01-01' + ((i / $2) % 365) as d
                 from generate_series(1, $1::int) as i) as g) as t`,
    [SIZE.tickets, OFFICES],
  );
}

/** The three tables at once (each insert keeps one core busy), then fresh planner statistics. */
async function seed(db: Database): Promise<number> {
  const started = performance.now();
  await Promise.all([seedDossiers(db), seedRatings(db), seedTickets(db)]);
  await db.exec('analyze dossiers; analyze ratings; analyze queue_tickets');
  return performance.now() - started;
}

// ---------------------------------------------------------------------------------------------------------------
// The requests: office n, month m.

interface Period {
  readonly office: string;
  readonly from: CivilDate;
  readonly to: CivilDate;
}

function monthOf(office: number, month: number): Period {
  const mm = String(month).padStart(2, '0');
  const from = `2026-${mm}-01` as CivilDate;
  const to = addDays(month === 12 ? '2027-01-01' : (`2026-${String(month + 1).padStart(2, '0')}-01` as CivilDate), -1);
  return { office: officeId(office), from, to };
}

/** REQUESTS office-months, each office in turn, the months spread (7 is prime to 12). */
const MONTHS: readonly Period[] = Array.from({ length: REQUESTS }, (_, i) => monthOf(i % OFFICES, ((i * 7) % 12) + 1));
/** Reports run at a time in the province-wide line: the pool's connections but one (4 in this benchmark). */
const PARALLEL = 3;
const OFFICE_YEARS: readonly Period[] = Array.from({ length: OFFICES }, (_, i) => ({ office: officeId(i), ...YEAR }));

// ---------------------------------------------------------------------------------------------------------------
// Ours: the server's functions, as the routes call them.

const ours = {
  onTime: (db: Database, q: Period) => onTimeReport(db, { ...q, now: NOW }, clock, vietnamIso),
  scorecard: (db: Database, q: Period) => scorecardReport(db, { ...q, now: NOW }, clock, vietnamIso),
  async satisfaction(db: Database, q: Period) {
    const { responses, eligible } = await satisfactionInputs(db, { ...q, instrument: INSTRUMENT, tickets: true });
    return aggregateResponses(responses, { instrumentId: INSTRUMENT, groupBy: ['counter'], eligible });
  },
  queue: (db: Database, q: Period) => queueReport(db, q),
  /** What GET /api/reports/early-warning does (openWorklist, then the soon filter with days = 3); no period. */
  async earlyWarning(db: Database, q: Period) {
    const now = vietnamIso(NOW);
    const rows = await openDossierRows(db, q.office, EARLY_WARNING_LIMIT + 1);
    return rows
      .slice(0, EARLY_WARNING_LIMIT)
      .map((row) => workItem(row, now, clock))
      .sort((a, b) => a.classification.dueAt.localeCompare(b.classification.dueAt) || a.code.localeCompare(b.code))
      .filter(soon);
  },
};

function soon(d: DossierWorkItem): boolean {
  const c = d.classification;
  return c.timeliness === 'overdue' || (c.timeliness === 'in-time' && c.remainingMinutes <= 3 * c.dayMinutes);
}

// ---------------------------------------------------------------------------------------------------------------
// Naive: the period's rows into Node in one query, computed there with core.

const naive = {
  /** Every dossier of the period, then dossierStatistics over all, per procedure and per month. */
  async onTime(db: Database, q: Period) {
    const rows = await db.query<DossierClockRow & { channel: DossierRecord['channel'] }>(
      `select ${DOSSIER_CLOCK_COLUMNS}, channel from dossiers
       where office = $1 and received_at >= $2 and received_at < $3`,
      [q.office, q.from, `${q.to}T99`],
    );
    const groups = new Map<string, DossierRecord[]>();
    const all = rows.map((row) => {
      const { stored, steps } = clockInputOf(row);
      const record: DossierRecord = { ...timelineOf(stored, clockEvents(steps)), channel: row.channel };
      for (const key of [row.procedure_code, row.received_at.slice(0, 7)]) {
        const group = groups.get(key) ?? [];
        group.push(record);
        groups.set(key, group);
      }
      return record;
    });
    const options = { ...clock, now: NOW };
    return {
      total: dossierStatistics(all, options),
      groups: [...groups.values()].map((g) => dossierStatistics(g, options)),
    };
  },
  /** Every rating and every served ticket of the office in one query each; the period kept in Node. */
  async satisfaction(db: Database, q: Period) {
    const [start, end] = [fromVietnamTime(q.from, 0), fromVietnamTime(addDays(q.to, 1), 0)];
    const ratings = await db.query<{
      answers: SurveyResponse['answers'];
      submitted_at: string;
      transaction_id: string;
      counter: string;
    }>(`select answers, submitted_at, transaction_id, counter from ratings where office = $1 and instrument_id = $2`, [
      q.office,
      INSTRUMENT,
    ]);
    const tickets = await db.query<{ id: string; counter: string; ended_at: string }>(
      `select id, data->>'counter' as counter, data->>'endedAt' as ended_at from queue_tickets
       where office = $1 and status = 'done'`,
      [q.office],
    );
    const within = (at: number) => at >= start && at < end;
    const responses: SurveyResponse[] = ratings
      .filter((r) => within(Number(r.submitted_at)))
      .map((r) => ({
        instrumentId: INSTRUMENT,
        instrumentVersion: '1',
        answers: r.answers,
        submittedAt: Number(r.submitted_at),
        transactionId: r.transaction_id,
        counter: r.counter,
      }));
    const eligible: EligibleTransaction[] = tickets
      .filter((t) => within(Number(t.ended_at)))
      .map((t) => ({ servedAt: Number(t.ended_at), transactionId: t.id, counter: t.counter }));
    return aggregateResponses(responses, { instrumentId: INSTRUMENT, groupBy: ['counter'], eligible });
  },
  /** As queue-report.bench.ts's anchor: the period's ticket histories, then queueStatistics. */
  async queue(db: Database, q: Period) {
    const rows = await db.query<{ history: TicketEvent[] }>(
      `select data->'history' as history from queue_tickets where office = $1 and business_date between $2 and $3`,
      [q.office, q.from, q.to],
    );
    return queueStatistics(rows.flatMap((r) => r.history));
  },
  /** As early-warning.bench.ts's anchor: every dossier of the office classified, the open ones kept. */
  async earlyWarning(db: Database, q: Period) {
    const now = vietnamIso(NOW);
    const rows = await db.query<DossierClockRow & { status: DossierStatus }>(
      `select ${DOSSIER_CLOCK_COLUMNS}, status from dossiers where office = $1`,
      [q.office],
    );
    return rows
      .map((row) => ({ row, item: workItem(row, now, clock) }))
      .filter(({ row }) => !(ENDED_DOSSIER_STATUSES as readonly string[]).includes(row.status))
      .map(({ item }) => item)
      .filter(soon);
  },
};

/** The same figures both ways on one office-year, or the comparison means nothing. */
async function checkAgreement(db: Database): Promise<void> {
  const q = OFFICE_YEARS[1] as Period;
  const disagree = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      throw new Error(`${what}: ours ${JSON.stringify(a)}, naive ${JSON.stringify(b)}`);
  };
  const [onTime, onTimeNaive] = [await ours.onTime(db, q), await naive.onTime(db, q)];
  disagree(
    'on-time rate',
    [onTime.total.dossiers, onTime.total.onTimeRate],
    [onTimeNaive.total.total, onTimeNaive.total.onTimeRate ?? null],
  );
  const [queue, queueNaive] = [await ours.queue(db, q), await naive.queue(db, q)];
  disagree(
    'queue',
    [queue.overall.tickets, queue.overall.wait.p90],
    [queueNaive.overall.tickets, queueNaive.overall.wait.p90],
  );
  const [sat, satNaive] = [await ours.satisfaction(db, q), await naive.satisfaction(db, q)];
  disagree('satisfaction', sat, satNaive);
  const [warning, warningNaive] = [await ours.earlyWarning(db, q), await naive.earlyWarning(db, q)];
  disagree('early warning', warning.length, warningNaive.length);
  console.log(
    `Checked on ${q.office}'s year: ${onTime.total.dossiers} dossiers (on time ${((onTime.total.onTimeRate ?? 0) * 100).toFixed(1)} %), ` +
      `${queue.overall.tickets} tickets, ${sat.reduce((n, g) => n + (g.suppressed ? 0 : g.n), 0)} ratings, ` +
      `${warning.length} dossiers in the early warning — the same both ways.`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Timing and the table.

type Report = (db: Database, q: Period) => Promise<unknown>;

/** Each request's time in ms, one after another, after one untimed warm-up request. */
async function timeEach(db: Database, report: Report, requests: readonly Period[]): Promise<number[]> {
  await report(db, requests[0] as Period);
  const times: number[] = [];
  for (const q of requests) {
    const started = performance.now();
    await report(db, q);
    times.push(performance.now() - started);
  }
  return times;
}

function percentile(times: readonly number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (x: number) => (Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
const rows: Record<string, string>[] = [];

/** One line of the table: ours (median, p95 against the target) and, when given, the naive approach beside it. */
function addRow(report: string, scope: string, target: number, mine: readonly number[], theirs?: readonly number[]) {
  const [median, p95] = [percentile(mine, 50), percentile(mine, 95)];
  const naiveMedian = theirs ? percentile(theirs, 50) : Number.NaN;
  rows.push({
    report,
    scope,
    runs: String(mine.length),
    'median ms': ms(median),
    'p95 ms': ms(p95),
    target: `${ms(target)} ms`,
    verdict: p95 <= target ? 'ok' : 'over',
    'naive median': ms(naiveMedian),
    'naive p95': theirs ? ms(percentile(theirs, 95)) : '—',
    'ours/naive': theirs ? `${(median / naiveMedian).toFixed(2)}×` : '—',
  });
}

/** Ours, and the naive approach when there is one, over the same requests: one line of the table. */
async function line(
  db: Database,
  name: string,
  scope: string,
  target: number,
  requests: readonly Period[],
  report: Report,
  naiveReport?: Report,
) {
  const mine = await timeEach(db, report, requests);
  addRow(name, scope, target, mine, naiveReport && (await timeEach(db, naiveReport, requests)));
}

/**
 * The office-month requests, five offices' years (each a run), and every office's year one after another (their
 * sum, the province figure). A report without a period (the early warning) gets the office requests and the sum.
 */
async function measure(db: Database, name: string, report: Report, naiveReport?: Report, period = true): Promise<void> {
  if (period) {
    await line(db, name, 'one office, one month', MONTH_TARGET_MS, MONTHS, report, naiveReport);
    await line(db, name, 'one office, one year', YEAR_TARGET_MS, OFFICE_YEARS.slice(0, 5), report, naiveReport);
  } else {
    await line(db, name, 'one office, now', MONTH_TARGET_MS, MONTHS, report, naiveReport);
  }
  const province = await timeEach(db, report, OFFICE_YEARS);
  const scope = period ? `${OFFICES} offices' years in turn (sum)` : `${OFFICES} offices in turn (sum)`;
  addRow(name, scope, YEAR_TARGET_MS, [province.reduce((a, b) => a + b, 0)]);
  // The same reports over the pool's connections, PARALLEL at a time: the wall time of a province-wide run.
  const started = performance.now();
  const queue = [...OFFICE_YEARS];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let q = queue.shift(); q; q = queue.shift()) await report(db, q);
    }),
  );
  addRow(name, `${OFFICES} offices, ${PARALLEL} at a time (wall)`, YEAR_TARGET_MS, [performance.now() - started]);
}

/**
 * The province's on-time report (`motcua-server report on-time`): every office's year, {@link PARALLEL} at a time,
 * and the province's figures from all of them — checked first against one office's own report and the offices' sum.
 */
async function provinceOnTime(db: Database): Promise<void> {
  const offices = OFFICE_YEARS.map((q) => ({ db, id: q.office, name: q.office, clock }));
  const started = performance.now();
  const report = await provinceOnTimeReport(offices, { ...YEAR, now: NOW }, vietnamIso, PARALLEL);
  const took = performance.now() - started;
  const { office: _, ...first } = report.offices[0] as OfficeOnTimeFigures;
  const alone = await ours.onTime(db, OFFICE_YEARS[0] as Period);
  const sum = report.offices.reduce((n, o) => n + o.dossiers, 0);
  if (JSON.stringify(first) !== JSON.stringify(alone.total) || sum !== report.total.dossiers) {
    throw new Error('the province report disagrees with the offices’ own reports');
  }
  addRow('on-time', `province report, ${OFFICES} offices (${PARALLEL} at a time)`, YEAR_TARGET_MS, [took]);
}

// ---------------------------------------------------------------------------------------------------------------
// The dashboard's first paint: the real server (from source) on the seeded schema, serving one of the seeded offices,
// and headless Chromium on the example site's leader page, signed in as a leader.

/**
 * The office the server serves (pr-001: like every office of the seeding, 1/OFFICES of each table's rows) and the
 * period the dashboard shows by default on NOW's date: this month, the whole of December 2026.
 */
const SHOWN = monthOf(1, 12);
const PAINT_TARGET_MS = 1500;
/** Navigations after the cold one. */
const WARM_NAVIGATIONS = SMOKE ? 3 : 5;
const VIEWPORT = { width: 1366, height: 768 } as const;
const CDN = fileURLToPath(new URL('../../elements/dist/cdn/', import.meta.url));
const SITE = fileURLToPath(new URL('../../../examples/commune-site/', import.meta.url));
const CATALOGUE = fileURLToPath(new URL('../../../examples/data/catalogue.json', import.meta.url));
/** Where the page records the moment the headline figures are drawn with data (performance.now(), ms). */
const DRAWN = '__motcuaHeadlineDrawnAt';

/**
 * Run in the page before its own scripts (through the DevTools protocol, so the page's CSP does not apply): its
 * clock moved to the bench's NOW, so that the dashboard's default period ("this month", from the browser's date) is
 * December 2026, the seeded year's last month; and, on every animation frame until then, a look for the headline
 * figures in the dashboard's shadow root (drawn when the figures are loaded: its `phase` is `shown`), the moment
 * kept once all six hold a value ("—" is the dashboard's "no data").
 */
function pageScript(shift: number): string {
  return `globalThis.__name ??= (fn) => fn;
{
  const now = Date.now.bind(Date);
  Date.now = () => now() + ${shift};
  const look = () => {
    const values = document.querySelector('motcua-office-dashboard')?.shadowRoot
      ?.querySelectorAll('[part="headline"] [part="figure"] .value');
    if (values && values.length === 6 && [...values].every((v) => v.textContent.trim() !== '—')) {
      globalThis.${DRAWN} = performance.now();
    } else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}`;
}

/** One navigation to the dashboard: when it was drawn, and when its report requests went out and were answered. */
interface Paint {
  readonly drawn: number;
  readonly reports: number;
  readonly firstRequest: number;
  readonly lastAnswer: number;
  /** From the first report request to the last answer. */
  readonly reportsTook: number;
  /** The report request that took longest, with its time. */
  readonly slowest: string;
  readonly figures: readonly string[];
}

/** A tab of its own at 1366×768, with {@link pageScript}. */
async function newTab(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.evaluateOnNewDocument(pageScript(NOW - Date.now()));
  return page;
}

/**
 * One navigation to the dashboard in a new tab, closed after. (Navigated again and again in one tab, one navigation
 * in five or so had a report request wait some 50 s for a connection to the server, by its Resource Timing; not with
 * Chromium's back-forward cache switched off: the pages kept there seem to hold their connections, the queue event
 * stream's among them, and the browser opens at most six to one server.)
 */
async function paint(browser: Browser, url: string): Promise<Paint> {
  const page = await newTab(browser);
  try {
    return await drawn(page, url);
  } finally {
    await page.close();
  }
}

async function drawn(page: Page, url: string): Promise<Paint> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page
    .waitForFunction((name: string) => name in globalThis, { polling: 50, timeout: 120_000 }, DRAWN)
    .catch(async (error: unknown) => {
      const text = await page.$eval('motcua-office-dashboard', (el) => el.shadowRoot?.textContent ?? '');
      throw new Error(`${(error as Error).message}; the dashboard says: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
    });
  return page.evaluate((name: string) => {
    const reports = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/reports/')) as PerformanceResourceTiming[];
    const root = document.querySelector('motcua-office-dashboard')?.shadowRoot;
    const [firstRequest, lastAnswer] = [
      Math.min(...reports.map((e) => e.startTime)),
      Math.max(...reports.map((e) => e.responseEnd)),
    ];
    const slowest = reports.reduce((a, b) => (b.duration > a.duration ? b : a));
    return {
      slowest:
        `${slowest.name.replace(/^.*\/api\/reports\//, '')}: ${Math.round(slowest.duration)} ms ` +
        `(${Math.round(slowest.requestStart - slowest.startTime)} waiting for a connection, ` +
        `${Math.round(slowest.responseStart - slowest.requestStart)} to the first byte)`,
      drawn: (globalThis as unknown as Record<string, number>)[name] as number,
      reports: reports.length,
      firstRequest,
      lastAnswer,
      reportsTook: lastAnswer - firstRequest,
      figures: Array.from(root?.querySelectorAll('[part="headline"] [part="figure"] .value') ?? [], (v) =>
        (v.textContent ?? '').trim(),
      ),
    };
  }, DRAWN);
}

/** Why the first paint cannot be measured here, if it cannot. */
function paintSkipped(): string | undefined {
  if (!existsSync(`${CDN}motcua-office-dashboard.js`)) return `no CDN build in ${CDN} (run \`npm run build\` first)`;
  if (!findChrome()) return 'no Chrome/Chromium found (set CHROME_PATH)';
  return undefined;
}

const paintRows: Record<string, string>[] = [];

function addPaint(navigation: string, p: Paint) {
  paintRows.push({
    navigation,
    'drawn ms': ms(p.drawn),
    target: `${ms(PAINT_TARGET_MS)} ms`,
    verdict: p.drawn <= PAINT_TARGET_MS ? 'ok' : 'over',
    'report requests': String(p.reports),
    'first request at ms': ms(p.firstRequest),
    'last answer at ms': ms(p.lastAnswer),
    'reports took ms': ms(p.reportsTook),
    'slowest request': p.slowest,
  });
}

/**
 * The server started on the seeded schema for {@link SHOWN}'s office, a leader made as `motcua-server users add`
 * makes one, signed in on lanh-dao.html; then a cold navigation (the browser's cache emptied, the server's report
 * routes never run) and WARM_NAVIGATIONS more, each timed from its navigation start to the headline figures drawn.
 *
 * No naive page beside it: the naive approach above computes core's statistics for four of the five reports the
 * dashboard reads (none for the scorecard, nor the trend's months), not the answers the dashboard's readers accept,
 * so a page served by it would need a second set of report routes. Beside each paint instead, the page's own Resource
 * Timing says when its report requests went out and when the last was answered: how much of the paint they take.
 */
async function firstPaint(db: Database, databaseUrl: string): Promise<() => void> {
  const started = performance.now();
  const skipped = paintSkipped();
  if (skipped) return () => console.log(`\nDashboard first paint: skipped, ${skipped}.`);
  const office = parseOffice({
    ...DEMO_OFFICE,
    id: SHOWN.office,
    name: { vi: 'UBND xã Thử tải', en: 'Load-test Commune' },
    // The demo office's services, counters and priority classes (those the seeding uses), with tokens of their own.
    queue: {
      ...DEMO_OFFICE.queue,
      counters: DEMO_OFFICE.queue.counters.map((c) => ({ ...c, token: randomBytes(16).toString('hex') })),
    },
    kiosks: [],
  });
  const password = randomBytes(18).toString('base64url');
  await addUser(
    db.forOffice(office.id),
    { username: 'lanhdao', password, roles: ['leader'] },
    { office: office.id, now: NOW, actor: { kind: 'anonymous', name: 'province-reports bench' } },
  );
  // The server's clock starts at NOW and runs at real speed (as test/e2e/clock-server.mjs); its start lines (the
  // counters' static tokens) kept off the figures.
  const began = Date.now();
  const [log, warn] = [console.log, console.warn];
  console.log = console.warn = () => {};
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      dataDir: tmpdir(),
      secret: randomBytes(32).toString('base64url'),
      tls: undefined,
      allowedOrigins: [],
      catalogue: CATALOGUE,
      static: [
        { prefix: '/cdn/', dir: CDN, anyOrigin: true },
        { prefix: '/', dir: SITE },
      ],
      office,
    },
    { now: () => NOW + (Date.now() - began) },
  ).finally(() => Object.assign(console, { log, warn }));
  let browser: Browser | undefined;
  try {
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: findChrome(),
      headless: true,
      args: [...HEADLESS_CHROME_FLAGS, '--disable-dev-shm-usage'],
    });
    const url = new URL('lanh-dao.html', server.url).href;
    // Signed in from the page, as its sign-in form does; then the browser's cache emptied for the cold navigation.
    const page = await newTab(browser);
    await page.goto(url, { waitUntil: 'load' });
    const status = await page.evaluate(
      async (username: string, pass: string) => {
        const res = await fetch('/api/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: pass }),
        });
        return res.status;
      },
      'lanhdao',
      password,
    );
    if (status !== 200) throw new Error(`the leader's sign-in answered HTTP ${status}`);
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await page.close();
    const cold = await paint(browser, url);
    // The headline's tickets (the fourth figure) are the server's: the queue report of the period says the same.
    const { tickets } = (await queueReport(db, SHOWN)).overall;
    const drawnTickets = Number(cold.figures[3]?.replace(/\D/g, ''));
    if (drawnTickets !== tickets)
      throw new Error(`the dashboard drew ${drawnTickets} tickets, the report has ${tickets}`);
    const warm: Paint[] = [];
    for (let i = 0; i < WARM_NAVIGATIONS; i++) warm.push(await paint(browser, url));
    addPaint('cold (first after sign-in, empty cache)', cold);
    const middle = (key: keyof Omit<Paint, 'figures' | 'slowest'>) =>
      percentile(
        warm.map((p) => p[key]),
        50,
      );
    addPaint(`warm, median of ${warm.length}`, {
      drawn: middle('drawn'),
      reports: middle('reports'),
      firstRequest: middle('firstRequest'),
      lastAnswer: middle('lastAnswer'),
      reportsTook: middle('reportsTook'),
      slowest: '',
      figures: [],
    });
    addPaint(
      `warm, slowest of ${warm.length}`,
      warm.reduce((a, b) => (b.drawn > a.drawn ? b : a)),
    );
    const took = (performance.now() - started) / 1000;
    const perOffice = (n: number) => Math.round(n / OFFICES).toLocaleString('en-US');
    return () => {
      console.log(
        `\nDashboard first paint: lanh-dao.html from the server started from source on this schema (PostgreSQL), ` +
          `office ${office.id} (${perOffice(SIZE.dossiers)} dossiers, ${perOffice(SIZE.ratings)} ratings, ` +
          `${perOffice(SIZE.tickets)} tickets over 2026), signed in as a leader; headless Chromium ` +
          `${VIEWPORT.width}×${VIEWPORT.height}.`,
      );
      console.log(
        `Period shown: the default, this month, on ${vietnamIso(NOW).slice(0, 16)} (the NOW of the reports above: ` +
          `the server's and the page's clocks set there): ${SHOWN.from} – ${SHOWN.to}, compared with ` +
          `${addDays(SHOWN.from, -31)} – ${addDays(SHOWN.from, -1)}; the trend charts ${YEAR.from} – ${SHOWN.to}.`,
      );
      console.log(`Headline figures drawn (cold): ${cold.figures.join(' | ')}`);
      console.table(paintRows);
      console.log(
        '"drawn": from the navigation start to the animation frame in which the six headline figures in the ' +
          "dashboard's shadow root all hold the server's values (the dashboard shows them once every report of " +
          'the period, its trend, scorecard and early warning is answered). "reports took": from the first report ' +
          'request to the last answer (Resource Timing). No naive page beside it: the naive approach above gives ' +
          'four of the five reports it reads, and not as the answers the dashboard accepts.',
      );
      console.log(
        `This process (the server and the load generator), PostgreSQL and Chromium share the machine's ` +
          `${availableParallelism()} cores (load average ${loadavg()[0]?.toFixed(1)} over the last minute at the ` +
          `end). The first-paint part took ${took.toFixed(0)} s.`,
      );
    };
  } finally {
    await browser?.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** A schema of this run's own on the server, dropped (with every row seeded) at the end. */
async function withSchema(url: string, work: (db: Database, scopedUrl: string) => Promise<void>): Promise<void> {
  const schema = `motcua_province_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openPostgres(scoped.toString(), { max: 4 });
  try {
    await migrate(db);
    await work(db, scoped.toString());
  } finally {
    await db.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

async function main(url: string): Promise<void> {
  const size = `${SIZE.dossiers.toLocaleString('en-US')} dossiers, ${SIZE.ratings.toLocaleString('en-US')} ratings, ${SIZE.tickets.toLocaleString('en-US')} tickets in ${OFFICES} offices`;
  const which = SMOKE ? 'smoke size (BENCH_TIME set: a tenth)' : `PROVINCE_SCALE=${SCALE}`;
  console.log(`Province reports on PostgreSQL: ${size} over 2026 — ${which}`);
  const started = performance.now();
  let painted: (() => void) | Error = () => {};
  await withSchema(url, async (db, scopedUrl) => {
    console.log(`Seeded in ${((await seed(db)) / 1000).toFixed(0)} s.`);
    await checkAgreement(db);
    await measure(db, 'on-time', ours.onTime, naive.onTime);
    await provinceOnTime(db);
    await measure(db, 'scorecard (766)', ours.scorecard);
    await measure(db, 'satisfaction', ours.satisfaction, naive.satisfaction);
    await measure(db, 'queue', ours.queue, naive.queue);
    await measure(db, 'early warning', ours.earlyWarning, naive.earlyWarning, false);
    // A failed first paint leaves the reports' figures to print.
    painted = await firstPaint(db, scopedUrl).catch((error: unknown) => error as Error);
  });
  console.log(`\nLeaders' reports, ${size} (PostgreSQL, requests one at a time)`);
  console.table(rows);
  console.log('ours/naive: the ratio of the medians (below 1, ours is faster); "sum" rows are one run each.');
  if (painted instanceof Error) {
    console.error(`\nDashboard first paint failed: ${painted.stack ?? painted.message}`);
    process.exitCode = 1;
  } else painted();
  console.log(`Whole run ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

const url = process.env.MOTCUA_TEST_DATABASE_URL;
if (url) await main(url);
else console.log('province reports: skipped (set MOTCUA_TEST_DATABASE_URL to a PostgreSQL server)');
