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
 * counter-level ratings (the QR code taped to a counter). `wait` is the band of the visit's queue wait
 * (`0–10`, `10–20`, … `60+` minutes, or `unknown`), joined through the transaction id from `waits`.
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
  | 'year'
  | 'wait';

/** A served transaction that could have been rated: the denominator of response rates. */
export interface EligibleTransaction {
  /** When it was served or its result returned (epoch milliseconds). */
  readonly servedAt: number;
  /** The dossier or ticket, to join its queue wait when grouping by `wait`. */
  readonly transactionId?: string;
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
  /** Queue wait in minutes by transaction id (dossier or ticket), for grouping by `wait`. */
  readonly waits?: ReadonlyMap<string, number>;
  /** Lower bounds of the wait bands in minutes, ascending from 0 (default 0, 10, 20, 30, 60). */
  readonly waitBands?: readonly number[];
}

/** The default wait bands, in minutes. */
export const DEFAULT_WAIT_BANDS: readonly number[] = [0, 10, 20, 30, 60];

/** Labels of wait bands: `0–10`, `10–20`, … and `60+` for the last. */
function waitLabels(bands: readonly number[]): string[] {
  return bands.map((low, i) => (i + 1 < bands.length ? `${low}–${bands[i + 1]}` : `${low}+`));
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
  /** The group's values along the dimensions, in `groupBy` order. */
  readonly values: readonly string[];
  readonly tally: Tally;
  /** Responses in the group, scored or not. */
  seen: number;
  unanswered: number;
  bound: number;
  eligible: number;
  grades: Record<string, number> | undefined;
}

interface VersionReader {
  readonly scale: ScaleRange;
  readonly bands: readonly GradeBand[] | undefined;
  read(answers: Answers): number | undefined;
}

const SEPARATOR = '\u001f';
const PERIODS: readonly GroupDimension[] = ['day', 'month', 'quarter', 'year'];
const DIMENSIONS = new Set<GroupDimension>([
  'counter',
  'officer',
  'procedure',
  'channel',
  'binding',
  'wait',
  ...PERIODS,
]);
const UNKNOWN_WAIT = 'unknown';
/** 1976-01-01T00:00Z: from then on Vietnam's offset is a whole number of hours (+07:00). */
const FIXED_OFFSET_FROM = 189_302_400_000;
const MS_PER_HOUR = 3_600_000;

/** Day, month, quarter and year labels of a civil date. */
function periodsOf(date: string): readonly string[] {
  const year = date.slice(0, 4);
  return [date, date.slice(0, 7), `${year}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`, year];
}

type Grouped = SurveyResponse | EligibleTransaction;

/**
 * Groups records into a tree of maps, one level per dimension. Dimension values are strings the records
 * already hold (or cached period labels), so no key string is built per record.
 */
class GroupIndex {
  readonly groups: GroupState[] = [];
  private readonly root = new Map<string, unknown>();
  private readonly values: string[];
  private readonly getters: ((record: Grouped, instant: number, binding: string) => string)[];
  /** Period labels per UTC hour (the Vietnamese date cannot change within one after 1976). */
  private readonly periods = new Map<number, readonly string[]>();
  private single: GroupState | undefined;

  private readonly groupBy: readonly GroupDimension[];

  /** Sort rank of each wait label, so bands sort by minutes rather than as text. */
  readonly waitRank: ReadonlyMap<string, string>;

  constructor(
    groupBy: readonly GroupDimension[],
    waits: ReadonlyMap<string, number> | undefined,
    bands: readonly number[],
  ) {
    this.groupBy = groupBy;
    this.values = groupBy.map(() => '');
    const labels = waitLabels(bands);
    this.waitRank = new Map([...labels, UNKNOWN_WAIT].map((label, i) => [label, String(i).padStart(4, '0')]));
    const bandOf = (minutes: number | undefined): string => {
      if (minutes === undefined || !(minutes >= 0)) return UNKNOWN_WAIT;
      let i = bands.length - 1;
      while (i > 0 && minutes < (bands[i] as number)) i--;
      return labels[i] as string;
    };
    this.getters = groupBy.map((dimension) => {
      const period = PERIODS.indexOf(dimension);
      if (period >= 0) return (_record, instant) => this.periodsAt(instant)[period] as string;
      if (dimension === 'binding') return (_record, _instant, binding) => binding;
      if (dimension === 'wait') {
        return (record) => (record.transactionId ? bandOf(waits?.get(record.transactionId)) : UNKNOWN_WAIT);
      }
      const field = dimension as 'counter' | 'officer' | 'procedure' | 'channel';
      return (record) => record[field] ?? '';
    });
  }

  private periodsAt(instant: number): readonly string[] {
    if (instant < FIXED_OFFSET_FROM) return periodsOf(civilDateOf(instant));
    const hour = Math.floor(instant / MS_PER_HOUR);
    let labels = this.periods.get(hour);
    if (!labels) {
      labels = periodsOf(civilDateOf(instant));
      this.periods.set(hour, labels);
    }
    return labels;
  }

  /** The group of a record, created when new. */
  groupOf(record: Grouped, instant: number, binding: string): GroupState {
    const { getters, values } = this;
    const depth = getters.length;
    if (depth === 0) {
      this.single ??= this.create();
      return this.single;
    }
    let node = this.root;
    for (let d = 0; d < depth - 1; d++) {
      const value = (getters[d] as (typeof getters)[number])(record, instant, binding);
      values[d] = value;
      let next = node.get(value) as Map<string, unknown> | undefined;
      if (!next) {
        next = new Map();
        node.set(value, next);
      }
      node = next;
    }
    const value = (getters[depth - 1] as (typeof getters)[number])(record, instant, binding);
    let group = node.get(value) as GroupState | undefined;
    if (!group) {
      values[depth - 1] = value;
      group = this.create();
      node.set(value, group);
    }
    return group;
  }

  private create(): GroupState {
    const group: GroupState = {
      values: [...this.values],
      tally: createTally(),
      seen: 0,
      unanswered: 0,
      bound: 0,
      eligible: 0,
      grades: undefined,
    };
    this.groups.push(group);
    return group;
  }

  keyOf(group: GroupState): GroupKey {
    const key: Partial<Record<GroupDimension, string>> = {};
    this.groupBy.forEach((dimension, i) => {
      key[dimension] = group.values[i] as string;
    });
    return key;
  }
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
  const waitBands = options.waitBands ?? DEFAULT_WAIT_BANDS;
  if (
    waitBands.length === 0 ||
    waitBands[0] !== 0 ||
    waitBands.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= (waitBands[i - 1] as number)))
  ) {
    setup.push(
      problem(['waitBands'], 'invalid-wait-bands', {
        vi: 'Các mốc thời gian chờ phải bắt đầu từ 0 và tăng dần',
        en: 'Wait bands must start at 0 and increase',
      }),
    );
  }
  if (groupBy.includes('wait') && !options.waits) {
    setup.push(
      problem(['waits'], 'missing-waits', {
        vi: 'Nhóm theo thời gian chờ cần dữ liệu thời gian chờ (waits)',
        en: 'Grouping by wait needs the waits',
      }),
    );
  }
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
  const grouped = new GroupIndex(groupBy, options.waits, waitBands);

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
    const group = grouped.groupOf(response, response.submittedAt, bound ? 'transaction' : 'counter');
    group.seen += 1;
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

  if (options.eligible) {
    for (const transaction of options.eligible) {
      grouped.groupOf(transaction, transaction.servedAt, 'transaction').eligible += 1;
    }
  }

  const seen = grouped.groups.filter((group) => group.seen > 0);
  const waitAt = groupBy.indexOf('wait');
  const sortKeys = new Map(
    seen.map((group) => {
      const values = [...group.values];
      if (waitAt >= 0) values[waitAt] = grouped.waitRank.get(values[waitAt] as string) as string;
      return [group, values.join(SEPARATOR)];
    }),
  );
  seen.sort((x, y) => {
    const a = sortKeys.get(x) as string;
    const b = sortKeys.get(y) as string;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return seen.map((group): AggregateGroup => {
    const key = grouped.keyOf(group);
    const { n } = group.tally;
    if (n < minN || !resolved) return { key, suppressed: true };
    const formula = resolved.formula;
    const row: {
      -readonly [K in keyof PublishedGroup]: PublishedGroup[K];
    } = {
      key,
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
    if (options.eligible) {
      row.eligible = group.eligible;
      if (group.eligible > 0) row.responseRate = group.bound / group.eligible;
    }
    if (group.grades) row.grades = group.grades;
    return row;
  });
}
