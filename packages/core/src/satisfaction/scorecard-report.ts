import type { CivilDate } from '../calendar/civil-date.js';
import { isJsonObject } from '../text/json-object.js';
import type { LocalizedText } from '../text/problem.js';

/**
 * Where an indicator's figures come from: `measured` from the office's own dossiers and ratings, or `not-held`
 * (the office's server does not hold the data; the province enters it by hand).
 */
export type ScorecardIndicatorSource = 'measured' | 'not-held';

/** One Decision 766 indicator in `GET /api/reports/scorecard`. Every number is `null` when it is not known. */
export interface ScorecardIndicatorLine {
  /** Indicator number, e.g. `2.1`. */
  readonly id: string;
  /** Its group, `1`–`5`. */
  readonly group: string;
  readonly title: LocalizedText;
  /** How it is computed. */
  readonly formula: LocalizedText;
  readonly source: ScorecardIndicatorSource;
  /** The count above the line (for 5.4: dossiers resolved less late, less complained or disliked; floored at 0). */
  readonly numerator: number | null;
  /** The count below the line. */
  readonly denominator: number | null;
  /** The measured share, 0–1; `null` when not held or the denominator is 0. */
  readonly share: number | null;
  /** The share that earns full points, where one is given. */
  readonly target: number | null;
  /** Points earned; `null` when not held, not measurable in the period, or the maximum is unconfirmed. */
  readonly points: number | null;
  /** Full points; `null` where the split is unconfirmed. */
  readonly maxPoints: number | null;
  /** `true` while the full points are unconfirmed (the office has not configured the split). */
  readonly provisional: boolean;
  /** The counts the figures were made from, by name (e.g. `early`, `onTime`; `late`, `complainedOrDisliked`). */
  readonly parts?: Readonly<Record<string, number>>;
  /** What the figure leaves out, or why it is not held. */
  readonly note?: LocalizedText;
}

/** A Decision 766 group in `GET /api/reports/scorecard`. */
export interface ScorecardGroupLine {
  /** `1`–`5`. */
  readonly id: string;
  readonly title: LocalizedText;
  readonly maxPoints: number;
  /** The sum of its indicators' points, only when every one of them is known. */
  readonly points: number | null;
  /** Its indicators without points. */
  readonly missing: readonly string[];
}

/** What `GET /api/reports/scorecard` answers: the Decision 766/QĐ-TTg indicators of one office and period. */
export interface ScorecardReport {
  /** The scorecard scored, e.g. `decision-766` version `2022`. */
  readonly scorecard: { readonly id: string; readonly version: string; readonly title: LocalizedText };
  /** The first civil date of receipt counted (Vietnam time), if the period has one. */
  readonly from: CivilDate | null;
  /** The last civil date of receipt counted, if the period has one. */
  readonly to: CivilDate | null;
  /** When open dossiers were measured, ISO 8601 in Vietnam time. */
  readonly checkedAt: string;
  /** Every indicator, in order, measured or not. */
  readonly indicators: readonly ScorecardIndicatorLine[];
  /** The five groups. */
  readonly groups: readonly ScorecardGroupLine[];
  /** The whole index: points only when every group is known; `missing` lists the groups that are not. */
  readonly total: { readonly maxPoints: number; readonly points: number | null; readonly missing: readonly string[] };
}

const isText = (value: unknown): value is LocalizedText => isJsonObject(value) && typeof value.vi === 'string';
const isCount = (value: unknown): value is number | null => value === null || typeof value === 'number';

/**
 * The JSON of `GET /api/reports/scorecard` as a {@link ScorecardReport}, or undefined when it lacks its scorecard,
 * its indicators, its groups or its total; an indicator or group that is not well formed is left out.
 *
 * @example
 * ```ts
 * const report = readScorecardReport(await (await fetch('/api/reports/scorecard?from=2026-11-01&to=2026-11-30')).json());
 * report?.indicators.find((i) => i.id === '2.1')?.share; // 0.97
 * ```
 */
export function readScorecardReport(value: unknown): ScorecardReport | undefined {
  if (!isJsonObject(value) || !isJsonObject(value.scorecard) || !isText(value.scorecard.title)) return undefined;
  const { indicators, groups, total } = value;
  if (!Array.isArray(indicators) || !Array.isArray(groups) || !isJsonObject(total) || !isCount(total.points)) {
    return undefined;
  }
  return {
    ...(value as unknown as ScorecardReport),
    indicators: indicators.filter(
      (i): i is ScorecardIndicatorLine =>
        isJsonObject(i) &&
        typeof i.id === 'string' &&
        isText(i.title) &&
        (i.source === 'measured' || i.source === 'not-held') &&
        ['numerator', 'denominator', 'share', 'target', 'points', 'maxPoints'].every((key) => isCount(i[key])),
    ),
    groups: groups.filter(
      (g): g is ScorecardGroupLine =>
        isJsonObject(g) && typeof g.id === 'string' && isText(g.title) && isCount(g.points) && Array.isArray(g.missing),
    ),
  };
}
