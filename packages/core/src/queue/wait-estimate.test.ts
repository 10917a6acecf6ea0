import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import type { MotcuaError } from '../text/problem.js';
import { chungThuc, hoTich, seededBytes, vn } from './fixtures.test.js';
import { peopleAhead } from './people-ahead.js';
import { createQueue, type Queue } from './queue.js';
import type { Ticket } from './ticket.js';
import { backtestWaitEstimates } from './wait-backtest.js';
import { estimateWait } from './wait-estimate.js';

const MINUTE = 60_000;

describe('wait estimates', () => {
  it('gives position plus a minutes range from recent service times', () => {
    const estimate = estimateWait({ ahead: 3, counters: 2, serviceTimes: [4, 5, 5, 6, 10].map((m) => m * MINUTE) });
    // (3 + 1) / 2 × (p10 4.4, mean 6, p90 8.4 minutes)
    expect(estimate).to.deep.equal({
      ahead: 3,
      method: 'queue-length',
      sampleSize: 5,
      minutes: { low: 8, middle: 12, high: 17 },
    });
  });

  it('gives no minutes when there are too few samples', () => {
    const few = [5, 6, 7, 8].map((m) => m * MINUTE);
    expect(estimateWait({ ahead: 2, counters: 1, serviceTimes: few })).to.deep.equal({
      ahead: 2,
      method: 'position-only',
      sampleSize: 4,
    });
    expect(estimateWait({ ahead: 2, counters: 1, serviceTimes: few, minSamples: 4 }).method).to.equal('queue-length');
    expect(estimateWait({ ahead: 0, counters: 1, serviceTimes: [], minSamples: 0 }).method).to.equal('position-only');
  });

  it('keeps low ≤ middle ≤ high, grows with people ahead and shrinks with counters', () => {
    const times = fc.array(fc.integer({ min: 0, max: 60 * MINUTE }), { minLength: 5, maxLength: 40 });
    fc.assert(
      fc.property(times, fc.nat({ max: 200 }), fc.integer({ min: 1, max: 8 }), (serviceTimes, ahead, counters) => {
        const e = estimateWait({ ahead, counters, serviceTimes });
        const m = e.minutes;
        expect(m).to.not.equal(undefined);
        if (!m) return;
        expect(m.low).to.be.at.most(m.middle);
        expect(m.middle).to.be.at.most(m.high);
        const more = estimateWait({ ahead: ahead + 1, counters, serviceTimes }).minutes;
        expect(more?.middle).to.be.at.least(m.middle);
        const wider = estimateWait({ ahead, counters: counters + 1, serviceTimes }).minutes;
        expect(wider?.middle).to.be.at.most(m.middle);
      }),
    );
  });

  it('counts the people ahead under the ordering policy', () => {
    const mk = (n: number, priority: string): Ticket =>
      ({ id: `t${n}`, priority, queuedAt: n, ordinal: n }) as unknown as Ticket;
    const tickets = [mk(1, 'thuong'), mk(2, 'thuong'), mk(3, 'nguoi-cao-tuoi'), mk(4, 'thuong')];
    const weightOf = (p: string): number => (p === 'thuong' ? 0 : 1);
    expect(peopleAhead(tickets[3] as Ticket, tickets, { kind: 'strict' }, weightOf, 10)).to.equal(3);
    expect(peopleAhead(tickets[0] as Ticket, tickets, { kind: 'strict' }, weightOf, 10)).to.equal(1);
    expect(peopleAhead(tickets[2] as Ticket, tickets, { kind: 'strict' }, weightOf, 10)).to.equal(0);
    expect(
      peopleAhead(tickets[2] as Ticket, tickets, { kind: 'interleave', priority: 1, normal: 3 }, weightOf, 10),
    ).to.equal(0);
  });

  it('estimates a waiting ticket through the queue and refuses one no longer waiting', async () => {
    const q = createQueue({
      services: [hoTich, chungThuc],
      counters: [
        { id: '1', services: ['ho-tich'] },
        { id: '2', services: ['ho-tich', 'chung-thuc'] },
      ],
      randomBytes: seededBytes(),
    });
    let now = vn('2026-11-23', '07:30');
    for (let i = 0; i < 6; i++) {
      const t = await q.issue('ho-tich', { now });
      await q.call(t.id, '1', { now });
      await q.start(t.id, { now });
      now += (5 + i) * MINUTE; // 5–10 minutes each
      await q.finish(t.id, { now });
    }
    // Both counters busy, then two more wait.
    for (const counter of ['1', '2']) {
      await q.issue('ho-tich', { now });
      await q.callNext(counter, { now });
    }
    const a = await q.issue('ho-tich', { now });
    const b = await q.issue('ho-tich', { now: now + 1 });
    const e = await q.estimateWait(b.id, { now: now + 2 });
    // One ahead, two busy counters: (1 + 1) / 2 × service times of 5–10 minutes (mean 7.5).
    expect(e).to.deep.include({ ahead: 1, method: 'queue-length', sampleSize: 6 });
    expect(e.minutes).to.deep.equal({ low: 5, middle: 8, high: 10 });
    await q.cancel(a.id, { now: now + 3 });
    try {
      await q.estimateWait(a.id, { now: now + 4 });
      expect.fail('should throw');
    } catch (error) {
      expect((error as MotcuaError).problems[0]?.code).to.equal('not-waiting');
    }
  });
});

/** A recorded day: seeded arrivals and service times through the real queue, in time order. */
async function simulateDay(seed: number): Promise<Queue> {
  let state = seed;
  const random = (): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const q = createQueue({
    services: [hoTich],
    counters: [
      { id: '1', services: ['ho-tich'] },
      { id: '2', services: ['ho-tich'] },
    ],
    randomBytes: seededBytes(seed),
  });
  const arrivals: number[] = [];
  for (let t = vn('2026-11-23', '07:30'); t < vn('2026-11-23', '11:00'); t += Math.round(random() * 8 * MINUTE))
    arrivals.push(t);
  const free = new Map([
    ['1', arrivals[0] as number],
    ['2', arrivals[0] as number],
  ]);
  let next = 0;
  for (;;) {
    const [counter, at] = [...free.entries()].sort((x, y) => x[1] - y[1])[0] as [string, number];
    const arrival = arrivals[next];
    if (arrival !== undefined && arrival <= at) {
      await q.issue('ho-tich', { now: arrival });
      next++;
      continue;
    }
    const called = await q.callNext(counter, { now: at });
    if (!called) {
      if (arrival === undefined) break;
      free.set(counter, arrival);
      continue;
    }
    await q.start(called.id, { now: at });
    const done = at + Math.round((4 + random() * 10) * MINUTE);
    await q.finish(called.id, { now: done });
    free.set(counter, done);
  }
  return q;
}

describe('wait estimate backtest', () => {
  it('reports exact errors on a small recorded day', async () => {
    const q = createQueue({
      services: [hoTich],
      counters: [{ id: '1', services: ['ho-tich'] }],
      randomBytes: seededBytes(),
    });
    const t1 = await q.issue('ho-tich', { now: vn('2026-11-23', '08:00') });
    await q.callNext('1', { now: vn('2026-11-23', '08:00') });
    await q.start(t1.id, { now: vn('2026-11-23', '08:00') });
    await q.finish(t1.id, { now: vn('2026-11-23', '08:10') });
    const t2 = await q.issue('ho-tich', { now: vn('2026-11-23', '08:11') });
    await q.callNext('1', { now: vn('2026-11-23', '08:11') });
    await q.issue('ho-tich', { now: vn('2026-11-23', '08:12') });
    await q.start(t2.id, { now: vn('2026-11-23', '08:11') });
    await q.finish(t2.id, { now: vn('2026-11-23', '08:20') });
    await q.callNext('1', { now: vn('2026-11-23', '08:20') });
    const report = backtestWaitEstimates(await q.store.tickets('2026-11-23'), q.config, { minSamples: 1 });
    expect(report.rows).to.deep.equal([
      { number: 'A001', ahead: 0, estimate: undefined, actual: 0 },
      // The counter was free at 08:11: no wait expected.
      { number: 'A002', ahead: 0, estimate: { low: 0, middle: 0, high: 0 }, actual: 0 },
      // At 08:12 the counter was serving A002 (one 10-minute sample): 10 minutes expected, 8 real.
      { number: 'A003', ahead: 0, estimate: { low: 10, middle: 10, high: 10 }, actual: 8 },
    ]);
    expect(report).to.deep.include({
      method: 'queue-length',
      tickets: 3,
      estimated: 2,
      meanAbsoluteError: 1,
      coverage: 0.5,
    });
  });

  it('on a simulated morning with two counters, beats guessing the average wait', async () => {
    const q = await simulateDay(2026);
    const report = backtestWaitEstimates(await q.store.tickets('2026-11-23'), q.config);
    expect(report.tickets).to.be.greaterThan(40);
    expect(report.estimated).to.be.greaterThan(30);
    const actual = report.rows.filter((r) => r.estimate !== undefined).map((r) => r.actual);
    const mean = actual.reduce((s, a) => s + a, 0) / actual.length;
    const guessMae = actual.reduce((s, a) => s + Math.abs(a - mean), 0) / actual.length;
    expect(report.meanAbsoluteError).to.be.lessThan(guessMae);
    expect(report.coverage).to.be.within(0, 1);
  });
});
