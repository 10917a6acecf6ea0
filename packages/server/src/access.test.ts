import { describe, it } from 'node:test';
import type { StaffRole } from '@motcua/core/staff';
import { expect } from 'chai';
import { ROUTE_ACCESS, type RouteCaller } from './access.js';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
import { TEST_DATABASES } from './db/databases.test-support.js';
import { migrate } from './db/migrations.js';
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

/** Who may call a route declared for `who` (paths name counter 1). */
const ALLOWED: Record<RouteCaller, readonly string[] | 'all'> = {
  anyone: 'all',
  kiosk: ['kiosk'],
  counter: ['counter 1', 'counter 2', 'officer'],
  'this-counter': ['counter 1', 'officer'],
  'signed-in': ['officer', 'leader', 'admin'],
  leader: ['leader', 'admin'],
  admin: ['admin'],
};
const allowed = (who: RouteCaller, caller: string): boolean => {
  const callers = ALLOWED[who];
  return callers === 'all' || callers.includes(caller);
};

/** A concrete path for a route pattern: counter 1, a made-up ticket id, dossier code and user id. */
const concrete = (path: string): string =>
  path
    .replace('counters/:id/', 'counters/1/')
    .replace('tickets/:id', 'tickets/t-unknown')
    .replace(':code', '000.00.00.H00-261204-0001')
    .replace('users/:id', 'users/u-unknown');

for (const target of TEST_DATABASES) {
  describe(`who may call each route, on ${target.name}`, () => {
    it('declares every route the app serves, and only those', () => {
      const app = createApp({ db: {} as Database });
      const served = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
      expect([...served].sort()).to.deep.equal(Object.keys(ROUTE_ACCESS).sort());
    });

    it('refuses exactly the callers the table excludes, and lets the others through', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const office = parseOffice(DEMO_OFFICE, { demo: true });
        // Every wrong credential of the walk comes from one client: the throttle that would answer 429 after ten of
        // them (tested in http/credential-throttle.test.ts) is set out of the way, so each refusal is the route's own.
        const app = createApp({
          db,
          office,
          now: () => Date.UTC(2026, 11, 4, 2, 0),
          secret: 's'.repeat(40),
          credentialThrottle: { freeFailures: 1_000_000, maxBackoffSeconds: 1 },
        });
        const users: Record<string, StoredUser> = {};
        for (const [caller, { office: of, roles }] of Object.entries(USERS)) {
          users[caller] = await testUser(db, of, roles.join('-'), roles);
        }
        const wrong: string[] = [];
        let requests = 0;
        for (const [route, who] of Object.entries(ROUTE_ACCESS)) {
          const [method, path] = route.split(' ') as [string, string];
          if (path === '/api/queue/events') continue; // a stream that stays open; public, like the board it streams
          for (const caller of [...Object.keys(TOKENS), ...Object.keys(USERS)]) {
            // A fresh session for each request: the walk signs out too (DELETE /api/session).
            const user = users[caller];
            const headers = user ? await sessionHeaders(db, user) : (TOKENS[caller] as Record<string, string>);
            const body = method === 'GET' || method === 'DELETE' ? {} : { body: '{}' };
            const res = await app.request(concrete(path), {
              method,
              headers: { ...headers, ...('body' in body ? { 'content-type': 'application/json' } : {}) },
              ...body,
            });
            await res.body?.cancel();
            requests += 1;
            const refused = res.status === 401 || res.status === 403;
            if (refused === allowed(who, caller)) wrong.push(`${route} as ${caller}: ${res.status} (declared ${who})`);
          }
        }
        expect(wrong).to.deep.equal([]);
        expect(requests).to.equal((Object.keys(ROUTE_ACCESS).length - 1) * 9);
      } finally {
        await db.close();
      }
    });
  });
}
