import type { CivilDate } from '../calendar/civil-date.js';
import { isCivilDate } from '../calendar/civil-date.js';
import { type LocalizedText, MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';

/**
 * One criterion of an index scorecard (a Decision 766 group or indicator, or a line of a province's
 * "chấm điểm chỉ số CCHC"). Leaves carry the points; a parent's points are its children's sum.
 */
export interface ScorecardCriterion {
  /** Stable id, e.g. `5` or `5.4`. */
  readonly id: string;
  /** Its name. */
  readonly title: LocalizedText;
  /** The most points it can earn. For a parent, the sum of its children's. */
  readonly maxPoints: number;
  /** Sub-criteria; absent for a leaf. */
  readonly children?: readonly ScorecardCriterion[];
}

/** A versioned scorecard: a tree of criteria with maximum points. */
export interface Scorecard {
  /** Stable id, e.g. `decision-766`. */
  readonly id: string;
  /** Version, e.g. `2022`. */
  readonly version: string;
  /** First day in force. */
  readonly validFrom: CivilDate;
  /** Last day in force, inclusive; absent while in force. */
  readonly validTo?: CivilDate;
  /** Its name. */
  readonly title: LocalizedText;
  /** Legal basis and how sure the point splits are. */
  readonly basis: LocalizedText;
  /** The top-level criteria. */
  readonly criteria: readonly ScorecardCriterion[];
}

/** Points given to leaf criteria, by id. A leaf left out has no score (never zero by default). */
export type CriterionScores = Readonly<Record<string, number>>;

/** A criterion's line in a scored breakdown. */
export interface ScorecardLine {
  readonly id: string;
  readonly title: LocalizedText;
  readonly maxPoints: number;
  /** Self-assessed points; `undefined` when it or any leaf under it was not self-assessed. */
  readonly selfAssessed: number | undefined;
  /** Appraised points; `undefined` when it or any leaf under it was not appraised. */
  readonly appraised: number | undefined;
  /** The lines of its children (empty for a leaf). */
  readonly children: readonly ScorecardLine[];
}

/** A scored scorecard: totals and the breakdown. */
export interface ScorecardResult {
  /** The scorecard's maximum. */
  readonly maxPoints: number;
  /** Self-assessed total; `undefined` unless every leaf was self-assessed. */
  readonly selfAssessed: number | undefined;
  /** Appraised total; `undefined` unless every leaf was appraised. */
  readonly appraised: number | undefined;
  /** One line per top-level criterion, with its children. */
  readonly breakdown: readonly ScorecardLine[];
  /** Leaf ids without a self-assessed score. */
  readonly missingSelfAssessed: readonly string[];
  /** Leaf ids without an appraised score. */
  readonly missingAppraised: readonly string[];
}

const EPSILON = 1e-9;

function checkCriteria(
  criteria: readonly ScorecardCriterion[],
  path: ProblemPath,
  seen: Set<string>,
  problems: Problem[],
): void {
  criteria.forEach((criterion, index) => {
    const here = [...path, index];
    if (!criterion.id || seen.has(criterion.id)) {
      problems.push(
        problem([...here, 'id'], 'invalid-scorecard', {
          vi: `Mã tiêu chí "${criterion.id}" trống hoặc bị lặp`,
          en: `Criterion id "${criterion.id}" is empty or repeated`,
        }),
      );
    }
    seen.add(criterion.id);
    if (!(criterion.maxPoints >= 0 && Number.isFinite(criterion.maxPoints))) {
      problems.push(
        problem([...here, 'maxPoints'], 'invalid-scorecard', {
          vi: `Điểm tối đa phải là số không âm, nhận được ${criterion.maxPoints}`,
          en: `Maximum points must be a non-negative number; got ${criterion.maxPoints}`,
        }),
      );
    }
    const children = criterion.children ?? [];
    if (children.length > 0) {
      const sum = children.reduce((total, child) => total + child.maxPoints, 0);
      if (Math.abs(sum - criterion.maxPoints) > EPSILON) {
        problems.push(
          problem([...here, 'maxPoints'], 'invalid-scorecard', {
            vi: `Tiêu chí ${criterion.id} tối đa ${criterion.maxPoints} điểm nhưng các tiêu chí con cộng lại ${sum}`,
            en: `Criterion ${criterion.id} has ${criterion.maxPoints} points but its children add up to ${sum}`,
          }),
        );
      }
      checkCriteria(children, [...here, 'children'], seen, problems);
    }
  });
}

/**
 * Every problem with a scorecard's data: dates, empty or repeated ids, negative maxima, and parents
 * whose maximum is not their children's sum.
 *
 * @example
 * ```ts
 * checkScorecard(DECISION_766_SCORECARD); // []
 * ```
 */
export function checkScorecard(scorecard: Scorecard): Problem[] {
  const problems: Problem[] = [];
  if (!isCivilDate(scorecard.validFrom)) {
    problems.push(
      problem(['validFrom'], 'invalid-date', {
        vi: `Ngày có hiệu lực không hợp lệ: ${scorecard.validFrom}`,
        en: `Invalid first day in force: ${scorecard.validFrom}`,
      }),
    );
  }
  if (
    scorecard.validTo !== undefined &&
    !(isCivilDate(scorecard.validTo) && scorecard.validTo >= scorecard.validFrom)
  ) {
    problems.push(
      problem(['validTo'], 'invalid-date', {
        vi: `Ngày hết hiệu lực không hợp lệ: ${scorecard.validTo}`,
        en: `Invalid last day in force: ${scorecard.validTo}`,
      }),
    );
  }
  checkCriteria(scorecard.criteria, ['criteria'], new Set(), problems);
  return problems;
}

/**
 * Checks a scorecard and returns it, or throws a {@link MotcuaError} listing every problem. Use it for a
 * detailed Decision 766 tree with your province's indicator splits, or a "chấm điểm chỉ số CCHC" table.
 *
 * @example
 * ```ts
 * const card = defineScorecard({
 *   id: 'commune-cchc', version: '2026', validFrom: '2026-01-01',
 *   title: { vi: 'Chỉ số CCHC cấp xã', en: 'Commune administrative reform index' },
 *   basis: { vi: 'Quyết định của UBND tỉnh', en: 'Provincial decision' },
 *   criteria: [{ id: '1', title: { vi: 'Công tác chỉ đạo', en: 'Direction' }, maxPoints: 10 }],
 * });
 * ```
 */
export function defineScorecard(scorecard: Scorecard): Scorecard {
  const problems = checkScorecard(scorecard);
  if (problems.length > 0) throw new MotcuaError(problems);
  return scorecard;
}

/** Self-assessed and appraised points for a scorecard's leaves. */
export interface ScorecardScores {
  /** The unit's own assessment (tự đánh giá), by leaf id. */
  readonly selfAssessed?: CriterionScores;
  /** The appraisal (thẩm định), by leaf id. */
  readonly appraised?: CriterionScores;
}

function sum(values: readonly (number | undefined)[]): number | undefined {
  let total = 0;
  for (const value of values) {
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

/**
 * Scores a scorecard from self-assessed and appraised leaf points: totals per criterion and overall
 * with a breakdown. A parent has a total only when every leaf under it was scored; missing leaves are
 * listed. Throws a {@link MotcuaError} for points above a leaf's maximum, negative points, points given
 * to a parent or to an unknown id.
 *
 * @example
 * ```ts
 * const result = scoreScorecard(DECISION_766_SCORECARD, {
 *   selfAssessed: { '1': 17, '2': 19, '3': 20, '4': 18, '5': 17 },
 *   appraised: { '1': 16, '2': 19, '3': 18, '4': 18 },
 * });
 * result.selfAssessed;      // 91
 * result.appraised;         // undefined: group 5 not appraised yet
 * result.missingAppraised;  // ['5']
 * ```
 */
export function scoreScorecard(scorecard: Scorecard, scores: ScorecardScores): ScorecardResult {
  const problems = checkScorecard(scorecard);
  const leaves = new Map<string, ScorecardCriterion>();
  const parents = new Set<string>();
  const walk = (criteria: readonly ScorecardCriterion[]): void => {
    for (const c of criteria) {
      if (c.children && c.children.length > 0) {
        parents.add(c.id);
        walk(c.children);
      } else {
        leaves.set(c.id, c);
      }
    }
  };
  walk(scorecard.criteria);
  for (const side of ['selfAssessed', 'appraised'] as const) {
    for (const [id, points] of Object.entries(scores[side] ?? {})) {
      const leaf = leaves.get(id);
      if (!leaf) {
        problems.push(
          problem([side, id], parents.has(id) ? 'not-a-leaf' : 'unknown-criterion', {
            vi: parents.has(id)
              ? `Tiêu chí ${id} được tính từ các tiêu chí con; hãy chấm điểm các tiêu chí con`
              : `Không có tiêu chí "${id}"`,
            en: parents.has(id)
              ? `Criterion ${id} is the sum of its children; score those instead`
              : `No criterion "${id}"`,
          }),
        );
      } else if (!(typeof points === 'number' && points >= 0 && points <= leaf.maxPoints + EPSILON)) {
        problems.push(
          problem([side, id], 'out-of-range', {
            vi: `Điểm tiêu chí ${id} phải từ 0 đến ${leaf.maxPoints}, nhận được ${points}`,
            en: `Points for criterion ${id} must be from 0 to ${leaf.maxPoints}; got ${points}`,
          }),
        );
      }
    }
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  const missingSelfAssessed: string[] = [];
  const missingAppraised: string[] = [];
  const line = (criterion: ScorecardCriterion): ScorecardLine => {
    const children = (criterion.children ?? []).map(line);
    let selfAssessed: number | undefined;
    let appraised: number | undefined;
    if (children.length === 0) {
      selfAssessed = scores.selfAssessed?.[criterion.id];
      appraised = scores.appraised?.[criterion.id];
      if (selfAssessed === undefined) missingSelfAssessed.push(criterion.id);
      if (appraised === undefined) missingAppraised.push(criterion.id);
    } else {
      selfAssessed = sum(children.map((c) => c.selfAssessed));
      appraised = sum(children.map((c) => c.appraised));
    }
    return {
      id: criterion.id,
      title: criterion.title,
      maxPoints: criterion.maxPoints,
      selfAssessed,
      appraised,
      children,
    };
  };
  const breakdown = scorecard.criteria.map(line);
  return {
    maxPoints: scorecard.criteria.reduce((total, c) => total + c.maxPoints, 0),
    selfAssessed: sum(breakdown.map((l) => l.selfAssessed)),
    appraised: sum(breakdown.map((l) => l.appraised)),
    breakdown,
    missingSelfAssessed,
    missingAppraised,
  };
}
