import type { OfficeSettingsVersion } from '@motcua/core/staff';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MotcuaQueueSettings } from './queue-settings.js';
import './queue-settings.js';

const queue = {
  services: [
    { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' }, numbering: { width: 4 } },
    {
      id: 'dat-dai',
      prefix: 'B',
      name: { vi: 'Đất đai', en: 'Land' },
      windows: [{ from: '07:30', to: '11:30', days: [1, 3] }],
    },
  ],
  counters: [
    { id: '1', label: '1', services: ['ho-tich'] },
    { id: '2', label: '2', services: ['ho-tich', 'dat-dai'] },
  ],
  priorityClasses: [
    { id: 'thuong', name: { vi: 'Thường', en: 'Normal' }, weight: 0 },
    { id: 'uu-tien', name: { vi: 'Ưu tiên', en: 'Priority' }, weight: 1 },
  ],
  defaultPriority: 'thuong',
  ordering: { kind: 'interleave', priority: 1, normal: 2 },
};
const settings = (version: number, q: unknown = queue): OfficeSettingsVersion =>
  ({
    version,
    savedAt: '2026-12-06T09:00:00+07:00',
    savedBy: { kind: 'user', id: 'u1', name: 'Lê Văn Quản' },
    change: version === 1 ? 'bootstrap' : 'queue',
    settings: {
      noAppointment: null,
      calendarOverlays: [],
      queue: q,
      rating: { counter: 'vn-one-stop-rating', qr: 'vn-one-stop-rating' },
    },
  }) as OfficeSettingsVersion;
const services = {
  office: { id: 'demo', name: { vi: 'Xã', en: 'Commune' } },
  services: [
    { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch' }, open: true },
    {
      id: 'dat-dai',
      prefix: 'B',
      name: { vi: 'Đất đai' },
      open: false,
      nextOpening: { date: '2026-12-07', time: '07:30', at: 0 },
    },
  ],
  priorityClasses: [],
  defaultPriority: 'thuong',
};

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}
let sent: Sent[] = [];
const realFetch = globalThis.fetch;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
function serve(routes: Record<string, (body: unknown) => Response>): void {
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), location.href).pathname;
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method, path, body });
    const route = routes[`${method} ${path}`];
    return route ? route(body) : json(404, { error: { code: 'not-found', message: { vi: 'x', en: 'x' } } });
  }) as typeof fetch;
}
const base = {
  'GET /api/admin/settings': () => json(200, settings(3)),
  'GET /api/queue/services': () => json(200, services),
};

const shown = (el: HTMLElement): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settle = (el: HTMLElement, text: string) =>
  waitUntil(() => shown(el).includes(text), `shows "${text}"; shows: ${shown(el)}`, { timeout: 3000 });
const field = <T extends HTMLElement = HTMLInputElement>(el: HTMLElement, name: string) => {
  const found = el.shadowRoot?.querySelector(`[name="${name}"]`);
  if (!found) throw new Error(`no field ${name}`);
  return found as T;
};
const type = async (el: MotcuaQueueSettings, name: string, value: string) => {
  const input = field(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
};
const button = (el: HTMLElement, text: string) => {
  const found = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};
const checkbox = (el: HTMLElement, legend: string, label: string) => {
  const set = [...(el.shadowRoot?.querySelectorAll('fieldset, [role="group"]') ?? [])].find(
    (f) => (f.querySelector('legend')?.textContent?.trim() ?? f.getAttribute('aria-label')) === legend,
  );
  const box = [...(set?.querySelectorAll('label.check') ?? [])].find((l) => l.textContent?.trim() === label);
  if (!box) throw new Error(`no checkbox "${label}" in "${legend}"`);
  return box.querySelector('input') as HTMLInputElement;
};
const puts = () => sent.filter((s) => s.method === 'PUT' && s.path === '/api/admin/settings/queue');
/** The body of the first save. */
const firstPut = <T>() => (puts()[0] as Sent).body as T;

describe('<motcua-queue-settings>', () => {
  beforeEach(() => {
    sent = [];
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('shows the services with their hours and whether each issues now, the counters and the priorities, accessible', async () => {
    serve(base);
    const el = await fixture<MotcuaQueueSettings>(html`<motcua-queue-settings></motcua-queue-settings>`);
    await settle(el, 'Lĩnh vực A — Hộ tịch');
    expect(shown(el)).to.include('Đang cấp số.');
    expect(shown(el)).to.include('Đang dừng cấp số; cấp lại lúc 07:30 ngày 07/12/2026.');
    expect(shown(el)).to.include('Không có khung giờ: cấp số cả ngày');
    expect(field(el, 'services.1.windows.0.from').value).to.equal('07:30');
    expect(checkbox(el, 'Quầy 2', 'B — Đất đai').checked).to.equal(true);
    expect(checkbox(el, 'Quầy 1', 'B — Đất đai').checked).to.equal(false);
    expect(field<HTMLSelectElement>(el, 'defaultPriority').value).to.equal('thuong');
    for (const control of el.shadowRoot?.querySelectorAll('button, input:not([type=checkbox]), select') ?? []) {
      expect(control.getBoundingClientRect().height, control.outerHTML).to.be.at.least(44);
    }
    for (const box of el.shadowRoot?.querySelectorAll('label.check') ?? []) {
      expect(box.getBoundingClientRect().height).to.be.at.least(44);
      expect(box.getBoundingClientRect().width).to.be.at.least(44);
    }
    await expect(el).to.be.accessible();
  });

  it('saves hours with a break, a new service served by a counter, and a closed date, keeping the other fields', async () => {
    serve({
      ...base,
      'PUT /api/admin/settings/queue': (body) => json(201, settings(4, (body as { value: unknown }).value)),
    });
    const el = await fixture<MotcuaQueueSettings>(html`<motcua-queue-settings></motcua-queue-settings>`);
    await settle(el, 'Lĩnh vực A — Hộ tịch');
    // Hộ tịch: 07:30–11:30 and 13:30–17:00, Monday to Friday; Saturday morning too.
    button(el, 'Thêm khung giờ').click();
    await el.updateComplete;
    button(el, 'Thêm khung giờ').click();
    await el.updateComplete;
    await type(el, 'services.0.windows.1.from', '13:30');
    await type(el, 'services.0.windows.1.to', '17:00');
    checkbox(el, 'Khung giờ 1', 'T7').click();
    await el.updateComplete;
    // A new service, Chứng thực (C), called at counter 1.
    button(el, 'Thêm lĩnh vực').click();
    await el.updateComplete;
    await type(el, 'services.2.id', 'chung-thuc');
    await type(el, 'services.2.prefix', 'c');
    await type(el, 'services.2.name.vi', 'Chứng thực');
    await type(el, 'services.2.name.en', 'Certification');
    await type(el, 'services.2.dailyCap', '40');
    checkbox(el, 'Quầy 1', 'C — Chứng thực').click();
    button(el, 'Thêm ngày').click();
    await el.updateComplete;
    await type(el, 'closedDates.0', '2026-12-24');
    const saved = oneEvent(el, 'motcua-settings-saved');
    button(el, 'Lưu lĩnh vực, quầy và giờ cấp số').click();
    expect((await saved).detail).to.deep.equal({ version: 4, change: 'queue' });
    const put = firstPut<{ expectedVersion: number; value: typeof queue & Record<string, unknown> }>();
    expect(put.expectedVersion).to.equal(3);
    expect(put.value.services[0]).to.deep.equal({
      numbering: { width: 4 },
      id: 'ho-tich',
      prefix: 'A',
      name: { vi: 'Hộ tịch', en: 'Civil status' },
      windows: [
        { from: '07:30', to: '11:30', days: [1, 2, 3, 4, 5, 6] },
        { from: '13:30', to: '17:00', days: [1, 2, 3, 4, 5] },
      ],
    });
    expect(put.value.services[1]?.windows).to.deep.equal([{ from: '07:30', to: '11:30', days: [1, 3] }]);
    expect(put.value.services[2]).to.deep.equal({
      id: 'chung-thuc',
      prefix: 'C',
      name: { vi: 'Chứng thực', en: 'Certification' },
      dailyCap: 40,
    });
    expect(put.value.counters[0]).to.deep.equal({ id: '1', label: '1', services: ['ho-tich', 'chung-thuc'] });
    expect(put.value.closedDates).to.deep.equal(['2026-12-24']);
    expect(put.value.ordering).to.deep.equal(queue.ordering);
    expect(put.value.priorityClasses).to.deep.equal(queue.priorityClasses);
    await settle(el, 'Đã lưu: phiên bản cài đặt 4');
    // The saved version is the element's; the new service is no longer new, the issuing states are read again.
    expect(el.settings?.version).to.equal(4);
    await settle(el, 'Lĩnh vực C — Chứng thực');
    expect(sent.filter((s) => s.path === '/api/queue/services')).to.have.length(2);
  });

  it('removes a service from the counters that called it, and adds a counter', async () => {
    serve({
      ...base,
      'PUT /api/admin/settings/queue': (body) => json(201, settings(4, (body as { value: unknown }).value)),
    });
    const el = await fixture<MotcuaQueueSettings>(html`<motcua-queue-settings></motcua-queue-settings>`);
    await settle(el, 'Lĩnh vực A — Hộ tịch');
    button(el, 'Xóa lĩnh vực Đất đai').click();
    button(el, 'Thêm quầy').click();
    await el.updateComplete;
    checkbox(el, 'Quầy 3', 'A — Hộ tịch').click();
    button(el, 'Lưu lĩnh vực, quầy và giờ cấp số').click();
    await settle(el, 'Đã lưu');
    const value = firstPut<{ value: typeof queue }>().value;
    expect(value.services.map((s) => s.id)).to.deep.equal(['ho-tich']);
    expect(value.counters).to.deep.equal([
      { id: '1', label: '1', services: ['ho-tich'] },
      { id: '2', label: '2', services: ['ho-tich'] },
      { id: '3', label: '3', services: ['ho-tich'] },
    ]);
  });

  it('shows a refused save’s problems at their fields, in the page’s language', async () => {
    serve({
      ...base,
      'PUT /api/admin/settings/queue': () =>
        json(400, {
          error: {
            code: 'invalid-input',
            message: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
            problems: [
              {
                path: '$.value.services[0].prefix',
                code: 'invalid-prefix',
                message: { vi: 'Chữ đầu phải là 1–3 chữ cái A–Z', en: 'The prefix must be 1–3 letters A–Z' },
              },
              {
                path: '$.value.services[1].windows[0].to',
                code: 'invalid-window',
                message: { vi: 'Giờ kết thúc phải sau giờ bắt đầu', en: 'The end must come after the start' },
              },
            ],
          },
        }),
    });
    const el = await fixture<MotcuaQueueSettings>(html`<motcua-queue-settings></motcua-queue-settings>`);
    await settle(el, 'Lĩnh vực A — Hộ tịch');
    await type(el, 'services.0.prefix', 'A1');
    await type(el, 'services.1.windows.0.to', '07:00');
    button(el, 'Lưu lĩnh vực, quầy và giờ cấp số').click();
    await settle(el, '$.value.services[0].prefix: Chữ đầu phải là 1–3 chữ cái A–Z');
    const prefix = field(el, 'services.0.prefix');
    expect(prefix.getAttribute('aria-invalid')).to.equal('true');
    const described = el.shadowRoot?.getElementById(prefix.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent?.trim()).to.equal('Chữ đầu phải là 1–3 chữ cái A–Z');
    expect(field(el, 'services.1.windows.0.to').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'services.0.name.vi').hasAttribute('aria-invalid')).to.equal(false);
    await expect(el).to.be.accessible();
    // What was typed stays, and nothing was saved.
    expect(field(el, 'services.0.prefix').value).to.equal('A1');
    el.lang = 'en';
    await el.updateComplete;
    expect(shown(el)).to.include('The prefix must be 1–3 letters A–Z');
    expect(shown(el)).to.include('Services that issue tickets');
  });

  it('says a stale save was refused and starts again from the version another admin saved', async () => {
    let version = 3;
    serve({
      ...base,
      'GET /api/admin/settings': () => json(200, settings(version)),
      'PUT /api/admin/settings/queue': () =>
        json(409, { error: { code: 'stale-version', message: { vi: 'cũ', en: 'stale' } } }),
    });
    const el = await fixture<MotcuaQueueSettings>(html`<motcua-queue-settings></motcua-queue-settings>`);
    await settle(el, 'Lĩnh vực A — Hộ tịch');
    await type(el, 'services.0.name.vi', 'Hộ tịch (đã sửa)');
    version = 5;
    button(el, 'Lưu lĩnh vực, quầy và giờ cấp số').click();
    await settle(el, 'Người khác vừa lưu cài đặt (phiên bản 5)');
    expect(field(el, 'services.0.name.vi').value).to.equal('Hộ tịch');
    expect(el.settings?.version).to.equal(5);
  });

  it('keeps a changed draft when its host shows a newer version with the same queue, and saves against it', async () => {
    serve({
      ...base,
      'PUT /api/admin/settings/queue': (body) => json(201, settings(5, (body as { value: unknown }).value)),
    });
    const el = await fixture<MotcuaQueueSettings>(
      html`<motcua-queue-settings .settings=${settings(3)}></motcua-queue-settings>`,
    );
    expect(sent.filter((s) => s.path === '/api/admin/settings')).to.deep.equal([]);
    await type(el, 'services.0.prefix', 'H');
    // Another section of the office administration saved version 4: the queue is the same.
    el.settings = settings(4);
    await el.updateComplete;
    expect(field(el, 'services.0.prefix').value).to.equal('H');
    button(el, 'Lưu lĩnh vực, quầy và giờ cấp số').click();
    await settle(el, 'Đã lưu');
    expect(firstPut<{ expectedVersion: number }>().expectedVersion).to.equal(4);
  });

  it('asks to sign in without a session, and says so to an account that is not an admin', async () => {
    serve({
      'GET /api/admin/settings': () => json(401, { error: { code: 'unauthorized', message: { vi: 'x', en: 'x' } } }),
    });
    const el = await fixture<MotcuaQueueSettings>(
      html`<motcua-queue-settings sign-in-href="/dang-nhap.html"></motcua-queue-settings>`,
    );
    await settle(el, 'Hãy đăng nhập');
    expect(el.shadowRoot?.querySelector('a')?.getAttribute('href')).to.equal('/dang-nhap.html');
    await expect(el).to.be.accessible();
    serve({
      'GET /api/admin/settings': () => json(403, { error: { code: 'forbidden', message: { vi: 'x', en: 'x' } } }),
    });
    const other = await fixture<MotcuaQueueSettings>(html`<motcua-queue-settings></motcua-queue-settings>`);
    await settle(other, 'không có quyền quản trị');
  });

  it('takes every string from an override, and renders hostile names as text', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">';
    serve({
      ...base,
      'GET /api/admin/settings': () =>
        json(200, settings(3, { ...queue, services: [{ id: 'x', prefix: 'X', name: { vi: hostile, en: hostile } }] })),
    });
    const el = await fixture<MotcuaQueueSettings>(
      html`<motcua-queue-settings
        .strings=${{ vi: { title: 'Quầy và dịch vụ', addService: 'Dịch vụ mới +' } }}
      ></motcua-queue-settings>`,
    );
    await settle(el, hostile);
    expect(shown(el)).to.include('Quầy và dịch vụ');
    expect(button(el, 'Dịch vụ mới +')).to.exist;
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect(shown(el)).to.include(hostile);
    expect((globalThis as { pwned?: number }).pwned).to.equal(undefined);
  });
});
