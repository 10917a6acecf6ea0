import { civilDateOf } from '../calendar/civil-date.js';
import { MotcuaError, type Problem, problem } from '../text/problem.js';
import {
  addToTally,
  createTally,
  type FormulaName,
  isProportionFormula,
  offScale,
  type ResolvedFormula,
  resolveFormula,
  type ScaleRange,
  scoreTally,
  type Tally,
} from './formulas.js';
import { checkGradeBands, type GradeBand, gradeFor } from './grade-bands.js';
import { type Instrument, type ScaleQuestion, scaleOf } from './instrument.js';
import { findInstrument, type InstrumentLibraryOptions } from './library.js';
import type { Answers, SurveyResponse } from './response.js';
import { responseScorer } from './score-response.js';
import { wilsonInterval } from './wilson.js';

/**
 * What responses can be grouped by. Periods are Vietnamese civil dates of `submittedAt`
 * (`day` `2026-03-10`, `month` `2026-03`, `quarter` `2026-Q1`, `year` `2026`), whatever the host's
 * time zone. `binding` is `transaction` for ratings bound to a dossier or ticket and `counter` for
 * counter-level ratings (the QR code taped to a counter).
 */
export type GroupDimension =
  | 'counter'
  | 'officer'
  | 'procedure'
  | 'channel'
  | 'binding'
  | 'day'
  | 'month'
  | 'quarter'
  | 'year';

/** A served transaction that could have been rated: the denominator of response rates. */
export interface EligibleTransaction {
  /** When it was served or its result returned (epoch milliseconds). */
  readonly servedAt: number;
  readonly counter?: string;
  readonly officer?: string;
  readonly procedure?: string;
  readonly channel?: string;
}

/** Options of {@link aggregateResponses}. */
export interface AggregateOptions extends InstrumentLibraryOptions {
  /** The instrument family aggregated (all its versions); responses to other instruments are left out. */
  readonly instrumentId: string;
  /** Aggregate this scale question's answers instead of each response's score. */
  readonly question?: string;
  /** The formula; defaults to the instrument's headline formula. */
  readonly formula?: FormulaName;
  /** For `threshold-linear`: the share earning full points. */
  readonly target?: number;
  /** For `threshold-linear`: the full points. */
  readonly maxPoints?: number;
  /** The dimensions to group by, in key order; none gives one overall row. */
  readonly groupBy?: readonly GroupDimension[];
  /** Groups with fewer scored responses are suppressed (default 10). */
  readonly minN?: number;
  /** Served transactions, grouped the same way, for response rates. */
  readonly eligible?: readonly EligibleTransaction[];
  /** Keep only the responses for which this returns `true` (e.g. leave out flagged or assisted ones). */
  readonly include?: (response: SurveyResponse) => boolean;
  /** Grade bands to use instead of each version's own (for instruments with grades). */
  readonly gradeBands?: readonly GradeBand[];
}

/** A group's values along the grouped dimensions; `''` where a response did not record one. */
export type GroupKey = Readonly<Partial<Record<GroupDimension, string>>>;

/** A group with enough responses to publish. */
export interface PublishedGroup {
  readonly key: GroupKey;
  readonly suppressed: false;
  /** The formula the score was computed with. */
  readonly formula: FormulaName;
  /** Responses with a score. */
  readonly n: number;
  /** Responses in the group that had no score (a question left unanswered). */
  readonly unanswered: number;
  /** The formula's value. */
  readonly score: number;
  /** Wilson 95 % interval, in the score's unit (0–100), for proportion formulas. */
  readonly interval?: { readonly low: number; readonly high: number };
  /** Eligible transactions in the group, when `eligible` was given. */
  readonly eligible?: number;
  /** Transaction-bound scored responses ÷ eligible transactions (0–1), when there were eligible ones. */
  readonly responseRate?: number;
  /** How many responses got each grade, for instruments with grade bands. */
  readonly grades?: Readonly<Record<string, number>>;
}

/** A group with fewer scored responses than the minimum: only its key is shown, no count at all. */
export interface SuppressedGroup {
  readonly key: GroupKey;
  readonly suppressed: true;
}

/** One row of an aggregate report. */
export type AggregateGroup = PublishedGroup | SuppressedGroup;

interface GroupState {
  readonly key: GroupKey;
  readonly tally: Tally;
  unanswered: number;
  bound: number;
  grades: Record<string, number> | undefined;
}

interface VersionReader {
  readonly scale: ScaleRange;
  readonly bands: readonly GradeBand[] | undefined;
  read(answers: Answers): number | undefined;
}

const SEPARATOR = '\u001f';

function periodOf(dimension: GroupDimension, date: string): string {
  switch (dimension) {
    case 'day':
      return date;
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    default:
      return date.slice(0, 4);
  }
}

const PERIODS = new Set<GroupDimension>(['day', 'month', 'quarter', 'year']);
const DIMENSIONS = new Set<GroupDimension>([
  'counter',
  'officer',
  'procedure',
  'channel',
  'binding',
  'day',
  'month',
  'quarter',
  'year',
]);

/** Builds the key parts of one record; periods come from its instant read on a Vietnamese clock. */
function keyParts(
  groupBy: readonly GroupDimension[],
  record: EligibleTransaction | SurveyResponse,
  instant: number,
  binding: string,
  dates: Map<number, string>,
): string[] {
  const parts: string[] = [];
  let date: string | undefined;
  for (const dimension of groupBy) {
    if (PERIODS.has(dimension)) {
      if (date === undefined) {
        // Vietnam's offset is a whole number of hours since 1976, so the date is fixed within a UTC hour.
        const hour = Math.floor(instant / 3_600_000);
        date = instant >= 189_302_400_000 ? dates.get(hour) : undefined;
        if (date === undefined) {
          date = civilDateOf(instant);
          if (instant >= 189_302_400_000) dates.set(hour, date);
        }
      }
      parts.push(periodOf(dimension, date));
    } else if (dimension === 'binding') {
      parts.push(binding);
    } else {
      parts.push((record as EligibleTransaction)[dimension as 'counter'] ?? '');
    }
  }
  return parts;
}

function readerFor(instrument: Instrument, question: string | undefined): VersionReader | Problem {
  if (question === undefined) {
    const scorer = responseScorer(instrument);
    return { scale: scorer.scale, bands: instrument.gradeBands, read: (answers) => scorer.score(answers) };
  }
  const found = instrument.questions.find((q) => q.id === question);
  if (found?.type !== 'scale') {
    return problem(['question'], 'unknown-question', {
      vi: `Bộ câu hỏi ${instrument.id}@${instrument.version} không có câu hỏi thang điểm "${question}"`,
      en: `Instrument ${instrument.id}@${instrument.version} has no scale question "${question}"`,
    });
  }
  const scaleQuestion: ScaleQuestion = found;
  const scale = scaleOf(scaleQuestion);
  const allowed = new Set(scaleQuestion.options.map((o) => o.value));
  return {
    scale,
    bands: undefined,
    read(answers) {
      const value = answers[question];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'number' || !allowed.has(value)) throw new MotcuaError([offScale([question], value, scale)]);
      return value;
    },
  };
}

/**
 * Aggregates stored responses of one instrument family: per group the formula's score, n, the Wilson
 * 95 % interval for proportions, the response rate against eligible transactions and, for graded
 * instruments, the grade counts. Groups with fewer than `minN` scored responses are suppressed and show
 * no numbers at all. Rows come sorted by key, so the result does not depend on the order of the input.
 * Responses without a score are counted as `unanswered`, never scored.
 *
 * @example
 * ```ts
 * const rows = aggregateResponses(responses, {
 *   instrumentId: 'vn-one-stop-rating',
 *   groupBy: ['counter', 'month'],
 *   eligible: servedTickets,
 *   minN: 10,
 * });
 * // [{ key: { counter: '1', month: '2026-03' }, suppressed: false, formula: 'top2box', n: 124,
 * //    score: 91.1, interval: { low: 84.8, high: 95.0 }, eligible: 410, responseRate: 0.30, unanswered: 0 },
 * //  { key: { counter: '2', month: '2026-03' }, suppressed: true }, …]
 * ```
 */
export function aggregateResponses(responses: readonly SurveyResponse[], options: AggregateOptions): AggregateGroup[] {
  const groupBy = options.groupBy ?? [];
  const minN = options.minN ?? 10;
  const setup: Problem[] = [];
  groupBy.forEach((dimension, index) => {
    if (!DIMENSIONS.has(dimension)) {
      setup.push(
        problem(['groupBy', index], 'invalid-dimension', {
          vi: `Không nhóm được theo "${String(dimension)}"`,
          en: `Cannot group by "${String(dimension)}"`,
        }),
      );
    }
  });
  if (!Number.isInteger(minN) || minN < 1) {
    setup.push(
      problem(['minN'], 'invalid-count', {
        vi: `Cỡ mẫu tối thiểu phải là số nguyên dương, nhận được ${minN}`,
        en: `The minimum n must be a positive integer; got ${minN}`,
      }),
    );
  }
  if (setup.length > 0) throw new MotcuaError(setup);

  const readers = new Map<string, VersionReader>();
  let resolved: ResolvedFormula | undefined;
  let scale: ScaleRange | undefined;
  const problems: Problem[] = [];
  const groups = new Map<string, GroupState>();
  const dates = new Map<number, string>();

  for (let index = 0; index < responses.length; index++) {
    const response = responses[index] as SurveyResponse;
    if (response.instrumentId !== options.instrumentId) continue;
    if (options.include && !options.include(response)) continue;
    let reader = readers.get(response.instrumentVersion);
    if (!reader) {
      let instrument: Instrument;
      try {
        instrument = findInstrument(response.instrumentId, response.instrumentVersion, options);
      } catch (error) {
        if (!(error instanceof MotcuaError)) throw error;
        problems.push(...error.problems.map((p) => ({ ...p, path: [index, ...p.path] })));
        continue;
      }
      const made = readerFor(instrument, options.question);
      if ('code' in made) throw new MotcuaError([made]);
      if (scale && (made.scale.min !== scale.min || made.scale.max !== scale.max)) {
        throw new MotcuaError([
          problem([index, 'instrumentVersion'], 'incompatible-versions', {
            vi: `Phiên bản ${instrument.version} có thang điểm ${made.scale.min}–${made.scale.max}, khác ${scale.min}–${scale.max}`,
            en: `Version ${instrument.version} scores ${made.scale.min}–${made.scale.max}, not ${scale.min}–${scale.max}`,
          }),
        ]);
      }
      if (!resolved) {
        if (options.gradeBands) {
          const bandProblems = checkGradeBands(options.gradeBands, made.scale.min, ['gradeBands']);
          if (bandProblems.length > 0) throw new MotcuaError(bandProblems);
        }
        scale = made.scale;
        resolved = resolveFormula({
          formula: options.formula ?? instrument.scoring.formula,
          scale: made.scale,
          ...(options.target === undefined ? {} : { target: options.target }),
          ...(options.maxPoints === undefined ? {} : { maxPoints: options.maxPoints }),
        });
      }
      reader = made;
      readers.set(response.instrumentVersion, reader);
    }
    let value: number | undefined;
    try {
      value = reader.read(response.answers);
    } catch (error) {
      if (!(error instanceof MotcuaError)) throw error;
      problems.push(...error.problems.map((p) => ({ ...p, path: [index, 'answers', ...p.path] })));
      continue;
    }
    const bound = response.transactionId !== undefined && response.transactionId !== '';
    const parts = keyParts(groupBy, response, response.submittedAt, bound ? 'transaction' : 'counter', dates);
    const id = parts.join(SEPARATOR);
    let group = groups.get(id);
    if (!group) {
      const key: Partial<Record<GroupDimension, string>> = {};
      groupBy.forEach((dimension, i) => {
        key[dimension] = parts[i] as string;
      });
      group = { key, tally: createTally(), unanswered: 0, bound: 0, grades: undefined };
      groups.set(id, group);
    }
    if (value === undefined) {
      group.unanswered += 1;
      continue;
    }
    addToTally(resolved as ResolvedFormula, group.tally, value);
    if (bound) group.bound += 1;
    const bands = options.gradeBands ?? reader.bands;
    if (bands && options.question === undefined) {
      const grade = gradeFor(value, bands).grade;
      group.grades ??= {};
      group.grades[grade] = (group.grades[grade] ?? 0) + 1;
    }
  }
  if (problems.length > 0) throw new MotcuaError(problems);

  let eligibleCounts: Map<string, number> | undefined;
  if (options.eligible) {
    eligibleCounts = new Map();
    for (const transaction of options.eligible) {
      const id = keyParts(groupBy, transaction, transaction.servedAt, 'transaction', dates).join(SEPARATOR);
      eligibleCounts.set(id, (eligibleCounts.get(id) ?? 0) + 1);
    }
  }

  const ids = [...groups.keys()].sort();
  return ids.map((id): AggregateGroup => {
    const group = groups.get(id) as GroupState;
    const { n } = group.tally;
    if (n < minN || !resolved) return { key: group.key, suppressed: true };
    const formula = resolved.formula;
    const row: {
      -readonly [K in keyof PublishedGroup]: PublishedGroup[K];
    } = {
      key: group.key,
      suppressed: false,
      formula,
      n,
      unanswered: group.unanswered,
      score: scoreTally(resolved, group.tally) as number,
    };
    if (isProportionFormula(formula)) {
      const { low, high } = wilsonInterval(group.tally.hits, n);
      row.interval = { low: low * 100, high: high * 100 };
    }
    if (eligibleCounts) {
      const eligible = eligibleCounts.get(id) ?? 0;
      row.eligible = eligible;
      if (eligible > 0) row.responseRate = group.bound / eligible;
    }
    if (group.grades) row.grades = group.grades;
    return row;
  });
}
