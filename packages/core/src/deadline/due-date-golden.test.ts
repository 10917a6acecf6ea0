import { describe, it } from 'node:test';
import { expect } from 'chai';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { type DueDateOptions, dueDate } from './due-date.js';
import type { TimeLimit } from './time-limit.js';

const calendar = vietnamCalendar();
const standard: DueDateOptions = { calendar };
const asRecorded: DueDateOptions = { calendar, receipt: 'as-recorded' };
const sameTime: DueDateOptions = { calendar, timeOfDay: 'same-time' };

const chungThuc: TimeLimit = { value: 0, unit: 'same-day', cutoff: '15:00' };
const khaiSinh: TimeLimit = { value: 0, unit: 'immediate', cutoff: '15:00' };
const lienThong: TimeLimit = { value: 3, unit: 'working-days', cutoff: '15:00' };
const three: TimeLimit = { value: 3, unit: 'working-days' };
const five: TimeLimit = { value: 5, unit: 'working-days' };

function due(receivedAt: string, limit: TimeLimit, options: DueDateOptions = standard) {
  return dueDate({ receivedAt, limit }, options);
}

describe('due dates of the "received after 15:00" rules', () => {
  it('chứng thực received at 14:30 is returned the same day, by closing time', () => {
    expect(due('2026-03-10T14:30:00+07:00', chungThuc)).to.deep.equal({
      deemedReceivedAt: '2026-03-10T14:30:00+07:00',
      dueAt: '2026-03-10T17:00:00+07:00',
      afterCutoff: false,
    });
  });

  it('chứng thực received at 15:30 is returned the next working day (Decree 23/2015 art. 7)', () => {
    expect(due('2026-03-10T15:30:00+07:00', chungThuc)).to.deep.equal({
      deemedReceivedAt: '2026-03-11T07:30:00+07:00',
      dueAt: '2026-03-11T17:00:00+07:00',
      afterCutoff: true,
    });
  });

  it('a same-day limit without a cutoff still applies 15:00, and 15:00 itself is not "after"', () => {
    expect(due('2026-03-10T15:00:00+07:00', { value: 0, unit: 'same-day' }).dueAt).to.equal(
      '2026-03-10T17:00:00+07:00',
    );
    expect(due('2026-03-10T15:01:00+07:00', { value: 0, unit: 'same-day' }).dueAt).to.equal(
      '2026-03-11T17:00:00+07:00',
    );
  });

  it('chứng thực received at 15:30 on the Friday before Tết 2026 is due the first working day after Tết', () => {
    expect(due('2026-02-13T15:30:00+07:00', chungThuc).dueAt).to.equal('2026-02-23T17:00:00+07:00');
  });

  it('khai sinh before 15:00 is due by that day’s close; after 15:00 within the next working day (Luật Hộ tịch art. 5(3))', () => {
    expect(due('2026-03-13T14:00:00+07:00', khaiSinh).dueAt).to.equal('2026-03-13T17:00:00+07:00');
    // Friday 16:10 → Monday.
    expect(due('2026-03-13T16:10:00+07:00', khaiSinh)).to.deep.equal({
      deemedReceivedAt: '2026-03-16T07:30:00+07:00',
      dueAt: '2026-03-16T17:00:00+07:00',
      afterCutoff: true,
    });
  });

  it('liên thông khai sinh (3 working days) received after 15:00 counts from the next working day (Decree 63/2024 art. 7(2))', () => {
    // Monday 9/3/2026 at 10:00 → Thursday 12/3; at 15:30 → Friday 13/3.
    expect(due('2026-03-09T10:00:00+07:00', lienThong).dueAt).to.equal('2026-03-12T17:00:00+07:00');
    expect(due('2026-03-09T15:30:00+07:00', lienThong).dueAt).to.equal('2026-03-13T17:00:00+07:00');
  });
});

describe('due dates across Tết and the swapped days', () => {
  it('3 and 5 working days from Friday 13/2/2026 skip Tết (16–20/2) and the weekends', () => {
    expect(due('2026-02-13T10:00:00+07:00', three)).to.deep.equal({
      deemedReceivedAt: '2026-02-13T10:00:00+07:00',
      dueAt: '2026-02-25T17:00:00+07:00',
      afterCutoff: false,
    });
    expect(due('2026-02-13T10:00:00+07:00', five).dueAt).to.equal('2026-02-27T17:00:00+07:00');
  });

  it('5 working days from Thursday 23/1/2025 skip Tết 2025 (27–31/1)', () => {
    // Fri 24/1, then 3, 4, 5, 6/2.
    expect(due('2025-01-23T09:00:00+07:00', five).dueAt).to.equal('2025-02-06T17:00:00+07:00');
  });

  it('the 2025 make-up Saturday 26/4 counts as a working day, unless switched off', () => {
    // Thursday 24/4: Fri 25, Sat 26 (make-up), Mon 28.
    expect(due('2025-04-24T10:00:00+07:00', three).dueAt).to.equal('2025-04-28T17:00:00+07:00');
    expect(due('2025-04-24T10:00:00+07:00', three, { calendar, makeUpSaturdays: false }).dueAt).to.equal(
      '2025-04-29T17:00:00+07:00',
    );
    // Tuesday 29/4: 30/4, 1/5, bridge 2/5 and the weekend are off → 5, 6, 7/5.
    expect(due('2025-04-29T10:00:00+07:00', three).dueAt).to.equal('2025-05-07T17:00:00+07:00');
  });

  it('the 2026 swaps: bridge day 2/1 is off, make-up Saturday 10/1 works; bridge 31/8 before National Day', () => {
    // Wednesday 31/12/2025: 1/1 and 2/1 off → 5, 6, 7/1.
    expect(due('2025-12-31T10:00:00+07:00', three).dueAt).to.equal('2026-01-07T17:00:00+07:00');
    // Thursday 8/1/2026: Fri 9, Sat 10 (make-up), Mon 12.
    expect(due('2026-01-08T10:00:00+07:00', three).dueAt).to.equal('2026-01-12T17:00:00+07:00');
    // Friday 28/8/2026: 31/8 bridge, 1–2/9 off → 3, 4, 7/9.
    expect(due('2026-08-28T10:00:00+07:00', three).dueAt).to.equal('2026-09-07T17:00:00+07:00');
    // A dossier received on the make-up Saturday itself is received on a working day.
    expect(due('2026-08-22T09:00:00+07:00', three)).to.deep.equal({
      deemedReceivedAt: '2026-08-22T09:00:00+07:00',
      dueAt: '2026-08-26T17:00:00+07:00',
      afterCutoff: false,
    });
  });

  it('calendar days ending on 30/4 end on the next working day (Civil Code art. 148(5))', () => {
    // 2026: 20/4 + 10 days = 30/4; 1/5 off, weekend → Monday 4/5.
    expect(due('2026-04-20T10:00:00+07:00', { value: 10, unit: 'days' }).dueAt).to.equal('2026-05-04T17:00:00+07:00');
    // 2025: 18/4 + 12 days = 30/4; 1/5, bridge 2/5 and the weekend → Monday 5/5.
    expect(due('2025-04-18T10:00:00+07:00', { value: 12, unit: 'days' }).dueAt).to.equal('2025-05-05T17:00:00+07:00');
    // Not treating the bridge day as a day off ends the period on Friday 2/5.
    expect(
      due('2025-04-18T10:00:00+07:00', { value: 12, unit: 'days' }, { calendar, bridgeDaysOff: false }).dueAt,
    ).to.equal('2025-05-02T17:00:00+07:00');
    // A period ending on a working day ends that day.
    expect(due('2026-04-20T10:00:00+07:00', { value: 8, unit: 'days' }).dueAt).to.equal('2026-04-28T17:00:00+07:00');
  });
});

describe('online filings outside office hours, under both receipt settings', () => {
  it('a Sunday-night filing counts from Monday 07:30, or from Sunday itself as recorded', () => {
    // Sunday 8/3/2026 21:00, 3 working days.
    expect(due('2026-03-08T21:00:00+07:00', three)).to.deep.equal({
      deemedReceivedAt: '2026-03-09T07:30:00+07:00',
      dueAt: '2026-03-12T17:00:00+07:00',
      afterCutoff: false,
    });
    expect(due('2026-03-08T21:00:00+07:00', three, asRecorded)).to.deep.equal({
      deemedReceivedAt: '2026-03-08T21:00:00+07:00',
      dueAt: '2026-03-11T17:00:00+07:00',
      afterCutoff: false,
    });
  });

  it('a filing at 22:00 on a weekday counts from the next morning, or from that evening as recorded', () => {
    // Monday 9/3/2026 22:00.
    expect(due('2026-03-09T22:00:00+07:00', three)).to.deep.equal({
      deemedReceivedAt: '2026-03-10T07:30:00+07:00',
      dueAt: '2026-03-13T17:00:00+07:00',
      afterCutoff: false,
    });
    expect(due('2026-03-09T22:00:00+07:00', three, asRecorded).dueAt).to.equal('2026-03-12T17:00:00+07:00');
    // A same-day procedure filed at 22:00: the next day either way (after the cutoff when as recorded).
    expect(due('2026-03-09T22:00:00+07:00', chungThuc).dueAt).to.equal('2026-03-10T17:00:00+07:00');
    expect(due('2026-03-09T22:00:00+07:00', chungThuc, asRecorded)).to.deep.equal({
      deemedReceivedAt: '2026-03-10T07:30:00+07:00',
      dueAt: '2026-03-10T17:00:00+07:00',
      afterCutoff: true,
    });
  });

  it('a filing in the lunch break is deemed received when the afternoon session opens', () => {
    expect(due('2026-03-09T12:10:00+07:00', three).deemedReceivedAt).to.equal('2026-03-09T13:30:00+07:00');
  });

  it('receipt times in other offsets are read in Vietnam time', () => {
    // 03:00Z = 10:00 in Hà Nội; 23:00 on 12/2 in Los Angeles (−08:00) = 14:00 on 13/2 in Hà Nội.
    expect(due('2026-02-13T03:00:00Z', three).deemedReceivedAt).to.equal('2026-02-13T10:00:00+07:00');
    expect(due('2026-02-12T23:00:00-08:00', three).deemedReceivedAt).to.equal('2026-02-13T14:00:00+07:00');
  });
});

describe('working hours and the time-of-day convention', () => {
  it('8 working hours from Monday 16:00 end Tuesday 16:30 (1 h + 4 h + 3 h)', () => {
    expect(due('2026-03-09T16:00:00+07:00', { value: 8, unit: 'working-hours' }).dueAt).to.equal(
      '2026-03-10T16:30:00+07:00',
    );
  });

  it('4 working hours from 07:30 end at the close of the morning session, not after lunch', () => {
    expect(due('2026-03-09T07:30:00+07:00', { value: 4, unit: 'working-hours' }).dueAt).to.equal(
      '2026-03-09T11:30:00+07:00',
    );
  });

  it('working hours skip Tết', () => {
    // Friday 13/2/2026 16:00 + 2 h: 1 h on Friday, 1 h on Monday 23/2.
    expect(due('2026-02-13T16:00:00+07:00', { value: 2, unit: 'working-hours' }).dueAt).to.equal(
      '2026-02-23T08:30:00+07:00',
    );
  });

  it('with "same-time", a due date in days keeps the time of day of the receipt', () => {
    expect(due('2026-02-13T10:00:00+07:00', three, sameTime).dueAt).to.equal('2026-02-25T10:00:00+07:00');
    // Received at the afternoon opening: due at the same point, the end of the morning session being earlier.
    expect(due('2026-03-09T13:30:00+07:00', three, sameTime).dueAt).to.equal('2026-03-12T11:30:00+07:00');
  });

  it('office hours are per agency', () => {
    const hours = {
      sessions: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:30' },
      ],
    };
    expect(due('2026-03-09T07:45:00+07:00', three, { calendar, officeHours: hours })).to.deep.equal({
      deemedReceivedAt: '2026-03-09T08:00:00+07:00',
      dueAt: '2026-03-12T17:30:00+07:00',
      afterCutoff: false,
    });
  });

  it('a commune Saturday-morning session added through an overlay is a short working day', () => {
    const commune = vietnamCalendar({
      overlays: [
        {
          name: 'UBND xã Ví Dụ',
          localDays: [
            { date: '2026-03-14', working: true, name: { vi: 'Tiếp nhận sáng thứ Bảy', en: 'Saturday morning' } },
          ],
        },
      ],
    });
    const options: DueDateOptions = {
      calendar: commune,
      officeHours: {
        sessions: [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
        weekendSessions: [{ start: '07:30', end: '11:30' }],
      },
    };
    expect(due('2026-03-14T09:00:00+07:00', { value: 0, unit: 'same-day' }, options).dueAt).to.equal(
      '2026-03-14T11:30:00+07:00',
    );
    // Saturday 14:00 is outside the session: deemed received on Monday.
    expect(due('2026-03-14T14:00:00+07:00', three, options).deemedReceivedAt).to.equal('2026-03-16T07:30:00+07:00');
    // Friday 13/3 + 2 working days: the Saturday counts.
    expect(due('2026-03-13T10:00:00+07:00', { value: 2, unit: 'working-days' }, options).dueAt).to.equal(
      '2026-03-16T17:00:00+07:00',
    );
  });
});
