import type { RateLimitRule } from '../office/office.js';

/** What a sliding window says of one more request. */
export type SlidingWindowVerdict =
  | {
      readonly ok: true;
      /** Requests still allowed in the window after this one. */
      readonly remaining: number;
      /** The accepted times to keep for the key (this one included), oldest first. */
      readonly stamps: readonly number[];
    }
  | {
      readonly ok: false;
      /** Whole seconds until a request would be accepted again (at least 1). */
      readonly retryAfterSeconds: number;
    };

/**
 * The sliding-window log (exact, not the two-window estimate): a request at `now` is accepted when fewer than
 * `rule.limit` requests of the key were accepted in the `rule.windowSeconds` before it — `(now − window, now]` —
 * so no window of that length, wherever it starts, ever holds more than `limit` accepted requests. A fixed window
 * lets `limit` requests through just before its boundary and `limit` more just after it (2× in a moment); this does
 * not. A refused request is not counted. The key keeps at most `limit` times. With `count: false` the request is
 * only checked (the verdict, nothing to keep).
 *
 * @param stamps the key's accepted times (epoch ms) as kept after its previous hit, oldest first.
 * @example
 * ```ts
 * const rule = { limit: 2, windowSeconds: 60 };
 * const first = slidingWindowHit([], 0, rule); // { ok: true, remaining: 1, stamps: [0] }
 * slidingWindowHit([0, 1_000], 30_000, rule); // { ok: false, retryAfterSeconds: 30 }
 * slidingWindowHit([0, 1_000], 60_000, rule); // { ok: true, remaining: 0, stamps: [1000, 60000] }
 * ```
 */
export function slidingWindowHit(
  stamps: readonly number[],
  now: number,
  rule: RateLimitRule,
  count = true,
): SlidingWindowVerdict {
  const windowMs = rule.windowSeconds * 1000;
  const inWindow = stamps.filter((at) => at > now - windowMs).sort((a, b) => a - b);
  if (inWindow.length < rule.limit) {
    const kept = count ? [...inWindow, now].sort((a, b) => a - b) : inWindow;
    return { ok: true, remaining: rule.limit - kept.length, stamps: kept };
  }
  // The next request is accepted once all but `limit − 1` of these have left the window.
  const leaves = (inWindow[inWindow.length - rule.limit] as number) + windowMs;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((leaves - now) / 1000)) };
}
