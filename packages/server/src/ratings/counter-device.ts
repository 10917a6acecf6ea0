import type { Context } from 'hono';
import { callerOf } from '../http/auth.js';

/** The counter device a counter-level rating comes from. */
export interface RatingDevice {
  /** What the rating is stored and limited under: `device:<id>` (a paired tablet) or `counter-token:<counter>`. */
  readonly key: string;
  readonly counter: string;
}

/**
 * The counter device the request's credential belongs to — a paired counter tablet or a counter's static token —
 * or undefined: a counter-level rating must come from something the server issued, not from any key a client makes
 * up (a rotating key let one client post hundreds of ratings and move a counter's score).
 *
 * @example
 * ```ts
 * ratingDevice(c); // { key: 'device:8c1…', counter: '1' }
 * ```
 */
export function ratingDevice(c: Context): RatingDevice | undefined {
  const caller = callerOf(c);
  if (caller?.kind !== 'counter' || caller.counter === undefined) return undefined;
  const key = caller.via === 'device' ? `device:${caller.id}` : `counter-token:${caller.counter}`;
  return { key, counter: caller.counter };
}
