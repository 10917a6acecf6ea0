import type { Context } from 'hono';
import { ApiError } from '../http/errors.js';
import type { DeviceAdmin } from './audit.js';
import type { DeviceRoutesDeps } from './deps.js';

/**
 * The signed-in admin of the office the request comes from, or 401 (the admin check answers 403 itself for someone
 * signed in without the role).
 *
 * @example
 * ```ts
 * const admin = await requireAdmin(c, deps);
 * ```
 */
export async function requireAdmin(c: Context, deps: Pick<DeviceRoutesDeps, 'adminOf'>): Promise<DeviceAdmin> {
  const admin = await deps.adminOf?.(c);
  if (!admin) {
    throw new ApiError(401, 'sign-in-required', {
      vi: 'Cần đăng nhập với vai trò quản trị của cơ quan',
      en: 'Sign in as an admin of the office',
    });
  }
  return admin;
}
