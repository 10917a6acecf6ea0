import { describe, it } from 'node:test';
import { vietnamCalendar } from '@motcua/core/calendar';
import { dueDate, parseDossierCode } from '@motcua/core/deadline';
import { verifyRatingToken } from '@motcua/core/satisfaction';
import { expect } from 'chai';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call, type Json } from '../http/call.test-support.js';
import { officerHeaders } from '../staff/staff.test-support.js';
import { DEMO_DOSSIER } from './demo.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
// Tuesday 2026-03-10, 09:00 in Vietnam (UTC+7).
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const STAFF = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };
const RECEIVE = {
  procedure: '1.004194', // Đăng ký tạm trú: 3 working days
  applicant: { name: 'Nguyễn Thị Bí Mật', address: '12 Đường Riêng Tư', phone: '0905 123 456' },
  documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
};

interface Env {
  db: Database;
  app: Hono;
  clock: { now: number };
}

for (const target of TEST_DATABASES) {
  describe(`dossier API on ${target.name}`, () => {
    async function env(): Promise<Env> {
      const db = await target.open();
      await migrate(db);
      const clock = { now: NINE };
      return { db, app: createApp({ db, catalogue: CATALOGUE, now: () => clock.now }), clock };
    }

    async function withEnv(work: (e: Env) => Promise<void>): Promise<void> {
      const e = await env();
      try {
        await work(e);
      } finally {
        await e.db.close();
      }
    }

    it('receives a dossier: code from the daily sequence, a PIN stored only as a hash, the due date from core', () =>
      withEnv(async ({ app, db }) => {
        const first = await call(app, 'POST', '/api/dossiers', STAFF, RECEIVE);
        expect(first.status).to.equal(201);
        expect(first.body.code).to.equal('000.00.00.H00-260310-0001');
        expect(first.body.pin).to.match(/^\d{6}$/);
        const expected = dueDate(
          { receivedAt: '2026-03-10T09:00:00+07:00', limit: { value: 3, unit: 'working-days' } },
          { calendar: vietnamCalendar() },
        );
        expect(first.body.dueAt).to.equal(expected.dueAt);
        expect(first.body.receipt.form).to.equal('01');
        expect(first.body.receipt.procedure).to.equal('Đăng ký tạm trú');
        expect(first.body.receipt.applicant.name).to.equal(RECEIVE.applicant.name);
        expect(first.body.receipt.receivedBy).to.equal('1');
        const second = await call(app, 'POST', '/api/dossiers', STAFF, { ...RECEIVE, ticket: 'A-001' });
        expect(parseDossierCode(second.body.code).sequence).to.equal(2);
        expect(second.body.ticket).to.equal('A-001');
        const rows = await db.query<{ pin_hash: string }>('select pin_hash from dossiers order by code');
        expect(rows).to.have.length(2);
        for (const row of rows) {
          expect(row.pin_hash).to.match(/^scrypt\$/);
          expect(row.pin_hash).not.to.contain(first.body.pin);
        }
      }));

    it('needs a counter token, a known procedure and valid input', () =>
      withEnv(async ({ app }) => {
        expect(
          (await call(app, 'POST', '/api/dossiers', { 'content-type': 'application/json' }, RECEIVE)).status,
        ).to.equal(401);
        const kiosk = { ...STAFF, authorization: 'Bearer demo-kiosk' };
        expect((await call(app, 'POST', '/api/dossiers', kiosk, RECEIVE)).status).to.equal(401);
        const unknown = await call(app, 'POST', '/api/dossiers', STAFF, { ...RECEIVE, procedure: '9.999999' });
        expect(unknown.status).to.equal(404);
        expect(unknown.body.error.code).to.equal('unknown-procedure');
        const bad = await call(app, 'POST', '/api/dossiers', STAFF, { procedure: '1.004194' });
        expect(bad.status).to.equal(400);
        expect(bad.body.error.message.vi).to.be.a('string');
        const future = await call(app, 'POST', '/api/dossiers', STAFF, {
          ...RECEIVE,
          receivedAt: '2026-03-11T09:00:00+07:00',
        });
        expect(future.status).to.equal(400);
        // A procedure without a time limit in the catalogue takes one from the request.
        const noLimit = await call(app, 'POST', '/api/dossiers', STAFF, { ...RECEIVE, procedure: '1.004884' });
        expect(noLimit.status).to.equal(422);
        const withLimit = await call(app, 'POST', '/api/dossiers', STAFF, {
          ...RECEIVE,
          procedure: '1.004884',
          limit: { value: 5, unit: 'working-days' },
        });
        expect(withLimit.status).to.equal(201);
      }));

    it('answers a retried receipt with the same dossier (Idempotency-Key)', () =>
      withEnv(async ({ app, db }) => {
        const headers = { ...STAFF, 'idempotency-key': 'receipt-42' };
        const a = await call(app, 'POST', '/api/dossiers', headers, RECEIVE);
        const b = await call(app, 'POST', '/api/dossiers', headers, RECEIVE);
        expect(b.status).to.equal(201);
        expect(b.body.code).to.equal(a.body.code);
        expect(b.body.pin).to.equal(a.body.pin);
        expect(b.headers.get('idempotent-replayed')).to.equal('true');
        expect(await db.query('select code from dossiers')).to.have.length(1);
      }));

    it('gives concurrent receipts distinct numbers', () =>
      withEnv(async ({ app }) => {
        const answers = await Promise.all(
          Array.from({ length: 8 }, () => call(app, 'POST', '/api/dossiers', STAFF, RECEIVE)),
        );
        const sequences = answers.map((a) => parseDossierCode(a.body.code).sequence).sort((x, y) => x - y);
        expect(sequences).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
      }));

    it('shows a dossier by code and PIN without personal data; unknown code and wrong PIN get the same 404', () =>
      withEnv(async ({ app }) => {
        const { body: received } = await call(app, 'POST', '/api/dossiers', STAFF, RECEIVE);
        const view = await call(app, 'GET', `/api/dossiers/${received.code}`, { 'dossier-pin': received.pin });
        expect(view.status).to.equal(200);
        expect(view.headers.get('cache-control')).to.equal('no-store');
        expect(view.body).to.include({ code: received.code, status: 'received', statusCode: 2, finished: false });
        expect(view.body.procedure).to.deep.equal({ code: '1.004194', name: 'Đăng ký tạm trú' });
        expect(view.body.clock.dueAt).to.equal(received.dueAt);
        expect(view.body.classification.timeliness).to.equal('in-time');
        expect(view.body.timeline).to.deep.equal([
          { type: 'received', status: 'received', at: '2026-03-10T09:00:00+07:00' },
        ]);
        for (const secret of ['Bí Mật', 'Riêng Tư', '0905', received.pin]) expect(view.text).not.to.contain(secret);

        const wrongPin = received.pin === '000000' ? '111111' : '000000';
        const wrong = await call(app, 'GET', `/api/dossiers/${received.code}`, { 'dossier-pin': wrongPin });
        const unknown = await call(app, 'GET', '/api/dossiers/000.00.00.H00-260310-0099', {
          'dossier-pin': received.pin,
        });
        const malformed = await call(app, 'GET', '/api/dossiers/nonsense', { 'dossier-pin': '1' });
        expect(wrong.status).to.equal(404);
        expect(unknown.status).to.equal(404);
        expect(malformed.status).to.equal(404);
        expect(wrong.body).to.deep.equal(unknown.body);
        expect(malformed.body).to.deep.equal(unknown.body);
      }));

    it('takes the PIN from the Dossier-Pin header; ?pin= in the URL still works for one release, marked deprecated', () =>
      withEnv(async ({ app, db }) => {
        const { body: received } = await call(app, 'POST', '/api/dossiers', STAFF, RECEIVE);
        const byHeader = await call(app, 'GET', `/api/dossiers/${received.code}`, { 'Dossier-Pin': received.pin });
        expect(byHeader.status).to.equal(200);
        expect(byHeader.headers.get('deprecation')).to.equal(null);
        const warnings: string[] = [];
        const warn = console.warn;
        console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
        try {
          for (let i = 0; i < 2; i++) {
            const byQuery = await call(app, 'GET', `/api/dossiers/${received.code}?pin=${received.pin}`);
            expect(byQuery.status).to.equal(200);
            // RFC 9745: deprecated since 2026-12-01.
            expect(byQuery.headers.get('deprecation')).to.equal('@1796083200');
          }
        } finally {
          console.warn = warn;
        }
        // Said at most once per process (another test may have said it already), and never with the PIN.
        expect(warnings.length).to.be.at.most(1);
        for (const w of warnings) {
          expect(w).to.include('Dossier-Pin');
          expect(w).to.not.include(received.pin);
        }
        // Pages on an allowed origin may send the header (CORS preflight).
        const cors = createApp({ db, allowedOrigins: ['https://xa.example.gov.vn'] });
        const preflight = await cors.request(`/api/dossiers/${received.code}`, {
          method: 'OPTIONS',
          headers: {
            origin: 'https://xa.example.gov.vn',
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'dossier-pin',
          },
        });
        expect(preflight.headers.get('access-control-allow-headers') ?? '').to.match(/Dossier-Pin/i);
      }));

    it('backs the failing client off, and never limits the right PIN per code', () =>
      withEnv(async ({ app, clock }) => {
        const { body: received } = await call(app, 'POST', '/api/dossiers', STAFF, RECEIVE);
        const wrongPin = received.pin === '000000' ? '111111' : '000000';
        const path = `/api/dossiers/${received.code}`;
        for (let i = 0; i < 3; i++) expect((await call(app, 'GET', `${path}?pin=${wrongPin}`)).status).to.equal(404);
        // The fourth failure starts the back-off: 2 s, then 4 s…
        expect((await call(app, 'GET', `${path}?pin=${wrongPin}`)).status).to.equal(404);
        const blocked = await call(app, 'GET', `${path}?pin=${received.pin}`);
        expect(blocked.status).to.equal(429);
        expect(blocked.headers.get('retry-after')).to.equal('2');
        expect(blocked.body.error.code).to.equal('rate-limited');
        clock.now += 3_000;
        expect((await call(app, 'GET', `${path}?pin=${received.pin}`)).status).to.equal(200);

        // Per code, only wrong PINs count (toward a ceiling far above these): the owner looking again and again is
        // not limited by the code (20 per 10 minutes were before), only by the client's own limit.
        clock.now += 600_000;
        for (let i = 0; i < 25; i++)
          expect((await call(app, 'GET', `${path}?pin=${received.pin}`)).status).to.equal(200);
      }));

    it('records status changes, a supplement pause and an extension with apology, checked by core', () =>
      withEnv(async ({ app, db, clock }) => {
        const { body: received } = await call(app, 'POST', '/api/dossiers', STAFF, RECEIVE);
        const OFFICER = await officerHeaders(db);
        const steps = `/api/dossiers/${received.code}/steps`;
        expect(
          (await call(app, 'POST', steps, { 'content-type': 'application/json' }, { type: 'processing' })).status,
        ).to.equal(401);
        expect((await call(app, 'POST', steps, OFFICER, { type: 'processing' })).status).to.equal(201);
        const orphan = await call(app, 'POST', steps, OFFICER, { type: 'supplement-completed' });
        expect(orphan.status).to.equal(400);
        expect(orphan.body.error.problems[0].code).to.equal('supplement-not-requested');

        clock.now += 3_600_000; // 10:00
        const paused = await call(app, 'POST', steps, OFFICER, {
          type: 'supplement-requested',
          reason: 'Thiếu bản sao',
        });
        expect(paused.body.status).to.equal('supplement-requested');
        expect(paused.body.clock.state).to.equal('paused');
        clock.now += 24 * 3_600_000; // the next day, 10:00
        const resumed = await call(app, 'POST', steps, OFFICER, { type: 'supplement-completed' });
        expect(resumed.body.status).to.equal('processing');
        expect(resumed.body.clock.pauses[0].workingMinutes).to.be.greaterThan(0);
        expect(resumed.body.clock.dueAt > received.dueAt).to.equal(true);

        const noReason = await call(app, 'POST', steps, OFFICER, {
          type: 'extended',
          dueAt: '2026-03-20T17:00:00+07:00',
        });
        expect(noReason.status).to.equal(400);
        const extended = await call(app, 'POST', steps, OFFICER, {
          type: 'extended',
          dueAt: '2026-03-20T17:00:00+07:00',
          reason: 'Cần xác minh',
        });
        expect(extended.status).to.equal(201);
        expect(extended.body.clock.extension).to.include({
          dueAt: '2026-03-20T17:00:00+07:00',
          reason: 'Cần xác minh',
        });
        expect(extended.body.clock.promisedDueAt).to.equal('2026-03-20T17:00:00+07:00');

        clock.now += 3_600_000;
        const resolved = await call(app, 'POST', steps, OFFICER, { type: 'resolved' });
        expect(resolved.body).to.include({ status: 'resolved', statusCode: 9, finished: true });
        expect(resolved.body.classification.timeliness).to.be.oneOf(['early', 'on-time']);
        await call(app, 'POST', steps, OFFICER, { type: 'returned' });
        const after = await call(app, 'POST', steps, OFFICER, { type: 'processing' });
        expect(after.status).to.equal(409);

        const view = await call(app, 'GET', `/api/dossiers/${received.code}?pin=${received.pin}`);
        expect(view.body.timeline.map((e: Json) => e.status)).to.deep.equal([
          'received',
          'processing',
          'supplement-requested',
          'processing',
          'processing',
          'resolved',
          'returned',
        ]);
        expect(view.body.timeline[2].reason).to.equal('Thiếu bản sao');
        const receipt = await call(app, 'GET', `/api/dossiers/${received.code}/receipt`, OFFICER);
        expect(receipt.body.receipt.applicant.name).to.equal(RECEIVE.applicant.name);
        expect((await call(app, 'GET', `/api/dossiers/${received.code}/receipt`)).status).to.equal(401);
      }));

    it('hands over the rating token of a finished dossier with its lookup, one rating per dossier', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: NINE };
        const secret = 'rating-secret-'.padEnd(40, 'x');
        const app = createApp({ db, catalogue: CATALOGUE, now: () => clock.now, secret });
        const received = (await call(app, 'POST', '/api/dossiers', STAFF, RECEIVE)).body;
        const lookup = () => call(app, 'GET', `/api/dossiers/${received.code}?pin=${received.pin}`);
        expect((await lookup()).body.ratingToken, 'not before it is finished').to.equal(undefined);
        await call(app, 'POST', `/api/dossiers/${received.code}/steps`, await officerHeaders(db), { type: 'resolved' });
        const first = (await lookup()).body.ratingToken as string;
        const claims = await verifyRatingToken(first, secret, { now: clock.now });
        expect(claims.dossier).to.equal(received.code);
        clock.now += 60_000;
        const second = (await lookup()).body.ratingToken as string;
        const rate = (token: string) =>
          call(app, 'POST', '/api/ratings', { 'content-type': 'application/json' }, { token, answers: { overall: 3 } });
        expect((await rate(first)).status).to.equal(201);
        expect((await rate(second)).status, 'a second lookup does not give a second rating').to.equal(409);
      } finally {
        await db.close();
      }
    });

    it('serves the demo dossier of the demo office', () =>
      withEnv(async ({ app, clock }) => {
        clock.now = Date.UTC(2026, 10, 22, 3, 0);
        const view = await call(app, 'GET', `/api/dossiers/${DEMO_DOSSIER.code}?pin=${DEMO_DOSSIER.pin}`);
        expect(view.status).to.equal(200);
        expect(view.body).to.include({ status: 'resolved', finished: true });
        expect(view.body.clock.extension.reason).to.be.a('string');
        expect(view.body.clock.pauses).to.have.length(1);
        const again = await call(app, 'GET', `/api/dossiers/${DEMO_DOSSIER.code}?pin=${DEMO_DOSSIER.pin}`);
        expect(again.body).to.deep.equal(view.body);
      }));
  });
}
