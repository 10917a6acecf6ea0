// Test support: a device paired through the API as a real one is — it asks with its claim, a signed-in admin approves
// the code it shows, it collects its credential.
import { randomBytes } from 'node:crypto';
import type { PairingApproval } from '@motcua/core/staff';
import type { Hono } from 'hono';
import type { Queryable } from '../db/database.js';
import { call } from '../http/call.test-support.js';
import { sessionHeaders, testUser } from '../staff/staff.test-support.js';

/** A new claim secret, as a device draws one: 32 random bytes, base64url. */
export const newClaim = (): string => randomBytes(32).toString('base64url');

let admins = 0;

/** A signed-in admin of `office` (a new user each time), as the headers a page of the server's origin sends. */
export async function adminHeaders(db: Queryable, office = 'demo', now?: number): Promise<Record<string, string>> {
  admins += 1;
  const user = await testUser(db, office, `admin-${admins}`, ['admin'], now);
  return sessionHeaders(db, user, now);
}

const json = { 'content-type': 'application/json' };

/**
 * Pairs a device that asks on `app`: `admin` (the headers of a signed-in admin) approves it on `approveOn`, the device
 * collects its credential on `collectOn`; returns the credential and the device's id.
 */
export async function pairDevice(
  app: Hono,
  admin: Record<string, string>,
  approval: PairingApproval,
  { approveOn = app, collectOn = app }: { approveOn?: Hono; collectOn?: Hono } = {},
): Promise<{ credential: string; id: string }> {
  const claim = newClaim();
  const start = await call(app, 'POST', '/api/devices/pairings', json, { claim });
  if (start.status !== 201) throw new Error(`pairing start: ${start.status} ${start.text}`);
  const path = `/api/devices/pairings/${start.body.code}/approve`;
  const approve = await call(approveOn, 'POST', path, { ...json, ...admin }, approval);
  if (approve.status !== 204) throw new Error(`approve: ${approve.status} ${approve.text}`);
  const collected = await call(collectOn, 'POST', '/api/devices/pairings/collect', json, { claim });
  if (collected.status !== 200) throw new Error(`collect: ${collected.status} ${collected.text}`);
  return { credential: collected.body.credential, id: collected.body.device.id };
}
