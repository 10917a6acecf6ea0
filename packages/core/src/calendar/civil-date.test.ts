import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { MotcuaError } from '../text/problem.js';
import {
  addDays,
  civilDateOf,
  dayOfWeek,
  daysBetween,
  fromEpochDay,
  fromVietnamTime,
  isCivilDate,
  parseCivilDate,
  toEpochDay,
  toVietnamTime,
} from './civil-date.js';

const civilDate = fc
  .date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('civil dates', () => {
  it('accepts real dates and rejects impossible ones', () => {
    expect(isCivilDate('2024-02-29')).to.equal(true);
    expect(isCivilDate('2000-02-29')).to.equal(true);
    expect(isCivilDate('1900-02-29')).to.equal(false);
    expect(isCivilDate('2025-02-29')).to.equal(false);
    expect(isCivilDate('2025-04-31')).to.equal(false);
    expect(isCivilDate('2025-13-01')).to.equal(false);
    expect(isCivilDate('2025-1-01')).to.equal(false);
    expect(isCivilDate('0000-01-01')).to.equal(false);
    expect(isCivilDate(20250101)).to.equal(false);
  });

  it('explains a bad date with its path in Vietnamese and English', () => {
    try {
      parseCivilDate('2026-02-30', ['dossier', 'receivedOn']);
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(MotcuaError);
      const [p] = (error as MotcuaError).problems;
      expect(p?.path).to.deep.equal(['dossier', 'receivedOn']);
      expect(p?.code).to.equal('invalid-date');
      expect(p?.message.vi).to.contain('Ngày không tồn tại');
      expect(p?.message.en).to.contain('No such date');
      expect((error as Error).message).to.contain('$.dossier.receivedOn');
    }
    expect(() => parseCivilDate('22/11/2026')).to.throw(MotcuaError, /YYYY-MM-DD/);
    expect(() => parseCivilDate(undefined)).to.throw(MotcuaError, /undefined/);
  });

  it('counts days from 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).to.equal(0);
    expect(toEpochDay('1969-12-31')).to.equal(-1);
    expect(toEpochDay('2000-03-01')).to.equal(11_017);
    expect(fromEpochDay(20_000)).to.equal('2024-10-04');
  });

  it('agrees with the platform Date in UTC for every date 0001–9999', () => {
    fc.assert(
      fc.property(civilDate, (date) => {
        const ms = Date.parse(`${date}T00:00:00Z`);
        expect(toEpochDay(date)).to.equal(ms / 86_400_000);
        expect(dayOfWeek(date)).to.equal(new Date(ms).getUTCDay());
      }),
    );
  });

  it('round-trips epoch days and adds days consistently', () => {
    const inner = fc
      .date({ min: new Date(Date.UTC(100, 0, 1)), max: new Date(Date.UTC(9900, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(inner, fc.integer({ min: -20_000, max: 20_000 }), (date, n) => {
        expect(fromEpochDay(toEpochDay(date))).to.equal(date);
        const later = addDays(date, n);
        expect(daysBetween(date, later)).to.equal(n);
        expect(addDays(later, -n)).to.equal(date);
      }),
      {
        examples: [
          ['2024-02-28', 1],
          ['2025-12-31', 1],
          ['1582-10-04', 1],
        ],
      },
    );
  });

  it('knows the weekdays of the legal calendar', () => {
    expect(dayOfWeek('2026-09-02')).to.equal(3); // Quốc khánh 2026, a Wednesday
    expect(dayOfWeek('2025-04-26')).to.equal(6); // the 2025 make-up Saturday
    expect(dayOfWeek('2023-01-22')).to.equal(0); // Tết Quý Mão fell on a Sunday
  });
});

describe('Vietnam clock', () => {
  it('turns UTC instants into Vietnamese dates at UTC+7', () => {
    expect(civilDateOf(Date.UTC(2026, 0, 1, 16, 59))).to.equal('2026-01-01');
    expect(civilDateOf(Date.UTC(2026, 0, 1, 17, 0))).to.equal('2026-01-02');
    expect(toVietnamTime(new Date('2026-11-22T08:00:00Z'))).to.deep.equal({ date: '2026-11-22', minuteOfDay: 900 });
  });

  it('follows the historical offsets before 1976 (UTC+8 in the South until 13/6/1975)', () => {
    expect(toVietnamTime(Date.UTC(1970, 0, 1, 0, 0))).to.deep.equal({ date: '1970-01-01', minuteOfDay: 480 });
    expect(toVietnamTime(Date.UTC(1980, 0, 1, 0, 0))).to.deep.equal({ date: '1980-01-01', minuteOfDay: 420 });
    expect(toVietnamTime(Date.UTC(1945, 2, 14, 15, 0))).to.deep.equal({ date: '1945-03-15', minuteOfDay: 0 });
    expect(toVietnamTime(Date.UTC(1945, 2, 14, 14, 59))).to.deep.equal({
      date: '1945-03-14',
      minuteOfDay: 22 * 60 + 59,
    });
  });

  it("reads every instant since 1850 with the offsets of the platform's time-zone database", () => {
    // The offset in whole minutes that Intl gives for Asia/Ho_Chi_Minh (local mean time +07:06:30 reads as +07:07).
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const platformOffset = (ms: number): number => {
      const part: Record<string, number> = {};
      for (const { type, value } of format.formatToParts(ms)) part[type] = Number(value);
      const local = Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day, part.hour, part.minute, part.second);
      return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
    };
    const expected = (ms: number) => {
      const minutes = Math.floor(ms / 60_000) + platformOffset(ms);
      const day = Math.floor(minutes / 1440);
      return { date: fromEpochDay(day), minuteOfDay: minutes - day * 1440 };
    };
    // Every change of offset, found day by day and then to the second; then checked a second and a minute either side.
    const changes: number[] = [];
    for (let day = Date.UTC(1850, 0, 1); day < Date.UTC(1980, 0, 1); day += 86_400_000) {
      if (platformOffset(day) === platformOffset(day + 86_400_000)) continue;
      let [before, after] = [day, day + 86_400_000];
      while (after - before > 1000) {
        const middle = Math.floor((before + after) / 2000) * 1000;
        if (platformOffset(middle) === platformOffset(before)) before = middle;
        else after = middle;
      }
      changes.push(after);
    }
    expect(changes.length).to.be.greaterThan(5);
    for (const change of changes) {
      for (let ms = change - 180_000; ms <= change + 180_000; ms += 1000) {
        expect(toVietnamTime(ms), new Date(ms).toISOString()).to.deep.equal(expected(ms));
      }
    }
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(toVietnamTime(ms)).to.deep.equal(expected(ms));
      }),
      { numRuns: 2000 },
    );
  });

  it('maps a Vietnamese wall-clock time back to the same instant', () => {
    expect(new Date(fromVietnamTime('2026-01-02', 15 * 60)).toISOString()).to.equal('2026-01-02T08:00:00.000Z');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const minute = Math.floor(ms / 60_000) * 60_000;
        const { date, minuteOfDay } = toVietnamTime(minute);
        expect(fromVietnamTime(date, minuteOfDay)).to.equal(minute);
      }),
    );
  });

  it('refuses dates past the year 9999', () => {
    expect(() => addDays('9999-12-31', 1)).to.throw(MotcuaError, /0001–9999/);
  });

  it('refuses invalid instants and times', () => {
    expect(() => civilDateOf(new Date('not a date'))).to.throw(MotcuaError, /Thời điểm không hợp lệ/);
    expect(() => fromVietnamTime('2026-01-01', 1440)).to.throw(MotcuaError, /0–1439/);
  });

  it('does not depend on the host time zone', () => {
    // Any host: the same instant gives the same Vietnamese date. The test suite runs under several TZ values.
    const instant = Date.UTC(2024, 1, 9, 17, 0); // 00:00 on Tết Giáp Thìn in Hà Nội
    expect(civilDateOf(instant)).to.equal('2024-02-10');
    expect(civilDateOf(new Date(instant))).to.equal('2024-02-10');
  });
});
