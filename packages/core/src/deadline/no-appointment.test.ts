import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from '../calendar/civil-date.js';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { MotcuaError } from '../text/problem.js';
import { dossierClock } from './dossier-clock.js';
import { type DueDateOptions, dueDate } from './due-date.js';
import { parseOffsetDateTime } from './instant.js';
import { noAppointmentNote } from './no-appointment-note.js';
import { receiptSlip } from './receipt-slip.js';

const calendar = vietnamCalendar();
// "Thứ Hai – ngày không giấy hẹn" (phường Thụy Khuê): listed procedures are resolved on Mondays.
const mondays: DueDateOptions = { calendar, noAppointment: { weekdays: [1], procedures: ['2.000908', '1.001193'] } };
const three = { value: 3, unit: 'working-days' } as const;

describe('the no-appointment day', () => {
  it('a listed procedure received on the day is resolved within it', () => {
    expect(
      dueDate({ receivedAt: '2026-03-09T10:00:00+07:00', limit: three, procedure: '2.000908' }, mondays).dueAt,
    ).to.equal('2026-03-09T17:00:00+07:00');
  });

  it('other days and other procedures keep their own limit', () => {
    // Tuesday 10/3 → Friday 13/3; an unlisted procedure on Monday → Thursday 12/3.
    expect(
      dueDate({ receivedAt: '2026-03-10T10:00:00+07:00', limit: three, procedure: '2.000908' }, mondays).dueAt,
    ).to.equal('2026-03-13T17:00:00+07:00');
    expect(
      dueDate({ receivedAt: '2026-03-09T10:00:00+07:00', limit: three, procedure: '9.999999' }, mondays).dueAt,
    ).to.equal('2026-03-12T17:00:00+07:00');
    expect(dueDate({ receivedAt: '2026-03-09T10:00:00+07:00', limit: three }, mondays).dueAt).to.equal(
      '2026-03-12T17:00:00+07:00',
    );
  });

  it('the same-day rule keeps its 15:00 cutoff, and a day of its own limit can be chosen', () => {
    expect(
      dueDate({ receivedAt: '2026-03-09T16:00:00+07:00', limit: three, procedure: '2.000908' }, mondays).dueAt,
    ).to.equal('2026-03-10T17:00:00+07:00');
    // "Ngày thứ tư không hẹn" (xã Cẩm Thanh) with results at once: "ngay" is due by the day's close.
    const wednesdays: DueDateOptions = {
      calendar,
      noAppointment: { weekdays: [3], procedures: ['2.000908'], limit: { value: 0, unit: 'immediate' } },
    };
    expect(
      dueDate({ receivedAt: '2026-03-11T09:20:00+07:00', limit: three, procedure: '2.000908' }, wednesdays).dueAt,
    ).to.equal('2026-03-11T17:00:00+07:00');
  });

  it('the day’s own limit keeps its own cutoff', () => {
    const early: DueDateOptions = {
      calendar,
      noAppointment: {
        weekdays: [1],
        procedures: ['2.000908'],
        limit: { value: 0, unit: 'same-day', cutoff: '14:10' },
      },
    };
    // Monday 14:20 is after 14:10: the next working day.
    expect(
      dueDate({ receivedAt: '2026-03-09T14:20:00+07:00', limit: three, procedure: '2.000908' }, early).dueAt,
    ).to.equal('2026-03-10T17:00:00+07:00');
    expect(
      dueDate({ receivedAt: '2026-03-09T14:00:00+07:00', limit: three, procedure: '2.000908' }, early).dueAt,
    ).to.equal('2026-03-09T17:00:00+07:00');
  });

  it('the dossier clock follows it', () => {
    const clock = dossierClock(
      { receivedAt: '2026-03-09T10:00:00+07:00', limit: three, procedure: '1.001193' },
      mondays,
    );
    expect(clock.originalDueAt).to.equal('2026-03-09T17:00:00+07:00');
  });

  it('never makes a due date later', () => {
    const first = toEpochDay('2025-01-01');
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: first + 700 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 20 }),
        (d, m, value) => {
          const receivedAt = `${fromEpochDay(d)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+07:00`;
          const limit = { value, unit: 'working-days' as const };
          const plain = dueDate({ receivedAt, limit, procedure: '2.000908' }, { calendar });
          const rule = dueDate(
            { receivedAt, limit, procedure: '2.000908' },
            { calendar, noAppointment: { weekdays: [1, 3], procedures: ['2.000908'] } },
          );
          expect(parseOffsetDateTime(rule.dueAt) as number).to.be.at.most(parseOffsetDateTime(plain.dueAt) as number);
        },
      ),
    );
  });

  it('bad settings are reported under noAppointment', () => {
    try {
      dueDate(
        { receivedAt: '2026-03-09T10:00:00+07:00', limit: three },
        { calendar, noAppointment: { weekdays: [8], procedures: [1], limit: { value: 2, unit: 'same-day' } } as never },
      );
      expect.fail('expected a MotcuaError');
    } catch (error) {
      expect(error).to.be.instanceOf(MotcuaError);
      expect((error as MotcuaError).problems.map((p) => p.path.join('.'))).to.deep.equal([
        'noAppointment.weekdays',
        'noAppointment.procedures',
        'noAppointment.limit.value',
      ]);
    }
  });
});

describe('the no-appointment day from a start date', () => {
  const marriageStatus = '1.004873'; // Cấp Giấy xác nhận tình trạng hôn nhân, 3 working days
  it('Cẩm Thanh: "Ngày thứ tư không hẹn", official from June 2022 after a pilot on 18 and 25 May', () => {
    const camThanh: DueDateOptions = {
      calendar,
      noAppointment: { weekdays: [3], procedures: [marriageStatus], from: '2022-06-01' },
    };
    // Wednesday 1/6/2022, the first official day: within the day.
    expect(
      dueDate({ receivedAt: '2022-06-01T09:00:00+07:00', limit: three, procedure: marriageStatus }, camThanh).dueAt,
    ).to.equal('2022-06-01T17:00:00+07:00');
    // Wednesday 25/5/2022, before the start date: three working days (Thursday, Friday, Monday).
    expect(
      dueDate({ receivedAt: '2022-05-25T09:00:00+07:00', limit: three, procedure: marriageStatus }, camThanh).dueAt,
    ).to.equal('2022-05-30T17:00:00+07:00');
  });

  it('Thụy Khuê: "Thứ Hai – ngày không giấy hẹn" from 1/9/2022', () => {
    const thuyKhue: DueDateOptions = {
      calendar,
      noAppointment: { weekdays: [1], procedures: [marriageStatus], from: '2022-09-01' },
    };
    // Monday 5/9/2022: within the day.
    expect(
      dueDate({ receivedAt: '2022-09-05T08:30:00+07:00', limit: three, procedure: marriageStatus }, thuyKhue).dueAt,
    ).to.equal('2022-09-05T17:00:00+07:00');
    // Monday 29/8/2022, before: 30/8, 31/8, then 1–2/9 are the National Day days off, so Monday 5/9.
    expect(
      dueDate({ receivedAt: '2022-08-29T08:30:00+07:00', limit: three, procedure: marriageStatus }, thuyKhue).dueAt,
    ).to.equal('2022-09-05T17:00:00+07:00');
  });

  it('the receipt slip says why it is due that day: "Thứ Tư không hẹn: giải quyết ngay trong ngày"', () => {
    const camThanh: DueDateOptions = {
      calendar,
      noAppointment: { weekdays: [3], procedures: [marriageStatus], from: '2022-06-01' },
    };
    const slip = (receivedAt: string, procedureCode = marriageStatus) =>
      receiptSlip(
        {
          code: '000.00.00.H00-261209-0001',
          agency: 'UBND xã Cẩm Thanh',
          applicant: { name: 'Trần Thị Hoa' },
          procedure: 'Cấp Giấy xác nhận tình trạng hôn nhân',
          procedureCode,
          documents: [{ name: 'Tờ khai' }],
          receivedAt,
          limit: three,
        },
        camThanh,
      );
    // Wednesday 9/12/2026: due the same day, the limit printed with the day's note.
    const wednesday = slip('2026-12-09T09:00:00+07:00');
    expect(wednesday.dueAt).to.equal('2026-12-09T17:00:00+07:00');
    expect(wednesday.limitText).to.equal('3 ngày làm việc; Thứ Tư không hẹn: giải quyết ngay trong ngày');
    expect(wednesday.noAppointment).to.deep.include({
      weekday: 3,
      note: 'Thứ Tư không hẹn: giải quyết ngay trong ngày',
    });
    // Thursday, or another procedure on Wednesday: the procedure's own limit, no note.
    for (const other of [slip('2026-12-10T09:00:00+07:00'), slip('2026-12-09T09:00:00+07:00', '1.000894')]) {
      expect(other.limitText).to.equal('3 ngày làm việc');
      expect(other.noAppointment).to.equal(undefined);
    }
    expect(noAppointmentNote(1, { value: 0, unit: 'immediate' })).to.equal('Thứ Hai không hẹn: giải quyết ngay');
    expect(noAppointmentNote(1, { value: 1, unit: 'working-days' })).to.equal(
      'Thứ Hai không hẹn: thời hạn 1 ngày làm việc',
    );
    // In English, for the procedure list on an English page.
    expect(noAppointmentNote(3, { value: 0, unit: 'same-day' }, 'en')).to.equal(
      'Wednesday, no appointment: resolved the same day',
    );
    expect(noAppointmentNote(0, { value: 0, unit: 'immediate' }, 'en')).to.equal(
      'Sunday, no appointment: resolved at once',
    );
    expect(noAppointmentNote(1, { value: 1, unit: 'working-days' }, 'en')).to.equal(
      'Monday, no appointment: time limit 1 working day',
    );
  });

  it('a slip carries the note exactly when the day binds its due date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toEpochDay('2026-01-05'), max: toEpochDay('2026-12-28') }),
        fc.integer({ min: 7 * 60, max: 18 * 60 }),
        fc.integer({ min: 0, max: 6 }),
        (day, minute, weekday) => {
          const options: DueDateOptions = {
            calendar,
            noAppointment: { weekdays: [weekday], procedures: [marriageStatus] },
          };
          const receivedAt = `${fromEpochDay(day)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+07:00`;
          const input = {
            code: `000.00.00.H00-${fromEpochDay(day).slice(2).replaceAll('-', '')}-0001`,
            agency: 'UBND xã',
            applicant: { name: 'A' },
            procedure: 'P',
            procedureCode: marriageStatus,
            documents: [{ name: 'Tờ khai' }],
            receivedAt,
            limit: three,
          };
          const printed = receiptSlip(input, options);
          const own = receiptSlip(input, { calendar });
          expect(printed.noAppointment !== undefined).to.equal(printed.dueAt !== own.dueAt);
          expect(printed.limitText.startsWith(own.limitText)).to.equal(true);
        },
      ),
    );
  });

  it('a start date that is not a date is reported under noAppointment.from', () => {
    expect(() =>
      dueDate(
        { receivedAt: '2026-03-09T10:00:00+07:00', limit: three, procedure: '2.000908' },
        { calendar, noAppointment: { weekdays: [1], procedures: ['2.000908'], from: '2026-02-30' } },
      ),
    )
      .to.throw(MotcuaError)
      .with.property('problems')
      .that.satisfies((ps: { path: unknown[] }[]) => ps.some((p) => p.path.join('.') === 'noAppointment.from'));
  });

  it('before its start date the rule changes nothing; from it on, the same as without a start date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toEpochDay('2022-01-01'), max: toEpochDay('2027-12-31') }),
        fc.integer({ min: toEpochDay('2022-01-01'), max: toEpochDay('2027-12-31') }),
        fc.integer({ min: 7 * 60, max: 16 * 60 }),
        (day, start, minute) => {
          const at = `${fromEpochDay(day)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+07:00`;
          const input = { receivedAt: at, limit: three, procedure: '2.000908' };
          const rule = { weekdays: [1, 3], procedures: ['2.000908'] };
          const dated = dueDate(input, { calendar, noAppointment: { ...rule, from: fromEpochDay(start) } });
          const deemedDay = toEpochDay(dated.deemedReceivedAt.slice(0, 10));
          const expected = dueDate(input, deemedDay < start ? { calendar } : { calendar, noAppointment: rule });
          expect(dated).to.deep.equal(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
