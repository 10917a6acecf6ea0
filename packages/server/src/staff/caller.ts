import { createHash } from 'node:crypto';
import type { StaffRole } from '@motcua/core/staff';
import type { Context, MiddlewareHandler } from 'hono';
import type { Queryable } from '../db/database.js';
import { callerOf } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { type SessionCookie, SHARED_SESSION_COOKIE } from '../http/session-cookie.js';
import type { Office } from '../office/office.js';
import { findSession, type StoredSession, touchSession } from './sessions-store.js';

// Who a request is signed in as: the session middleware reads the cookie once per request, the guards and handlers
// read what it found.

const sessions = new WeakMap<Request, StoredSession>();

/** The SHA-256 of a session id, as the database keeps it. */
export const sessionIdHash = (id: string): string => createHash('sha256').update(id).digest('base64url');

/** A session is touched (its idle expiry moved on) at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Reads the session cookie of every API request (`cookie`: the office's, by default the shared name of a server
 * serving one office): a live session of this office's user is remembered for the guards ({@link sessionOf}) and its
 * idle expiry moved on. A session of another office counts as none.
 *
 * @example
 * ```ts
 * app.use('/api/*', readSessions(db, office.id, Date.now, 150 * 60_000));
 * ```
 */
export function readSessions(
  db: Queryable,
  office: string,
  now: () => number,
  idleMs: number,
  cookie: SessionCookie = SHARED_SESSION_COOKIE,
): MiddlewareHandler {
  return async (c, next) => {
    const id = cookie.read(c)?.id;
    if (id !== undefined) {
      const at = now();
      const session = await findSession(db, sessionIdHash(id), at);
      if (session && session.office === office) {
        if (at - session.lastSeenAt >= TOUCH_EVERY_MS) {
          await touchSession(db, session.idHash, at, idleMs);
          const idleExpiresAt = Math.min(session.expiresAt, at + idleMs);
          sessions.set(c.req.raw, { ...session, lastSeenAt: at, idleExpiresAt });
        } else {
          sessions.set(c.req.raw, session);
        }
      }
    }
    return next();
  };
}

/** The live session the request is signed in with, if any. */
export function sessionOf(c: Context): StoredSession | undefined {
  return sessions.get(c.req.raw);
}

/** The session of an officer (a signed-in user with the `officer` role), if the request has one. */
export function officerSession(c: Context): StoredSession | undefined {
  const session = sessionOf(c);
  return session?.roles.includes('officer') ? session : undefined;
}

const notSignedIn = () => new ApiError(401, 'not-signed-in', { vi: 'Cần đăng nhập', en: 'Signing in is needed' });

/**
 * The request's session when it holds one of `roles`: 401 `not-signed-in` without a session, 403 `forbidden` with
 * one that lacks the roles.
 *
 * @example
 * ```ts
 * const session = requireRole(c, ['leader', 'admin']);
 * ```
 */
export function requireRole(c: Context, roles: readonly StaffRole[]): StoredSession {
  const session = sessionOf(c);
  if (!session) throw notSignedIn();
  if (!session.roles.some((role) => roles.includes(role))) {
    throw new ApiError(403, 'forbidden', {
      vi: `Cần vai trò ${roles.join(' hoặc ')}`,
      en: `The ${roles.join(' or ')} role is needed`,
    });
  }
  return session;
}

/**
 * The session of a person signed in with one of `roles`, for an act that must name who did it (an `officer` route
 * of `access.ts`): a device's bearer credential (a counter's static token, a paired tablet's credential) names no
 * one, so a request with one and no such session gets 403 `officer-needed`; otherwise as {@link requireRole}. The
 * device must be identified first (`identifyCaller`).
 *
 * @example
 * ```ts
 * const officer = requireNamedOfficer(c, ['officer']); // officer.user.displayName goes with the step
 * ```
 */
export function requireNamedOfficer(c: Context, roles: readonly StaffRole[]): StoredSession {
  if (!sessionOf(c) && callerOf(c)) {
    throw new ApiError(403, 'officer-needed', {
      vi: `Cần cán bộ đăng nhập (vai trò ${roles.join(' hoặc ')}): mã truy cập của quầy hay thiết bị không nêu tên người làm`,
      en: `An officer must sign in (the ${roles.join(' or ')} role): a counter's or a device's token names no one`,
    });
  }
  return requireRole(c, roles);
}

/**
 * A guard for routes of signed-in roles (see `access.ts`): {@link requireRole} before the handler.
 *
 * @example
 * ```ts
 * app.use('/api/reports/*', roleGuard(['leader', 'admin']));
 * ```
 */
export function roleGuard(roles: readonly StaffRole[]): MiddlewareHandler {
  return async (c, next) => {
    requireRole(c, roles);
    return next();
  };
}

/**
 * The counter an officer's console chose, checked to be one of the office's: 404 `unknown-counter` otherwise.
 *
 * @example
 * ```ts
 * knownCounter(office, c.req.param('id')); // '1'
 * ```
 */
export function knownCounter(office: Office, counter: string): string {
  if (!office.queue.counters.has(counter)) {
    throw new ApiError(404, 'unknown-counter', {
      vi: `Văn phòng không có quầy "${counter}"`,
      en: `The office has no counter "${counter}"`,
    });
  }
  return counter;
}

/** The header in which an officer's console names the counter it works at, on routes whose path names none. */
export const COUNTER_HEADER = 'Motcua-Counter';
