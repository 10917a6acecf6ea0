import { describe, it } from 'node:test';
import { expect } from 'chai';
import { WORKING_DAY_YEARS } from './calendar-overlay.js';
import { toEpochDay } from './civil-date.js';
import { HOLIDAY_LUNAR_TABLE } from './holiday-lunar-table.js';
import { lunarNewYear, lunarToSolar } from './lunar.js';
import { VIETNAM_LUNAR_SOURCE, vietnamCalendar } from './vietnam-calendar.js';

/** The two table strings as `lunarNewYear` and `lunarToSolar` compute them, to paste into the table module. */
function computedTables(): { tet: string; hungKings: string } {
  let tet = '';
  let hungKings = '';
  for (let year = WORKING_DAY_YEARS.first; year <= WORKING_DAY_YEARS.last; year++) {
    const newYear = toEpochDay(lunarNewYear(year));
    tet += (newYear - toEpochDay(`${year}-01-21`)).toString(32);
    hungKings += (toEpochDay(lunarToSolar({ year, month: 3, day: 10 })) - newYear - 67).toString(32);
  }
  return { tet, hungKings };
}

describe('the working-day calendar’s table of Tết and Giỗ Tổ', () => {
  it('gives the lunar calendar’s mùng 1 Tết and days of month 3 for every year the calendar covers', () => {
    const mismatches: string[] = [];
    for (let year = WORKING_DAY_YEARS.first; year <= WORKING_DAY_YEARS.last; year++) {
      if (HOLIDAY_LUNAR_TABLE.lunarNewYear(year) !== lunarNewYear(year)) mismatches.push(`Tết ${year}`);
      for (const day of [1, 10, 29]) {
        if (HOLIDAY_LUNAR_TABLE.lunarToSolar({ year, month: 3, day }) !== lunarToSolar({ year, month: 3, day })) {
          mismatches.push(`${day}/3/${year}`);
        }
      }
    }
    // On a mismatch the message carries the strings to paste into holiday-lunar-table.ts.
    expect(mismatches, JSON.stringify(computedTables())).to.deep.equal([]);
  });

  it('builds the same calendar as the computed lunar calendar', () => {
    const computed = vietnamCalendar({ lunar: VIETNAM_LUNAR_SOURCE });
    const table = vietnamCalendar();
    for (const year of [1995, 2007, 2013, 2027, 2030, 2053, 2100]) {
      expect(table.holidays(year), String(year)).to.deep.equal(computed.holidays(year));
    }
  });
});
