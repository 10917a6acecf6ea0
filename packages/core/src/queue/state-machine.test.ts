import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { applyTicketCommand, ticketCommandAllowedFrom } from './state-machine.js';
import type { Ticket, TicketCommand, TicketStatus } from './ticket.js';

/** The transitions issue 6 specifies, written out independently of the implementation. */
const SPEC: Record<string, Partial<Record<TicketStatus, TicketStatus>>> = {
  call: { issued: 'called' },
  recall: { called: 'called' },
  start: { called: 'serving' },
  finish: { serving: 'done' },
  'no-show': { called: 'no-show' },
  cancel: { issued: 'cancelled', called: 'cancelled' },
  transfer: { called: 'transferred', serving: 'transferred' },
  'link-dossier': { called: 'called', serving: 'serving', done: 'done' },
};

const fresh: Ticket = {
  id: '0000000000000000000000000Q',
  number: 'A001',
  value: 1,
  service: 'ho-tich',
  priority: 'thuong',
  businessDate: '2026-11-23',
  session: undefined,
  status: 'issued',
  issuedAt: 0,
  queuedAt: 0,
  ordinal: 1,
  visit: '0000000000000000000000000Q',
  counter: undefined,
  calls: 0,
  calledAt: undefined,
  lastCalledAt: undefined,
  servingAt: undefined,
  endedAt: undefined,
  transferredFrom: undefined,
  transferredTo: undefined,
  dossier: undefined,
  version: 1,
  history: [],
};

const command: fc.Arbitrary<TicketCommand> = fc.oneof(
  fc.constantFrom('1', '2').map((counter) => ({ type: 'call' as const, counter })),
  fc.constant({ type: 'recall' as const }),
  fc.constant({ type: 'start' as const }),
  fc.constant({ type: 'finish' as const }),
  fc.constant({ type: 'no-show' as const }),
  fc.constant({ type: 'cancel' as const }),
  fc.constant({ type: 'transfer' as const, to: 'chung-thuc' }),
  fc.constant({ type: 'link-dossier' as const, dossier: '000.00.00.H00-261123-0001' }),
);

describe('ticket state machine', () => {
  it('walks issued → called → serving → done and counts recalls', () => {
    let t = applyTicketCommand(fresh, { type: 'call', counter: '3' }, 10);
    t = applyTicketCommand(t, { type: 'recall' }, 20);
    t = applyTicketCommand(t, { type: 'recall' }, 30);
    t = applyTicketCommand(t, { type: 'start' }, 40);
    t = applyTicketCommand(t, { type: 'finish' }, 50);
    expect(t).to.include({
      status: 'done',
      counter: '3',
      calls: 3,
      calledAt: 10,
      lastCalledAt: 30,
      servingAt: 40,
      endedAt: 50,
      version: 6,
    });
    expect(t.history.map((e) => e.type)).to.deep.equal(['call', 'recall', 'recall', 'start', 'finish']);
    expect(fresh.status).to.equal('issued');
  });

  it('rejects an illegal transition with a clear bilingual error', () => {
    const called = applyTicketCommand(fresh, { type: 'call', counter: '3' }, 10);
    try {
      applyTicketCommand(called, { type: 'finish' }, 20);
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(MotcuaError);
      const p = (error as MotcuaError).problems[0];
      expect(p?.code).to.equal('illegal-transition');
      expect(p?.message.vi).to.equal('Không thể kết thúc phiếu A001 khi phiếu đã gọi');
      expect(p?.message.en).to.equal('Cannot finish ticket A001 while it is called');
    }
  });

  it('lists where each command may be applied', () => {
    for (const [type, from] of Object.entries(SPEC)) {
      expect([...ticketCommandAllowedFrom(type as TicketCommand['type'])].sort()).to.deep.equal(
        Object.keys(from).sort(),
      );
    }
  });

  it('never reaches an illegal state under random command sequences', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        let t = fresh;
        let at = 0;
        for (const c of commands) {
          at += 1000;
          const expected = SPEC[c.type]?.[t.status];
          if (expected === undefined) {
            expect(() => applyTicketCommand(t, c, at)).to.throw(MotcuaError, /./);
            continue;
          }
          const next = applyTicketCommand(t, c, at);
          expect(next.status).to.equal(expected);
          expect(next.version).to.equal(t.version + 1);
          expect(next.calls).to.equal(c.type === 'call' ? 1 : c.type === 'recall' ? t.calls + 1 : t.calls);
          if (t.endedAt !== undefined) expect(next.endedAt).to.equal(t.endedAt);
          t = next;
        }
        const final = ['done', 'no-show', 'cancelled', 'transferred'].includes(t.status);
        expect(final).to.equal(t.endedAt !== undefined);
        expect(t.history.length).to.equal(t.version - 1);
      }),
    );
  });

  it('is idempotent: a command id applied twice changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.integer({ min: 0, max: 5 })), { maxLength: 30 }), (steps) => {
        let t = fresh;
        const seen = new Set<number>();
        for (const [c, key] of steps) {
          const id = `cmd-${key}`;
          let next: Ticket;
          try {
            next = applyTicketCommand(t, c, 1, id);
          } catch {
            continue;
          }
          if (seen.has(key)) expect(next).to.equal(t);
          else {
            seen.add(key);
            expect(applyTicketCommand(next, c, 2, id)).to.equal(next);
          }
          t = next;
        }
      }),
    );
  });
});
