import type { Context, MiddlewareHandler } from 'hono';
import type { Queryable } from '../db/database.js';
import { callerOf } from './auth.js';
import { backoff } from './backoff.js';
import { ApiError } from './errors.js';

/** How failed credentials slow a client down. */
export interface CredentialThrottleLimits {
  /** Wrong bearer tokens a client may send (within a day) before it has to wait. */
  readonly freeFailures: number;
  /** The longest wait, in seconds, however many failures. */
  readonly maxBackoffSeconds: number;
}

/**
 * Ten wrong tokens are free (a mistyped token, a device set up with an old one); then the client waits 2, 4, 8 …
 * seconds, at most 15 minutes. Guessing a token at a thousand tries a second becomes a few tries an hour.
 */
export const DEFAULT_CREDENTIAL_THROTTLE: CredentialThrottleLimits = { freeFailures: 10, maxBackoffSeconds: 900 };

/**
 * Slows down a client that sends wrong bearer tokens: each 401 or 403 answered to a request with an `Authorization`
 * header counts a failure for the client's address (`clientOf`, which honours `trustProxy`) — unless the token is
 * one of the office's (a counter's or a kiosk's, static or paired), refused only because this route needs someone
 * else (an officer by name, another counter): that is no guess, and a tablet sent away from a step must not lock
 * every counter behind the office's one address out; past
 * `freeFailures`, every request of that client with a token answers 429 `rate-limited` with `Retry-After` until the
 * back-off ends, so that guessing gets no answer at all — right or wrong. A request with an accepted token forgets
 * the failures (only a client that has some pays the statement). Requests without a token (public reads) are never slowed.
 *
 * @example
 * ```ts
 * app.use('/api/*', throttleFailedCredentials(db, 'xa-cam-thanh', clientAddress(), Date.now));
 * ```
 */
export function throttleFailedCredentials(
  db: Queryable,
  office: string,
  clientOf: (c: Context) => string,
  now: () => number,
  limits: CredentialThrottleLimits = DEFAULT_CREDENTIAL_THROTTLE,
): MiddlewareHandler {
  const failures = backoff(db, limits, office);
  return async (c, next) => {
    if (c.req.header('authorization') === undefined) return next();
    const key = `credential:${clientOf(c)}`;
    const { waitSeconds: wait, counted } = await failures.status([key], now());
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(429, 'rate-limited', {
        vi: `Quá nhiều lần dùng mã truy cập sai; vui lòng thử lại sau ${wait} giây`,
        en: `Too many wrong access tokens; try again in ${wait} seconds`,
      });
    }
    let status: number;
    try {
      await next();
      status = c.res.status;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403) && !callerOf(c)) {
        await failures.failed([key], now());
      }
      throw error;
    }
    if ((status === 401 || status === 403) && !callerOf(c)) await failures.failed([key], now());
    else if (status < 400 && counted) await failures.succeeded(key);
  };
}
