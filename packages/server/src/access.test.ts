import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ROUTE_ACCESS, type RouteCaller } from './access.js';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
import { TEST_DATABASES } from './db/databases.test-support.js';
import { migrate } from './db/migrations.js';
import { ADMIN_HEADERS, pairDevice, testAdmin } from './devices/pairing.test-support.js';
import { call } from './http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from './office/office.js';

/** The callers a route can meet, with the credential each sends (paired ones are filled in once paired). */
const STATIC_CALLERS: Record<string, Record<string, string>> = {
  anonymous: {},
  'wrong token': { authorization: 'Bearer not-a-token-of-this-office' },
  kiosk: { authorization: 'Bearer demo-kiosk' },
  'counter 1': { authorization: 'Bearer demo-counter-1' },
  'counter 2': { authorization: 'Bearer demo-counter-2' },
  admin: ADMIN_HEADERS,
};

/** Whether `caller` may call a route declared for `who` (paths name counter 1). */
function allowed(who: RouteCaller, caller: string, board: 'public' | 'private'): boolean {
  switch (who) {
    case 'anyone':
      return true;
    case 'kiosk':
      return caller === 'kiosk' || caller === 'paired kiosk';
    case 'counter':
      return ['counter 1', 'counter 2', 'paired counter 1'].includes(caller);
    case 'this-counter':
      return caller === 'counter 1' || caller === 'paired counter 1';
    case 'board':
      return board === 'public' || caller === 'paired board';
    case 'admin':
      return caller === 'admin';
  }
}

/** A concrete path for a route pattern: counter 1, a made-up ticket id, dossier code, pairing code and device. */
const concrete = (path: string): string =>
  path
    .replace(':id/', '1/')
    .replace('tickets/:id', 'tickets/t-unknown')
    .replace('devices/:id', 'devices/d-unknown')
    .replace(':code/approve', 'KX794M/approve')
    .replace(':code/reject', 'KX794M/reject')
    .replace(':code', '000.00.00.H00-261204-0001');

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

for (const target of TEST_DATABASES) {
  describe(`who may call each route, on ${target.name}`, () => {
    it('declares every route the app serves, and only those', () => {
      const app = createApp({ db: {} as Database });
      const served = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
      expect([...served].sort()).to.deep.equal(Object.keys(ROUTE_ACCESS).sort());
    });

    for (const board of ['public', 'private'] as const) {
      it(`refuses exactly the callers the table excludes, and lets the others through (${board} board)`, async () => {
        const db = await target.open();
        try {
          await migrate(db);
          const generous = { limit: 1_000_000, windowSeconds: 60 };
          const office = parseOffice({ ...DEMO_OFFICE, board, rateLimits: { pairings: generous } }, { demo: true });
          const other = parseOffice(
            {
              ...DEMO_OFFICE,
              id: 'xa-khac',
              queue: {
                ...DEMO_OFFICE.queue,
                counters: [{ id: '1', services: ['ho-tich'], token: 'counter-of-xa-khac' }],
              },
              kiosks: [{ id: 'k', token: 'kiosk-of-xa-khac' }],
              board,
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
            deviceAdmin: testAdmin,
          };
          const app = createApp({ ...options, office });
          const otherApp = createApp({ ...options, office: other });
          const revoked = await pairDevice(app, { name: 'Ki-ốt cũ', kind: 'kiosk' });
          expect((await call(app, 'DELETE', `/api/devices/${revoked.id}`, ADMIN_HEADERS)).status).to.equal(204);
          const callers: Record<string, Record<string, string>> = {
            ...STATIC_CALLERS,
            'paired kiosk': bearer((await pairDevice(app, { name: 'Ki-ốt sảnh', kind: 'kiosk' })).credential),
            'paired counter 1': bearer(
              (await pairDevice(app, { name: 'Máy tính bảng quầy 1', kind: 'counter', counter: '1' })).credential,
            ),
            'paired board': bearer((await pairDevice(app, { name: 'Bảng gọi số', kind: 'board' })).credential),
            'revoked kiosk': bearer(revoked.credential),
            "another office's kiosk": bearer((await pairDevice(otherApp, { name: 'K', kind: 'kiosk' })).credential),
            "another office's counter": bearer(
              (await pairDevice(otherApp, { name: 'Q', kind: 'counter', counter: '1' })).credential,
            ),
            "another office's board": bearer((await pairDevice(otherApp, { name: 'B', kind: 'board' })).credential),
          };
          const wrong: string[] = [];
          let requests = 0;
          for (const [route, who] of Object.entries(ROUTE_ACCESS)) {
            const [method, path] = route.split(' ') as [string, string];
            for (const [caller, headers] of Object.entries(callers)) {
              // A stream that stays open: only its refusals are checked.
              if (path === '/api/queue/events' && allowed(who, caller, board)) continue;
              const res = await app.request(concrete(path), {
                method,
                headers: { ...headers, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
                ...(method === 'POST' ? { body: '{}' } : {}),
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
          expect(requests).to.be.greaterThan(Object.keys(ROUTE_ACCESS).length * 10);
        } finally {
          await db.close();
        }
      });
    }
  });
}
