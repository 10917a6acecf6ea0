import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ticketViewOf } from './board.js';
import { seededBytes, vn } from './fixtures.test.js';
import { readFollowedTicket, readTicketView } from './followed-ticket.js';
import { createQueue } from './queue.js';

describe('a followed ticket', () => {
  it('reads what the server answers, through JSON, and refuses what lacks what a page shows', async () => {
    const now = vn('2026-12-04', '08:00');
    const q = createQueue({
      services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
      counters: [{ id: '1', services: ['ho-tich'] }],
      clock: () => now,
      randomBytes: seededBytes(4),
    });
    const ticket = await q.issue('ho-tich');
    const wait = await q.estimateWait(ticket.id);
    const answer = JSON.parse(JSON.stringify({ ticket: ticketViewOf(ticket), wait, ratingToken: 'r1.x' }));
    const read = readFollowedTicket(answer);
    expect(read?.ticket).to.deep.include({
      id: ticket.id,
      number: 'A001',
      status: 'issued',
      businessDate: '2026-12-04',
    });
    expect(read?.wait?.ahead).to.equal(0);
    expect(read?.ratingToken).to.equal('r1.x');

    expect(readFollowedTicket({ ticket: { ...answer.ticket, businessDate: 20261204 } })).to.equal(undefined);
    expect(readFollowedTicket('A001')).to.equal(undefined);
    expect(readTicketView({ id: 'x', number: 'A1', service: 's', status: 'issued' })).to.equal(undefined);
    const loose = readFollowedTicket({ ticket: answer.ticket, wait: { ahead: 'two' }, ratingToken: 7 });
    expect(loose).to.deep.equal({ ticket: answer.ticket });
  });
});
