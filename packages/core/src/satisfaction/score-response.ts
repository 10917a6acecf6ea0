import { MotcuaError } from '../text/problem.js';
import {
  addToTally,
  createTally,
  type FormulaName,
  isOnScale,
  offScale,
  type ResolvedFormula,
  resolveFormula,
  type ScaleRange,
  scoreTally,
} from './formulas.js';
import { checkGradeBands, type GradeBand, gradeFor } from './grade-bands.js';
import { checkInstrument, type Instrument, responseScale, type ScaleQuestion, scaleOf } from './instrument.js';
import type { Answers } from './response.js';

/** One response's score under its instrument. */
export interface ResponseScore {
  /** How the answers were combined (`answer`, `points-sum`, `weighted`, `mean`). */
  readonly combine: Instrument['scoring']['combine'];
  /** The score; `undefined` when a question it needs was not answered. */
  readonly score: number | undefined;
  /** The range the score lies in. */
  readonly scale: ScaleRange;
  /** The grade, for instruments with grade bands and a score. */
  readonly grade?: GradeBand;
}

/** Options of {@link scoreResponse}. */
export interface ScoreResponseOptions {
  /** Grade bands to use instead of the instrument's own (the 18-point bands are unconfirmed). */
  readonly gradeBands?: readonly GradeBand[];
}

/** A compiled per-response scorer for one instrument version. */
export interface ResponseScorer {
  /** The range of the scores it returns. */
  readonly scale: ScaleRange;
  /** The score of one set of answers, or `undefined` if incomplete; throws on an answer off its scale. */
  score(answers: Answers): number | undefined;
}

const COMBINE_FORMULA: Record<Exclude<Instrument['scoring']['combine'], 'answer'>, FormulaName> = {
  'points-sum': 'points-sum',
  weighted: 'weighted',
  mean: 'mean',
};

const compiled = new WeakMap<Instrument, ResponseScorer>();

/**
 * Compiles an instrument's per-response scoring once, for scoring many responses (cached per
 * instrument object). The scoring goes through the same formula engine as `scoreResponses`.
 *
 * @example
 * ```ts
 * const scorer = responseScorer(instrumentFor('sipas', '2026-03-10'));
 * scorer.score({ access: 5, procedure: 4, officer: 4, result: 5, feedback: 3 }); // 80
 * ```
 */
export function responseScorer(instrument: Instrument): ResponseScorer {
  const cached = compiled.get(instrument);
  if (cached) return cached;
  const problems = checkInstrument(instrument);
  if (problems.length > 0) throw new MotcuaError(problems);
  const { scoring } = instrument;
  const questions = scoring.questions.map((id) => instrument.questions.find((q) => q.id === id) as ScaleQuestion);
  const scale = responseScale(instrument) as ScaleRange;
  const first = questions[0] as ScaleQuestion;
  const questionScale = scaleOf(first);
  const allowed = questions.map((q) => new Set(q.options.map((o) => o.value)));
  const resolved: ResolvedFormula | undefined =
    scoring.combine === 'answer'
      ? undefined
      : resolveFormula({ formula: COMBINE_FORMULA[scoring.combine], scale: questionScale });
  const read = (answers: Answers, index: number): number | undefined => {
    const question = questions[index] as ScaleQuestion;
    const value = answers[question.id];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !(allowed[index] as Set<number>).has(value)) {
      throw new MotcuaError([offScale([question.id], value, scaleOf(question))]);
    }
    return value;
  };
  let scorer: ResponseScorer;
  if (!resolved) {
    scorer = { scale, score: (answers) => read(answers, 0) };
  } else {
    scorer = {
      scale,
      score(answers) {
        const tally = createTally();
        for (let index = 0; index < questions.length; index++) {
          const value = read(answers, index);
          if (value === undefined) return undefined;
          if (!isOnScale(resolved, value)) throw new MotcuaError([offScale([first.id], value, questionScale)]);
          addToTally(resolved, tally, value);
        }
        return scoreTally(resolved, tally);
      },
    };
  }
  compiled.set(instrument, scorer);
  return scorer;
}

/**
 * Scores one response under its instrument: the answer itself, the points sum of the 9-criterion
 * evaluation (with its grade), or the 0–100 index of the SIPAS factors. A response missing a question
 * the score needs has no score, never a default.
 *
 * @example
 * ```ts
 * const evaluation = instrumentFor('dossier-evaluation', '2026-03-10');
 * const result = scoreResponse(evaluation, { c1: 2, c2: 2, c3: 2, c4: 1, c5: 2, c6: 2, c7: 2, c8: 2, c9: 1 });
 * result.score;       // 16
 * result.grade?.label.vi; // 'Xuất sắc'
 * scoreResponse(evaluation, { c1: 2 }).score; // undefined
 * ```
 */
export function scoreResponse(
  instrument: Instrument,
  answers: Answers,
  options: ScoreResponseOptions = {},
): ResponseScore {
  const scorer = responseScorer(instrument);
  const score = scorer.score(answers);
  const bands = options.gradeBands ?? instrument.gradeBands;
  if (options.gradeBands) {
    const problems = checkGradeBands(options.gradeBands, scorer.scale.min, ['gradeBands']);
    if (problems.length > 0) throw new MotcuaError(problems);
  }
  const base = { combine: instrument.scoring.combine, score, scale: scorer.scale };
  if (score === undefined || !bands) return base;
  return { ...base, grade: gradeFor(score, bands) };
}
