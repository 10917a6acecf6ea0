import { describe, it } from 'node:test';
import { expect } from 'chai';
import { addDays, type CivilDate, dayOfWeek, toEpochDay } from './civil-date.js';
import type { CalendarDay } from './holiday-rules.js';
import { vietnamCalendar } from './vietnam-calendar.js';

// vietnam-one-stop-rules.md §2, transcribed range by range: the official days off for civil
// servants (weekends inside the ranges included) and the Saturdays worked in exchange.
const OFFICIAL: Record<number, { off: [CivilDate, CivilDate][]; makeUp: CivilDate[] }> = {
  2015: {
    off: [
      ['2015-01-01', '2015-01-04'],
      ['2015-02-15', '2015-02-23'],
      ['2015-04-28', '2015-05-03'],
      ['2015-09-02', '2015-09-02'],
    ],
    makeUp: ['2014-12-27', '2015-02-14', '2015-04-25'],
  },
  2016: {
    off: [
      ['2016-01-01', '2016-01-03'],
      ['2016-02-06', '2016-02-14'],
      ['2016-04-16', '2016-04-18'],
      ['2016-04-30', '2016-05-03'],
      ['2016-09-02', '2016-09-04'],
    ],
    makeUp: [],
  },
  2017: {
    off: [
      ['2016-12-31', '2017-01-02'],
      ['2017-01-26', '2017-02-01'],
      ['2017-04-06', '2017-04-06'],
      ['2017-04-29', '2017-05-02'],
      ['2017-09-02', '2017-09-04'],
    ],
    makeUp: [],
  },
  2018: {
    off: [
      ['2017-12-30', '2018-01-01'],
      ['2018-02-14', '2018-02-20'],
      ['2018-04-25', '2018-04-25'],
      ['2018-04-28', '2018-05-01'],
      ['2018-09-01', '2018-09-03'],
      ['2018-12-31', '2018-12-31'],
    ],
    makeUp: ['2019-01-05'],
  },
  2019: {
    off: [
      ['2018-12-29', '2019-01-01'],
      ['2019-02-02', '2019-02-10'],
      ['2019-04-13', '2019-04-15'],
      ['2019-04-27', '2019-05-01'],
      ['2019-08-31', '2019-09-02'],
    ],
    makeUp: ['2019-05-04'],
  },
  2020: {
    off: [
      ['2020-01-01', '2020-01-01'],
      ['2020-01-23', '2020-01-29'],
      ['2020-04-02', '2020-04-02'],
      ['2020-04-30', '2020-05-03'],
      ['2020-09-02', '2020-09-02'],
    ],
    makeUp: [],
  },
  2021: {
    off: [
      ['2021-01-01', '2021-01-03'],
      ['2021-02-10', '2021-02-16'],
      ['2021-04-21', '2021-04-21'],
      ['2021-04-30', '2021-05-03'],
      ['2021-09-02', '2021-09-05'],
    ],
    makeUp: [],
  },
  2022: {
    off: [
      ['2022-01-01', '2022-01-03'],
      ['2022-01-29', '2022-02-06'],
      ['2022-04-09', '2022-04-11'],
      ['2022-04-30', '2022-05-03'],
      ['2022-09-01', '2022-09-04'],
    ],
    makeUp: [],
  },
  2023: {
    off: [
      ['2022-12-31', '2023-01-02'],
      ['2023-01-20', '2023-01-26'],
      ['2023-04-29', '2023-05-03'],
      ['2023-09-01', '2023-09-04'],
    ],
    makeUp: [],
  },
  2024: {
    off: [
      ['2023-12-30', '2024-01-01'],
      ['2024-02-08', '2024-02-14'],
      ['2024-04-18', '2024-04-18'],
      ['2024-04-27', '2024-05-01'],
      ['2024-08-31', '2024-09-03'],
    ],
    makeUp: ['2024-05-04'],
  },
  2025: {
    off: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-25', '2025-02-02'],
      ['2025-04-05', '2025-04-07'],
      ['2025-04-30', '2025-05-04'],
      ['2025-08-30', '2025-09-02'],
    ],
    makeUp: ['2025-04-26'],
  },
  2026: {
    off: [
      ['2026-01-01', '2026-01-04'],
      ['2026-02-14', '2026-02-22'],
      ['2026-04-25', '2026-04-27'],
      ['2026-04-30', '2026-05-03'],
      ['2026-08-29', '2026-09-02'],
      ['2026-11-24', '2026-11-24'], // Ngày Văn hóa Việt Nam, Resolution 28/2026/QH16 (§1.5)
    ],
    makeUp: ['2026-01-10', '2026-08-22'],
  },
};

function datesOf([from, to]: [CivilDate, CivilDate]): CivilDate[] {
  const out: CivilDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const isWeekend = (d: CivilDate): boolean => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;
const offDays = new Set(Object.values(OFFICIAL).flatMap((y) => y.off.flatMap(datesOf)));
const makeUpDays = new Set(Object.values(OFFICIAL).flatMap((y) => y.makeUp));
const cal = vietnamCalendar();

function listed(date: CivilDate): CalendarDay[] {
  return cal.holidays(Number(date.slice(0, 4))).filter((d) => d.date === date);
}

describe('official schedules 2015–2026', () => {
  it('makes every date of every official range a day off', () => {
    const wrong = [...offDays].filter((d) => cal.isWorkingDay(d));
    expect(wrong).to.deep.equal([]);
    expect(offDays.size).to.be.greaterThan(100);
  });

  it('makes every official make-up Saturday a working day, listed with the decision as its source', () => {
    for (const date of makeUpDays) {
      expect(cal.isWorkingDay(date), date).to.equal(true);
      const [day] = listed(date);
      expect(day?.kind, date).to.equal('make-up-workday');
      expect(day?.working, date).to.equal(true);
      expect(day?.provisional, date).to.equal(false);
      expect(day?.source.basis, date).to.equal('decision');
    }
  });

  it('has no other weekday off and no other working weekend day from 2015 to 2026', () => {
    const mismatches: string[] = [];
    for (let d = '2015-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      const expected = isWeekend(d) ? makeUpDays.has(d) : !offDays.has(d);
      if (cal.isWorkingDay(d) !== expected) mismatches.push(d);
    }
    expect(mismatches).to.deep.equal([]);
  });

  it('lists every weekday off with a name, a kind and its legal source, none provisional', () => {
    for (const date of offDays) {
      if (isWeekend(date)) continue;
      const days = listed(date);
      expect(days.length, date).to.be.greaterThan(0);
      for (const day of days) {
        expect(day.working, date).to.equal(false);
        expect(day.provisional, date).to.equal(false);
        expect(['statutory', 'compensatory', 'bridge'], date).to.include(day.kind);
        expect(['law', 'decision'], date).to.include(day.source.basis);
        expect(day.source.instrument ?? day.source.references?.[0], date).to.be.a('string');
        expect(day.name.vi.length, date).to.be.greaterThan(0);
        expect(day.name.en.length, date).to.be.greaterThan(0);
      }
    }
  });

  it('gives the instrument numbers and dates of the decisions', () => {
    const source = (date: CivilDate, kind: CalendarDay['kind']) => listed(date).find((d) => d.kind === kind)?.source;
    expect(source('2017-01-26', 'statutory')?.instrument).to.equal('CV 9794/VPCP-KGVX');
    expect(source('2024-04-29', 'bridge')).to.include({ instrument: 'CV 2450/VPCP-KGVX', date: '2024-04-12' });
    expect(source('2024-05-04', 'make-up-workday')).to.include({ instrument: 'CV 2450/VPCP-KGVX', date: '2024-04-12' });
    expect(source('2025-05-02', 'bridge')).to.include({ instrument: 'CV 8726/VPCP-KGVX', date: '2024-11-26' });
    expect(source('2025-04-26', 'make-up-workday')).to.include({ instrument: 'CV 8726/VPCP-KGVX', date: '2024-11-26' });
    expect(source('2026-01-02', 'bridge')).to.include({ instrument: 'CV 12729/VPCP-KGVX', date: '2025-12-25' });
    expect(source('2026-01-10', 'make-up-workday')).to.include({
      instrument: 'CV 12729/VPCP-KGVX',
      date: '2025-12-25',
    });
    expect(source('2018-12-31', 'bridge')?.instrument).to.equal('CV 6519/VPCP-KGVX');
    expect(source('2023-05-02', 'compensatory')?.instrument).to.equal(
      'Bộ luật Lao động 2019 (45/2019/QH14), điều 111(3)',
    );
    expect(source('2016-05-02', 'compensatory')?.instrument).to.equal(
      'Bộ luật Lao động 2012 (10/2012/QH13), điều 115(3)',
    );
  });

  it('gives the rule-derived part of 2027 (1–3/1, 16–18/4, 30/4–3/5, 2/9) as certain days off', () => {
    for (const date of ['2027-01-01', '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-02']) {
      expect(cal.isWorkingDay(date), date).to.equal(false);
      expect(
        listed(date).every((d) => !d.provisional && d.source.basis === 'law'),
        date,
      ).to.equal(true);
    }
    for (const date of ['2027-01-04', '2027-04-19', '2027-05-04']) expect(cal.isWorkingDay(date), date).to.equal(true);
  });

  it('names the 2025 swap: Saturday 26/4 worked, Friday 2/5 off', () => {
    const [bridge] = listed('2025-05-02');
    expect(bridge).to.include({ kind: 'bridge', holiday: 'labour', working: false });
    expect(bridge?.name.vi).to.contain('26/04/2025');
    expect(cal.isWorkingDay('2025-04-26')).to.equal(true);
    expect(cal.nextWorkingDay('2025-04-29')).to.equal('2025-05-05');
  });

  it('labels the statutory Tết days as the instruments state them: 2026 Monday 16/2–Friday 20/2 (TB 9441/TB-BNV)', () => {
    const tet = (year: number, kind: CalendarDay['kind']) =>
      cal
        .holidays(year)
        .filter((d) => d.holiday === 'tet' && d.kind === kind)
        .map((d) => d.date);
    expect(tet(2026, 'statutory')).to.deep.equal([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(tet(2026, 'compensatory')).to.deep.equal([]);
    expect(listed('2026-02-15')).to.deep.equal([]); // Sunday: a weekend inside the window, not a Tết day
    expect(listed('2026-02-16')[0]?.source).to.deep.equal({
      basis: 'decision',
      instrument: 'TB 9441/TB-BNV',
      date: '2025-10-16',
    });
    expect(cal.schedule(2026)?.sources.map((s) => s.instrument)).to.include.members([
      'TB 9441/TB-BNV',
      'CV 3383/BNV-CVL',
    ]);
    expect(listed('2026-09-01')[0]?.source).to.include({ instrument: 'TB 9441/TB-BNV' });
    // 2022: official days Monday 31/1 to Friday 4/2.
    expect(tet(2022, 'statutory')).to.deep.equal([
      '2022-01-31',
      '2022-02-01',
      '2022-02-02',
      '2022-02-03',
      '2022-02-04',
    ]);
    expect(tet(2022, 'compensatory')).to.deep.equal([]);
  });

  it('skips Tết 2026 when counting from the Friday before it', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).to.equal('2026-02-23');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-23')).to.equal(1);
    expect(toEpochDay('2026-02-23') - toEpochDay('2026-02-13')).to.equal(10);
  });
});
