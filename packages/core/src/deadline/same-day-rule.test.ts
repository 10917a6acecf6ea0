import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from '../calendar/civil-date.js';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { classifyDossier } from './classify.js';
import { type DueDateOptions, dueDate } from './due-date.js';
import { formatRemaining } from './format-remaining.js';
import { parseOffsetDateTime } from './instant.js';
import { receiptSlip } from './receipt-slip.js';
import type { TimeLimit } from './time-limit.js';

const calendar = vietnamCalendar();
const standard: DueDateOptions = { calendar };
const khaiSinh: TimeLimit = { value: 0, unit: 'immediate', cutoff: '15:00' };
const ngay: TimeLimit = { value: 0, unit: 'immediate' };
const trongNgay: TimeLimit = { value: 0, unit: 'same-day' };

const due = (receivedAt: string, limit: TimeLimit, options: DueDateOptions = standard) =>
  dueDate({ receivedAt, limit }, options).dueAt;

describe('"giải quyết ngay" and "trong ngày": one rule', () => {
  it('received on a working day before the cutoff → due at that day’s close, not at the receipt minute', () => {
    // Friday 13/3/2026 14:30.
    expect(due('2026-03-13T14:30:00+07:00', khaiSinh)).to.equal('2026-03-13T17:00:00+07:00');
    expect(due('2026-03-13T14:30:00+07:00', ngay)).to.equal('2026-03-13T17:00:00+07:00');
    // Before the office opens: the same day's close.
    expect(due('2026-03-13T06:10:00+07:00', ngay)).to.equal('2026-03-13T17:00:00+07:00');
  });

  it('after the cutoff, after hours or on a day off → due at the close of the next working day', () => {
    // Friday 15:30 → Monday 17:00 (it was already right).
    expect(due('2026-03-13T15:30:00+07:00', khaiSinh)).to.equal('2026-03-16T17:00:00+07:00');
    // Friday 17:30 and 22:27 → Monday 17:00, not Monday 07:30.
    expect(due('2026-03-13T17:30:00+07:00', khaiSinh)).to.equal('2026-03-16T17:00:00+07:00');
    expect(due('2026-03-13T22:27:00+07:00', khaiSinh)).to.equal('2026-03-16T17:00:00+07:00');
    // Quốc khánh 2/9/2026 (31/8–2/9 off) → Thursday 3/9 17:00.
    expect(due('2026-09-02T10:00:00+07:00', khaiSinh)).to.equal('2026-09-03T17:00:00+07:00');
    // An immediate limit without a cutoff gets the 15:00 setting too.
    expect(due('2026-03-13T16:00:00+07:00', ngay)).to.equal('2026-03-16T17:00:00+07:00');
    // Recorded as is: the same answers.
    const asRecorded: DueDateOptions = { calendar, receipt: 'as-recorded' };
    expect(due('2026-03-13T22:27:00+07:00', khaiSinh, asRecorded)).to.equal('2026-03-16T17:00:00+07:00');
    expect(due('2026-03-14T09:00:00+07:00', trongNgay, asRecorded)).to.equal('2026-03-16T17:00:00+07:00');
  });

  it('the cutoff is a setting: with 23:59 only the close decides', () => {
    const late: DueDateOptions = { calendar, sameDayCutoff: '23:59' };
    expect(due('2026-03-13T16:30:00+07:00', ngay, late)).to.equal('2026-03-13T17:00:00+07:00');
    expect(due('2026-03-13T17:30:00+07:00', ngay, { ...late, receipt: 'as-recorded' })).to.equal(
      '2026-03-16T17:00:00+07:00',
    );
  });

  it('Friday 22:27: the status page shows a working day left, not "còn 0 phút"', () => {
    const c = classifyDossier(
      { receivedAt: '2026-03-13T22:27:00+07:00', limit: khaiSinh },
      { calendar, now: '2026-03-13T22:30:00+07:00' },
    );
    expect(c.timeliness).to.equal('in-time');
    expect(formatRemaining(c.remainingMinutes, 'vi', c.dayMinutes)).to.equal('còn 1 ngày');
  });

  it('received 14:30 and resolved 16:00 the same day is on time (Decision 766 counts it on time)', () => {
    const c = classifyDossier(
      {
        receivedAt: '2026-03-13T14:30:00+07:00',
        limit: khaiSinh,
        events: [{ type: 'resolved', at: '2026-03-13T16:00:00+07:00' }],
      },
      { calendar },
    );
    expect(c.timeliness).to.equal('on-time');
  });
});

/** A receipt in 2016–2030 at any minute, with any offset. */
const receipt = fc
  .tuple(
    fc.integer({ min: toEpochDay('2016-01-01'), max: toEpochDay('2030-12-20') }),
    fc.integer({ min: 0, max: 1439 }),
    fc.constantFrom('+07:00', 'Z', '-08:00', '+14:00'),
  )
  .map(([day, minute, offset]) => {
    const shift = { '+07:00': 420, Z: 0, '-08:00': -480, '+14:00': 840 }[offset] as number;
    const ms = (day * 1440 + minute - 420 + shift) * 60_000;
    return `${new Date(ms).toISOString().slice(0, 16)}:00${offset}`;
  });
const sameDayLimit: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.constant(khaiSinh),
  fc.constant(ngay),
  fc.constant(trongNgay),
  fc.constant<TimeLimit>({ value: 0, unit: 'same-day', cutoff: '16:00' }),
);
const rule: fc.Arbitrary<DueDateOptions> = fc.record({
  calendar: fc.constant(calendar),
  receipt: fc.constantFrom('next-session' as const, 'as-recorded' as const),
});
const ms = (iso: string) => parseOffsetDateTime(iso) as number;
const vietnamLocal = (iso: string) => new Date(ms(iso) + 7 * 3_600_000).toISOString();

describe('same-day rule properties (due date, slip, remaining time and classification agree)', () => {
  it('due at a close of a working day; that day is the receipt day exactly when received on a working day, before its close and not after the cutoff', () => {
    fc.assert(
      fc.property(receipt, sameDayLimit, rule, (r, limit, options) => {
        const result = dueDate({ receivedAt: r, limit }, options);
        const dueDay = result.dueAt.slice(0, 10);
        expect(calendar.isWorkingDay(dueDay)).to.equal(true);
        expect(result.dueAt.slice(11, 16)).to.equal('17:00');
        const local = vietnamLocal(r);
        const day = local.slice(0, 10);
        const minute = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
        const cutoff = limit.cutoff === '16:00' ? 960 : 900;
        const sameDay = calendar.isWorkingDay(day) && minute <= cutoff && minute < 1020;
        const next = fromEpochDay(
          (() => {
            let d = toEpochDay(day) + 1;
            while (!calendar.isWorkingDay(fromEpochDay(d))) d++;
            return d;
          })(),
        );
        expect(dueDay).to.equal(sameDay ? day : next);
        const inHoursAfterCutoff = calendar.isWorkingDay(day) && minute > cutoff && minute < 1020;
        expect(result.afterCutoff).to.equal(options.receipt === 'as-recorded' ? !sameDay : inHoursAfterCutoff);
      }),
    );
  });

  it('the receipt slip prints that due date; at receipt time is left and resolving by it is on time or early', () => {
    fc.assert(
      fc.property(receipt, sameDayLimit, rule, (r, limit, options) => {
        const { dueAt } = dueDate({ receivedAt: r, limit }, options);
        const slip = receiptSlip(
          {
            code: '000.00.15.H41-260309-0001',
            agency: 'UBND xã',
            applicant: { name: 'A' },
            procedure: 'P',
            documents: [{ name: 'D' }],
            receivedAt: r,
            limit,
          },
          options,
        );
        expect(slip.dueAt).to.equal(dueAt);
        const open = classifyDossier({ receivedAt: r, limit }, { ...options, now: r });
        expect(open.dueAt).to.equal(dueAt);
        expect(open.timeliness).to.equal('in-time');
        expect(open.remainingMinutes).to.be.greaterThan(0);
        expect(formatRemaining(open.remainingMinutes)).to.not.equal('còn 0 phút');
        for (const end of [r, dueAt]) {
          const done = classifyDossier({ receivedAt: r, limit, events: [{ type: 'resolved', at: end }] }, options);
          expect(done.timeliness).to.be.oneOf(['early', 'on-time']);
        }
        const after = new Date(ms(dueAt) + 60_000).toISOString();
        const late = classifyDossier({ receivedAt: r, limit, events: [{ type: 'resolved', at: after }] }, options);
        expect(late.timeliness).to.equal('late');
      }),
      { numRuns: 300 },
    );
  });
});
