import { describe, it } from 'node:test';
import { expect } from 'chai';
import { addDays, dayOfWeek } from './civil-date.js';
import { leapMonthOf, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './lunar.js';

/**
 * shared/domain/vietnam-one-stop-rules.md §3.2: Tết, Giao thừa (date and whether it is the 29th or
 * 30th of tháng Chạp) and Giỗ Tổ Hùng Vương (10/3 âm lịch), 2015–2035, with the weekday printed there
 * (0 = Sunday).
 */
const TABLE_3_2: readonly [
  year: number,
  tet: string,
  tetWeekday: number,
  eve: string,
  eveDay: 29 | 30,
  gioTo: string,
  gioToWeekday: number,
][] = [
  [2015, '2015-02-19', 4, '2015-02-18', 30, '2015-04-28', 2],
  [2016, '2016-02-08', 1, '2016-02-07', 29, '2016-04-16', 6],
  [2017, '2017-01-28', 6, '2017-01-27', 30, '2017-04-06', 4],
  [2018, '2018-02-16', 5, '2018-02-15', 30, '2018-04-25', 3],
  [2019, '2019-02-05', 2, '2019-02-04', 30, '2019-04-14', 0],
  [2020, '2020-01-25', 6, '2020-01-24', 30, '2020-04-02', 4],
  [2021, '2021-02-12', 5, '2021-02-11', 30, '2021-04-21', 3],
  [2022, '2022-02-01', 2, '2022-01-31', 29, '2022-04-10', 0],
  [2023, '2023-01-22', 0, '2023-01-21', 30, '2023-04-29', 6],
  [2024, '2024-02-10', 6, '2024-02-09', 30, '2024-04-18', 4],
  [2025, '2025-01-29', 3, '2025-01-28', 29, '2025-04-07', 1],
  [2026, '2026-02-17', 2, '2026-02-16', 29, '2026-04-26', 0],
  [2027, '2027-02-06', 6, '2027-02-05', 29, '2027-04-16', 5],
  [2028, '2028-01-26', 3, '2028-01-25', 29, '2028-04-04', 2],
  [2029, '2029-02-13', 2, '2029-02-12', 29, '2029-04-23', 1],
  [2030, '2030-02-02', 6, '2030-02-01', 29, '2030-04-12', 5],
  [2031, '2031-01-23', 4, '2031-01-22', 29, '2031-04-01', 2],
  [2032, '2032-02-11', 3, '2032-02-10', 29, '2032-04-19', 1],
  [2033, '2033-01-31', 1, '2033-01-30', 30, '2033-04-09', 6],
  [2034, '2034-02-19', 0, '2034-02-18', 30, '2034-04-28', 5],
  [2035, '2035-02-08', 4, '2035-02-07', 30, '2035-04-17', 2],
];

/** §3.1 and holiday-libraries-anchors.md §2: Tết in Vietnam (UTC+7) in the years it differs from China (UTC+8). */
const TET_WHERE_VIETNAM_DIFFERS: readonly [year: number, vietnam: string, china: string][] = [
  [1903, '1903-01-28', '1903-01-29'],
  [1916, '1916-02-03', '1916-02-04'],
  [1935, '1935-02-03', '1935-02-04'],
  [1965, '1965-02-01', '1965-02-02'],
  [1968, '1968-01-29', '1968-01-30'],
  [1969, '1969-02-16', '1969-02-17'],
  [1985, '1985-01-21', '1985-02-20'],
  [2007, '2007-02-17', '2007-02-18'],
  [2030, '2030-02-02', '2030-02-03'],
  [2053, '2053-02-18', '2053-02-19'],
];

/** §3.1: Giỗ Tổ (10/3) in Vietnam where it differs from the UTC+8 date; anchors file: 2050 and 2083. */
const GIO_TO_WHERE_LIBRARIES_DIFFER: readonly [year: number, vietnam: string][] = [
  [1916, '1916-04-11'],
  [1917, '1917-04-01'],
  [1939, '1939-04-28'],
  [1975, '1975-04-20'],
  [2009, '2009-04-04'],
  [2037, '2037-04-24'],
  [2038, '2038-04-13'],
  [2050, '2050-04-01'],
  [2083, '2083-04-26'],
];

describe('lunar calendar: Tết, Giao thừa and Giỗ Tổ 2015–2035 (shared §3.2)', () => {
  for (const [year, tet, tetWeekday, eve, eveDay, gioTo, gioToWeekday] of TABLE_3_2) {
    it(`${year}: Tết ${tet}, Giao thừa ${eve} (${eveDay}), Giỗ Tổ ${gioTo}`, () => {
      expect(lunarNewYear(year)).to.equal(tet);
      expect(solarToLunar(tet)).to.deep.equal({ year, month: 1, day: 1, leap: false });
      expect(lunarToSolar({ year, month: 1, day: 1 })).to.equal(tet);
      expect(dayOfWeek(tet)).to.equal(tetWeekday);

      expect(addDays(tet, -1)).to.equal(eve);
      const last = solarToLunar(eve);
      expect(last).to.include({ year: year - 1, month: 12, day: eveDay });
      expect(lunarMonthLength(year - 1, 12, last.leap)).to.equal(eveDay);

      expect(lunarToSolar({ year, month: 3, day: 10 })).to.equal(gioTo);
      expect(solarToLunar(gioTo)).to.deep.equal({ year, month: 3, day: 10, leap: false });
      expect(dayOfWeek(gioTo)).to.equal(gioToWeekday);
    });
  }
});

describe('lunar calendar: the years Vietnam (UTC+7) and China (UTC+8) differ (shared §3.1)', () => {
  it('1900 starts on 31 January, as in China', () => {
    expect(lunarNewYear(1900)).to.equal('1900-01-31');
  });

  for (const [year, vietnam, china] of TET_WHERE_VIETNAM_DIFFERS) {
    it(`Tết ${year} is ${vietnam} in Vietnam, not ${china}`, () => {
      expect(lunarNewYear(year)).to.equal(vietnam);
      expect(solarToLunar(vietnam)).to.deep.equal({ year, month: 1, day: 1, leap: false });
      expect(solarToLunar(china)).to.not.include({ month: 1, day: 1 });
    });
  }

  it('1985: lunar 1984 has no leap month in Vietnam and 1985 has a leap 2nd month', () => {
    expect(leapMonthOf(1984)).to.equal(undefined);
    expect(leapMonthOf(1985)).to.equal(2);
    expect(solarToLunar('1985-02-20')).to.deep.equal({ year: 1985, month: 2, day: 1, leap: false });
  });

  for (const [year, vietnam] of GIO_TO_WHERE_LIBRARIES_DIFFER) {
    it(`Giỗ Tổ ${year} is ${vietnam}`, () => {
      expect(lunarToSolar({ year, month: 3, day: 10 })).to.equal(vietnam);
      expect(solarToLunar(vietnam)).to.deep.equal({ year, month: 3, day: 10, leap: false });
    });
  }
});

describe('lunar calendar: month ends where Hồ Ngọc Đức’s program gives day 0 (anchors file)', () => {
  it('2054-05-07 is the 30th of month 3, and the next day starts month 4', () => {
    expect(solarToLunar('2054-05-07')).to.deep.equal({ year: 2054, month: 3, day: 30, leap: false });
    expect(solarToLunar('2054-05-08')).to.deep.equal({ year: 2054, month: 4, day: 1, leap: false });
    expect(lunarToSolar({ year: 2054, month: 3, day: 30 })).to.equal('2054-05-07');
  });

  it('2062-04-09 is the 30th of month 2, and the next day starts month 3', () => {
    expect(solarToLunar('2062-04-09')).to.deep.equal({ year: 2062, month: 2, day: 30, leap: false });
    expect(solarToLunar('2062-04-10')).to.deep.equal({ year: 2062, month: 3, day: 1, leap: false });
    expect(lunarToSolar({ year: 2062, month: 2, day: 30 })).to.equal('2062-04-09');
  });
});

describe('lunar calendar: leap months as printed on Vietnamese calendars', () => {
  // Lịch vạn niên: Đinh Dậu 2017 nhuận tháng 6, Canh Tý 2020 nhuận tháng 4, Quý Mão 2023 nhuận tháng 2,
  // Ất Tỵ 2025 nhuận tháng 6; 2024 and 2026 have none.
  it('finds the leap month of 2017, 2020, 2023 and 2025 and none in 2024 and 2026', () => {
    expect([2017, 2020, 2023, 2024, 2025, 2026].map(leapMonthOf)).to.deep.equal([6, 4, 2, undefined, 6, undefined]);
  });

  it('numbers the leap month after the ordinary month of the same number', () => {
    expect(lunarToSolar({ year: 2025, month: 6, day: 1 })).to.equal('2025-06-25');
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).to.equal('2025-07-25');
    expect(solarToLunar('2025-07-24')).to.deep.equal({ year: 2025, month: 6, day: 30, leap: false });
    expect(solarToLunar('2025-07-25')).to.deep.equal({ year: 2025, month: 6, day: 1, leap: true });
    expect(solarToLunar('2025-08-23')).to.deep.equal({ year: 2025, month: 7, day: 1, leap: false });
  });
});

describe('lunar calendar: host time zone', () => {
  it('reads a Date as a civil date in Asia/Ho_Chi_Minh', () => {
    // 17:00 UTC on 16 February 2026 is midnight starting Tết in Hà Nội.
    expect(solarToLunar(new Date(Date.UTC(2026, 1, 16, 17, 0)))).to.deep.equal({
      year: 2026,
      month: 1,
      day: 1,
      leap: false,
    });
    expect(solarToLunar(new Date(Date.UTC(2026, 1, 16, 16, 59)))).to.deep.equal({
      year: 2025,
      month: 12,
      day: 29,
      leap: false,
    });
  });
});
