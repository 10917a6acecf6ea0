import type { OfficeSettingsVersion } from '@motcua/core/staff';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MotcuaOfficeAdmin } from './office-admin.js';
import './office-admin.js';

const settings = (version: number, extra: Partial<OfficeSettingsVersion['settings']> = {}): OfficeSettingsVersion => ({
  version,
  savedAt: '2026-12-09T09:00:00+07:00',
  savedBy: { kind: 'configuration' },
  change: 'bootstrap',
  settings: {
    noAppointment: null,
    calendarOverlays: [],
    queue: { services: [], counters: [] },
    rating: { counter: 'vn-one-stop-rating', qr: 'vn-one-stop-rating' },
    ...extra,
  },
});
const catalogue = {
  procedures: [
    { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
    { code: '1.004194', name: 'Đăng ký tạm trú' },
  ],
};

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}
let sent: Sent[] = [];
let routes: Record<string, (body: unknown) => Response> = {};
const realFetch = globalThis.fetch;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function serve(table: Record<string, (body: unknown) => Response>): void {
  routes = table;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), location.href).pathname;
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method, path, body });
    const route = routes[`${method} ${path}`];
    return route ? route(body) : json(404, { error: { code: 'not-found', message: { vi: 'x', en: 'x' } } });
  }) as typeof fetch;
}

const shown = (el: MotcuaOfficeAdmin): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settle = (el: MotcuaOfficeAdmin, text: string) =>
  waitUntil(() => shown(el).includes(text), `shows "${text}"; shows: ${shown(el)}`, { timeout: 3000 });
const $ = <T extends Element>(el: MotcuaOfficeAdmin, selector: string) => el.shadowRoot?.querySelector(selector) as T;
const button = (el: MotcuaOfficeAdmin, text: string, section: string) =>
  [...(el.shadowRoot?.querySelectorAll(`section[aria-labelledby="${section}"] button`) ?? [])].find(
    (b) => b.textContent?.trim() === text,
  ) as HTMLButtonElement;
const check = async (el: MotcuaOfficeAdmin, selector: string) => {
  const input = $<HTMLInputElement>(el, selector);
  input.click();
  await el.updateComplete;
};

describe('<motcua-office-admin>', () => {
  beforeEach(() => {
    sent = [];
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('shows the no-appointment day and the calendar in Vietnamese, accessible, with the catalogue’s procedures', async () => {
    serve({
      'GET /api/admin/settings': () => json(200, settings(3)),
      'GET /api/catalogue': () => json(200, catalogue),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Cấp Giấy xác nhận tình trạng hôn nhân');
    expect(shown(el)).to.include('Ngày không hẹn').and.include('Lịch làm việc').and.include('Phiên bản 3');
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await el.updateComplete;
    expect(shown(el)).to.include('No-appointment day');
  });

  it('switches on "Thứ Tư không hẹn" for a procedure from a date, naming the version it was made from', async () => {
    serve({
      'GET /api/admin/settings': () => json(200, settings(3)),
      'GET /api/catalogue': () => json(200, catalogue),
      'PUT /api/admin/settings/no-appointment': (body) =>
        json(201, { ...settings(4, { noAppointment: (body as { value: never }).value }), change: 'no-appointment' }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Cấp Giấy xác nhận tình trạng hôn nhân');
    await check(el, 'section[aria-labelledby="na"] > label input[type="checkbox"]');
    await check(el, 'input[name="weekday"][value="3"]');
    await check(el, 'input[name="procedure"][value="1.004873"]');
    const from = $<HTMLInputElement>(el, 'input[name="from"]');
    from.value = '2026-12-09';
    from.dispatchEvent(new Event('change'));
    const saved = oneEvent(el, 'motcua-settings-saved');
    button(el, 'Lưu', 'na').click();
    expect((await saved).detail).to.deep.equal({ version: 4, change: 'no-appointment' });
    const put = sent.find((s) => s.method === 'PUT');
    expect(put?.body).to.deep.equal({
      expectedVersion: 3,
      value: { weekdays: [3], procedures: ['1.004873'], from: '2026-12-09' },
    });
    await settle(el, 'Đã lưu phiên bản 4');
    await expect(el).to.be.accessible();
  });

  it('shows each problem of a refused change with its place, and reloads after a stale save', async () => {
    let stale = false;
    serve({
      'GET /api/admin/settings': () => json(200, settings(stale ? 5 : 3)),
      'GET /api/catalogue': () => json(200, catalogue),
      'PUT /api/admin/settings/no-appointment': () =>
        stale
          ? json(409, { error: { code: 'stale-version', message: { vi: 'cũ', en: 'stale' } } })
          : json(400, {
              error: {
                code: 'invalid-input',
                message: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
                problems: [
                  {
                    path: '$.value.from',
                    code: 'missing-date',
                    message: { vi: 'Cần ngày bắt đầu áp dụng (YYYY-MM-DD)', en: 'A start date is needed' },
                  },
                ],
              },
            }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Thứ Tư');
    await check(el, 'section[aria-labelledby="na"] > label input[type="checkbox"]');
    button(el, 'Lưu', 'na').click();
    await settle(el, '$.value.from: Cần ngày bắt đầu áp dụng');
    await expect(el).to.be.accessible();
    stale = true;
    button(el, 'Lưu', 'na').click();
    await settle(el, 'phiên bản 5');
    expect(shown(el)).to.include('Phiên bản 5');
  });

  it('previews a calendar change — the days and the open dossiers — before saving it', async () => {
    const preview = {
      days: [
        {
          date: '2027-02-05',
          before: { working: true },
          after: { working: false, name: { vi: 'Nghỉ Tết Nguyên đán', en: 'Lunar New Year' } },
        },
      ],
      dossiers: [
        {
          code: '000.00.00.H00-270201-0001',
          procedure: { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
          receivedAt: '2027-02-01T09:00:00+07:00',
          dueAt: '2027-02-04T17:00:00+07:00',
          recountedDueAt: '2027-02-11T17:00:00+07:00',
        },
      ],
      open: 4,
    };
    serve({
      'GET /api/admin/settings': () => json(200, settings(3)),
      'GET /api/catalogue': () => json(200, catalogue),
      'POST /api/admin/settings/calendar/preview': () => json(200, preview),
      'PUT /api/admin/settings/calendar': (body) =>
        json(201, { ...settings(4, { calendarOverlays: (body as { value: never }).value }), change: 'calendar' }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Lịch làm việc');
    const date = $<HTMLInputElement>(el, 'input[name="local-date"]');
    date.value = '2027-02-05';
    $<HTMLInputElement>(el, 'input[name="local-name"]').value = 'Nghỉ Tết';
    button(el, 'Thêm ngày', 'cal').click();
    await el.updateComplete;
    // Saving before a preview is refused by the page.
    button(el, 'Lưu', 'cal').click();
    await settle(el, 'Hãy xem trước thay đổi trước khi lưu');
    button(el, 'Xem trước thay đổi', 'cal').click();
    await settle(el, '2027-02-05: làm việc → nghỉ (Nghỉ Tết Nguyên đán)');
    expect(shown(el)).to.include('000.00.00.H00-270201-0001');
    expect(sent.find((s) => s.path.endsWith('/preview'))?.body).to.deep.equal({
      value: [
        {
          name: 'Thêm ngày của địa phương',
          localDays: [{ date: '2027-02-05', working: false, name: { vi: 'Nghỉ Tết', en: 'Nghỉ Tết' } }],
        },
      ],
    });
    await expect(el).to.be.accessible();
    button(el, 'Lưu', 'cal').click();
    await settle(el, 'Đã lưu phiên bản 4');
    expect(
      sent.filter((s) => s.method === 'PUT').map((s) => (s.body as { expectedVersion: number }).expectedVersion),
    ).to.deep.equal([3]);
  });

  it('asks to sign in without an admin session', async () => {
    serve({
      'GET /api/admin/settings': () =>
        json(401, { error: { code: 'not-signed-in', message: { vi: 'Cần đăng nhập', en: 'Signing in is needed' } } }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(
      html`<motcua-office-admin sign-in-href="/dang-nhap.html"></motcua-office-admin>`,
    );
    await settle(el, 'Cần đăng nhập bằng tài khoản quản trị viên');
    expect($<HTMLAnchorElement>(el, 'a').getAttribute('href')).to.equal('/dang-nhap.html');
    await expect(el).to.be.accessible();
  });
});
