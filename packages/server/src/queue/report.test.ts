import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { signedInAs } from '../staff/staff.test-support.js';

// Tuesday 2026-03-10, 09:00 in Vietnam (UTC+7).
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const KIOSK = { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' };
const COUNTER = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };

for (const target of TEST_DATABASES) {
  describe(`GET /api/reports/queue on ${target.name}`, () => {
    it('answers the month so far by default, as JSON with the fields openapi.yaml describes, or as CSV', async () => {
      const db = await target.open();
      await migrate(db);
      const clock = { now: NINE };
      const app = createApp({ db, now: () => clock.now });
      try {
        for (const service of ['ho-tich', 'ho-tich', 'chung-thuc']) {
          expect((await call(app, 'POST', '/api/queue/tickets', KIOSK, { service })).status).to.equal(201);
        }
        clock.now += 4 * 60_000;
        expect((await call(app, 'POST', '/api/queue/counters/1/call-next', COUNTER, {})).status).to.equal(200);
        expect((await call(app, 'POST', '/api/queue/counters/1/start', COUNTER, {})).status).to.equal(200);
        clock.now += 6 * 60_000;
        expect((await call(app, 'POST', '/api/queue/counters/1/done', COUNTER, {})).status).to.equal(200);

        const leader = await signedInAs(db, 'demo', ['leader']);
        expect((await call(app, 'GET', '/api/reports/queue')).status).to.equal(401);
        const { status, body } = await call(app, 'GET', '/api/reports/queue', leader);
        expect(status).to.equal(200);
        expect(body).to.deep.include({ from: '2026-03-01', to: '2026-03-10' });
        expect(body.overall).to.deep.include({ tickets: 3, called: 1, served: 1 });
        expect(body.overall.wait).to.deep.equal({ count: 1, mean: 4, p50: 4, p90: 4, max: 4 });
        expect(body.overall.service).to.deep.equal({ count: 1, mean: 6, p50: 6, p90: 6, max: 6 });
        expect(body.byWeekdayHour).to.have.length(1);
        expect(body.byWeekdayHour[0]).to.deep.include({ weekday: 2, hour: 9, tickets: 3 });
        expect(body.longestWaits).to.deep.equal([
          { number: 'A001', service: 'ho-tich', counter: '1', businessDate: '2026-03-10', wait: 4 },
        ]);
        const csv = await call(app, 'GET', '/api/reports/queue?format=csv&from=2026-03-10&to=2026-03-10', leader);
        expect(csv.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
        const lines = csv.text.trimEnd().split('\r\n');
        expect(lines[0]?.startsWith('group,key,tickets,called,served,noShows')).to.equal(true);
        expect(lines[1]).to.match(/^overall,,3,1,1,0,0,0,0,1,4,4,4,4,1,6,6,6,6$/);
        expect(lines).to.include('service,ho-tich,2,1,1,0,0,0,0,1,4,4,4,4,1,6,6,6,6');
        expect(lines.some((l) => l.startsWith('weekday-hour,2-9,3,'))).to.equal(true);

        const earlier = await call(app, 'GET', '/api/reports/queue?from=2026-02-01&to=2026-02-28', leader);
        expect(earlier.body.overall.tickets).to.equal(0);
      } finally {
        await db.close();
      }
    });

    it('refuses a period that ends before it starts, a malformed date and an unknown parameter, naming them', async () => {
      const db = await target.open();
      await migrate(db);
      const app = createApp({ db, now: () => NINE });
      try {
        const leader = await signedInAs(db, 'demo', ['leader']);
        for (const query of ['from=2026-03-10&to=2026-03-01', 'from=10/03/2026', 'office=other']) {
          const { status, body } = await call(app, 'GET', `/api/reports/queue?${query}`, leader);
          expect(status, query).to.equal(400);
          expect(body.error.code, query).to.equal('invalid-input');
          expect(body.error.message.vi, query).to.be.a('string').and.not.equal('');
        }
      } finally {
        await db.close();
      }
    });
  });
}
