import { daysFromCivil } from '../calendar/civil-date.js';
import { MotcuaError, type ProblemPath, problem } from '../text/problem.js';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const MS_PER_MINUTE = 60_000;
/** Vietnam's offset since 1976 (the working-day calendar starts in 1995). */
const VIETNAM_OFFSET_MINUTES = 420;

function digits(s: string, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = s.charCodeAt(at + k) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Reads an ISO 8601 date-time that carries its UTC offset — `2026-02-13T10:00:00+07:00`,
 * `2026-02-13T03:00Z`, with optional seconds and fraction — as epoch milliseconds, or returns
 * `undefined` when it is not one (a time without an offset is ambiguous and is refused).
 *
 * @example
 * ```ts
 * parseOffsetDateTime('2026-02-13T10:00:00+07:00'); // Date.UTC(2026, 1, 13, 3)
 * parseOffsetDateTime('2026-02-13T10:00:00');       // undefined: no offset
 * ```
 */
export function parseOffsetDateTime(s: string): number | undefined {
  const n = s.length;
  if (n < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return undefined;
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116 && t !== 32) return undefined; // T, t or a space
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return undefined;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number))) return undefined;
  let at = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(at) === 58) {
    second = digits(s, at + 1, 2);
    if (second < 0 || second > 59) return undefined;
    at += 3;
    if (s.charCodeAt(at) === 46 || s.charCodeAt(at) === 44) {
      let k = at + 1;
      let scale = 100;
      while (k < n) {
        const d = s.charCodeAt(k) - 48;
        if (d < 0 || d > 9) break;
        ms += d * scale;
        scale /= 10;
        k++;
      }
      if (k === at + 1) return undefined;
      ms = Math.floor(ms);
      at = k;
    }
  }
  const sign = s.charCodeAt(at);
  let offset: number;
  if ((sign === 90 || sign === 122) && at + 1 === n)
    offset = 0; // Z
  else if ((sign === 43 || sign === 45) && at + 6 === n && s.charCodeAt(at + 3) === 58) {
    const oh = digits(s, at + 1, 2);
    const om = digits(s, at + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else return undefined;
  // Days since 1970-01-01, without Date.UTC's general-purpose path.
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offset) * MS_PER_MINUTE + second * 1000 + ms;
}

/**
 * Reads a receipt or event time (an ISO string with an offset, or a `Date`) as Vietnam wall-clock
 * minutes since 1970-01-01 00:00 (seconds dropped). Throws a `MotcuaError` at `path` otherwise.
 *
 * @example
 * ```ts
 * vietnamMinute('2026-02-13T10:00:00+07:00', ['receivedAt']) % 1440; // 600
 * ```
 */
export function vietnamMinute(value: unknown, path: ProblemPath): number {
  let ms: number | undefined;
  if (typeof value === 'string') ms = parseOffsetDateTime(value);
  else if (value instanceof Date && Number.isFinite(value.getTime())) ms = value.getTime();
  if (ms === undefined) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value;
    throw new MotcuaError([
      problem(path, 'invalid-date-time', {
        vi: `Thời điểm phải có dạng ISO 8601 kèm múi giờ, ví dụ 2026-02-13T10:00:00+07:00; nhận được ${shown}`,
        en: `A point in time must be ISO 8601 with its offset, e.g. 2026-02-13T10:00:00+07:00; got ${shown}`,
      }),
    ]);
  }
  return Math.floor(ms / MS_PER_MINUTE) + VIETNAM_OFFSET_MINUTES;
}
