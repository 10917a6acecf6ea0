import { MotcuaError, type ProblemPath, problem } from '../text/problem.js';

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The minute of the day (0–1439) a `HH:MM` clock time names; throws a {@link MotcuaError} with `path`
 * for anything else.
 *
 * @example
 * ```ts
 * parseClockTime('07:30'); // 450
 * parseClockTime('7:30', ['windows', 0, 'from']); // throws: $.windows[0].from: Giờ phải có dạng HH:MM …
 * ```
 */
export function parseClockTime(value: unknown, path: ProblemPath = []): number {
  const match = typeof value === 'string' ? CLOCK_TIME.exec(value) : null;
  if (!match) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value;
    throw new MotcuaError([
      problem(path, 'invalid-clock-time', {
        vi: `Giờ phải có dạng HH:MM từ 00:00 đến 23:59 (ví dụ 07:30), nhận được ${shown}`,
        en: `A time of day must be written HH:MM from 00:00 to 23:59 (e.g. 07:30); got ${shown}`,
      }),
    ]);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Writes a minute of the day (0–1439) as `HH:MM`.
 *
 * @example
 * ```ts
 * formatClockTime(780); // '13:00'
 * ```
 */
export function formatClockTime(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
