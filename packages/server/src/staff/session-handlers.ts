import { randomBytes } from 'node:crypto';
import type { SessionView } from '@motcua/core/staff';
import type { Context } from 'hono';
import * as z from 'zod';
import { backoff } from '../http/backoff.js';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { auditRequest } from './audit-actor.js';
import { sessionIdHash, sessionOf } from './caller.js';
import { hashPassword, MAX_PASSWORD_LENGTH, needsRehash, verifyPassword } from './passwords.js';
import { createSession, deleteSession, type StoredSession } from './sessions-store.js';
import type { StaffDeps } from './staff-deps.js';
import { findUserByUsername, setPasswordHash } from './users-store.js';

/** What `POST /api/session` accepts (core's `SignInRequest`). */
export const signInBody = z
  .object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(MAX_PASSWORD_LENGTH) })
  .strict();

/** A session as `GET /api/session` answers it (core's `SessionView`). */
export function sessionView(session: StoredSession): SessionView {
  return {
    user: session.user,
    office: session.office,
    roles: session.roles,
    expiresAt: new Date(session.expiresAt).toISOString(),
    idleExpiresAt: new Date(session.idleExpiresAt).toISOString(),
  };
}

/** Compared against when the username is unknown, so that an unknown user costs the same scrypt work. */
let decoy: Promise<string> | undefined;

const failed = () =>
  new ApiError(401, 'sign-in-failed', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'The username or the password is wrong',
  });

/**
 * `POST /api/session`: signs in with a username and password. Limited per account and per client (after the free
 * failures each try waits 2, 4, 8 … seconds: 429 with `Retry-After`); an unknown user, a wrong password, a disabled
 * account and a user without a role in this office all get the same 401 after the same scrypt work. On success a new
 * session id (32 random bytes; only its SHA-256 is stored) replaces any of this office the browser had, in an
 * `HttpOnly`, `SameSite=Strict` cookie (the office's own on a province instance: a session at another office on the
 * same host lives on beside it), and the answer is the {@link SessionView}.
 *
 * @example
 * ```ts
 * app.post('/api/session', (c) => signIn(c, deps));
 * ```
 */
export async function signIn(c: Context, deps: StaffDeps): Promise<Response> {
  const { db, office, now, settings } = deps;
  const input = await readJsonBody(c, signInBody);
  const accountKey = `sign-in:${office.id}/${input.username.toLowerCase()}`;
  const clientKey = `sign-in-client:${deps.clientOf(c)}`;
  const limits = { maxBackoffSeconds: settings.maxBackoffSeconds };
  const perAccount = backoff(db, { ...limits, freeFailures: settings.freeFailuresPerAccount }, office.id);
  const perClient = backoff(db, { ...limits, freeFailures: settings.freeFailuresPerClient }, office.id);
  const wait = Math.max(await perAccount.blocked([accountKey], now()), await perClient.blocked([clientKey], now()));
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    throw new ApiError(429, 'rate-limited', {
      vi: `Quá nhiều lần đăng nhập sai; vui lòng thử lại sau ${wait} giây`,
      en: `Too many failed sign-ins; try again in ${wait} seconds`,
    });
  }
  const user = await findUserByUsername(db, office.id, input.username);
  decoy ??= hashPassword('decoy password, never matched');
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoy));
  if (!user || !matches || user.disabled || user.roles.length === 0) {
    await perAccount.failed([accountKey], now());
    await perClient.failed([clientKey], now());
    await auditRequest(c, deps, {
      action: 'session.sign-in-failed',
      ...(user ? { actor: { kind: 'user', id: user.id, name: user.displayName }, object: `user:${user.id}` } : {}),
    });
    throw failed();
  }
  await perAccount.succeeded(accountKey);
  if (needsRehash(user.passwordHash)) await setPasswordHash(db, user.id, await hashPassword(input.password));
  // Rotated: whatever session id of this office the browser brought is ended, never promoted (another office's, on
  // the same host, is that office's to end).
  const earlier = deps.cookie.read(c);
  if (earlier !== undefined) await deleteSession(db, sessionIdHash(earlier.id), office.id);
  const id = randomBytes(32).toString('base64url');
  const at = now();
  const idleMs = settings.sessionIdleMinutes * 60_000;
  const absoluteMs = settings.sessionHours * 3_600_000;
  await createSession(db, {
    idHash: sessionIdHash(id),
    userId: user.id,
    office: office.id,
    now: at,
    idleMs,
    absoluteMs,
  });
  deps.cookie.set(c, id, absoluteMs / 1000);
  // A province office's session that the shared name held (set before offices had their own) just ended: its cookie
  // goes too. The shared name holding another office's session is left to that office.
  if (earlier?.shared && sessionOf(c)) deps.cookie.clear(c, 'shared');
  const actor = { kind: 'user', id: user.id, name: user.displayName } as const;
  await auditRequest(c, deps, { action: 'session.sign-in', actor, object: `user:${user.id}` });
  c.header('Cache-Control', 'no-store');
  return c.json(
    sessionView({
      idHash: '',
      office: office.id,
      user: { id: user.id, username: user.username, displayName: user.displayName },
      roles: user.roles,
      lastSeenAt: at,
      idleExpiresAt: Math.min(at + idleMs, at + absoluteMs),
      expiresAt: at + absoluteMs,
    }),
  );
}

/**
 * `GET /api/session`: who is signed in ({@link SessionView}), or 401 `not-signed-in`.
 *
 * @example
 * ```ts
 * app.get('/api/session', (c) => currentSession(c));
 * ```
 */
export function currentSession(c: Context): Response {
  const session = sessionOf(c);
  if (!session) throw new ApiError(401, 'not-signed-in', { vi: 'Chưa đăng nhập', en: 'Not signed in' });
  c.header('Cache-Control', 'no-store');
  return c.json(sessionView(session));
}

/**
 * `DELETE /api/session`: signs out — the session ends on the server (a session of this office only: another office's
 * cookie, sent by a browser signed in there on the same host, ends nothing there) and the office's cookie is
 * cleared (on a province instance, the shared name too when it held this office's session); 204 also when there was
 * none.
 *
 * @example
 * ```ts
 * app.delete('/api/session', (c) => signOut(c, deps));
 * ```
 */
export async function signOut(c: Context, deps: StaffDeps): Promise<Response> {
  const session = sessionOf(c);
  const found = deps.cookie.read(c);
  if (found !== undefined) await deleteSession(deps.db, sessionIdHash(found.id), deps.office.id);
  if (session) await auditRequest(c, deps, { action: 'session.sign-out', object: `user:${session.user.id}` });
  deps.cookie.clear(c, found?.shared && session ? 'both' : 'own');
  return c.body(null, 204);
}
