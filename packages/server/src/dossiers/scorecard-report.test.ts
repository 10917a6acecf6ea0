import { describe, it } from 'node:test';
import {
  createRatingToken,
  DECISION_766_SCORECARD,
  DECISION_766_TABLE,
  decision766IndicatorPoints,
  decision766Satisfaction,
  readScorecardReport,
} from '@motcua/core/satisfaction';
import { expect } from 'chai';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call, type Json } from '../http/call.test-support.js';
import { officerHeaders, signedInAs } from '../staff/staff.test-support.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
const STAFF = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };
const SECRET = 'scorecard-rating-secret-'.padEnd(40, 'x');
/** Vietnam time (UTC+7) as epoch ms. */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);
/** An ISO time in Vietnam, `hours` after a stored one. */
const after = (iso: string, hours: number) =>
  new Date(Date.parse(iso) + hours * 3_600_000 + 7 * 3_600_000)
    .toISOString()
    .replace('Z', '+07:00')
    .replace('.000', '');

const PERIOD = 'from=2026-03-01&to=2026-03-31';

for (const target of TEST_DATABASES) {
  describe(`Decision 766 scorecard report on ${target.name}`, () => {
    async function seeded(
      history: 'mixed' | 'good',
    ): Promise<{ db: Database; app: Hono; leader: Record<string, string> }> {
      const db = await target.open();
      await migrate(db);
      const clock = { now: vn('2026-03-02T09:00:00') };
      const app = createApp({ db, catalogue: CATALOGUE, now: () => clock.now, secret: SECRET });
      const receive = async (receivedAt: string, channel = 'in-person'): Promise<Json> => {
        const res = await call(app, 'POST', '/api/dossiers', STAFF, {
          procedure: '1.004194', // Đăng ký tạm trú: 3 working days
          receivedAt,
          channel,
          applicant: { name: 'Trần Văn Riêng' },
          documents: [{ name: 'Tờ khai' }],
        });
        expect(res.status, res.text).to.equal(201);
        return res.body;
      };
      const officer = await officerHeaders(db);
      const resolve = async (code: string, at: string) => {
        const res = await call(app, 'POST', `/api/dossiers/${code}/steps`, officer, { type: 'resolved', at });
        expect(res.status, res.text).to.equal(201);
      };
      const rate = async (code: string, overall: number) => {
        const token = await createRatingToken({ dossier: code }, SECRET, { now: clock.now });
        const answers = overall === 1 ? { overall, reason: 'Phải đi lại nhiều lần' } : { overall };
        const res = await call(app, 'POST', '/api/ratings', { 'content-type': 'application/json' }, { token, answers });
        expect(res.status, res.text).to.equal(201);
      };
      const received = '2026-03-02T09:00:00+07:00';
      if (history === 'good') {
        const a = await receive(received, 'online');
        const b = await receive(received);
        clock.now = vn('2026-03-20T10:00:00');
        await resolve(a.code, '2026-03-03T10:00:00+07:00');
        await resolve(b.code, after(b.dueAt, -1));
        await rate(a.code, 3);
      } else {
        const early = await receive(received);
        const onTime = await receive(received, 'online');
        const late = await receive(received);
        const earlyDisliked = await receive(received, 'online');
        const earlyLiked = await receive(received);
        const openDisliked = await receive(received, 'online');
        const lateDisliked = await receive(received);
        clock.now = vn('2026-04-01T09:00:00');
        const april = await receive('2026-04-01T09:00:00+07:00');
        clock.now = vn('2026-04-02T10:00:00');
        await resolve(early.code, '2026-03-03T10:00:00+07:00');
        await resolve(onTime.code, after(onTime.dueAt, -1));
        await resolve(late.code, after(late.dueAt, 24));
        await resolve(earlyDisliked.code, '2026-03-03T11:00:00+07:00');
        await resolve(earlyLiked.code, '2026-03-03T11:00:00+07:00');
        await resolve(lateDisliked.code, after(lateDisliked.dueAt, 24));
        await resolve(april.code, '2026-04-02T09:00:00+07:00');
        await rate(earlyDisliked.code, 1);
        await rate(earlyLiked.code, 3);
        await rate(openDisliked.code, 1); // still open: not among the dossiers decided
        await rate(lateDisliked.code, 1); // late and disliked: counted in both, as the formula adds them
        await rate(april.code, 1); // received outside the period
      }
      return { db, app, leader: await signedInAs(db, 'demo', ['leader']) };
    }

    const indicator = (report: Json, id: string): Json => report.indicators.find((i: Json) => i.id === id);

    it('measures 2.1, 3.3 and 5.4 from the on-time classification and the ratings, as core scores them', async () => {
      const { db, app, leader } = await seeded('mixed');
      try {
        const res = await call(app, 'GET', `/api/reports/scorecard?${PERIOD}`, leader);
        expect(res.status, res.text).to.equal(200);
        const report = res.body;
        const onTime = (await call(app, 'GET', `/api/reports/on-time?${PERIOD}`, leader)).body.total;
        expect(onTime).to.include({ dossiers: 7, finished: 6, early: 3, onTime: 1, late: 2, online: 3 });
        expect(report).to.include({ from: '2026-03-01', to: '2026-03-31', checkedAt: '2026-04-02T10:00:00+07:00' });
        expect(report.scorecard).to.include({ id: 'decision-766', version: '2022' });

        expect(indicator(report, '2.1')).to.deep.include({
          source: 'measured',
          numerator: onTime.early + onTime.onTime,
          denominator: onTime.finished,
          share: onTime.onTimeRate,
          points: null,
          maxPoints: null,
          provisional: true,
        });
        expect(indicator(report, '2.1').share).to.equal(4 / 6);
        expect(indicator(report, '3.3')).to.deep.include({
          source: 'measured',
          numerator: 3,
          denominator: 7,
          share: onTime.onlineRate,
          target: 0.5,
          points: null,
          provisional: true,
        });

        // 5.4: 6 decided, 2 late, 2 rated "Không hài lòng" (one of them late): 100 % − 33⅓ % − 33⅓ %.
        const core = decision766Satisfaction({ dossiers: 6, late: 2, complainedOrDisliked: 2 });
        const satisfaction = indicator(report, '5.4');
        expect(satisfaction).to.deep.include({
          source: 'measured',
          numerator: 2,
          denominator: 6,
          share: core.share,
          target: 0.9,
          points: core.points,
          maxPoints: 6,
          provisional: false,
          parts: { late: onTime.late, complainedOrDisliked: 2 },
        });
        expect(satisfaction.points).to.equal(decision766IndicatorPoints('5.4', core.share));
        expect(satisfaction.points).to.be.closeTo(((1 / 3) * 6) / 0.9, 1e-9);
        expect(satisfaction.note.en).to.contain('National Public Service Portal');

        // The table is complete: every indicator, the unmeasured ones marked as entered by hand.
        expect(report.indicators.map((i: Json) => i.id)).to.deep.equal(DECISION_766_TABLE.map((i) => i.id));
        const notHeld = report.indicators.filter((i: Json) => i.source === 'not-held').map((i: Json) => i.id);
        expect(notHeld).to.include.members(['1.1', '1.2', '2.2', '3.1', '3.5', '3.6', '4.2', '5.1', '5.2', '5.3']);
        expect(notHeld).to.not.include.members(['2.1', '3.3', '5.4']);
        for (const id of notHeld) {
          expect(indicator(report, id), id).to.include({
            numerator: null,
            denominator: null,
            share: null,
            points: null,
          });
          expect(indicator(report, id).note.vi, id).to.be.a('string');
        }
        expect(indicator(report, '1.2')).to.include({ maxPoints: 4, provisional: false });

        // No group has every indicator scored, so no total; the missing ones are named.
        expect(report.groups.map((g: Json) => [g.id, g.maxPoints])).to.deep.equal(
          DECISION_766_SCORECARD.criteria.map((c) => [c.id, c.maxPoints]),
        );
        expect(report.groups.every((g: Json) => g.points === null)).to.equal(true);
        expect(report.groups[4].missing).to.deep.equal(['5.1', '5.2', '5.3']);
        expect(report.groups[1].missing).to.deep.equal(['2.1', '2.2']);
        expect(report.total).to.deep.equal({ maxPoints: 100, points: null, missing: ['1', '2', '3', '4', '5'] });
      } finally {
        await db.close();
      }
    });

    it('gives 5.4 its full points when nothing is late or disliked, and no figures for an empty period', async () => {
      const { db, app, leader } = await seeded('good');
      try {
        const report = (await call(app, 'GET', `/api/reports/scorecard?${PERIOD}`, leader)).body;
        expect(indicator(report, '5.4')).to.deep.include({ numerator: 2, denominator: 2, share: 1, points: 6 });
        expect(indicator(report, '2.1')).to.include({ numerator: 2, denominator: 2, share: 1 });
        expect(indicator(report, '3.3')).to.include({ numerator: 1, denominator: 2, share: 0.5 });
        // Core's reader, which the leader's dashboard reads it with, keeps every line the server sends.
        expect(readScorecardReport(report)).to.deep.equal(report);

        const empty = (await call(app, 'GET', '/api/reports/scorecard?from=2025-01-01&to=2025-01-31', leader)).body;
        for (const id of ['2.1', '3.3', '5.4']) {
          expect(indicator(empty, id), id).to.include({
            source: 'measured',
            denominator: 0,
            share: null,
            points: null,
          });
        }
        expect(readScorecardReport(empty)).to.deep.equal(empty);
      } finally {
        await db.close();
      }
    });

    it('scores 2.1 and 3.3 once an admin sets the points split the office was given, refusing a bad one', async () => {
      const { db, app, leader } = await seeded('mixed');
      try {
        const admin = { ...(await signedInAs(db, 'demo', ['admin'])), 'content-type': 'application/json' };
        const { version } = (await call(app, 'GET', '/api/admin/settings', admin)).body;
        const refused = await call(app, 'PUT', '/api/admin/settings/scorecard', admin, {
          expectedVersion: version,
          value: { indicators: { '5.4': { maxPoints: 8 }, '2.1': { maxPoints: 10, target: 2 } } },
        });
        expect(refused.status, refused.text).to.equal(400);
        expect(refused.body.error.problems.map((p: Json) => p.path).sort()).to.deep.equal([
          '$.value.indicators["2.1"].target',
          '$.value.indicators["5.4"].maxPoints',
        ]);
        const saved = await call(app, 'PUT', '/api/admin/settings/scorecard', admin, {
          expectedVersion: version,
          value: { indicators: { '2.1': { maxPoints: 10, target: 1 }, '3.3': { maxPoints: 4 } } },
        });
        expect(saved.status, saved.text).to.equal(201);
        expect(saved.body).to.include({ change: 'scorecard', version: version + 1 });

        const report = (await call(app, 'GET', `/api/reports/scorecard?${PERIOD}`, leader)).body;
        // 4 of 6 on time against a full-points share of 1; 3 of 7 online against 3.3's 50 %.
        expect(indicator(report, '2.1')).to.deep.include({ maxPoints: 10, target: 1, provisional: false });
        expect(indicator(report, '2.1').points).to.equal(
          decision766IndicatorPoints('2.1', 4 / 6, { maxPoints: 10, target: 1 }),
        );
        expect(indicator(report, '2.1').points).to.be.closeTo(20 / 3, 1e-9);
        expect(indicator(report, '3.3')).to.deep.include({ maxPoints: 4, target: 0.5, provisional: false });
        expect(indicator(report, '3.3').points).to.be.closeTo((3 / 7 / 0.5) * 4, 1e-9);
        // 2.2 has no points yet: group 2 still has no total.
        expect(report.groups[1]).to.deep.include({ points: null, missing: ['2.2'] });
        expect(readScorecardReport(report)).to.deep.equal(report);

        // Rolled back: the split is gone, and so are the points.
        const rollback = await call(app, 'POST', '/api/admin/settings/rollback', admin, {
          expectedVersion: version + 1,
          version,
        });
        expect(rollback.status, rollback.text).to.equal(201);
        const after = (await call(app, 'GET', `/api/reports/scorecard?${PERIOD}`, leader)).body;
        expect(indicator(after, '2.1')).to.include({ points: null, maxPoints: null, provisional: true });
      } finally {
        await db.close();
      }
    });

    it('answers CSV with format=csv or Accept: text/csv, and refuses bad parameters', async () => {
      const { db, app, leader } = await seeded('mixed');
      try {
        const csv = await call(app, 'GET', `/api/reports/scorecard?${PERIOD}&format=csv`, leader);
        expect(csv.status).to.equal(200);
        expect(csv.headers.get('content-type')).to.contain('text/csv');
        expect(csv.headers.get('content-disposition')).to.contain('scorecard.csv');
        const lines = csv.text.trimEnd().split('\r\n');
        expect(lines[0]).to.equal(
          'id,group,title,source,numerator,denominator,share,target,points,max_points,provisional',
        );
        expect(lines).to.have.length(1 + DECISION_766_TABLE.length + 5 + 1);
        expect(lines).to.include('1.2,1,"Cập nhật, công khai TTHC đúng hạn trên CSDL quốc gia",not-held,,,,,,4,false');
        const core = decision766Satisfaction({ dossiers: 6, late: 2, complainedOrDisliked: 2 });
        expect(lines).to.include(
          `5.4,5,"Mức độ hài lòng trong tiếp nhận, giải quyết TTHC",measured,2,6,${core.share},0.9,${core.points},6,false`,
        );
        expect(lines.at(-1)).to.equal(',,Tổng cộng / Total,,,,,,,100,');
        const accepted = await call(app, 'GET', `/api/reports/scorecard?${PERIOD}`, { ...leader, accept: 'text/csv' });
        expect(accepted.text).to.equal(csv.text);

        for (const query of ['from=2026-02-30', 'from=2026-03-01&to=2026-02-01', 'format=xml', 'procedure=1.004194']) {
          const bad = await call(app, 'GET', `/api/reports/scorecard?${query}`, leader);
          expect(bad.status, query).to.equal(400);
          expect(bad.body.error.code).to.equal('invalid-input');
        }
      } finally {
        await db.close();
      }
    });
  });
}
