import type { Context } from 'hono';
import { bearerToken, callerOf } from '../http/auth.js';
import type { Office } from '../office/office.js';
import { COUNTER_HEADER, knownCounter, officerSession } from '../staff/caller.js';

/** The counter device a counter-level rating comes from. */
export interface RatingDevice {
  /**
   * What the rating is stored and limited under: `device:<id>` (a paired tablet), `counter-token:<counter>` or
   * `officer:<user id>` (the console of an officer signed in at the counter).
   */
  readonly key: string;
  readonly counter: string;
}

/**
 * The counter device the request's credential belongs to — a paired counter tablet, a counter's static token, or
 * the session of an officer whose console names its counter in the `Motcua-Counter` header (the citizen rates on the
 * officer's screen; 404 `unknown-counter` for a counter the office does not have) — or undefined: a counter-level
 * rating must come from something the server issued, not from any key a client makes up (a rotating key let one
 * client post hundreds of ratings and move a counter's score).
 *
 * @example
 * ```ts
 * ratingDevice(c, office); // { key: 'device:8c1…', counter: '1' }
 * ```
 */
export function ratingDevice(c: Context, office: Office): RatingDevice | undefined {
  const caller = callerOf(c);
  if (caller?.kind === 'counter' && caller.counter !== undefined) {
    const key = caller.via === 'device' ? `device:${caller.id}` : `counter-token:${caller.counter}`;
    return { key, counter: caller.counter };
  }
  const officer = bearerToken(c) === undefined ? officerSession(c) : undefined;
  const counter = c.req.header(COUNTER_HEADER);
  if (!officer || counter === undefined) return undefined;
  return { key: `officer:${officer.user.id}`, counter: knownCounter(office, counter) };
}
