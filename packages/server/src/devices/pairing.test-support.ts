// Test support: a device paired through the API as a real one is — it asks with its claim, an admin approves the
// code it shows, it collects its credential.
import { randomBytes } from 'node:crypto';
import type { PairingApproval } from '@motcua/core/staff';
import type { Hono } from 'hono';
import { call } from '../http/call.test-support.js';
import type { DeviceAdminCheck } from './audit.js';

/** The header a test admin sends; {@link testAdmin} reads it (the staff sessions replace both). */
export const ADMIN_HEADERS: Record<string, string> = { 'x-test-admin': 'admin-1' };

/** A stand-in for the staff sessions' admin check: the `x-test-admin` header names the admin. */
export const testAdmin: DeviceAdminCheck = (c) => {
  const id = c.req.header('x-test-admin');
  return id === undefined ? undefined : { id, name: `Admin ${id}` };
};

/** A new claim secret, as a device draws one: 32 random bytes, base64url. */
export const newClaim = (): string => randomBytes(32).toString('base64url');

const json = { 'content-type': 'application/json' };

/**
 * Pairs a device on `approveOn` (the app the admin uses) after it asked on `app`, and collects the credential on
 * `collectOn`; returns the credential and the device's id.
 */
export async function pairDevice(
  app: Hono,
  approval: PairingApproval,
  { approveOn = app, collectOn = app }: { approveOn?: Hono; collectOn?: Hono } = {},
): Promise<{ credential: string; id: string }> {
  const claim = newClaim();
  const start = await call(app, 'POST', '/api/devices/pairings', json, { claim });
  if (start.status !== 201) throw new Error(`pairing start: ${start.status} ${start.text}`);
  const approve = await call(
    approveOn,
    'POST',
    `/api/devices/pairings/${start.body.code}/approve`,
    { ...json, ...ADMIN_HEADERS },
    approval,
  );
  if (approve.status !== 204) throw new Error(`approve: ${approve.status} ${approve.text}`);
  const collected = await call(collectOn, 'POST', '/api/devices/pairings/collect', json, { claim });
  if (collected.status !== 200) throw new Error(`collect: ${collected.status} ${collected.text}`);
  return { credential: collected.body.credential, id: collected.body.device.id };
}
