// Public queue reads at a busy office (~4,000 waiting tickets): a followed ticket's page and the board. Ours reads
// the ticket by its id and the day's tickets once per event version (cached, the version checked on each read), and
// counts the people ahead in one pass; the anchor is how they were answered before — every waiting ticket and the
// whole day (history included) read for each request, and the people ahead counted by replaying the calls one by one.
// Both on in-memory PGlite with the same rows, in the same process.
//
//   node --import tsx packages/server/bench/public-reads.bench.ts
//
// WAITING overrides the 4,000 waiting tickets (1,000 when BENCH_TIME is set, as in the CI smoke run: the anchor's
// replay takes seconds a run at 4,000). BENCH_TIME (ms per task) shortens the runs.
import {
  buildBoard,
  createMemoryQueueStore,
  createQueue,
  estimateWait,
  peopleAhead,
  peopleAheadByReplay,
  recentServiceTimes,
} from '@motcua/core/queue';
import { compare } from '../../../scripts/bench/compare.js';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { openPglite } from '../src/db/pglite.js';
import { DEMO_OFFICE, parseOffice } from '../src/office/office.js';
import { businessDateNow, createQueueService, type QueueService } from '../src/queue/service.js';

const WAITING = Number(process.env.WAITING ?? (process.env.BENCH_TIME ? 1_000 : 4_000));
// Tuesday 2026-03-10, 08:00 in Vietnam; the morning's tickets are issued a second apart.
const START = Date.UTC(2026, 2, 10, 1, 0);
const NOW = START + WAITING * 1_000 + 60_000;
const office = parseOffice({ ...DEMO_OFFICE, id: 'bench' }, { demo: true });

/** The morning through core's queue in memory: 60 tickets served, then WAITING waiting; copied into the database. */
async function seed(db: Database): Promise<string> {
  const memory = createMemoryQueueStore();
  const queue = createQueue({ ...office.queueConfig, store: memory });
  const services = [...queue.config.services.keys()];
  const priorities = [...queue.config.priorityClasses.keys()];
  let at = START;
  for (let i = 0; i < 60; i++) {
    const t = await queue.issue(services[i % 3] as string, { now: at });
    const called = await queue.callNext(i % 2 ? '1' : '3', { now: at });
    if (called) {
      await queue.start(called.id, { now: at });
      await queue.finish(called.id, { now: at + (4 + (i % 7)) * 60_000 });
    }
    at += 1_000 + t.value;
  }
  let last = '';
  for (let i = 0; i < WAITING; i++, at += 1_000) {
    const priority = i % 10 === 0 ? (priorities[1] as string) : (priorities[0] as string);
    last = (await queue.issue(services[i % 3] as string, { now: at, priority })).id;
  }
  const tickets = await memory.tickets();
  const events = await memory.events();
  await db.query(
    `insert into queue_tickets (id, office, service, business_date, status, counter, version, data)
     select t->>'id', 'bench', t->>'service', t->>'businessDate', t->>'status', t->>'counter', (t->>'version')::int, t
     from jsonb_array_elements($1::jsonb) as t`,
    [JSON.stringify(tickets)],
  );
  await db.query(
    `insert into queue_events (office, ticket, event) select 'bench', e->>'ticket', e from jsonb_array_elements($1::jsonb) as e`,
    [JSON.stringify(events)],
  );
  return last;
}

/** The followed ticket's wait as it was computed before. */
async function waitBefore(service: QueueService, id: string) {
  const { queue, store } = service;
  const resolved = queue.config;
  const weightOf = (p: string): number => resolved.priorityClasses.get(p)?.weight ?? 0;
  const ticket = await queue.get(id);
  const counters = [...resolved.counters.values()].filter((c) => c.services.includes(ticket.service));
  const services = [...new Set(counters.flatMap((c) => c.services))];
  const waiting = await store.waitingTickets(services, ticket.businessDate);
  const today = await store.tickets(ticket.businessDate);
  const busy = new Set(today.filter((t) => t.status === 'called' || t.status === 'serving').map((t) => t.counter));
  return estimateWait({
    ahead: peopleAheadByReplay(ticket, waiting, resolved.ordering, weightOf, NOW),
    counters: counters.length,
    idleCounters: counters.filter((c) => !busy.has(c.id)).length,
    serviceTimes: recentServiceTimes(today, ticket.service, NOW),
  });
}

/** The board as it was built before: the version, then every ticket of the day. */
async function boardBefore(service: QueueService) {
  const { queue, store } = service;
  const date = businessDateNow(queue, () => NOW);
  const version = await store.version();
  return buildBoard({
    office: { id: office.id, name: office.name },
    businessDate: date,
    version,
    counters: queue.config.counters.values(),
    services: queue.config.services.values(),
    tickets: await store.tickets(date),
  });
}

const dbOf = await openPglite();
await migrate(dbOf);
const service = createQueueService({ db: dbOf, office, now: () => NOW });
const last = await seed(dbOf);
const ticket = await service.queue.get(last);
const weightOf = (p: string): number => service.queue.config.priorityClasses.get(p)?.weight ?? 0;
const waiting = await service.store.waitingTickets([...service.queue.config.services.keys()], ticket.businessDate);
// The same answers first: a benchmark of two different things would measure nothing.
const [ours, before] = [JSON.stringify(await service.waitOf(ticket)), JSON.stringify(await waitBefore(service, last))];
if (ours !== before) throw new Error(`the answers differ: ${ours} ≠ ${before}`);
if (JSON.stringify(await service.board()) !== JSON.stringify(await boardBefore(service))) {
  throw new Error('the boards differ');
}
const rows = await compare(
  `Public queue reads, ${waiting.length.toLocaleString('en-US')} waiting (PGlite in memory)`,
  [
    {
      name: 'followed ticket: the last one waiting',
      ours: async () => service.waitOf(await service.queue.get(last)),
      anchor: () => waitBefore(service, last),
      anchorName: 'whole day per read + call replay',
    },
    {
      name: 'board snapshot',
      ours: () => service.board(),
      anchor: () => boardBefore(service),
      anchorName: 'whole day per read',
    },
    {
      name: 'people ahead of the last one (core only)',
      ours: () => peopleAhead(ticket, waiting, service.queue.config.ordering, weightOf, NOW),
      anchor: () => peopleAheadByReplay(ticket, waiting, service.queue.config.ordering, weightOf, NOW),
      anchorName: 'replaying the calls',
    },
  ],
  { iterations: 3 },
);
for (const r of rows) console.log(`${r.name}: ${r.ratio.toFixed(0)}× the anchor`);
await dbOf.close();
