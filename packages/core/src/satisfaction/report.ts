import type { CivilDate } from '../calendar/civil-date.js';
import { isJsonObject } from '../text/json-object.js';
import type { AggregateGroup, GroupDimension } from './aggregate.js';

/** What `GET /api/reports/satisfaction` answers: {@link aggregateResponses}' groups of one instrument and period. */
export interface SatisfactionReport {
  /** The instrument family aggregated. */
  readonly instrument: string;
  /** The dimensions grouped by, in key order; none gives one overall group. */
  readonly groupBy: readonly GroupDimension[];
  readonly from?: CivilDate;
  readonly to?: CivilDate;
  /** One per group; groups under the minimum n are suppressed (only their key). */
  readonly groups: readonly AggregateGroup[];
}

/**
 * The JSON of `GET /api/reports/satisfaction` as a {@link SatisfactionReport}, or undefined when it has no groups;
 * a group without a key, or published without a numeric score and n, is left out.
 *
 * @example
 * ```ts
 * const report = readSatisfactionReport(await (await fetch('/api/reports/satisfaction?groupBy=counter')).json());
 * report?.groups[0]; // { key: { counter: '1' }, suppressed: false, n: 120, score: 91.7, interval: { low: 85.4, high: 95.4 }, … }
 * ```
 */
export function readSatisfactionReport(value: unknown): SatisfactionReport | undefined {
  if (!isJsonObject(value) || !Array.isArray(value.groups)) return undefined;
  const groups = value.groups.filter(
    (g): g is AggregateGroup =>
      isJsonObject(g) &&
      isJsonObject(g.key) &&
      (g.suppressed === true || (typeof g.score === 'number' && typeof g.n === 'number')),
  );
  return {
    ...(value as unknown as SatisfactionReport),
    groupBy: Array.isArray(value.groupBy) ? value.groupBy : [],
    groups,
  };
}
