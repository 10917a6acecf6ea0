import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { adminHeaders, pairDevice } from '../devices/pairing.test-support.js';
import { call } from '../http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { listAudit } from '../staff/audit-store.js';
import { sessionHeaders, testUser } from '../staff/staff.test-support.js';
import { loadDossier } from './store.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
const JSON_BODY = { 'content-type': 'application/json' };
const T0 = Date.UTC(2026, 11, 4, 1, 0); // Friday 4 December 2026, 08:00 in Vietnam
const RECEIVE = {
  procedure: '1.004194',
  applicant: { name: 'Trần Thị Riêng', address: '3 Đường Kín', phone: '0905 000 111' },
  documents: [{ name: 'Tờ khai' }],
};

for (const target of TEST_DATABASES) {
  describe(`a dossier's steps and its receipt slip are an officer's, by name, on ${target.name}`, () => {
    it('refuses a withdrawal and a later receipt to a counter token, a paired tablet, an admin and another office', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const office = parseOffice(DEMO_OFFICE, { demo: true });
        const other = parseOffice(
          {
            ...DEMO_OFFICE,
            id: 'xa-khac',
            queue: {
              ...DEMO_OFFICE.queue,
              counters: [{ id: '1', services: ['ho-tich'], token: 'counter-of-xa-khac' }],
            },
            kiosks: [{ id: 'k', token: 'kiosk-of-xa-khac' }],
          },
          { demo: true },
        );
        const options = { db, catalogue: CATALOGUE, now: () => T0, secret: 's'.repeat(40) };
        const app = createApp({ ...options, office });
        const otherApp = createApp({ ...options, office: other });
        const token = { authorization: 'Bearer demo-counter-1', ...JSON_BODY };
        const paired = await pairDevice(app, await adminHeaders(db), { name: 'Quầy 1', kind: 'counter', counter: '1' });
        const tablet = { authorization: `Bearer ${paired.credential}`, ...JSON_BODY };
        const signedIn = async (of: string, username: string, roles: ('officer' | 'admin')[]) => ({
          ...(await sessionHeaders(db, await testUser(db, of, username, roles))),
          ...JSON_BODY,
        });
        const officer = { ...(await signedIn('demo', 'canbo1', ['officer'])), 'motcua-counter': '2' };
        const admin = await signedIn('demo', 'quantri', ['admin']);
        const elsewhere = await signedIn('xa-khac', 'canbo-khac', ['officer']);

        // A tablet still receives the dossier and gets its slip in the answer, to print at once.
        const received = await call(app, 'POST', '/api/dossiers', tablet, RECEIVE);
        expect(received.status, received.text).to.equal(201);
        expect(received.body.receipt.applicant.name).to.equal(RECEIVE.applicant.name);
        const { code } = received.body;
        const steps = `/api/dossiers/${code}/steps`;
        const receipt = `/api/dossiers/${code}/receipt`;
        const withdraw = { type: 'withdrawn', reason: 'Công dân xin rút hồ sơ' };

        for (const [who, headers] of [
          ['a static counter token', token],
          ['a paired tablet', tablet],
        ] as const) {
          for (const [method, path] of [
            ['POST', steps],
            ['GET', receipt],
          ] as const) {
            const refused = await call(app, method, path, headers, method === 'POST' ? withdraw : undefined);
            expect(refused.status, `${method} ${path} with ${who}`).to.equal(403);
            expect(refused.body.error.code).to.equal('officer-needed');
            expect(refused.body.error.message.vi).to.match(/^Cần cán bộ đăng nhập/);
            expect(refused.body.error.message.en).to.match(/^An officer must sign in/);
          }
        }
        const asAdmin = await call(app, 'POST', steps, admin, withdraw);
        expect(asAdmin.status).to.equal(403);
        expect(asAdmin.body.error.code).to.equal('forbidden');
        // Another office's officer: a session of another office counts as none here, and there the dossier is unknown.
        expect((await call(app, 'POST', steps, elsewhere, withdraw)).status).to.equal(401);
        expect((await call(app, 'GET', receipt, elsewhere)).status).to.equal(401);
        expect((await call(otherApp, 'POST', steps, elsewhere, withdraw)).status).to.equal(404);
        expect((await call(otherApp, 'GET', receipt, elsewhere)).status).to.equal(404);
        expect((await loadDossier(db, code, false))?.status, 'no refusal changed it').to.equal('received');

        const slip = await call(app, 'GET', receipt, officer);
        expect(slip.status).to.equal(200);
        expect(slip.body.receipt.applicant.name).to.equal(RECEIVE.applicant.name);
        const withdrawn = await call(app, 'POST', steps, officer, withdraw);
        expect(withdrawn.status, withdrawn.text).to.equal(201);
        expect(withdrawn.body).to.include({ status: 'withdrawn', finished: true });
        expect((await loadDossier(db, code, false))?.steps.at(-1)).to.deep.include({
          type: 'withdrawn',
          counter: '2',
          officer: { username: 'canbo1', name: 'Cán bộ canbo1' },
        });
        const trail = await listAudit(db, { office: 'demo', from: 0, to: T0 + 1, limit: 50 });
        const lines = trail
          .filter((e) => e.action.startsWith('dossier.'))
          .map((e) => [e.action, e.actor.kind, e.actor.name, e.counter, e.detail]);
        expect(lines).to.deep.equal([
          ['dossier.receive', 'device', 'Quầy 1', '1', { procedure: '1.004194' }],
          // Reading the slip again (it names the applicant) is recorded, by whom; the refused read is not.
          ['dossier.receipt-read', 'user', 'Cán bộ canbo1', '2', undefined],
          ['dossier.step', 'user', 'Cán bộ canbo1', '2', { type: 'withdrawn' }],
        ]);
      } finally {
        await db.close();
      }
    });
  });
}
