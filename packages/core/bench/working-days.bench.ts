import { addBusinessDays } from 'date-fns/addBusinessDays';
import { addDays } from 'date-fns/addDays';
import { differenceInBusinessDays } from 'date-fns/differenceInBusinessDays';
import { isWeekend } from 'date-fns/isWeekend';
import Holidays from 'date-holidays';
import { compare } from '../../../scripts/bench/compare.js';
import { mulberry32 } from '../../../scripts/bench/random.js';
import { fromEpochDay, toEpochDay, vietnamCalendar } from '../src/calendar/index.js';

// 100,000 start dates, uniform over 2015–2030 (mulberry32, fixed seed), as in
// shared/domain/holiday-libraries-anchors.md §4.
const random = mulberry32(20240501);
const first = toEpochDay('2015-01-01');
const span = toEpochDay('2030-12-31') - first + 1;
const SIZE = 1 << 17; // ≥ 100,000, a power of two for cheap wrapping
const dates = Array.from({ length: SIZE }, () => fromEpochDay(first + Math.floor(random() * span)));
// The anchors take Date objects: local midnight of the same civil dates (built outside the timed loop).
const jsDates = dates.map((d) => new Date(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));

const cal = vietnamCalendar();
const hd = new Holidays('VN', { types: ['public'] });

/** The obvious approach: step a day at a time, skipping weekends and date-holidays' public holidays. */
function naiveAddWorkingDays(start: Date, n: number): Date {
  let d = start;
  for (let k = 0; k < n; ) {
    d = addDays(d, 1);
    if (!isWeekend(d) && !hd.isHoliday(d)) k++;
  }
  return d;
}

let i = 0;
const next = () => i++ & (SIZE - 1);

await compare(
  'addWorkingDays(d, n) vs the date-fns + date-holidays loop (the anchor is timed on as many starts as it gets through)',
  [5, 10, 30, 90].map((n) => ({
    name: `+${n} working days`,
    ours: () => cal.addWorkingDays(dates[next()] as string, n),
    anchor: () => naiveAddWorkingDays(jsDates[next()] as Date, n),
    anchorName: 'date-fns 4.4 addDays/isWeekend + date-holidays 3.37 isHoliday',
  })),
);

await compare(
  'addWorkingDays(d, n) vs date-fns addBusinessDays (weekends only: a floor, not a correct answer)',
  [5, 10, 30, 90].map((n) => ({
    name: `+${n} working days`,
    ours: () => cal.addWorkingDays(dates[next()] as string, n),
    anchor: () => addBusinessDays(jsDates[next()] as Date, n),
    anchorName: 'date-fns 4.4 addBusinessDays',
  })),
);

await compare('workingDaysBetween(a, b) vs date-fns differenceInBusinessDays (weekends only: a floor)', [
  {
    name: 'working days between two random dates in 2015–2030',
    ours: () => cal.workingDaysBetween(dates[next()] as string, dates[next()] as string),
    anchor: () => differenceInBusinessDays(jsDates[next()] as Date, jsDates[next()] as Date),
    anchorName: 'date-fns 4.4 differenceInBusinessDays',
  },
]);
