import { after, before, describe, it } from 'node:test';
import {
  buildBoard,
  estimateWait,
  peopleAheadByReplay,
  type QueueOrderingPolicy,
  recentServiceTimes,
  type Ticket,
} from '@motcua/core/queue';
import { expect } from 'chai';
import fc from 'fast-check';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { businessDateNow, createQueueService, type QueueService } from './service.js';

// Tuesday 2026-03-10, 08:00 in Vietnam.
const EIGHT = Date.UTC(2026, 2, 10, 1, 0);
const MINUTE = 60_000;

/** The board as it was built before the cache: the version, then every ticket of the day. */
async function boardBefore(service: QueueService, now: number) {
  const { queue, store, office } = service;
  const date = businessDateNow(queue, () => now);
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

/** A waiting ticket's estimate as it was computed before: the waiting tickets, the whole day, the call replay. */
async function waitBefore(service: QueueService, id: string, now: number) {
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
    ahead: peopleAheadByReplay(ticket, waiting, resolved.ordering, weightOf, now),
    counters: counters.length,
    idleCounters: counters.filter((c) => !busy.has(c.id)).length,
    serviceTimes: recentServiceTimes(today, ticket.service, now),
  });
}

type Step =
  | { readonly kind: 'issue'; readonly service: number; readonly priority: number }
  | { readonly kind: 'call-next'; readonly counter: number }
  | { readonly kind: 'recall' | 'start' | 'finish' | 'no-show' | 'cancel'; readonly pick: number }
  | { readonly kind: 'transfer'; readonly pick: number; readonly service: number }
  | { readonly kind: 'wait'; readonly minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('issue' as const), service: fc.nat(2), priority: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('call-next' as const), counter: fc.nat(2) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'recall' as const,
        'start' as const,
        'finish' as const,
        'no-show' as const,
        'cancel' as const,
      ),
      pick: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transfer' as const), pick: fc.nat(), service: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 15 }) }) },
);

const ORDERINGS: readonly QueueOrderingPolicy[] = [
  { kind: 'strict' },
  { kind: 'aging' },
  { kind: 'interleave', priority: 1, normal: 2 },
];

async function apply(service: QueueService, s: Step, ids: string[], now: number): Promise<void> {
  const { queue } = service;
  const services = [...queue.config.services.keys()];
  const priorities = [...queue.config.priorityClasses.keys()];
  const counters = [...queue.config.counters.keys()];
  const pick = (n: number): string => ids[n % ids.length] as string;
  try {
    if (s.kind === 'issue') {
      ids.push(
        (
          await queue.issue(services[s.service] as string, {
            priority: priorities[s.priority % priorities.length],
            now,
          })
        ).id,
      );
    } else if (s.kind === 'call-next') await queue.callNext(counters[s.counter] as string, { now });
    else if (ids.length === 0 || s.kind === 'wait') return;
    else if (s.kind === 'transfer')
      ids.push((await queue.transfer(pick(s.pick), services[s.service] as string, { now })).id);
    else if (s.kind === 'no-show') await queue.noShow(pick(s.pick), { now });
    else await queue[s.kind](pick(s.pick), { now });
  } catch {
    // A command the ticket's state refuses changes nothing; the reads are compared all the same.
  }
}

for (const target of TEST_DATABASES) {
  describe(`public queue reads on ${target.name}`, () => {
    let db: Database;
    let second: Database | undefined;
    before(async () => {
      db = await target.open();
      await migrate(db);
      if (target.name !== 'PostgreSQL') return;
      // A second connection pool to the same schema: a second instance, as another process would have it.
      const [{ path } = { path: '' }] = await db.query<{ path: string }>('select current_schema() as path');
      const { openPostgres } = await import('../db/postgres.js');
      const scoped = new URL(process.env.MOTCUA_TEST_DATABASE_URL as string);
      scoped.searchParams.set('options', `-c search_path=${path}`);
      second = await openPostgres(scoped.toString(), { max: 2 });
    });
    after(async () => {
      await second?.close();
      await db.close();
    });

    it('answer the board and every waiting ticket’s wait exactly as reading the whole day did, on two instances', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(step, fc.boolean()), { minLength: 1, maxLength: 60 }),
          fc.constantFrom(...ORDERINGS),
          async (steps, ordering) => {
            // One office per run, so runs share the database without seeing each other's tickets.
            const office = parseOffice(
              { ...DEMO_OFFICE, id: `reads-${run++}`, queue: { ...DEMO_OFFICE.queue, ordering } },
              { demo: true },
            );
            const clock = { now: EIGHT };
            const now = () => clock.now;
            const instances = [
              createQueueService({ db, office, now }),
              createQueueService({ db: second ?? db, office, now }),
            ];
            const ids: string[] = [];
            for (const [i, [s, onSecond]] of steps.entries()) {
              if (s.kind === 'wait') clock.now += s.minutes * MINUTE;
              await apply(instances[onSecond ? 1 : 0] as QueueService, s, ids, clock.now);
              // Compare now and then, and always at the end: both instances, each with its own cache.
              if (i % 7 !== 6 && i !== steps.length - 1) continue;
              for (const service of instances) {
                expect(await service.board()).to.deep.equal(await boardBefore(service, clock.now));
                for (const id of ids) {
                  const ticket: Ticket = await service.queue.get(id);
                  if (ticket.status !== 'issued') continue;
                  expect(await service.waitOf(ticket)).to.deep.equal(await waitBefore(service, id, clock.now));
                }
              }
            }
          },
        ),
        { numRuns: target.name === 'PostgreSQL' ? 15 : 25 },
      );
    });
  });
}
