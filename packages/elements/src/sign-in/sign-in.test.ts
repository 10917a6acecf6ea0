import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../internal/browser-commands.test-support.js';
import type { MotcuaSignIn } from './sign-in.js';
import './sign-in.js';

// ---- the server's session routes, stubbed at the HTTP boundary ----------------------------------------------------

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly key: string | null;
  readonly authorization: string | null;
}

const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';
const session = (displayName = 'Nguyễn Văn An') => ({
  user: { id: 'u1', username: 'canbo1', displayName },
  office: 'demo',
  roles: ['officer'],
  expiresAt: '2026-12-05T10:00:00.000Z',
  idleExpiresAt: '2026-12-05T02:30:00.000Z',
});
const json = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
const refused = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message: { vi: 'Máy chủ nói', en: 'The server says' } } }, headers);

const realFetch = globalThis.fetch;
let calls: Call[] = [];
let signedIn = false;
/** What `POST /api/session` answers next (default: signs in when the password is `dung-mat-khau`). */
let onPost: ((body: { username: string; password: string }) => Response | Promise<Response>) | undefined;

function stubServer(): void {
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    const path = new URL(String(input)).pathname;
    calls.push({
      method,
      path,
      body,
      key: headers.get('idempotency-key'),
      authorization: headers.get('authorization'),
    });
    if (path !== '/api/session') return json(404);
    if (method === 'GET') return signedIn ? json(200, session()) : refused(401, 'not-signed-in');
    if (method === 'DELETE') {
      const was = signedIn;
      signedIn = false;
      return was ? json(204) : refused(401, 'not-signed-in');
    }
    if (onPost) return onPost(body);
    if (body.password !== 'dung-mat-khau') return refused(401, 'sign-in-failed');
    signedIn = true;
    return json(200, session());
  }) as typeof fetch;
}

const shadow = (el: MotcuaSignIn) => el.shadowRoot as ShadowRoot;
const field = (el: MotcuaSignIn, id: string) =>
  shadow(el).querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;
const errorText = (el: MotcuaSignIn) => shadow(el).querySelector('[part="error"]')?.textContent?.trim() ?? '';

async function signInWith(el: MotcuaSignIn, username: string, password: string): Promise<void> {
  field(el, 'username').value = username;
  field(el, 'password').value = password;
  shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  await el.updateComplete;
}

describe('<motcua-sign-in>', () => {
  beforeEach(() => {
    calls = [];
    signedIn = false;
    onPost = undefined;
    stubServer();
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('asks the server whether the browser is signed in, then shows an accessible form (vi by default)', async () => {
    const el = await fixture<MotcuaSignIn>(html`<motcua-sign-in></motcua-sign-in>`);
    await el.updateComplete;
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal(['GET /api/session']);
    expect(shadow(el).querySelector('h2')?.textContent).to.equal('Đăng nhập cán bộ');
    expect(field(el, 'username').autocomplete).to.equal('username');
    expect(field(el, 'password').autocomplete).to.equal('current-password');
    expect(field(el, 'password').type).to.equal('password');
    for (const target of shadow(el).querySelectorAll('input, button')) {
      const box = target.getBoundingClientRect();
      expect(box.height, target.outerHTML).to.be.at.least(44);
      expect(box.width, target.outerHTML).to.be.at.least(44);
    }
    await expect(el).to.be.accessible();
  });

  it('signs in with the keyboard, fires motcua-signed-in with the session and shows who is signed in', async () => {
    const el = await fixture<MotcuaSignIn>(html`<motcua-sign-in></motcua-sign-in>`);
    await el.updateComplete;
    field(el, 'username').focus();
    await sendKeys({ type: 'canbo1' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'dung-mat-khau' });
    const fired = oneEvent(el, 'motcua-signed-in');
    await sendKeys({ press: 'Enter' });
    const { detail } = await fired;
    await el.updateComplete;
    expect(detail.session.user.displayName).to.equal('Nguyễn Văn An');
    expect(el.session?.roles).to.deep.equal(['officer']);
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).to.deep.equal({ username: 'canbo1', password: 'dung-mat-khau' });
    expect(post?.key).to.match(/^[0-9a-f]{32}$/);
    expect(post?.authorization).to.equal(null);
    expect(shadow(el).querySelector('[part="session"]')?.textContent).to.contain('Đã đăng nhập: Nguyễn Văn An');
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('button sign-out');
    expect(shadow(el).querySelector('#password')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says a wrong username or password without saying which, in English too, and keeps the form', async () => {
    const el = await fixture<MotcuaSignIn>(html`<motcua-sign-in lang="en"></motcua-sign-in>`);
    await el.updateComplete;
    await signInWith(el, 'canbo1', 'sai');
    expect(errorText(el)).to.equal('The username or the password is wrong.');
    expect(field(el, 'password').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).activeElement?.id).to.equal('password');
    expect(el.session).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('says how long to wait when the server throttles sign-ins (429 with Retry-After)', async () => {
    onPost = () => refused(429, 'rate-limited', { 'retry-after': '16' });
    const el = await fixture<MotcuaSignIn>(html`<motcua-sign-in></motcua-sign-in>`);
    await el.updateComplete;
    await signInWith(el, 'canbo1', 'sai');
    expect(errorText(el)).to.equal('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 16 giây.');
  });

  it('says when the server cannot be reached, or fails, and when a field is empty', async () => {
    const el = await fixture<MotcuaSignIn>(html`<motcua-sign-in lang="en"></motcua-sign-in>`);
    await el.updateComplete;
    await signInWith(el, 'canbo1', '');
    expect(errorText(el)).to.equal('Enter the username and the password.');
    expect(calls.filter((c) => c.method === 'POST')).to.have.length(0);
    onPost = () => Promise.reject(new TypeError('Failed to fetch'));
    await signInWith(el, 'canbo1', 'x');
    expect(errorText(el)).to.equal('The server cannot be reached. Check the network and try again.');
    onPost = () => json(503);
    await signInWith(el, 'canbo1', 'x');
    expect(errorText(el)).to.equal('The server could not handle the request (code 503). Please try again.');
  });

  it('stays inside a page-wide form: Enter submits neither the page nor the password to it', async () => {
    let pageSubmits = 0;
    const page = await fixture<HTMLFormElement>(
      html`<form @submit=${(e: Event) => {
        pageSubmits++;
        e.preventDefault();
      }}><motcua-sign-in></motcua-sign-in><input name="q" aria-label="q" /></form>`,
    );
    const el = page.querySelector('motcua-sign-in') as MotcuaSignIn;
    await el.updateComplete;
    field(el, 'username').focus();
    await sendKeys({ type: 'canbo1' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'dung-mat-khau' });
    const fired = oneEvent(el, 'motcua-signed-in');
    await sendKeys({ press: 'Enter' });
    await fired;
    expect(pageSubmits).to.equal(0);
    expect([...new FormData(page).keys()]).to.deep.equal(['q']);
  });

  it('finds a session already open, signs out with DELETE and fires motcua-signed-out', async () => {
    signedIn = true;
    const el = await fixture<MotcuaSignIn>(html`<motcua-sign-in></motcua-sign-in>`);
    await el.updateComplete;
    expect(el.session?.user.username).to.equal('canbo1');
    const out = oneEvent(el, 'motcua-signed-out');
    shadow(el).querySelector<HTMLButtonElement>('[part~="sign-out"]')?.click();
    const { detail } = await out;
    await el.updateComplete;
    expect(detail.session?.user.id).to.equal('u1');
    expect(calls.map((c) => c.method)).to.deep.equal(['GET', 'DELETE']);
    expect(el.session).to.equal(undefined);
    expect(shadow(el).querySelector('[part="status"]')?.textContent).to.contain('Đã đăng xuất.');
    expect(shadow(el).activeElement?.id).to.equal('username');
  });

  it('renders a hostile display name as text, and takes overridden strings', async () => {
    onPost = () => {
      signedIn = true;
      return json(200, session(HOSTILE));
    };
    const el = await fixture<MotcuaSignIn>(
      html`<motcua-sign-in heading="" .strings=${{ vi: { submit: 'Vào', signedInAs: 'Xin chào {name}' } }}></motcua-sign-in>`,
    );
    await el.updateComplete;
    expect(shadow(el).querySelector('h2')).to.equal(null);
    expect(shadow(el).querySelector('button[type="submit"]')?.textContent?.trim()).to.equal('Vào');
    await signInWith(el, 'canbo1', 'x');
    expect(shadow(el).querySelector('[part="session"]')?.textContent).to.contain(`Xin chào ${HOSTILE}`);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((globalThis as { pwned?: number }).pwned).to.equal(undefined);
  });
});
