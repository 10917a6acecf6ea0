import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { vietnamCalendar } from '@motcua/core/calendar';
import type { Catalogue } from '@motcua/core/catalogue';
import type { DossierClockOptions } from '@motcua/core/deadline';
import { expect } from 'chai';
import { Hono } from 'hono';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { errorResponse } from '../http/errors.js';
import { createRateLimiter } from '../http/rate-limit.js';
import { demoOffice } from '../office/office.js';
import { readSessions } from '../staff/caller.js';
import { officerHeaders } from '../staff/staff.test-support.js';
import { installDossierGuards, installDossierRoutes } from './routes.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
const STAFF = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };
const APPLICANT = { name: 'Lê Thị Hẹn' };
const DOCS = [{ name: 'Tờ khai' }];
const vn = (iso: string) => Date.parse(`${iso}+07:00`);

/** The example catalogue, with Đăng ký tạm trú (1.004194) on the nationwide list. */
const catalogue = JSON.parse(readFileSync(CATALOGUE, 'utf8')) as Catalogue;
const nationwide: Catalogue = {
  ...catalogue,
  procedures: catalogue.procedures.map((p) => (p.code === '1.004194' ? { ...p, flags: { nationwide: true } } : p)),
};

/** Monday 16/3/2026 declared a day off after dossiers were received (a later calendar change). */
const changed = vietnamCalendar({
  overlays: [
    { name: 'later change', localDays: [{ date: '2026-03-16', working: false, name: { vi: 'Nghỉ', en: 'Off' } }] },
  ],
});

/** The dossier API on one database, with the given calendar, as a server restarted with a new calendar would be. */
function server(db: Database, clock: { now: number }, options: DossierClockOptions): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(error, c));
  // An officer's session records the steps.
  app.use(
    '/api/*',
    readSessions(db, demoOffice().id, () => clock.now, 9_000_000),
  );
  const deps = {
    db,
    office: demoOffice(),
    now: () => clock.now,
    limiter: createRateLimiter(db, demoOffice().id),
    catalogue: async () => nationwide,
    clock: options,
  };
  installDossierGuards(app, deps);
  installDossierRoutes(app, deps);
  return app;
}

for (const target of TEST_DATABASES) {
  describe(`due dates on ${target.name}`, () => {
    it('the printed due date binds after a calendar change, and the change report lists the dossier', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: vn('2026-03-11T10:00:00') };
        const before = server(db, clock, { calendar: vietnamCalendar() });
        // Wednesday + 3 working days → Monday 16/3 17:00.
        const res = await call(before, 'POST', '/api/dossiers', STAFF, {
          procedure: '1.004194',
          applicant: APPLICANT,
          documents: DOCS,
        });
        expect(res.status, res.text).to.equal(201);
        expect(res.body.dueAt).to.equal('2026-03-16T17:00:00+07:00');
        const { code, pin } = res.body;
        const after = server(db, clock, { calendar: changed });
        clock.now = vn('2026-03-12T09:00:00');
        const lookup = await call(after, 'GET', `/api/dossiers/${code}?pin=${pin}`);
        expect(lookup.status, lookup.text).to.equal(200);
        expect(lookup.body.clock.dueAt).to.equal('2026-03-16T17:00:00+07:00');
        expect(lookup.body.classification.dueAt).to.equal('2026-03-16T17:00:00+07:00');
        const report = await call(after, 'GET', '/api/reports/due-date-changes');
        expect(report.status, report.text).to.equal(200);
        expect(report.body).to.deep.include({ checkedAt: '2026-03-12T09:00:00+07:00', open: 1, unclassified: 0 });
        expect(report.body.dossiers).to.deep.equal([
          {
            code,
            procedure: { code: '1.004194', name: 'Đăng ký tạm trú' },
            receivedAt: '2026-03-11T10:00:00+07:00',
            dueAt: '2026-03-16T17:00:00+07:00',
            recountedDueAt: '2026-03-17T17:00:00+07:00',
          },
        ]);
        // Under the calendar it was printed with, nothing differs.
        expect((await call(before, 'GET', '/api/reports/due-date-changes')).body.dossiers).to.deep.equal([]);
        // Resolved on Tuesday 17/3: late against the printed promise.
        clock.now = vn('2026-03-17T10:00:00');
        await call(after, 'POST', `/api/dossiers/${code}/steps`, await officerHeaders(db), { type: 'resolved' });
        const onTime = await call(after, 'GET', '/api/reports/on-time?procedure=1.004194');
        expect(onTime.body.total).to.include({ late: 1, onTime: 0 });
        expect((await call(after, 'GET', '/api/reports/due-date-changes')).body).to.deep.include({ open: 0 });
      } finally {
        await db.close();
      }
    });

    it('a dossier received across the boundary starts its clock at the authority, which the server stores', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: vn('2026-03-09T10:00:00') };
        const app = server(db, clock, { calendar: vietnamCalendar() });
        const refused = await call(app, 'POST', '/api/dossiers', STAFF, {
          procedure: '1.004222',
          acrossBoundary: true,
          applicant: APPLICANT,
          documents: DOCS,
        });
        expect(refused.status, refused.text).to.equal(422);
        expect(refused.body.error.code).to.equal('not-accepted-across-boundary');
        const res = await call(app, 'POST', '/api/dossiers', STAFF, {
          procedure: '1.004194',
          acrossBoundary: true,
          applicant: APPLICANT,
          documents: DOCS,
        });
        expect(res.status, res.text).to.equal(201);
        expect(res.body.receipt.acrossBoundary.note).to.contain('cơ quan có thẩm quyền nhận được hồ sơ');
        const { code, pin } = res.body;
        clock.now = vn('2026-03-10T16:00:00');
        const provisional = await call(app, 'GET', `/api/dossiers/${code}?pin=${pin}`);
        expect(provisional.body.acrossBoundary).to.equal(true);
        expect(provisional.body.clock).to.include({ provisional: true, dueAt: '2026-03-12T17:00:00+07:00' });
        const step = await call(app, 'POST', `/api/dossiers/${code}/steps`, await officerHeaders(db), {
          type: 'authority-received',
        });
        expect(step.status, step.text).to.equal(201);
        expect(step.body.status).to.equal('received');
        expect(step.body.clock).to.include({
          provisional: false,
          receivedAt: '2026-03-09T10:00:00+07:00',
          authorityReceivedAt: '2026-03-10T16:00:00+07:00',
          dueAt: '2026-03-13T17:00:00+07:00',
        });
        expect(step.body.timeline.at(-1)).to.include({
          type: 'authority-received',
          dueAt: '2026-03-13T17:00:00+07:00',
        });
        // The due date stored with the step binds after a calendar change too.
        const after = server(db, clock, { calendar: changed });
        expect((await call(after, 'GET', '/api/reports/due-date-changes')).body.dossiers).to.deep.equal([]);
      } finally {
        await db.close();
      }
    });

    it('a supplement request carries its reason codes; unknown or repeated codes are refused', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: vn('2026-03-09T10:00:00') };
        const app = server(db, clock, { calendar: vietnamCalendar() });
        const { code } = (
          await call(app, 'POST', '/api/dossiers', STAFF, {
            procedure: '1.004194',
            applicant: APPLICANT,
            documents: DOCS,
          })
        ).body;
        const OFFICER = await officerHeaders(db);
        const bad = await call(app, 'POST', `/api/dossiers/${code}/steps`, OFFICER, {
          type: 'supplement-requested',
          reasons: ['incomplete', 'incomplete'],
        });
        expect(bad.status, bad.text).to.equal(400);
        const wrongStep = await call(app, 'POST', `/api/dossiers/${code}/steps`, OFFICER, {
          type: 'resolved',
          reasons: ['incomplete'],
        });
        expect(wrongStep.status, wrongStep.text).to.equal(400);
        const ok = await call(app, 'POST', `/api/dossiers/${code}/steps`, OFFICER, {
          type: 'supplement-requested',
          reason: 'Giấy xác nhận cư trú không tra cứu được trên Cơ sở dữ liệu quốc gia về dân cư; xin nộp bản sao',
          reasons: ['data-unavailable'],
        });
        expect(ok.status, ok.text).to.equal(201);
        expect(ok.body.timeline.at(-1).reasons).to.deep.equal(['data-unavailable']);
        expect(ok.body.events.at(-1).reasons).to.deep.equal(['data-unavailable']);
      } finally {
        await db.close();
      }
    });

    it('a "giải quyết ngay" dossier received 14:30 and resolved 16:00 the same day is on time in the report', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: vn('2026-03-13T14:30:00') };
        const app = server(db, clock, { calendar: vietnamCalendar() });
        const res = await call(app, 'POST', '/api/dossiers', STAFF, {
          procedure: '1.001193',
          applicant: APPLICANT,
          documents: DOCS,
        });
        expect(res.body.dueAt).to.equal('2026-03-13T17:00:00+07:00');
        clock.now = vn('2026-03-13T16:00:00');
        await call(app, 'POST', `/api/dossiers/${res.body.code}/steps`, await officerHeaders(db), { type: 'resolved' });
        const report = await call(app, 'GET', '/api/reports/on-time?procedure=1.001193');
        expect(report.body.total).to.include({ late: 0, onTime: 1, onTimeRate: 1 });
      } finally {
        await db.close();
      }
    });
  });
}
