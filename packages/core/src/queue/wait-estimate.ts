import { percentileOfSorted } from './percentiles.js';

const MINUTE = 60_000;

/** Inputs of the queue-length wait estimator. */
export interface WaitEstimateInput {
  /** People who will be called before this ticket. */
  readonly ahead: number;
  /** Counters serving the ticket's service (at least 1 is assumed). */
  readonly counters: number;
  /** Of those, how many are free now (no ticket called or in service). Default 0: all busy. */
  readonly idleCounters?: number;
  /** Recent service times for the service, in milliseconds (start to finish). */
  readonly serviceTimes: readonly number[];
  /** Below this many service times no minutes are given, only the position. Default 5. */
  readonly minSamples?: number;
}

/** A wait estimate: always the position, and minutes only when there is enough recent data. */
export interface WaitEstimate {
  /** People who will be called first (0: next). */
  readonly ahead: number;
  /**
   * `queue-length`: (ahead + 1 − idle counters) ÷ counters × recent service time (the QL estimator of
   * Ibrahim & Whitt, M&SOM 2009, with free counters taking the first people at once); `position-only`
   * when fewer than `minSamples` recent service times exist.
   */
  readonly method: 'queue-length' | 'position-only';
  /** How many recent service times the minutes rest on. */
  readonly sampleSize: number;
  /**
   * Minutes until the call: `middle` from the mean service time, `low` and `high` from its empirical
   * 10th and 90th percentiles. Absent for `position-only`.
   */
  readonly minutes?: { readonly low: number; readonly middle: number; readonly high: number };
}

/**
 * Estimates the wait for someone with `ahead` people before them: minutes are
 * `max(0, ahead + 1 − idle) / counters × service time`, with the mean for the middle and the 10th–90th percentiles
 * of recent service times for the range. With fewer than `minSamples` service times it returns the
 * position only, never invented minutes.
 *
 * @example
 * ```ts
 * estimateWait({ ahead: 3, counters: 2, serviceTimes: [4, 5, 5, 6, 10].map((m) => m * 60_000) });
 * // { ahead: 3, method: 'queue-length', sampleSize: 5, minutes: { low: 8, middle: 12, high: 17 } }
 * estimateWait({ ahead: 3, counters: 2, serviceTimes: [] });
 * // { ahead: 3, method: 'position-only', sampleSize: 0 }
 * ```
 */
export function estimateWait(input: WaitEstimateInput): WaitEstimate {
  const minSamples = input.minSamples ?? 5;
  const times = input.serviceTimes.filter((t) => Number.isFinite(t) && t >= 0);
  if (times.length < minSamples || times.length === 0) {
    return { ahead: input.ahead, method: 'position-only', sampleSize: times.length };
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, t) => sum + t, 0) / sorted.length;
  const counters = Math.max(1, input.counters);
  const idle = Math.min(counters, Math.max(0, input.idleCounters ?? 0));
  const factor = Math.max(0, input.ahead + 1 - idle) / counters / MINUTE;
  const low = Math.floor(factor * (percentileOfSorted(sorted, 10) as number));
  const high = Math.ceil(factor * (percentileOfSorted(sorted, 90) as number));
  const middle = Math.min(high, Math.max(low, Math.round(factor * mean)));
  return { ahead: input.ahead, method: 'queue-length', sampleSize: sorted.length, minutes: { low, middle, high } };
}
