import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely and let chai check their shape
type Json = Record<string, any>;

// Tuesday 2026-03-10, 09:00 in Vietnam (UTC+7).
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const KIOSK = { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' };
const counter = (id: string) => ({ authorization: `Bearer demo-counter-${id}`, 'content-type': 'application/json' });

async function send(app: Hono, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

for (const target of TEST_DATABASES) {
  describe(`a counter's desk on ${target.name}: pause, call a number, re-admit a no-show`, () => {
    async function env() {
      const db = await target.open();
      await migrate(db);
      const clock = { now: NINE };
      const app = createApp({ db, office: parseOffice(DEMO_OFFICE, { demo: true }), now: () => clock.now });
      return { db, app, clock };
    }

    it('counts who waits per service (priority apart), pauses and resumes, and a paused counter calls nobody', async () => {
      const { db, app, clock } = await env();
      try {
        await send(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        await send(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'ho-tich', priority: 'uu-tien' });
        await send(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'dat-dai' });
        const desk = await send(app, 'GET', '/api/queue/counters/1/desk', counter('1'));
        expect(desk.status).to.equal(200);
        expect(desk.body).to.deep.equal({
          paused: false,
          waiting: [
            { service: 'ho-tich', count: 2, priority: 1 },
            { service: 'chung-thuc', count: 0, priority: 0 },
          ],
          noShows: [],
        });
        expect(
          (await send(app, 'POST', '/api/queue/counters/1/pause', counter('1'), { paused: true })).body,
        ).to.deep.equal({ paused: true });
        expect((await send(app, 'GET', '/api/queue/counters/1/desk', counter('1'))).body.paused).to.equal(true);
        const refused = await send(app, 'POST', '/api/queue/counters/1/call-next', counter('1'));
        expect(refused.status).to.equal(409);
        expect(refused.body.error.code).to.equal('counter-paused');
        expect(
          (await send(app, 'POST', '/api/queue/counters/1/call', counter('1'), { number: 'A001' })).status,
        ).to.equal(409);
        // Another counter is not paused.
        expect((await send(app, 'POST', '/api/queue/counters/3/call-next', counter('3'))).body.ticket.number).to.equal(
          'A002',
        );
        clock.now += 60_000;
        await send(app, 'POST', '/api/queue/counters/1/pause', counter('1'), { paused: false });
        expect((await send(app, 'POST', '/api/queue/counters/1/call-next', counter('1'))).body.ticket.number).to.equal(
          'A001',
        );
        // Only this counter's token pauses it; a bad body is refused.
        expect(
          (await send(app, 'POST', '/api/queue/counters/1/pause', counter('2'), { paused: true })).status,
        ).to.equal(403);
        expect(
          (await send(app, 'POST', '/api/queue/counters/1/pause', counter('1'), { paused: 'yes' })).status,
        ).to.equal(400);
      } finally {
        await db.close();
      }
    });

    it('calls a waiting number out of turn, and refuses one that does not wait or another service’s', async () => {
      const { db, app } = await env();
      try {
        await send(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        await send(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        await send(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'dat-dai' });
        const called = await send(app, 'POST', '/api/queue/counters/1/call', counter('1'), { number: 'a002' });
        expect(called.status).to.equal(200);
        expect(called.body.ticket).to.include({ number: 'A002', status: 'called', counter: '1' });
        const again = await send(app, 'POST', '/api/queue/counters/1/call', counter('1'), { number: 'A002' });
        expect(again.status).to.equal(404);
        expect(again.body.error.code).to.equal('unknown-number');
        const other = await send(app, 'POST', '/api/queue/counters/1/call', counter('1'), { number: 'B001' });
        expect(other.status).to.equal(409);
        expect(other.body.error.code).to.equal('counter-does-not-serve');
      } finally {
        await db.close();
      }
    });

    it('lists a no-show on the desk and re-admits it: waiting again, called again, served once', async () => {
      const { db, app, clock } = await env();
      try {
        await send(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        await send(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        await send(app, 'POST', '/api/queue/counters/1/call-next', counter('1'));
        clock.now += 60_000;
        await send(app, 'POST', '/api/queue/counters/1/skip', counter('1'));
        const desk = await send(app, 'GET', '/api/queue/counters/1/desk', counter('1'));
        expect(desk.body.noShows).to.deep.equal([{ number: 'A001', service: 'ho-tich', priority: 'thuong' }]);
        expect(desk.body.waiting[0]).to.deep.equal({ service: 'ho-tich', count: 1, priority: 0 });
        clock.now += 60_000;
        const back = await send(app, 'POST', '/api/queue/counters/1/readmit', counter('1'), { number: 'A001' });
        expect(back.status).to.equal(200);
        expect(back.body.ticket).to.include({ number: 'A001', status: 'issued' });
        const after = await send(app, 'GET', '/api/queue/counters/1/desk', counter('1'));
        expect(after.body.noShows).to.deep.equal([]);
        expect(after.body.waiting[0]).to.deep.equal({ service: 'ho-tich', count: 2, priority: 0 });
        // A002 waited first; then A001.
        expect((await send(app, 'POST', '/api/queue/counters/1/call-next', counter('1'))).body.ticket.number).to.equal(
          'A002',
        );
        await send(app, 'POST', '/api/queue/counters/1/done', counter('1'));
        expect((await send(app, 'POST', '/api/queue/counters/1/call-next', counter('1'))).body.ticket.number).to.equal(
          'A001',
        );
        expect((await send(app, 'POST', '/api/queue/counters/1/done', counter('1'))).status).to.equal(200);
        const twice = await send(app, 'POST', '/api/queue/counters/1/readmit', counter('1'), { number: 'A001' });
        expect(twice.status).to.equal(404);
      } finally {
        await db.close();
      }
    });
  });
}
