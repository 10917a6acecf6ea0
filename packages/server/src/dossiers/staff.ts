import type { Context } from 'hono';

// The counter a staff request was authenticated as: the guard sets it, the handlers read it.

/** The counter a staff request was authenticated as (set by the guard). */
const counters = new WeakMap<Request, string>();

/** Records the counter the guard authenticated for this request. */
export function rememberCounter(c: Context, counter: string): void {
  counters.set(c.req.raw, counter);
}

/** The counter the guard authenticated for this request ('' when none). */
export function counterOf(c: Context): string {
  return counters.get(c.req.raw) ?? '';
}
