import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Queryable } from '../db/database.js';
import { bearerToken, type CallerDevice, rememberCaller } from '../http/auth.js';
import { hashKey } from '../http/rate-limit.js';
import type { Office } from '../office/office.js';
import { deviceByCredential, touchDevice } from './store.js';

/** A device's `last_seen_at` is written at most once a minute per instance, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * A new device credential: 32 random bytes, base64url (43 characters). Only its {@link credentialHash} is stored.
 *
 * @example
 * ```ts
 * newCredential().length; // 43
 * ```
 */
export function newCredential(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a credential or a pairing claim: its SHA-256, base64url. The secrets are 32 random
 * bytes, so a fast hash is enough (nothing to guess from a dictionary).
 *
 * @example
 * ```ts
 * credentialHash(credential); // 43 characters, the same on every instance
 * ```
 */
export function credentialHash(secret: string): string {
  return hashKey(secret);
}

/** The static token's device, if `token` is one of the office's configured tokens. */
function staticCaller(office: Office, token: string): CallerDevice | undefined {
  const kiosk = office.kioskForToken(token);
  if (kiosk !== undefined) return { kind: 'kiosk', id: kiosk, via: 'token' };
  const counter = office.counterForToken(token);
  if (counter !== undefined) return { kind: 'counter', id: counter, counter, via: 'token' };
  return undefined;
}

/**
 * The paired device of `office` whose credential is `token`, looked up in the database on every request (by the
 * unique index of its hash), so that a revocation counts at once on every instance; notes when it was last seen.
 *
 * @example
 * ```ts
 * const device = await pairedCaller(db, office, token, Date.now());
 * ```
 */
export async function pairedCaller(
  db: Queryable,
  office: Office,
  token: string,
  now: number,
): Promise<CallerDevice | undefined> {
  const device = await deviceByCredential(db, office.id, credentialHash(token));
  if (!device) return undefined;
  // A counter the configuration no longer has is worked by nobody.
  if (device.counter !== null && !office.queue.counters.has(device.counter)) return undefined;
  if (device.lastSeenAt === null || now - device.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
    await touchDevice(db, device.id, now);
  }
  return {
    kind: device.kind,
    id: device.id,
    ...(device.counter !== null ? { counter: device.counter } : {}),
    via: 'device',
    name: device.name,
  };
}

const identified = new WeakMap<Request, Promise<CallerDevice | undefined>>();

/**
 * Finds out, once per request, which device of the office its bearer credential belongs to (a static token of the
 * configuration, else a paired device) and remembers it for the guards (`authenticate`). An unknown credential is
 * not refused here: a public route ignores it, a guarded one answers 401.
 *
 * @example
 * ```ts
 * await identifyCaller(c, db, office, Date.now);
 * authenticate(c, 'counter'); // '1'
 * ```
 */
export function identifyCaller(
  c: Context,
  db: Queryable,
  office: Office,
  now: () => number,
): Promise<CallerDevice | undefined> {
  let found = identified.get(c.req.raw);
  if (found === undefined) {
    const token = bearerToken(c);
    found = (async () => {
      if (token === undefined) return undefined;
      const caller = staticCaller(office, token) ?? (await pairedCaller(db, office, token, now()));
      if (caller) rememberCaller(c, caller);
      return caller;
    })();
    identified.set(c.req.raw, found);
  }
  return found;
}

/**
 * {@link identifyCaller} for every request, before the guards.
 *
 * @example
 * ```ts
 * app.use('/api/*', identifyDevices(db, office, Date.now));
 * ```
 */
export function identifyDevices(db: Queryable, office: Office, now: () => number): MiddlewareHandler {
  return async (c, next) => {
    await identifyCaller(c, db, office, now);
    return next();
  };
}
