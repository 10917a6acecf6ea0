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
import { installDossierGuards, installDossierRoutes } from './routes.js';

// Sunday 2026-11-22, 10:00 in Vietnam.
const NOW = Date.UTC(2026, 10, 22, 3, 0);

for (const target of TEST_DATABASES) {
  describe(`dossier lookup limits on ${target.name}`, () => {
    it('counts lookups per client (not one key for everyone) and backs failed clients off', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: NOW };
        const deps = {
          db,
          office: parseOffice(DEMO_OFFICE, { demo: true }),
          now: () => clock.now,
          limiter: createRateLimiter(db),
          catalogue: async () => undefined,
          clientOf: (c: { req: { header(name: string): string | undefined } }) => c.req.header('x-client') ?? '?',
          lookupLimits: { perClient: { limit: 5, windowSeconds: 60 }, perCode: { limit: 100, windowSeconds: 60 } },
        };
        const app = new Hono();
        app.onError((error, c) => errorResponse(error, c));
        installDossierGuards(app, deps);
        app.use('/api/*', idempotency(db));
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
