import { MotcuaError, type Problem, problem } from '../text/problem.js';

/** Options of {@link createSubmissionGuard}. */
export interface SubmissionGuardOptions {
  /** Most submissions accepted per key within the window (e.g. 20 per counter tablet per 10 minutes). */
  readonly limit: number;
  /** The sliding window, in seconds. */
  readonly windowSeconds: number;
}

/** One submission as the guard sees it. */
export interface GuardedSubmission {
  /**
   * What to limit by: the device key of a counter tablet or QR code, or the rating token id. Never an IP
   * address: many citizens share one office Wi-Fi.
   */
  readonly key: string;
  /** The current time (epoch milliseconds). */
  readonly now: number;
  /** The value of the form's hidden honeypot field; anything but empty marks a bot. */
  readonly honeypot?: unknown;
}

/** The guard's verdict. */
export type GuardVerdict =
  | { readonly accepted: true }
  | {
      readonly accepted: false;
      /** `honeypot`: drop silently and answer as if accepted; `rate-limited`: ask to retry later. */
      readonly reason: 'honeypot' | 'rate-limited';
      /** Seconds until the key may submit again (rate-limited only). */
      readonly retryAfterSeconds?: number;
    };

/** Counts of what the guard turned away, for reports. */
export interface GuardStats {
  readonly accepted: number;
  readonly honeypot: number;
  readonly rateLimited: number;
}

/** A stateful guard for rating submissions; see {@link createSubmissionGuard}. */
export interface SubmissionGuard {
  /** Checks one submission and, when accepted, counts it against its key. */
  check(submission: GuardedSubmission): GuardVerdict;
  /** What was accepted and turned away so far. */
  stats(): GuardStats;
}

/**
 * A guard for counter-level and transaction-bound rating submissions: a honeypot field and a sliding
 * window rate limit per device key or token, with the clock passed in. Turned-away submissions are
 * counted, never silently lost from the statistics.
 *
 * @example
 * ```ts
 * const guard = createSubmissionGuard({ limit: 20, windowSeconds: 600 });
 * guard.check({ key: 'tablet-quay-1', now: Date.now(), honeypot: form.website });
 * // { accepted: true } or { accepted: false, reason: 'rate-limited', retryAfterSeconds: 42 }
 * ```
 */
export function createSubmissionGuard(options: SubmissionGuardOptions): SubmissionGuard {
  const problems: Problem[] = [];
  if (!Number.isInteger(options.limit) || options.limit < 1) {
    problems.push(
      problem(['limit'], 'invalid-limit', {
        vi: `Giới hạn phải là số nguyên dương, nhận được ${options.limit}`,
        en: `The limit must be a positive integer; got ${options.limit}`,
      }),
    );
  }
  if (!(options.windowSeconds > 0 && Number.isFinite(options.windowSeconds))) {
    problems.push(
      problem(['windowSeconds'], 'invalid-window', {
        vi: `Khoảng thời gian phải là số giây dương, nhận được ${options.windowSeconds}`,
        en: `The window must be a positive number of seconds; got ${options.windowSeconds}`,
      }),
    );
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  const windowMs = options.windowSeconds * 1000;
  const recent = new Map<string, number[]>();
  let accepted = 0;
  let honeypot = 0;
  let rateLimited = 0;
  let lastSweep = Number.NEGATIVE_INFINITY;

  const sweep = (now: number): void => {
    // Forget keys with nothing inside the window, at most once per window, so memory stays bounded.
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, times] of recent) {
      if (Math.max(...times) <= now - windowMs) recent.delete(key);
    }
  };

  return {
    check({ key, now, honeypot: trap }) {
      if (typeof key !== 'string' || key === '' || !Number.isFinite(now)) {
        throw new MotcuaError([
          problem([], 'invalid-submission', {
            vi: 'Lượt gửi cần khóa thiết bị hoặc mã token và thời điểm',
            en: 'A submission needs a device key or token id and a time',
          }),
        ]);
      }
      if (trap !== undefined && trap !== null && trap !== '') {
        honeypot += 1;
        return { accepted: false, reason: 'honeypot' };
      }
      sweep(now);
      const times = (recent.get(key) ?? []).filter((t) => t > now - windowMs);
      if (times.length >= options.limit) {
        rateLimited += 1;
        recent.set(key, times);
        const retryAfterSeconds = Math.max(1, Math.ceil((Math.min(...times) + windowMs - now) / 1000));
        return { accepted: false, reason: 'rate-limited', retryAfterSeconds };
      }
      times.push(now);
      recent.set(key, times);
      accepted += 1;
      return { accepted: true };
    },
    stats() {
      return { accepted, honeypot, rateLimited };
    },
  };
}
