import type { Context } from 'hono';
import { ApiError } from './errors.js';

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/**
 * Who a bearer token belongs to, by `lookup` (a kiosk or a counter of the office); 401 JSON error otherwise.
 *
 * @example
 * ```ts
 * const kiosk = authenticate(c, office.kioskForToken, 'kiosk');
 * ```
 */
export function authenticate(
  c: Context,
  lookup: (token: string) => string | undefined,
  what: 'kiosk' | 'counter',
): string {
  const token = bearerToken(c);
  const who = token === undefined ? undefined : lookup(token);
  if (who === undefined) {
    const vi = what === 'kiosk' ? 'ki-ốt lấy số' : 'quầy';
    throw new ApiError(401, 'unauthorized', {
      vi: `Cần mã truy cập (Authorization: Bearer) của ${vi}`,
      en: `A ${what} bearer token (Authorization: Bearer) is needed`,
    });
  }
  return who;
}
