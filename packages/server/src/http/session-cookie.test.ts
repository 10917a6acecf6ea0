import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Hono } from 'hono';
import { OFFICE_ID_PATTERN } from '../office/office.js';
import { type SessionCookie, SHARED_SESSION_COOKIE, sessionCookieOf } from './session-cookie.js';

const ID = 'A'.repeat(43);
const OTHER = 'B'.repeat(43);

/** An app that sets, reads and clears `cookie`. */
function appOf(cookie: SessionCookie) {
  const app = new Hono();
  app.post('/set', (c) => {
    cookie.set(c, ID, 3600);
    return c.body(null, 204);
  });
  app.get('/read', (c) => c.json({ read: cookie.read(c) ?? null, present: cookie.present(c) }));
  app.delete('/clear/:which', (c) => {
    cookie.clear(c, c.req.param('which') as 'own' | 'shared' | 'both');
    return c.body(null, 204);
  });
  return app;
}

const setCookies = async (res: Response | Promise<Response>) => (await res).headers.getSetCookie();

describe('the session cookie', () => {
  it('of a server serving one office is motcua_session, __Host-motcua_session over TLS', async () => {
    const app = appOf(SHARED_SESSION_COOKIE);
    expect(await setCookies(app.request('http://lan.local/set', { method: 'POST' }))).to.deep.equal([
      `motcua_session=${ID}; Max-Age=3600; Path=/; HttpOnly; SameSite=Strict`,
    ]);
    expect(await setCookies(app.request('https://xa.gov.vn/set', { method: 'POST' }))).to.deep.equal([
      `__Host-motcua_session=${ID}; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Strict`,
    ]);
    const read = await app.request('/read', { headers: { cookie: `motcua_session.xa-a=${OTHER}` } });
    expect(await read.json()).to.deep.equal({ read: null, present: false });
  });

  it('of a province office is named after it, keeps __Host- over TLS, and reads the shared name after its own', async () => {
    const cookie = sessionCookieOf('xa-a');
    expect(cookie.name).to.equal('motcua_session.xa-a');
    const app = appOf(cookie);
    expect(await setCookies(app.request('http://lan.local/set', { method: 'POST' }))).to.deep.equal([
      `motcua_session.xa-a=${ID}; Max-Age=3600; Path=/; HttpOnly; SameSite=Strict`,
    ]);
    expect(await setCookies(app.request('https://tinh.gov.vn/set', { method: 'POST' }))).to.deep.equal([
      `__Host-motcua_session.xa-a=${ID}; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Strict`,
    ]);
    const read = async (cookieHeader: string) =>
      (await app.request('/read', { headers: { cookie: cookieHeader } })).json();
    expect(await read(`motcua_session=${OTHER}; motcua_session.xa-a=${ID}`)).to.deep.equal({
      read: { id: ID, shared: false },
      present: true,
    });
    expect(await read(`__Host-motcua_session=${OTHER}`)).to.deep.equal({
      read: { id: OTHER, shared: true },
      present: true,
    });
    // Another office's cookie is not this office's, however well formed.
    expect(await read(`motcua_session.xa-b=${ID}; motcua_session.xa=${ID}`)).to.deep.equal({
      read: null,
      present: false,
    });
    // A malformed value of its own name falls back to the shared name.
    expect(await read(`motcua_session.xa-a=short; motcua_session=${OTHER}`)).to.deep.equal({
      read: { id: OTHER, shared: true },
      present: true,
    });
    const cleared = async (which: string, url = 'http://lan.local') =>
      (await setCookies(app.request(`${url}/clear/${which}`, { method: 'DELETE' }))).map((c) => c.split('=')[0]);
    expect(await cleared('own')).to.deep.equal(['motcua_session.xa-a']);
    expect(await cleared('shared')).to.deep.equal(['motcua_session']);
    expect(await cleared('both', 'https://tinh.gov.vn')).to.deep.equal([
      'motcua_session.xa-a',
      '__Host-motcua_session.xa-a',
      'motcua_session',
      '__Host-motcua_session',
    ]);
  });

  it('takes every office id as part of a cookie name (an RFC 6265 token), and refuses what is not one', () => {
    for (const id of ['a', 'xa-an-binh', '0', `x${'-'.repeat(62)}`]) {
      expect(OFFICE_ID_PATTERN.test(id), id).to.equal(true);
      expect(sessionCookieOf(id).name).to.equal(`motcua_session.${id}`);
    }
    for (const id of ['xa a', 'xa;a', 'xa=a', 'xã', '', 'a/b']) {
      expect(() => sessionCookieOf(id), id).to.throw('cannot name a cookie');
    }
  });
});
