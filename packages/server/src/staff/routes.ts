import type { Hono } from 'hono';
import { refuseCrossSiteRequests } from '../http/csrf.js';
import { auditTrail } from './audit-handlers.js';
import { readSessions } from './caller.js';
import { currentSession, signIn, signOut } from './session-handlers.js';
import type { StaffDeps } from './staff-deps.js';
import { userChange, userCreate, userPassword, usersList } from './user-handlers.js';

/** The sign-in route, which the cross-site check covers even without a cookie (no login forgery). */
const SIGN_IN_PATH = '/api/session';

/**
 * Mounts what every API request passes before the other guards: the cross-site request check (an unsafe request
 * with the session cookie, and every sign-in, must come from the server's own origin) and the session reader.
 *
 * @example
 * ```ts
 * installStaffGuards(app, deps);
 * installQueueGuards(app, queue, now); // may now accept an officer's session
 * ```
 */
export function installStaffGuards(app: Hono, deps: StaffDeps): void {
  app.use('/api/*', refuseCrossSiteRequests([SIGN_IN_PATH], deps.cookie));
  const idleMs = deps.settings.sessionIdleMinutes * 60_000;
  app.use('/api/*', readSessions(deps.db, deps.office.id, deps.now, idleMs, deps.cookie));
}

/**
 * Mounts the staff routes: `POST /api/session` (sign in), `GET /api/session` (who is signed in), `DELETE
 * /api/session` (sign out); for admins, the users (`GET`/`POST /api/users`, `PATCH /api/users/{id}`,
 * `POST /api/users/{id}/password`) and the audit trail (`GET /api/audit`, JSON or CSV).
 *
 * @example
 * ```ts
 * installStaffRoutes(app, { db, office, now: Date.now, clientOf, settings: DEFAULT_STAFF_SETTINGS, cookie });
 * ```
 */
export function installStaffRoutes(app: Hono, deps: StaffDeps): void {
  app.post(SIGN_IN_PATH, (c) => signIn(c, deps));
  app.get(SIGN_IN_PATH, (c) => currentSession(c));
  app.delete(SIGN_IN_PATH, (c) => signOut(c, deps));
  app.get('/api/users', (c) => usersList(c, deps));
  app.post('/api/users', (c) => userCreate(c, deps));
  app.patch('/api/users/:id', (c) => userChange(c, deps));
  app.post('/api/users/:id/password', (c) => userPassword(c, deps));
  app.get('/api/audit', (c) => auditTrail(c, deps));
}
