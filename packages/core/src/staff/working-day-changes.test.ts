import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { addDays } from '../calendar/civil-date.js';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { workingDayChanges } from './working-day-changes.js';

const national = vietnamCalendar();

describe('working-day changes between two calendars', () => {
  it('a local day off and an extra working Saturday are the changed days, named as the new calendar lists them', () => {
    const after = vietnamCalendar({
      overlays: [
        {
          name: 'UBND xã',
          localDays: [
            { date: '2026-12-28', working: false, name: { vi: 'Nghỉ địa phương', en: 'Local day off' } },
            { date: '2026-12-19', working: true, name: { vi: 'Làm sáng thứ Bảy', en: 'Saturday session' } },
          ],
        },
      ],
    });
    const changes = workingDayChanges(national, after, '2026-12-01', '2026-12-31');
    expect(changes.map((c) => [c.date, c.before.working, c.after.working])).to.deep.equal([
      ['2026-12-19', false, true],
      ['2026-12-28', true, false],
    ]);
    expect(changes[1]?.after.name?.vi).to.equal('Nghỉ địa phương');
  });

  it('the changed days are exactly the days the calendars disagree on', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }),
        fc.boolean(),
        (offsets, working) => {
          const dates = offsets.map((n) => addDays('2027-01-01', n));
          const after = vietnamCalendar({
            overlays: [{ name: 'x', localDays: dates.map((date) => ({ date, working, name: { vi: 'x', en: 'x' } })) }],
          });
          const changed = workingDayChanges(national, after, '2027-01-01', '2027-03-31').map((c) => c.date);
          const expected = dates.filter((d) => national.isWorkingDay(d) !== working).sort();
          expect(changed).to.deep.equal(expected);
        },
      ),
      { numRuns: 30 },
    );
  });
});
