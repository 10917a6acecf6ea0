import { describe, it } from 'node:test';
import { readSessionView } from '@motcua/core/staff';
import { expect } from 'chai';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { demoOffice } from '../office/office.js';
import { addedOffice } from '../province/added-offices.js';
import { listAudit, purgeAudit, recordAudit } from './audit-store.js';
import { hashParameters, SCRYPT_PARAMETERS } from './passwords.js';
import { testUser } from './staff.test-support.js';
import { findUserByUsername, updateUser } from './users-store.js';

const SAME_ORIGIN = { 'content-type': 'application/json', origin: 'http://localhost' };
const T0 = Date.UTC(2026, 11, 4, 0, 30); // 07:30 in Vietnam

async function setUp(db: Database, clock: { at: number }, staff = {}) {
  await migrate(db);
  const app = createApp({ db, office: demoOffice(), now: () => clock.at, secret: 's'.repeat(40), staff });
  return app;
}

const cookieOf = (headers: Headers): string => (headers.get('set-cookie') ?? '').split(';')[0] as string;

for (const target of TEST_DATABASES) {
  describe(`signing in, on ${target.name}`, () => {
    it('answers the session with a rotated HttpOnly SameSite=Strict cookie, reads it back and signs out', async () => {
      const db = await target.open();
      try {
        const clock = { at: T0 };
        const app = await setUp(db, clock);
        const user = await testUser(db, 'demo', 'CanBo1', ['officer']);
        const old = 'x'.repeat(43);
        const res = await call(
          app,
          'POST',
          '/api/session',
          { ...SAME_ORIGIN, cookie: `motcua_session=${old}` },
          {
            username: 'canbo1',
            password: 'password-of-CanBo1',
          },
        );
        expect(res.status).to.equal(200);
        const setCookie = res.headers.get('set-cookie') ?? '';
        expect(setCookie).to.match(/^motcua_session=[A-Za-z0-9_-]{43};/);
        expect(setCookie).to.contain('HttpOnly').and.contain('SameSite=Strict').and.contain('Path=/');
        expect(setCookie).to.contain('Max-Age=43200');
        expect(setCookie).not.to.contain(old);
        const view = readSessionView(res.body);
        expect(view).to.deep.equal({
          user: { id: user.id, username: 'CanBo1', displayName: 'Cán bộ CanBo1' },
          office: 'demo',
          roles: ['officer'],
          expiresAt: new Date(T0 + 12 * 3_600_000).toISOString(),
          idleExpiresAt: new Date(T0 + 150 * 60_000).toISOString(),
        });
        // The weak test hash was replaced by one with today's parameters.
        const stored = await findUserByUsername(db, 'demo', 'canbo1');
        expect(hashParameters(stored?.passwordHash ?? '')).to.deep.equal(SCRYPT_PARAMETERS);
        expect(JSON.stringify(await db.query('select * from staff_sessions'))).not.to.contain(
          cookieOf(res.headers).split('=')[1],
        );

        const cookie = cookieOf(res.headers);
        expect((await call(app, 'GET', '/api/session', { cookie })).body).to.deep.equal(res.body);
        // Idle for two hours (the lunch break): still signed in, and the idle expiry moves on.
        clock.at += 2 * 3_600_000;
        const after = await call(app, 'GET', '/api/session', { cookie });
        expect(after.status).to.equal(200);
        expect(after.body.idleExpiresAt).to.equal(new Date(T0 + 2 * 3_600_000 + 150 * 60_000).toISOString());
        clock.at += 1000;
        expect((await call(app, 'GET', '/api/session', { cookie })).body.idleExpiresAt).to.equal(
          new Date(T0 + 2 * 3_600_000 + 150 * 60_000).toISOString(),
        );

        const out = await call(app, 'DELETE', '/api/session', { cookie, origin: 'http://localhost' });
        expect(out.status).to.equal(204);
        expect(out.headers.get('set-cookie')).to.match(/^motcua_session=;.*Max-Age=0/);
        expect((await call(app, 'GET', '/api/session', { cookie })).status).to.equal(401);
        const actions = (await listAudit(db, { office: 'demo', from: 0, to: clock.at + 1, limit: 10 })).map((e) => [
          e.action,
          e.actor.name,
        ]);
        expect(actions).to.deep.equal([
          ['session.sign-in', 'Cán bộ CanBo1'],
          ['session.sign-out', 'Cán bộ CanBo1'],
        ]);
      } finally {
        await db.close();
      }
    });
  });
}

for (const target of TEST_DATABASES) {
  describe(`two instances on one database, on ${target.name}`, () => {
    it('share sessions: signed in on one, acting and signing out through the other', async () => {
      const db = await target.open();
      try {
        const clock = { at: T0 };
        const one = await setUp(db, clock);
        const other = createApp({ db, office: demoOffice(), now: () => clock.at, secret: 's'.repeat(40) });
        await testUser(db, 'demo', 'canbo2', ['officer']);
        const res = await call(one, 'POST', '/api/session', SAME_ORIGIN, {
          username: 'canbo2',
          password: 'password-of-canbo2',
        });
        const headers = { cookie: cookieOf(res.headers), ...SAME_ORIGIN };
        expect((await call(other, 'POST', '/api/queue/counters/2/call-next', headers, {})).status).to.equal(200);
        expect((await call(other, 'DELETE', '/api/session', headers)).status).to.equal(204);
        expect((await call(one, 'GET', '/api/session', headers)).status).to.equal(401);
      } finally {
        await db.close();
      }
    });
  });
}

describe('two offices on one database without row-level security (PGlite): the server’s own check', () => {
  it('refuses a session cookie of one office at the other, whose sign-in and sign-out end nothing of it', async () => {
    const db = await (TEST_DATABASES[0] as (typeof TEST_DATABASES)[number]).open();
    try {
      const clock = { at: T0 };
      const a = await setUp(db, clock);
      const b = createApp({
        db,
        office: addedOffice('xa-b', { vi: 'UBND xã B', en: 'B Commune' }),
        now: () => clock.at,
        secret: 's'.repeat(40),
      });
      // One person, an account in each office, with that office's roles.
      await testUser(db, 'demo', 'dung', ['officer']);
      await testUser(db, 'xa-b', 'dung', ['leader']);
      const signIn = async (app: typeof a, cookie = '') => {
        const res = await call(
          app,
          'POST',
          '/api/session',
          { ...SAME_ORIGIN, cookie },
          {
            username: 'dung',
            password: 'password-of-dung',
          },
        );
        return { cookie: cookieOf(res.headers), roles: readSessionView(res.body)?.roles };
      };
      const atA = await signIn(a);
      const atB = await signIn(b);
      expect([atA.roles, atB.roles]).to.deep.equal([['officer'], ['leader']]);
      const session = async (app: typeof a, cookie: string) =>
        (await call(app, 'GET', '/api/session', { ...SAME_ORIGIN, cookie })).status;
      expect([await session(a, atA.cookie), await session(b, atA.cookie)]).to.deep.equal([200, 401]);
      expect([await session(b, atB.cookie), await session(a, atB.cookie)]).to.deep.equal([200, 401]);
      // The browser brings xa-a's cookie to xa-b's sign-out and sign-in: xa-a's session lives on.
      expect((await call(b, 'DELETE', '/api/session', { ...SAME_ORIGIN, cookie: atA.cookie })).status).to.equal(204);
      await signIn(b, atA.cookie);
      expect(await session(a, atA.cookie)).to.equal(200);
    } finally {
      await db.close();
    }
  });
});

describe('signing in, on PGlite', () => {
  it('gives an unknown user, a wrong password, a disabled account and a user without roles the same 401', async () => {
    const db = await (TEST_DATABASES[0] as (typeof TEST_DATABASES)[number]).open();
    try {
      const app = await setUp(db, { at: T0 });
      const disabled = await testUser(db, 'demo', 'nghi-viec', ['officer']);
      await updateUser(db, 'demo', disabled.id, { disabled: true });
      await testUser(db, 'demo', 'khach', []);
      await testUser(db, 'xa-khac', 'canbo9', ['officer', 'admin']);
      await testUser(db, 'demo', 'canbo1', ['officer']);
      const answers = [];
      for (const [username, password] of [
        ['khong-co', 'password-of-khong-co'],
        ['canbo1', 'password-of-canbo2'],
        ['nghi-viec', 'password-of-nghi-viec'],
        ['khach', 'password-of-khach'],
        ['canbo9', 'password-of-canbo9'],
      ]) {
        const res = await call(app, 'POST', '/api/session', SAME_ORIGIN, { username, password });
        expect(res.headers.get('set-cookie'), username).to.equal(null);
        answers.push({ status: res.status, body: res.body });
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).to.equal(1);
      expect(answers[0]?.status).to.equal(401);
      expect(answers[0]?.body.error.code).to.equal('sign-in-failed');
      const trail = await listAudit(db, { office: 'demo', from: 0, to: T0 + 1, limit: 10 });
      expect(trail.map((e) => e.action)).to.deep.equal(Array(5).fill('session.sign-in-failed'));
      expect(JSON.stringify(trail)).not.to.contain('password-of');
      // The unknown username is not recorded (it may be a password typed in the wrong field).
      expect(JSON.stringify(trail)).not.to.contain('khong-co');
    } finally {
      await db.close();
    }
  });

  it('slows down guessing per account and per client, and the right password waits too', async () => {
    const db = await (TEST_DATABASES[0] as (typeof TEST_DATABASES)[number]).open();
    try {
      const clock = { at: T0 };
      const app = await setUp(db, clock, { freeFailuresPerAccount: 2, freeFailuresPerClient: 3 });
      await testUser(db, 'demo', 'admin', ['admin']);
      const tryAs = (username: string, password: string) =>
        call(app, 'POST', '/api/session', SAME_ORIGIN, { username, password });
      expect((await tryAs('admin', 'wrong-1')).status).to.equal(401);
      expect((await tryAs('ADMIN', 'wrong-2')).status).to.equal(401);
      expect((await tryAs('admin', 'wrong-3')).status).to.equal(401);
      const blocked = await tryAs('admin', 'password-of-admin');
      expect(blocked.status).to.equal(429);
      expect(blocked.headers.get('retry-after')).to.equal('2');
      // Another account is not blocked by admin's failures, until its client has failed too often.
      expect((await tryAs('khong-co', 'x')).status).to.equal(401);
      expect((await tryAs('khong-co', 'x')).status).to.equal(429);
      expect((await tryAs('canbo1', 'x')).status).to.equal(429);
      clock.at += 2_000;
      expect((await tryAs('admin', 'password-of-admin')).status).to.equal(200);
    } finally {
      await db.close();
    }
  });

  it('refuses a cross-site sign-in and cross-site requests carrying the cookie', async () => {
    const db = await (TEST_DATABASES[0] as (typeof TEST_DATABASES)[number]).open();
    try {
      const app = await setUp(db, { at: T0 });
      await testUser(db, 'demo', 'canbo1', ['officer']);
      const body = { username: 'canbo1', password: 'password-of-canbo1' };
      const json = { 'content-type': 'application/json' };
      const forged = await call(app, 'POST', '/api/session', { ...json, origin: 'https://evil.example' }, body);
      expect(forged.status).to.equal(403);
      expect(forged.body.error.code).to.equal('cross-site-request');
      expect(
        (await call(app, 'POST', '/api/session', { ...json, 'sec-fetch-site': 'cross-site' }, body)).status,
      ).to.equal(403);
      const res = await call(app, 'POST', '/api/session', { ...json, 'sec-fetch-site': 'same-origin' }, body);
      expect(res.status).to.equal(200);
      const cookie = cookieOf(res.headers);
      const callNext = (headers: Record<string, string>) =>
        call(app, 'POST', '/api/queue/counters/1/call-next', { ...json, cookie, ...headers }, {});
      expect((await callNext({ origin: 'https://evil.example' })).status).to.equal(403);
      expect((await callNext({ 'sec-fetch-site': 'same-site' })).status).to.equal(403);
      expect((await callNext({})).status).to.equal(403);
      expect((await callNext({ origin: 'http://localhost' })).status).to.equal(200);
      // A safe request with the cookie needs no Origin.
      expect((await call(app, 'GET', '/api/queue/counters/1/current', { cookie })).status).to.equal(200);
      expect((await call(app, 'GET', '/api/queue/counters/9/current', { cookie })).status).to.equal(404);
    } finally {
      await db.close();
    }
  });

  it('ends a session at its absolute expiry, and when the user is disabled', async () => {
    const db = await (TEST_DATABASES[0] as (typeof TEST_DATABASES)[number]).open();
    try {
      const clock = { at: T0 };
      const app = await setUp(db, clock, { sessionHours: 1, sessionIdleMinutes: 30 });
      const user = await testUser(db, 'demo', 'lanhdao', ['leader']);
      const body = { username: 'lanhdao', password: 'password-of-lanhdao' };
      const cookie = cookieOf((await call(app, 'POST', '/api/session', SAME_ORIGIN, body)).headers);
      for (let i = 0; i < 3; i++) {
        clock.at += 20 * 60_000;
        const res = await call(app, 'GET', '/api/session', { cookie });
        expect(res.status, `after ${(i + 1) * 20} minutes`).to.equal(i < 2 ? 200 : 401);
      }
      const again = cookieOf((await call(app, 'POST', '/api/session', SAME_ORIGIN, body)).headers);
      clock.at += 31 * 60_000;
      expect((await call(app, 'GET', '/api/session', { cookie: again })).status, 'idle 31 minutes').to.equal(401);
      const third = cookieOf((await call(app, 'POST', '/api/session', SAME_ORIGIN, body)).headers);
      await updateUser(db, 'demo', user.id, { disabled: true });
      expect((await call(app, 'GET', '/api/session', { cookie: third })).status).to.equal(401);
    } finally {
      await db.close();
    }
  });
});

describe('the audit trail', () => {
  it('refuses updates and deletes; only the retention purge removes old lines', async () => {
    const db = await (TEST_DATABASES[0] as (typeof TEST_DATABASES)[number]).open();
    try {
      await migrate(db);
      for (const at of [T0 - 400 * 86_400_000, T0]) {
        await recordAudit(db, { office: 'demo', at, actor: { kind: 'anonymous' }, action: 'test.line' });
      }
      for (const sql of ["update audit_events set action = 'x'", 'delete from audit_events', 'truncate audit_events']) {
        let refused: unknown;
        await db.query(sql).catch((error: unknown) => {
          refused = error;
        });
        expect(String((refused as Error | undefined)?.message), sql).to.contain('append-only');
      }
      expect(await purgeAudit(db, T0 - 365 * 86_400_000)).to.equal(1);
      expect((await listAudit(db, { office: 'demo', from: 0, to: T0 + 1, limit: 10 })).length).to.equal(1);
      let refused = false;
      await db.query('delete from audit_events').catch(() => {
        refused = true;
      });
      expect(refused, 'the purge setting does not outlive its transaction').to.equal(true);
    } finally {
      await db.close();
    }
  });
});
