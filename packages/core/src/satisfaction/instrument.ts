import { type CivilDate, isCivilDate, parseCivilDate } from '../calendar/civil-date.js';
import { type LocalizedText, MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import { FORMULA_NAMES, type FormulaName, type ScaleRange } from './formulas.js';
import { checkGradeBands, type GradeBand } from './grade-bands.js';

/** The families of instrument the library ships. */
export type InstrumentKind = 'one-stop-rating' | 'dossier-evaluation' | 'sipas' | 'csat' | 'nps' | 'ces';

/** One choice of a scale question. */
export interface ScaleOption {
  /** The stored answer, a whole number. */
  readonly value: number;
  /** What the citizen sees. */
  readonly label: LocalizedText;
}

/** A question answered by picking one point of a scale. */
export interface ScaleQuestion {
  /** Stable id, the key of the answer, e.g. `overall`. */
  readonly id: string;
  readonly type: 'scale';
  /** The question. */
  readonly text: LocalizedText;
  /** The choices in display order; values are distinct whole numbers. */
  readonly options: readonly ScaleOption[];
  /** Whether the response is incomplete without it. */
  readonly required: boolean;
}

/** A free-text question. */
export interface TextQuestion {
  /** Stable id, the key of the answer, e.g. `reason`. */
  readonly id: string;
  readonly type: 'text';
  /** The question. */
  readonly text: LocalizedText;
  /** Whether it must always be answered. */
  readonly required: boolean;
  /** It must be answered when another scale question got one of these values (e.g. "Không hài lòng"). */
  readonly requiredWhen?: { readonly question: string; readonly values: readonly number[] };
  /** The longest accepted answer, in characters. */
  readonly maxLength: number;
}

/** Any question of an instrument. */
export type Question = ScaleQuestion | TextQuestion;

/** How a response and a set of responses are scored. */
export interface InstrumentScoring {
  /** The scale questions that make one response's score. */
  readonly questions: readonly string[];
  /**
   * How they combine into the response's score: `answer` (the one question's answer), `points-sum`,
   * `weighted` (their mean mapped onto 0–100) or `mean`. A response missing any of them has no score.
   */
  readonly combine: 'answer' | 'points-sum' | 'weighted' | 'mean';
  /** The headline formula over many responses' scores, e.g. `top2box`. */
  readonly formula: FormulaName;
}

/**
 * A versioned survey or evaluation instrument: plain data, so a province can add its own or override
 * the built-in ones. Every stored response names the `id` and `version` it answered.
 */
export interface Instrument {
  /** Stable id of the instrument family, e.g. `vn-dossier-evaluation`. */
  readonly id: string;
  /** The version within the family, e.g. `nd118-2025`. */
  readonly version: string;
  /** Which family of instrument this is. */
  readonly kind: InstrumentKind;
  /** First day in force (Vietnamese civil date). */
  readonly validFrom: CivilDate;
  /** Last day in force, inclusive; absent while still in force. */
  readonly validTo?: CivilDate;
  /** Its name. */
  readonly title: LocalizedText;
  /** Legal basis or convention it follows, and how sure that is. */
  readonly basis: LocalizedText;
  /** The questions in display order. */
  readonly questions: readonly Question[];
  /** How it is scored. */
  readonly scoring: InstrumentScoring;
  /** Grades of a response's score, when the instrument has them. */
  readonly gradeBands?: readonly GradeBand[];
}

function bad(path: ProblemPath, vi: string, en: string): Problem {
  return problem(path, 'invalid-instrument', { vi, en });
}

/**
 * The range a scale question's answers span.
 *
 * @example
 * ```ts
 * scaleOf({ id: 'q', type: 'scale', text: { vi: 'Câu hỏi', en: 'Question' }, required: true,
 *   options: [{ value: 1, label: { vi: 'Không', en: 'No' } }, { value: 2, label: { vi: 'Có', en: 'Yes' } }] });
 * // { min: 1, max: 2 }
 * ```
 */
export function scaleOf(question: ScaleQuestion): ScaleRange {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const option of question.options) {
    if (option.value < min) min = option.value;
    if (option.value > max) max = option.value;
  }
  return { min, max };
}

/**
 * Every problem with an instrument's data: dates, question ids, options, conditional questions,
 * scoring and grade bands. An empty list means it is usable.
 *
 * @example
 * ```ts
 * checkInstrument(BUILT_IN_INSTRUMENTS[0]); // []
 * ```
 */
export function checkInstrument(instrument: Instrument): Problem[] {
  const problems: Problem[] = [];
  if (!instrument.id) problems.push(bad(['id'], 'Thiếu mã bộ câu hỏi', 'The instrument id is missing'));
  if (!instrument.version) problems.push(bad(['version'], 'Thiếu phiên bản', 'The version is missing'));
  for (const key of ['validFrom', 'validTo'] as const) {
    const value = instrument[key];
    if ((key === 'validFrom' || value !== undefined) && !isCivilDate(value)) {
      try {
        parseCivilDate(value, [key]);
      } catch (error) {
        if (error instanceof MotcuaError) problems.push(...error.problems);
      }
    }
  }
  if (
    isCivilDate(instrument.validFrom) &&
    isCivilDate(instrument.validTo) &&
    instrument.validTo < instrument.validFrom
  ) {
    problems.push(
      bad(
        ['validTo'],
        'Ngày hết hiệu lực trước ngày có hiệu lực',
        'The last day in force is before the first day in force',
      ),
    );
  }
  const byId = new Map<string, Question>();
  instrument.questions.forEach((question, index) => {
    if (byId.has(question.id)) {
      problems.push(
        bad(
          ['questions', index, 'id'],
          `Mã câu hỏi "${question.id}" bị lặp`,
          `Question id "${question.id}" is repeated`,
        ),
      );
    }
    byId.set(question.id, question);
    if (question.type === 'scale') {
      const values = new Set<number>();
      if (question.options.length < 2) {
        problems.push(
          bad(['questions', index, 'options'], 'Cần ít nhất hai lựa chọn', 'At least two options are needed'),
        );
      }
      question.options.forEach((option, o) => {
        if (!Number.isInteger(option.value) || values.has(option.value)) {
          problems.push(
            bad(
              ['questions', index, 'options', o, 'value'],
              `Giá trị lựa chọn phải là số nguyên không lặp, nhận được ${option.value}`,
              `Option values must be distinct whole numbers; got ${option.value}`,
            ),
          );
        }
        values.add(option.value);
      });
    } else if (!(question.maxLength > 0)) {
      problems.push(
        bad(['questions', index, 'maxLength'], 'Độ dài tối đa phải dương', 'The maximum length must be positive'),
      );
    }
  });
  instrument.questions.forEach((question, index) => {
    if (question.type !== 'text' || !question.requiredWhen) return;
    const trigger = byId.get(question.requiredWhen.question);
    if (trigger?.type !== 'scale') {
      problems.push(
        bad(
          ['questions', index, 'requiredWhen', 'question'],
          `"${question.requiredWhen.question}" không phải câu hỏi thang điểm của bộ này`,
          `"${question.requiredWhen.question}" is not a scale question of this instrument`,
        ),
      );
    }
  });
  const { scoring } = instrument;
  if (!FORMULA_NAMES.includes(scoring.formula)) {
    problems.push(
      bad(['scoring', 'formula'], `Không có công thức "${scoring.formula}"`, `No formula "${scoring.formula}"`),
    );
  }
  if (scoring.questions.length === 0 || (scoring.combine === 'answer' && scoring.questions.length !== 1)) {
    problems.push(
      bad(
        ['scoring', 'questions'],
        'Cách tính "answer" cần đúng một câu hỏi; các cách khác cần ít nhất một',
        'Combining by "answer" needs exactly one question; the others at least one',
      ),
    );
  }
  scoring.questions.forEach((id, index) => {
    const question = byId.get(id);
    if (question?.type !== 'scale') {
      problems.push(
        bad(
          ['scoring', 'questions', index],
          `"${id}" không phải câu hỏi thang điểm của bộ này`,
          `"${id}" is not a scale question of this instrument`,
        ),
      );
    }
  });
  if (scoring.combine === 'weighted' || scoring.combine === 'mean') {
    const scales = scoring.questions
      .map((id) => byId.get(id))
      .filter((q): q is ScaleQuestion => q?.type === 'scale')
      .map(scaleOf);
    if (scales.some((s) => s.min !== scales[0]?.min || s.max !== scales[0]?.max)) {
      problems.push(
        bad(
          ['scoring', 'questions'],
          `Cách tính "${scoring.combine}" cần các câu hỏi cùng thang điểm`,
          `Combining by "${scoring.combine}" needs questions on the same scale`,
        ),
      );
    }
  }
  if (instrument.gradeBands) {
    const floor = responseScale(instrument)?.min ?? 0;
    problems.push(...checkGradeBands(instrument.gradeBands, floor, ['gradeBands']));
  }
  return problems;
}

/**
 * The range of one response's score under the instrument's scoring, or `undefined` when its scoring
 * names unknown questions.
 *
 * @example
 * ```ts
 * // The 9-criterion evaluation: nine 0–2 criteria summed.
 * responseScale(instrumentFor('dossier-evaluation', '2026-03-10')); // { min: 0, max: 18 }
 * ```
 */
export function responseScale(instrument: Instrument): ScaleRange | undefined {
  const scales: ScaleRange[] = [];
  for (const id of instrument.scoring.questions) {
    const question = instrument.questions.find((q) => q.id === id);
    if (question?.type !== 'scale') return undefined;
    scales.push(scaleOf(question));
  }
  const first = scales[0];
  if (!first) return undefined;
  switch (instrument.scoring.combine) {
    case 'answer':
      return first;
    case 'points-sum':
      return scales.reduce((a, b) => ({ min: a.min + b.min, max: a.max + b.max }), { min: 0, max: 0 });
    case 'weighted':
      return { min: 0, max: 100 };
    case 'mean':
      return {
        min: Math.min(...scales.map((s) => s.min)),
        max: Math.max(...scales.map((s) => s.max)),
      };
  }
}

/**
 * Checks an instrument's data and returns it, or throws a {@link MotcuaError} listing every problem.
 * Use it for instruments of your own or modified copies of the built-in ones.
 *
 * @example
 * ```ts
 * const strict = defineInstrument({
 *   ...instrumentFor('dossier-evaluation', '2026-03-10'),
 *   version: 'province-2026',
 *   gradeBands: myBands,
 * });
 * ```
 */
export function defineInstrument(instrument: Instrument): Instrument {
  const problems = checkInstrument(instrument);
  if (problems.length > 0) throw new MotcuaError(problems);
  return instrument;
}
