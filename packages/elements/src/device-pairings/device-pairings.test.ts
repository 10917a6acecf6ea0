import type { DeviceView, PairingApproval, PendingPairing } from '@motcua/core/staff';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MotcuaDevicePairings } from './device-pairings.js';
import './device-pairings.js';

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}
let sent: Sent[] = [];
const realFetch = globalThis.fetch;
const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
const apiError = (status: number, code: string, vi: string, en: string, problems: unknown[] = []) =>
  json(status, { error: { code, message: { vi, en }, ...(problems.length ? { problems } : {}) } });

/**
 * An office's devices API as the server answers it (packages/server/src/devices): waiting codes, paired devices, an
 * approval that takes a code off the waiting list (the device appears when it collects its credential: `collect`),
 * a rejection that drops it, a revocation that stamps the device.
 */
function office(
  options: { pending?: PendingPairing[]; devices?: DeviceView[]; refuse?: Record<string, Response> } = {},
) {
  const pending = [...(options.pending ?? [])];
  const devices = [...(options.devices ?? [])];
  const refuse = options.refuse ?? {};
  const approved = new Map<string, PairingApproval>();
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), location.href).pathname;
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method, path, body });
    const refused = refuse[`${method} ${path}`];
    if (refused) return refused.clone();
    if (method === 'GET' && path === '/api/admin/settings') {
      return json(200, {
        version: 1,
        settings: {
          queue: {
            services: [],
            counters: [
              { id: '1', services: [] },
              { id: '2', label: '2B', services: [] },
            ],
          },
        },
      });
    }
    if (method === 'GET' && path === '/api/devices/pairings') return json(200, { pairings: pending });
    if (method === 'GET' && path === '/api/devices') return json(200, { devices });
    const decided = /^\/api\/devices\/pairings\/(\w+)\/(approve|reject)$/.exec(path);
    if (method === 'POST' && decided) {
      const at = pending.findIndex((p) => p.code === decided[1]);
      if (at < 0) return apiError(404, 'unknown-pairing', 'Không có yêu cầu ghép nối nào', 'No pairing waits');
      pending.splice(at, 1);
      if (decided[2] === 'approve') approved.set(decided[1] as string, body as PairingApproval);
      return json(204);
    }
    const revoked = /^\/api\/devices\/([\w-]+)$/.exec(path);
    if (method === 'DELETE' && revoked) {
      const at = devices.findIndex((d) => d.id === revoked[1]);
      if (at < 0)
        return apiError(404, 'unknown-device', 'Cơ quan không có thiết bị này', 'The office has no such device');
      devices[at] = { ...(devices[at] as DeviceView), revokedAt: '2026-12-09T03:00:00.000Z' };
      return json(204);
    }
    return apiError(404, 'not-found', 'Không có', 'Not found');
  }) as typeof fetch;
  /** The device that showed `code` collects its credential after the approval: it is paired. */
  return {
    collect(code: string): void {
      const approval = approved.get(code);
      if (approval) devices.unshift({ id: `d-${code}`, ...approval, createdAt: '2026-12-09T02:05:00.000Z' });
    },
  };
}

const waiting = (code: string): PendingPairing => ({
  code,
  requestedAt: '2026-12-09T02:00:00.000Z',
  expiresAt: '2026-12-09T02:10:00.000Z',
});
const kiosk: DeviceView = {
  id: 'd-kiosk',
  name: 'Ki-ốt sảnh',
  kind: 'kiosk',
  createdAt: '2026-12-01T01:00:00.000Z',
  lastSeenAt: '2026-12-09T01:30:00.000Z',
};

const shown = (el: Element): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settle = (el: Element, text: string) =>
  waitUntil(() => shown(el).includes(text), `shows "${text}"; shows: ${shown(el)}`, { timeout: 3000 });
const item = (el: Element, selector: string) => el.shadowRoot?.querySelector(selector) as HTMLElement;
const press = (scope: Element | ShadowRoot, text: string) => {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}" in ${scope.textContent}`);
  found.click();
};
const choose = (field: HTMLInputElement | HTMLSelectElement, value: string, type: 'input' | 'change') => {
  field.value = value;
  field.dispatchEvent(new Event(type));
};
const mount = (markup = html`<motcua-device-pairings poll="0"></motcua-device-pairings>`) =>
  fixture<MotcuaDevicePairings>(markup);

describe('<motcua-device-pairings>', () => {
  beforeEach(() => {
    sent = [];
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('lists the waiting codes big, as the device shows them, and the paired devices, in Vietnamese, accessible', async () => {
    office({ pending: [waiting('KX794M')], devices: [kiosk] });
    const el = await mount();
    await settle(el, 'KX7-94M');
    expect(item(el, '[part="code"]').textContent).to.equal('KX7-94M');
    expect(shown(el))
      .to.include('Yêu cầu ghép nối đang chờ')
      .and.include('Yêu cầu lúc 09:00 09/12, hết hạn lúc 09:10 09/12')
      .and.include('Ki-ốt sảnh — Ki-ốt lấy số')
      .and.include('Hoạt động gần nhất: 08:30 09/12');
    expect(parseFloat(getComputedStyle(item(el, '[part="code"]')).fontSize)).to.be.at.least(32);
    for (const target of el.shadowRoot?.querySelectorAll('button, input, select') ?? []) {
      expect(target.getBoundingClientRect().height, target.outerHTML).to.be.at.least(44);
    }
    await expect(el).to.be.accessible();
  });

  it('approves a counter tablet with its name and counter: the code leaves the waiting list for the devices', async () => {
    const server = office({ pending: [waiting('KX794M'), waiting('ACD347')] });
    const el = await mount();
    await settle(el, 'KX7-94M');
    const li = item(el, '[data-code="KX794M"]');
    choose(li.querySelector('select[name="kind"]') as HTMLSelectElement, 'counter', 'change');
    await el.updateComplete;
    const counter = li.querySelector('select[name="counter"]') as HTMLSelectElement;
    expect([...counter.options].map((o) => o.textContent?.trim())).to.deep.equal(['Quầy 1', 'Quầy 2B']);
    choose(counter, '2', 'change');
    choose(li.querySelector('input[name="name"]') as HTMLInputElement, ' Máy tính bảng quầy 2 ', 'input');
    await el.updateComplete;
    const decided = oneEvent(el, 'motcua-pairing-decided');
    press(li, 'Duyệt');
    const approval = { name: 'Máy tính bảng quầy 2', kind: 'counter', counter: '2' };
    expect((await decided).detail).to.deep.equal({ code: 'KX794M', approved: true, approval });
    expect(sent.find((s) => s.method === 'POST')).to.deep.equal({
      method: 'POST',
      path: '/api/devices/pairings/KX794M/approve',
      body: approval,
    });
    await settle(el, 'Đã duyệt mã KX7-94M');
    await waitUntil(() => item(el, '[data-code="KX794M"]') === null, 'the approved code leaves the waiting list');
    expect(item(el, '[data-code="ACD347"]')).not.to.equal(null);
    expect(el.shadowRoot?.activeElement).to.equal(item(el, '[part="message"]'));
    server.collect('KX794M');
    press(el.shadowRoot as ShadowRoot, 'Làm mới');
    await settle(el, 'Máy tính bảng quầy 2 — Máy tính bảng tại quầy · Quầy 2B');
    await expect(el).to.be.accessible();
  });

  it('offers a counter tablet on the first counter, and names a device by its kind and code when the admin types no name', async () => {
    office({ pending: [waiting('KX794M'), waiting('ACD347')] });
    const el = await mount();
    await settle(el, 'KX7-94M');
    const tablet = item(el, '[data-code="KX794M"]');
    expect((tablet.querySelector('select[name="kind"]') as HTMLSelectElement).value).to.equal('counter');
    expect((tablet.querySelector('select[name="counter"]') as HTMLSelectElement).value).to.equal('1');
    press(tablet, 'Duyệt');
    await settle(el, 'Đã duyệt');
    expect(sent.find((s) => s.method === 'POST')?.body).to.deep.include({ kind: 'counter', counter: '1' });
    const kiosk = item(el, '[data-code="ACD347"]');
    choose(kiosk.querySelector('select[name="kind"]') as HTMLSelectElement, 'kiosk', 'change');
    await el.updateComplete;
    press(kiosk, 'Duyệt');
    await settle(el, 'Đã duyệt mã ACD-347');
    expect(sent.filter((s) => s.method === 'POST')[1]?.body).to.deep.equal({
      name: 'Ki-ốt lấy số ACD-347',
      kind: 'kiosk',
    });
  });

  it('offers first the kind a device said it is (a board): the admin approves it as that', async () => {
    office({ pending: [{ ...waiting('PQ3R7T'), requestedKind: 'board' }] });
    const el = await mount();
    await settle(el, 'PQ3-R7T');
    const board = item(el, '[data-code="PQ3R7T"]');
    expect((board.querySelector('select[name="kind"]') as HTMLSelectElement).value).to.equal('board');
    expect(board.querySelector('select[name="counter"]'), 'no counter for a board').to.equal(null);
    press(board, 'Duyệt');
    await settle(el, 'Đã duyệt mã PQ3-R7T');
    expect(sent.find((s) => s.method === 'POST')?.body).to.deep.include({ kind: 'board' });
    await expect(el).to.be.accessible();
  });

  it('rejects a code nobody expected', async () => {
    office({ pending: [waiting('KX794M')] });
    const el = await mount();
    await settle(el, 'KX7-94M');
    const decided = oneEvent(el, 'motcua-pairing-decided');
    press(item(el, '[data-code="KX794M"]'), 'Từ chối');
    expect((await decided).detail).to.deep.equal({ code: 'KX794M', approved: false });
    await settle(el, 'Đã từ chối mã KX7-94M');
    expect(sent.filter((s) => s.method === 'POST').map((s) => [s.path, s.body])).to.deep.equal([
      ['/api/devices/pairings/KX794M/reject', undefined],
    ]);
    await settle(el, 'Không có yêu cầu nào đang chờ');
  });

  it('revokes a device only after a confirmation, which can be cancelled from the keyboard', async () => {
    office({ devices: [kiosk] });
    const el = await mount();
    await settle(el, 'Ki-ốt sảnh');
    const li = item(el, '[data-id="d-kiosk"]');
    press(li, 'Thu hồi');
    await el.updateComplete;
    expect(shown(el)).to.include('Thu hồi “Ki-ốt sảnh”?');
    expect(el.shadowRoot?.activeElement?.textContent?.trim()).to.equal('Hủy');
    await expect(el).to.be.accessible();
    press(li, 'Hủy');
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.textContent?.trim()).to.equal('Thu hồi');
    expect(sent.some((s) => s.method === 'DELETE')).to.equal(false);
    press(li, 'Thu hồi');
    await el.updateComplete;
    const revoked = oneEvent(el, 'motcua-device-revoked');
    press(li, 'Thu hồi ngay');
    expect((await revoked).detail).to.deep.equal({ id: 'd-kiosk', name: 'Ki-ốt sảnh' });
    expect(sent.filter((s) => s.method === 'DELETE').map((s) => s.path)).to.deep.equal(['/api/devices/d-kiosk']);
    await settle(el, 'Đã thu hồi lúc 10:00 09/12');
    expect(item(el, '[data-id="d-kiosk"] button')).to.equal(null);
  });

  it('shows the server’s refusal with its message and problems, in the element’s language', async () => {
    office({
      pending: [waiting('KX794M')],
      refuse: {
        'POST /api/devices/pairings/KX794M/approve': apiError(
          400,
          'invalid-input',
          'Dữ liệu gửi lên không hợp lệ',
          'The request is not valid',
          [{ path: '$.counter', code: 'too-small', message: { vi: 'Cần mã quầy', en: 'A counter is needed' } }],
        ),
      },
    });
    const el = await mount(html`<motcua-device-pairings poll="0" lang="en"></motcua-device-pairings>`);
    await settle(el, 'Pairing requests waiting');
    expect(shown(el)).to.include('Requested at 09:00 09/12').and.include('No device is paired yet.');
    press(item(el, '[data-code="KX794M"]'), 'Approve');
    await settle(el, 'The request is not valid');
    expect(item(el, '[part="message"]').getAttribute('role')).to.equal('alert');
    expect(shown(el)).to.include('$.counter: A counter is needed');
    expect(item(el, '[data-code="KX794M"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks to sign in without an admin session, and says so for an account that is not an admin’s', async () => {
    office({
      refuse: {
        'GET /api/devices/pairings': apiError(401, 'not-signed-in', 'Cần đăng nhập', 'Signing in is needed'),
        'GET /api/devices': apiError(401, 'not-signed-in', 'Cần đăng nhập', 'Signing in is needed'),
      },
    });
    const el = await mount(html`<motcua-device-pairings sign-in-href="#dang-nhap"></motcua-device-pairings>`);
    await settle(el, 'Cần đăng nhập bằng tài khoản quản trị viên');
    expect(item(el, 'a').getAttribute('href')).to.equal('#dang-nhap');
    await expect(el).to.be.accessible();
    office({ refuse: { 'GET /api/devices': apiError(403, 'forbidden', 'Không có quyền', 'Forbidden') } });
    const officer = await mount();
    await settle(officer, 'Tài khoản này không có vai trò quản trị viên');
  });

  it('refreshes by itself every `poll` seconds: a code a device just showed appears', async () => {
    const pending: PendingPairing[] = [];
    office({ pending });
    const el = await mount(html`<motcua-device-pairings poll="0.2"></motcua-device-pairings>`);
    await settle(el, 'Không có yêu cầu nào đang chờ');
    // The fake office keeps its own copy: a new one with the code stands for the device asking now.
    office({ pending: [waiting('QRT679')] });
    await settle(el, 'QRT-679');
    el.remove();
  });

  it('takes every string from an override', async () => {
    office();
    const el = await mount(
      html`<motcua-device-pairings poll="0" .strings=${{ vi: { title: 'Thiết bị của xã' } }}></motcua-device-pairings>`,
    );
    await settle(el, 'Thiết bị của xã');
  });
});
