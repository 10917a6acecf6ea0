import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { queueBusinessTimeOf } from './business-day.js';
import { hoTich, seededBytes, vn } from './fixtures.test.js';
import { createQueue } from './queue.js';

const sessions = [
  { id: 'sang', name: { vi: 'Sáng', en: 'Morning' }, from: 0 },
  { id: 'chieu', name: { vi: 'Chiều', en: 'Afternoon' }, from: 12 * 60 },
];

describe('business date', () => {
  it('puts 23:59:59 and 00:00:00 Vietnam time on different business dates, whatever the host TZ', () => {
    const before = queueBusinessTimeOf(vn('2026-11-22', '23:59', 59));
    const after = queueBusinessTimeOf(vn('2026-11-23', '00:00'));
    expect(before.date).to.equal('2026-11-22');
    expect(after.date).to.equal('2026-11-23');
  });

  it('keeps 06:59 and 07:01 Vietnam time (around midnight UTC) on one business date', () => {
    expect(queueBusinessTimeOf(vn('2026-11-23', '06:59')).date).to.equal('2026-11-23');
    expect(queueBusinessTimeOf(vn('2026-11-23', '07:01')).date).to.equal('2026-11-23');
  });

  it('agrees with UTC+7 arithmetic for any instant since 1976', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const expected = new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
        expect(queueBusinessTimeOf(ms).date).to.equal(expected);
      }),
    );
  });

  it('starts the day later when dayStartsAt says so, and places sessions', () => {
    expect(queueBusinessTimeOf(vn('2026-11-23', '03:00'), 4 * 60).date).to.equal('2026-11-22');
    expect(queueBusinessTimeOf(vn('2026-11-23', '04:00'), 4 * 60).date).to.equal('2026-11-23');
    expect(queueBusinessTimeOf(vn('2026-11-23', '11:59'), 0, sessions).session).to.equal('sang');
    expect(queueBusinessTimeOf(vn('2026-11-23', '12:00'), 0, sessions).session).to.equal('chieu');
    expect(queueBusinessTimeOf(vn('2026-11-23', '03:00'), 4 * 60, sessions).session).to.equal('chieu');
  });

  it('restarts numbers at Vietnamese midnight, not at UTC midnight (07:00 in Hà Nội)', async () => {
    const q = createQueue({
      services: [hoTich],
      counters: [{ id: '1', services: ['ho-tich'] }],
      randomBytes: seededBytes(),
    });
    const numbers = [];
    for (const [date, time] of [
      ['2026-11-23', '06:50'],
      ['2026-11-23', '07:10'],
      ['2026-11-23', '23:59'],
      ['2026-11-24', '00:00'],
      ['2026-11-24', '08:00'],
    ] as const) {
      const t = await q.issue('ho-tich', { now: vn(date, time) });
      numbers.push(`${t.businessDate} ${t.number}`);
    }
    expect(numbers).to.deep.equal([
      '2026-11-23 A001',
      '2026-11-23 A002',
      '2026-11-23 A003',
      '2026-11-24 A001',
      '2026-11-24 A002',
    ]);
  });

  it('restarts numbers each session when numbering resets per session', async () => {
    const q = createQueue({
      services: [{ ...hoTich, numbering: { reset: 'session' } }],
      counters: [{ id: '1', services: ['ho-tich'] }],
      sessions: [
        { id: 'sang', name: { vi: 'Sáng', en: 'Morning' }, from: '00:00' },
        { id: 'chieu', name: { vi: 'Chiều', en: 'Afternoon' }, from: '12:00' },
      ],
      randomBytes: seededBytes(),
    });
    const a = await q.issue('ho-tich', { now: vn('2026-11-23', '08:00') });
    const b = await q.issue('ho-tich', { now: vn('2026-11-23', '09:00') });
    const c = await q.issue('ho-tich', { now: vn('2026-11-23', '13:00') });
    expect([a, b, c].map((t) => `${t.session} ${t.number}`)).to.deep.equal(['sang A001', 'sang A002', 'chieu A001']);
  });
});
