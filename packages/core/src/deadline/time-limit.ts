import { MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import { TIME_LIMIT_UNITS, type TimeLimitUnit, timeLimitFaults } from './time-limit-faults.js';

// The checks live in time-limit-faults.ts without their words; this module words them.
export { TIME_LIMIT_UNITS, type TimeLimitUnit } from './time-limit-faults.js';

/**
 * A time limit as data, the shape the catalogue stores and the deadline engine counts.
 *
 * - `value`: how many units; a whole number ≥ 1 for `working-days`, `working-hours` and `days`, and
 *   `0` for `same-day` and `immediate` (which count no units).
 * - `cutoff`: optional `HH:MM` (Vietnam time). A dossier received after it is handled as if received
 *   on the next working day — the "sau 15 giờ" rule of Decree 23/2015 art. 7 (chứng thực), Luật Hộ
 *   tịch art. 5(3) and Decree 63/2024 art. 7(2). It is per limit and usable with every unit; for
 *   `same-day` the deadline engine applies 15:00 when none is given.
 *
 * @example
 * ```ts
 * const khaiSinh: TimeLimit = { value: 0, unit: 'immediate', cutoff: '15:00' };
 * const nhanChaMeCon: TimeLimit = { value: 3, unit: 'working-days' };
 * ```
 */
export interface TimeLimit {
  /** Number of units (`0` for `same-day` and `immediate`). */
  readonly value: number;
  /** How the units are counted. */
  readonly unit: TimeLimitUnit;
  /** Receipt time after which counting starts from the next working day, `HH:MM`. */
  readonly cutoff?: string;
}

/**
 * Every problem with a value meant as a {@link TimeLimit}, each with its path (prefixed by `path`)
 * and a Vietnamese and English message. Returns `[]` for a valid limit.
 *
 * @example
 * ```ts
 * timeLimitProblems({ value: -1, unit: 'weeks' }).map((p) => p.code);
 * // ['invalid-time-limit-value', 'unknown-time-limit-unit']
 * ```
 */
export function timeLimitProblems(input: unknown, path: ProblemPath = []): Problem[] {
  return timeLimitFaults(input).map((fault) => {
    switch (fault) {
      case 'not-an-object':
        return problem(path, 'invalid-time-limit', {
          vi: 'Thời hạn phải là một đối tượng { value, unit, cutoff? }',
          en: 'A time limit must be an object { value, unit, cutoff? }',
        });
      case 'value':
        return problem([...path, 'value'], 'invalid-time-limit-value', {
          vi: 'Số lượng của thời hạn phải là số nguyên không âm',
          en: 'The time limit value must be a non-negative whole number',
        });
      case 'value-not-zero': {
        const unit = (input as TimeLimit).unit;
        return problem([...path, 'value'], 'invalid-time-limit-value', {
          vi: `Thời hạn "${unit}" không đếm đơn vị nào: số lượng phải là 0`,
          en: `A "${unit}" time limit counts no units: its value must be 0`,
        });
      }
      case 'value-below-one':
        return problem([...path, 'value'], 'invalid-time-limit-value', {
          vi: 'Thời hạn tính theo ngày hoặc giờ phải có số lượng từ 1 trở lên (dùng "same-day" cho trong ngày)',
          en: 'A limit counted in days or hours must be at least 1 (use "same-day" for within the day)',
        });
      case 'unit':
        return problem([...path, 'unit'], 'unknown-time-limit-unit', {
          vi: `Đơn vị thời hạn không hợp lệ; phải là một trong: ${TIME_LIMIT_UNITS.join(', ')}`,
          en: `Unknown time limit unit; expected one of: ${TIME_LIMIT_UNITS.join(', ')}`,
        });
      case 'cutoff':
        return problem([...path, 'cutoff'], 'invalid-time-limit-cutoff', {
          vi: 'Giờ giới hạn tiếp nhận phải có dạng HH:MM, ví dụ 15:00',
          en: 'The cutoff must be a time HH:MM, e.g. 15:00',
        });
      default:
        return problem([...path, fault.unknownField], 'unknown-field', {
          vi: `Trường không được hỗ trợ: "${fault.unknownField}"`,
          en: `Unsupported field: "${fault.unknownField}"`,
        });
    }
  });
}

/**
 * Validates a {@link TimeLimit}. Throws a `MotcuaError` listing every problem (paths prefixed by
 * `path`) with Vietnamese and English messages.
 *
 * @example
 * ```ts
 * parseTimeLimit({ value: 5, unit: 'working-days' }); // { value: 5, unit: 'working-days' }
 * parseTimeLimit({ value: 1, unit: 'weeks' }); // throws MotcuaError ($.unit)
 * ```
 */
export function parseTimeLimit(input: unknown, path: ProblemPath = []): TimeLimit {
  const problems = timeLimitProblems(input, path);
  if (problems.length > 0) throw new MotcuaError(problems);
  const { value, unit, cutoff } = input as TimeLimit;
  return cutoff === undefined ? { value, unit } : { value, unit, cutoff };
}
