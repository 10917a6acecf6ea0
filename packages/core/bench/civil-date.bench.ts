import { TZDate } from '@date-fns/tz';
import { addDays as fnsAddDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { compare } from '../../../scripts/bench/compare.js';
import { addDays, civilDateOf } from '../src/calendar/index.js';

// Instants spread over 2015–2027, the years the official schedules cover.
const instants = Array.from({ length: 1024 }, (_, i) => Date.UTC(2015, 0, 1) + i * 371_234_571);
const dates = instants.map((ms) => civilDateOf(ms));
let i = 0;

await compare('Civil dates in Asia/Ho_Chi_Minh', [
  {
    name: 'instant → Vietnamese civil date',
    ours: () => civilDateOf(instants[i++ & 1023] as number),
    anchor: () => format(new TZDate(instants[i++ & 1023] as number, 'Asia/Ho_Chi_Minh'), 'yyyy-MM-dd'),
    anchorName: 'date-fns 4 + @date-fns/tz',
  },
  {
    name: 'civil date + 30 days',
    ours: () => addDays(dates[i++ & 1023] as string, 30),
    anchor: () => format(fnsAddDays(new TZDate(`${dates[i++ & 1023]}T00:00:00`, 'Asia/Ho_Chi_Minh'), 30), 'yyyy-MM-dd'),
    anchorName: 'date-fns 4 + @date-fns/tz',
  },
]);
