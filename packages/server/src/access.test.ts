import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ROUTE_ACCESS, type RouteCaller } from './access.js';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
import { TEST_DATABASES } from './db/databases.test-support.js';
import { migrate } from './db/migrations.js';
import { DEMO_OFFICE, parseOffice } from './office/office.js';

/** The callers a route can meet, with the credential each sends. */
const CALLERS: Record<string, Record<string, string>> = {
  anonymous: {},
  'wrong token': { authorization: 'Bearer not-a-token-of-this-office' },
  kiosk: { authorization: 'Bearer demo-kiosk' },
  'counter 1': { authorization: 'Bearer demo-counter-1' },
  'counter 2': { authorization: 'Bearer demo-counter-2' },
};

/** Whether `caller` may call a route declared for `who` (paths name counter 1). */
function allowed(who: RouteCaller, caller: string): boolean {
  switch (who) {
    case 'anyone':
      return true;
    case 'kiosk':
      return caller === 'kiosk';
    case 'counter':
      return caller === 'counter 1' || caller === 'counter 2';
    case 'this-counter':
      return caller === 'counter 1';
  }
}

/** A concrete path for a route pattern: counter 1, a made-up ticket id and dossier code. */
const concrete = (path: string): string =>
  path.replace(':id/', '1/').replace('tickets/:id', 'tickets/t-unknown').replace(':code', '000.00.00.H00-261204-0001');

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
        const wrong: string[] = [];
        for (const [route, who] of Object.entries(ROUTE_ACCESS)) {
          const [method, path] = route.split(' ') as [string, string];
          if (path === '/api/queue/events') continue; // a stream that stays open; public, like the board it streams
          for (const [caller, headers] of Object.entries(CALLERS)) {
            const res = await app.request(concrete(path), {
              method,
              headers: { ...headers, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
              ...(method === 'POST' ? { body: '{}' } : {}),
            });
            await res.body?.cancel();
            const refused = res.status === 401 || res.status === 403;
            if (refused === allowed(who, caller)) wrong.push(`${route} as ${caller}: ${res.status} (declared ${who})`);
          }
        }
        expect(wrong).to.deep.equal([]);
      } finally {
        await db.close();
      }
    });
  });
}
