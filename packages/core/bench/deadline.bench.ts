import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { isWeekend } from 'date-fns/isWeekend';
import { parseISO } from 'date-fns/parseISO';
import Holidays from 'date-holidays';
import { compare } from '../../../scripts/bench/compare.js';
import { mulberry32 } from '../../../scripts/bench/random.js';
import { fromEpochDay, toEpochDay, vietnamCalendar } from '../src/calendar/index.js';
import { classifyDossier, type DossierTimeline, type TimeLimit } from '../src/deadline/index.js';

// Dossiers received at random minutes of 2015–2030 (mulberry32, fixed seed), with the time limits a
// commune sees most, and half of them resolved some working days later.
const random = mulberry32(20260213);
const first = toEpochDay('2015-01-01');
const span = toEpochDay('2030-12-01') - first;
const LIMITS: readonly TimeLimit[] = [
  { value: 3, unit: 'working-days' },
  { value: 5, unit: 'working-days', cutoff: '15:00' },
  { value: 10, unit: 'working-days' },
  { value: 15, unit: 'working-days' },
  { value: 30, unit: 'working-days' },
];
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const SIZE = 1 << 16;
const dossiers: DossierTimeline[] = Array.from({ length: SIZE }, () => {
  const day = first + Math.floor(random() * span);
  const receivedAt = `${fromEpochDay(day)}T${clock(Math.floor(random() * 1440))}:00+07:00`;
  const limit = LIMITS[Math.floor(random() * LIMITS.length)] as TimeLimit;
  const done = random() < 0.5;
  const resolvedAt = `${fromEpochDay(day + 1 + Math.floor(random() * 40))}T${clock(450 + Math.floor(random() * 570))}:00+07:00`;
  return done ? { receivedAt, limit, events: [{ type: 'resolved', at: resolvedAt }] } : { receivedAt, limit };
});
const now = '2031-01-05T09:00:00+07:00';
const calendar = vietnamCalendar();
const options = { calendar, now };

/** Ours: the due date and the classification of one dossier, in one pass. */
function ours(d: DossierTimeline): unknown {
  const c = classifyDossier(d, options);
  return c.dueAt.length + c.remainingMinutes;
}

// The obvious loop: parse with date-fns in Hà Nội time, step day by day over date-holidays' public
// holidays and the weekends, end the day at 17:00, compare with the end or now, and count the working
// days left the same way.
const hd = new Holidays('VN', { types: ['public'] });
const VN = 'Asia/Ho_Chi_Minh';
function isWorking(d: Date): boolean {
  return !isWeekend(d) && !hd.isHoliday(d);
}
function anchor(d: DossierTimeline): unknown {
  let day = new TZDate(parseISO(d.receivedAt as string), VN);
  const minute = day.getHours() * 60 + day.getMinutes();
  if (d.limit.cutoff !== undefined && minute > 15 * 60) day = addDays(day, 1);
  for (let k = 0; k < d.limit.value; ) {
    day = addDays(day, 1);
    if (isWorking(day)) k++;
  }
  const due = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 17, 0, VN);
  const end = d.events?.[0] ? new TZDate(parseISO(d.events[0].at as string), VN) : new TZDate(parseISO(now), VN);
  let left = 0;
  for (let x = end; x < due; x = addDays(x, 1)) if (isWorking(x)) left++;
  return due.getTime() - end.getTime() + left;
}

let i = 0;
const next = () => dossiers[i++ & (SIZE - 1)] as DossierTimeline;
const rows = await compare(
  'Due date + classification per dossier (ISO receipt parsed) vs the date-fns + date-holidays day-by-day loop',
  [
    {
      name: 'classifyDossier (due date + timeliness), limits 3–30 working days',
      ours: () => ours(next()),
      anchor: () => anchor(next()),
      anchorName: 'date-fns 4.4 parseISO/addDays/isWeekend + @date-fns/tz + date-holidays 3.37',
    },
  ],
);
for (const r of rows) console.log(`per-dossier ratio: ${r.ratio.toFixed(0)}× (${r.name})`);

// One million dossiers, end to end, in one pass: wall time, and the process's CPU time (less
// sensitive to other work on a shared machine).
const MILLION = 1_000_000;
let sink = 0;
const cpu = process.cpuUsage();
const start = performance.now();
for (let k = 0; k < MILLION; k++) sink += ours(dossiers[k & (SIZE - 1)] as DossierTimeline) as number;
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
console.log(
  `1,000,000 dossiers (classifyDossier: due date + timeliness): ${(ms / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, ${((ms * 1000) / MILLION).toFixed(2)} µs per dossier (checksum ${sink % 997})`,
);
