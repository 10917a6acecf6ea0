import { MotcuaError, type Problem, problem } from '../text/problem.js';

/** A confidence interval for a proportion, both ends 0–1. */
export interface ProportionInterval {
  /** Lower bound, 0–1. */
  readonly low: number;
  /** Upper bound, 0–1. */
  readonly high: number;
}

/** Options of {@link wilsonInterval}. */
export interface WilsonOptions {
  /** The normal quantile; the default 1.959963984540054 gives a two-sided 95 % interval. */
  readonly z?: number;
}

/** The two-sided 95 % normal quantile. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for `successes` out of `n` (95 % unless `z` says otherwise). Unlike the
 * textbook p ± z·√(p(1−p)/n) it stays inside 0–1 and behaves at 0 and n successes, which matters for
 * the small samples of one counter or officer.
 *
 * @example
 * ```ts
 * wilsonInterval(45, 50); // { low: 0.7864…, high: 0.9565… }
 * wilsonInterval(0, 20);  // { low: 0, high: 0.1611… }
 * ```
 */
export function wilsonInterval(successes: number, n: number, options: WilsonOptions = {}): ProportionInterval {
  const z = options.z ?? Z_95;
  const problems: Problem[] = [];
  if (!Number.isInteger(n) || n < 1) {
    problems.push(
      problem(['n'], 'invalid-count', {
        vi: `Cỡ mẫu phải là số nguyên dương, nhận được ${n}`,
        en: `The sample size must be a positive integer; got ${n}`,
      }),
    );
  } else if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    problems.push(
      problem(['successes'], 'invalid-count', {
        vi: `Số lượt đạt phải là số nguyên từ 0 đến ${n}, nhận được ${successes}`,
        en: `Successes must be a whole number from 0 to ${n}; got ${successes}`,
      }),
    );
  }
  if (!(z > 0 && Number.isFinite(z))) {
    problems.push(
      problem(['z'], 'invalid-quantile', {
        vi: `Phân vị z phải là số dương, nhận được ${z}`,
        en: `The quantile z must be positive; got ${z}`,
      }),
    );
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n successes the bound is exactly 0 or 1 in exact arithmetic; keep it so.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === n ? 1 : Math.min(1, centre + half);
  return { low, high };
}
