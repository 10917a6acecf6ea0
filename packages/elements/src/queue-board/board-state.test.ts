import { expect } from '@open-wc/testing';
import {
  applyDelta,
  type BoardState,
  type BoardTicket,
  isAnnounced,
  missedCalls,
  readDelta,
  readSnapshot,
} from './board-state.js';

const ticket = (
  number: string,
  counter: string | null,
  status = 'called',
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

const state: BoardState = {
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
    expect(readSnapshot({ version: 1 })).to.equal(undefined);
    expect(readSnapshot('nope')).to.equal(undefined);
    expect(
      readSnapshot({ ...state, counters: [{ id: '1', label: '1', ticket: { bad: true } }, 7] })?.counters,
    ).to.deep.equal([{ id: '1', label: '1', ticket: null }]);
    expect(readDelta({ version: 'x', type: 'call' })).to.equal(undefined);
    expect(readDelta({ version: 11, type: 'issue', at: 5, ticket: ticket('A002', null, 'issued') })).to.deep.include({
      version: 11,
      type: 'issue',
    });
  });

  it('moves a transferred or finished ticket off its counter, and keeps a newer call on a counter', () => {
    const transferred = applyDelta(state, {
      version: 11,
      type: 'transfer',
      at: 2,
      ticket: ticket('A001', '1', 'transferred'),
    });
    expect(transferred.counters[0]?.ticket).to.equal(null);
    expect(transferred.recent[0]?.status).to.equal('transferred');
    const called = applyDelta(transferred, {
      version: 12,
      type: 'call',
      at: 3,
      counter: '2',
      ticket: ticket('B001', '2', 'called', 3),
    });
    // A late "start" of an earlier call at the same counter does not replace the newer call.
    const stale = applyDelta(called, { version: 13, type: 'start', at: 4, ticket: ticket('B000', '2', 'serving', 2) });
    expect(stale.counters[1]?.ticket?.number).to.equal('B001');
    expect(stale.version).to.equal(13);
    expect(isAnnounced({ version: 12, type: 'call', at: 3, ticket: ticket('B001', '2') })).to.equal(true);
    expect(isAnnounced({ version: 12, type: 'start', at: 3, ticket: ticket('B001', '2') })).to.equal(false);
  });

  it('starts a new day with the first ticket of the next business day, and ignores the previous day', () => {
    const next = applyDelta(state, {
      version: 11,
      type: 'issue',
      at: 9,
      ticket: ticket('A001', null, 'issued', 0, '2026-11-24'),
    });
    expect(next.businessDate).to.equal('2026-11-24');
    expect(next.counters.map((c) => c.ticket)).to.deep.equal([null, null]);
    expect(next.recent).to.deep.equal([]);
    const old = applyDelta(next, {
      version: 12,
      type: 'finish',
      at: 9,
      ticket: ticket('A009', '2', 'done', 1, '2026-11-23'),
    });
    expect(old.counters.map((c) => c.ticket)).to.deep.equal([null, null]);
    expect(old.version).to.equal(12);
  });

  it('finds the calls made while the board was away that still wait for their visitor, oldest first', () => {
    const after: BoardState = {
      ...state,
      version: 20,
      counters: [
        { id: '1', label: '1', ticket: ticket('A007', '1', 'called', 9) },
        { id: '2', label: '2', ticket: ticket('B003', '2', 'called', 5) },
        { id: '3', label: '3', ticket: ticket('C001', '3', 'serving', 7) },
      ],
    };
    expect(missedCalls(state, after).map((t) => t.number)).to.deep.equal(['B003', 'A007']);
    expect(missedCalls(state, { ...after, businessDate: '2026-11-24' })).to.deep.equal([]);
    expect(missedCalls(after, after)).to.deep.equal([]);
  });
});
