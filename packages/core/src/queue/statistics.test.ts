import { describe, it } from 'node:test';
import { expect } from 'chai';
import { chungThuc, hoTich, seededBytes, vn } from './fixtures.test.js';
import { createQueue } from './queue.js';
import { queueStatistics } from './statistics.js';

/** A small recorded morning with every outcome: served, recalled then no-show, transferred, cancelled. */
async function fixtureDay() {
  const q = createQueue({
    services: [hoTich, chungThuc],
    counters: [
      { id: '1', services: ['ho-tich'] },
      { id: '2', services: ['ho-tich', 'chung-thuc'] },
    ],
    randomBytes: seededBytes(5),
  });
  const at = (time: string) => ({ now: vn('2026-11-23', time) });
  const a1 = await q.issue('ho-tich', at('08:00'));
  const b1 = await q.issue('chung-thuc', at('08:00'));
  expect((await q.callNext('1', at('08:02')))?.id).to.equal(a1.id);
  await q.start(a1.id, at('08:03'));
  expect((await q.callNext('2', at('08:04')))?.id).to.equal(b1.id);
  const a2 = await q.issue('ho-tich', at('08:05'));
  await q.recall(b1.id, at('08:06'));
  await q.noShow(b1.id, at('08:08'));
  expect((await q.callNext('2', at('08:09')))?.id).to.equal(a2.id);
  await q.start(a2.id, at('08:10'));
  await q.finish(a1.id, at('08:13'));
  const moved = await q.transfer(a2.id, 'chung-thuc', at('08:15'));
  expect((await q.callNext('2', at('08:20')))?.id).to.equal(moved.id);
  await q.start(moved.id, at('08:21'));
  await q.finish(moved.id, at('08:27'));
  const a3 = await q.issue('ho-tich', at('09:10'));
  await q.cancel(a3.id, at('09:11'));
  return q.events();
}

describe('queue statistics from the event log', () => {
  it('gives exact counts, waits and service times for a fixture day', async () => {
    const stats = queueStatistics(await fixtureDay());
    expect(stats.overall).to.deep.equal({
      tickets: 5,
      called: 4,
      served: 2,
      noShows: 1,
      cancelled: 1,
      transferred: 1,
      recalls: 1,
      wait: { count: 4, mean: 3.75, p50: 4, p90: 4.7, max: 5 },
      service: { count: 2, mean: 8, p50: 8, p90: 9.6, max: 10 },
    });
    expect(stats.byService['ho-tich']).to.deep.include({
      tickets: 3,
      called: 2,
      served: 1,
      transferred: 1,
      cancelled: 1,
      noShows: 0,
    });
    expect(stats.byService['ho-tich']?.wait).to.deep.equal({ count: 2, mean: 3, p50: 3, p90: 3.8, max: 4 });
    expect(stats.byService['chung-thuc']).to.deep.include({ tickets: 2, called: 2, served: 1, noShows: 1, recalls: 1 });
    expect(stats.byService['chung-thuc']?.service.mean).to.equal(6);
    expect(Object.keys(stats.byCounter).sort()).to.deep.equal(['1', '2']);
    expect(stats.byCounter['1']?.tickets).to.equal(1);
    expect(stats.byCounter['2']?.tickets).to.equal(3);
    expect(stats.byHour[8]?.tickets).to.equal(4);
    expect(stats.byHour[9]).to.deep.include({ tickets: 1, cancelled: 1, called: 0 });
  });

  it('can end the wait at the last call instead of the first', async () => {
    const events = await fixtureDay();
    expect(queueStatistics(events).byService['chung-thuc']?.wait.max).to.equal(5);
    expect(queueStatistics(events, { waitUntil: 'last-call' }).byService['chung-thuc']?.wait.max).to.equal(6);
  });

  it('does not depend on the order of the events, and is empty for no events', async () => {
    const events = await fixtureDay();
    expect(queueStatistics([...events].reverse())).to.deep.equal(queueStatistics(events));
    const empty = queueStatistics([]);
    expect(empty.overall.tickets).to.equal(0);
    expect(empty.overall.wait).to.deep.equal({
      count: 0,
      mean: undefined,
      p50: undefined,
      p90: undefined,
      max: undefined,
    });
  });
});
