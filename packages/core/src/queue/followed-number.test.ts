import { describe, it } from 'node:test';
import { expect } from 'chai';
import { boardTicketOf, ticketViewOf } from './board.js';
import { seededBytes, vn } from './fixtures.test.js';
import { readFollowedNumber, ticketNumberKey, ticketOfNumber } from './followed-number.js';
import { createQueue } from './queue.js';

describe('a ticket followed by its number', () => {
  it('compares numbers without case, spaces, punctuation or the zeros that pad them', () => {
    expect(ticketNumberKey('a 012')).to.equal('A12');
    expect(ticketNumberKey(' A-12 ')).to.equal(ticketNumberKey('A012'));
    expect(ticketNumberKey('Ａ０１２')).to.equal('A12');
    expect(ticketNumberKey('A100')).to.equal('A100');
    expect(ticketNumberKey('A100')).not.to.equal(ticketNumberKey('A010'));
    expect(ticketNumberKey('HT0007')).to.equal('HT7');
    expect(ticketNumberKey(' - ')).to.equal('');
  });

  it('finds the ticket queued last under a number (a transfer keeps the number), and none for an empty one', async () => {
    const now = vn('2026-12-04', '08:00');
    const q = createQueue({
      services: [
        { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } },
        { id: 'dat-dai', prefix: 'B', name: { vi: 'Đất đai', en: 'Land' } },
      ],
      counters: [{ id: '1', services: ['ho-tich', 'dat-dai'] }],
      clock: () => now,
      randomBytes: seededBytes(5),
    });
    const first = await q.issue('ho-tich');
    await q.issue('ho-tich');
    await q.call(first.id, '1');
    const moved = await q.transfer(first.id, 'dat-dai');
    const day = await q.store.tickets('2026-12-04');
    expect(ticketOfNumber('a 1', day)?.id).to.equal(moved.id);
    expect(ticketOfNumber('A002', day)?.number).to.equal('A002');
    expect(ticketOfNumber('A003', day)).to.equal(undefined);
    expect(ticketOfNumber('', day)).to.equal(undefined);
  });

  it('reads what the server answers, through JSON, keeping nothing but the board ticket and the wait', async () => {
    const now = vn('2026-12-04', '08:00');
    const q = createQueue({
      services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
      counters: [{ id: '1', services: ['ho-tich'] }],
      clock: () => now,
      randomBytes: seededBytes(6),
    });
    const ticket = await q.issue('ho-tich');
    const wait = await q.estimateWait(ticket.id);
    const answer = JSON.parse(JSON.stringify({ ticket: boardTicketOf(ticketViewOf(ticket)), wait }));
    const read = readFollowedNumber(answer);
    expect(read?.ticket).to.deep.equal(boardTicketOf(ticketViewOf(ticket)));
    expect(read?.wait?.ahead).to.equal(0);
    // A ticket view sent by mistake loses its id on the way in.
    expect(JSON.stringify(readFollowedNumber({ ticket: ticketViewOf(ticket) }))).not.to.include(ticket.id);
    expect(readFollowedNumber({ ticket: { ...answer.ticket, status: 3 } })).to.equal(undefined);
    expect(readFollowedNumber('A001')).to.equal(undefined);
    expect(readFollowedNumber({ ticket: answer.ticket, wait: { ahead: 'two' } })).to.deep.equal({
      ticket: answer.ticket,
    });
  });
});
