import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';
import { type SessionCookie, SHARED_SESSION_COOKIE } from './session-cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the browser says the request comes from a page of this same origin. */
function sameOrigin(c: Context): boolean | undefined {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (origin === undefined) return undefined;
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}

/**
 * Refuses cross-site request forgery against the session cookie: an unsafe request (POST, PUT, PATCH, DELETE) that
 * carries the session cookie (a name `sessionCookie` reads), and every sign-in (`paths`), must come from a page of the
 * server's own origin — `Sec-Fetch-Site: same-origin`, or else an `Origin` whose host is the request's. A
 * cookie-carrying request with neither header is refused too (browsers send one of them on every unsafe request); a
 * sign-in with neither (a script with no cookie) passes. Bearer-token requests without the cookie are not concerned:
 * no browser adds that header to a forged request. 403 `cross-site-request` otherwise. The cookie's `SameSite=Strict`
 * is the first line; this is the second, for browsers and proxies that do not keep it.
 *
 * @example
 * ```ts
 * app.use('/api/*', refuseCrossSiteRequests(['/api/session']));
 * ```
 */
export function refuseCrossSiteRequests(
  paths: readonly string[] = [],
  sessionCookie: SessionCookie = SHARED_SESSION_COOKIE,
): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const cookie = sessionCookie.present(c);
    if (!cookie && !paths.includes(c.req.path)) return next();
    const same = sameOrigin(c);
    if (same === false || (same === undefined && cookie)) {
      throw new ApiError(403, 'cross-site-request', {
        vi: 'Yêu cầu có phiên đăng nhập phải gửi từ trang của chính máy chủ này',
        en: 'A request with a sign-in session must come from a page of this server’s own origin',
      });
    }
    return next();
  };
}
