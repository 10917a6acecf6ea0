import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { addDays, type CivilDate, dayOfWeek, fromEpochDay, toEpochDay } from './civil-date.js';
import { vietnamCalendar } from './vietnam-calendar.js';
import { CalendarRangeError } from './working-day-calendar.js';

const cal = vietnamCalendar();
const makeUp = new Set(
  Array.from({ length: 2100 - 1995 + 1 }, (_, i) => cal.holidays(1995 + i))
    .flat()
    .filter((d) => d.working)
    .map((d) => d.date),
);

const FIRST = toEpochDay('1995-01-01');
const LAST = toEpochDay('2100-12-31');
/** Dates at least a year from the ends of the calendar, so that ±400 working days stay inside. */
const date = fc.integer({ min: FIRST + 600, max: LAST - 600 }).map(fromEpochDay);
const count = fc.integer({ min: -400, max: 400 });

/** The obvious day-by-day walk, as an oracle. */
function walk(from: CivilDate, n: number): CivilDate {
  let d = from;
  if (n === 0) {
    while (!cal.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

describe('working-day arithmetic', () => {
  it('adds working days as the day-by-day walk does, the start day not counted (Civil Code art. 147)', () => {
    fc.assert(
      fc.property(date, count, (d, n) => cal.addWorkingDays(d, n) === walk(d, n)),
      { numRuns: 300 },
    );
  });

  it('counts working days as the day-by-day walk does', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -500, max: 500 }), (a, span) => {
        const b = addDays(a, span);
        let expected = 0;
        if (span >= 0) for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) expected += cal.isWorkingDay(d) ? 1 : 0;
        else for (let d = b; d < a; d = addDays(d, 1)) expected -= cal.isWorkingDay(d) ? 1 : 0;
        return cal.workingDaysBetween(a, b) === expected;
      }),
      { numRuns: 200 },
    );
  });

  it('is inverted by workingDaysBetween for every n ≠ 0', () => {
    fc.assert(
      fc.property(date, count, (d, n) => n === 0 || cal.workingDaysBetween(d, cal.addWorkingDays(d, n)) === n),
      { numRuns: 1000 },
    );
  });

  it('inverts workingDaysBetween: adding the count from a reaches b when b is a later working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 600 }), (a, span) => {
        const b = addDays(a, span);
        if (!cal.isWorkingDay(b)) return true;
        return cal.addWorkingDays(a, cal.workingDaysBetween(a, b)) === b;
      }),
      { numRuns: 1000 },
    );
  });

  it('always lands on a working day', () => {
    fc.assert(
      fc.property(date, count, (d, n) => cal.isWorkingDay(cal.addWorkingDays(d, n))),
      { numRuns: 1000 },
    );
  });

  it('is monotonic in n and in the start date', () => {
    fc.assert(
      fc.property(date, count, count, (d, n, m) => {
        const [lo, hi] = n <= m ? [n, m] : [m, n];
        return cal.addWorkingDays(d, lo) <= cal.addWorkingDays(d, hi);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 200 }), (d, gap, n) => {
        return cal.addWorkingDays(d, n) <= cal.addWorkingDays(addDays(d, gap), n);
      }),
      { numRuns: 500 },
    );
  });

  it('goes back and forth to the same working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 400 }), (d, n) => {
        const start = cal.addWorkingDays(d, 0);
        return cal.addWorkingDays(cal.addWorkingDays(start, n), -n) === start;
      }),
      { numRuns: 500 },
    );
  });

  it('never makes a weekend day a working day unless it is a listed make-up day', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }).map(fromEpochDay), (d) => {
        const weekend = dayOfWeek(d) === 0 || dayOfWeek(d) === 6;
        return !weekend || cal.isWorkingDay(d) === makeUp.has(d);
      }),
      { numRuns: 2000 },
    );
    for (const d of makeUp) expect(dayOfWeek(d) === 0 || dayOfWeek(d) === 6, d).to.equal(true);
  });

  it('has about 245–251 working days a year in 2015–2026', () => {
    for (let year = 2015; year <= 2026; year++) {
      const n = cal.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
      expect(n, String(year)).to.be.within(244, 252);
    }
  });

  it('defines the edge cases: n = 0, next and previous working days', () => {
    expect(cal.addWorkingDays('2026-02-13', 0)).to.equal('2026-02-13');
    expect(cal.addWorkingDays('2026-02-14', 0)).to.equal('2026-02-23');
    expect(cal.addWorkingDays('2026-02-23', -1)).to.equal('2026-02-13');
    expect(cal.addWorkingDays('2026-02-22', -1)).to.equal('2026-02-13');
    expect(cal.nextWorkingDay('2026-02-13')).to.equal('2026-02-23');
    expect(cal.previousWorkingDay('2026-02-23')).to.equal('2026-02-13');
    expect(cal.workingDaysBetween('2026-02-23', '2026-02-13')).to.equal(-1);
    expect(cal.workingDaysBetween('2025-04-25', '2025-05-05')).to.equal(4); // Sat 26/4 (make-up), 28/4, 29/4 and 5/5
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-02')).to.equal(0);
  });

  it('reads a Date as a civil date in Asia/Ho_Chi_Minh', () => {
    // 2026-01-09T17:30Z is 00:30 on Saturday 10/1 in Hà Nội: a make-up working day.
    expect(cal.isWorkingDay(new Date('2026-01-09T17:30:00Z'))).to.equal(true);
    expect(cal.isWorkingDay(new Date('2026-01-10T17:30:00Z'))).to.equal(false);
    expect(cal.addWorkingDays(new Date('2026-02-13T02:00:00Z'), 1)).to.equal('2026-02-23');
  });
});

describe('working-day calendar errors', () => {
  const codeOf = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (error) {
      if (error instanceof MotcuaError) return `${error.problems[0]?.code} ${JSON.stringify(error.problems[0]?.path)}`;
      throw error;
    }
    return undefined;
  };

  it('throws CalendarRangeError outside 1995–2100, for dates, years and results', () => {
    expect(() => cal.isWorkingDay('1994-12-31')).to.throw(CalendarRangeError, /1995–2100/);
    expect(() => cal.isWorkingDay('2101-01-01')).to.throw(CalendarRangeError);
    expect(() => cal.holidays(1994)).to.throw(CalendarRangeError);
    expect(() => cal.addWorkingDays('2100-12-20', 30)).to.throw(CalendarRangeError);
    expect(() => cal.addWorkingDays('1995-01-05', -10)).to.throw(CalendarRangeError);
    expect(codeOf(() => cal.workingDaysBetween('2026-01-01', '2200-01-01'))).to.equal('outside-calendar ["to"]');
    expect(cal.isWorkingDay('1995-01-03')).to.equal(true);
    expect(cal.isWorkingDay('2100-12-31')).to.equal(true);
  });

  it('rejects impossible dates and bad counts with a path and a bilingual message', () => {
    expect(codeOf(() => cal.isWorkingDay('2026-02-30'))).to.equal('invalid-date ["date"]');
    expect(codeOf(() => cal.isWorkingDay('2026-2-3'))).to.equal('invalid-date-format ["date"]');
    expect(codeOf(() => cal.workingDaysBetween('2026-02-03', '2026-13-01'))).to.equal('invalid-date ["to"]');
    expect(codeOf(() => cal.addWorkingDays('2026-02-03', 1.5))).to.equal('invalid-count ["n"]');
    expect(codeOf(() => cal.addWorkingDays('2026-02-03', Number.NaN))).to.equal('invalid-count ["n"]');
    expect(() => cal.isWorkingDay('2026-02-30')).to.throw(/Ngày không tồn tại.*No such date/);
  });

  it('narrows its years on request and checks them', () => {
    const small = vietnamCalendar({ years: { first: 2020, last: 2030 } });
    expect(small.addWorkingDays('2026-02-13', 1)).to.equal('2026-02-23');
    expect(() => small.isWorkingDay('2019-12-31')).to.throw(CalendarRangeError, /2020–2030/);
    expect(codeOf(() => vietnamCalendar({ years: { first: 1990 } }))).to.equal('year-out-of-range ["years","first"]');
    expect(codeOf(() => vietnamCalendar({ years: { first: 2030, last: 2020 } }))).to.equal('invalid-range ["years"]');
    expect(codeOf(() => vietnamCalendar({ years: { last: 2020.5 } }))).to.equal('year-out-of-range ["years","last"]');
  });

  it('shares one standard calendar and builds new ones for options', () => {
    expect(vietnamCalendar()).to.equal(cal);
    expect(vietnamCalendar({ overlays: [] })).to.not.equal(cal);
  });
});
