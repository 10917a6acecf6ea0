import { describe, it } from 'node:test';
import { vietnamCalendar } from '@motcua/core/calendar';
import { dossierStatistics } from '@motcua/core/deadline';
import { expect } from 'chai';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call, type Json } from '../http/call.test-support.js';
import { officerHeaders, signedInAs } from '../staff/staff.test-support.js';
import { onTimeReport } from './on-time-report.js';
import { vietnamIso } from './vietnam-iso.js';
import { clockEvents } from './view.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
const STAFF = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };
const APPLICANT = { name: 'Trần Văn Riêng' };
/** Vietnam time (UTC+7) as epoch ms. */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);

// Tết 2026: Saturday 14 to Sunday 22 February are days off. A 3-working-day dossier received on Thursday 12
// February at 09:00 is due on Tuesday 24 February at 17:00 (13, 23, 24); counted in calendar days it would have
// been due on the 15th, and the dossiers resolved on the 24th and the 25th would both look late.
const TET_RECEIVED = '2026-02-12T09:00:00+07:00';
const DUE = '2026-02-24T17:00:00+07:00';

for (const target of TEST_DATABASES) {
  describe(`on-time report on ${target.name}`, () => {
    async function seeded(): Promise<{
      db: Database;
      app: Hono;
      clock: { now: number };
      leader: Record<string, string>;
    }> {
      const db = await target.open();
      await migrate(db);
      const clock = { now: vn('2026-02-12T09:00:00') };
      const app = createApp({ db, catalogue: CATALOGUE, now: () => clock.now });
      const receive = async (procedure: string, receivedAt: string, channel = 'in-person') => {
        const res = await call(app, 'POST', '/api/dossiers', STAFF, {
          procedure,
          receivedAt,
          channel,
          applicant: APPLICANT,
          documents: [{ name: 'Tờ khai' }],
        });
        expect(res.status, res.text).to.equal(201);
        return res.body;
      };
      const officer = await officerHeaders(db);
      const step = async (code: string, type: string, at: string, extra: Json = {}) => {
        const res = await call(app, 'POST', `/api/dossiers/${code}/steps`, officer, { type, at, ...extra });
        expect(res.status, res.text).to.equal(201);
      };
      // Đăng ký tạm trú (1.004194): 3 working days.
      const early = await receive('1.004194', TET_RECEIVED);
      const onTime = await receive('1.004194', TET_RECEIVED, 'online');
      const late = await receive('1.004194', TET_RECEIVED);
      const overdue = await receive('1.004194', TET_RECEIVED);
      const withdrawn = await receive('1.004194', TET_RECEIVED);
      expect(early.dueAt).to.equal(DUE);
      clock.now = vn('2026-02-23T09:00:00');
      await receive('1.004194', '2026-02-23T09:00:00+07:00'); // due 26 Feb 17:00
      // Đăng ký thường trú (1.004222): 7 working days, received before Tết.
      const permanent = await receive('1.004222', '2026-02-11T10:00:00+07:00');
      clock.now = vn('2026-03-05T10:00:00');
      await receive('1.004194', '2026-03-02T09:00:00+07:00'); // outside a February period
      clock.now = vn('2026-02-26T10:00:00');
      await step(early.code, 'resolved', '2026-02-13T10:00:00+07:00');
      await step(onTime.code, 'processing', '2026-02-13T08:00:00+07:00');
      await step(onTime.code, 'resolved', '2026-02-24T16:00:00+07:00');
      await step(late.code, 'resolved', '2026-02-25T09:00:00+07:00');
      await step(overdue.code, 'processing', '2026-02-13T08:00:00+07:00');
      await step(withdrawn.code, 'withdrawn', '2026-02-13T11:00:00+07:00');
      await step(permanent.code, 'resolved', '2026-02-25T15:00:00+07:00');
      return { db, app, clock, leader: await signedInAs(db, 'demo', ['leader']) };
    }

    it('counts dossiers resolved before, on and after their due dates across Tết, and those still open', async () => {
      const { db, app, leader } = await seeded();
      try {
        const res = await call(app, 'GET', '/api/reports/on-time?from=2026-02-01&to=2026-02-28', leader);
        expect(res.status, res.text).to.equal(200);
        expect(res.body).to.include({ from: '2026-02-01', to: '2026-02-28', checkedAt: '2026-02-26T10:00:00+07:00' });
        expect(res.body.total).to.include({
          dossiers: 7,
          withdrawn: 1,
          finished: 4,
          early: 2,
          onTime: 1,
          late: 1,
          inTime: 1,
          overdue: 1,
          online: 1,
          unclassified: 0,
        });
        expect(res.body.total.onTimeRate).to.equal(3 / 4);
        expect(res.body.total.onlineRate).to.equal(1 / 7);
        expect(res.body.total.averageProcessingMinutes).to.be.greaterThan(0);
        expect(res.body.total.averageProcessingDays).to.equal(res.body.total.averageProcessingMinutes / 450);
        const [temporary, permanent] = res.body.procedures;
        expect(permanent.procedure).to.deep.equal({ code: '1.004222', name: 'Đăng ký thường trú' });
        expect(permanent).to.include({ dossiers: 1, finished: 1, early: 1, onTimeRate: 1 });
        expect(temporary.procedure.code).to.equal('1.004194');
        expect(temporary).to.include({ dossiers: 6, early: 1, onTime: 1, late: 1, inTime: 1, overdue: 1 });
        expect(temporary.onTimeRate).to.equal(2 / 3);
        // Processing time less pauses, against the statutory time: the late one took more than its 3 days.
        expect(temporary.averageTimeRatio).to.be.greaterThan(0);

        const whole = await call(app, 'GET', '/api/reports/on-time', leader);
        // Every period: also the one received in March, and the demo office's demo dossier.
        expect(whole.body.total.dossiers).to.equal(9);
        expect(whole.body).to.include({ from: null, to: null });
        const one = await call(app, 'GET', '/api/reports/on-time?to=2026-02-28&procedure=1.004222', leader);
        expect(one.body.procedures).to.have.length(1);
        expect(one.body.total.dossiers).to.equal(1);
      } finally {
        await db.close();
      }
    });

    it('reads the dossiers page by page with the same result, and sums to core’s statistics over them all', async () => {
      const { db, app, clock, leader } = await seeded();
      try {
        const whole = (await call(app, 'GET', '/api/reports/on-time?from=2026-02-01&to=2026-02-28', leader)).body;
        const [{ office } = { office: '' }] = await db.query<{ office: string }>('select office from dossiers limit 1');
        // The sums per dossier give what core's statistics give over all of them at once.
        const rows = await db.query<{ received_at: string; time_limit: unknown; channel: string; steps: unknown }>(
          `select received_at, time_limit, channel, steps from dossiers where received_at < '2026-03'`,
        );
        const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
        const core = dossierStatistics(
          rows.map((r) => ({
            receivedAt: r.received_at,
            limit: json(r.time_limit),
            channel: r.channel as 'online',
            events: clockEvents(json(r.steps)),
          })),
          { calendar: vietnamCalendar(), now: clock.now },
        );
        for (const key of [
          'withdrawn',
          'finished',
          'early',
          'onTime',
          'late',
          'inTime',
          'overdue',
          'online',
        ] as const) {
          expect(whole.total[key], key).to.equal(core[key]);
        }
        expect(whole.total.onTimeRate).to.equal(core.onTimeRate);
        expect(whole.total.averageProcessingMinutes).to.be.closeTo(core.averageProcessingMinutes as number, 1e-9);
        expect(whole.total.averageTimeRatio).to.be.closeTo(core.averageTimeRatio as number, 1e-9);
        for (const pageSize of [1, 2, 3]) {
          const paged = await onTimeReport(
            db,
            { office, from: '2026-02-01', to: '2026-02-28', now: clock.now, pageSize },
            { calendar: vietnamCalendar() },
            vietnamIso,
          );
          expect(JSON.parse(JSON.stringify(paged))).to.deep.equal(whole);
        }
      } finally {
        await db.close();
      }
    });

    it('gives each month of receipt, in order, the figures of a report over that month alone', async () => {
      const { db, app, leader } = await seeded();
      try {
        const all = (await call(app, 'GET', '/api/reports/on-time', leader)).body;
        const months = all.months as { month: string; dossiers: number }[];
        expect(months.length).to.be.greaterThan(1);
        expect(months.map((m) => m.month)).to.deep.equal(months.map((m) => m.month).sort());
        expect(months.reduce((n, m) => n + m.dossiers, 0)).to.equal(all.total.dossiers);
        for (const { month, ...figures } of months) {
          const [year, number] = month.split('-').map(Number) as [number, number];
          const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
          const alone = (await call(app, 'GET', `/api/reports/on-time?from=${month}-01&to=${month}-${last}`, leader))
            .body;
          expect(figures, month).to.deep.equal(alone.total);
          expect(alone.months.map((m: { month: string }) => m.month)).to.deep.equal([month]);
        }
      } finally {
        await db.close();
      }
    });

    it('answers CSV with format=csv or Accept: text/csv, and refuses bad parameters', async () => {
      const { db, app, leader } = await seeded();
      try {
        const csv = await call(app, 'GET', '/api/reports/on-time?from=2026-02-01&to=2026-02-28&format=csv', leader);
        expect(csv.status).to.equal(200);
        expect(csv.headers.get('content-type')).to.contain('text/csv');
        const lines = csv.text.trimEnd().split('\r\n');
        expect(lines[0]).to.equal(
          'procedure_code,procedure_name,dossiers,withdrawn,finished,early,on_time,late,in_time,overdue,on_time_rate,' +
            'average_processing_days,average_time_ratio,online,online_rate,unclassified',
        );
        expect(lines).to.have.length(4);
        expect(lines[1]).to.match(/^1\.004194,Đăng ký tạm trú,6,1,3,1,1,1,1,1,0\.666/);
        expect(lines[3]).to.match(/^,Tổng cộng \/ Total,7,1,4,2,1,1,1,1,0\.75,/);
        const accepted = await call(app, 'GET', '/api/reports/on-time?from=2026-02-01&to=2026-02-28', {
          ...leader,
          accept: 'text/csv',
        });
        expect(accepted.text).to.equal(csv.text);
        const monthly = await call(app, 'GET', '/api/reports/on-time?format=csv&by=month', leader);
        const rows = monthly.text.trimEnd().split('\r\n');
        expect(rows[0]?.startsWith('month,dossiers,withdrawn,')).to.equal(true);
        const json = (await call(app, 'GET', '/api/reports/on-time', leader)).body;
        expect(rows.slice(1, -1).map((r) => r.split(',').slice(0, 2).join(','))).to.deep.equal(
          json.months.map((m: { month: string; dossiers: number }) => `${m.month},${m.dossiers}`),
        );
        expect(rows.at(-1)?.startsWith(`,${json.total.dossiers},`)).to.equal(true);

        for (const query of [
          'from=2026-02-30',
          'from=2026-03-01&to=2026-02-01',
          'format=xml',
          'period=2026',
          'by=week',
        ]) {
          const bad = await call(app, 'GET', `/api/reports/on-time?${query}`, leader);
          expect(bad.status, query).to.equal(400);
          expect(bad.body.error.code).to.equal('invalid-input');
          expect(bad.body.error.message.vi).to.be.a('string');
        }
      } finally {
        await db.close();
      }
    });
  });
}
