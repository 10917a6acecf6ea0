import { isJsonObject } from '../text/json-object.js';
import { MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import type { CalendarOverlay } from './calendar-overlay.js';
import { WORKING_DAY_YEARS, yearProblem } from './calendar-overlay.js';
import { type CivilDate, dayOfWeek, isCivilDate, toEpochDay } from './civil-date.js';
import { HOLIDAY_NAMES, type HolidayKey } from './holiday-rules.js';

const HOLIDAY_KEYS = Object.keys(HOLIDAY_NAMES) as HolidayKey[];

type Rec = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value;
}

class Checker {
  readonly problems: Problem[] = [];

  add(path: ProblemPath, code: string, vi: string, en: string): void {
    this.problems.push(problem(path, code, { vi, en }));
  }

  record(value: unknown, path: ProblemPath, allowed: readonly string[], required: readonly string[]): Rec | undefined {
    if (!isJsonObject(value)) {
      this.add(
        path,
        'invalid-type',
        `Phải là một đối tượng, nhận được ${describe(value)}`,
        `Must be an object; got ${describe(value)}`,
      );
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.add(
          [...path, key],
          'unknown-field',
          `Trường không được hỗ trợ "${key}" (các trường hợp lệ: ${allowed.join(', ')})`,
          `Unknown field "${key}" (allowed: ${allowed.join(', ')})`,
        );
      }
    }
    for (const key of required) {
      if (value[key] === undefined)
        this.add([...path, key], 'missing-field', `Thiếu trường "${key}"`, `Missing field "${key}"`);
    }
    return value;
  }

  array(value: unknown, path: ProblemPath): readonly unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.add(
        path,
        'invalid-type',
        `Phải là một mảng, nhận được ${describe(value)}`,
        `Must be an array; got ${describe(value)}`,
      );
      return undefined;
    }
    return value;
  }

  string(value: unknown, path: ProblemPath): boolean {
    if (typeof value === 'string' && value.trim() !== '') return true;
    this.add(
      path,
      'invalid-type',
      `Phải là chuỗi khác rỗng, nhận được ${describe(value)}`,
      `Must be a non-empty string; got ${describe(value)}`,
    );
    return false;
  }

  date(value: unknown, path: ProblemPath): value is CivilDate {
    if (isCivilDate(value)) return true;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      this.add(path, 'invalid-date', `Ngày không tồn tại: ${value}`, `No such date: ${value}`);
    } else {
      this.add(
        path,
        'invalid-date-format',
        `Ngày phải có dạng YYYY-MM-DD, nhận được ${describe(value)}`,
        `A date must be written YYYY-MM-DD; got ${describe(value)}`,
      );
    }
    return false;
  }

  year(value: unknown, path: ProblemPath): value is number {
    const found = yearProblem(value, path);
    if (found) this.problems.push(found);
    return found === undefined;
  }

  nearYear(date: CivilDate, year: number, path: ProblemPath): void {
    const y = Number(date.slice(0, 4));
    if (Math.abs(y - year) > 1) {
      this.add(
        path,
        'date-outside-year',
        `Ngày ${date} quá xa năm ${year} của lịch này`,
        `${date} is too far from the schedule's year ${year}`,
      );
    }
  }

  sourceIndex(value: unknown, count: number, path: ProblemPath): void {
    if (value === undefined) return;
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= count) {
      this.add(
        path,
        'invalid-source-index',
        `Phải là chỉ số của một mục trong "sources" (0–${count - 1}), nhận được ${describe(value)}`,
        `Must be the index of an entry in "sources" (0–${count - 1}); got ${describe(value)}`,
      );
    }
  }

  text(value: unknown, path: ProblemPath): void {
    const rec = this.record(value, path, ['vi', 'en'], ['vi', 'en']);
    if (!rec) return;
    if (rec.vi !== undefined) this.string(rec.vi, [...path, 'vi']);
    if (rec.en !== undefined) this.string(rec.en, [...path, 'en']);
  }
}

function checkSource(c: Checker, value: unknown, path: ProblemPath): void {
  const rec = c.record(value, path, ['instrument', 'date', 'references'], []);
  if (!rec) return;
  if (rec.instrument !== undefined) c.string(rec.instrument, [...path, 'instrument']);
  if (rec.date !== undefined) c.date(rec.date, [...path, 'date']);
  const refs = c.array(rec.references, [...path, 'references']);
  refs?.forEach((ref, i) => {
    c.string(ref, [...path, 'references', i]);
  });
  if (rec.instrument === undefined && (refs === undefined || refs.length === 0)) {
    c.add(path, 'missing-field', 'Cần "instrument" hoặc "references"', 'Needs "instrument" or "references"');
  }
}

function checkSchedule(c: Checker, value: unknown, path: ProblemPath): void {
  const rec = c.record(value, path, ['year', 'sources', 'tet', 'nationalDay', 'swaps'], ['year', 'sources']);
  if (!rec) return;
  const yearOk = rec.year !== undefined && c.year(rec.year, [...path, 'year']);
  const year = yearOk ? (rec.year as number) : undefined;
  const sources = c.array(rec.sources, [...path, 'sources']);
  if (sources?.length === 0) {
    c.add(
      [...path, 'sources'],
      'missing-field',
      'Cần ít nhất một nguồn (văn bản)',
      'At least one source (instrument) is needed',
    );
  }
  sources?.forEach((s, i) => {
    checkSource(c, s, [...path, 'sources', i]);
  });
  const count = sources?.length ?? 0;
  const dateIn = (v: unknown, p: ProblemPath): v is CivilDate => {
    if (!c.date(v, p)) return false;
    if (year !== undefined) c.nearYear(v, year, p);
    return true;
  };

  if (rec.tet !== undefined) {
    const tp = [...path, 'tet'];
    const tet = c.record(rec.tet, tp, ['from', 'to', 'days', 'source'], ['from', 'to']);
    if (tet) {
      const fromOk = tet.from !== undefined && dateIn(tet.from, [...tp, 'from']);
      const toOk = tet.to !== undefined && dateIn(tet.to, [...tp, 'to']);
      if (fromOk && toOk) {
        const from = tet.from as string;
        const to = tet.to as string;
        if (from > to || toEpochDay(to) - toEpochDay(from) > 20) {
          c.add(
            tp,
            'invalid-range',
            `Khoảng nghỉ Tết ${from}…${to} phải theo thứ tự và không quá 21 ngày`,
            `The Tết range ${from}…${to} must be in order and at most 21 days long`,
          );
        }
        c.array(tet.days, [...tp, 'days'])?.forEach((d, i) => {
          if (dateIn(d, [...tp, 'days', i]) && (d < from || d > to)) {
            c.add(
              [...tp, 'days', i],
              'invalid-range',
              `Ngày ${d} nằm ngoài khoảng nghỉ Tết`,
              `${d} is outside the Tết range`,
            );
          }
        });
      }
      c.sourceIndex(tet.source, count, [...tp, 'source']);
    }
  }

  if (rec.nationalDay !== undefined) {
    const np = [...path, 'nationalDay'];
    const nd = c.record(rec.nationalDay, np, ['adjacent', 'source'], ['adjacent']);
    if (nd && nd.adjacent !== undefined && c.date(nd.adjacent, [...np, 'adjacent']) && year !== undefined) {
      if (nd.adjacent !== `${year}-09-01` && nd.adjacent !== `${year}-09-03`) {
        c.add(
          [...np, 'adjacent'],
          'invalid-adjacent-day',
          `Ngày nghỉ liền kề Quốc khánh phải là ${year}-09-01 hoặc ${year}-09-03, nhận được ${nd.adjacent}`,
          `Quốc khánh's adjacent day must be ${year}-09-01 or ${year}-09-03; got ${nd.adjacent}`,
        );
      }
      if (year < 2021) {
        c.add(
          np,
          'invalid-adjacent-day',
          'Quốc khánh chỉ có 2 ngày nghỉ từ năm 2021',
          'Quốc khánh has two days only from 2021',
        );
      }
    }
    if (nd) c.sourceIndex(nd.source, count, [...np, 'source']);
  }

  c.array(rec.swaps, [...path, 'swaps'])?.forEach((swap, i) => {
    const sp = [...path, 'swaps', i];
    const s = c.record(swap, sp, ['dayOff', 'workday', 'holiday', 'source'], ['dayOff', 'workday']);
    if (!s) return;
    if (s.dayOff !== undefined && dateIn(s.dayOff, [...sp, 'dayOff'])) {
      const w = dayOfWeek(s.dayOff);
      if (w === 0 || w === 6) {
        c.add(
          [...sp, 'dayOff'],
          'not-a-weekday',
          `Ngày nghỉ hoán đổi ${s.dayOff} phải là ngày thường (thứ Hai–thứ Sáu)`,
          `The swapped day off ${s.dayOff} must be a weekday (Monday–Friday)`,
        );
      }
    }
    if (s.workday !== undefined && dateIn(s.workday, [...sp, 'workday'])) {
      const w = dayOfWeek(s.workday);
      if (w !== 0 && w !== 6) {
        c.add(
          [...sp, 'workday'],
          'not-a-weekend',
          `Ngày làm bù ${s.workday} phải là thứ Bảy hoặc Chủ nhật`,
          `The make-up day ${s.workday} must be a Saturday or Sunday`,
        );
      }
    }
    if (s.holiday !== undefined && !HOLIDAY_KEYS.includes(s.holiday as HolidayKey)) {
      c.add(
        [...sp, 'holiday'],
        'invalid-holiday',
        `Ngày lễ không hợp lệ (${HOLIDAY_KEYS.join(', ')}), nhận được ${describe(s.holiday)}`,
        `Unknown holiday (${HOLIDAY_KEYS.join(', ')}); got ${describe(s.holiday)}`,
      );
    }
    c.sourceIndex(s.source, count, [...sp, 'source']);
  });
}

function checkRules(c: Checker, value: unknown, path: ProblemPath): void {
  const rec = c.record(
    value,
    path,
    ['cultureDay', 'cultureDayCompensation', 'officialSchedules', 'makeUpWorkdays'],
    [],
  );
  if (!rec) return;
  const culture = rec.cultureDay;
  if (culture !== undefined && typeof culture !== 'boolean') {
    const cr = c.record(culture, [...path, 'cultureDay'], ['fromYear'], ['fromYear']);
    if (cr && cr.fromYear !== undefined) c.year(cr.fromYear, [...path, 'cultureDay', 'fromYear']);
  }
  for (const key of ['cultureDayCompensation', 'officialSchedules', 'makeUpWorkdays'] as const) {
    if (rec[key] !== undefined && typeof rec[key] !== 'boolean') {
      c.add(
        [...path, key],
        'invalid-type',
        `Phải là true hoặc false, nhận được ${describe(rec[key])}`,
        `Must be true or false; got ${describe(rec[key])}`,
      );
    }
  }
}

/**
 * Checks an overlay (an object, or its JSON text) and returns it typed. Every problem found is
 * reported at once, each with its path and a Vietnamese and English message.
 *
 * This is the door for overlays that come as data — a JSON file, a response from the network, a
 * form: `vietnamCalendar({ overlays })` trusts the shape of what it is given and makes only cheap
 * checks (years in range, real dates), so that a page that only counts working days does not ship
 * this validator.
 *
 * @throws MotcuaError listing every problem, e.g. `$.schedules[0].swaps[0].workday: Ngày làm bù
 * 2027-01-06 phải là thứ Bảy hoặc Chủ nhật / The make-up day 2027-01-06 must be a Saturday or Sunday`.
 * @example
 * ```ts
 * // In the browser: a schedule update published on the commune's site.
 * const overlay = parseCalendarOverlay(await (await fetch('/lich-2027.json')).text());
 * const cal = vietnamCalendar({ overlays: [overlay] });
 *
 * // In Node: a file next to the server.
 * const local = parseCalendarOverlay(readFileSync('overlays/xa-vi-du.json', 'utf8'));
 *
 * // Bad data is refused with every problem and its path:
 * parseCalendarOverlay('{"name": "x", "rules": {"cultureDay": "yes"}}');
 * // throws MotcuaError: $.rules.cultureDay: Phải là một đối tượng, nhận được "yes" / Must be an object; got "yes"
 * ```
 */
export function parseCalendarOverlay(value: unknown): CalendarOverlay {
  let input = value;
  if (typeof value === 'string') {
    try {
      input = JSON.parse(value);
    } catch (error) {
      throw new MotcuaError([
        problem([], 'invalid-json', {
          vi: `Không đọc được JSON: ${(error as Error).message}`,
          en: `Not valid JSON: ${(error as Error).message}`,
        }),
      ]);
    }
  }
  const c = new Checker();
  const rec = c.record(input, [], ['name', 'schedules', 'rules', 'localDays'], ['name']);
  if (rec) {
    if (rec.name !== undefined) c.string(rec.name, ['name']);
    const schedules = c.array(rec.schedules, ['schedules']);
    const seen = new Map<unknown, number>();
    schedules?.forEach((s, i) => {
      checkSchedule(c, s, ['schedules', i]);
      const year = isJsonObject(s) ? s.year : undefined;
      if (year !== undefined && seen.has(year)) {
        c.add(
          ['schedules', i, 'year'],
          'duplicate-year',
          `Năm ${String(year)} đã có lịch ở mục ${seen.get(year)}`,
          `Year ${String(year)} already has a schedule at index ${seen.get(year)}`,
        );
      }
      seen.set(year, i);
    });
    if (rec.rules !== undefined) checkRules(c, rec.rules, ['rules']);
    c.array(rec.localDays, ['localDays'])?.forEach((d, i) => {
      const p = ['localDays', i];
      const day = c.record(d, p, ['date', 'working', 'name', 'instrument'], ['date', 'working', 'name']);
      if (!day) return;
      if (day.date !== undefined && c.date(day.date, [...p, 'date'])) {
        const year = Number(day.date.slice(0, 4));
        if (year < WORKING_DAY_YEARS.first || year > WORKING_DAY_YEARS.last) c.year(year, [...p, 'date']);
      }
      if (day.working !== undefined && typeof day.working !== 'boolean') {
        c.add(
          [...p, 'working'],
          'invalid-type',
          `Phải là true hoặc false, nhận được ${describe(day.working)}`,
          `Must be true or false; got ${describe(day.working)}`,
        );
      }
      if (day.name !== undefined) c.text(day.name, [...p, 'name']);
      if (day.instrument !== undefined) c.string(day.instrument, [...p, 'instrument']);
    });
  }
  if (c.problems.length > 0) throw new MotcuaError(c.problems);
  return input as CalendarOverlay;
}
