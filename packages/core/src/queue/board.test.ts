import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { chungThuc, hoTich, seededBytes, vn } from './fixtures.test.js';
import {
  applyBoardDelta,
  type BoardSnapshot,
  type BoardTicket,
  boardTicketOf,
  buildBoard,
  isAnnouncedCall,
  missedBoardCalls,
  readBoardDelta,
  readBoardSnapshot,
} from './index.js';
import { createQueue } from './queue.js';
import type { Ticket } from './ticket.js';

const ticket = (
  number: string,
  counter: string | null,
  status: BoardTicket['status'] = 'called',
  at = 1,
  day = '2026-11-23',
): BoardTicket => ({
  number,
  service: 's',
  priority: 'normal',
  status,
  counter,
  calls: 1,
  lastCalledAt: counter ? at : null,
  businessDate: day,
});

const state: BoardSnapshot = {
  businessDate: '2026-11-23',
  version: 10,
  counters: [
    { id: '1', label: '1', ticket: ticket('A001', '1', 'serving') },
    { id: '2', label: '2', ticket: null },
  ],
  recent: [ticket('A001', '1', 'serving')],
};

describe('queue board state', () => {
  it('reads snapshots and deltas, and refuses what is not one', () => {
    expect(readBoardSnapshot({ version: 1 })).to.equal(undefined);
    expect(readBoardSnapshot('nope')).to.equal(undefined);
    expect(
      readBoardSnapshot({ ...state, counters: [{ id: '1', label: '1', ticket: { bad: true } }, 7] })?.counters,
    ).to.deep.equal([{ id: '1', label: '1', ticket: null }]);
    expect(readBoardDelta({ version: 'x', type: 'call' })).to.equal(undefined);
    expect(
      readBoardDelta({ version: 11, type: 'issue', at: 5, ticket: ticket('A002', null, 'issued') }),
    ).to.deep.include({
      version: 11,
      type: 'issue',
    });
  });

  it('moves a transferred or finished ticket off its counter, and keeps a newer call on a counter', () => {
    const transferred = applyBoardDelta(state, {
      version: 11,
      type: 'transfer',
      at: 2,
      ticket: ticket('A001', '1', 'transferred'),
    });
    expect(transferred.counters[0]?.ticket).to.equal(null);
    expect(transferred.recent[0]?.status).to.equal('transferred');
    const called = applyBoardDelta(transferred, {
      version: 12,
      type: 'call',
      at: 3,
      counter: '2',
      ticket: ticket('B001', '2', 'called', 3),
    });
    // A late "start" of an earlier call at the same counter does not replace the newer call.
    const stale = applyBoardDelta(called, {
      version: 13,
      type: 'start',
      at: 4,
      ticket: ticket('B000', '2', 'serving', 2),
    });
    expect(stale.counters[1]?.ticket?.number).to.equal('B001');
    expect(stale.version).to.equal(13);
    expect(isAnnouncedCall({ version: 12, type: 'call', at: 3, ticket: ticket('B001', '2') })).to.equal(true);
    expect(isAnnouncedCall({ version: 12, type: 'start', at: 3, ticket: ticket('B001', '2') })).to.equal(false);
  });

  it('starts a new day with the first ticket of the next business day, and ignores the previous day', () => {
    const next = applyBoardDelta(state, {
      version: 11,
      type: 'issue',
      at: 9,
      ticket: ticket('A001', null, 'issued', 0, '2026-11-24'),
    });
    expect(next.businessDate).to.equal('2026-11-24');
    expect(next.counters.map((c) => c.ticket)).to.deep.equal([null, null]);
    expect(next.recent).to.deep.equal([]);
    const old = applyBoardDelta(next, {
      version: 12,
      type: 'finish',
      at: 9,
      ticket: ticket('A009', '2', 'done', 1, '2026-11-23'),
    });
    expect(old.counters.map((c) => c.ticket)).to.deep.equal([null, null]);
    expect(old.version).to.equal(12);
  });

  it('finds the calls made while the board was away that still wait for their visitor, oldest first', () => {
    const after: BoardSnapshot = {
      ...state,
      version: 20,
      counters: [
        { id: '1', label: '1', ticket: ticket('A007', '1', 'called', 9) },
        { id: '2', label: '2', ticket: ticket('B003', '2', 'called', 5) },
        { id: '3', label: '3', ticket: ticket('C001', '3', 'serving', 7) },
      ],
    };
    expect(missedBoardCalls(state, after).map((t) => t.number)).to.deep.equal(['B003', 'A007']);
    expect(missedBoardCalls(state, { ...after, businessDate: '2026-11-24' })).to.deep.equal([]);
    expect(missedBoardCalls(after, after)).to.deep.equal([]);
  });
});

describe('buildBoard and applyBoardDelta', () => {
  /** One counter command, by the index of the ticket (among those issued) it applies to. */
  const command = fc.oneof(
    fc.record({ kind: fc.constant('issue' as const), service: fc.constantFrom('ho-tich', 'chung-thuc') }),
    fc.record({ kind: fc.constant('callNext' as const), counter: fc.constantFrom('1', '3') }),
    fc.record({
      kind: fc.constantFrom('recall' as const, 'start' as const, 'finish' as const, 'noShow' as const),
      pick: fc.nat(),
    }),
  );

  it('a screen that applies every delta to the first snapshot shows the board the server would build', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 40 }), async (commands) => {
        let now = vn('2026-11-23', '08:00');
        const q = createQueue({
          services: [hoTich, chungThuc],
          counters: [
            { id: '1', services: ['ho-tich'] },
            { id: '3', label: '3', services: ['ho-tich', 'chung-thuc'] },
          ],
          clock: () => now,
          randomBytes: seededBytes(5),
        });
        const config = q.config;
        const tickets = new Map<string, Ticket>();
        const board = (version: number) =>
          buildBoard({
            businessDate: '2026-11-23',
            version,
            counters: config.counters.values(),
            services: config.services.values(),
            tickets: [...tickets.values()],
          });
        let shown = board(0);
        let version = 0;
        for (const c of commands) {
          now += 30_000;
          const ids = [...tickets.keys()];
          let changed: Ticket | undefined;
          try {
            if (c.kind === 'issue') changed = await q.issue(c.service);
            else if (c.kind === 'callNext') changed = await q.callNext(c.counter);
            else if (ids.length > 0) changed = await q[c.kind](ids[c.pick % ids.length] as string);
          } catch {
            // A command the ticket's state refuses changes nothing.
          }
          if (!changed) continue;
          tickets.set(changed.id, changed);
          version += 1;
          shown = applyBoardDelta(shown, {
            version,
            type: c.kind === 'callNext' ? 'call' : c.kind,
            at: now,
            ticket: boardTicketOf(changed),
          });
        }
        const built = board(version);
        expect(shown.version).to.equal(built.version);
        expect(shown.counters.map((x) => x.ticket?.number ?? null)).to.deep.equal(
          built.counters.map((x) => x.ticket?.number ?? null),
        );
        expect(shown.recent.map((t) => t.number)).to.deep.equal(built.recent.map((t) => t.number));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a counter free when its latest call ends, even if an earlier call is served after it', async () => {
    let now = vn('2026-11-23', '08:00');
    const q = createQueue({
      services: [hoTich],
      counters: [{ id: '3', services: ['ho-tich'] }],
      clock: () => now,
      randomBytes: seededBytes(6),
    });
    const config = q.config;
    const first = await q.issue('ho-tich');
    const second = await q.issue('ho-tich');
    const tickets = () => q.store.tickets('2026-11-23');
    let shown = buildBoard({
      businessDate: '2026-11-23',
      version: 0,
      counters: config.counters.values(),
      services: [],
      tickets: await tickets(),
    });
    // Counter 3 calls A001, then A002 (A001 never came); A002 is served; then A001 turns up and is served.
    const steps: [string, () => Promise<Ticket | undefined>][] = [
      ['call', () => q.callNext('3')],
      ['call', () => q.callNext('3')],
      ['start', () => q.start(second.id)],
      ['finish', () => q.finish(second.id)],
      ['start', () => q.start(first.id)],
    ];
    let version = 0;
    for (const [type, run] of steps) {
      now += 60_000;
      const changed = await run();
      if (!changed) throw new Error(`${type} changed nothing`);
      version++;
      shown = applyBoardDelta(shown, { version, type, at: now, ticket: boardTicketOf(changed) });
    }
    const built = buildBoard({
      businessDate: '2026-11-23',
      version,
      counters: config.counters.values(),
      services: [],
      tickets: await q.store.tickets('2026-11-23'),
    });
    expect(built.counters[0]?.ticket, 'the server: A002 was the latest call and it ended').to.equal(null);
    expect(shown.counters[0]?.ticket, 'a screen following the deltas agrees').to.equal(null);
  });

  it('counts who waits per service in issuing order, and names the next five', async () => {
    let now = vn('2026-11-23', '08:00');
    const q = createQueue({
      services: [hoTich, chungThuc],
      counters: [{ id: '1', services: ['ho-tich', 'chung-thuc'] }],
      clock: () => now,
      randomBytes: seededBytes(2),
    });
    const tickets: Ticket[] = [];
    for (let i = 0; i < 7; i++) {
      now += 1000;
      tickets.push(await q.issue(i === 3 ? 'chung-thuc' : 'ho-tich'));
    }
    const called = await q.callNext('1');
    const all = await q.store.tickets('2026-11-23');
    const built = buildBoard({
      office: { id: 'xa', name: { vi: 'Xã', en: 'Commune' } },
      businessDate: '2026-11-23',
      version: 8,
      counters: q.config.counters.values(),
      services: q.config.services.values(),
      tickets: all,
    });
    expect(called?.number).to.equal('A001');
    expect(built.counters[0]?.ticket?.number).to.equal('A001');
    expect(built.services).to.deep.equal([
      { id: 'ho-tich', prefix: 'A', name: hoTich.name, waiting: 5, next: ['A002', 'A003', 'A004', 'A005', 'A006'] },
      { id: 'chung-thuc', prefix: 'B', name: chungThuc.name, waiting: 1, next: ['B001'] },
    ]);
    expect(built.recent.map((t) => t.number)).to.deep.equal(['A001']);
    expect(built.office?.id).to.equal('xa');
  });
});
