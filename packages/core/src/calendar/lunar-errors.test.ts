import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MotcuaError } from '../text/problem.js';
import {
  type LunarDateInput,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './lunar.js';
import { canChiOfYear } from './lunar-can-chi.js';

/** Runs `fn`, expects a MotcuaError and returns its problems as `[path, code]` pairs. */
function problemsOf(fn: () => unknown): [string, string][] {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(MotcuaError);
    const { problems } = error as MotcuaError;
    for (const p of problems) {
      expect(p.message.vi).to.be.a('string').and.not.equal('');
      expect(p.message.en).to.be.a('string').and.not.equal('');
    }
    return problems.map((p) => [p.path.join('.'), p.code]);
  }
  return expect.fail('expected a MotcuaError');
}

describe('lunar calendar: dates that do not exist', () => {
  it('refuses a 30th in a 29-day month, naming the day', () => {
    // Tháng Chạp of lunar 2025 has 29 days: Giao thừa 2026 is its 29th (shared §3.2).
    expect(problemsOf(() => lunarToSolar({ year: 2025, month: 12, day: 30 }))).to.deep.equal([
      ['day', 'no-such-lunar-day'],
    ]);
    expect(lunarToSolar({ year: 2025, month: 12, day: 29 })).to.equal('2026-02-16');
  });

  it('refuses a leap month the year does not have, and says which one it has', () => {
    expect(problemsOf(() => lunarToSolar({ year: 2026, month: 6, day: 1, leap: true }))).to.deep.equal([
      ['leap', 'no-such-leap-month'],
    ]);
    expect(problemsOf(() => lunarToSolar({ year: 2025, month: 5, day: 1, leap: true }))).to.deep.equal([
      ['leap', 'no-such-leap-month'],
    ]);
    try {
      lunarToSolar({ year: 2025, month: 5, day: 1, leap: true });
    } catch (error) {
      expect((error as MotcuaError).problems[0]?.message.vi).to.include('tháng 6');
    }
    expect(problemsOf(() => lunarMonthLength(2026, 6, true))).to.deep.equal([['leap', 'no-such-leap-month']]);
  });

  it('lists every malformed field at once', () => {
    const input = { year: 2026.5, month: 13, day: 0, leap: 'yes' } as unknown as LunarDateInput;
    expect(problemsOf(() => lunarToSolar(input))).to.deep.equal([
      ['year', 'invalid-lunar-year'],
      ['month', 'invalid-lunar-month'],
      ['day', 'invalid-lunar-day'],
      ['leap', 'invalid-lunar-leap'],
    ]);
    expect(problemsOf(() => lunarToSolar(null as unknown as LunarDateInput))).to.deep.equal([
      ['', 'invalid-lunar-date'],
    ]);
  });

  it('refuses an impossible civil date', () => {
    expect(problemsOf(() => solarToLunar('2026-02-30'))).to.deep.equal([['', 'invalid-date']]);
    expect(problemsOf(() => solarToLunar('2026-2-3'))).to.deep.equal([['', 'invalid-date-format']]);
    expect(problemsOf(() => solarToLunar(new Date(Number.NaN)))).to.deep.equal([['', 'invalid-instant']]);
  });

  it('refuses a non-integer year for a can-chi name', () => {
    expect(problemsOf(() => canChiOfYear(2026.5))).to.deep.equal([['', 'invalid-lunar-year']]);
  });
});

describe('lunar calendar: supported range 1900–2100', () => {
  it('converts the first and last days of the range', () => {
    expect(solarToLunar('1900-01-31')).to.deep.equal({ year: 1900, month: 1, day: 1, leap: false });
    expect(solarToLunar('2101-01-28')).to.include({ year: 2100, month: 12 });
  });

  it('refuses civil dates outside it', () => {
    for (const date of ['1900-01-30', '1899-06-01', '0001-01-01', '2101-01-29', '2200-01-01', '9999-12-31']) {
      expect(
        problemsOf(() => solarToLunar(date)),
        date,
      ).to.deep.equal([['', 'lunar-out-of-range']]);
    }
  });

  it('refuses lunar years outside it', () => {
    expect(problemsOf(() => lunarToSolar({ year: 1899, month: 12, day: 1 }))).to.deep.equal([
      ['year', 'lunar-out-of-range'],
    ]);
    expect(problemsOf(() => lunarToSolar({ year: 2101, month: 1, day: 1 }))).to.deep.equal([
      ['year', 'lunar-out-of-range'],
    ]);
    expect(problemsOf(() => lunarNewYear(2101))).to.deep.equal([['year', 'lunar-out-of-range']]);
    expect(problemsOf(() => leapMonthOf(1899))).to.deep.equal([['year', 'lunar-out-of-range']]);
    expect(problemsOf(() => lunarMonthLength(2101, 1))).to.deep.equal([['year', 'lunar-out-of-range']]);
  });
});
