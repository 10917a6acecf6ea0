import { MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';

/**
 * The named scoring formulas. Every score the library produces names the formula it used, so a form,
 * an export and a report computed from the same answers can never drift apart.
 *
 * - `top2box`: % of answers in the top two points of the scale (4–5 of 1–5; "Hài lòng" and
 *   "Rất hài lòng" of the 3-level rating), 0–100.
 * - `weighted`: mean of the answers mapped linearly onto 0–100 (1–5 → 0/25/50/75/100), as GOV.UK
 *   performance data publishes user satisfaction.
 * - `mean`: arithmetic mean on the scale itself.
 * - `nps`: Net Promoter Score on 0–10 answers: % of 9–10 minus % of 0–6, −100…100.
 * - `ces`: Customer Effort Score 2.0, the mean of 1–7 agreement answers.
 * - `ces-agree`: % of CES answers 5–7 ("agree" or stronger), 0–100.
 * - `points-sum`: the sum of the answers, e.g. nine criteria of 0/1/2 points (at most 18).
 * - `threshold-linear`: the share of answers at the top of the scale (e.g. 1 of a 0/1 outcome) turned into
 *   points as Decision 766/QĐ-TTg does: full `maxPoints` at or above `target`, otherwise
 *   `share / target × maxPoints`.
 */
export type FormulaName =
  | 'top2box'
  | 'weighted'
  | 'mean'
  | 'nps'
  | 'ces'
  | 'ces-agree'
  | 'points-sum'
  | 'threshold-linear';

/** Every formula name, in a stable order. */
export const FORMULA_NAMES: readonly FormulaName[] = [
  'top2box',
  'weighted',
  'mean',
  'nps',
  'ces',
  'ces-agree',
  'points-sum',
  'threshold-linear',
];

/** An answer scale: whole numbers from `min` to `max`. */
export interface ScaleRange {
  /** The lowest answer, e.g. 1 (or 0 for NPS and 0/1/2 criteria). */
  readonly min: number;
  /** The highest answer, e.g. 5. */
  readonly max: number;
}

/** Which formula to apply, to which scale, and its parameters. */
export interface FormulaOptions {
  /** The formula. */
  readonly formula: FormulaName;
  /**
   * The answer scale. A number `n` means 1…n, except for `nps`, where it must be 10 and means 0…10.
   * Defaults: `nps` 0–10, `ces`/`ces-agree` 1–7; other formulas require it.
   */
  readonly scale?: number | ScaleRange;
  /** For `threshold-linear`: the share (0–1) that earns full points, e.g. 0.8. */
  readonly target?: number;
  /** For `threshold-linear`: the points at or above the target, e.g. 6. */
  readonly maxPoints?: number;
}

/** A formula resolved against its scale, ready to score answers. */
export interface ResolvedFormula {
  readonly formula: FormulaName;
  readonly scale: ScaleRange;
  readonly target: number;
  readonly maxPoints: number;
}

/** Running totals from which every formula's value is computed; see {@link createTally}. */
export interface Tally {
  /** Answers counted. */
  n: number;
  /** Sum of the answers. */
  sum: number;
  /** Answers counting as a success for the formula (top-2-box, agree, promoters, top of scale). */
  hits: number;
  /** NPS detractors (0–6). */
  detractors: number;
}

function invalidFormula(path: ProblemPath, vi: string, en: string): MotcuaError {
  return new MotcuaError([problem(path, 'invalid-formula', { vi, en })]);
}

/**
 * Resolves a formula's scale and parameters, checking that they fit together.
 *
 * @example
 * ```ts
 * resolveFormula({ formula: 'nps' }).scale; // { min: 0, max: 10 }
 * resolveFormula({ formula: 'top2box', scale: 5 }).scale; // { min: 1, max: 5 }
 * ```
 */
export function resolveFormula(options: FormulaOptions): ResolvedFormula {
  const { formula } = options;
  if (!FORMULA_NAMES.includes(formula)) {
    throw invalidFormula(
      ['formula'],
      `Không có công thức "${String(formula)}"`,
      `No formula named "${String(formula)}"`,
    );
  }
  let scale: ScaleRange | undefined;
  if (typeof options.scale === 'number') {
    scale = formula === 'nps' ? { min: 0, max: options.scale } : { min: 1, max: options.scale };
  } else if (options.scale) {
    scale = { min: options.scale.min, max: options.scale.max };
  } else if (formula === 'nps') {
    scale = { min: 0, max: 10 };
  } else if (formula === 'ces' || formula === 'ces-agree') {
    scale = { min: 1, max: 7 };
  }
  if (!scale) {
    throw invalidFormula(['scale'], `Công thức "${formula}" cần thang điểm`, `Formula "${formula}" needs a scale`);
  }
  if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.max <= scale.min) {
    throw invalidFormula(
      ['scale'],
      `Thang điểm phải là hai số nguyên min < max, nhận được ${scale.min}–${scale.max}`,
      `A scale must be two integers min < max; got ${scale.min}–${scale.max}`,
    );
  }
  if (formula === 'nps' && (scale.min !== 0 || scale.max !== 10)) {
    throw invalidFormula(['scale'], 'NPS dùng thang 0–10', 'NPS uses the 0–10 scale');
  }
  if ((formula === 'ces' || formula === 'ces-agree') && (scale.min !== 1 || scale.max !== 7)) {
    throw invalidFormula(['scale'], 'CES dùng thang 1–7', 'CES uses the 1–7 scale');
  }
  if (formula === 'top2box' && scale.max - scale.min < 2) {
    throw invalidFormula(
      ['scale'],
      'Tỷ lệ hai mức cao nhất cần thang có ít nhất ba mức',
      'Top-2-box needs a scale of at least three points',
    );
  }
  let target = Number.NaN;
  let maxPoints = Number.NaN;
  if (formula === 'threshold-linear') {
    target = options.target ?? Number.NaN;
    maxPoints = options.maxPoints ?? Number.NaN;
    const problems: Problem[] = [];
    if (!(target > 0 && target <= 1)) {
      problems.push(
        problem(['target'], 'invalid-formula', {
          vi: `Ngưỡng phải là tỷ lệ trong (0, 1], nhận được ${options.target}`,
          en: `The target must be a share in (0, 1]; got ${options.target}`,
        }),
      );
    }
    if (!(maxPoints >= 0 && Number.isFinite(maxPoints))) {
      problems.push(
        problem(['maxPoints'], 'invalid-formula', {
          vi: `Điểm tối đa phải là số không âm, nhận được ${options.maxPoints}`,
          en: `Maximum points must be a non-negative number; got ${options.maxPoints}`,
        }),
      );
    }
    if (problems.length > 0) throw new MotcuaError(problems);
  }
  return { formula, scale, target, maxPoints };
}

/**
 * A fresh, empty {@link Tally}.
 *
 * @example
 * ```ts
 * const tally = createTally(); // { n: 0, sum: 0, hits: 0, detractors: 0 }
 * ```
 */
export function createTally(): Tally {
  return { n: 0, sum: 0, hits: 0, detractors: 0 };
}

/**
 * Whether `value` is a whole number on the formula's scale.
 *
 * @example
 * ```ts
 * isOnScale(resolveFormula({ formula: 'nps' }), 10); // true
 * isOnScale(resolveFormula({ formula: 'top2box', scale: 5 }), 0); // false
 * ```
 */
export function isOnScale(resolved: ResolvedFormula, value: number): boolean {
  return Number.isInteger(value) && value >= resolved.scale.min && value <= resolved.scale.max;
}

/**
 * Adds one answer, already checked with {@link isOnScale}, to a tally.
 *
 * @example
 * ```ts
 * const f = resolveFormula({ formula: 'top2box', scale: 5 });
 * const tally = createTally();
 * addToTally(f, tally, 4); // tally.hits === 1
 * ```
 */
export function addToTally(resolved: ResolvedFormula, tally: Tally, value: number): void {
  tally.n += 1;
  tally.sum += value;
  switch (resolved.formula) {
    case 'top2box':
      if (value >= resolved.scale.max - 1) tally.hits += 1;
      break;
    case 'nps':
      if (value >= 9) tally.hits += 1;
      else if (value <= 6) tally.detractors += 1;
      break;
    case 'ces-agree':
      if (value >= 5) tally.hits += 1;
      break;
    case 'threshold-linear':
      if (value === resolved.scale.max) tally.hits += 1;
      break;
    default:
      break;
  }
}

/**
 * The formula's value from a tally; `undefined` when nothing was answered (no answer is never a score).
 *
 * @example
 * ```ts
 * const f = resolveFormula({ formula: 'weighted', scale: 5 });
 * const tally = createTally();
 * for (const v of [5, 4, 3, 1]) addToTally(f, tally, v);
 * scoreTally(f, tally); // 56.25
 * ```
 */
export function scoreTally(resolved: ResolvedFormula, tally: Tally): number | undefined {
  if (tally.n === 0) return undefined;
  const { n } = tally;
  const { min, max } = resolved.scale;
  switch (resolved.formula) {
    case 'top2box':
    case 'ces-agree':
      return (tally.hits / n) * 100;
    case 'weighted':
      return ((tally.sum / n - min) / (max - min)) * 100;
    case 'mean':
    case 'ces':
      return tally.sum / n;
    case 'nps':
      return ((tally.hits - tally.detractors) / n) * 100;
    case 'points-sum':
      return tally.sum;
    case 'threshold-linear':
      return thresholdLinear(tally.hits / n, { target: resolved.target, maxPoints: resolved.maxPoints });
  }
}

/** An answer that was not given: `undefined` or `null`. */
export type Unanswered = undefined | null;

/**
 * Scores a list of answers with one named formula. Unanswered entries (`undefined`, `null`) are left
 * out, never counted as a default; with no answer at all the score is `undefined`. An answer off the
 * scale throws a {@link MotcuaError} naming its index.
 *
 * @example
 * ```ts
 * scoreResponses([5, 4, 3, 1], { scale: 5, formula: 'top2box' });       // 50 (% of 4–5)
 * scoreResponses([5, 4, 3, 1], { scale: 5, formula: 'weighted' });      // 56.25 (0/25/50/75/100 mean)
 * scoreResponses([10, 9, 8, 7, 6, 0], { scale: 10, formula: 'nps' });   // 0
 * scoreResponses([2, 2, 1, 2, 1, 2, 2, 2, 0], { scale: { min: 0, max: 2 }, formula: 'points-sum' }); // 14
 * scoreResponses([undefined, null], { scale: 5, formula: 'mean' });      // undefined
 * ```
 */
export function scoreResponses(answers: readonly (number | Unanswered)[], options: FormulaOptions): number | undefined {
  const resolved = resolveFormula(options);
  const tally = createTally();
  const problems: Problem[] = [];
  answers.forEach((value, index) => {
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !isOnScale(resolved, value)) {
      problems.push(offScale([index], value, resolved.scale));
      return;
    }
    addToTally(resolved, tally, value);
  });
  if (problems.length > 0) throw new MotcuaError(problems);
  return scoreTally(resolved, tally);
}

/**
 * The problem reported for an answer that is not a whole number on its scale.
 *
 * @example
 * ```ts
 * offScale(['answers', 'overall'], 7, { min: 1, max: 3 }).code; // 'out-of-range'
 * ```
 */
export function offScale(path: ProblemPath, value: unknown, scale: ScaleRange): Problem {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return problem(path, 'out-of-range', {
    vi: `Câu trả lời phải là số nguyên từ ${scale.min} đến ${scale.max}, nhận được ${shown}`,
    en: `The answer must be a whole number from ${scale.min} to ${scale.max}; got ${shown}`,
  });
}

/** Parameters of the Decision 766 ratio-to-points rule. */
export interface ThresholdLinearOptions {
  /** The share (0–1) at or above which full points are earned, e.g. 0.8 or 0.9. */
  readonly target: number;
  /** Full points, e.g. 6. */
  readonly maxPoints: number;
}

/**
 * Decision 766/QĐ-TTg's ratio-to-points rule: `maxPoints` when `share ≥ target`, otherwise
 * `share / target × maxPoints`. `share` is a proportion 0–1.
 *
 * @example
 * ```ts
 * thresholdLinear(0.93, { target: 0.9, maxPoints: 6 }); // 6
 * thresholdLinear(0.6, { target: 0.8, maxPoints: 4 });  // 3
 * ```
 */
export function thresholdLinear(share: number, options: ThresholdLinearOptions): number {
  const { target, maxPoints } = options;
  const problems: Problem[] = [];
  if (!(share >= 0 && share <= 1)) {
    problems.push(
      problem(['share'], 'out-of-range', {
        vi: `Tỷ lệ phải từ 0 đến 1, nhận được ${share}`,
        en: `The share must be from 0 to 1; got ${share}`,
      }),
    );
  }
  if (!(target > 0 && target <= 1)) {
    problems.push(
      problem(['target'], 'invalid-formula', {
        vi: `Ngưỡng phải là tỷ lệ trong (0, 1], nhận được ${target}`,
        en: `The target must be a share in (0, 1]; got ${target}`,
      }),
    );
  }
  if (!(maxPoints >= 0 && Number.isFinite(maxPoints))) {
    problems.push(
      problem(['maxPoints'], 'invalid-formula', {
        vi: `Điểm tối đa phải là số không âm, nhận được ${maxPoints}`,
        en: `Maximum points must be a non-negative number; got ${maxPoints}`,
      }),
    );
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  return share >= target ? maxPoints : (share / target) * maxPoints;
}

/**
 * Whether a formula's value is a proportion of answers (so a Wilson interval applies to it).
 *
 * @example
 * ```ts
 * isProportionFormula('top2box'); // true
 * isProportionFormula('nps');     // false: a difference of two proportions
 * ```
 */
export function isProportionFormula(formula: FormulaName): boolean {
  return formula === 'top2box' || formula === 'ces-agree';
}
