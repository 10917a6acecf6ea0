import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import type { TicketNumbering } from './config.js';
import { formatTicketNumber, nextTicketValue, ticketSequenceKey } from './numbering.js';

const base: TicketNumbering = { start: 1, step: 1, end: 999, width: 3, onEnd: 'grow', reset: 'daily' };

function run(numbering: TicketNumbering, count: number): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let last: number | undefined;
  for (let i = 0; i < count; i++) {
    const next = nextTicketValue(numbering, last);
    out.push(next);
    if (next === undefined) break;
    last = next;
  }
  return out;
}

describe('ticket numbering', () => {
  it('writes prefix plus a zero-padded number, and past 999 simply grows', () => {
    expect(formatTicketNumber('A', 1)).to.equal('A001');
    expect(formatTicketNumber('A', 105)).to.equal('A105');
    expect(formatTicketNumber('A', 999)).to.equal('A999');
    expect(formatTicketNumber('A', 1000)).to.equal('A1000');
    expect(formatTicketNumber('HT', 7, 4)).to.equal('HT0007');
  });

  it('goes A998 → A999 → then follows the end policy', () => {
    expect(nextTicketValue(base, 998)).to.equal(999);
    expect(nextTicketValue(base, 999)).to.equal(1000);
    expect(nextTicketValue({ ...base, onEnd: 'wrap' }, 999)).to.equal(1);
    expect(nextTicketValue({ ...base, onEnd: 'refuse' }, 999)).to.equal(undefined);
  });

  it('honours start and step', () => {
    expect(run({ ...base, start: 100, step: 5, end: 120, onEnd: 'refuse' }, 10)).to.deep.equal([
      100,
      105,
      110,
      115,
      120,
      undefined,
    ]);
    expect(run({ ...base, start: 500, end: 502, onEnd: 'wrap' }, 5)).to.deep.equal([500, 501, 502, 500, 501]);
  });

  it('never repeats a number under grow or refuse, and stays inside the range under wrap and refuse', () => {
    const numbering = fc.record({
      start: fc.integer({ min: 0, max: 50 }),
      step: fc.integer({ min: 1, max: 7 }),
      span: fc.integer({ min: 0, max: 60 }),
      onEnd: fc.constantFrom('grow' as const, 'wrap' as const, 'refuse' as const),
    });
    fc.assert(
      fc.property(numbering, fc.integer({ min: 1, max: 200 }), ({ start, step, span, onEnd }, count) => {
        const n: TicketNumbering = { start, step, end: start + span, width: 3, onEnd, reset: 'daily' };
        const values = run(n, count).filter((v): v is number => v !== undefined);
        for (const v of values) {
          expect(v).to.be.at.least(start);
          if (onEnd !== 'grow') expect(v).to.be.at.most(start + span);
          expect((v - start) % step).to.equal(0);
        }
        if (onEnd !== 'wrap') expect(new Set(values).size).to.equal(values.length);
        if (onEnd === 'refuse') expect(values.length).to.equal(Math.min(count, Math.floor(span / step) + 1));
      }),
    );
  });

  it('keys a sequence by series and business date, and by session when asked', () => {
    expect(ticketSequenceKey('ho-tich', '2026-11-23')).to.equal('ho-tich|2026-11-23');
    expect(ticketSequenceKey('ho-tich', '2026-11-23', 'chieu')).to.equal('ho-tich|2026-11-23|chieu');
    expect(ticketSequenceKey('ho-tich', '2026-11-23')).to.not.equal(ticketSequenceKey('ho-tich', '2026-11-24'));
  });
});
