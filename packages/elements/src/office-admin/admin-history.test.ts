import type { CatalogueVersionView, OfficeSettingsVersion } from '@motcua/core/staff';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MotcuaOfficeAdmin } from './office-admin.js';
import './office-admin.js';

const settings = (version: number, change: OfficeSettingsVersion['change'] = 'bootstrap'): OfficeSettingsVersion => ({
  version,
  savedAt: `2026-12-0${version}T09:00:00+07:00`,
  savedBy:
    change === 'bootstrap' || change === 'import'
      ? { kind: 'configuration' }
      : { kind: 'user', id: 'u1', name: 'Lê Văn Quản' },
  change,
  settings: {
    noAppointment: null,
    calendarOverlays: [],
    queue: { services: [], counters: [] },
    rating: { counter: 'vn-one-stop-rating', qr: 'vn-one-stop-rating' },
  },
});
const catalogueVersion = (version: number, rollbackOf?: number): CatalogueVersionView => ({
  version,
  publishedAt: `2026-12-0${version}T10:00:00+07:00`,
  publishedBy: { kind: 'user', id: 'u1', name: 'Lê Văn Quản' },
  catalogueVersion: `2026-12-0${version}`,
  procedures: 33,
  ...(rollbackOf === undefined ? {} : { rollbackOf }),
});
const problem = (path: string, vi: string, en: string) => ({ path, code: 'invalid', message: { vi, en } });
const diff = {
  added: [{ code: '2.000001', name: 'Chứng thực bản sao từ bản chính' }],
  removed: [{ code: '1.004194', name: 'Đăng ký tạm trú' }],
  changed: [
    {
      code: '1.004873',
      name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
      changes: [
        {
          field: 'statutoryTime',
          before: { value: 5, unit: 'working-days' },
          after: { value: 3, unit: 'working-days' },
        },
        {
          field: 'fees',
          before: [{ kind: 'charge', per: 'case', amount: 0 }],
          after: [{ kind: 'charge', per: 'case', amount: 5000 }],
        },
      ],
    },
  ],
  unchanged: 31,
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

const shown = (el: MotcuaOfficeAdmin): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settle = (el: MotcuaOfficeAdmin, text: string) =>
  waitUntil(() => shown(el).includes(text), `shows "${text}"; shows: ${shown(el)}`, { timeout: 3000 });
const buttons = (el: MotcuaOfficeAdmin, section: string) => [
  ...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>(`section[aria-labelledby="${section}"] button`) ?? []),
];
const button = (el: MotcuaOfficeAdmin, section: string, text: string) => {
  const found = buttons(el, section).find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === text);
  if (!found) throw new Error(`no button "${text}" in ${section}`);
  return found;
};
const paste = async (el: MotcuaOfficeAdmin, text: string) => {
  const area = el.shadowRoot?.querySelector('#catalogue-text') as HTMLTextAreaElement;
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
};
const posts = (path: string) => sent.filter((s) => s.method === 'POST' && s.path === path);

const base = {
  'GET /api/admin/settings': () => json(200, settings(3, 'import')),
  'GET /api/catalogue': () => json(200, { procedures: [] }),
  'GET /api/admin/settings/versions': () =>
    json(200, { versions: [settings(3, 'import'), settings(2, 'no-appointment'), settings(1)] }),
  'GET /api/admin/catalogue/versions': () => json(200, { versions: [catalogueVersion(2), catalogueVersion(1)] }),
};

describe('<motcua-office-admin> catalogue and settings history', () => {
  beforeEach(() => {
    sent = [];
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('shows every problem of a broken CSV import with its row and column, and publishes nothing', async () => {
    serve({
      ...base,
      'POST /api/admin/catalogue/check': () =>
        json(200, {
          ok: false,
          problems: [
            problem('$[3]["Mã thủ tục"]', 'Thiếu mã thủ tục', 'The procedure code is missing'),
            problem('$[4]["Thời hạn giải quyết"]', 'Không đọc được thời hạn', 'The time limit cannot be read'),
          ],
          warnings: [],
          publishedVersion: 2,
        }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Danh mục thủ tục');
    await paste(el, 'Mã thủ tục,Tên thủ tục\n,Đăng ký khai sinh');
    button(el, 'catalogue', 'Kiểm tra danh mục').click();
    await settle(el, '$[3]["Mã thủ tục"]: Thiếu mã thủ tục');
    expect(shown(el)).to.include('$[4]["Thời hạn giải quyết"]: Không đọc được thời hạn');
    expect(posts('/api/admin/catalogue/check')[0]?.body).to.deep.equal({
      format: 'csv',
      text: 'Mã thủ tục,Tên thủ tục\n,Đăng ký khai sinh',
    });
    expect(buttons(el, 'catalogue').some((b) => b.textContent?.trim() === 'Công bố danh mục')).to.equal(false);
    expect(posts('/api/admin/catalogue/publish')).to.have.length(0);
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await el.updateComplete;
    expect(shown(el)).to.include('$[3]["Mã thủ tục"]: The procedure code is missing');
  });

  it('shows a JSON import’s problems at their JSON path', async () => {
    serve({
      ...base,
      'POST /api/admin/catalogue/check': () =>
        json(200, {
          ok: false,
          problems: [problem('$.procedures[0].statutoryTime.unit', 'Đơn vị không hợp lệ', 'Unknown unit')],
          warnings: [],
          publishedVersion: 2,
        }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Danh mục thủ tục');
    await paste(el, '{"procedures": []}');
    button(el, 'catalogue', 'Kiểm tra danh mục').click();
    await settle(el, '$.procedures[0].statutoryTime.unit: Đơn vị không hợp lệ');
    expect(posts('/api/admin/catalogue/check')[0]?.body).to.deep.include({ format: 'json' });
  });

  it('shows the diff — added, withdrawn, time limits and fees — then publishes against the checked version', async () => {
    let published = false;
    serve({
      ...base,
      'POST /api/admin/catalogue/check': () =>
        json(200, { ok: true, problems: [], warnings: [], diff, publishedVersion: 2 }),
      'POST /api/admin/catalogue/publish': () => {
        published = true;
        return json(201, { ...catalogueVersion(3), diff });
      },
      'GET /api/catalogue': () =>
        json(200, { procedures: published ? [{ code: '2.000001', name: 'Chứng thực bản sao từ bản chính' }] : [] }),
      'GET /api/admin/catalogue/versions': () =>
        json(200, {
          versions: [...(published ? [catalogueVersion(3)] : []), catalogueVersion(2), catalogueVersion(1)],
        }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Phiên bản 2 (2026-12-02, 33 thủ tục), Lê Văn Quản, 10:00 02/12/2026');
    await paste(el, '{"procedures": []}');
    button(el, 'catalogue', 'Kiểm tra danh mục').click();
    await settle(el, 'Thủ tục thêm mới (1)');
    expect(shown(el))
      .to.include('2.000001 — Chứng thực bản sao từ bản chính')
      .and.include('Thủ tục bãi bỏ (1)')
      .and.include('Thời hạn giải quyết: 5 ngày làm việc → 3 ngày làm việc')
      .and.include('Phí, lệ phí: 0 đ → 5.000 đ')
      .and.include('31 thủ tục không đổi');
    await expect(el).to.be.accessible();
    button(el, 'catalogue', 'Công bố danh mục').click();
    await settle(el, 'Đã công bố danh mục phiên bản 3');
    expect(posts('/api/admin/catalogue/publish')[0]?.body).to.deep.equal({
      format: 'json',
      text: '{"procedures": []}',
      expectedVersion: 2,
    });
    await settle(el, 'Phiên bản 3 (2026-12-03');
    // The no-appointment day picks from the catalogue just published.
    await settle(el, '2.000001 — Chứng thực bản sao từ bản chính');
  });

  it('says so when another admin published meanwhile, and checks again against the new catalogue', async () => {
    let publishedVersion = 2;
    serve({
      ...base,
      'POST /api/admin/catalogue/check': () =>
        json(200, { ok: true, problems: [], warnings: [], diff, publishedVersion }),
      'POST /api/admin/catalogue/publish': () => {
        return json(409, {
          error: { code: 'stale-version', message: { vi: 'Phiên bản cũ', en: 'Stale version' } },
        });
      },
      'GET /api/admin/catalogue/versions': () =>
        json(200, {
          versions: [
            ...(publishedVersion === 3 ? [catalogueVersion(3)] : []),
            catalogueVersion(2),
            catalogueVersion(1),
          ],
        }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Danh mục thủ tục');
    await paste(el, '{"procedures": []}');
    button(el, 'catalogue', 'Kiểm tra danh mục').click();
    await settle(el, 'phiên bản 2):');
    publishedVersion = 3; // another admin publishes now
    button(el, 'catalogue', 'Công bố danh mục').click();
    await settle(el, 'một quản trị viên khác đã công bố danh mục (phiên bản 3)');
    expect(shown(el))
      .to.include('danh mục đang công bố (phiên bản 3)')
      .and.not.include('Đã công bố danh mục phiên bản');
    expect(posts('/api/admin/catalogue/check')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('compares a first catalogue with the configuration file’s, nothing being published yet', async () => {
    serve({
      ...base,
      'GET /api/admin/catalogue/versions': () => json(200, { versions: [] }),
      'POST /api/admin/catalogue/check': () =>
        json(200, { ok: true, problems: [], warnings: [], diff, publishedVersion: 0 }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Chưa có phiên bản nào');
    await paste(el, 'Mã thủ tục,Tên thủ tục\n2.000001,Chứng thực bản sao từ bản chính');
    button(el, 'catalogue', 'Kiểm tra danh mục').click();
    await settle(el, 'Chưa công bố phiên bản nào; thay đổi so với danh mục của tệp cấu hình');
  });

  it('rolls the catalogue back to an earlier version after a confirmation, with the keyboard', async () => {
    serve({
      ...base,
      'POST /api/admin/catalogue/rollback': () => json(201, { ...catalogueVersion(3, 1), diff }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Phiên bản 1 (2026-12-01');
    expect(() => button(el, 'catalogue', 'Quay lại phiên bản 2')).to.throw(); // the version in force has none
    button(el, 'catalogue', 'Quay lại phiên bản 1').click();
    await settle(el, 'Quay lại phiên bản 1? Một phiên bản mới');
    await waitUntil(() => el.shadowRoot?.activeElement?.textContent?.trim() === 'Đồng ý quay lại', 'focus on "yes"');
    expect(posts('/api/admin/catalogue/rollback')).to.have.length(0);
    await expect(el).to.be.accessible();
    button(el, 'catalogue', 'Huỷ').click();
    await el.updateComplete;
    expect(shown(el)).not.to.include('Quay lại phiên bản 1?');
    await waitUntil(
      () => el.shadowRoot?.activeElement?.getAttribute('aria-label') === 'Quay lại phiên bản 1',
      'focus back on the rollback button',
    );
    button(el, 'catalogue', 'Quay lại phiên bản 1').click();
    await el.updateComplete;
    button(el, 'catalogue', 'Đồng ý quay lại').click();
    await settle(el, 'Đã công bố lại danh mục phiên bản 1 thành phiên bản 3');
    expect(posts('/api/admin/catalogue/rollback')[0]?.body).to.deep.equal({ expectedVersion: 2, version: 1 });
  });

  it('lists the settings versions — the configuration file’s import labelled — and rolls one back', async () => {
    let rolled = false;
    serve({
      ...base,
      'GET /api/admin/settings/versions': () =>
        json(200, {
          versions: [
            ...(rolled ? [{ ...settings(4, 'rollback'), rollbackOf: 2 }] : []),
            settings(3, 'import'),
            settings(2, 'no-appointment'),
            settings(1),
          ],
        }),
      'POST /api/admin/settings/rollback': () => {
        rolled = true;
        return json(201, { ...settings(4, 'rollback'), rollbackOf: 2 });
      },
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Phiên bản 3: Nhập từ tệp cấu hình, tệp cấu hình, 09:00 03/12/2026 (đang áp dụng)');
    expect(shown(el))
      .to.include('Phiên bản 2: Ngày không hẹn, Lê Văn Quản')
      .and.include('Phiên bản 1: Cài đặt ban đầu từ tệp cấu hình');
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await el.updateComplete;
    expect(shown(el)).to.include('Version 3: Imported from the configuration file, the configuration file');
    el.lang = 'vi';
    await el.updateComplete;
    button(el, 'settings-versions', 'Quay lại phiên bản 2').click();
    await el.updateComplete;
    button(el, 'settings-versions', 'Đồng ý quay lại').click();
    await settle(el, 'Đã quay lại cài đặt phiên bản 2: phiên bản mới 4');
    expect(posts('/api/admin/settings/rollback')[0]?.body).to.deep.equal({ expectedVersion: 3, version: 2 });
    await settle(el, 'Phiên bản 4: Quay lại phiên bản cũ, Lê Văn Quản, 09:00 04/12/2026 (quay lại phiên bản 2)');
    expect(shown(el)).to.include('Phiên bản 4, lưu lúc');
  });

  it('refuses a settings rollback another admin overtook, reloading the settings and the list', async () => {
    let newest = 3;
    serve({
      ...base,
      'GET /api/admin/settings': () => json(200, settings(newest, newest === 3 ? 'import' : 'calendar')),
      'GET /api/admin/settings/versions': () =>
        json(200, {
          versions: [
            ...(newest === 4 ? [settings(4, 'calendar')] : []),
            settings(3, 'import'),
            settings(2, 'no-appointment'),
            settings(1),
          ],
        }),
      'POST /api/admin/settings/rollback': () =>
        json(409, { error: { code: 'stale-version', message: { vi: 'cũ', en: 'stale' } } }),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Phiên bản 1: Cài đặt ban đầu');
    newest = 4; // another admin saves the calendar now
    button(el, 'settings-versions', 'Quay lại phiên bản 1').click();
    await el.updateComplete;
    button(el, 'settings-versions', 'Đồng ý quay lại').click();
    await settle(el, 'Người khác vừa thay đổi (phiên bản 4)');
    expect(shown(el)).to.include('Phiên bản 4: Lịch làm việc').and.include('Phiên bản 4, lưu lúc');
    expect(posts('/api/admin/settings/rollback')[0]?.body).to.deep.equal({ expectedVersion: 3, version: 1 });
    await expect(el).to.be.accessible();
  });

  it('hosts the services, counters and hours, whose save becomes the version in force and joins the history', async () => {
    let saved = false;
    const withService = (version: number, change: OfficeSettingsVersion['change']) => {
      const v = settings(version, change);
      const queue = {
        services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
        counters: [{ id: '1', label: '1', services: ['ho-tich'] }],
      };
      return { ...v, settings: { ...v.settings, queue } };
    };
    serve({
      ...base,
      'GET /api/admin/settings': () => json(200, withService(3, 'import')),
      'GET /api/queue/services': () => json(200, { services: [{ id: 'ho-tich', prefix: 'A', name: {}, open: true }] }),
      'GET /api/admin/settings/versions': () =>
        json(200, {
          versions: saved ? [withService(4, 'queue'), withService(3, 'import')] : [withService(3, 'import')],
        }),
      'PUT /api/admin/settings/queue': (body) => {
        saved = true;
        const v = withService(4, 'queue');
        return json(201, { ...v, settings: { ...v.settings, queue: (body as { value: unknown }).value } });
      },
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await waitUntil(() => el.shadowRoot?.querySelector('motcua-queue-settings')?.shadowRoot?.querySelector('input'));
    const inner = el.shadowRoot?.querySelector('motcua-queue-settings') as HTMLElement & {
      updateComplete: Promise<boolean>;
    };
    // It gets the settings from the administration (no request of its own) and speaks its language.
    expect(sent.filter((s) => s.path === '/api/admin/settings')).to.have.length(1);
    const name = inner.shadowRoot?.querySelector('[name="services.0.name.vi"]') as HTMLInputElement;
    name.value = 'Hộ tịch — Chứng thực';
    name.dispatchEvent(new Event('input'));
    const event = oneEvent(el, 'motcua-settings-saved');
    const save = [...(inner.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
      b.textContent?.includes('Lưu lĩnh vực'),
    ) as HTMLButtonElement;
    save.click();
    expect((await event).detail).to.deep.equal({ version: 4, change: 'queue' });
    await settle(el, 'Phiên bản 4, lưu lúc');
    await waitUntil(
      () => buttons(el, 'settings-versions').length === 1,
      'the list reloaded with version 3 to roll back to',
    );
    el.lang = 'en';
    await el.updateComplete;
    await inner.updateComplete;
    expect(inner.shadowRoot?.textContent).to.include('Services that issue tickets');
    await expect(el).to.be.accessible();
  });

  it('takes every history string from an override', async () => {
    serve(base);
    const el = await fixture<MotcuaOfficeAdmin>(
      html`<motcua-office-admin .strings=${{ vi: { 'change-import': 'Nhập lô cài đặt' } }}></motcua-office-admin>`,
    );
    await settle(el, 'Phiên bản 3: Nhập lô cài đặt');
  });
});

describe('<motcua-office-admin> rating instruments and Decision 766 points split', () => {
  const field = <T extends HTMLElement>(el: MotcuaOfficeAdmin, name: string) =>
    el.shadowRoot?.querySelector(`[name="${name}"]`) as T;
  const type = async (el: MotcuaOfficeAdmin, name: string, value: string, event = 'input') => {
    const input = field<HTMLInputElement>(el, name);
    input.value = value;
    input.dispatchEvent(new Event(event));
    await el.updateComplete;
  };
  const puts = (path: string) => sent.filter((s) => s.method === 'PUT' && s.path === path);
  /** The saved version the server answers with: the section's value written into settings(version). */
  const savedWith = (version: number, change: 'rating' | 'scorecard', value: unknown): OfficeSettingsVersion => {
    const v = settings(version, change);
    return { ...v, settings: { ...v.settings, [change]: value } };
  };
  const refused = (path: string, vi: string, en: string) =>
    json(400, {
      error: {
        code: 'invalid-input',
        message: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
        problems: [problem(path, vi, en)],
      },
    });
  const staleAnswer = () => json(409, { error: { code: 'stale-version', message: { vi: 'cũ', en: 'stale' } } });
  /** The text an input's aria-describedby points at. */
  const description = (el: MotcuaOfficeAdmin, name: string) => {
    const id = field(el, name).getAttribute('aria-describedby') ?? '';
    return el.shadowRoot?.getElementById(id)?.textContent?.trim() ?? '';
  };

  beforeEach(() => {
    sent = [];
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('lists each built-in instrument family once and saves the counters’ and the QR form’s choice', async () => {
    serve({
      ...base,
      'PUT /api/admin/settings/rating': (body) => json(201, savedWith(4, 'rating', (body as { value: unknown }).value)),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Bộ câu hỏi đánh giá');
    const options = [...field<HTMLSelectElement>(el, 'counter').options].map((o) => o.value);
    expect(options).to.deep.equal(['vn-one-stop-rating', 'vn-dossier-evaluation', 'vn-sipas', 'csat', 'nps', 'ces']);
    expect(field<HTMLSelectElement>(el, 'qr').value).to.equal('vn-one-stop-rating');
    for (const name of ['counter', 'qr']) expect(field(el, name).getBoundingClientRect().height).to.be.at.least(44);
    await type(el, 'qr', 'vn-dossier-evaluation', 'change');
    const saved = oneEvent(el, 'motcua-settings-saved');
    button(el, 'rating', 'Lưu').click();
    expect((await saved).detail).to.deep.equal({ version: 4, change: 'rating' });
    expect(puts('/api/admin/settings/rating')[0]?.body).to.deep.equal({
      expectedVersion: 3,
      value: { counter: 'vn-one-stop-rating', qr: 'vn-dossier-evaluation' },
    });
    await settle(el, 'Đã lưu phiên bản 4');
    expect(field<HTMLSelectElement>(el, 'qr').value).to.equal('vn-dossier-evaluation');
    await expect(el).to.be.accessible();
  });

  it('shows a refused instrument at its select, and says a stale save was refused', async () => {
    let stale = false;
    serve({
      ...base,
      'GET /api/admin/settings': () => json(200, settings(stale ? 5 : 3, 'import')),
      'PUT /api/admin/settings/rating': () =>
        stale ? staleAnswer() : refused('$.value.qr', 'Không có bộ câu hỏi đánh giá "x"', 'No rating instrument "x"'),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Bộ câu hỏi đánh giá');
    button(el, 'rating', 'Lưu').click();
    await settle(el, '$.value.qr: Không có bộ câu hỏi đánh giá "x"');
    expect(field(el, 'qr').getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, 'qr')).to.equal('Không có bộ câu hỏi đánh giá "x"');
    expect(field(el, 'counter').hasAttribute('aria-invalid')).to.equal(false);
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await el.updateComplete;
    expect(description(el, 'qr')).to.equal('No rating instrument "x"');
    el.lang = 'vi';
    await el.updateComplete;
    stale = true;
    button(el, 'rating', 'Lưu').click();
    await settle(el, 'Người khác vừa lưu thay đổi (phiên bản 5)');
    expect(shown(el)).to.include('Phiên bản 5, lưu lúc');
    expect(field(el, 'qr').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('saves the points split with the share typed in % sent as a fraction, then clears it', async () => {
    serve({
      ...base,
      'GET /api/admin/settings': () =>
        json(
          200,
          savedWith(3, 'scorecard', { indicators: { '3.3': { maxPoints: 4 }, '2.1': { maxPoints: 8, target: 0.9 } } }),
        ),
      'PUT /api/admin/settings/scorecard': (body) => {
        const { expectedVersion, value } = body as { expectedVersion: number; value: unknown };
        return json(201, savedWith(expectedVersion + 1, 'scorecard', value));
      },
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Chia điểm Bộ chỉ số 766');
    expect(shown(el)).to.include('1.2 (4 điểm) và 5.4 (6 điểm)');
    expect(field<HTMLInputElement>(el, '2.1-maxPoints').value).to.equal('8');
    expect(field<HTMLInputElement>(el, '2.1-target').value).to.equal('90');
    expect(field<HTMLInputElement>(el, '3.3-maxPoints').value).to.equal('4');
    expect(field<HTMLInputElement>(el, '3.3-target').placeholder).to.equal('Để trống: 50 %');
    for (const name of ['2.1-maxPoints', '2.1-target', '3.3-maxPoints', '3.3-target']) {
      expect(field(el, name).getBoundingClientRect().height).to.be.at.least(44);
    }
    await type(el, '2.1-maxPoints', '10');
    await type(el, '2.1-target', '100');
    const saved = oneEvent(el, 'motcua-settings-saved');
    button(el, 'scorecard', 'Lưu').click();
    expect((await saved).detail).to.deep.equal({ version: 4, change: 'scorecard' });
    expect(puts('/api/admin/settings/scorecard')[0]?.body).to.deep.equal({
      expectedVersion: 3,
      value: { indicators: { '2.1': { maxPoints: 10, target: 1 }, '3.3': { maxPoints: 4 } } },
    });
    await settle(el, 'Đã lưu phiên bản 4');
    await expect(el).to.be.accessible();
    for (const name of ['2.1-maxPoints', '2.1-target', '3.3-maxPoints']) await type(el, name, '');
    button(el, 'scorecard', 'Lưu').click();
    await settle(el, 'Đã lưu phiên bản 5');
    expect(puts('/api/admin/settings/scorecard')[1]?.body).to.deep.equal({
      expectedVersion: 4,
      value: { indicators: {} },
    });
    expect(field<HTMLInputElement>(el, '2.1-maxPoints').value).to.equal('');
  });

  it('shows a refused split’s problem at its input, and says a stale save was refused', async () => {
    let stale = false;
    serve({
      ...base,
      'GET /api/admin/settings': () => json(200, settings(stale ? 5 : 3, 'import')),
      'PUT /api/admin/settings/scorecard': () =>
        stale
          ? staleAnswer()
          : refused(
              '$.value.indicators["2.1"].maxPoints',
              'Điểm tối đa phải là một số không âm',
              'The full points must be a number, 0 or more',
            ),
    });
    const el = await fixture<MotcuaOfficeAdmin>(html`<motcua-office-admin></motcua-office-admin>`);
    await settle(el, 'Chia điểm Bộ chỉ số 766');
    await type(el, '2.1-target', '95');
    button(el, 'scorecard', 'Lưu').click();
    await settle(el, '$.value.indicators["2.1"].maxPoints: Điểm tối đa phải là một số không âm');
    expect(puts('/api/admin/settings/scorecard')[0]?.body).to.deep.equal({
      expectedVersion: 3,
      value: { indicators: { '2.1': { target: 0.95 } } },
    });
    expect(field(el, '2.1-maxPoints').getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, '2.1-maxPoints')).to.equal('Điểm tối đa phải là một số không âm');
    expect(field(el, '2.1-target').hasAttribute('aria-invalid')).to.equal(false);
    await expect(el).to.be.accessible();
    stale = true;
    button(el, 'scorecard', 'Lưu').click();
    await settle(el, 'Người khác vừa lưu thay đổi (phiên bản 5)');
    expect(shown(el)).to.include('Phiên bản 5, lưu lúc');
  });
});
