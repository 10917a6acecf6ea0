import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import { daysBetween, fromEpochDay, toEpochDay } from './civil-date.js';
import {
  LUNAR_YEARS,
  type LunarDate,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './lunar.js';
import { canChiOfYear } from './lunar-can-chi.js';

const FIRST_DAY = toEpochDay('1900-01-31');
const LAST_DAY = toEpochDay('2100-12-31');

/** The lunar date that follows `date`: the next day, or day 1 of the next month after a 29th or 30th. */
function isNextLunarDay(previous: LunarDate, next: LunarDate): boolean {
  if (next.year === previous.year && next.month === previous.month && next.leap === previous.leap) {
    return next.day === previous.day + 1;
  }
  if (next.day !== 1 || (previous.day !== 29 && previous.day !== 30)) return false;
  if (next.year === previous.year + 1) return previous.month === 12 && next.month === 1 && !next.leap;
  if (next.year !== previous.year) return false;
  if (next.leap) return next.month === previous.month && !previous.leap;
  return next.month === previous.month + 1;
}

describe('lunar calendar: every day from 1900-01-31 to 2100-12-31', () => {
  // Checked day by day in blocks, so each test stays short in the browser too.
  for (let from = 1900; from <= 2100; from += 25) {
    const to = Math.min(from + 24, 2100);
    it(`${from}–${to}: converts back to itself and follows the previous day`, () => {
      const start = Math.max(FIRST_DAY, toEpochDay(`${from}-01-01`));
      const end = Math.min(LAST_DAY, toEpochDay(`${to}-12-31`));
      let previous = solarToLunar(fromEpochDay(start - (start > FIRST_DAY ? 1 : 0)));
      for (let day = start; day <= end; day++) {
        const date = fromEpochDay(day);
        const lunar = solarToLunar(date);
        if (lunarToSolar(lunar) !== date) expect.fail(`${date} → ${JSON.stringify(lunar)} → ${lunarToSolar(lunar)}`);
        if (day > FIRST_DAY && !isNextLunarDay(previous, lunar)) {
          expect.fail(`${date}: ${JSON.stringify(previous)} is followed by ${JSON.stringify(lunar)}`);
        }
        if (lunar.day < 1 || lunar.day > 30) expect.fail(`${date}: day ${lunar.day}`);
        previous = lunar;
      }
    });
  }
});

describe('lunar calendar: shape of every lunar year 1900–2100', () => {
  it('has 12 months, or 13 with exactly one leap month, each of 29 or 30 days, filling the year', () => {
    for (let year = LUNAR_YEARS.first; year <= LUNAR_YEARS.last; year++) {
      const leap = leapMonthOf(year);
      const months: [number, boolean][] = [];
      for (let month = 1; month <= 12; month++) {
        months.push([month, false]);
        if (month === leap) months.push([month, true]);
      }
      expect(months.length, String(year)).to.equal(leap === undefined ? 12 : 13);
      let length = 0;
      for (const [month, isLeap] of months) {
        const days = lunarMonthLength(year, month, isLeap);
        expect([29, 30], `${year}/${month}${isLeap ? 'L' : ''}`).to.include(days);
        expect(lunarToSolar({ year, month, day: 1, leap: isLeap })).to.equal(
          fromEpochDay(toEpochDay(lunarNewYear(year)) + length),
        );
        length += days;
      }
      const next = year < LUNAR_YEARS.last ? lunarNewYear(year + 1) : '2101-01-29';
      expect(daysBetween(lunarNewYear(year), next), String(year)).to.equal(length);
      expect(length).to.be.oneOf([353, 354, 355, 383, 384, 385]);
    }
  });

  it('puts Tết between 21 January and 20 February', () => {
    for (let year = LUNAR_YEARS.first; year <= LUNAR_YEARS.last; year++) {
      const tet = lunarNewYear(year);
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`, `${year}: ${tet}`).to.equal(true);
    }
  });

  it('has no leap month in a year that is not 13 months long, and never a leap month twice', () => {
    for (let year = LUNAR_YEARS.first; year <= LUNAR_YEARS.last; year++) {
      const leap = leapMonthOf(year);
      for (let month = 1; month <= 12; month++) {
        const converts = (): string => lunarToSolar({ year, month, day: 1, leap: true });
        if (month === leap) expect(converts()).to.be.a('string');
        else expect(converts).to.throw(MotcuaError);
      }
    }
  });
});

describe('lunar calendar: random lunar dates', () => {
  it('either converts and back to the same lunar date, or throws a MotcuaError', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: LUNAR_YEARS.first, max: LUNAR_YEARS.last }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (year, month, day, leap) => {
          let solar: string;
          try {
            solar = lunarToSolar({ year, month, day, leap });
          } catch (error) {
            expect(error).to.be.instanceOf(MotcuaError);
            const [first] = (error as MotcuaError).problems;
            expect(first?.code).to.be.oneOf(['no-such-leap-month', 'no-such-lunar-day']);
            if (first?.code === 'no-such-lunar-day') expect(day).to.equal(30);
            return;
          }
          expect(solarToLunar(solar)).to.deep.equal({ year, month, day, leap });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('converts a civil date in the same way whatever was converted before it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), { minLength: 2, maxLength: 20 }), (days) => {
        const forward = days.map((day) => solarToLunar(fromEpochDay(day)));
        const backward = [...days]
          .reverse()
          .map((day) => solarToLunar(fromEpochDay(day)))
          .reverse();
        expect(backward).to.deep.equal(forward);
      }),
    );
  });
});

describe('can-chi year names', () => {
  it('names a known year', () => {
    expect(canChiOfYear(2026)).to.equal('Bính Ngọ');
    expect(canChiOfYear(2025)).to.equal('Ất Tỵ');
    expect(canChiOfYear(1984)).to.equal('Giáp Tý');
    expect(canChiOfYear(1945)).to.equal('Ất Dậu');
  });

  it('repeats every 60 years and never within 60 years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 5000 }), (year) => {
        expect(canChiOfYear(year + 60)).to.equal(canChiOfYear(year));
        const names = new Set(Array.from({ length: 60 }, (_, i) => canChiOfYear(year + i)));
        expect(names.size).to.equal(60);
      }),
      { numRuns: 200 },
    );
  });
});
