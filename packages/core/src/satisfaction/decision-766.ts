import { type LocalizedText, MotcuaError, type Problem, problem } from '../text/problem.js';
import { thresholdLinear } from './formulas.js';
import type { Scorecard } from './scorecard.js';

/**
 * Decision 766/QĐ-TTg (23/6/2022): the real-time index of serving citizens and businesses, 100 points
 * in five groups. The group maxima are confirmed; most indicator splits are not, so the groups are the
 * leaves here. For indicator-level scoring build your own tree with `defineScorecard` from your
 * province's or VPCP's current split.
 *
 * @example
 * ```ts
 * DECISION_766_SCORECARD.criteria.map((c) => c.maxPoints); // [18, 20, 22, 22, 18]
 * ```
 */
export const DECISION_766_SCORECARD: Scorecard = {
  id: 'decision-766',
  version: '2022',
  validFrom: '2022-06-23',
  title: {
    vi: 'Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
    en: 'Index for directing and assessing the quality of service to citizens and businesses (Decision 766/QĐ-TTg)',
  },
  basis: {
    vi: 'Năm nhóm và điểm tối đa đã xác nhận; điểm từng chỉ số thành phần chưa xác nhận (cổng quốc gia chia nhóm 3 thành trực tuyến 12 + thanh toán 10)',
    en: 'The five groups and their maxima are confirmed; indicator splits are not (the national portal splits group 3 into online 12 + payment 10)',
  },
  criteria: [
    { id: '1', title: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' }, maxPoints: 18 },
    { id: '2', title: { vi: 'Tiến độ, kết quả giải quyết', en: 'Timeliness and results' }, maxPoints: 20 },
    { id: '3', title: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online services' }, maxPoints: 22 },
    { id: '4', title: { vi: 'Số hóa hồ sơ', en: 'Digitisation of dossiers' }, maxPoints: 22 },
    { id: '5', title: { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, maxPoints: 18 },
  ],
};

/** A Decision 766 indicator scored by the ratio-to-points rule. */
export interface Decision766Indicator {
  /** Indicator number, e.g. `5.4`. */
  readonly id: string;
  /** What it measures. */
  readonly title: LocalizedText;
  /** The share (0–1) that earns full points. */
  readonly target: number;
  /** Full points when confirmed; `undefined` where the split is unconfirmed and must be supplied. */
  readonly maxPoints: number | undefined;
}

/**
 * The indicators whose full-marks target the VPCP technical description gives (a secondary source).
 * Only 5.4's points (6) are confirmed; pass `maxPoints` for the others.
 *
 * @example
 * ```ts
 * DECISION_766_INDICATORS.find((i) => i.id === '5.4')?.maxPoints; // 6
 * ```
 */
export const DECISION_766_INDICATORS: readonly Decision766Indicator[] = [
  {
    id: '3.1',
    title: { vi: 'Tỷ lệ TTHC cung cấp trực tuyến', en: 'Share of procedures offered online' },
    target: 0.8,
    maxPoints: undefined,
  },
  {
    id: '3.3',
    title: { vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Share of dossiers filed online' },
    target: 0.5,
    maxPoints: undefined,
  },
  {
    id: '3.5',
    title: { vi: 'Tỷ lệ TTHC có phí thanh toán trực tuyến', en: 'Share of fee-bearing procedures payable online' },
    target: 0.8,
    maxPoints: undefined,
  },
  {
    id: '4.2',
    title: { vi: 'Tỷ lệ hồ sơ được số hóa', en: 'Share of dossiers digitised' },
    target: 0.8,
    maxPoints: undefined,
  },
  {
    id: '4.3',
    title: { vi: 'Tỷ lệ tái sử dụng dữ liệu số hóa', en: 'Share reusing digitised data' },
    target: 0.8,
    maxPoints: undefined,
  },
  {
    id: '5.4',
    title: {
      vi: 'Mức độ hài lòng trong tiếp nhận, giải quyết TTHC',
      en: 'Satisfaction with receiving and deciding procedures',
    },
    target: 0.9,
    maxPoints: 6,
  },
];

/** Options of {@link decision766IndicatorPoints}. */
export interface Decision766PointsOptions {
  /** Full points; required where the indicator's split is unconfirmed. */
  readonly maxPoints?: number;
  /** Full-marks share, overriding the listed one. */
  readonly target?: number;
  /** The indicator list to look in; defaults to {@link DECISION_766_INDICATORS}. */
  readonly indicators?: readonly Decision766Indicator[];
}

/**
 * Points of a Decision 766 ratio indicator: full points at or above its target share, else
 * `share / target × maxPoints`.
 *
 * @example
 * ```ts
 * decision766IndicatorPoints('3.1', 0.6, { maxPoints: 8 }); // 6 (60 % of an 80 % target)
 * decision766IndicatorPoints('5.4', 0.93);                  // 6
 * ```
 */
export function decision766IndicatorPoints(id: string, share: number, options: Decision766PointsOptions = {}): number {
  const indicator = (options.indicators ?? DECISION_766_INDICATORS).find((i) => i.id === id);
  const maxPoints = options.maxPoints ?? indicator?.maxPoints;
  const target = options.target ?? indicator?.target;
  const problems: Problem[] = [];
  if (!indicator && options.target === undefined) {
    problems.push(
      problem(['id'], 'unknown-indicator', {
        vi: `Không có chỉ số ${id}; hãy cho biết ngưỡng (target)`,
        en: `No indicator ${id}; give its target`,
      }),
    );
  }
  if (maxPoints === undefined) {
    problems.push(
      problem(['maxPoints'], 'unconfirmed-points', {
        vi: `Điểm tối đa của chỉ số ${id} chưa được xác nhận; hãy truyền maxPoints`,
        en: `The maximum points of indicator ${id} are unconfirmed; pass maxPoints`,
      }),
    );
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  return thresholdLinear(share, { target: target as number, maxPoints: maxPoints as number });
}

/** Dossier counts behind indicator 5.4. */
export interface Decision766SatisfactionCounts {
  /** Dossiers decided in the period. */
  readonly dossiers: number;
  /** Of them, decided late. */
  readonly late: number;
  /** Of them, with a complaint or a "dislike" on the national portal. */
  readonly complainedOrDisliked: number;
}

/** The result of {@link decision766Satisfaction}. */
export interface Decision766SatisfactionResult {
  /** 100 % − (% late + % complained or disliked), as a share 0–1, floored at 0. */
  readonly share: number;
  /** Points out of `maxPoints` (6 by default). */
  readonly points: number;
}

/**
 * Indicator 5.4 of Decision 766: satisfaction in receiving and deciding procedures,
 * **100 % − (% late + % dossiers with a complaint or "dislike")**, full 6 points at 90 % or more,
 * proportionally below. The two percentages are added as the formula states, so a dossier that is both
 * late and disliked counts twice; a negative result is floored at 0.
 *
 * @example
 * ```ts
 * decision766Satisfaction({ dossiers: 200, late: 6, complainedOrDisliked: 8 });   // { share: 0.93, points: 6 }
 * decision766Satisfaction({ dossiers: 200, late: 20, complainedOrDisliked: 10 }); // { share: 0.85, points: 5.666… }
 * ```
 */
export function decision766Satisfaction(
  counts: Decision766SatisfactionCounts,
  options: { readonly target?: number; readonly maxPoints?: number } = {},
): Decision766SatisfactionResult {
  const { dossiers, late, complainedOrDisliked } = counts;
  const problems: Problem[] = [];
  if (!Number.isInteger(dossiers) || dossiers < 1) {
    problems.push(
      problem(['dossiers'], 'invalid-count', {
        vi: `Số hồ sơ phải là số nguyên dương, nhận được ${dossiers}`,
        en: `The number of dossiers must be a positive integer; got ${dossiers}`,
      }),
    );
  } else {
    for (const [key, value] of [
      ['late', late],
      ['complainedOrDisliked', complainedOrDisliked],
    ] as const) {
      if (!Number.isInteger(value) || value < 0 || value > dossiers) {
        problems.push(
          problem([key], 'invalid-count', {
            vi: `Số hồ sơ phải là số nguyên từ 0 đến ${dossiers}, nhận được ${value}`,
            en: `The count must be a whole number from 0 to ${dossiers}; got ${value}`,
          }),
        );
      }
    }
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  // Percentages as the formula states them, so that 93 % is exactly 0.93.
  const percent = 100 - (late * 100) / dossiers - (complainedOrDisliked * 100) / dossiers;
  const share = Math.max(0, percent) / 100;
  const points = decision766IndicatorPoints('5.4', share, options);
  return { share, points };
}
