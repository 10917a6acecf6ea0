import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

// The staff session's cookie: `__Host-motcua_session` over TLS (Secure, host-only, Path=/), `motcua_session` over
// plain HTTP on a LAN; HttpOnly and SameSite=Strict either way. Each office of a province instance (several offices
// on one host, at /o/<office id>/) has its own: `motcua_session.<office id>`, `__Host-motcua_session.<office id>`, so
// that one browser holds a session at each of them at once.

/** The cookie's name over plain HTTP. */
export const SESSION_COOKIE = 'motcua_session';
/** The cookie's name over HTTPS: the `__Host-` prefix makes browsers refuse one set by another host or path. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** A cookie name as RFC 6265 allows it: an HTTP token (no separators, spaces or control characters). */
const COOKIE_NAME_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** A session id as the server makes them: 32 random bytes, base64url. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

const overTls = (c: Context): boolean => new URL(c.req.url).protocol === 'https:';

/** A cookie's two names: over plain HTTP and over TLS (with the `__Host-` prefix). */
interface CookieNames {
  readonly plain: string;
  readonly secure: string;
}

const namesOf = (plain: string): CookieNames => ({ plain, secure: `__Host-${plain}` });

const SHARED: CookieNames = namesOf(SESSION_COOKIE);

/** The session id a request's cookie carries, and under which name. */
export interface SessionCookieValue {
  /** The session id (well formed; whether a live session has it is the session reader's to check). */
  readonly id: string;
  /**
   * Whether it came under the shared name `motcua_session` at an office whose own name is another (an office of a
   * province instance, with a cookie set before offices had their own names).
   */
  readonly shared: boolean;
}

/** Where an office keeps its staff session in the browser: the names it reads, sets and clears. */
export interface SessionCookie {
  /** The name it sets over plain HTTP (over TLS: the same with `__Host-` before it). */
  readonly name: string;
  /** The session id the request carries under the office's own name, else under the shared name; well formed. */
  read(c: Context): SessionCookieValue | undefined;
  /** Whether the request carries one of the names this office reads at all (well formed or not). */
  present(c: Context): boolean;
  /** Sets the office's cookie for `maxAgeSeconds` (the session's absolute lifetime). */
  set(c: Context, id: string, maxAgeSeconds: number): void;
  /** Clears the office's own cookie; `shared` also (or only) the shared name, where the office's own is another. */
  clear(c: Context, which?: 'own' | 'shared' | 'both'): void;
}

/**
 * The session cookie of an office: without `office`, the shared `motcua_session` (`__Host-motcua_session` over
 * TLS) of a server serving one office; with it, the cookie of that office of a province instance,
 * `motcua_session.<office>` (`__Host-motcua_session.<office>`), which still accepts a cookie of the shared name (the
 * session it holds is checked against the office anyway). Throws when `office` cannot be part of a cookie name.
 *
 * @example
 * ```ts
 * const cookie = sessionCookieOf('xa-a'); // cookie.name === 'motcua_session.xa-a'
 * const found = cookie.read(c); // { id, shared: false } under motcua_session.xa-a
 * cookie.set(c, id, 12 * 3600);
 * ```
 */
export function sessionCookieOf(office?: string): SessionCookie {
  if (office !== undefined && !COOKIE_NAME_TOKEN.test(office)) {
    throw new Error(`motcua-server: the office id "${office}" cannot name a cookie`);
  }
  const own = office === undefined ? SHARED : namesOf(`${SESSION_COOKIE}.${office}`);
  const ownIsShared = own === SHARED;
  const readable: readonly { names: CookieNames; shared: boolean }[] = ownIsShared
    ? [{ names: SHARED, shared: false }]
    : [
        { names: own, shared: false },
        { names: SHARED, shared: true },
      ];
  const options = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'Strict', secure }) as const;
  const clearNames = (c: Context, names: CookieNames) => {
    const secure = overTls(c);
    deleteCookie(c, names.plain, options(secure));
    if (secure) deleteCookie(c, names.secure, options(secure));
  };
  return {
    name: own.plain,
    read(c) {
      for (const { names, shared } of readable) {
        for (const name of [names.secure, names.plain]) {
          const value = getCookie(c, name);
          if (value !== undefined && SESSION_ID.test(value)) return { id: value, shared };
        }
      }
      return undefined;
    },
    present: (c) =>
      readable.some(({ names }) => getCookie(c, names.secure) !== undefined || getCookie(c, names.plain) !== undefined),
    set(c, id, maxAgeSeconds) {
      const secure = overTls(c);
      setCookie(c, secure ? own.secure : own.plain, id, {
        ...options(secure),
        maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
      });
    },
    clear(c, which = 'own') {
      if (which !== 'shared') clearNames(c, own);
      if (which !== 'own' && !ownIsShared) clearNames(c, SHARED);
    },
  };
}

/** The cookie of a server serving one office: the shared name. */
export const SHARED_SESSION_COOKIE: SessionCookie = sessionCookieOf();
