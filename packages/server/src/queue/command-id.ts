import type { Context } from 'hono';

/**
 * The command id a request's Idempotency-Key gives a queue command: per caller and path, so that one key reused by
 * two callers or for two commands never answers the other's.
 *
 * @example
 * ```ts
 * commandId(c, 'counter:1'); // 'counter:1:/api/queue/counters/1/call-next:7d1f…' or undefined without a key
 * ```
 */
export function commandId(c: Context, who: string): string | undefined {
  const key = c.req.header('idempotency-key');
  return key ? `${who}:${c.req.path}:${key}` : undefined;
}
