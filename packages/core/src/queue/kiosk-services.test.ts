import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { ticketViewOf } from './board.js';
import { hoTich, seededBytes, vn } from './fixtures.test.js';
import { readIssuedTicket, readTicketWait } from './issued-ticket.js';
import { readAnswerText, readKioskServices } from './kiosk-services.js';
import { createQueue } from './queue.js';

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('what a kiosk reads from the queue API', () => {
  it('reads the ticket the queue issued and its wait, through JSON', async () => {
    const now = vn('2026-12-07', '08:00');
    const q = createQueue({
      services: [hoTich],
      counters: [{ id: '1', services: ['ho-tich'] }],
      clock: () => now,
      randomBytes: seededBytes(7),
    });
    await q.issue('ho-tich');
    const ticket = await q.issue('ho-tich');
    const issued = readIssuedTicket(throughJson(ticketViewOf(ticket)), 0);
    expect(issued).to.deep.equal({
      id: ticket.id,
      number: ticket.number,
      service: 'ho-tich',
      priority: ticket.priority,
      issuedAt: ticket.issuedAt,
    });
    const wait = await q.estimateWait(ticket.id);
    expect(readTicketWait(throughJson({ ticket: ticketViewOf(ticket), wait }))).to.deep.equal({ ahead: 1 });
    expect(readTicketWait({ wait: { ahead: 2, minutes: { low: 10, middle: 12, high: 15 } } })).to.deep.equal({
      ahead: 2,
      minutes: { low: 10, middle: 12, high: 15 },
    });
  });

  it('never shows a number it did not get, and fills what an older server leaves out', () => {
    expect(readIssuedTicket({ id: 't1', service: 'ho-tich' }, 5)).to.equal(undefined);
    expect(readIssuedTicket({ id: '', number: 'A001', service: 'ho-tich' }, 5)).to.equal(undefined);
    expect(readIssuedTicket([{ id: 't1', number: 'A001', service: 'ho-tich' }], 5)).to.equal(undefined);
    expect(readIssuedTicket({ id: 't1', number: 'A001', service: 'ho-tich' }, 5)).to.deep.equal({
      id: 't1',
      number: 'A001',
      service: 'ho-tich',
      priority: '',
      issuedAt: 5,
    });
    expect(readTicketWait({ wait: { ahead: -1 } })).to.equal(undefined);
    expect(readTicketWait({ wait: null })).to.equal(undefined);
    expect(readTicketWait({ wait: { ahead: 0, minutes: { low: 1, middle: '2', high: 3 } } })).to.deep.equal({
      ahead: 0,
    });
  });

  it('keeps the well-formed services and priority classes of an answer, and says when it is none', () => {
    const read = readKioskServices({
      office: { id: 'cam-thanh', name: { vi: 'UBND phường Cẩm Thanh', en: 3 } },
      services: [
        { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } },
        { id: 'dat-dai', name: 'Đất đai', open: false, nextOpening: { date: '2026-12-08', time: '07:30', at: 1 } },
        { id: '', prefix: 'X' },
        'chung-thuc',
      ],
      priorityClasses: [{ id: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi' }, weight: 1 }, { name: {} }],
      defaultPriority: 'thuong',
    });
    expect(read).to.deep.equal({
      office: { id: 'cam-thanh', name: { vi: 'UBND phường Cẩm Thanh' } },
      services: [
        { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' }, open: true, nextOpening: undefined },
        {
          id: 'dat-dai',
          prefix: '',
          name: {},
          open: false,
          nextOpening: { date: '2026-12-08', time: '07:30', at: 1 },
        },
      ],
      priorityClasses: [{ id: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi' }, weight: 1 }],
      defaultPriority: 'thuong',
    });
    expect(readKioskServices({ services: 'ho-tich' })).to.equal(undefined);
    expect(readKioskServices(null)).to.equal(undefined);
  });

  it('never throws on any JSON, and what it keeps has the shape it promises', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (services, wait) => {
        const read = readKioskServices({ services: [services, wait], priorityClasses: [wait] });
        for (const s of read?.services ?? []) expect(s.id).to.be.a('string').and.not.equal('');
        for (const p of read?.priorityClasses ?? []) expect(p.weight).to.be.a('number');
        const w = readTicketWait({ wait });
        if (w) expect(w.ahead).to.be.at.least(0);
        const t = readIssuedTicket(services, 1);
        if (t) expect(t.number).to.be.a('string').and.not.equal('');
        expect(readAnswerText(wait)).to.be.an('object');
      }),
    );
  });
});
