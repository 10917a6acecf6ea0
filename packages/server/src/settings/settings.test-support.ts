// Test support: the app of the demo office with the example catalogue on an injectable clock, an admin's headers
// and a counter's, and a dossier received for a procedure.
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { adminHeaders } from '../devices/pairing.test-support.js';
import { call, type Json } from '../http/call.test-support.js';

export const EXAMPLE_CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
export const JSON_TYPE = { 'content-type': 'application/json' };
export const COUNTER = { authorization: 'Bearer demo-counter-1', ...JSON_TYPE };
/** A Vietnam wall-clock time as epoch milliseconds. */
export const vn = (iso: string): number => Date.parse(`${iso}+07:00`);

/** One instance of the service on `db`, whose clock reads `clock.now`. */
export function instance(db: Database, clock: { now: number }): Hono {
  return createApp({ db, now: () => clock.now, catalogue: EXAMPLE_CATALOGUE, secret: 's'.repeat(40) });
}

/** A signed-in admin of the demo office, signed in at `now`, as JSON request headers. */
export async function admin(db: Database, now: number): Promise<Record<string, string>> {
  return { ...(await adminHeaders(db, 'demo', now)), ...JSON_TYPE };
}

/** Receives a dossier for `procedure` at counter 1 and answers its code, PIN and due date. */
export async function receive(app: Hono, procedure: string): Promise<Json> {
  const res = await call(app, 'POST', '/api/dossiers', COUNTER, {
    procedure,
    applicant: { name: 'Nguyễn Thị Hẹn' },
    documents: [{ name: 'Tờ khai' }],
  });
  if (res.status !== 201) throw new Error(`receive ${procedure}: ${res.status} ${res.text}`);
  return res.body;
}

/** Waits until `check` holds (polling every 50 ms), failing after `ms`. */
export async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
