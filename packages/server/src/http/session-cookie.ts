import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

// The staff session's cookie: `__Host-motcua_session` over TLS (Secure, host-only, Path=/), `motcua_session` over
// plain HTTP on a LAN; HttpOnly and SameSite=Strict either way.

/** The cookie's name over plain HTTP. */
export const SESSION_COOKIE = 'motcua_session';
/** The cookie's name over HTTPS: the `__Host-` prefix makes browsers refuse one set by another host or path. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

const overTls = (c: Context): boolean => new URL(c.req.url).protocol === 'https:';

/**
 * The session id the request's cookie carries, if any.
 *
 * @example
 * ```ts
 * const id = sessionCookie(c); // the random id, never logged or stored as such
 * ```
 */
export function sessionCookie(c: Context): string | undefined {
  const value = getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE);
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** Whether the request carries a session cookie at all (well formed or not). */
export function hasSessionCookie(c: Context): boolean {
  return getCookie(c, SECURE_SESSION_COOKIE) !== undefined || getCookie(c, SESSION_COOKIE) !== undefined;
}

/**
 * Sets the session cookie for `maxAgeSeconds` (the session's absolute lifetime).
 *
 * @example
 * ```ts
 * setSessionCookie(c, id, 12 * 3600);
 * ```
 */
export function setSessionCookie(c: Context, id: string, maxAgeSeconds: number): void {
  const secure = overTls(c);
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure,
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  });
}

/** Clears the session cookie (both names). */
export function clearSessionCookie(c: Context): void {
  const secure = overTls(c);
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure });
  if (secure) deleteCookie(c, SECURE_SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure });
}
