import { describe, it } from 'node:test';
import { verifyRatingToken } from '@motcua/core/satisfaction';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { loadDossier } from '../dossiers/store.js';
import { call } from '../http/call.test-support.js';
import { demoOffice } from '../office/office.js';
import { listAudit } from './audit-store.js';
import { sessionHeaders, testUser } from './staff.test-support.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
const SECRET = 's'.repeat(40);
const JSON_BODY = { 'content-type': 'application/json' };
const T0 = Date.UTC(2026, 11, 4, 1, 0); // Friday 4 December 2026, 08:00 in Vietnam

for (const target of TEST_DATABASES) {
  describe(`who did what at the counters, on ${target.name}`, () => {
    it('records the officer and the counter of every counter action, intake and step', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { at: T0 };
        const app = createApp({ db, office: demoOffice(), catalogue: CATALOGUE, now: () => clock.at, secret: SECRET });
        const an = await testUser(db, 'demo', 'canbo1', ['officer']);
        const officer = { ...(await sessionHeaders(db, an)), ...JSON_BODY };
        const kiosk = { authorization: 'Bearer demo-kiosk', ...JSON_BODY };
        for (let i = 0; i < 3; i++) await call(app, 'POST', '/api/queue/tickets', kiosk, { service: 'ho-tich' });

        const called = await call(app, 'POST', '/api/queue/counters/1/call-next', officer, {});
        expect(called.status, called.text).to.equal(200);
        await call(app, 'POST', '/api/queue/counters/1/recall', officer, {});
        await call(app, 'POST', '/api/queue/counters/1/start', officer, {});
        const done = await call(app, 'POST', '/api/queue/counters/1/done', officer, {});
        const claims = await verifyRatingToken(done.body.ratingToken, SECRET, { now: clock.at });
        expect(claims).to.deep.include({ ticket: called.body.ticket.id, counter: '1', officer: 'canbo1' });
        // A retry of a command answered before is not a second action.
        const key = { ...officer, 'idempotency-key': 'call-2' };
        await call(app, 'POST', '/api/queue/counters/1/call-next', key, {});
        expect(
          (await call(app, 'POST', '/api/queue/counters/1/call-next', key, {})).headers.get('idempotent-replayed'),
        ).to.equal('true');
        await call(app, 'POST', '/api/queue/counters/1/skip', officer, {});
        // Counter 2's static token still works, and is recorded as that token.
        const token = { authorization: 'Bearer demo-counter-3', ...JSON_BODY };
        await call(app, 'POST', '/api/queue/counters/3/call-next', token, {});
        await call(app, 'POST', '/api/queue/counters/3/transfer', token, { service: 'dat-dai' });

        const received = await call(
          app,
          'POST',
          '/api/dossiers',
          { ...officer, 'motcua-counter': '2' },
          {
            procedure: '1.004194',
            applicant: { name: 'Trần Văn Riêng' },
            documents: [{ name: 'Tờ khai' }],
            receivedBy: 'Tên ai đó khác',
          },
        );
        expect(received.status, received.text).to.equal(201);
        expect(received.body.receipt.receivedBy).to.equal('Cán bộ canbo1');
        const { code } = received.body;
        const step = await call(
          app,
          'POST',
          `/api/dossiers/${code}/steps`,
          { ...officer, 'motcua-counter': '2' },
          {
            type: 'processing',
          },
        );
        expect(step.status, step.text).to.equal(201);
        const stored = await loadDossier(db, code, false);
        expect(stored?.steps.at(-1)).to.deep.include({
          counter: '2',
          officer: { username: 'canbo1', name: 'Cán bộ canbo1' },
        });
        const unknown = await call(app, 'POST', '/api/dossiers', { ...officer, 'motcua-counter': '9' }, {});
        expect(unknown.status).to.equal(404);

        const trail = await listAudit(db, { office: 'demo', from: 0, to: clock.at + 1, limit: 50 });
        const lines = trail.map((e) => [e.action, e.actor.name ?? e.actor.id, e.counter, e.object?.split(':')[0]]);
        expect(lines).to.deep.equal([
          ['queue.call', 'Cán bộ canbo1', '1', 'ticket'],
          ['queue.recall', 'Cán bộ canbo1', '1', 'ticket'],
          ['queue.start', 'Cán bộ canbo1', '1', 'ticket'],
          ['queue.done', 'Cán bộ canbo1', '1', 'ticket'],
          ['queue.call', 'Cán bộ canbo1', '1', 'ticket'],
          ['queue.no-show', 'Cán bộ canbo1', '1', 'ticket'],
          ['queue.call', 'counter:3', '3', 'ticket'],
          ['queue.transfer', 'counter:3', '3', 'ticket'],
          ['dossier.receive', 'Cán bộ canbo1', '2', 'dossier'],
          ['dossier.step', 'Cán bộ canbo1', '2', 'dossier'],
        ]);
        expect(trail[0]?.detail).to.deep.equal({ number: 'A001', service: 'ho-tich' });
        expect(trail.at(-2)?.detail).to.deep.equal({ procedure: '1.004194' });
        expect(trail.at(-1)?.detail).to.deep.equal({ type: 'processing' });
        expect(JSON.stringify(trail))
          .not.to.contain('Riêng')
          .and.not.to.contain(received.body.pin)
          .and.not.to.contain('ratingToken');
      } finally {
        await db.close();
      }
    });
  });
}
