import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { addDays, fromEpochDay, toEpochDay } from '../calendar/civil-date.js';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { type DueDateOptions, dueDate } from './due-date.js';
import { parseOffsetDateTime } from './instant.js';
import type { TimeLimit } from './time-limit.js';

const calendar = vietnamCalendar();
const first = toEpochDay('2015-01-01');
const last = toEpochDay('2030-12-31');

/** A receipt time in 2015–2030, in Vietnam time or another offset. */
const receivedAt = fc
  .tuple(
    fc.integer({ min: first, max: last }),
    fc.integer({ min: 0, max: 1439 }),
    fc.constantFrom('+07:00', 'Z', '-08:00', '+14:00'),
  )
  .map(([day, minute, offset]) => {
    const shift = offset === '+07:00' ? 0 : offset === 'Z' ? -420 : offset === '-08:00' ? -900 : 420;
    const ms = Date.UTC(1970, 0, 1) + (day * 1440 + minute - 420) * 60_000;
    const local = new Date(ms + (shift + 420) * 60_000).toISOString().slice(0, 16);
    return `${local}:00${offset}`;
  });

const countedUnit = fc.constantFrom('working-days' as const, 'working-hours' as const, 'days' as const);
const limit: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.record({ value: fc.integer({ min: 1, max: 60 }), unit: countedUnit }),
  fc.record({ value: fc.integer({ min: 1, max: 60 }), unit: countedUnit, cutoff: fc.constant('15:00') }),
  fc.record({ value: fc.constant(0), unit: fc.constantFrom('same-day' as const, 'immediate' as const) }),
);
const options: fc.Arbitrary<DueDateOptions> = fc.record({
  calendar: fc.constant(calendar),
  receipt: fc.constantFrom('next-session' as const, 'as-recorded' as const),
  timeOfDay: fc.constantFrom('end-of-day' as const, 'same-time' as const),
});

const ms = (iso: string) => parseOffsetDateTime(iso) as number;
const wallMinute = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));

describe('due date invariants', () => {
  it('the due date is never before the deemed receipt, which is never before the receipt minute', () => {
    fc.assert(
      fc.property(receivedAt, limit, options, (r, l, o) => {
        const result = dueDate({ receivedAt: r, limit: l }, o);
        expect(ms(result.dueAt)).to.be.at.least(ms(result.deemedReceivedAt));
        expect(ms(result.deemedReceivedAt)).to.be.at.least(Math.floor(ms(r) / 60_000) * 60_000);
      }),
    );
  });

  it('every result is written in Vietnam time, to the minute', () => {
    fc.assert(
      fc.property(receivedAt, limit, options, (r, l, o) => {
        const result = dueDate({ receivedAt: r, limit: l }, o);
        expect(result.dueAt).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/);
        expect(result.deemedReceivedAt).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/);
      }),
    );
  });

  it('a due date falls inside office hours on a working day (calendar days aside)', () => {
    fc.assert(
      fc.property(receivedAt, limit, options, (r, l, o) => {
        fc.pre(l.unit !== 'days');
        const { dueAt } = dueDate({ receivedAt: r, limit: l }, o);
        expect(calendar.isWorkingDay(dueAt.slice(0, 10))).to.equal(true);
        const m = wallMinute(dueAt);
        expect((m >= 450 && m <= 690) || (m >= 810 && m <= 1020), dueAt).to.equal(true);
      }),
    );
  });

  it('a calendar-day period ends on a working day, on or after the n-th day after receipt', () => {
    fc.assert(
      fc.property(receivedAt, fc.integer({ min: 1, max: 60 }), (r, value) => {
        const result = dueDate({ receivedAt: r, limit: { value, unit: 'days' } }, { calendar, receipt: 'as-recorded' });
        const nth = addDays(result.deemedReceivedAt.slice(0, 10), value);
        const end = result.dueAt.slice(0, 10);
        expect(end >= nth).to.equal(true);
        expect(calendar.isWorkingDay(end)).to.equal(true);
        // Every day between the n-th day and the end is a day off.
        for (let d = nth; d < end; d = addDays(d, 1)) expect(calendar.isWorkingDay(d)).to.equal(false);
      }),
    );
  });

  it('the due date is monotonic in the limit value', () => {
    fc.assert(
      fc.property(
        receivedAt,
        countedUnit,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        options,
        (r, unit, a, b, o) => {
          const lo = dueDate({ receivedAt: r, limit: { value: Math.min(a, b), unit } }, o);
          const hi = dueDate({ receivedAt: r, limit: { value: Math.max(a, b), unit } }, o);
          expect(ms(hi.dueAt)).to.be.at.least(ms(lo.dueAt));
        },
      ),
    );
  });

  it('the due date is monotonic in the receipt time', () => {
    fc.assert(
      fc.property(receivedAt, fc.integer({ min: 0, max: 5000 }), limit, options, (r, later, l, o) => {
        const t = ms(r);
        const r2 = `${new Date(t + later * 60_000 + 7 * 3_600_000).toISOString().slice(0, 16)}:00+07:00`;
        const a = dueDate({ receivedAt: r, limit: l }, o);
        const b = dueDate({ receivedAt: r2, limit: l }, o);
        expect(ms(b.dueAt)).to.be.at.least(ms(a.dueAt));
      }),
    );
  });

  it('n working days agree with a day-by-day walk over the calendar (the receipt day not counted)', () => {
    fc.assert(
      fc.property(receivedAt, fc.integer({ min: 1, max: 40 }), (r, value) => {
        const result = dueDate({ receivedAt: r, limit: { value, unit: 'working-days' } }, { calendar });
        let day = result.deemedReceivedAt.slice(0, 10);
        for (let k = 0; k < value; ) {
          day = addDays(day, 1);
          if (calendar.isWorkingDay(day)) k++;
        }
        expect(result.dueAt).to.equal(`${day}T17:00:00+07:00`);
      }),
    );
  });

  it('working hours add exactly that much office time (counted minute by minute)', () => {
    fc.assert(
      fc.property(receivedAt, fc.integer({ min: 1, max: 20 }), (r, value) => {
        const result = dueDate({ receivedAt: r, limit: { value, unit: 'working-hours' } }, { calendar });
        let day = result.deemedReceivedAt.slice(0, 10);
        let minute = wallMinute(result.deemedReceivedAt);
        let left = value * 60;
        const open = (m: number) => (m >= 450 && m < 690) || (m >= 810 && m < 1020);
        while (left > 0) {
          if (calendar.isWorkingDay(day) && open(minute)) left--;
          minute++;
          if (minute === 1440) {
            minute = 0;
            day = addDays(day, 1);
          }
        }
        const end = `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+07:00`;
        // The walk stops one minute past the last working minute: at a session's close.
        expect(result.dueAt).to.equal(end);
      }),
      { numRuns: 60 },
    );
  });

  it('the same instant written in different offsets gives the same due date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last }),
        fc.integer({ min: 0, max: 1439 }),
        limit,
        options,
        (day, minute, l, o) => {
          const utc = new Date((day * 1440 + minute - 420) * 60_000).toISOString();
          const vn = `${fromEpochDay(day)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+07:00`;
          expect(dueDate({ receivedAt: utc, limit: l }, o)).to.deep.equal(dueDate({ receivedAt: vn, limit: l }, o));
          expect(dueDate({ receivedAt: new Date(utc), limit: l }, o)).to.deep.equal(
            dueDate({ receivedAt: vn, limit: l }, o),
          );
        },
      ),
    );
  });
});
