import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { sessionHeaders, testUser } from '../staff/staff.test-support.js';
import { admin, COUNTER, eventually, instance, JSON_TYPE, receive, vn } from './settings.test-support.js';

const MARRIAGE_STATUS = '1.004873'; // Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days
const NOW = vn('2026-12-09T09:00:00');
const WEDNESDAYS = { weekdays: [3], procedures: [MARRIAGE_STATUS], from: '2026-12-09' };

for (const target of TEST_DATABASES) {
  describe(`office settings on ${target.name}`, () => {
    it('"Thứ Tư không hẹn": due dates follow it from its start date, recorded as a version and in the audit trail', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: vn('2026-12-09T09:00:00') }; // a Wednesday
        const app = instance(db, clock);
        const headers = await admin(db, clock.now);
        const start = await call(app, 'GET', '/api/admin/settings', headers);
        expect(start.status, start.text).to.equal(200);
        expect(start.body).to.include({ version: 1, change: 'bootstrap' });
        expect(start.body.savedBy).to.deep.equal({ kind: 'configuration' });
        expect((await receive(app, MARRIAGE_STATUS)).dueAt).to.equal('2026-12-14T17:00:00+07:00');

        const saved = await call(app, 'PUT', '/api/admin/settings/no-appointment', headers, {
          expectedVersion: 1,
          value: WEDNESDAYS,
        });
        expect(saved.status, saved.text).to.equal(201);
        expect(saved.body).to.include({ version: 2, change: 'no-appointment' });
        expect(saved.body.savedBy.kind).to.equal('user');
        // The same Wednesday, at once: within the day, and the receipt the counter prints says why. Another
        // procedure keeps its limit.
        const sameDay = await receive(app, MARRIAGE_STATUS);
        expect(sameDay.dueAt).to.equal('2026-12-09T17:00:00+07:00');
        expect(sameDay.receipt.limitText).to.equal('3 ngày làm việc; Thứ Tư không hẹn: giải quyết ngay trong ngày');
        expect((await receive(app, '1.004194')).dueAt).to.equal('2026-12-14T17:00:00+07:00');
        // Thursday: three working days.
        clock.now = vn('2026-12-10T09:00:00');
        expect((await receive(app, MARRIAGE_STATUS)).dueAt).to.equal('2026-12-15T17:00:00+07:00');
        // The procedure list is served the rule with the catalogue, so that it can say it.
        const served = await call(app, 'GET', '/api/catalogue');
        expect(served.status, served.text).to.equal(200);
        expect(served.body.noAppointment).to.deep.equal({
          weekdays: [3],
          procedures: [MARRIAGE_STATUS],
          note: {
            vi: 'Thứ Tư không hẹn: giải quyết ngay trong ngày',
            en: 'Wednesday, no appointment: resolved the same day',
          },
        });

        const audit = await call(app, 'GET', '/api/audit?from=2026-12-01', await admin(db, clock.now));
        expect(audit.status, audit.text).to.equal(200);
        const line = audit.body.entries.find((e: { action: string }) => e.action === 'settings.no-appointment');
        expect(line).to.include({ object: 'settings:2' });
        expect(line.actor.kind).to.equal('user');
      } finally {
        await db.close();
      }
    });

    it('the catalogue is served with the rule only once it starts, and without it once switched off', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: vn('2026-12-08T16:00:00') }; // the Tuesday before it starts
        const app = instance(db, clock);
        const headers = await admin(db, clock.now);
        const before = await call(app, 'GET', '/api/catalogue');
        expect(before.status, before.text).to.equal(200);
        expect(before.body.procedures.length).to.be.greaterThan(0);
        expect(before.body).to.not.have.property('noAppointment');
        const saved = await call(app, 'PUT', '/api/admin/settings/no-appointment', headers, {
          expectedVersion: 1,
          value: WEDNESDAYS,
        });
        expect(saved.status, saved.text).to.equal(201);
        expect((await call(app, 'GET', '/api/catalogue')).body).to.not.have.property('noAppointment');
        clock.now = vn('2026-12-09T00:00:00'); // midnight in Vietnam: it starts
        const started = (await call(app, 'GET', '/api/catalogue')).body.noAppointment;
        expect(started.procedures).to.deep.equal([MARRIAGE_STATUS]);
        expect(started.note.vi).to.equal('Thứ Tư không hẹn: giải quyết ngay trong ngày');
        const off = await call(app, 'PUT', '/api/admin/settings/no-appointment', await admin(db, clock.now), {
          expectedVersion: 2,
          value: null,
        });
        expect(off.status, off.text).to.equal(201);
        expect((await call(app, 'GET', '/api/catalogue')).body).to.not.have.property('noAppointment');
      } finally {
        await db.close();
      }
    });

    it('bad input is refused with every problem under value, in vi and en, and nothing is saved', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = instance(db, { now: NOW });
        const headers = await admin(db, NOW);
        const bad = await call(app, 'PUT', '/api/admin/settings/no-appointment', headers, {
          expectedVersion: 1,
          value: { weekdays: [9], procedures: ['9.999999'], from: '2026-02-30' },
        });
        expect(bad.status, bad.text).to.equal(400);
        const problems = bad.body.error.problems as { path: string; message: { vi: string; en: string } }[];
        expect(problems.map((p) => p.path)).to.have.members([
          '$.value.weekdays',
          '$.value.from',
          '$.value.procedures[0]',
        ]);
        for (const p of problems) expect(p.message.vi).to.be.a('string').and.not.equal(p.message.en);
        const queue = await call(app, 'PUT', '/api/admin/settings/queue', headers, {
          expectedVersion: 1,
          value: {
            services: [{ id: 'a', prefix: 'a1', name: { vi: 'A', en: 'A' } }],
            counters: [{ id: '1', services: ['b'] }],
          },
        });
        expect(queue.status).to.equal(400);
        expect(queue.body.error.problems.every((p: { path: string }) => p.path.startsWith('$.value.'))).to.equal(true);
        const rating = await call(app, 'PUT', '/api/admin/settings/rating', headers, {
          expectedVersion: 1,
          value: { counter: 'vn-one-stop-rating', qr: 'no-such-instrument' },
        });
        expect(rating.body.error.problems.map((p: { path: string }) => p.path)).to.deep.equal(['$.value.qr']);
        const envelope = await call(app, 'PUT', '/api/admin/settings/rating', headers, { value: {} });
        expect(envelope.status).to.equal(400);
        expect((await call(app, 'GET', '/api/admin/settings', headers)).body.version).to.equal(1);
      } finally {
        await db.close();
      }
    });

    it('only a signed-in admin of this office may change settings', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = instance(db, { now: NOW });
        const body = { expectedVersion: 1, value: WEDNESDAYS };
        const as = async (roles: ('officer' | 'leader' | 'admin')[], office = 'demo') => ({
          ...(await sessionHeaders(db, await testUser(db, office, `${office}-${roles.join('-')}`, roles, NOW), NOW)),
          ...JSON_TYPE,
        });
        expect((await call(app, 'PUT', '/api/admin/settings/no-appointment', JSON_TYPE, body)).status).to.equal(401);
        expect((await call(app, 'PUT', '/api/admin/settings/no-appointment', COUNTER, body)).status).to.equal(401);
        expect(
          (await call(app, 'PUT', '/api/admin/settings/no-appointment', await as(['leader']), body)).status,
        ).to.equal(403);
        expect((await call(app, 'GET', '/api/admin/settings', await as(['admin'], 'xa-khac'))).status).to.equal(401);
        expect(
          (await call(app, 'PUT', '/api/admin/settings/no-appointment', await as(['admin']), body)).status,
        ).to.equal(201);
      } finally {
        await db.close();
      }
    });

    it('a save from a stale version is refused with 409, not merged', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = instance(db, { now: NOW });
        const [first, second] = [await admin(db, NOW), await admin(db, NOW)];
        await call(app, 'GET', '/api/admin/settings', first);
        const saves = await Promise.all([
          call(app, 'PUT', '/api/admin/settings/no-appointment', first, { expectedVersion: 1, value: WEDNESDAYS }),
          call(app, 'PUT', '/api/admin/settings/rating', second, {
            expectedVersion: 1,
            value: { counter: 'csat', qr: 'vn-one-stop-rating' },
          }),
        ]);
        expect(saves.map((s) => s.status).sort()).to.deep.equal([201, 409]);
        const refused = saves.find((s) => s.status === 409);
        expect(refused?.body.error.code).to.equal('stale-version');
        expect(refused?.body.error.message.vi).to.match(/phiên bản 2/);
        const now = await call(app, 'GET', '/api/admin/settings', first);
        expect(now.body.version).to.equal(2);
        // The refused change is not in force: exactly one of the two is.
        const inForce = [now.body.settings.noAppointment !== null, now.body.settings.rating.counter === 'csat'];
        expect(inForce.filter(Boolean)).to.have.length(1);
      } finally {
        await db.close();
      }
    });

    it('a rollback restores an earlier version exactly, as a new version', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = instance(db, { now: NOW });
        const headers = await admin(db, NOW);
        const change = fc.oneof(
          fc.record({
            section: fc.constant('no-appointment'),
            value: fc.option(
              fc.record({
                weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
                procedures: fc.subarray([MARRIAGE_STATUS, '1.004194', '2.000908'], { minLength: 1 }),
                from: fc.constantFrom('2026-01-01', '2026-12-09', '2027-03-01'),
              }),
            ),
          }),
          fc.record({
            section: fc.constant('rating'),
            value: fc.record({
              counter: fc.constantFrom('vn-one-stop-rating', 'csat', 'nps'),
              qr: fc.constantFrom('vn-one-stop-rating', 'vn-dossier-evaluation', 'ces'),
            }),
          }),
          fc.record({
            section: fc.constant('calendar'),
            value: fc.array(
              fc.record({
                name: fc.constantFrom('UBND xã', 'QĐ 12/2026'),
                localDays: fc.uniqueArray(
                  fc.record({
                    date: fc.constantFrom('2026-12-21', '2026-12-22', '2027-01-04', '2027-01-09'),
                    working: fc.boolean(),
                    name: fc.constant({ vi: 'Ngày địa phương', en: 'Local day' }),
                  }),
                  { selector: (d) => d.date, maxLength: 3 },
                ),
              }),
              { maxLength: 2 },
            ),
          }),
        );
        await fc.assert(
          fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), fc.nat(), async (changes, pick) => {
            let version = (await call(app, 'GET', '/api/admin/settings', headers)).body.version as number;
            const first = version;
            for (const { section, value } of changes) {
              const res = await call(app, 'PUT', `/api/admin/settings/${section}`, headers, {
                expectedVersion: version,
                value,
              });
              expect(res.status, res.text).to.equal(201);
              version = res.body.version;
            }
            const target = first + (pick % (version - first + 1));
            const earlier = await call(app, 'GET', `/api/admin/settings/versions/${target}`, headers);
            const back = await call(app, 'POST', '/api/admin/settings/rollback', headers, {
              expectedVersion: version,
              version: target,
            });
            expect(back.status, back.text).to.equal(201);
            expect(back.body).to.include({ version: version + 1, change: 'rollback', rollbackOf: target });
            const now = await call(app, 'GET', '/api/admin/settings', headers);
            expect(now.body.settings).to.deep.equal(earlier.body.settings);
          }),
          { numRuns: 8 },
        );
      } finally {
        await db.close();
      }
    });

    it('the calendar preview lists what saving then does: the days, and the open dossiers the change report lists', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: vn('2026-12-07T09:00:00') }; // Monday
        const app = instance(db, clock);
        // Open dossiers received on Monday and Tuesday, due within the days a local day off may move.
        await receive(app, MARRIAGE_STATUS);
        clock.now = vn('2026-12-08T10:00:00');
        await receive(app, '1.004194');
        const headers = await admin(db, clock.now);
        const days = ['2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-14', '2026-12-19'];
        await fc.assert(
          fc.asyncProperty(fc.subarray(days), fc.boolean(), async (dates, working) => {
            const value = [
              {
                name: 'UBND xã (thử)',
                localDays: dates.map((date) => ({ date, working, name: { vi: 'Ngày địa phương', en: 'Local day' } })),
              },
            ];
            const before = await call(app, 'GET', '/api/admin/settings', headers);
            const preview = await call(app, 'POST', '/api/admin/settings/calendar/preview', headers, { value });
            expect(preview.status, preview.text).to.equal(200);
            expect((await call(app, 'GET', '/api/admin/settings', headers)).body.version).to.equal(before.body.version);
            const saved = await call(app, 'PUT', '/api/admin/settings/calendar', headers, {
              expectedVersion: before.body.version,
              value,
            });
            expect(saved.status, saved.text).to.equal(201);
            const report = await call(app, 'GET', '/api/reports/due-date-changes', headers);
            expect(preview.body.dossiers).to.deep.equal(report.body.dossiers);
            expect(preview.body.open).to.equal(report.body.open);
            // The days that change are those the calendar in force now counts otherwise than before.
            const calendar = await call(app, 'GET', '/api/calendar');
            const off = new Set((calendar.body.daysOff as { date: string }[]).map((d) => d.date));
            // A weekend day is off without being listed among the days off (a working Saturday taken back).
            const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
            for (const day of preview.body.days as { date: string; after: { working: boolean } }[]) {
              if (day.after.working) expect(off.has(day.date), day.date).to.equal(false);
              else expect(off.has(day.date) || weekend(day.date), day.date).to.equal(true);
            }
          }),
          { numRuns: 6 },
        );
        // A day off on Thursday 10/12 moves the Monday dossier's recount: listed, and its printed date binds.
        const last = await call(app, 'GET', '/api/admin/settings', headers);
        const thursdayOff = [
          { name: 'UBND xã', localDays: [{ date: '2026-12-10', working: false, name: { vi: 'Nghỉ', en: 'Off' } }] },
        ];
        await call(app, 'PUT', '/api/admin/settings/calendar', headers, {
          expectedVersion: last.body.version,
          value: [],
        });
        const preview = await call(app, 'POST', '/api/admin/settings/calendar/preview', headers, {
          value: thursdayOff,
        });
        expect(preview.body.days.map((d: { date: string }) => d.date)).to.deep.equal(['2026-12-10']);
        expect(preview.body.dossiers.map((d: { procedure: { code: string } }) => d.procedure.code)).to.deep.equal([
          MARRIAGE_STATUS,
          '1.004194',
        ]);
        expect(preview.body.dossiers[0]).to.include({
          dueAt: '2026-12-10T17:00:00+07:00',
          recountedDueAt: '2026-12-11T17:00:00+07:00',
        });
      } finally {
        await db.close();
      }
    });

    it('a change saved on one instance counts on another sharing the database, without a restart', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: vn('2026-12-09T09:00:00') };
        const [a, b] = [instance(db, clock), instance(db, clock)];
        const headers = await admin(db, clock.now);
        expect((await receive(b, MARRIAGE_STATUS)).dueAt).to.equal('2026-12-14T17:00:00+07:00');
        const servicesOf = async () =>
          ((await call(b, 'GET', '/api/queue/services')).body.services as { id: string }[]).map((s) => s.id);
        expect(await servicesOf()).to.not.include('tu-phap');
        const v1 = (await call(a, 'GET', '/api/admin/settings', headers)).body;
        const v2 = await call(a, 'PUT', '/api/admin/settings/no-appointment', headers, {
          expectedVersion: v1.version,
          value: WEDNESDAYS,
        });
        expect(v2.status, v2.text).to.equal(201);
        await eventually(async () => (await receive(b, MARRIAGE_STATUS)).dueAt === '2026-12-09T17:00:00+07:00');
        expect((await call(b, 'GET', '/api/catalogue')).body.noAppointment?.weekdays).to.deep.equal([3]);
        // The queue: a new service with its prefix, served by counter 3, closed on Friday 11/12.
        const queue = {
          ...v1.settings.queue,
          services: [
            ...v1.settings.queue.services,
            { id: 'tu-phap', prefix: 'D', name: { vi: 'Tư pháp', en: 'Justice' } },
          ],
          counters: v1.settings.queue.counters.map((c: { id: string; services: string[] }) =>
            c.id === '3' ? { ...c, services: [...c.services, 'tu-phap'] } : c,
          ),
          closedDates: ['2026-12-11'],
        };
        const v3 = await call(a, 'PUT', '/api/admin/settings/queue', headers, { expectedVersion: 2, value: queue });
        expect(v3.status, v3.text).to.equal(201);
        await eventually(async () => (await servicesOf()).includes('tu-phap'));
        const kiosk = { authorization: 'Bearer demo-kiosk', ...JSON_TYPE };
        const ticket = await call(b, 'POST', '/api/queue/tickets', kiosk, { service: 'tu-phap' });
        expect(ticket.status, ticket.text).to.equal(201);
        expect(ticket.body.number).to.match(/^D/);
        clock.now = vn('2026-12-11T09:00:00');
        const closed = await call(b, 'GET', '/api/queue/services');
        expect(closed.body.services.every((s: { open: boolean }) => !s.open)).to.equal(true);
        // The calendar: a local day off on Monday 14/12, in force on b.
        const v4 = await call(a, 'PUT', '/api/admin/settings/calendar', await admin(db, clock.now), {
          expectedVersion: 3,
          value: [
            { name: 'UBND xã', localDays: [{ date: '2026-12-14', working: false, name: { vi: 'Nghỉ', en: 'Off' } }] },
          ],
        });
        expect(v4.status, v4.text).to.equal(201);
        clock.now = vn('2026-12-10T09:00:00');
        await eventually(async () => (await receive(b, MARRIAGE_STATUS)).dueAt === '2026-12-16T17:00:00+07:00');
      } finally {
        await db.close();
      }
    });
  });
}

for (const target of TEST_DATABASES) {
  describe(`the rating instruments on ${target.name}`, () => {
    it('a counter rating that names no instrument is given the one the office chose', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = instance(db, { now: NOW });
        const headers = await admin(db, NOW);
        const rate = (answers: Record<string, unknown>) =>
          call(
            app,
            'POST',
            '/api/ratings',
            { ...COUNTER, 'idempotency-key': `k-${JSON.stringify(answers)}` },
            {
              counter: '1',
              answers,
            },
          );
        expect((await rate({ overall: 3 })).status).to.equal(201);
        const saved = await call(app, 'PUT', '/api/admin/settings/rating', headers, {
          expectedVersion: 1,
          value: { counter: 'csat', qr: 'vn-one-stop-rating' },
        });
        expect(saved.status, saved.text).to.equal(201);
        // The 3-level rating's answers no longer fit; CSAT's do.
        expect((await rate({ overall: 2 })).status).to.equal(400);
        expect((await rate({ satisfaction: 5 })).status).to.equal(201);
        const rows = await db.query<{ instrument_id: string }>(
          'select instrument_id from ratings order by submitted_at, id',
        );
        expect(rows.map((r) => r.instrument_id)).to.deep.equal(['vn-one-stop-rating', 'csat']);
      } finally {
        await db.close();
      }
    });
  });
}
