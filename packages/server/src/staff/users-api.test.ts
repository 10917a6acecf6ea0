import { describe, it } from 'node:test';
import { readAuditEntry, readUserView } from '@motcua/core/staff';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { demoOffice } from '../office/office.js';
import { recordAudit } from './audit-store.js';
import { signedInAs } from './staff.test-support.js';

const T0 = Date.UTC(2026, 11, 4, 1, 0); // 08:00 in Vietnam, 4 December 2026
const JSON_BODY = { 'content-type': 'application/json' };

for (const target of TEST_DATABASES) {
  describe(`users and the audit trail through the API, on ${target.name}`, () => {
    it('lets an admin create, change, disable and reset users, each change in the audit trail', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { at: T0 };
        const app = createApp({ db, office: demoOffice(), now: () => clock.at, secret: 's'.repeat(40) });
        const admin = { ...(await signedInAs(db, 'demo', ['admin'], 'quantri')), ...JSON_BODY };
        const created = await call(app, 'POST', '/api/users', admin, {
          username: 'CanBo1',
          displayName: 'Nguyễn Văn An',
          password: 'một mật khẩu đủ dài',
          roles: ['officer'],
        });
        expect(created.status, created.text).to.equal(201);
        const user = readUserView(created.body);
        expect(user).to.deep.include({ username: 'CanBo1', displayName: 'Nguyễn Văn An', roles: ['officer'] });
        expect(created.text).not.to.contain('scrypt');
        const again = await call(app, 'POST', '/api/users', admin, {
          username: 'canbo1',
          password: 'một mật khẩu đủ dài',
          roles: ['officer'],
        });
        expect(again.status).to.equal(409);
        const bad = await call(app, 'POST', '/api/users', admin, {
          username: 'a b',
          password: 'ngắn',
          roles: ['root'],
        });
        expect(bad.status).to.equal(400);
        expect(bad.body.error.message.en).to.contain('username').and.contain('password').and.contain('roles');

        // The new officer signs in, then is given the leader role, then disabled: the session ends at once.
        const signIn = await call(
          app,
          'POST',
          '/api/session',
          { ...JSON_BODY, origin: 'http://localhost' },
          {
            username: 'canbo1',
            password: 'một mật khẩu đủ dài',
          },
        );
        expect(signIn.status).to.equal(200);
        const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
        const officer = { cookie, origin: 'http://localhost', ...JSON_BODY };
        expect((await call(app, 'GET', '/api/users', officer)).status).to.equal(403);
        const id = user?.id as string;
        const changed = await call(app, 'PATCH', `/api/users/${id}`, admin, { roles: ['officer', 'leader'] });
        expect(changed.body.roles).to.deep.equal(['leader', 'officer']);
        expect((await call(app, 'GET', '/api/reports/on-time', officer)).status).to.equal(200);
        await call(app, 'PATCH', `/api/users/${id}`, admin, { disabled: true });
        expect((await call(app, 'GET', '/api/session', officer)).status).to.equal(401);
        const reset = await call(app, 'POST', `/api/users/${id}/password`, admin, { password: 'mật khẩu mới đủ dài' });
        expect(reset.status).to.equal(204);
        expect((await call(app, 'PATCH', '/api/users/u-unknown', admin, { disabled: true })).status).to.equal(404);
        const list = await call(app, 'GET', '/api/users', admin);
        expect(list.body.users.map((u: { username: string }) => u.username)).to.deep.equal(['CanBo1', 'quantri']);
        expect(list.text).not.to.contain('scrypt');

        const trail = await call(app, 'GET', '/api/audit', admin);
        expect(trail.status).to.equal(200);
        const actions = trail.body.entries.map(readAuditEntry).map((e: { action: string }) => e.action);
        expect(actions).to.deep.equal([
          'user.create',
          'session.sign-in',
          'user.roles',
          'user.disable',
          'user.password',
        ]);
        const [first] = trail.body.entries;
        expect(first.actor).to.deep.equal({ kind: 'user', id: first.actor.id, name: 'Cán bộ quantri' });
        expect(JSON.stringify(trail.body)).not.to.contain('mật khẩu');
      } finally {
        await db.close();
      }
    });
  });
}

describe('the audit trail through the API, on PGlite', () => {
  it('reads a period of Vietnamese dates page by page, and as CSV with formulas neutralised', async () => {
    const db = await (TEST_DATABASES[0] as (typeof TEST_DATABASES)[number]).open();
    try {
      await migrate(db);
      const app = createApp({ db, office: demoOffice(), now: () => T0, secret: 's'.repeat(40) });
      const admin = await signedInAs(db, 'demo', ['admin']);
      // 23:30 on 3 December in Vietnam is 16:30 UTC: it belongs to the 3rd whatever the host's zone.
      const times = [Date.UTC(2026, 11, 3, 16, 30), Date.UTC(2026, 11, 3, 17, 0), T0, T0 + 1];
      for (const [i, at] of times.entries()) {
        await recordAudit(db, {
          office: i === 3 ? 'xa-khac' : 'demo',
          at,
          actor: { kind: 'token', id: '1' },
          action: i === 0 ? '=HYPERLINK("x")' : 'queue.call',
          counter: '1',
          detail: { number: `A00${i}` },
        });
      }
      const third = await call(app, 'GET', '/api/audit?from=2026-12-03&to=2026-12-03', admin);
      expect(third.body.entries.map((e: { detail: { number: string } }) => e.detail.number)).to.deep.equal(['A000']);
      const today = await call(app, 'GET', '/api/audit', admin);
      expect(today.body.from).to.equal('2026-12-04');
      expect(today.body.entries.map((e: { detail: { number: string } }) => e.detail.number)).to.deep.equal([
        'A001',
        'A002',
      ]);
      const page = await call(app, 'GET', '/api/audit?from=2026-12-01&to=2026-12-04&limit=2', admin);
      expect(page.body.entries).to.have.length(2);
      const rest = await call(
        app,
        'GET',
        `/api/audit?from=2026-12-01&to=2026-12-04&limit=2&after=${page.body.next}`,
        admin,
      );
      expect(rest.body.entries.map((e: { detail: { number: string } }) => e.detail.number)).to.deep.equal(['A002']);
      expect(rest.body.next).to.equal(undefined);
      const csv = await call(app, 'GET', '/api/audit?from=2026-12-03&format=csv', admin);
      expect(csv.headers.get('content-type')).to.contain('text/csv');
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines[0]).to.equal('id,at,actor_kind,actor_id,actor_name,action,object,address,counter,detail');
      expect(lines[1]).to.contain(`,token,1,,"'=HYPERLINK(""x"")",,,1,`);
      expect(lines).to.have.length(4);
      const wrong = await call(app, 'GET', '/api/audit?from=2026-12-05&to=2026-12-04', admin);
      expect(wrong.status).to.equal(400);
    } finally {
      await db.close();
    }
  });
});
