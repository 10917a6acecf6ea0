import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MotcuaStaffUsers } from './staff-users.js';
import './staff-users.js';

const realFetch = globalThis.fetch;
let sent: { method: string; path: string; body: unknown }[] = [];

interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  createdAt: string;
}

/** The office's accounts as the server keeps and answers them. */
function server(users: User[], status = 200): void {
  sent = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method, path: url.pathname, body });
    const json = (code: number, value: unknown) =>
      new Response(value === undefined ? null : JSON.stringify(value), {
        status: code,
        headers: { 'content-type': 'application/json' },
      });
    if (status !== 200) return json(status, { error: { code: 'x', message: { vi: 'x', en: 'x' } } });
    if (method === 'GET') return json(200, { users });
    if (url.pathname === '/api/users') {
      if (users.some((u) => u.username === body.username)) {
        return json(409, {
          error: {
            code: 'username-taken',
            message: { vi: 'Tên đăng nhập đã có người dùng', en: 'This username is taken' },
            problems: [{ path: '$.username', code: 'taken', message: { vi: 'đã có', en: 'taken' } }],
          },
        });
      }
      const user = { id: `u${users.length + 1}`, displayName: body.username, ...body, disabled: false, createdAt: 'x' };
      delete user.password;
      users.push(user);
      return json(201, user);
    }
    const id = url.pathname.split('/')[3];
    const user = users.find((u) => u.id === id) as User;
    if (url.pathname.endsWith('/password')) return json(204, undefined);
    Object.assign(user, body);
    return json(200, user);
  }) as typeof fetch;
}

const USERS: User[] = [
  {
    id: 'u1',
    username: 'admin',
    displayName: 'Quản trị',
    roles: ['admin'],
    disabled: false,
    createdAt: '2026-12-01T01:00:00Z',
  },
  {
    id: 'u2',
    username: 'canbo1',
    displayName: 'Trần Thị Cán Bộ',
    roles: ['officer'],
    disabled: false,
    createdAt: '2026-12-01T01:00:00Z',
  },
];

const shown = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const root = (el: Element) => el.shadowRoot as ShadowRoot;
const press = (scope: ParentNode, text: string) => {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  found.click();
};
const type = (el: Element, selector: string, value: string) => {
  const input = root(el).querySelector(selector) as HTMLInputElement;
  input.value = value;
};
const user = (el: Element, username: string) =>
  [...root(el).querySelectorAll('[part="user"]')].find((li) =>
    li.textContent?.includes(`(${username})`),
  ) as HTMLElement;

describe('<motcua-staff-users>', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('lists the accounts and adds one with its roles; the password leaves the page', async () => {
    server(structuredClone(USERS));
    const el = await fixture<MotcuaStaffUsers>(html`<motcua-staff-users></motcua-staff-users>`);
    await waitUntil(() => shown(el).includes('Trần Thị Cán Bộ (canbo1)'), 'the accounts');
    await expect(el).to.be.accessible();
    type(el, '#username', 'canbo3');
    type(el, '#display-name', 'Lê Văn Ba');
    type(el, '#password', 'mot cau de nho 2026');
    (root(el).querySelector('input[name="new-roles"][value="leader"]') as HTMLInputElement).click();
    press(root(el), 'Tạo tài khoản');
    await waitUntil(() => shown(el).includes('Đã tạo tài khoản canbo3.'), 'created');
    expect(sent.find((s) => s.method === 'POST')?.body).to.deep.equal({
      username: 'canbo3',
      displayName: 'Lê Văn Ba',
      password: 'mot cau de nho 2026',
      roles: ['officer', 'leader'],
    });
    expect((root(el).querySelector('#password') as HTMLInputElement).value, 'the password is not kept').to.equal('');
    expect(shown(el)).to.contain('Lê Văn Ba (canbo3)');
    expect(shown(el)).not.to.contain('mot cau de nho 2026');
    for (const target of root(el).querySelectorAll('button, input:not([type="checkbox"]), label.check')) {
      expect((target as HTMLElement).getBoundingClientRect().height).to.be.at.least(44);
    }
  });

  it('says why an account was refused, at its field, and keeps what was typed but the password', async () => {
    server(structuredClone(USERS));
    const el = await fixture<MotcuaStaffUsers>(html`<motcua-staff-users lang="en"></motcua-staff-users>`);
    await waitUntil(() => shown(el).includes('(canbo1)'), 'the accounts');
    type(el, '#username', 'canbo1');
    type(el, '#password', 'mot cau de nho 2026');
    press(root(el), 'Create the account');
    await waitUntil(() => shown(el).includes('This username is taken'), 'refused');
    expect(root(el).querySelector('[part="message"][role="alert"] code')?.textContent).to.equal('$.username');
    expect((root(el).querySelector('#username') as HTMLInputElement).value).to.equal('canbo1');
    expect((root(el).querySelector('#password') as HTMLInputElement).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('changes roles, disables and enables an account, and sets a new password', async () => {
    const users = structuredClone(USERS);
    server(users);
    const el = await fixture<MotcuaStaffUsers>(html`<motcua-staff-users></motcua-staff-users>`);
    await waitUntil(() => shown(el).includes('(canbo1)'), 'the accounts');
    (user(el, 'canbo1').querySelector('input[value="leader"]') as HTMLInputElement).click();
    press(user(el, 'canbo1'), 'Lưu vai trò');
    await waitUntil(() => shown(el).includes('Đã lưu vai trò của canbo1.'), 'roles saved');
    expect(sent.find((s) => s.method === 'PATCH')).to.deep.equal({
      method: 'PATCH',
      path: '/api/users/u2',
      body: { roles: ['officer', 'leader'] },
    });
    press(user(el, 'canbo1'), 'Khóa tài khoản');
    await waitUntil(() => shown(el).includes('Đã khóa tài khoản canbo1'), 'disabled');
    expect(users[1]?.disabled).to.equal(true);
    expect(user(el, 'canbo1').className).to.equal('disabled');
    press(user(el, 'canbo1'), 'Mở khóa');
    await waitUntil(() => shown(el).includes('Đã mở khóa tài khoản canbo1.'), 'enabled');
    (user(el, 'canbo1').querySelector('input[type="password"]') as HTMLInputElement).value = 'mat khau moi 2026';
    press(user(el, 'canbo1'), 'Đặt mật khẩu mới');
    await waitUntil(() => shown(el).includes('Đã đặt mật khẩu mới cho canbo1'), 'password set');
    expect(sent.at(-2)).to.deep.equal({
      method: 'POST',
      path: '/api/users/u2/password',
      body: { password: 'mat khau moi 2026' },
    });
    expect((user(el, 'canbo1').querySelector('input[type="password"]') as HTMLInputElement).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('asks to sign in without a session, and says so for an account that is not an admin', async () => {
    server([], 401);
    const anonymous = await fixture<MotcuaStaffUsers>(
      html`<motcua-staff-users sign-in-href="/dang-nhap.html"></motcua-staff-users>`,
    );
    await waitUntil(() => anonymous.shadowRoot?.querySelector('a[href="/dang-nhap.html"]'), 'the sign-in link');
    await expect(anonymous).to.be.accessible();
    server([], 403);
    const officer = await fixture<MotcuaStaffUsers>(html`<motcua-staff-users></motcua-staff-users>`);
    await waitUntil(() => shown(officer).includes('không phải quản trị viên'), 'forbidden');
  });
});
