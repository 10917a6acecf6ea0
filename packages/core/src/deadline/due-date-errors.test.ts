import { describe, it } from 'node:test';
import { expect } from 'chai';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { MotcuaError } from '../text/problem.js';
import { type DueDateOptions, dueDate } from './due-date.js';
import type { TimeLimit } from './time-limit.js';

const calendar = vietnamCalendar();

function problemsOf(
  run: () => unknown,
): { path: readonly (string | number)[]; code: string; vi: string; en: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(MotcuaError);
    return (error as MotcuaError).problems.map((p) => ({
      path: p.path,
      code: p.code,
      vi: p.message.vi,
      en: p.message.en,
    }));
  }
  throw new Error('expected a MotcuaError');
}

const three: TimeLimit = { value: 3, unit: 'working-days' };

describe('due date input errors', () => {
  it('a receipt time without an offset is refused at receivedAt, in both languages', () => {
    const [p] = problemsOf(() => dueDate({ receivedAt: '2026-02-13T10:00:00', limit: three }, { calendar }));
    expect(p?.path).to.deep.equal(['receivedAt']);
    expect(p?.code).to.equal('invalid-date-time');
    expect(p?.vi).to.contain('múi giờ');
    expect(p?.en).to.contain('offset');
  });

  it('impossible dates and times are refused', () => {
    for (const bad of [
      '2026-02-30T10:00:00+07:00',
      '2026-02-13T24:00:00+07:00',
      '2026-02-13',
      'hôm nay',
      '2026-02-13T10:00:00+7',
    ]) {
      expect(problemsOf(() => dueDate({ receivedAt: bad, limit: three }, { calendar }))[0]?.code, bad).to.equal(
        'invalid-date-time',
      );
    }
    expect(
      problemsOf(() => dueDate({ receivedAt: new Date(Number.NaN), limit: three }, { calendar }))[0]?.code,
    ).to.equal('invalid-date-time');
  });

  it('an unknown unit or a negative value is reported at limit.unit / limit.value', () => {
    const problems = problemsOf(() =>
      dueDate(
        { receivedAt: '2026-02-13T10:00:00+07:00', limit: { value: -1, unit: 'weeks' } as unknown as TimeLimit },
        { calendar },
      ),
    );
    expect(problems.map((p) => [p.path.join('.'), p.code])).to.deep.equal([
      ['limit.value', 'invalid-time-limit-value'],
      ['limit.unit', 'unknown-time-limit-unit'],
    ]);
  });

  it('bad options are reported by name', () => {
    const options = {
      calendar,
      receipt: 'whenever',
      timeOfDay: 'noon',
      sameDayCutoff: '3pm',
    } as unknown as DueDateOptions;
    expect(
      problemsOf(() => dueDate({ receivedAt: '2026-02-13T10:00:00+07:00', limit: three }, options)).map(
        (p) => p.path[0],
      ),
    ).to.deep.equal(['receipt', 'timeOfDay', 'sameDayCutoff']);
    expect(
      problemsOf(() => dueDate({ receivedAt: '2026-02-13T10:00:00+07:00', limit: three }, {} as DueDateOptions))[0]
        ?.code,
    ).to.equal('missing-calendar');
  });

  it('bad office hours are reported at the session', () => {
    const officeHours = {
      sessions: [
        { start: '13:30', end: '17:00' },
        { start: '07:30', end: '11:30' },
        { start: '18:00', end: '17:00' },
      ],
    };
    const problems = problemsOf(() =>
      dueDate(
        { receivedAt: '2026-02-13T10:00:00+07:00', limit: three },
        { calendar: vietnamCalendar({ years: { first: 2026, last: 2026 } }), officeHours },
      ),
    );
    expect(problems.map((p) => [p.path.join('.'), p.code])).to.deep.equal([
      ['officeHours.sessions.1.start', 'sessions-overlap'],
      ['officeHours.sessions.2.end', 'session-ends-before-start'],
    ]);
  });

  it('a receipt or a due date outside the calendar years is a range error', () => {
    const small = vietnamCalendar({ years: { first: 2025, last: 2026 } });
    expect(
      problemsOf(() => dueDate({ receivedAt: '2024-06-03T10:00:00+07:00', limit: three }, { calendar: small }))[0]
        ?.code,
    ).to.equal('outside-calendar');
    expect(
      problemsOf(() =>
        dueDate(
          { receivedAt: '2026-12-30T10:00:00+07:00', limit: { value: 5, unit: 'working-days' } },
          { calendar: small },
        ),
      )[0]?.code,
    ).to.equal('outside-calendar');
  });
});
