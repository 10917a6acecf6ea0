import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';

// Tuesday 2026-03-10, 09:00 in Vietnam.
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const KIOSK = { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' };

for (const target of TEST_DATABASES) {
  describe(`public queue reads are limited per client on ${target.name}`, () => {
    it('answers 429 with Retry-After past the limit in any window, to that address only, and only for reads', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: NINE };
        const office = parseOffice(
          { ...DEMO_OFFICE, rateLimits: { publicReads: { limit: 3, windowSeconds: 60 } } },
          { demo: true },
        );
        const app = createApp({ db, office, now: () => clock.now });
        // The client's address as @hono/node-server hands it over.
        const from = (client: string) => ({ incoming: { socket: { remoteAddress: client } } });
        const issued = await app.request(
          '/api/queue/tickets',
          { method: 'POST', headers: KIOSK, body: JSON.stringify({ service: 'ho-tich' }) },
          from('192.0.2.1'),
        );
        const { id } = (await issued.json()) as { id: string };
        const read = (path: string, client: string) => app.request(path, {}, from(client));
        expect((await read('/api/queue/board', '203.0.113.7')).status).to.equal(200);
        expect((await read(`/api/queue/tickets/${id}`, '203.0.113.7')).status).to.equal(200);
        clock.now += 30_000;
        expect((await read('/api/queue/board', '203.0.113.7')).status).to.equal(200);
        // The fourth read within a minute of the first: refused, until the first leaves the window.
        const refused = await read(`/api/queue/tickets/${id}`, '203.0.113.7');
        expect(refused.status).to.equal(429);
        expect(refused.headers.get('retry-after')).to.equal('30');
        expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('rate-limited');
        // Another address is not affected, and taking a ticket is not a public read.
        expect((await read('/api/queue/board', '198.51.100.2')).status).to.equal(200);
        // A ticket followed by its number is a public read too, counted with the others.
        expect((await read('/api/queue/numbers/A001', '203.0.113.7')).status).to.equal(429);
        expect((await read('/api/queue/numbers/A001', '198.51.100.2')).status).to.equal(200);
        const another = await app.request(
          '/api/queue/tickets',
          { method: 'POST', headers: KIOSK, body: JSON.stringify({ service: 'ho-tich' }) },
          from('203.0.113.7'),
        );
        expect(another.status).to.equal(201);
        clock.now += 30_000;
        expect((await read('/api/queue/board', '203.0.113.7')).status).to.equal(200);
      } finally {
        await db.close();
      }
    });
  });
}
