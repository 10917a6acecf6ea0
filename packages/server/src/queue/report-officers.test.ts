import { describe, it } from 'node:test';
import { type QueueGroupStatistics, queueStatistics, type TicketEvent } from '@motcua/core/queue';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { purgeAudit } from '../staff/audit-store.js';
import { sessionHeaders, signedInAs, testUser } from '../staff/staff.test-support.js';
import { createPgQueueStore } from './pg-queue-store.js';

// Friday 4 December 2026, 08:00 in Vietnam: the test sessions' day.
const T0 = Date.UTC(2026, 11, 4, 1, 0);
const JSON_BODY = { 'content-type': 'application/json' };
const KIOSK = { authorization: 'Bearer demo-kiosk', ...JSON_BODY };
const TOKEN_2 = { authorization: 'Bearer demo-counter-2', ...JSON_BODY };
const COUNTS = ['tickets', 'called', 'served', 'noShows', 'cancelled', 'transferred', 'recalls'] as const;
const COUNTER_ACTIONS = new Set([
  'queue.call',
  'queue.recall',
  'queue.start',
  'queue.done',
  'queue.no-show',
  'queue.transfer',
]);

for (const target of TEST_DATABASES) {
  describe(`the queue report by officer on ${target.name}`, () => {
    it('gives each officer the figures of the tickets of their last counter action, and the rest to no officer', async () => {
      const db = await target.open();
      await migrate(db);
      const clock = { now: T0 };
      const app = createApp({ db, now: () => clock.now });
      try {
        const an = await testUser(db, 'demo', 'canbo1', ['officer']);
        const binh = await testUser(db, 'demo', 'canbo2', ['officer']);
        const one = { ...(await sessionHeaders(db, an)), ...JSON_BODY };
        const two = { ...(await sessionHeaders(db, binh)), ...JSON_BODY };
        const leader = await signedInAs(db, 'demo', ['leader']);
        const post = async (headers: Record<string, string>, path: string, body: unknown = {}, minutes = 0) => {
          clock.now += minutes * 60_000;
          const answer = await call(app, 'POST', path, headers, body);
          expect(answer.status, `${path}: ${answer.text}`).to.be.oneOf([200, 201]);
        };
        for (const service of ['ho-tich', 'ho-tich', 'ho-tich', 'chung-thuc', 'ho-tich', 'dat-dai', 'ho-tich']) {
          await post(KIOSK, '/api/queue/tickets', { service }, 1);
        }
        // canbo1 at counter 1: served, a no-show after a recall, and one done without "start".
        await post(one, '/api/queue/counters/1/call-next', {}, 3);
        await post(one, '/api/queue/counters/1/start', {}, 1);
        await post(one, '/api/queue/counters/1/done', {}, 7);
        await post(one, '/api/queue/counters/1/call-next', {}, 2);
        await post(one, '/api/queue/counters/1/recall', {}, 2);
        await post(one, '/api/queue/counters/1/skip', {}, 3);
        // canbo2 at counter 3: served, then a transfer to land (which joins the queue again).
        await post(two, '/api/queue/counters/3/call-next', {}, 1);
        await post(two, '/api/queue/counters/3/start', {}, 2);
        await post(two, '/api/queue/counters/3/done', {}, 11);
        await post(two, '/api/queue/counters/3/call-next', {}, 1);
        await post(two, '/api/queue/counters/3/transfer', { service: 'dat-dai' }, 4);
        // A shift change: canbo1 calls at counter 1, canbo2 takes over the counter and finishes.
        await post(one, '/api/queue/counters/1/call-next', {}, 2);
        const shiftChange = clock.now + 30_000;
        await post(two, '/api/queue/counters/1/start', {}, 1);
        await post(two, '/api/queue/counters/1/done', {}, 9);
        // Counter 2's static token, no officer: serves land twice (the transfer among them).
        for (let i = 0; i < 2; i++) {
          await post(TOKEN_2, '/api/queue/counters/2/call-next', {}, 2);
          await post(TOKEN_2, '/api/queue/counters/2/start', {}, 1);
          await post(TOKEN_2, '/api/queue/counters/2/done', {}, 5 + i);
        }

        const { status, body } = await call(app, 'GET', '/api/reports/queue?from=2026-12-04&to=2026-12-04', leader);
        expect(status).to.equal(200);
        expect(body.byOfficer.map((o: { username: string | null }) => o.username)).to.deep.equal([
          'canbo1',
          'canbo2',
          null,
        ]);
        expect(body.byOfficer[0]).to.deep.include({ name: 'Cán bộ canbo1', tickets: 2, served: 1, noShows: 1 });
        expect(body.byOfficer[1]).to.deep.include({ name: 'Cán bộ canbo2', tickets: 3, served: 2, transferred: 1 });
        expect(body.byOfficer[2]).to.deep.include({ name: null, tickets: 2, served: 2 });

        // The same figures computed directly: the last counter action of each ticket in the audit trail names its
        // officer, and core's statistics of those tickets' events are that officer's.
        const events = await createPgQueueStore(db, 'demo').events();
        const audit = await db.query<{ object: string; action: string; actor_kind: string; actor_id: string | null }>(
          `select object, action, actor_kind, actor_id from audit_events where office = 'demo' order by at, id`,
        );
        const usernames = new Map([
          [an.id, 'canbo1'],
          [binh.id, 'canbo2'],
        ]);
        const officerOf = new Map<string, string | null>();
        for (const line of audit) {
          if (!COUNTER_ACTIONS.has(line.action)) continue;
          const user = line.actor_kind === 'user' ? usernames.get(line.actor_id ?? '') : undefined;
          officerOf.set(line.object.slice('ticket:'.length), user ?? null);
        }
        const direct = (username: string | null): QueueGroupStatistics => {
          const mine = new Set([...officerOf].filter(([, o]) => o === username).map(([ticket]) => ticket));
          return queueStatistics(events.filter((e: TicketEvent) => mine.has(e.ticket))).overall;
        };
        for (const officer of body.byOfficer) {
          const { username, name: _name, ...figures } = officer;
          expect(figures, String(username)).to.deep.equal(JSON.parse(JSON.stringify(direct(username))));
        }

        // The officers' tickets add up to the counters' (the called tickets); the one left waiting is in neither.
        const sum = (groups: readonly QueueGroupStatistics[], key: (typeof COUNTS)[number]) =>
          groups.reduce((total, g) => total + g[key], 0);
        for (const key of COUNTS) {
          expect(sum(body.byOfficer, key), key).to.equal(sum(Object.values(body.byCounter), key));
        }
        expect(sum(body.byOfficer, 'tickets')).to.equal(body.overall.called);
        expect(body.overall.tickets).to.equal(body.overall.called + 1);

        // One officer's report: their tickets only, their figures overall.
        const only = await call(app, 'GET', '/api/reports/queue?from=2026-12-04&to=2026-12-04&officer=canbo2', leader);
        const { username: _u, name: _n, ...canbo2 } = body.byOfficer[1];
        expect(only.body.overall).to.deep.equal(canbo2);
        expect(only.body.byOfficer.map((o: { username: string }) => o.username)).to.deep.equal(['canbo2']);

        const csv = await call(app, 'GET', '/api/reports/queue?format=csv&from=2026-12-04&to=2026-12-04', leader);
        const lines = csv.text.trimEnd().split('\r\n');
        expect(lines.filter((l) => l.startsWith('officer,')).map((l) => l.split(',').slice(0, 5))).to.deep.equal([
          ['officer', 'canbo1', '2', '2', '1'],
          ['officer', 'canbo2', '3', '3', '2'],
          ['officer', '', '2', '2', '2'],
        ]);

        // The audit trail's purge (staff.auditRetentionDays) keeps each ticket's officer: purged up to the shift
        // change (canbo1's call is gone, canbo2's start and done stay), then wholly, the report names the same officers.
        const report = async () =>
          (await call(app, 'GET', '/api/reports/queue?from=2026-12-04&to=2026-12-04', leader)).body.byOfficer;
        expect(await purgeAudit(db, shiftChange)).to.be.above(0);
        expect(await report()).to.deep.equal(body.byOfficer);
        expect(await purgeAudit(db, clock.now + 1)).to.be.above(0);
        expect(await db.query('select id from audit_events')).to.deep.equal([]);
        expect(await report()).to.deep.equal(body.byOfficer);
      } finally {
        await db.close();
      }
    });
  });
}
