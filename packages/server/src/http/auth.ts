import type { DeviceKind } from '@motcua/core/staff';
import type { Context } from 'hono';
import { ApiError } from './errors.js';

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/**
 * The device a request's bearer credential belongs to: a static token of the office's configuration (`via:
 * 'token'`) or a paired device's credential (`via: 'device'`).
 */
export interface CallerDevice {
  readonly kind: DeviceKind;
  /** The kiosk's id in the configuration, the counter's id for a counter token, or the paired device's id. */
  readonly id: string;
  /** The counter a counter token or a paired counter tablet works. */
  readonly counter?: string;
  readonly via: 'token' | 'device';
  /** A paired device's name, for the audit trail. */
  readonly name?: string;
}

const callers = new WeakMap<Request, CallerDevice>();

/**
 * Records who the request's credential belongs to (the devices middleware does, before any guard).
 *
 * @example
 * ```ts
 * rememberCaller(c, { kind: 'kiosk', id: 'kiosk-1', via: 'token' });
 * ```
 */
export function rememberCaller(c: Context, caller: CallerDevice): void {
  callers.set(c.req.raw, caller);
}

/**
 * The device the request's credential belongs to, if any.
 *
 * @example
 * ```ts
 * callerOf(c)?.kind; // 'kiosk'
 * ```
 */
export function callerOf(c: Context): CallerDevice | undefined {
  return callers.get(c.req.raw);
}

const WHAT: Record<DeviceKind, string> = { kiosk: 'ki-ốt lấy số', counter: 'quầy', board: 'bảng hiển thị' };

/**
 * Who a request comes from, as a device of kind `what` (a kiosk, a counter or a board of the office, by a static
 * token or a paired credential): the kiosk's id (a paired kiosk's is `device:<id>`), the counter's id, or the board
 * device's id; 401 JSON error otherwise.
 *
 * @example
 * ```ts
 * const kiosk = authenticate(c, 'kiosk');
 * ```
 */
export function authenticate(c: Context, what: DeviceKind): string {
  const caller = callerOf(c);
  if (caller?.kind !== what) {
    throw new ApiError(401, 'unauthorized', {
      vi: `Cần mã truy cập (Authorization: Bearer) của ${WHAT[what]}`,
      en: `A ${what} bearer token (Authorization: Bearer) is needed`,
    });
  }
  if (what === 'counter') return caller.counter as string;
  return caller.via === 'device' && what === 'kiosk' ? `device:${caller.id}` : caller.id;
}
