import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { chungThuc, hoTich, seededBytes, vn } from './fixtures.test.js';
import { createQueue, type Queue } from './queue.js';
import { createTicketId, isTicketId, parseTicketId } from './ticket-id.js';

const NOW = vn('2026-11-23', '08:00');

function office(ordering?: { kind: 'strict' } | { kind: 'aging' }): Queue {
  return createQueue({
    services: [hoTich, chungThuc],
    counters: [
      { id: '1', services: ['ho-tich'] },
      { id: '3', label: '3', services: ['ho-tich', 'chung-thuc'] },
    ],
    randomBytes: seededBytes(3),
    ...(ordering ? { ordering } : {}),
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

describe('queue commands', () => {
  it('runs the API from the issue: issue, callNext, start, finish', async () => {
    const q = createQueue({
      services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
      counters: [{ id: '1', services: ['ho-tich'] }],
      clock: () => NOW,
      randomBytes: seededBytes(),
    });
    const t = await q.issue('ho-tich');
    expect(t).to.include({
      number: 'A001',
      service: 'ho-tich',
      status: 'issued',
      businessDate: '2026-11-23',
      priority: 'thuong',
    });
    expect(isTicketId(t.id)).to.equal(true);
    const c = await q.callNext('1');
    expect(c).to.include({ id: t.id, status: 'called', counter: '1', calls: 1 });
    await q.start(t.id);
    const done = await q.finish(t.id);
    expect(done.status).to.equal('done');
    expect(await q.callNext('1')).to.equal(undefined);
    expect((await q.events()).map((e) => e.type)).to.deep.equal(['issue', 'call', 'start', 'finish']);
  });

  it('calls priority tickets first under strict order, each class first in, first out', async () => {
    const q = office();
    const issued = [];
    for (const [i, priority] of ['thuong', 'nguoi-cao-tuoi', 'thuong', 'phu-nu-mang-thai', 'thuong'].entries()) {
      issued.push(await q.issue('ho-tich', { now: NOW + i * 60_000, priority }));
    }
    const order = [];
    for (let i = 0; i < 5; i++) order.push((await q.callNext('1', { now: NOW + 600_000 }))?.number);
    expect(order).to.deep.equal(['A002', 'A004', 'A001', 'A003', 'A005']);
  });

  it("remembers each counter's interleave run between calls (1 priority : 2 normal)", async () => {
    const q = createQueue({
      services: [hoTich],
      counters: [
        { id: '1', services: ['ho-tich'] },
        { id: '2', services: ['ho-tich'] },
      ],
      ordering: { kind: 'interleave', priority: 1, normal: 2 },
      randomBytes: seededBytes(4),
    });
    for (let i = 0; i < 12; i++)
      await q.issue('ho-tich', { now: NOW + i, priority: i % 2 === 0 ? 'nguoi-cao-tuoi' : 'thuong' });
    const one: string[] = [];
    const two: string[] = [];
    for (let i = 0; i < 3; i++) {
      one.push((await q.callNext('1', { now: NOW + 100 }))?.priority ?? '-');
      two.push((await q.callNext('2', { now: NOW + 100 }))?.priority ?? '-');
    }
    expect(one).to.deep.equal(['nguoi-cao-tuoi', 'thuong', 'thuong']);
    expect(two).to.deep.equal(['nguoi-cao-tuoi', 'thuong', 'thuong']);
  });

  it('is idempotent: the same command id gives the same ticket and takes no new number', async () => {
    const q = office();
    const a = await q.issue('ho-tich', { now: NOW, commandId: 'kiosk-1:1' });
    const again = await q.issue('ho-tich', { now: NOW + 5, commandId: 'kiosk-1:1' });
    expect(again.id).to.equal(a.id);
    expect((await q.issue('ho-tich', { now: NOW })).number).to.equal('A002');
    const c1 = await q.callNext('1', { now: NOW, commandId: 'counter-1:1' });
    const c2 = await q.callNext('1', { now: NOW, commandId: 'counter-1:1' });
    expect(c2?.id).to.equal(c1?.id);
    expect((await q.store.waitingTickets(['ho-tich'], '2026-11-23')).length).to.equal(1);
    await q.recall(a.id, { now: NOW, commandId: 'recall-1' });
    const recalled = await q.recall(a.id, { now: NOW, commandId: 'recall-1' });
    expect(recalled.calls).to.equal(2);
  });

  it('retries a refused command id later, and answers a retry of an issued one with its ticket even after closing', async () => {
    const q = createQueue({
      services: [{ ...hoTich, windows: [{ from: '07:30', to: '11:30' }] }],
      counters: [{ id: '1', services: ['ho-tich'] }],
      randomBytes: seededBytes(),
    });
    expect(await codeOf(() => q.issue('ho-tich', { now: vn('2026-11-23', '07:00'), commandId: 'k:1' }))).to.equal(
      'closed',
    );
    const issued = await q.issue('ho-tich', { now: vn('2026-11-23', '07:30'), commandId: 'k:1' });
    expect(issued.number).to.equal('A001');
    // The kiosk retries after the window closed (its first answer was lost): same ticket, no refusal.
    expect((await q.issue('ho-tich', { now: vn('2026-11-23', '11:31'), commandId: 'k:1' })).id).to.equal(issued.id);
  });

  it('transfers a called ticket: the visit and number continue in the other service, queued at the end', async () => {
    const q = office();
    const a = await q.issue('ho-tich', { now: NOW });
    const b = await q.issue('chung-thuc', { now: NOW + 1 });
    await q.callNext('1', { now: NOW + 2 });
    await q.start(a.id, { now: NOW + 3 });
    const moved = await q.transfer(a.id, 'chung-thuc', { now: NOW + 4 });
    expect(moved).to.include({
      number: 'A001',
      service: 'chung-thuc',
      status: 'issued',
      visit: a.id,
      transferredFrom: a.id,
      issuedAt: NOW,
      queuedAt: NOW + 4,
    });
    const old = await q.get(a.id);
    expect(old).to.include({ status: 'transferred', transferredTo: moved.id });
    const next = await q.callNext('3', { now: NOW + 5 });
    expect(next?.number).to.equal('B001');
    expect((await q.callNext('3', { now: NOW + 6 }))?.id).to.equal(moved.id);
    expect(b.number).to.equal('B001');
  });

  it('links a ticket to the dossier it led to', async () => {
    const q = office();
    const a = await q.issue('ho-tich', { now: NOW });
    await q.callNext('1', { now: NOW });
    const linked = await q.linkDossier(a.id, '000.00.00.H00-261123-0001', { now: NOW });
    expect(linked.dossier).to.equal('000.00.00.H00-261123-0001');
    expect(await codeOf(() => q.linkDossier(a.id, ' ', { now: NOW }))).to.equal('invalid-dossier');
  });

  it('rejects illegal transitions, wrong counters, tampered and unknown ids with typed errors', async () => {
    const q = office();
    const a = await q.issue('chung-thuc', { now: NOW });
    expect(await codeOf(() => q.finish(a.id, { now: NOW }))).to.equal('illegal-transition');
    expect(await codeOf(() => q.call(a.id, '1', { now: NOW }))).to.equal('counter-does-not-serve');
    expect(await codeOf(() => q.transfer(a.id, 'nope', { now: NOW }))).to.equal('unknown-service');
    const last = a.id.charAt(a.id.length - 1);
    const tampered = a.id.slice(0, -1) + (last === 'Z' ? 'Y' : 'Z');
    expect(await codeOf(() => q.get(tampered))).to.equal('invalid-ticket-id');
    expect(await codeOf(() => q.get('A001'))).to.equal('invalid-ticket-id');
    expect(await codeOf(() => q.get(createTicketId(seededBytes(99))))).to.equal('unknown-ticket');
    expect((await q.call(a.id, '3', { now: NOW })).status).to.equal('called');
  });

  it('detects a changed character in a ticket id almost always', () => {
    const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let caught = 0;
    let tries = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat({ max: 25 }), fc.nat({ max: 31 }), (seed, at, to) => {
        const id = createTicketId(seededBytes(seed));
        expect(parseTicketId(id)).to.equal(id);
        const replacement = ALPHABET.charAt(to);
        if (id.charAt(at) === replacement) return;
        tries++;
        if (!isTicketId(id.slice(0, at) + replacement + id.slice(at + 1))) caught++;
      }),
      { numRuns: 500 },
    );
    expect(caught / tries).to.be.greaterThan(0.9);
  });
});
