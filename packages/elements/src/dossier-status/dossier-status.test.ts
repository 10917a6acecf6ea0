import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { forgetAddressSecrets } from '../internal/address-secrets.js';
import { configure, resetConfig } from '../internal/configure.js';
import type { DossierErrorDetail, DossierLoadedDetail, MotcuaDossierStatus } from './dossier-status.js';
import './dossier-status.js';
import { sendKeys, setNotifications } from '../internal/browser-commands.test-support.js';

const CODE = '000.00.00.H00-261109-0001';
const PIN = '246810';
const realFetch = globalThis.fetch;
let urls: string[] = [];

/** The `Dossier-Pin` header of each request, in order. */
let pinHeaders: (string | null)[] = [];

function stubFetch(handler: (url: string, init: RequestInit) => Promise<Response> | Response): void {
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    urls.push(String(input));
    pinHeaders.push(new Headers(init.headers).get('dossier-pin'));
    return handler(String(input), init);
  }) as typeof fetch;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A finished dossier as the server answers it: a supplement pause, an extension with apology, resolved. */
const FINISHED = {
  ratingToken: 'r1.rating.token',
  code: CODE,
  procedure: { code: '1.004222', name: 'Đăng ký thường trú' },
  channel: 'in-person',
  status: 'resolved',
  statusCode: 9,
  receivedAt: '2026-11-09T08:15:00+07:00',
  limit: { value: 7, unit: 'working-days' },
  events: [
    { type: 'supplement-requested', at: '2026-11-10T10:00:00+07:00', reason: 'Thiếu giấy tờ' },
    { type: 'supplement-completed', at: '2026-11-12T09:00:00+07:00' },
    { type: 'extended', at: '2026-11-16T10:00:00+07:00', dueAt: '2026-11-24T17:00:00+07:00', reason: 'Cần xác minh' },
    { type: 'resolved', at: '2026-11-20T10:00:00+07:00' },
  ],
  timeline: [
    { type: 'received', status: 'received', at: '2026-11-09T08:15:00+07:00' },
    { type: 'processing', status: 'processing', at: '2026-11-09T09:00:00+07:00' },
    {
      type: 'supplement-requested',
      status: 'supplement-requested',
      at: '2026-11-10T10:00:00+07:00',
      reason: 'Thiếu giấy tờ',
    },
    { type: 'supplement-completed', status: 'processing', at: '2026-11-12T09:00:00+07:00' },
    {
      type: 'extended',
      status: 'processing',
      at: '2026-11-16T10:00:00+07:00',
      dueAt: '2026-11-24T17:00:00+07:00',
      reason: 'Cần xác minh',
    },
    { type: 'resolved', status: 'resolved', at: '2026-11-20T10:00:00+07:00' },
  ],
  finished: true,
};

/** An open dossier received yesterday with a long limit: in time, with working time left. */
function openDossier(code = CODE) {
  return {
    code,
    procedure: { code: '1.004222', name: 'Đăng ký thường trú' },
    status: 'processing',
    receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
    limit: { value: 30, unit: 'working-days' },
    events: [],
  };
}

const shadow = (el: MotcuaDossierStatus) => el.shadowRoot as ShadowRoot;
const text = (el: MotcuaDossierStatus) => shadow(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
const message = (el: MotcuaDossierStatus) => shadow(el).querySelector('[part="message"]')?.textContent?.trim() ?? '';
const input = (el: MotcuaDossierStatus, id: 'code' | 'pin') => shadow(el).querySelector(`#${id}`) as HTMLInputElement;

async function type(el: MotcuaDossierStatus, id: 'code' | 'pin', value: string): Promise<void> {
  const field = input(el, id);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

async function submit(el: MotcuaDossierStatus): Promise<void> {
  shadow(el).querySelector('form')?.requestSubmit();
  await el.updateComplete;
}

describe('motcua-dossier-status', () => {
  beforeEach(() => {
    urls = [];
    pinHeaders = [];
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    resetConfig();
  });

  it('shows the lookup form, labelled, and is accessible', async () => {
    const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status></motcua-dossier-status>`);
    expect(input(el, 'code').labels?.[0]?.textContent).to.equal('Mã hồ sơ');
    expect(input(el, 'pin').labels?.[0]?.textContent).to.equal('Mã tra cứu (PIN)');
    expect(urls).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('looks a dossier up at the endpoint resolved against apiBase and shows its timeline, dates, pause and apology', async () => {
    configure({ apiBase: 'https://motcua.example.gov.vn/xa/' });
    stubFetch(() => json(200, FINISHED));
    const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status></motcua-dossier-status>`);
    await type(el, 'code', CODE.toLowerCase());
    await type(el, 'pin', PIN);
    const loaded = oneEvent(el, 'motcua-dossier-loaded');
    await submit(el);
    expect((await loaded).detail as DossierLoadedDetail).to.deep.equal({
      code: CODE,
      status: 'resolved',
      finished: true,
    });
    await el.updateComplete;
    // The PIN travels in a header, never in the URL.
    expect(urls).to.deep.equal([`https://motcua.example.gov.vn/xa/api/dossiers/${encodeURIComponent(CODE)}`]);
    expect(pinHeaders).to.deep.equal([PIN]);
    const shown = text(el);
    expect(shown).to.contain('Đăng ký thường trú');
    expect(shown).to.contain('Đã xử lý xong');
    expect(shown).to.contain('08:15');
    expect(shown).to.contain('09/11/2026');
    expect(shown).to.contain('Tạm dừng chờ bổ sung từ');
    expect(shown).to.contain('Cơ quan đã gửi thư xin lỗi và hẹn lại ngày trả kết quả: 17:00 24/11/2026');
    expect(shown).to.contain('Lý do: Cần xác minh');
    expect(shown).to.contain('Hồ sơ được giải quyết');
    const steps = [...shadow(el).querySelectorAll('[part="step"]')];
    expect(steps).to.have.length(6);
    expect(steps.map((s) => s.getAttribute('aria-current'))).to.deep.equal([null, null, null, null, null, 'step']);
    const rate = shadow(el).querySelector<HTMLAnchorElement>('[part="rate"]');
    const link = new URL(rate?.getAttribute('href') ?? '');
    expect(link.pathname).to.match(/\/danh-gia\.html$/);
    expect(link.searchParams.get('ma-ho-so')).to.equal(CODE);
    expect(link.searchParams.get('t'), 'the link carries the token, so the rating can be sent').to.equal(
      'r1.rating.token',
    );
    expect(shadow(el).activeElement?.id).to.equal('result-heading');
    await expect(el).to.be.accessible();
  });

  it('starts from the code and pin attributes and computes the working time left with the core calendar', async () => {
    stubFetch(() => json(200, openDossier()));
    const el = await fixture<MotcuaDossierStatus>(
      html`<motcua-dossier-status code=${CODE} pin=${PIN} lang="en" rate-href="/rate?d={code}"></motcua-dossier-status>`,
    );
    await el.updateComplete;
    const shown = text(el);
    expect(shown).to.contain('Processing');
    expect(shown).to.match(/Working time left.*\d+ days?.*left/);
    expect(shown).to.contain('being processed within its time limit');
    expect(shadow(el).querySelector('[part="rate"]')).to.equal(null);
    // A lookup the page started leaves the focus where it was.
    expect(shadow(el).activeElement).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the due date the server stored (binding) and a dossier received for an authority elsewhere', async () => {
    // 3 working days from Wednesday 11/3/2026 would be Monday 16/3; the server printed Tuesday 17/3 (its calendar).
    const printed = {
      code: CODE,
      procedure: { code: '1.004194', name: 'Đăng ký tạm trú' },
      status: 'received',
      receivedAt: '2026-03-11T10:00:00+07:00',
      acrossBoundary: true,
      limit: { value: 3, unit: 'working-days' },
      events: [],
      clock: { originalDueAt: '2026-03-17T17:00:00+07:00' },
    };
    stubFetch(() => json(200, printed));
    const el = await fixture<MotcuaDossierStatus>(
      html`<motcua-dossier-status code=${CODE} pin=${PIN}></motcua-dossier-status>`,
    );
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(text(el)).to.contain('17:00 17/03/2026');
    expect(text(el)).to.contain('Ngày hẹn trả dự kiến');
    const received = {
      ...printed,
      events: [{ type: 'authority-received', at: '2026-03-12T16:00:00+07:00', dueAt: '2026-03-18T17:00:00+07:00' }],
    };
    stubFetch(() => json(200, received));
    const again = await fixture<MotcuaDossierStatus>(
      html`<motcua-dossier-status code=${CODE} pin=${PIN} lang="en"></motcua-dossier-status>`,
    );
    await again.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    await again.updateComplete;
    expect(text(again)).to.contain('Received by the authority');
    expect(text(again)).to.contain('18/03/2026, 17:00');
    expect(text(again)).to.not.contain('Provisional');
    expect(text(again)).to.contain('Result due');
    await expect(again).to.be.accessible();
  });

  it('offers no rating link for a finished dossier whose lookup gave no rating token', async () => {
    const { ratingToken: _, ...withoutToken } = FINISHED;
    stubFetch(() => json(200, withoutToken));
    const el = await fixture<MotcuaDossierStatus>(
      html`<motcua-dossier-status code=${CODE} pin=${PIN}></motcua-dossier-status>`,
    );
    await el.updateComplete;
    expect(text(el)).to.contain('Đã xử lý xong');
    expect(shadow(el).querySelector('[part="rate"]'), 'a link to a form that cannot be sent').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reads the code and PIN from the page URL', async () => {
    const before = location.href;
    history.replaceState(null, '', `?ma-ho-so=${encodeURIComponent(CODE)}&pin=${PIN}`);
    try {
      stubFetch(() => json(200, FINISHED));
      const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status></motcua-dossier-status>`);
      await el.updateComplete;
      expect(urls).to.have.length(1);
      expect(text(el)).to.contain('Đã xử lý xong');
      expect(location.search, 'the PIN leaves the address bar once read').to.not.contain('pin');
      expect(location.search).to.contain('ma-ho-so=');
    } finally {
      forgetAddressSecrets();
      history.replaceState(null, '', before);
    }
  });

  it('takes a code from a barcode scanner (typed, then Enter), asking for the PIN first', async () => {
    stubFetch(() => json(200, FINISHED));
    const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status></motcua-dossier-status>`);
    input(el, 'code').focus();
    await sendKeys({ type: CODE });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(urls).to.deep.equal([]);
    expect(message(el)).to.contain('mã tra cứu (PIN)');
    expect(shadow(el).activeElement?.id).to.equal('pin');
    expect(input(el, 'pin').getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ type: PIN });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(urls).to.have.length(1);
    expect(text(el)).to.contain('Đăng ký thường trú');
  });

  it('reads a scanned lookup link holding the code and PIN', async () => {
    stubFetch(() => json(200, FINISHED));
    const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status></motcua-dossier-status>`);
    await type(el, 'code', `https://xa.example.gov.vn/tra-cuu.html?ma-ho-so=${encodeURIComponent(CODE)}&pin=${PIN}`);
    await submit(el);
    expect(urls).to.have.length(1);
    expect(urls[0]).to.not.contain(PIN);
    expect(pinHeaders).to.deep.equal([PIN]);
  });

  it('checks the code against the pattern before any request', async () => {
    stubFetch(() => json(200, FINISHED));
    const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status></motcua-dossier-status>`);
    await type(el, 'code', 'H41-260213-7');
    await type(el, 'pin', PIN);
    const failed = oneEvent(el, 'motcua-dossier-error');
    await submit(el);
    expect(((await failed).detail as DossierErrorDetail).problem).to.equal('invalid-code');
    await el.updateComplete;
    expect(urls).to.deep.equal([]);
    expect(message(el)).to.contain('Mã hồ sơ không đúng mẫu');
    expect(input(el, 'code').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).querySelector('button[type="button"]')).to.equal(null);
    await expect(el).to.be.accessible();

    // Another pattern, as a commune configures it.
    el.codePattern = '{agency}-{yyyy}{MM}{dd}-{seq:5}';
    await type(el, 'code', '000.00.00.H00-20261109-00001');
    await submit(el);
    expect(urls).to.have.length(1);
  });

  it('answers 404 (unknown code or wrong PIN) with one message', async () => {
    stubFetch(() => json(404, { error: { code: 'dossier-not-found' } }));
    const el = await fixture<MotcuaDossierStatus>(
      html`<motcua-dossier-status code=${CODE} pin="000000"></motcua-dossier-status>`,
    );
    await el.updateComplete;
    expect(message(el)).to.contain('Không tìm thấy hồ sơ');
    await expect(el).to.be.accessible();
  });

  it('says when the network fails and retries', async () => {
    let fail = true;
    stubFetch(() => (fail ? Promise.reject(new TypeError('Failed to fetch')) : json(200, FINISHED)));
    const el = await fixture<MotcuaDossierStatus>(
      html`<motcua-dossier-status code=${CODE} pin=${PIN}></motcua-dossier-status>`,
    );
    await el.updateComplete;
    expect(message(el)).to.contain('Không kết nối được');
    await expect(el).to.be.accessible();
    fail = false;
    shadow(el).querySelector<HTMLButtonElement>('button[type="button"]')?.click();
    await el.updateComplete;
    expect(urls).to.have.length(2);
    expect(text(el)).to.contain('Đã xử lý xong');
  });

  it('gives up after the timeout', async () => {
    stubFetch(
      (_url, init) =>
        new Promise((_, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        ),
    );
    const el = await fixture<MotcuaDossierStatus>(
      html`<motcua-dossier-status code=${CODE} pin=${PIN} timeout="50"></motcua-dossier-status>`,
    );
    await el.updateComplete;
    expect(message(el)).to.contain('không trả lời kịp');
    expect(shadow(el).querySelector('button[type="button"]')?.textContent).to.equal('Thử lại');
    await expect(el).to.be.accessible();
  });

  it('refuses malformed answers: not JSON, missing fields, another code, a bad time', async () => {
    const answers = [
      () => new Response('<html>proxy error</html>', { status: 200 }),
      () => json(200, { code: CODE, status: 'processing' }),
      () => json(200, { ...FINISHED, code: '000.00.00.H00-261109-0002' }),
      () => json(200, { ...FINISHED, status: 'teleported' }),
      () => json(200, { ...FINISHED, receivedAt: '2026-11-09 08:15' }),
      () => json(200, { ...FINISHED, events: [{ type: 'resolved', at: 'soon' }] }),
    ];
    for (const answer of answers) {
      stubFetch(answer);
      const el = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status code=${CODE} pin=${PIN}></motcua-dossier-status>`,
      );
      await el.updateComplete;
      expect(message(el)).to.contain('Dữ liệu hồ sơ nhận được không hợp lệ');
    }
  });

  it('says when the server fails or limits lookups', async () => {
    stubFetch(() => json(503, {}));
    const el = await fixture<MotcuaDossierStatus>(
      html`<motcua-dossier-status code=${CODE} pin=${PIN}></motcua-dossier-status>`,
    );
    await el.updateComplete;
    expect(message(el)).to.contain('sự cố');
    stubFetch(() => json(429, {}, { 'Retry-After': '8' }));
    await el.lookup();
    await el.updateComplete;
    expect(message(el)).to.contain('8 giây');
    await expect(el).to.be.accessible();
  });

  it('renders hostile strings as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    stubFetch(() =>
      json(200, {
        ...FINISHED,
        procedure: { code: '1.004222', name: hostile },
        timeline: FINISHED.timeline.map((s) => ({ ...s, reason: hostile })),
      }),
    );
    const el = await fixture<MotcuaDossierStatus>(
      html`<motcua-dossier-status code=${CODE} pin=${PIN}></motcua-dossier-status>`,
    );
    await el.updateComplete;
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(text(el)).to.contain(hostile);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('takes its data from a resolver, also in the national sync fields', async () => {
    const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status lang="en"></motcua-dossier-status>`);
    const seen: string[] = [];
    el.resolver = async (code, pin) => {
      seen.push(`${code}/${pin}`);
      return {
        MaHoSo: code,
        TenThuTuc: 'Chứng thực bản sao từ bản chính',
        NgayTiepNhan: '20261109081500',
        NgayHenTra: '20261109170000',
        NgayKetThucXuLy: '20261109100000',
        ThoiGianGiaiQuyet: 0,
        DonViTinh: 'Trong ngày',
        KenhThucHien: 1,
        TrangThaiHoSo: 10,
      };
    };
    await type(el, 'code', CODE);
    await type(el, 'pin', PIN);
    await submit(el);
    expect(seen).to.deep.equal([`${CODE}/${PIN}`]);
    expect(urls).to.deep.equal([]);
    const shown = text(el);
    expect(shown).to.contain('Chứng thực bản sao từ bản chính');
    expect(shown).to.contain('Result returned');
    expect(shadow(el).querySelector('[part="rate"]')?.textContent).to.equal('Rate our service');

    el.resolver = async () => null;
    await el.lookup();
    await el.updateComplete;
    expect(message(el)).to.contain('No application matches');
    await expect(el).to.be.accessible();
  });

  describe('with a province resolver in the national sync fields', () => {
    /** A province's record: received Monday 9/11/2026 08:15, 3 working days (due 12/11 17:00 by motcua's clock). */
    const record = (fields: Record<string, unknown> = {}) => ({
      MaHoSo: CODE,
      TenThuTuc: 'Chứng thực bản sao từ bản chính',
      NgayTiepNhan: '20261109081500',
      ThoiGianGiaiQuyet: 3,
      DonViTinh: 'Ngày làm việc',
      KenhThucHien: 1,
      TrangThaiHoSo: 4,
      ...fields,
    });
    const dd = (el: MotcuaDossierStatus, term: string) => {
      const dt = [...shadow(el).querySelectorAll('dt')].find((d) => d.textContent === term);
      return dt?.nextElementSibling?.textContent?.trim();
    };
    async function lookUp(el: MotcuaDossierStatus): Promise<void> {
      await type(el, 'code', CODE);
      if (input(el, 'pin')) await type(el, 'pin', PIN);
      await submit(el);
    }

    it('shows the province’s own due date (NgayHenTra) and judges it as the national indicator does', async () => {
      const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status lang="en"></motcua-dossier-status>`);
      // The province moved the date to 18/11 (a pause and an extension it knows of); resolved on 16/11.
      el.resolver = async () =>
        record({ NgayHenTra: '20261118170000', NgayKetThucXuLy: '20261116100000', TrangThaiHoSo: 10 });
      await lookUp(el);
      expect(dd(el, 'Result due')).to.contain('18/11/2026');
      expect(text(el)).not.to.contain('12/11/2026');
      expect(text(el)).to.contain('The application was resolved early.');
      expect(text(el)).not.to.contain('resolved late');

      // The same date as motcua's clock: the working time is computed as before.
      el.resolver = async () =>
        record({ NgayHenTra: '20261112170000', NgayKetThucXuLy: '20261116100000', TrangThaiHoSo: 10 });
      await el.lookup();
      await el.updateComplete;
      expect(dd(el, 'Result due')).to.contain('12/11/2026');
      expect(text(el)).to.contain('The application was resolved late.');
    });

    it('shows a dossier in status 5 (waiting for the citizen’s supplement) as paused, with no countdown', async () => {
      const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status lang="en"></motcua-dossier-status>`);
      el.resolver = async () => record({ NgayHenTra: '20261112170000', TrangThaiHoSo: 5 });
      await lookUp(el);
      const shown = text(el);
      expect(shown).to.contain('Supplement requested');
      expect(shown).to.contain('The clock is paused: waiting for your additional documents');
      expect(dd(el, 'Working time left')).to.equal(undefined);
      expect(shown).not.to.contain('past its due date');
      expect(shown).not.to.contain('within its time limit');

      // With a due date of its own, and without one.
      el.resolver = async () => record({ NgayHenTra: '20261125170000', TrangThaiHoSo: 5 });
      await el.lookup();
      await el.updateComplete;
      expect(dd(el, 'Result due')).to.contain('25/11/2026');
      expect(text(el)).to.contain('The clock is paused');
      expect(text(el)).not.to.contain('past its due date');
      el.resolver = async () => record({ TrangThaiHoSo: 5 });
      await el.lookup();
      await el.updateComplete;
      expect(text(el)).to.contain('The clock is paused');
      expect(dd(el, 'Working time left')).to.equal(undefined);
    });

    it('reads the province’s own DonViTinh words from syncUnits', async () => {
      const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status lang="en"></motcua-dossier-status>`);
      el.resolver = async () => record({ DonViTinh: 'Ngày làm việc (LV)' });
      await lookUp(el);
      expect(message(el)).to.contain('is not valid');
      el.syncUnits = { 'working-days': 'Ngày làm việc (LV)' };
      await el.lookup();
      await el.updateComplete;
      expect(message(el)).to.equal('');
      expect(dd(el, 'Result due')).to.contain('12/11/2026');
      // Core's words still hold for the units not given.
      el.resolver = async () => record({ ThoiGianGiaiQuyet: 2, DonViTinh: 'Ngày' });
      await el.lookup();
      await el.updateComplete;
      expect(dd(el, 'Procedure')).to.equal('Chứng thực bản sao từ bản chính');
    });

    it('shows a record with a bad field as not valid, without core’s problem text', async () => {
      const el = await fixture<MotcuaDossierStatus>(html`<motcua-dossier-status lang="en"></motcua-dossier-status>`);
      el.resolver = async () => record({ TrangThaiHoSo: 11 });
      await lookUp(el);
      expect(message(el)).to.contain('is not valid');
      for (const fields of [
        { KenhThucHien: 4 },
        { NgayTiepNhan: '2026-11-09 08:15' },
        { NgayHenTra: '20261131170000' },
        { ThoiGianGiaiQuyet: 0 },
        { TrangThaiHoSo: 10 },
      ]) {
        el.resolver = async () => record(fields);
        await el.lookup();
        await el.updateComplete;
        expect(message(el), JSON.stringify(fields)).to.contain('is not valid');
        expect(text(el)).not.to.match(/NgayKetThucXuLy|must be|expected one of/);
      }
    });

    it('asks for no PIN when the resolver checks the second factor (second-factor="resolver"), and only then', async () => {
      const seen: string[] = [];
      const resolver = async (code: string, pin: string) => {
        seen.push(`${code}/${pin}`);
        return record({ NgayHenTra: '20261112170000', NgayKetThucXuLy: '20261111100000', TrangThaiHoSo: 10 });
      };
      const el = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status lang="en" second-factor="resolver" .resolver=${resolver}></motcua-dossier-status>`,
      );
      expect(input(el, 'pin')).to.equal(null);
      expect(text(el)).not.to.contain('Lookup PIN');
      await type(el, 'code', CODE);
      await submit(el);
      expect(seen).to.deep.equal([`${CODE}/`]);
      expect(text(el)).to.contain('Chứng thực bản sao từ bản chính');
      await expect(el).to.be.accessible();

      // The code from the page's address is enough, once the resolver is there.
      const fromUrl = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status lang="en" second-factor="resolver" code=${CODE}></motcua-dossier-status>`,
      );
      expect(input(fromUrl, 'pin'), 'no resolver yet: the PIN is asked for').to.exist;
      fromUrl.resolver = resolver;
      await fromUrl.updateComplete;
      expect(seen).to.deep.equal([`${CODE}/`, `${CODE}/`]);
      expect(dd(fromUrl, 'Status')).to.equal('Result returned');

      // The default stays secure: a resolver alone still needs the PIN, and so does the endpoint.
      const secure = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status lang="en" .resolver=${resolver}></motcua-dossier-status>`,
      );
      await type(secure, 'code', CODE);
      await submit(secure);
      expect(message(secure)).to.equal('Please enter the lookup PIN printed on your receipt.');
      expect(seen).to.have.length(2);
      const endpoint = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status lang="en" second-factor="resolver"></motcua-dossier-status>`,
      );
      stubFetch(() => json(200, FINISHED));
      await type(endpoint, 'code', CODE);
      await submit(endpoint);
      expect(message(endpoint)).to.equal('Please enter the lookup PIN printed on your receipt.');
      expect(urls).to.deep.equal([]);
    });
  });

  it('speaks English and takes string overrides', async () => {
    configure({
      strings: { 'motcua-dossier-status': { en: { submit: 'Check', 'status-resolved': 'Ready to collect' } } },
    });
    stubFetch(() => json(200, FINISHED));
    const el = await fixture<MotcuaDossierStatus>(
      html`<motcua-dossier-status lang="en" code=${CODE} pin=${PIN}></motcua-dossier-status>`,
    );
    await el.updateComplete;
    expect(shadow(el).querySelector('button[type="submit"]')?.textContent).to.equal('Check');
    expect(text(el)).to.contain('Ready to collect');
    expect(text(el)).to.contain('Track your application');
    await expect(el).to.be.accessible();
  });

  describe('Web Push: "notify me when it changes"', () => {
    const WORKER = new URL('./push-worker.js', import.meta.url).href;
    /** The worker as the page registers it: with the API base (the site's root here) as its `api` parameter. */
    const REGISTERED = `${WORKER}?api=${encodeURIComponent(new URL('/', location.href).href)}`;
    const KEY = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';
    // Headless Chromium reaches no push service: the browser's subscription is a stand-in with the shape of a real one.
    const SUBSCRIPTION = {
      endpoint: 'https://push.example/send/abc',
      expirationTime: null,
      keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
    };
    const realSubscribe = PushManager.prototype.subscribe;
    const realGetSubscription = PushManager.prototype.getSubscription;
    let subscribedWith: PushSubscriptionOptionsInit[] = [];
    let bodies: unknown[] = [];
    const notify = (el: MotcuaDossierStatus) => shadow(el).querySelector<HTMLElement>('[part="notify"]');
    const notifyText = (el: MotcuaDossierStatus) => notify(el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

    /** The office's server: the dossier, its Web Push key (or 404 without the channel), the subscription's PUT. */
    function office(dossier: unknown, options: { readonly push?: boolean; readonly put?: number } = {}) {
      stubFetch((url, init) => {
        if (url.endsWith('/api/notifications/web-push')) {
          return options.push === false ? json(404, { error: 'no-web-push' }) : json(200, { publicKey: KEY });
        }
        if (url.endsWith('/push-subscription')) {
          bodies.push(JSON.parse(String(init.body)));
          return new Response(null, { status: options.put ?? 204 });
        }
        return json(200, dossier);
      });
    }

    beforeEach(() => {
      subscribedWith = [];
      bodies = [];
      PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
        subscribedWith.push(options ?? {});
        return { endpoint: SUBSCRIPTION.endpoint, toJSON: () => SUBSCRIPTION } as unknown as PushSubscription;
      };
    });
    afterEach(async () => {
      PushManager.prototype.subscribe = realSubscribe;
      PushManager.prototype.getSubscription = realGetSubscription;
      for (const key of Object.keys(localStorage)) if (key.startsWith('motcua:push:')) localStorage.removeItem(key);
      await setNotifications('default');
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    });

    it('offers it under a dossier not yet finished, and turns it on with the PIN, the key and the page worker', async () => {
      await setNotifications('granted');
      office(openDossier());
      const el = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status code=${CODE} pin=${PIN} push-worker=${WORKER}></motcua-dossier-status>`,
      );
      await el.updateComplete;
      const button = notify(el)?.querySelector('button');
      expect(button?.textContent).to.equal('Nhận thông báo khi hồ sơ thay đổi');
      await expect(el).to.be.accessible();
      button?.click();
      await waitUntil(() => notifyText(el).startsWith('Đã bật:'), 'notifications on');
      expect(subscribedWith).to.deep.equal([{ userVisibleOnly: true, applicationServerKey: KEY }]);
      expect(bodies).to.deep.equal([{ ...SUBSCRIPTION, language: 'vi' }]);
      expect(urls.at(-1)).to.equal(new URL(`/api/dossiers/${CODE}/push-subscription`, location.href).href);
      expect(pinHeaders.at(-1)).to.equal(PIN);
      expect(notify(el)?.querySelector('button'), 'no button once on').to.equal(null);
      const registered = await navigator.serviceWorker.getRegistration(WORKER);
      // The worker is told the API base, where it sends a renewed subscription.
      expect(registered?.active?.scriptURL).to.equal(REGISTERED);
      await expect(el).to.be.accessible();
    });

    it('tells a worker registered without the API base where it is, on the next visit, keeping the subscription', async () => {
      await setNotifications('granted');
      office(openDossier());
      // Turned on by an older page: the worker registered without its `api` parameter, the subscription sent.
      const older = await navigator.serviceWorker.register(WORKER);
      await waitUntil(() => older.active !== null, 'the older worker active');
      const subscriptionUrl = new URL(`/api/dossiers/${CODE}/push-subscription`, location.href).href;
      localStorage.setItem(`motcua:push:${subscriptionUrl}`, SUBSCRIPTION.endpoint);
      PushManager.prototype.getSubscription = async () => ({ endpoint: SUBSCRIPTION.endpoint }) as PushSubscription;
      const el = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status code=${CODE} pin=${PIN} push-worker=${WORKER}></motcua-dossier-status>`,
      );
      await waitUntil(() => notifyText(el).startsWith('Đã bật:'), 'on, as before');
      await waitUntil(() => older.active?.scriptURL === REGISTERED, 'the same registration, updated', {
        timeout: 5000,
      });
      expect(await navigator.serviceWorker.getRegistration(WORKER)).to.equal(older);
      expect(bodies, 'nothing sent again').to.deep.equal([]);
      expect(subscribedWith, 'the same subscription').to.deep.equal([]);
    });

    it('says they are on after a reload, for the dossier this browser subscribed to with its subscription', async () => {
      await setNotifications('granted');
      office(openDossier());
      const page = () =>
        fixture<MotcuaDossierStatus>(
          html`<motcua-dossier-status code=${CODE} pin=${PIN} push-worker=${WORKER}></motcua-dossier-status>`,
        );
      const first = await page();
      await first.updateComplete;
      notify(first)?.querySelector('button')?.click();
      await waitUntil(() => notifyText(first).startsWith('Đã bật:'), 'notifications on');
      // The page is opened again: the browser still has the subscription it sent.
      let endpoint = SUBSCRIPTION.endpoint;
      PushManager.prototype.getSubscription = async () => ({ endpoint }) as PushSubscription;
      const again = await page();
      await waitUntil(() => notifyText(again).startsWith('Đã bật:'), 'on after a reload');
      expect(notify(again)?.querySelector('button'), 'nothing to press').to.equal(null);
      expect(bodies, 'nothing sent again').to.have.length(1);
      await expect(again).to.be.accessible();
      // The browser's subscription changed since (or another dossier): offered again.
      endpoint = 'https://push.example/send/other';
      const changed = await page();
      await changed.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(notify(changed)?.querySelector('button')?.textContent).to.equal('Nhận thông báo khi hồ sơ thay đổi');
    });

    it('says so when the browser blocks notifications, and when the subscription is refused; the button stays', async () => {
      await setNotifications('denied');
      office(openDossier(), { put: 404 });
      const el = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status lang="en" code=${CODE} pin=${PIN} push-worker=${WORKER}></motcua-dossier-status>`,
      );
      await el.updateComplete;
      notify(el)?.querySelector('button')?.click();
      await waitUntil(() => notifyText(el).includes('blocks notifications'), 'blocked');
      expect(subscribedWith).to.deep.equal([]);
      await setNotifications('granted');
      notify(el)?.querySelector('button')?.click();
      await waitUntil(() => notifyText(el).includes('could not be turned on'), 'refused');
      expect(notify(el)?.querySelector('button')?.textContent).to.equal('Notify me when this application changes');
      expect(bodies).to.have.length(1);
    });

    it('offers nothing for a finished dossier, without push-worker, or when the office has no Web Push', async () => {
      office(FINISHED);
      const finished = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status code=${CODE} pin=${PIN} push-worker=${WORKER}></motcua-dossier-status>`,
      );
      await finished.updateComplete;
      office(openDossier());
      const plain = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status code=${CODE} pin=${PIN}></motcua-dossier-status>`,
      );
      await plain.updateComplete;
      expect(
        urls.some((u) => u.includes('web-push')),
        'no key asked for',
      ).to.equal(false);
      office(openDossier(), { push: false });
      const without = await fixture<MotcuaDossierStatus>(
        html`<motcua-dossier-status code=${CODE} pin=${PIN} push-worker=${WORKER}></motcua-dossier-status>`,
      );
      await without.updateComplete;
      expect(urls.filter((u) => u.includes('web-push'))).to.have.length(1);
      for (const el of [finished, plain, without]) {
        expect(shadow(el).querySelector('[part="result"]')).to.not.equal(null);
        expect(notify(el)).to.equal(null);
      }
    });

    it("suggests opening the page in a browser inside Zalo's or Facebook's, and takes string overrides", async () => {
      const ua = Object.getOwnPropertyDescriptor(navigator, 'userAgent');
      Object.defineProperty(navigator, 'userAgent', {
        configurable: true,
        get: () => 'Mozilla/5.0 (Linux; Android 13) Zalo android/12100',
      });
      try {
        office(openDossier());
        const el = await fixture<MotcuaDossierStatus>(
          html`<motcua-dossier-status code=${CODE} pin=${PIN} push-worker=${WORKER}
            .strings=${{ vi: { notifyInApp: 'Mở bằng Chrome để nhận thông báo.' } }}></motcua-dossier-status>`,
        );
        await el.updateComplete;
        expect(notifyText(el)).to.equal('Mở bằng Chrome để nhận thông báo.');
        expect(notify(el)?.querySelector('button')).to.equal(null);
        expect(urls.some((u) => u.includes('web-push'))).to.equal(false);
        await expect(el).to.be.accessible();
      } finally {
        if (ua) Object.defineProperty(navigator, 'userAgent', ua);
        else delete (navigator as { userAgent?: string }).userAgent;
      }
    });
  });
});
