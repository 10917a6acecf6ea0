import { describe, it } from 'node:test';
import type { StaffRole } from '@motcua/core/staff';
import { expect } from 'chai';
import { ROUTE_ACCESS, type RouteCaller } from './access.js';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
import { TEST_DATABASES } from './db/databases.test-support.js';
import { migrate } from './db/migrations.js';
import { adminHeaders, pairDevice } from './devices/pairing.test-support.js';
import { call } from './http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from './office/office.js';
import { sessionHeaders, testUser } from './staff/staff.test-support.js';
import type { StoredUser } from './staff/users-store.js';

/** The callers a route can meet: a static credential, or a signed-in user of this or another office. */
const TOKENS: Record<string, Record<string, string>> = {
  'none (a citizen, a public board)': {},
  'wrong token': { authorization: 'Bearer not-a-token-of-this-office' },
  kiosk: { authorization: 'Bearer demo-kiosk' },
  'counter 1': { authorization: 'Bearer demo-counter-1' },
  'counter 2': { authorization: 'Bearer demo-counter-2' },
};
const USERS: Record<string, { office: string; roles: StaffRole[] }> = {
  officer: { office: 'demo', roles: ['officer'] },
  leader: { office: 'demo', roles: ['leader'] },
  admin: { office: 'demo', roles: ['admin'] },
  "another office's admin, leader and officer": { office: 'xa-khac', roles: ['officer', 'leader', 'admin'] },
};
/** Paired devices of this office (one revoked) and of another office on the same database. */
const DEVICES = [
  'paired kiosk',
  'paired counter 1',
  'paired board',
  'revoked kiosk',
  "another office's paired kiosk",
  "another office's paired counter 1",
  "another office's paired board",
] as const;

/** Who may call a route declared for `who` (paths name counter 1); `board` where the office's board is private. */
const ALLOWED: Record<RouteCaller, readonly string[] | 'all'> = {
  anyone: 'all',
  kiosk: ['kiosk', 'paired kiosk'],
  counter: ['counter 1', 'counter 2', 'officer', 'paired counter 1'],
  'this-counter': ['counter 1', 'officer', 'paired counter 1'],
  board: ['paired board'],
  officer: ['officer'],
  'signed-in': ['officer', 'leader', 'admin'],
  leader: ['leader', 'admin'],
  admin: ['admin'],
};
const allowed = (who: RouteCaller, caller: string, board: 'public' | 'private'): boolean => {
  const callers = who === 'board' && board === 'public' ? 'all' : ALLOWED[who];
  return callers === 'all' || callers.includes(caller);
};

/** A concrete path for a route pattern: counter 1, a made-up ticket id, dossier code, user, pairing code and device. */
const concrete = (path: string): string =>
  path
    .replace('counters/:id/', 'counters/1/')
    .replace('tickets/:id', 'tickets/t-unknown')
    .replace('numbers/:number', 'numbers/A999')
    .replace('pairings/:code/', 'pairings/KX794M/')
    .replace(':code', '000.00.00.H00-261204-0001')
    .replace('users/:id', 'users/u-unknown')
    .replace('devices/:id', 'devices/d-unknown');

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

for (const target of TEST_DATABASES) {
  describe(`who may call each route, on ${target.name}`, () => {
    it('declares every route the app serves, and only those', () => {
      const app = createApp({ db: { forOffice: () => ({}) } as unknown as Database });
      const served = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
      expect([...served].sort()).to.deep.equal(Object.keys(ROUTE_ACCESS).sort());
    });

    for (const board of ['public', 'private'] as const) {
      it(`refuses exactly the callers the table excludes, and lets the others through (${board} board)`, async () => {
        const db = await target.open();
        try {
          await migrate(db);
          const settings = { board, rateLimits: { pairings: { limit: 1_000_000, windowSeconds: 60 } } };
          const office = parseOffice({ ...DEMO_OFFICE, ...settings }, { demo: true });
          const other = parseOffice(
            {
              ...DEMO_OFFICE,
              ...settings,
              id: 'xa-khac',
              queue: {
                ...DEMO_OFFICE.queue,
                counters: [{ id: '1', services: ['ho-tich'], token: 'counter-of-xa-khac' }],
              },
              kiosks: [{ id: 'k', token: 'kiosk-of-xa-khac' }],
            },
            { demo: true },
          );
          // Every wrong credential of the walk comes from one client: the throttle that would answer 429 after ten
          // of them (tested in http/credential-throttle.test.ts) is set out of the way, so each refusal is the route's.
          const options = {
            db,
            now: () => Date.UTC(2026, 11, 4, 2, 0),
            secret: 's'.repeat(40),
            credentialThrottle: { freeFailures: 1_000_000, maxBackoffSeconds: 1 },
          };
          const app = createApp({ ...options, office });
          const otherApp = createApp({ ...options, office: other });
          const admin = await adminHeaders(db);
          const otherAdmin = await adminHeaders(db, 'xa-khac');
          const pair = async (on: 'here' | 'there', kind: 'kiosk' | 'counter' | 'board') =>
            (
              await pairDevice(on === 'here' ? app : otherApp, on === 'here' ? admin : otherAdmin, {
                name: `${kind} ${on}`,
                kind,
                ...(kind === 'counter' ? { counter: '1' } : {}),
              })
            ).credential;
          const revoked = await pairDevice(app, admin, { name: 'Ki-ốt cũ', kind: 'kiosk' });
          expect((await call(app, 'DELETE', `/api/devices/${revoked.id}`, admin)).status).to.equal(204);
          const devices: Record<(typeof DEVICES)[number], Record<string, string>> = {
            'paired kiosk': bearer(await pair('here', 'kiosk')),
            'paired counter 1': bearer(await pair('here', 'counter')),
            'paired board': bearer(await pair('here', 'board')),
            'revoked kiosk': bearer(revoked.credential),
            "another office's paired kiosk": bearer(await pair('there', 'kiosk')),
            "another office's paired counter 1": bearer(await pair('there', 'counter')),
            "another office's paired board": bearer(await pair('there', 'board')),
          };
          const users: Record<string, StoredUser> = {};
          for (const [caller, { office: of, roles }] of Object.entries(USERS)) {
            users[caller] = await testUser(db, of, roles.join('-'), roles);
          }
          const callers = [...Object.keys(TOKENS), ...Object.keys(USERS), ...DEVICES];
          const wrong: string[] = [];
          let requests = 0;
          for (const [route, who] of Object.entries(ROUTE_ACCESS)) {
            const [method, path] = route.split(' ') as [string, string];
            for (const caller of callers) {
              // A stream that stays open: only its refusals are checked.
              if (path === '/api/queue/events' && allowed(who, caller, board)) continue;
              // A fresh session for each request: the walk signs out too (DELETE /api/session).
              const user = users[caller];
              const headers = user
                ? await sessionHeaders(db, user)
                : (TOKENS[caller] ?? devices[caller as (typeof DEVICES)[number]]);
              const body = method === 'GET' || method === 'DELETE' ? {} : { body: '{}' };
              const res = await app.request(concrete(path), {
                method,
                headers: { ...headers, ...('body' in body ? { 'content-type': 'application/json' } : {}) },
                ...body,
              });
              await res.body?.cancel();
              requests += 1;
              const refused = res.status === 401 || res.status === 403;
              if (refused === allowed(who, caller, board)) {
                wrong.push(`${route} as ${caller}: ${res.status} (declared ${who})`);
              }
            }
          }
          expect(wrong).to.deep.equal([]);
          expect(requests).to.be.at.least((Object.keys(ROUTE_ACCESS).length - 1) * callers.length);
        } finally {
          await db.close();
        }
      });
    }
  });
}
