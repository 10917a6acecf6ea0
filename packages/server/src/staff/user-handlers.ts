import type { Context } from 'hono';
import { readJsonBody } from '../http/body.js';
import {
  type AccountChangeContext,
  addUser,
  changePassword,
  changeUser,
  newUserBody,
  passwordBody,
  userChangeBody,
} from './accounts.js';
import { actorOf } from './audit-actor.js';
import { requireRole } from './caller.js';
import type { StaffDeps } from './staff-deps.js';
import { listUsers, userView } from './users-store.js';

/** An admin's change: who, when, from where. */
function changeContext(c: Context, deps: StaffDeps): AccountChangeContext {
  requireRole(c, ['admin']);
  return { office: deps.office.id, now: deps.now(), actor: actorOf(c), address: deps.clientOf(c) };
}

/**
 * `GET /api/users` (admins): the office's users (`{ users: UserView[] }`), never a password hash.
 *
 * @example
 * ```ts
 * app.get('/api/users', (c) => usersList(c, deps));
 * ```
 */
export async function usersList(c: Context, deps: StaffDeps): Promise<Response> {
  requireRole(c, ['admin']);
  c.header('Cache-Control', 'no-store');
  return c.json({ users: (await listUsers(deps.db, deps.office.id)).map(userView) });
}

/**
 * `POST /api/users` (admins): creates a user with a first password and roles; 201 with the `UserView`, 409
 * `username-taken`.
 *
 * @example
 * ```ts
 * app.post('/api/users', (c) => userCreate(c, deps));
 * ```
 */
export async function userCreate(c: Context, deps: StaffDeps): Promise<Response> {
  const ctx = changeContext(c, deps);
  const user = await addUser(deps.db, await readJsonBody(c, newUserBody), ctx);
  return c.json(userView(user), 201);
}

/**
 * `PATCH /api/users/{id}` (admins): changes display name, roles or disabled (disabling ends the user's sessions).
 *
 * @example
 * ```ts
 * app.patch('/api/users/:id', (c) => userChange(c, deps));
 * ```
 */
export async function userChange(c: Context, deps: StaffDeps): Promise<Response> {
  const ctx = changeContext(c, deps);
  const user = await changeUser(deps.db, c.req.param('id') ?? '', await readJsonBody(c, userChangeBody), ctx);
  return c.json(userView(user));
}

/**
 * `POST /api/users/{id}/password` (admins): sets a new password; the user's sessions end. 204.
 *
 * @example
 * ```ts
 * app.post('/api/users/:id/password', (c) => userPassword(c, deps));
 * ```
 */
export async function userPassword(c: Context, deps: StaffDeps): Promise<Response> {
  const ctx = changeContext(c, deps);
  const { password } = await readJsonBody(c, passwordBody);
  await changePassword(deps.db, c.req.param('id') ?? '', password, ctx);
  return c.body(null, 204);
}
