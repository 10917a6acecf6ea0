import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { addDays, type CivilDate, dayOfWeek, fromEpochDay, toEpochDay } from './civil-date.js';
import {
  compensatoryDays,
  LABOR_CODE_ERAS,
  laborCodeEraOn,
  NATIONAL_DAY_HEURISTIC,
  nationalDayAdjacent,
  TET_HEURISTIC,
  tetDays,
} from './holiday-rules.js';
import { calendarOverlayWarnings } from './overlay-warnings.js';
import { vietnamCalendar } from './vietnam-calendar.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

const cal = vietnamCalendar();
const rulesOnly = vietnamCalendar({ overlays: [{ name: 'rules only', rules: { officialSchedules: false } }] });

// vietnam-one-stop-rules.md §3.2: Tết (mùng 1) and Giỗ Tổ (10/3 âm lịch), 2015–2035.
const LUNAR_HOLIDAYS: [number, CivilDate, CivilDate][] = [
  [2015, '2015-02-19', '2015-04-28'],
  [2016, '2016-02-08', '2016-04-16'],
  [2017, '2017-01-28', '2017-04-06'],
  [2018, '2018-02-16', '2018-04-25'],
  [2019, '2019-02-05', '2019-04-14'],
  [2020, '2020-01-25', '2020-04-02'],
  [2021, '2021-02-12', '2021-04-21'],
  [2022, '2022-02-01', '2022-04-10'],
  [2023, '2023-01-22', '2023-04-29'],
  [2024, '2024-02-10', '2024-04-18'],
  [2025, '2025-01-29', '2025-04-07'],
  [2026, '2026-02-17', '2026-04-26'],
  [2027, '2027-02-06', '2027-04-16'],
  [2028, '2028-01-26', '2028-04-04'],
  [2029, '2029-02-13', '2029-04-23'],
  [2030, '2030-02-02', '2030-04-12'],
  [2031, '2031-01-23', '2031-04-01'],
  [2032, '2032-02-11', '2032-04-19'],
  [2033, '2033-01-31', '2033-04-09'],
  [2034, '2034-02-19', '2034-04-28'],
  [2035, '2035-02-08', '2035-04-17'],
];

const daysOf = (year: number, holiday: string, kind = 'statutory') =>
  cal
    .holidays(year)
    .filter((d) => d.holiday === holiday && d.kind === kind)
    .map((d) => d.date);

const weekdaysOffIn = (c: typeof cal, year: number, holiday: string) =>
  c
    .holidays(year)
    .filter((d) => d.holiday === holiday && !d.working && dayOfWeek(d.date) % 6 !== 0)
    .map((d) => d.date);

describe('statutory holidays by Labor Code era', () => {
  it('places Tết and Giỗ Tổ 2015–2035 on the lunar dates', () => {
    for (const [year, tet, hungKings] of LUNAR_HOLIDAYS) {
      expect(daysOf(year, 'tet'), String(year)).to.include(tet);
      expect(daysOf(year, 'hung-kings'), String(year)).to.deep.equal([hungKings]);
    }
  });

  it('takes its lunar dates from the source it is given (here the §3.2 table), with the same result', () => {
    const table = new Map(LUNAR_HOLIDAYS.map(([year, tet, hungKings]) => [year, { tet, hungKings }]));
    const lookup = (year: number) => {
      const entry = table.get(year);
      if (!entry) throw new Error(`no lunar data for ${year}`);
      return entry;
    };
    const fromTable = new WorkingDayCalendar({
      years: { first: 2015, last: 2035 },
      lunar: {
        lunarNewYear: (year) => lookup(year).tet,
        lunarToSolar: ({ year, month, day }) => {
          expect([month, day]).to.deep.equal([3, 10]);
          return lookup(year).hungKings;
        },
      },
    });
    for (let year = 2015; year <= 2035; year++) {
      expect(fromTable.holidays(year), String(year)).to.deep.equal(cal.holidays(year));
    }
    expect(() => fromTable.isWorkingDay('2036-01-02')).to.throw(/2015–2035/);
  });

  it('switches eras on 1/1/1995, 2/4/2007, 1/5/2013 and 1/1/2021', () => {
    expect(LABOR_CODE_ERAS.map((e) => e.from)).to.deep.equal(['1995-01-01', '2007-04-02', '2013-05-01', '2021-01-01']);
    expect(laborCodeEraOn('2007-04-01').hungKings).to.equal(false);
    expect(laborCodeEraOn('2007-04-02').hungKings).to.equal(true);
    expect(laborCodeEraOn('2013-04-30').tetDays).to.equal(4);
    expect(laborCodeEraOn('2013-05-01').tetDays).to.equal(5);
    expect(laborCodeEraOn('2020-12-31').nationalDayDays).to.equal(1);
    expect(laborCodeEraOn('2021-01-01').nationalDayDays).to.equal(2);
  });

  it('adds Giỗ Tổ only from 2/4/2007', () => {
    // 10/3 âm lịch 2006 was Friday 7/4/2006: a working day then.
    expect(daysOf(2006, 'hung-kings')).to.deep.equal([]);
    expect(cal.isWorkingDay('2006-04-07')).to.equal(true);
    expect(daysOf(2007, 'hung-kings')).to.deep.equal(['2007-04-26']);
    expect(cal.isWorkingDay('2007-04-26')).to.equal(false);
  });

  it('gives Tết four days (last day of the year + mùng 1–3) until 30/4/2013 and five after', () => {
    expect(daysOf(2012, 'tet')).to.deep.equal(['2012-01-22', '2012-01-23', '2012-01-24', '2012-01-25']);
    expect(daysOf(2013, 'tet')).to.have.length(4);
    expect(daysOf(2014, 'tet')).to.have.length(5);
    expect(tetDays('2014-01-31')).to.deep.equal(['2014-01-29', '2014-01-30', '2014-01-31', '2014-02-01', '2014-02-02']);
  });

  it('adds the day next to Quốc khánh only from 2021', () => {
    for (let year = 1995; year <= 2020; year++)
      expect(daysOf(year, 'national-day'), String(year)).to.deep.equal([`${year}-09-02`]);
    for (let year = 2021; year <= 2100; year++) {
      const days = daysOf(year, 'national-day');
      expect(days, String(year)).to.have.length(2);
      expect(days, String(year)).to.include(`${year}-09-02`);
    }
    expect(cal.isWorkingDay('2020-09-03')).to.equal(true);
    expect(cal.isWorkingDay('2021-09-03')).to.equal(false);
  });

  it('counts 8, 9, 10 and 11 statutory days in the four eras, and 12 with 24/11 from 2026', () => {
    const statutory = (year: number) => cal.holidays(year).filter((d) => d.kind === 'statutory').length;
    expect([statutory(2000), statutory(2010), statutory(2016), statutory(2025), statutory(2030)]).to.deep.equal([
      8, 9, 10, 11, 12,
    ]);
  });
});

describe('compensatory days (art. 111(3))', () => {
  it('stacks Giỗ Tổ on Saturday and 30/4 on Sunday of 2023 onto Tuesday 2/5 and Wednesday 3/5', () => {
    const compensatory = cal.holidays(2023).filter((d) => d.kind === 'compensatory' && d.date.startsWith('2023-05'));
    expect(compensatory.map((d) => [d.date, d.holiday])).to.deep.equal([
      ['2023-05-02', 'hung-kings'],
      ['2023-05-03', 'reunification'],
    ]);
    expect(cal.isWorkingDay('2023-05-04')).to.equal(true);
  });

  it('moves a weekend holiday to the next weekday that is not already off', () => {
    const days = ['2016-04-30', '2016-05-01'].map(toEpochDay);
    const pairs = compensatoryDays(days, (e) => days.includes(e)).map(([h, c]) => [fromEpochDay(h), fromEpochDay(c)]);
    expect(pairs).to.deep.equal([
      ['2016-04-30', '2016-05-02'],
      ['2016-05-01', '2016-05-03'],
    ]);
    expect(compensatoryDays([toEpochDay('2026-09-02')], () => false)).to.deep.equal([]);
  });

  it('compensates in rule-derived years too: 1/5/2027 (Saturday) gives Monday 3/5, not provisional', () => {
    const [day] = cal.holidays(2027).filter((d) => d.date === '2027-05-03');
    expect(day).to.include({ kind: 'compensatory', holiday: 'labour', provisional: false });
  });
});

describe('heuristics for years without a decision', () => {
  it('reproduces every official Tết window of 2015–2026 (the 2015 bridge aside)', () => {
    for (let year = 2015; year <= 2026; year++) {
      const official = weekdaysOffIn(cal, year, 'tet').filter((d) => d !== '2015-02-16');
      expect(weekdaysOffIn(rulesOnly, year, 'tet'), String(year)).to.deep.equal(official);
    }
  });

  it('reproduces every official choice of 1/9 or 3/9 of 2021–2026', () => {
    for (let year = 2021; year <= 2026; year++) {
      const official = cal
        .holidays(year)
        .filter((d) => d.holiday === 'national-day' && d.kind === 'statutory' && d.source.basis === 'decision');
      expect(
        official.map((d) => d.date),
        String(year),
      ).to.deep.equal([nationalDayAdjacent(year)]);
    }
  });

  it('flags the undecided days of 2027 provisional and names the heuristic', () => {
    const days = cal.holidays(2027);
    const provisional = days.filter((d) => d.provisional).map((d) => d.date);
    expect(provisional).to.deep.equal([
      '2027-02-04',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-09-03',
    ]);
    expect(days.find((d) => d.date === '2027-02-06')?.source).to.include({
      basis: 'heuristic',
      heuristic: TET_HEURISTIC,
    });
    expect(days.find((d) => d.date === '2027-09-03')?.source).to.include({
      basis: 'heuristic',
      heuristic: NATIONAL_DAY_HEURISTIC,
    });
    for (const date of ['2027-01-01', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-02']) {
      expect(days.find((d) => d.date === date)?.provisional, date).to.equal(false);
    }
    expect(cal.schedule(2027)).to.equal(undefined);
    expect(cal.schedule(2026)?.year).to.equal(2026);
  });

  it('agrees with python-holidays on the rule-derived weekdays off of 2028–2030 (holiday-libraries-anchors §1)', () => {
    const pythonHolidays = [
      '2028-01-03',
      '2028-01-24',
      '2028-05-02',
      '2028-09-01',
      '2028-09-04',
      '2029-09-03',
      '2029-09-04',
      '2030-01-31',
      '2030-02-06',
      '2030-09-03',
    ];
    for (const date of pythonHolidays) expect(cal.isWorkingDay(date), date).to.equal(false);
  });

  it('flags no day of 2015–2026 provisional', () => {
    for (let year = 2015; year <= 2026; year++) {
      expect(
        cal.holidays(year).filter((d) => d.provisional),
        String(year),
      ).to.deep.equal([]);
    }
  });
});

// vietnam-one-stop-rules §1.5: Resolution 28/2026/QH16, art. 2, in force 1/7/2026.
describe('24/11, Ngày Văn hóa Việt Nam (Resolution 28/2026/QH16)', () => {
  it('is a built-in statutory day off every year from 2026, with its instrument, and a working day before', () => {
    expect(cal.isWorkingDay('2025-11-24')).to.equal(true);
    expect(cal.holidays(2025).some((d) => d.holiday === 'culture-day')).to.equal(false);
    expect(cal.isWorkingDay('2026-11-24')).to.equal(false);
    const day = cal.holidays(2026).find((d) => d.date === '2026-11-24');
    expect(day).to.include({ kind: 'statutory', holiday: 'culture-day', provisional: false, working: false });
    expect(day?.source).to.deep.equal({ basis: 'law', instrument: 'Nghị quyết 28/2026/QH16, điều 2' });
    expect(day?.name).to.deep.equal({ vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' });
  });

  it('moves a due date across it: received Friday 20/11/2026, 3 working days → Thursday 26/11', () => {
    expect(cal.addWorkingDays('2026-11-20', 3)).to.equal('2026-11-26');
    expect(cal.workingDaysBetween('2026-11-20', '2026-11-26')).to.equal(3);
    expect(cal.isWorkingDay('2026-11-23')).to.equal(true); // the proposed bridge was never decided
    expect(cal.isWorkingDay('2026-11-28')).to.equal(false);
  });

  it('is a day off in every year from 2026 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2026, max: 2100 }), (year) => {
        const date = `${year}-11-24` as CivilDate;
        return (
          !cal.isWorkingDay(date) && cal.holidays(year).some((d) => d.date === date && d.holiday === 'culture-day')
        );
      }),
    );
  });

  it('brings a compensatory weekday when it falls on a weekend, by default (Saturday 24/11/2029 → Monday 26/11)', () => {
    expect(dayOfWeek('2029-11-24')).to.equal(6);
    expect(cal.isWorkingDay('2029-11-26')).to.equal(false);
    const monday = cal.holidays(2029).find((d) => d.date === '2029-11-26');
    expect(monday).to.include({ kind: 'compensatory', holiday: 'culture-day', provisional: true });
    expect(monday?.source.instrument).to.equal('Bộ luật Lao động 2019 (45/2019/QH14), điều 111(3)');
    expect(cal.addWorkingDays('2029-11-23', 1)).to.equal('2029-11-27');
  });

  it('brings none when cultureDayCompensation is false', () => {
    const none = vietnamCalendar({ overlays: [{ name: 'xã', rules: { cultureDayCompensation: false } }] });
    expect(none.isWorkingDay('2029-11-24')).to.equal(false);
    expect(none.isWorkingDay('2029-11-26')).to.equal(true);
    expect(none.holidays(2029).some((d) => d.kind === 'compensatory' && d.holiday === 'culture-day')).to.equal(false);
    expect(none.addWorkingDays('2029-11-23', 1)).to.equal('2029-11-26');
    // Every weekend 24/11 to 2100: compensated by default, not when switched off.
    for (let year = 2026; year <= 2100; year++) {
      const w = dayOfWeek(`${year}-11-24`);
      if (w !== 0 && w !== 6) continue;
      const next = addDays(`${year}-11-24`, w === 6 ? 2 : 1);
      expect(cal.isWorkingDay(next), next).to.equal(false);
      expect(none.isWorkingDay(next), next).to.equal(true);
    }
  });

  it('keeps an overlay that still switches it on working: it changes nothing and says so once', () => {
    const on = vietnamCalendar({
      overlays: [
        { name: 'tỉnh', rules: { cultureDay: true } },
        { name: 'xã', rules: { cultureDay: true } },
      ],
    });
    for (let d: CivilDate = '2025-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) {
      if (on.isWorkingDay(d) !== cal.isWorkingDay(d)) expect.fail(d);
    }
    expect(on.holidays(2026)).to.deep.equal(cal.holidays(2026));
    const warnings = calendarOverlayWarnings([
      { name: 'huyện', rules: { makeUpWorkdays: true } },
      { name: 'tỉnh', rules: { cultureDay: true } },
      { name: 'xã', rules: { cultureDay: true } },
    ]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include({ code: 'rule-built-in' });
    expect(warnings[0]?.path).to.deep.equal(['overlays', 1, 'rules', 'cultureDay']);
    expect(warnings[0]?.message.vi).to.contain('28/2026/QH16');
    expect(warnings[0]?.message.en).to.contain('no longer changes anything');
    expect(calendarOverlayWarnings([{ name: 'xã', rules: { cultureDayCompensation: false } }])).to.deep.equal([]);
  });

  it('can still start in another year or be switched off by a calendar that is not the civil servants’ one', () => {
    const later = vietnamCalendar({ overlays: [{ name: 'tỉnh', rules: { cultureDay: { fromYear: 2027 } } }] });
    expect(later.isWorkingDay('2026-11-24')).to.equal(true);
    expect(later.isWorkingDay('2027-11-24')).to.equal(false);
    const off = vietnamCalendar({ overlays: [{ name: 'doanh nghiệp', rules: { cultureDay: false } }] });
    expect(off.isWorkingDay('2026-11-24')).to.equal(true);
  });
});
