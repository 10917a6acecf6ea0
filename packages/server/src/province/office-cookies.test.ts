// One person working in two communes that one province instance serves, in one browser: each office names its
// session cookie after itself (`motcua_session.<office id>`, host-only, Path=/), so the browser holds both sessions at
// once, each with its office's roles. A cookie of the shared name `motcua_session` (set before the upgrade) still
// works at its own office; a server serving one office keeps `motcua_session`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readSessionView } from '@motcua/core/staff';
import { expect } from 'chai';
import type { ServerConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { type RunningServer, startServer } from '../server.js';
import { sessionHeaders, testUser } from '../staff/staff.test-support.js';
import { addedOffice } from './added-offices.js';
import { insertProvinceOffice } from './offices-store.js';
import { provinceConfig } from './province-config.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-office-cookies-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const config = (overrides: Partial<ServerConfig>): ServerConfig =>
  provinceConfig(dir, { databaseUrl: undefined, ...overrides });

/** A cookie as a Set-Cookie header sets it: name, value and attributes (lower-case names). */
function parseSetCookie(header: string) {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  const attrs = new Map(
    attributes.map((a) => {
      const eq = a.indexOf('=');
      return eq === -1 ? [a.toLowerCase(), ''] : [a.slice(0, eq).toLowerCase(), a.slice(eq + 1)];
    }),
  );
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attrs };
}

/**
 * A browser's cookies for one host, as far as these cookies go: every cookie the server sets is host-only with
 * `Path=/` (checked on each), so each one goes with every request to the host, by name; `Max-Age=0` removes one.
 */
class CookieJar {
  readonly cookies = new Map<string, string>();
  /** The Set-Cookie headers of the last answer. */
  lastSet: ReturnType<typeof parseSetCookie>[] = [];

  keep(res: Response): void {
    this.lastSet = res.headers.getSetCookie().map(parseSetCookie);
    for (const cookie of this.lastSet) {
      expect(cookie.attrs.get('path'), cookie.name).to.equal('/');
      expect(cookie.attrs.has('domain'), cookie.name).to.equal(false);
      expect(cookie.attrs.has('httponly'), cookie.name).to.equal(true);
      expect(cookie.attrs.get('samesite'), cookie.name).to.equal('Strict');
      if (cookie.attrs.get('max-age') === '0') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A page of the server's own origin calling the API with the browser's cookies. */
function browser(server: RunningServer, jar = new CookieJar()) {
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(new URL(path, server.url), {
      method,
      headers: {
        'sec-fetch-site': 'same-origin',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(jar.cookies.size > 0 ? { cookie: jar.header() } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    jar.keep(res);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    jar,
    send,
    signIn: (office: string) =>
      send('POST', `o/${office}/api/session`, { username: 'dung', password: 'password-of-dung' }),
    signOut: (office: string) => send('DELETE', `o/${office}/api/session`),
    /** The office and roles the browser is signed in with at `office`, or the status. */
    session: async (office: string) => {
      const res = await send('GET', `o/${office}/api/session`);
      const view = readSessionView(res.body);
      return res.status === 200 && view ? `${view.office}: ${view.roles.join(', ')}` : res.status;
    },
  };
}

/**
 * A browser that kept a session of xa-a's officer under the shared cookie name, as from before each office had its own
 * cookie: the browser, its jar and that cookie (`motcua_session=…`).
 */
async function browserFromBeforeTheUpgrade(db: Database, server: RunningServer) {
  const dungA = await testUser(db, 'xa-a', 'dung-cu', ['officer']);
  const old = (await sessionHeaders(db, dungA, Date.now())).cookie as string;
  const jar = new CookieJar();
  jar.cookies.set('motcua_session', old.slice('motcua_session='.length));
  return { old, jar, b: browser(server, jar) };
}

/** GET `path` with exactly this Cookie header. */
async function statusWith(server: RunningServer, path: string, cookie: string): Promise<number> {
  return (await fetch(new URL(path, server.url), { headers: { cookie } })).status;
}

const REPORT = 'api/reports/queue?from=2026-01-01&to=2026-01-31';

for (const target of TEST_DATABASES) {
  describe(`a person working in two offices of one province instance, in one browser, on ${target.name}`, () => {
    /** A province instance: xa-a configured, xa-b added to the province's list while it runs. */
    const province = async (db: Database) => {
      const server = await startServer(
        config({
          offices: [{ office: addedOffice('xa-a', { vi: 'UBND xã A', en: 'A' }), catalogue: undefined, hosts: [] }],
        }),
        { db, officeRecheckMs: 0 },
      );
      await insertProvinceOffice(db, { id: 'xa-b', name: { vi: 'UBND xã B', en: 'B' }, createdAt: 0 });
      // An account in each office, with that office's roles.
      await testUser(db, 'xa-a', 'dung', ['officer']);
      await testUser(db, 'xa-b', 'dung', ['leader']);
      return server;
    };

    it('holds a session at each office at once, each with its roles, and signing out of one leaves the other', async () => {
      const db = await target.open();
      let server: RunningServer | undefined;
      try {
        await migrate(db);
        server = await province(db);
        const b = browser(server);
        expect((await b.signIn('xa-a')).status).to.equal(200);
        expect(b.jar.lastSet.map((c) => c.name)).to.deep.equal(['motcua_session.xa-a']);
        // xa-b was added while the instance runs: its app names its cookie after it too.
        const atB = await b.signIn('xa-b');
        expect([atB.status, atB.body.office, atB.body.roles]).to.deep.equal([200, 'xa-b', ['leader']]);
        expect(b.jar.lastSet.map((c) => c.name)).to.deep.equal(['motcua_session.xa-b']);
        expect([...b.jar.cookies.keys()]).to.deep.equal(['motcua_session.xa-a', 'motcua_session.xa-b']);
        // Both at once, each with its office's roles: an officer at xa-a, a leader at xa-b.
        expect(await b.session('xa-a')).to.equal('xa-a: officer');
        expect(await b.session('xa-b')).to.equal('xa-b: leader');
        expect((await b.send('GET', 'o/xa-a/api/dossiers')).status).to.equal(200);
        expect((await b.send('GET', `o/xa-a/${REPORT}`)).status).to.equal(403);
        expect((await b.send('GET', `o/xa-b/${REPORT}`)).status).to.equal(200);
        expect((await b.send('GET', 'o/xa-b/api/dossiers')).status).to.equal(403);
        // The cross-site check still covers the office's cookie: a forged counter command or sign-out is refused.
        const crossSite = { 'sec-fetch-site': 'cross-site' };
        const forged = await b.send('POST', 'o/xa-a/api/queue/counters/1/call-next', {}, crossSite);
        expect([forged.status, forged.body.error.code]).to.deep.equal([403, 'cross-site-request']);
        const forgedOut = await b.send('DELETE', 'o/xa-b/api/session', undefined, crossSite);
        expect([forgedOut.status, forgedOut.body.error.code]).to.deep.equal([403, 'cross-site-request']);
        expect(await b.session('xa-b')).to.equal('xa-b: leader');
        // xa-a's session id under xa-b's name (or the shared name) is nobody at xa-b.
        const idA = b.jar.cookies.get('motcua_session.xa-a') as string;
        expect(await statusWith(server, 'o/xa-b/api/session', `motcua_session.xa-b=${idA}`)).to.equal(401);
        expect(await statusWith(server, `o/xa-b/${REPORT}`, `motcua_session.xa-b=${idA}`)).to.equal(401);
        expect(await statusWith(server, 'o/xa-b/api/session', `motcua_session=${idA}`)).to.equal(401);
        expect(await statusWith(server, 'o/xa-a/api/session', `motcua_session.xa-a=${idA}`)).to.equal(200);
        // Signing out of xa-b clears xa-b's cookie only; xa-a's session goes on.
        expect((await b.signOut('xa-b')).status).to.equal(204);
        expect(b.jar.lastSet.map((c) => [c.name, c.attrs.get('max-age')])).to.deep.equal([
          ['motcua_session.xa-b', '0'],
        ]);
        expect(await b.session('xa-b')).to.equal(401);
        expect(await b.session('xa-a')).to.equal('xa-a: officer');
        // Signing in at xa-b again replaces nothing of xa-a's; then signing out of xa-a leaves xa-b.
        expect((await b.signIn('xa-b')).status).to.equal(200);
        expect((await b.signOut('xa-a')).status).to.equal(204);
        expect(await b.session('xa-a')).to.equal(401);
        expect(await b.session('xa-b')).to.equal('xa-b: leader');
        // Ended on the server too: the old cookie, sent again, is nobody.
        expect(await statusWith(server, 'o/xa-a/api/session', `motcua_session.xa-a=${idA}`)).to.equal(401);
      } finally {
        await server?.close();
        if (!server) await db.close();
      }
    });

    it('still reads a shared-name cookie set before the upgrade, at its own office only', async () => {
      const db = await target.open();
      let server: RunningServer | undefined;
      try {
        await migrate(db);
        server = await province(db);
        // A session of xa-a under the shared name, as the browser kept it from before the upgrade.
        const { old, jar, b } = await browserFromBeforeTheUpgrade(db, server);
        expect(old).to.match(/^motcua_session=/);
        expect(await b.session('xa-a')).to.equal('xa-a: officer');
        expect(await b.session('xa-b')).to.equal(401);
        // Signing in at xa-b adds xa-b's cookie and leaves the shared one (xa-a's session) alone.
        expect((await b.signIn('xa-b')).status).to.equal(200);
        expect([...jar.cookies.keys()]).to.deep.equal(['motcua_session', 'motcua_session.xa-b']);
        expect(await b.session('xa-a')).to.equal('xa-a: officer');
        expect(await b.session('xa-b')).to.equal('xa-b: leader');
        // Signing out of xa-b does not clear the shared name, which holds xa-a's session.
        expect((await b.signOut('xa-b')).status).to.equal(204);
        expect(jar.lastSet.map((c) => c.name)).to.deep.equal(['motcua_session.xa-b']);
        expect(await b.session('xa-a')).to.equal('xa-a: officer');
        // Signing out of xa-a, whose session the shared name held, clears it too.
        expect((await b.signOut('xa-a')).status).to.equal(204);
        expect(jar.lastSet.map((c) => c.name)).to.deep.equal(['motcua_session.xa-a', 'motcua_session']);
        expect(jar.cookies.size).to.equal(0);
        expect(await statusWith(server, 'o/xa-a/api/session', old)).to.equal(401);
      } finally {
        await server?.close();
        if (!server) await db.close();
      }
    });

    it('a new sign-in at the office whose session the shared name held ends it and clears the shared name', async () => {
      const db = await target.open();
      let server: RunningServer | undefined;
      try {
        await migrate(db);
        server = await province(db);
        const { old, jar, b } = await browserFromBeforeTheUpgrade(db, server);
        expect((await b.signIn('xa-a')).status).to.equal(200);
        expect(jar.lastSet.map((c) => [c.name, c.attrs.get('max-age')])).to.deep.equal([
          ['motcua_session.xa-a', '43200'],
          ['motcua_session', '0'],
        ]);
        expect(await b.session('xa-a')).to.equal('xa-a: officer');
        expect(await statusWith(server, 'o/xa-a/api/session', old)).to.equal(401);
      } finally {
        await server?.close();
        if (!server) await db.close();
      }
    });
  });
}

describe('a server serving one office', () => {
  it('keeps the shared cookie name motcua_session', async () => {
    const db = await (TEST_DATABASES[0] as (typeof TEST_DATABASES)[number]).open();
    let server: RunningServer | undefined;
    try {
      await migrate(db);
      server = await startServer(config({ office: addedOffice('xa-mot', { vi: 'UBND xã Một', en: 'Mot' }) }), { db });
      await testUser(db, 'xa-mot', 'dung', ['officer']);
      const jar = new CookieJar();
      const res = await fetch(new URL('api/session', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ username: 'dung', password: 'password-of-dung' }),
      });
      expect(res.status).to.equal(200);
      jar.keep(res);
      expect(jar.lastSet.map((c) => c.name)).to.deep.equal(['motcua_session']);
      expect(await statusWith(server, 'api/session', jar.header())).to.equal(200);
    } finally {
      await server?.close();
      if (!server) await db.close();
    }
  });
});
