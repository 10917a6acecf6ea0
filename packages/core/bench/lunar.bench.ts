import { createRequire } from 'node:module';
import { compare } from '../../../scripts/bench/compare.js';
import { fromEpochDay, lunarNewYear, lunarToSolar, solarToLunar, toEpochDay } from '../src/calendar/index.js';

/** amlich 0.0.2: Hồ Ngọc Đức's own JavaScript, published to npm (dev-only benchmark anchor). */
interface Amlich {
  convertSolar2Lunar(day: number, month: number, year: number, timeZone: number): [number, number, number, number];
  convertLunar2Solar(
    day: number,
    month: number,
    year: number,
    leap: number,
    timeZone: number,
  ): [number, number, number];
}
const amlich = createRequire(import.meta.url)('amlich') as Amlich;

// 4096 days spread over 1900-01-31 … 2100-12-31; the anchor gets them already split into numbers.
const first = toEpochDay('1900-01-31');
const span = toEpochDay('2100-12-31') - first;
const dates = Array.from({ length: 4096 }, (_, i) => fromEpochDay(first + Math.floor((i * 7919 * 1.000_37) % span)));
const parts = dates.map((d) => d.split('-').map(Number) as [number, number, number]);
// Years 2015–2035 in a shuffled order, as pages asking for Tết or Giỗ Tổ would.
const years = Array.from({ length: 1024 }, (_, i) => 2015 + ((i * 13) % 21));
let i = 0;

// Cold start: every lunar year computed once (what the memo saves on later calls).
const coldStart = performance.now();
for (let year = 1900; year <= 2100; year++) lunarNewYear(year);
console.log(`cold: all 201 lunar years computed in ${(performance.now() - coldStart).toFixed(1)} ms`);

await compare('Vietnamese lunar calendar (UTC+7)', [
  {
    name: 'solar → lunar, random day 1900–2100',
    ours: () => solarToLunar(dates[i++ & 4095] as string),
    anchor: () => {
      const [y, m, d] = parts[i++ & 4095] as [number, number, number];
      return amlich.convertSolar2Lunar(d, m, y, 7);
    },
    anchorName: 'amlich 0.0.2 (Hồ Ngọc Đức)',
  },
  {
    name: 'Tết of a year 2015–2035',
    ours: () => lunarNewYear(years[i++ & 1023] as number),
    anchor: () => amlich.convertLunar2Solar(1, 1, years[i++ & 1023] as number, 0, 7),
    anchorName: 'amlich 0.0.2 (Hồ Ngọc Đức)',
  },
  {
    name: 'Giỗ Tổ (10/3) of a year 2015–2035',
    ours: () => lunarToSolar({ year: years[i++ & 1023] as number, month: 3, day: 10 }),
    anchor: () => amlich.convertLunar2Solar(10, 3, years[i++ & 1023] as number, 0, 7),
    anchorName: 'amlich 0.0.2 (Hồ Ngọc Đức)',
  },
]);
