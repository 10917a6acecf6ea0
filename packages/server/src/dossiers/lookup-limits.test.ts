import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Hono } from 'hono';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { errorResponse } from '../http/errors.js';
import { idempotency } from '../http/idempotency.js';
import { createRateLimiter } from '../http/rate-limit.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { DEMO_DOSSIER } from './demo.js';
import type { DossierLookupLimits } from './lookup-limits.js';
import { installDossierGuards, installDossierRoutes } from './routes.js';

// Sunday 2026-11-22, 10:00 in Vietnam.
const NOW = Date.UTC(2026, 10, 22, 3, 0);

for (const target of TEST_DATABASES) {
  describe(`dossier lookup limits on ${target.name}`, () => {
    async function lookupApp(lookupLimits: Partial<DossierLookupLimits> = {}) {
      const db = await target.open();
      await migrate(db);
      const clock = { now: NOW };
      const deps = {
        db,
        office: parseOffice(DEMO_OFFICE, { demo: true }),
        now: () => clock.now,
        limiter: createRateLimiter(db, DEMO_OFFICE.id),
        catalogue: async () => undefined,
        clientOf: (c: { req: { header(name: string): string | undefined } }) => c.req.header('x-client') ?? '?',
        lookupLimits,
      };
      const app = new Hono();
      app.onError((error, c) => errorResponse(error, c));
      installDossierGuards(app, deps);
      app.use('/api/*', idempotency(db, { office: 'demo' }));
      installDossierRoutes(app, deps);
      const lookup = (client: string, pin: string = DEMO_DOSSIER.pin) =>
        app.request(`/api/dossiers/${DEMO_DOSSIER.code}`, { headers: { 'x-client': client, 'dossier-pin': pin } });
      return { db, clock, lookup };
    }

    it('slows the client guessing a PIN, not the dossier: its owner at another address gets in at once', async () => {
      const { db, clock, lookup } = await lookupApp();
      try {
        // Twelve wrong PINs from one address, each as soon as its back-off allows.
        const statuses: number[] = [];
        while (statuses.filter((s) => s === 404).length < 12) {
          const res = await lookup('203.0.113.7', '000000');
          statuses.push(res.status);
          if (res.status === 429) clock.now += Number(res.headers.get('retry-after')) * 1000;
        }
        expect(statuses.slice(0, 4)).to.deep.equal([404, 404, 404, 404]);
        expect(statuses).to.include(429);
        // The guesser waits…
        const guesser = await lookup('203.0.113.7');
        expect(guesser.status).to.equal(429);
        expect(Number(guesser.headers.get('retry-after'))).to.be.above(60);
        // …the owner, at home with the right PIN, does not.
        expect((await lookup('198.51.100.20')).status).to.equal(200);
        // Nor after a whole day of this address guessing as fast as its back-off lets it: it stays below the
        // code's ceiling of wrong PINs, so the code is never paced.
        const dayLater = clock.now + 86_400_000;
        let wrong = 12;
        while (clock.now < dayLater) {
          const res = await lookup('203.0.113.7', '000000');
          if (res.status === 404) wrong++;
          clock.now += Math.max(1, Number(res.headers.get('retry-after') ?? 0)) * 1000;
        }
        expect(wrong).to.be.within(30, 39);
        expect((await lookup('198.51.100.20')).status).to.equal(200);
      } finally {
        await db.close();
      }
    });

    it('bounds a guesser spread over many addresses per dossier by pacing the code, never locking it out', async () => {
      const { db, clock, lookup } = await lookupApp({
        perCodeFailures: { limit: 6, windowSeconds: 86_400 },
        perCodePaced: { limit: 1, windowSeconds: 900 },
      });
      try {
        // Six wrong PINs from three addresses reach the ceiling: the code is now paced.
        for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
          expect((await lookup(address, '000000')).status).to.equal(404);
          expect((await lookup(address, '000000')).status).to.equal(404);
        }
        // The first lookup after that gets the one turn of the next 15 minutes.
        expect((await lookup('10.0.0.9', '000000')).status).to.equal(404);
        const paced = await lookup('10.0.0.4', '000000');
        expect(paced.status).to.equal(429);
        expect(Number(paced.headers.get('retry-after'))).to.be.within(1, 900);
        // The owner waits at most the pace, not an hour; then gets in with the right PIN.
        const owner = await lookup('198.51.100.20');
        expect(owner.status).to.equal(429);
        const retryAfter = Number(owner.headers.get('retry-after'));
        expect(retryAfter).to.be.within(1, 900);
        clock.now += retryAfter * 1000;
        expect((await lookup('198.51.100.20')).status).to.equal(200);
        // In any 24 hours the code sees at most the ceiling plus one lookup per 15 minutes.
        let verified = 0;
        for (let minute = 0; minute < 24 * 60; minute += 5) {
          clock.now += 5 * 60_000;
          if ((await lookup(`10.1.${minute >> 8}.${minute & 255}`, '000000')).status === 404) verified++;
        }
        expect(verified).to.be.at.most(6 + 96);
      } finally {
        await db.close();
      }
    });

    it('counts lookups per client (not one key for everyone) and backs failed clients off', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: NOW };
        const deps = {
          db,
          office: parseOffice(DEMO_OFFICE, { demo: true }),
          now: () => clock.now,
          limiter: createRateLimiter(db, DEMO_OFFICE.id),
          catalogue: async () => undefined,
          clientOf: (c: { req: { header(name: string): string | undefined } }) => c.req.header('x-client') ?? '?',
          lookupLimits: { perClient: { limit: 5, windowSeconds: 60 } },
        };
        const app = new Hono();
        app.onError((error, c) => errorResponse(error, c));
        installDossierGuards(app, deps);
        app.use('/api/*', idempotency(db, { office: 'demo' }));
        installDossierRoutes(app, deps);
        const good = `/api/dossiers/${DEMO_DOSSIER.code}?pin=${DEMO_DOSSIER.pin}`;
        const lookup = (client: string, path = good) => app.request(path, { headers: { 'x-client': client } });

        for (let i = 0; i < 5; i++) expect((await lookup('a')).status).to.equal(200);
        const limited = await lookup('a');
        expect(limited.status).to.equal(429);
        expect(Number(limited.headers.get('retry-after'))).to.be.within(1, 60);
        // Another client behind another address is not affected.
        expect((await lookup('b')).status).to.equal(200);

        // A client guessing codes backs off even when each code is new.
        clock.now += 60_000;
        for (let i = 2; i <= 5; i++) {
          const res = await lookup('c', `/api/dossiers/000.00.00.H00-261109-000${i}?pin=123456`);
          expect(res.status).to.equal(404);
        }
        const backedOff = await lookup('c', '/api/dossiers/000.00.00.H00-261109-0006?pin=123456');
        expect(backedOff.status).to.equal(429);
        expect(backedOff.headers.get('retry-after')).to.equal('2');
        clock.now += 2_000;
        expect((await lookup('c')).status).to.equal(200);
      } finally {
        await db.close();
      }
    });
  });
}
