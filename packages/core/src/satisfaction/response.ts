import { MotcuaError, type Problem, problem } from '../text/problem.js';
import type { Instrument, ScaleQuestion } from './instrument.js';

/** Answers as a form submits them: question id → a scale value or free text. Anything else is checked. */
export type Answers = Readonly<Record<string, unknown>>;

/** Where and how a response was given, stored beside its answers. */
export interface ResponseContext {
  /** When it was submitted (epoch milliseconds); grouped by Vietnamese civil date, never host time. */
  readonly submittedAt: number;
  /**
   * The dossier or ticket the rating is bound to. Absent for counter-level ratings (the QR code taped
   * to a counter), which reports count separately and which never enter response rates.
   */
  readonly transactionId?: string;
  /** Counter (quầy) code. */
  readonly counter?: string;
  /** Officer who served. */
  readonly officer?: string;
  /** Procedure (TTHC) code. */
  readonly procedure?: string;
  /** How it was given, e.g. `qr-phone`, `counter-tablet`, `portal`, `assisted`. */
  readonly channel?: string;
}

/** A validated response, naming the instrument version it answered. */
export interface SurveyResponse extends ResponseContext {
  /** The instrument family. */
  readonly instrumentId: string;
  /** The exact version answered. */
  readonly instrumentVersion: string;
  /** The answers given; unanswered questions are absent (never a default). */
  readonly answers: Readonly<Record<string, number | string>>;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function optionList(question: ScaleQuestion): string {
  return question.options.map((o) => o.value).join(', ');
}

/**
 * Every problem with a set of answers to an instrument, each with its path (the question id) and a
 * Vietnamese and English message: missing required answers, a missing reason for "Không hài lòng",
 * values that are not one of the question's options, text that is too long, and unknown questions.
 * An empty list means the answers are acceptable.
 *
 * @example
 * ```ts
 * const rating = instrumentFor('one-stop-rating', '2026-03-10');
 * validateResponse(rating, { overall: 1 });
 * // [{ path: ['reason'], code: 'missing-reason', message: { vi: 'Vui lòng cho biết lý do…', en: … } }]
 * validateResponse(rating, { overall: 3 }); // []
 * ```
 */
export function validateResponse(instrument: Instrument, answers: Answers): Problem[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [
      problem([], 'invalid-answers', {
        vi: 'Câu trả lời phải là một đối tượng: mã câu hỏi → câu trả lời',
        en: 'Answers must be an object: question id → answer',
      }),
    ];
  }
  const problems: Problem[] = [];
  const known = new Set(instrument.questions.map((q) => q.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      problems.push(
        problem([key], 'unknown-question', {
          vi: `Bộ câu hỏi ${instrument.id}@${instrument.version} không có câu hỏi "${key}"`,
          en: `Instrument ${instrument.id}@${instrument.version} has no question "${key}"`,
        }),
      );
    }
  }
  for (const question of instrument.questions) {
    const value = answers[question.id];
    if (question.type === 'scale') {
      if (value === undefined || value === null) {
        if (question.required) {
          problems.push(
            problem([question.id], 'missing-answer', {
              vi: `Vui lòng trả lời: ${question.text.vi}`,
              en: `Please answer: ${question.text.en}`,
            }),
          );
        }
      } else if (typeof value !== 'number' || !question.options.some((o) => o.value === value)) {
        const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
        problems.push(
          problem([question.id], 'out-of-range', {
            vi: `Câu trả lời phải là một trong ${optionList(question)}, nhận được ${shown}`,
            en: `The answer must be one of ${optionList(question)}; got ${shown}`,
          }),
        );
      }
      continue;
    }
    if (value !== undefined && value !== null && typeof value !== 'string') {
      problems.push(
        problem([question.id], 'invalid-text', {
          vi: 'Câu trả lời phải là văn bản',
          en: 'The answer must be text',
        }),
      );
      continue;
    }
    if (typeof value === 'string' && value.trim().length > question.maxLength) {
      problems.push(
        problem([question.id], 'too-long', {
          vi: `Tối đa ${question.maxLength} ký tự, nhận được ${value.trim().length}`,
          en: `At most ${question.maxLength} characters; got ${value.trim().length}`,
        }),
      );
    }
    if (!isBlank(value)) continue;
    const trigger = question.requiredWhen;
    const triggered =
      trigger !== undefined &&
      typeof answers[trigger.question] === 'number' &&
      trigger.values.includes(answers[trigger.question] as number);
    if (triggered) {
      problems.push(
        problem([question.id], 'missing-reason', {
          vi: `Vui lòng cho biết lý do: ${question.text.vi}`,
          en: `Please give a reason: ${question.text.en}`,
        }),
      );
    } else if (question.required) {
      problems.push(
        problem([question.id], 'missing-answer', {
          vi: `Vui lòng trả lời: ${question.text.vi}`,
          en: `Please answer: ${question.text.en}`,
        }),
      );
    }
  }
  return problems;
}

/**
 * Validates answers and returns the response to store: stamped with the instrument's id and version,
 * text trimmed, unanswered questions left out. Throws a {@link MotcuaError} with every problem otherwise.
 *
 * @example
 * ```ts
 * const rating = instrumentFor('one-stop-rating', civilDateOf(now));
 * const response = createResponse(rating, { overall: 2 }, { submittedAt: now, counter: '1', transactionId: 'T-0001' });
 * response.instrumentVersion; // '1'
 * ```
 */
export function createResponse(instrument: Instrument, answers: Answers, context: ResponseContext): SurveyResponse {
  const problems = validateResponse(instrument, answers);
  if (typeof context.submittedAt !== 'number' || !Number.isFinite(context.submittedAt)) {
    problems.push(
      problem(['submittedAt'], 'invalid-instant', {
        vi: 'Thời điểm gửi không hợp lệ',
        en: 'Invalid submission time',
      }),
    );
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  return {
    ...context,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers: keptAnswers(instrument, answers),
  };
}

/**
 * The answers a response keeps, in the instrument's order: a question's number as given, its text trimmed, and
 * nothing for a question unanswered or answered with blank text; anything else in `answers` is left out. It does not
 * check them: {@link createResponse} does, and stores these. For a page that has just checked the answers with
 * {@link validateResponse} and sends them.
 *
 * @example
 * ```ts
 * const rating = instrumentFor('one-stop-rating', '2026-03-10');
 * keptAnswers(rating, { overall: 1, reason: '  chờ lâu  ', convenience: null }); // { overall: 1, reason: 'chờ lâu' }
 * ```
 */
export function keptAnswers(instrument: Instrument, answers: Answers): Record<string, number | string> {
  const kept: Record<string, number | string> = {};
  for (const question of instrument.questions) {
    const value = answers[question.id];
    if (typeof value === 'number') kept[question.id] = value;
    else if (typeof value === 'string' && value.trim() !== '') kept[question.id] = value.trim();
  }
  return kept;
}
