import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { chungThuc, datDai, hoTich, seededBytes, vn } from './fixtures.test.js';
import { createMemoryQueueStore } from './memory-store.js';
import { createQueue, type Queue } from './queue.js';
import type { QueueStore } from './store.js';
import type { Ticket } from './ticket.js';

const counters = [
  { id: '1', services: ['ho-tich'] },
  { id: '2', services: ['ho-tich', 'chung-thuc'] },
  { id: '3', services: ['chung-thuc', 'dat-dai'] },
];
const MORNING = vn('2026-11-23', '08:00');

function office(store?: QueueStore, seed = 7): Queue {
  return createQueue({
    services: [hoTich, chungThuc, datDai],
    counters,
    randomBytes: seededBytes(seed),
    ...(store ? { store } : {}),
  });
}

/** A store whose every answer is delayed by the fast-check scheduler, so concurrent calls interleave in any order. */
function scheduledStore(s: fc.Scheduler, inner: QueueStore = createMemoryQueueStore()): QueueStore {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(inner) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    // Run the operation at once (it is atomic), but deliver its result when the scheduler says.
    wrapped[name] = s.scheduleFunction(async (...args: unknown[]) => fn(...args));
  }
  return wrapped as unknown as QueueStore;
}

/** Issues `count` tickets from 8 kiosks at once, round-robin over `services`. */
async function issueFromKiosks(q: Queue, services: readonly string[], count: number): Promise<Ticket[]> {
  const kiosks = Array.from({ length: 8 }, (_, k) => k);
  const perKiosk = Math.ceil(count / kiosks.length);
  const batches = kiosks.map(async (k) => {
    const out: Ticket[] = [];
    const pending: Promise<Ticket>[] = [];
    for (let i = 0; i < perKiosk && k * perKiosk + i < count; i++) {
      const n = k * perKiosk + i;
      pending.push(q.issue(services[n % services.length] as string, { now: MORNING + n }));
    }
    out.push(...(await Promise.all(pending)));
    return out;
  });
  return (await Promise.all(batches)).flat();
}

describe('queue under concurrency (in-memory store)', () => {
  it('1,000 concurrent issues from 8 kiosks on one service give 1,000 distinct numbers A001…A1000', async () => {
    const q = office();
    const tickets = await issueFromKiosks(q, ['ho-tich'], 1000);
    const numbers = new Set(tickets.map((t) => t.number));
    expect(numbers.size).to.equal(1000);
    expect(numbers.has('A001')).to.equal(true);
    expect(numbers.has('A999')).to.equal(true);
    expect(numbers.has('A1000')).to.equal(true);
    expect(new Set(tickets.map((t) => t.id)).size).to.equal(1000);
    expect((await q.store.tickets()).length).to.equal(1000);
  });

  it('1,000 concurrent issues spread over three services give 1,000 distinct display numbers', async () => {
    const q = office();
    const tickets = await issueFromKiosks(q, ['ho-tich', 'chung-thuc', 'dat-dai'], 1000);
    expect(new Set(tickets.map((t) => t.number)).size).to.equal(1000);
    expect(tickets.filter((t) => t.number.startsWith('B')).length).to.equal(333);
  });

  it('numbers stay unique within a business day under any interleaving of concurrent issues', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom('ho-tich', 'chung-thuc', 'dat-dai'), { minLength: 1, maxLength: 40 }),
        async (s, services) => {
          const q = office(scheduledStore(s));
          const issued = s.waitFor(
            Promise.all(services.map((service, i) => q.issue(service, { now: MORNING + i * 1000 }))),
          );
          const tickets = await issued;
          expect(new Set(tickets.map((t) => t.number)).size).to.equal(tickets.length);
          for (const prefix of ['A', 'B', 'C']) {
            const values = tickets
              .filter((t) => t.number.startsWith(prefix))
              .map((t) => t.value)
              .sort((a, b) => a - b);
            expect(values).to.deep.equal(values.map((_, i) => i + 1));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('no ticket is lost or called twice when counters call at once, in any interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom('ho-tich', 'chung-thuc', 'dat-dai'), { minLength: 1, maxLength: 25 }),
        fc.array(fc.constantFrom('1', '2', '3'), { minLength: 1, maxLength: 40 }),
        async (s, services, calls) => {
          const inner = createMemoryQueueStore();
          const q = office(scheduledStore(s, inner));
          const work = (async () => {
            const tickets = await Promise.all(services.map((service, i) => q.issue(service, { now: MORNING + i })));
            const results = await Promise.all(
              calls.map((counter, i) => q.callNext(counter, { now: MORNING + 60_000 + i })),
            );
            return { tickets, results };
          })();
          const { tickets, results } = await s.waitFor(work);
          const called = results.filter((t): t is Ticket => t !== undefined);
          expect(new Set(called.map((t) => t.id)).size).to.equal(called.length);
          for (const t of called) {
            const counter = counters.find((c) => c.id === t.counter);
            expect(counter?.services).to.include(t.service);
          }
          // Inspect the store directly: the scheduled wrapper only answers while the scheduler runs.
          const stored = await inner.tickets();
          expect(stored.length).to.equal(tickets.length);
          // Every ticket is either called once or still waiting: none lost.
          for (const t of stored) {
            expect(t.history.filter((e) => e.type === 'call').length).to.be.at.most(1);
            expect(['issued', 'called']).to.include(t.status);
          }
          const waiting = stored.filter((t) => t.status === 'issued');
          expect(waiting.length + called.length).to.equal(tickets.length);
          // A counter that found nothing had nothing it could serve.
          results.forEach((r, i) => {
            if (r !== undefined) return;
            const serves = counters.find((c) => c.id === calls[i])?.services ?? [];
            expect(waiting.filter((t) => serves.includes(t.service))).to.have.length(0);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps every ticket in a legal state under random concurrent commands', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('issue' as const), service: fc.constantFrom('ho-tich', 'chung-thuc', 'dat-dai') }),
      fc.record({ kind: fc.constant('callNext' as const), counter: fc.constantFrom('1', '2', '3') }),
      fc.record({
        kind: fc.constantFrom(
          'recall' as const,
          'start' as const,
          'finish' as const,
          'noShow' as const,
          'cancel' as const,
        ),
        pick: fc.nat(),
      }),
      fc.record({
        kind: fc.constant('transfer' as const),
        pick: fc.nat(),
        service: fc.constantFrom('ho-tich', 'dat-dai'),
      }),
    );
    const legalNext: Record<string, readonly string[]> = {
      issue: ['call', 'cancel'],
      call: ['recall', 'start', 'no-show', 'cancel', 'transfer'],
      recall: ['recall', 'start', 'no-show', 'cancel', 'transfer'],
      start: ['finish', 'transfer'],
    };
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(op, { maxLength: 50 }), async (s, ops) => {
        const inner = createMemoryQueueStore();
        const q = office(scheduledStore(s, inner));
        const ids: string[] = [];
        const run = Promise.all(
          ops.map(async (o, i) => {
            const now = MORNING + i * 1000;
            try {
              if (o.kind === 'issue') ids.push((await q.issue(o.service, { now })).id);
              else if (o.kind === 'callNext') await q.callNext(o.counter, { now });
              else {
                const id = ids[o.pick % Math.max(ids.length, 1)];
                if (id === undefined) return;
                if (o.kind === 'transfer') ids.push((await q.transfer(id, o.service, { now })).id);
                else await q[o.kind](id, { now });
              }
            } catch (error) {
              expect(error).to.be.instanceOf(MotcuaError);
              expect((error as MotcuaError).problems[0]?.code).to.equal('illegal-transition');
            }
          }),
        );
        await s.waitFor(run);
        for (const t of await inner.tickets()) {
          const types = t.history.map((e) => e.type);
          expect(types[0]).to.equal('issue');
          for (let i = 1; i < types.length; i++) expect(legalNext[types[i - 1] as string] ?? []).to.include(types[i]);
          expect(t.version).to.equal(types.length);
        }
      }),
      { numRuns: 60 },
    );
  });
});
