import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { chungThuc, hoTich, seededBytes, vn } from './fixtures.test.js';
import { createQueue, type Queue } from './queue.js';
import { queueStatistics } from './statistics.js';
import type { Ticket } from './ticket.js';

const NOW = vn('2026-11-23', '08:00');

function office(): Queue {
  return createQueue({
    services: [hoTich, chungThuc],
    counters: [
      { id: '1', services: ['ho-tich'] },
      { id: '3', label: '3', services: ['ho-tich', 'chung-thuc'] },
    ],
    randomBytes: seededBytes(5),
  });
}

async function codeOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    expect(error).to.be.instanceOf(MotcuaError);
    return (error as MotcuaError).problems[0]?.code;
  }
  return undefined;
}

describe('re-admitting a no-show', () => {
  it('puts the ticket back in the queue, behind whoever waits now, and the next call reaches it', async () => {
    const q = office();
    const a1 = await q.issue('ho-tich', { now: NOW });
    const a2 = await q.issue('ho-tich', { now: NOW + 1000 });
    await q.callNext('1', { now: NOW + 60_000 });
    const absent = await q.noShow(a1.id, { now: NOW + 120_000 });
    expect(absent.status).to.equal('no-show');
    const back = await q.readmit(a1.id, { now: NOW + 180_000 });
    expect(back).to.include({ status: 'issued', queuedAt: NOW + 180_000, calls: 0, number: 'A001' });
    expect(back.counter).to.equal(undefined);
    expect(back.endedAt).to.equal(undefined);
    // A002 waited before A001 came back: it goes first.
    expect((await q.callNext('1', { now: NOW + 240_000 }))?.id).to.equal(a2.id);
    expect((await q.callNext('3', { now: NOW + 250_000 }))?.id).to.equal(a1.id);
    expect(await q.callNext('1', { now: NOW + 260_000 })).to.equal(undefined);
  });

  it('refuses a ticket that is not a no-show, and a no-show of an earlier day', async () => {
    const q = office();
    const t = await q.issue('ho-tich', { now: NOW });
    expect(await codeOf(() => q.readmit(t.id, { now: NOW }))).to.equal('illegal-transition');
    await q.callNext('1', { now: NOW });
    await q.noShow(t.id, { now: NOW });
    expect(await codeOf(() => q.readmit(t.id, { now: vn('2026-11-24', '08:00') }))).to.equal('not-today');
    // The same command again (a retry) changes nothing.
    const once = await q.readmit(t.id, { now: NOW + 1, commandId: 'r1' });
    const again = await q.readmit(t.id, { now: NOW + 2, commandId: 'r1' });
    expect(again).to.deep.equal(once);
  });

  it('counts the visit once in the statistics: the no-show is not an outcome once re-admitted and served', async () => {
    const q = office();
    const t = await q.issue('ho-tich', { now: NOW });
    await q.callNext('1', { now: NOW + 60_000 });
    await q.noShow(t.id, { now: NOW + 120_000 });
    await q.readmit(t.id, { now: NOW + 180_000 });
    await q.callNext('1', { now: NOW + 240_000 });
    await q.start(t.id, { now: NOW + 250_000 });
    await q.finish(t.id, { now: NOW + 400_000 });
    const stats = queueStatistics(await q.events());
    expect(stats.overall.served).to.equal(1);
    expect(stats.overall.noShows).to.equal(0);
  });
});

describe('pausing a counter', () => {
  it('gives a paused counter no call, by call-next or by number, until it resumes; other counters call on', async () => {
    const q = office();
    const t = await q.issue('ho-tich', { now: NOW });
    await q.pause('1');
    expect(await q.paused('1')).to.equal(true);
    expect(await q.paused('3')).to.equal(false);
    expect(await codeOf(() => q.callNext('1', { now: NOW }))).to.equal('counter-paused');
    expect(await codeOf(() => q.call(t.id, '1', { now: NOW }))).to.equal('counter-paused');
    expect((await q.get(t.id)).status).to.equal('issued');
    await q.resume('1');
    expect((await q.call(t.id, '1', { now: NOW }))?.counter).to.equal('1');
    expect(await codeOf(() => q.pause('9'))).to.equal('unknown-counter');
  });
});

/** One step of an office's morning. */
type Step =
  | { readonly kind: 'issue'; readonly service: 'ho-tich' | 'chung-thuc' }
  | { readonly kind: 'call-next' | 'pause' | 'resume'; readonly counter: '1' | '3' }
  | { readonly kind: 'call'; readonly counter: '1' | '3'; readonly pick: number }
  | { readonly kind: 'no-show' | 'serve' | 'readmit'; readonly pick: number };

const counter = fc.constantFrom('1' as const, '3' as const);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('issue' as const),
    service: fc.constantFrom('ho-tich' as const, 'chung-thuc' as const),
  }),
  fc.record({ kind: fc.constantFrom('call-next' as const, 'pause' as const, 'resume' as const), counter }),
  fc.record({ kind: fc.constant('call' as const), counter, pick: fc.nat() }),
  fc.record({ kind: fc.constantFrom('no-show' as const, 'serve' as const, 'readmit' as const), pick: fc.nat() }),
);

describe('queue invariants with pauses and re-admissions', () => {
  it('never calls to a paused counter, and serves every ticket at most once however often it is re-admitted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const q = office();
        const paused = new Set<string>();
        const issued: Ticket[] = [];
        let now = NOW;
        const pick = async (n: number, status: Ticket['status']): Promise<Ticket | undefined> => {
          const current = await Promise.all(issued.map((t) => q.get(t.id)));
          const candidates = current.filter((t) => t.status === status);
          return candidates[n % Math.max(1, candidates.length)];
        };
        for (const s of steps) {
          now += 1000;
          const callsBefore = (await q.events()).filter((e) => e.type === 'call').length;
          switch (s.kind) {
            case 'issue':
              issued.push(await q.issue(s.service, { now }));
              break;
            case 'pause':
              await q.pause(s.counter);
              paused.add(s.counter);
              break;
            case 'resume':
              await q.resume(s.counter);
              paused.delete(s.counter);
              break;
            case 'call-next':
            case 'call': {
              const target = s.kind === 'call' ? await pick(s.pick, 'issued') : undefined;
              if (s.kind === 'call' && (!target || (s.counter === '1' && target.service !== 'ho-tich'))) break;
              const run = () =>
                s.kind === 'call' ? q.call((target as Ticket).id, s.counter, { now }) : q.callNext(s.counter, { now });
              const code = await codeOf(run);
              expect(code === 'counter-paused').to.equal(paused.has(s.counter));
              break;
            }
            case 'no-show': {
              const t = await pick(s.pick, 'called');
              if (t) await q.noShow(t.id, { now });
              break;
            }
            case 'serve': {
              const t = await pick(s.pick, 'called');
              if (t) {
                await q.start(t.id, { now });
                await q.finish(t.id, { now });
              }
              break;
            }
            case 'readmit': {
              const t = await pick(s.pick, 'no-show');
              if (t) expect((await q.readmit(t.id, { now })).status).to.equal('issued');
              break;
            }
          }
          const events = await q.events();
          const calls = events.filter((e) => e.type === 'call');
          // A call made by this step went to a counter that is not paused.
          for (const e of calls.slice(callsBefore)) expect(paused.has(e.counter as string)).to.equal(false);
        }
        const events = await q.events();
        for (const t of issued) {
          const finished = events.filter((e) => e.ticket === t.id && e.type === 'finish').length;
          expect(finished, t.number).to.be.at.most(1);
          const ticket = await q.get(t.id);
          // A waiting ticket (re-admitted or not) waits once in its service's line.
          const waiting = await q.store.waitingTickets([ticket.service], ticket.businessDate);
          expect(waiting.filter((w) => w.id === t.id).length).to.equal(ticket.status === 'issued' ? 1 : 0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
