import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MotcuaError, type Problem } from '../text/problem.js';
import type { CalendarOverlay } from './calendar-overlay.js';
import { calendarOverlayWarnings } from './overlay-warnings.js';
import { parseCalendarOverlay } from './parse-overlay.js';
import { vietnamCalendar } from './vietnam-calendar.js';

function problemsOf(f: () => unknown): Problem[] {
  try {
    f();
  } catch (error) {
    if (error instanceof MotcuaError) return [...error.problems];
    throw error;
  }
  expect.fail('expected a MotcuaError');
}

const summary = (problems: Problem[]) => problems.map((p) => `${p.code} ${JSON.stringify(p.path)}`);

// What a commune would publish when the 2027 decision comes out (dates illustrative).
const tet2027: CalendarOverlay = {
  name: 'Bộ Nội vụ (thông báo 2027)',
  schedules: [
    {
      year: 2027,
      sources: [{ instrument: 'CV 9999/VPCP-KGVX', date: '2026-12-01' }],
      tet: { from: '2027-02-05', to: '2027-02-14' },
      nationalDay: { adjacent: '2027-09-03' },
      swaps: [{ dayOff: '2027-02-12', workday: '2027-02-20', holiday: 'tet' }],
    },
  ],
};

describe('calendar overlays', () => {
  it('adds an official schedule for a year without one: its days stop being provisional', () => {
    const cal = vietnamCalendar({ overlays: [tet2027] });
    expect(cal.schedule(2027)?.sources[0]?.instrument).to.equal('CV 9999/VPCP-KGVX');
    for (const d of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12']) {
      expect(cal.isWorkingDay(d), d).to.equal(false);
    }
    expect(cal.isWorkingDay('2027-02-04')).to.equal(true);
    expect(cal.isWorkingDay('2027-02-15')).to.equal(true);
    expect(cal.isWorkingDay('2027-02-20')).to.equal(true);
    const days = cal.holidays(2027);
    expect(days.filter((d) => d.provisional)).to.deep.equal([]);
    const bridge = days.find((d) => d.date === '2027-02-12');
    expect(bridge).to.include({ kind: 'bridge', holiday: 'tet', provisional: false });
    expect(bridge?.source).to.deep.include({
      basis: 'decision',
      instrument: 'CV 9999/VPCP-KGVX',
      overlay: tet2027.name,
    });
    // The standard calendar is untouched.
    expect(vietnamCalendar().isWorkingDay('2027-02-04')).to.equal(false);
  });

  it('replaces the built-in schedule of a year', () => {
    const cal = vietnamCalendar({
      overlays: [
        {
          name: 'test',
          schedules: [
            { year: 2026, sources: [{ references: ['test'] }], tet: { from: '2026-02-14', to: '2026-02-22' } },
          ],
        },
      ],
    });
    expect(cal.isWorkingDay('2026-01-02')).to.equal(true);
    expect(cal.isWorkingDay('2026-01-10')).to.equal(false);
    // Without a decided adjacent day, 2026 falls back to the heuristic (1/9), flagged provisional.
    expect(cal.holidays(2026).find((d) => d.date === '2026-09-01')?.provisional).to.equal(true);
  });

  it('adds local days off and extra working days that override the national calendar', () => {
    const cal = vietnamCalendar({
      overlays: [
        {
          name: 'UBND xã Ví Dụ',
          localDays: [
            { date: '2026-11-28', working: true, name: { vi: 'Làm việc sáng thứ Bảy', en: 'Saturday session' } },
            {
              date: '2026-03-09',
              working: false,
              name: { vi: 'Lễ hội địa phương', en: 'Local festival' },
              instrument: 'QĐ 1/2026/QĐ-UBND',
            },
            { date: '2026-01-02', working: true, name: { vi: 'Trực tiếp nhận hồ sơ', en: 'Open for dossiers' } },
          ],
        },
      ],
    });
    expect(cal.isWorkingDay('2026-11-28')).to.equal(true);
    expect(cal.isWorkingDay('2026-03-09')).to.equal(false);
    expect(cal.isWorkingDay('2026-01-02')).to.equal(true);
    expect(cal.addWorkingDays('2026-03-06', 1)).to.equal('2026-03-10');
    const local = cal.holidays(2026).find((d) => d.date === '2026-03-09');
    expect(local).to.deep.include({ kind: 'local', working: false, provisional: false });
    expect(local?.source).to.deep.equal({ basis: 'local', overlay: 'UBND xã Ví Dụ', instrument: 'QĐ 1/2026/QĐ-UBND' });
    // Overridden national days stay listed, before the local day.
    expect(
      cal
        .holidays(2026)
        .filter((d) => d.date === '2026-01-02')
        .map((d) => d.kind),
    ).to.deep.equal(['bridge', 'local']);
  });

  it('switches the built-in schedules off for a purely rule-derived calendar', () => {
    const cal = vietnamCalendar({ overlays: [{ name: 'doanh nghiệp', rules: { officialSchedules: false } }] });
    expect(cal.isWorkingDay('2025-05-02')).to.equal(true);
    expect(cal.isWorkingDay('2025-04-26')).to.equal(false);
    expect(cal.schedule(2025)).to.equal(undefined);
  });

  it('can stop counting make-up Saturdays as working days while the swapped weekday stays off', () => {
    const cal = vietnamCalendar({ overlays: [{ name: 'xã', rules: { makeUpWorkdays: false } }] });
    expect(cal.isWorkingDay('2026-01-10')).to.equal(false);
    expect(cal.isWorkingDay('2026-01-02')).to.equal(false);
    expect(cal.holidays(2026).find((d) => d.date === '2026-01-10')).to.include({
      kind: 'make-up-workday',
      working: false,
    });
    expect(cal.addWorkingDays('2026-01-09', 1)).to.equal('2026-01-12');
    expect(vietnamCalendar().addWorkingDays('2026-01-09', 1)).to.equal('2026-01-10');
  });

  it('round-trips through JSON', () => {
    const text = JSON.stringify(tet2027);
    const parsed = parseCalendarOverlay(text);
    expect(parsed).to.deep.equal(tet2027);
    const a = vietnamCalendar({ overlays: [parsed] });
    const b = vietnamCalendar({ overlays: [tet2027] });
    expect(a.holidays(2027)).to.deep.equal(b.holidays(2027));
  });
});

describe('overlay validation', () => {
  it('reports every problem with its path, in Vietnamese and English', () => {
    const problems = problemsOf(() =>
      parseCalendarOverlay({
        name: '',
        schedules: [
          {
            year: 2027,
            sources: [{ instrument: 'CV 1/VPCP-KGVX', date: '2026-02-30' }],
            tet: { from: '2027-02-10', to: '2027-02-05' },
            nationalDay: { adjacent: '2027-09-04' },
            swaps: [
              { dayOff: '2027-02-13', workday: '2027-02-17', source: 3 },
              { dayOff: '2027-02-12', workday: '2027-02-20', holiday: 'christmas' },
            ],
          },
          { year: 2200, sources: [] },
        ],
        rules: { cultureDay: 'yes', officialSchedule: false, makeUpWorkdays: 0, cultureDayCompensation: 'compensate' },
        localDays: [{ date: '2026/11/28', working: 'true', name: { vi: 'x' } }],
      }),
    );
    expect(summary(problems)).to.deep.equal([
      'invalid-type ["name"]',
      'invalid-date ["schedules",0,"sources",0,"date"]',
      'invalid-range ["schedules",0,"tet"]',
      'invalid-adjacent-day ["schedules",0,"nationalDay","adjacent"]',
      'not-a-weekday ["schedules",0,"swaps",0,"dayOff"]',
      'not-a-weekend ["schedules",0,"swaps",0,"workday"]',
      'invalid-source-index ["schedules",0,"swaps",0,"source"]',
      'invalid-holiday ["schedules",0,"swaps",1,"holiday"]',
      'year-out-of-range ["schedules",1,"year"]',
      'missing-field ["schedules",1,"sources"]',
      'unknown-field ["rules","officialSchedule"]',
      'invalid-type ["rules","cultureDay"]',
      'invalid-type ["rules","cultureDayCompensation"]',
      'invalid-type ["rules","makeUpWorkdays"]',
      'invalid-date-format ["localDays",0,"date"]',
      'invalid-type ["localDays",0,"working"]',
      'missing-field ["localDays",0,"name","en"]',
    ]);
    for (const p of problems) {
      expect(p.message.vi.length).to.be.greaterThan(0);
      expect(p.message.en.length).to.be.greaterThan(0);
      expect(p.message.vi).to.not.equal(p.message.en);
    }
    expect(problems[5]?.message).to.deep.equal({
      vi: 'Ngày làm bù 2027-02-17 phải là thứ Bảy hoặc Chủ nhật',
      en: 'The make-up day 2027-02-17 must be a Saturday or Sunday',
    });
  });

  it('rejects bad JSON, a non-object, a missing name, duplicate years and far-away dates', () => {
    expect(summary(problemsOf(() => parseCalendarOverlay('{"name": ')))).to.deep.equal(['invalid-json []']);
    expect(summary(problemsOf(() => parseCalendarOverlay([])))).to.deep.equal(['invalid-type []']);
    expect(summary(problemsOf(() => parseCalendarOverlay({})))).to.deep.equal(['missing-field ["name"]']);
    const year = { year: 2027, sources: [{ references: ['x'] }] };
    expect(summary(problemsOf(() => parseCalendarOverlay({ name: 'x', schedules: [year, year] })))).to.deep.equal([
      'duplicate-year ["schedules",1,"year"]',
    ]);
    const far = { ...year, swaps: [{ dayOff: '2030-01-02', workday: '2030-01-05' }] };
    expect(summary(problemsOf(() => parseCalendarOverlay({ name: 'x', schedules: [far] })))).to.deep.equal([
      'date-outside-year ["schedules",0,"swaps",0,"dayOff"]',
      'date-outside-year ["schedules",0,"swaps",0,"workday"]',
    ]);
    const early = { year: 2020, sources: [{ references: ['x'] }], nationalDay: { adjacent: '2020-09-03' } };
    expect(summary(problemsOf(() => parseCalendarOverlay({ name: 'x', schedules: [early] })))).to.deep.equal([
      'invalid-adjacent-day ["schedules",0,"nationalDay"]',
    ]);
  });

  it('prefixes the overlay index when a calendar is built from a bad overlay', () => {
    const bad = { name: 'x', localDays: [{ date: '2026-02-30', working: false, name: { vi: 'a', en: 'b' } }] };
    const problems = problemsOf(() => vietnamCalendar({ overlays: [tet2027, bad as CalendarOverlay] }));
    expect(summary(problems)).to.deep.equal(['invalid-date ["overlays",1,"localDays",0,"date"]']);
  });

  it('checks typed overlays cheaply when a calendar is built: years and dates, with their paths', () => {
    const typed: CalendarOverlay = {
      name: 'x',
      schedules: [
        { year: 2200, sources: [{ references: ['x'] }] },
        {
          year: 2027,
          sources: [{ instrument: 'CV 1', date: '2026-13-01' }],
          tet: { from: '2027-02-30', to: '2027-02-10', days: ['2027-02-06', '6/2/2027'] },
          swaps: [{ dayOff: '2027/05/03', workday: '2027-05-08' }],
        },
      ],
    };
    expect(summary(problemsOf(() => vietnamCalendar({ overlays: [typed] })))).to.deep.equal([
      'year-out-of-range ["overlays",0,"schedules",0,"year"]',
      'invalid-date ["overlays",0,"schedules",1,"sources",0,"date"]',
      'invalid-date ["overlays",0,"schedules",1,"tet","from"]',
      'invalid-date-format ["overlays",0,"schedules",1,"tet","days",1]',
      'invalid-date-format ["overlays",0,"schedules",1,"swaps",0,"dayOff"]',
    ]);
  });

  it('leaves the shape checks of JSON to parseCalendarOverlay, which a calendar built from it passes', () => {
    const json = '{"name":"UBND xã Ví Dụ","rules":{"cultureDay":true}}';
    const legacy = vietnamCalendar({ overlays: [parseCalendarOverlay(json)] });
    expect(legacy.isWorkingDay('2026-11-24')).to.equal(false);
    expect(calendarOverlayWarnings([parseCalendarOverlay(json)]).map((w) => w.code)).to.deep.equal(['rule-built-in']);
    const none = parseCalendarOverlay('{"name":"xã","rules":{"cultureDayCompensation":false}}');
    expect(vietnamCalendar({ overlays: [none] }).isWorkingDay('2029-11-26')).to.equal(true);
    expect(() => parseCalendarOverlay('{"name":"x","rules":{"cultureDay":"yes"}}')).to.throw(MotcuaError);
  });
});
