import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from '../calendar/civil-date.js';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { MotcuaError } from '../text/problem.js';
import { classifyDossier } from './classify.js';
import type { DossierEvent } from './dossier-clock.js';
import { dueDate } from './due-date.js';
import { formatRemaining } from './format-remaining.js';
import { parseOffsetDateTime } from './instant.js';

const calendar = vietnamCalendar();
const five = { value: 5, unit: 'working-days' } as const;
const received = '2026-03-09T10:00:00+07:00'; // due Monday 16/3/2026 17:00

const finished = (at: string, events: DossierEvent[] = []) =>
  classifyDossier({ receivedAt: received, limit: five, events: [...events, { type: 'resolved', at }] }, { calendar })
    .timeliness;

describe('classification of finished dossiers', () => {
  it('early before the due day, on time up to the due time, late after it', () => {
    expect(finished('2026-03-13T16:00:00+07:00')).to.equal('early');
    expect(finished('2026-03-16T08:00:00+07:00')).to.equal('on-time');
    expect(finished('2026-03-16T17:00:00+07:00')).to.equal('on-time');
    expect(finished('2026-03-16T17:01:00+07:00')).to.equal('late');
  });

  it('the end is taken from resolved before returned (Decision 766)', () => {
    const timeliness = classifyDossier(
      {
        receivedAt: received,
        limit: five,
        events: [
          { type: 'resolved', at: '2026-03-16T09:00:00+07:00' },
          { type: 'returned', at: '2026-03-18T09:00:00+07:00' },
        ],
      },
      { calendar },
    ).timeliness;
    expect(timeliness).to.equal('on-time');
  });

  it('a paused dossier finished after the original due date is on time', () => {
    const pause: DossierEvent[] = [
      { type: 'supplement-requested', at: '2026-03-10T10:00:00+07:00' },
      { type: 'supplement-completed', at: '2026-03-12T10:00:00+07:00' },
    ];
    expect(finished('2026-03-18T16:00:00+07:00', pause)).to.equal('on-time');
    expect(finished('2026-03-19T08:00:00+07:00', pause)).to.equal('late');
  });

  it('a second supplement request makes even an early result late', () => {
    const twice: DossierEvent[] = [
      { type: 'supplement-requested', at: '2026-03-10T10:00:00+07:00' },
      { type: 'supplement-completed', at: '2026-03-10T11:00:00+07:00' },
      { type: 'supplement-requested', at: '2026-03-10T14:00:00+07:00' },
      { type: 'supplement-completed', at: '2026-03-10T15:00:00+07:00' },
    ];
    expect(finished('2026-03-11T09:00:00+07:00', twice)).to.equal('late');
  });

  it('an extended dossier is late against the statutory date, unless measured against the extension', () => {
    const dossier = {
      receivedAt: received,
      limit: five,
      events: [
        { type: 'extended', at: '2026-03-13T10:00:00+07:00', dueAt: '2026-03-20T17:00:00+07:00', reason: 'Xác minh' },
        { type: 'resolved', at: '2026-03-20T10:00:00+07:00' },
      ] as DossierEvent[],
    };
    expect(classifyDossier(dossier, { calendar }).timeliness).to.equal('late');
    expect(classifyDossier(dossier, { calendar, measureAgainst: 'extended' }).timeliness).to.equal('on-time');
  });

  it('a withdrawn dossier is not classified', () => {
    expect(
      classifyDossier(
        { receivedAt: received, limit: five, events: [{ type: 'withdrawn', at: '2026-03-10T10:00:00+07:00' }] },
        { calendar },
      ).timeliness,
    ).to.equal('withdrawn');
  });
});

describe('classification of open dossiers', () => {
  it('in time with the working time left, then overdue', () => {
    expect(
      classifyDossier({ receivedAt: received, limit: five }, { calendar, now: '2026-03-13T15:00:00+07:00' }),
    ).to.deep.equal({
      timeliness: 'in-time',
      dueAt: '2026-03-16T17:00:00+07:00',
      remainingMinutes: 570,
      measuredAt: '2026-03-13T15:00:00+07:00',
      dayMinutes: 450,
    });
    const late = classifyDossier({ receivedAt: received, limit: five }, { calendar, now: '2026-03-17T09:15:00+07:00' });
    expect(late.timeliness).to.equal('overdue');
    expect(late.remainingMinutes).to.equal(-105);
    expect(formatRemaining(late.remainingMinutes)).to.equal('quá hạn 1 giờ 45 phút');
  });

  it('a dossier waiting on the applicant is measured at the request', () => {
    const result = classifyDossier(
      {
        receivedAt: received,
        limit: five,
        events: [{ type: 'supplement-requested', at: '2026-03-11T09:00:00+07:00' }],
      },
      { calendar, now: '2026-04-30T09:00:00+07:00' },
    );
    expect(result).to.deep.equal({
      timeliness: 'in-time',
      dueAt: '2026-03-16T17:00:00+07:00',
      remainingMinutes: 150 + 210 + 3 * 450,
      measuredAt: '2026-03-11T09:00:00+07:00',
      dayMinutes: 450,
    });
  });

  it('an open dossier needs now', () => {
    try {
      classifyDossier({ receivedAt: received, limit: five }, { calendar });
      expect.fail('expected a MotcuaError');
    } catch (error) {
      expect(error).to.be.instanceOf(MotcuaError);
      expect((error as MotcuaError).problems[0]?.code).to.equal('missing-now');
    }
  });

  it('reports the length of the agency’s working day for the words', () => {
    const officeHours = {
      sessions: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    };
    const result = classifyDossier(
      { receivedAt: received, limit: five },
      { calendar, officeHours, now: '2026-03-13T15:00:00+07:00' },
    );
    expect(result.dayMinutes).to.equal(480);
    // Friday 15:00 to Monday 17:00: 2 h + 8 h.
    expect(formatRemaining(result.remainingMinutes, 'vi', result.dayMinutes)).to.equal('còn 1 ngày 2 giờ');
  });

  it('now may be epoch milliseconds or a Date', () => {
    const ms = parseOffsetDateTime('2026-03-13T15:00:00+07:00') as number;
    expect(classifyDossier({ receivedAt: received, limit: five }, { calendar, now: ms }).remainingMinutes).to.equal(
      570,
    );
    expect(
      classifyDossier({ receivedAt: received, limit: five }, { calendar, now: new Date(ms) }).remainingMinutes,
    ).to.equal(570);
  });
});

describe('remaining working time in words', () => {
  it('writes days, hours and minutes in Vietnamese and English', () => {
    expect(formatRemaining(570)).to.equal('còn 1 ngày 2 giờ');
    expect(formatRemaining(570, 'en')).to.equal('1 day 2 hours left');
    expect(formatRemaining(-45, 'en')).to.equal('45 minutes overdue');
    expect(formatRemaining(-(2 * 450 + 61))).to.equal('quá hạn 2 ngày 1 giờ 1 phút');
    expect(formatRemaining(0)).to.equal('còn 0 phút');
    expect(formatRemaining(480, 'en', 480)).to.equal('1 day left');
  });
});

describe('classification invariants', () => {
  const first = toEpochDay('2025-01-01');
  const iso = (local: number) => {
    const day = Math.floor(local / 1440);
    const m = local - day * 1440;
    return `${fromEpochDay(day)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+07:00`;
  };

  it('a finished dossier is late exactly when it ends after its due date; an open one overdue exactly when now is past it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: first * 1440, max: (first + 700) * 1440 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 40 * 1440 }),
        fc.boolean(),
        (r, value, after, done) => {
          const receivedAt = iso(r);
          const limit = { value, unit: 'working-days' as const };
          const { dueAt } = dueDate({ receivedAt, limit }, { calendar });
          const end = iso(r + after);
          const result = done
            ? classifyDossier({ receivedAt, limit, events: [{ type: 'resolved', at: end }] }, { calendar })
            : classifyDossier({ receivedAt, limit }, { calendar, now: end });
          const past = (parseOffsetDateTime(end) as number) > (parseOffsetDateTime(dueAt) as number);
          if (done) expect(result.timeliness === 'late').to.equal(past);
          else expect(result.timeliness === 'overdue').to.equal(past);
          // Working time left is never positive past the due date, never negative before it.
          if (past) expect(result.remainingMinutes).to.be.at.most(0);
          else expect(result.remainingMinutes).to.be.at.least(0);
        },
      ),
    );
  });
});
