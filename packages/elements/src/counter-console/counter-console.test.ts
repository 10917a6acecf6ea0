import { vietnamCalendar } from '@motcua/core/calendar';
import { type ReceiptSlip, receiptSlip } from '@motcua/core/deadline';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configure, resetConfig } from '../internal/configure.js';
import type { CounterActionDetail, MotcuaCounterConsole } from './counter-console.js';
import './counter-console.js';
import { sendKeys } from '../internal/browser-commands.test-support.js';

// ---- the server, stubbed at the HTTP boundary ------------------------------------------------------------------

interface Call {
  readonly method: string;
  readonly path: string;
  readonly auth: string | null;
  readonly key: string | null;
  readonly counter: string | null;
  readonly body: Record<string, unknown> | undefined;
}

type Handler = (call: Call) => Response | Promise<Response>;

const realFetch = globalThis.fetch;
let calls: Call[] = [];
let routes: Record<string, Handler> = {};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const offline = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
const refusal = (status: number, code: string, vi: string, en: string) =>
  json(status, { error: { code, message: { vi, en } } });

function stubServer(extra: Record<string, Handler> = {}): void {
  routes = { ...defaultRoutes(), ...extra };
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    const call: Call = {
      method: init.method ?? 'GET',
      path: url.pathname,
      auth: headers.get('Authorization'),
      key: headers.get('Idempotency-Key'),
      counter: headers.get('Motcua-Counter'),
      body: init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined,
    };
    calls.push(call);
    const handler = routes[`${call.method} ${call.path}`];
    return handler
      ? handler(call)
      : json(404, { error: { code: 'not-found', message: { vi: 'Không có', en: 'None' } } });
  }) as typeof fetch;
}

const posts = (path?: string) => calls.filter((c) => c.method === 'POST' && (!path || c.path.endsWith(path)));

const ticket = (over: Record<string, unknown> = {}) => ({
  id: 't-A001',
  number: 'A001',
  service: 'ho-tich',
  status: 'called',
  calls: 1,
  counter: '1',
  ...over,
});

const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';

const catalogue = {
  formatVersion: 1,
  version: '2026-11',
  agency: { name: 'UBND xã Mẫu' },
  procedures: [
    {
      code: '2.000815',
      name: 'Chứng thực bản sao từ bản chính',
      field: 'Chứng thực',
      levels: [{ level: 'commune' }],
      channels: [{ kind: 'in-person' }],
    },
    {
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      levels: [{ level: 'commune' }],
      channels: [{ kind: 'in-person' }],
      flags: { nationwide: true },
      documents: [
        { name: 'Tờ khai đăng ký khai sinh', form: 'original' },
        { name: 'Giấy chứng sinh', form: 'copy', copies: 2 },
      ],
    },
    {
      code: '1.000894',
      name: `${HOSTILE}Đăng ký kết hôn`,
      field: 'Hộ tịch',
      levels: [{ level: 'commune' }],
      channels: [{ kind: 'in-person' }],
    },
  ],
};

function slip(applicant = 'Nguyễn Văn A', documents = [{ name: 'Tờ khai đăng ký khai sinh' }]): ReceiptSlip {
  return receiptSlip(
    {
      code: '000.00.15.H41-261123-0001',
      agency: 'UBND xã Mẫu',
      place: 'Xã Mẫu',
      applicant: { name: applicant, phone: '0905 000 000' },
      procedure: 'Đăng ký khai sinh',
      documents,
      receivedAt: '2026-11-23T15:30:00+07:00',
      limit: { value: 0, unit: 'immediate', cutoff: '15:00' },
      receivedBy: '1',
    },
    { calendar: vietnamCalendar() },
  );
}

function defaultRoutes(): Record<string, Handler> {
  return {
    'GET /api/queue/services': () =>
      json(200, {
        services: [
          { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } },
          { id: 'dat-dai', prefix: 'B', name: { vi: 'Đất đai', en: 'Land' } },
        ],
      }),
    'GET /api/queue/counters/1/current': () => json(200, { ticket: null }),
    'GET /api/queue/counters/1/desk': () =>
      json(200, { paused: false, waiting: [{ service: 'ho-tich', count: 0, priority: 0 }], noShows: [] }),
    'GET /api/catalogue': () => json(200, catalogue),
    'POST /api/queue/counters/1/call-next': () => json(200, { ticket: ticket() }),
    'POST /api/queue/counters/1/recall': () => json(200, { ticket: ticket({ calls: 2 }) }),
    'POST /api/queue/counters/1/skip': () => json(200, { ticket: ticket({ status: 'no-show' }) }),
    'POST /api/queue/counters/1/done': () => json(200, { ticket: ticket({ status: 'done' }), ratingToken: 'r1.abc' }),
    'POST /api/queue/counters/1/transfer': () =>
      json(200, {
        ticket: ticket({ id: 't-B007', number: 'B007', service: 'dat-dai', status: 'issued' }),
        from: 'A001',
      }),
    'POST /api/dossiers': (call) => {
      const s = slip((call.body?.applicant as { name?: string } | undefined)?.name);
      return json(201, { code: s.code, pin: '482913', dueAt: s.dueAt, ticket: call.body?.ticket ?? null, receipt: s });
    },
  };
}

// ---- helpers -------------------------------------------------------------------------------------------------

const shadow = (el: MotcuaCounterConsole) => el.shadowRoot as ShadowRoot;
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const $ = <T extends Element = HTMLElement>(el: MotcuaCounterConsole, selector: string) =>
  shadow(el).querySelector<T & Element>(selector) as T;
const button = (el: MotcuaCounterConsole, action: string) =>
  $<HTMLButtonElement>(el, `button[data-action="${action}"]`);
/** A button's label without its shortcut key. */
const label = (b: HTMLButtonElement) => text(b).replace(/[A-Z]$/, '');
const enabled = (el: MotcuaCounterConsole) =>
  ['next', 'recall', 'skip', 'done', 'transfer'].filter((a) => button(el, a).getAttribute('aria-disabled') === 'false');

async function press(el: MotcuaCounterConsole, action: string): Promise<void> {
  button(el, action).click();
  await el.updateComplete;
}

async function consoleFor(options: { lang?: string } = {}): Promise<MotcuaCounterConsole> {
  const el = await fixture<MotcuaCounterConsole>(
    html`<motcua-counter-console counter="1" lang=${options.lang ?? 'vi'} .token=${'demo-counter-1'}></motcua-counter-console>`,
  );
  await el.updateComplete;
  return el;
}

async function openIntake(el: MotcuaCounterConsole): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="intake-toggle"]').click();
  await el.updateComplete;
}

async function typeInto(el: MotcuaCounterConsole, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function chooseProcedure(el: MotcuaCounterConsole, query: string, name: string): Promise<void> {
  await typeInto(el, '#procedure-search', query);
  const choice = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="procedure"]')].find((b) =>
    text(b).startsWith(name),
  );
  if (!choice) throw new Error(`no procedure ${name} for ${query}`);
  choice.click();
  await el.updateComplete;
}

async function fillIntake(el: MotcuaCounterConsole, name = 'Trần Thị B'): Promise<void> {
  await chooseProcedure(el, 'khai sinh', 'Đăng ký khai sinh');
  $<HTMLInputElement>(el, '#document-0').click();
  $<HTMLInputElement>(el, '#document-1').click();
  await typeInto(el, '#applicant-name', name);
  await typeInto(el, '#applicant-phone', '0912 345 678');
}

async function submitIntake(el: MotcuaCounterConsole): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="receive"]').click();
  await el.updateComplete;
}

// ---- tests -----------------------------------------------------------------------------------------------------

describe('motcua-counter-console', () => {
  beforeEach(() => {
    calls = [];
    configure({ apiBase: 'https://motcua.test/' });
    stubServer();
  });

  afterEach(() => {
    globalThis.fetch = realFetch;
    resetConfig();
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('is accessible, with and without a ticket', async () => {
    const el = await consoleFor();
    await expect(el).to.be.accessible();
    await press(el, 'next');
    await expect(el).to.be.accessible();
  });

  it('asks for the counter before showing commands', async () => {
    const el = await fixture<MotcuaCounterConsole>(
      html`<motcua-counter-console token="demo-counter-1"></motcua-counter-console>`,
    );
    expect(text($(el, '[part="error"]'))).to.contain('Chưa cấu hình quầy');
    expect(button(el, 'next')).to.equal(null);
    expect(calls).to.have.length(0);
  });

  it('calls the next number with the bearer token and an Idempotency-Key, and shows it', async () => {
    const el = await consoleFor();
    expect(text($(el, '[part="ticket"]'))).to.contain('Chưa gọi số nào');
    let detail: CounterActionDetail | undefined;
    el.addEventListener('motcua-counter-action', (e) => {
      detail = (e as CustomEvent<CounterActionDetail>).detail;
    });
    await press(el, 'next');
    const [call] = posts();
    expect(call?.path).to.equal('/api/queue/counters/1/call-next');
    expect(call?.auth).to.equal('Bearer demo-counter-1');
    expect(call?.key).to.match(/^[0-9a-f]{32}$/);
    expect(text($(el, '[part="number"]'))).to.equal('A001');
    expect(text($(el, '[part="ticket"]'))).to.contain('Đã gọi (lần 1) · Dịch vụ: Hộ tịch');
    expect(text($(el, '[role="status"]'))).to.equal('Đã gọi số A001');
    expect(detail?.ticket?.number).to.equal('A001');
  });

  it('says so when nobody is waiting', async () => {
    stubServer({ 'POST /api/queue/counters/1/call-next': () => json(200, { ticket: null }) });
    const el = await consoleFor();
    await press(el, 'next');
    expect(text($(el, '[role="status"]'))).to.equal('Không còn ai đang chờ');
    expect(enabled(el)).to.deep.equal(['next']);
  });

  it('enables the buttons the ticket state allows', async () => {
    const el = await consoleFor();
    expect(enabled(el)).to.deep.equal(['next']);
    expect($<HTMLSelectElement>(el, '#transfer-service').disabled).to.equal(true);
    await press(el, 'done');
    await press(el, 'recall');
    expect(posts()).to.have.length(0);
    button(el, 'next').focus();
    await press(el, 'next');
    expect(shadow(el).activeElement).to.equal(button(el, 'next'));
    expect(enabled(el)).to.deep.equal(['recall', 'skip', 'done', 'transfer']);
    await press(el, 'done');
    expect(enabled(el)).to.deep.equal(['next']);
    expect(text($(el, '[part="ticket"]'))).to.contain('Đã xong');
  });

  it('restores the ticket the counter is serving, with its id, after a reload', async () => {
    stubServer({
      'GET /api/queue/counters/1/current': () =>
        json(200, { ticket: ticket({ id: 't-A009', number: 'A009', status: 'serving' }) }),
    });
    const el = await consoleFor();
    const [load] = calls.filter((c) => c.path === '/api/queue/counters/1/current');
    expect(load?.auth).to.equal('Bearer demo-counter-1');
    expect(calls.some((c) => c.path === '/api/queue/board')).to.equal(false);
    expect(text($(el, '[part="number"]'))).to.equal('A009');
    expect(enabled(el)).to.deep.equal(['done', 'transfer']);
    await press(el, 'done');
    expect(posts('/done')[0]?.body).to.deep.equal({ ticket: 't-A009' });
  });

  it('links the next dossier received to the ticket restored after a reload', async () => {
    stubServer({
      'GET /api/queue/counters/1/current': () =>
        json(200, { ticket: ticket({ id: 't-A009', number: 'A009', status: 'serving' }) }),
    });
    const el = await consoleFor();
    let received: unknown;
    el.addEventListener('motcua-dossier-received', (e) => {
      received = (e as CustomEvent).detail;
    });
    await openIntake(el);
    expect(text($(el, '#ticket-link'))).to.equal('Hồ sơ gắn với số thứ tự A009');
    await fillIntake(el);
    await submitIntake(el);
    expect(posts('/api/dossiers')[0]?.body?.ticket).to.equal('t-A009');
    expect(received).to.deep.equal({ code: '000.00.15.H41-261123-0001', ticket: 't-A009' });
  });

  it('loads the ticket again when the counter or its token changes', async () => {
    stubServer({
      'GET /api/queue/counters/1/current': () => json(200, { ticket: ticket({ id: 't-A009', number: 'A009' }) }),
      'GET /api/queue/counters/2/current': (call) =>
        call.auth === 'Bearer demo-counter-2'
          ? json(200, { ticket: ticket({ id: 't-B003', number: 'B003', counter: '2' }) })
          : refusal(401, 'unauthorized', 'Cần mã truy cập (Authorization: Bearer) của quầy', 'A counter token'),
    });
    const el = await consoleFor();
    expect(text($(el, '[part="number"]'))).to.equal('A009');
    el.counter = '2';
    await el.updateComplete;
    expect($(el, '[part="number"]')).to.equal(null);
    expect(text($(el, '[role="alert"]'))).to.equal('Cần mã truy cập (Authorization: Bearer) của quầy');
    el.token = 'demo-counter-2';
    await el.updateComplete;
    expect(text($(el, '[part="number"]'))).to.equal('B003');
    expect(text($(el, '[role="alert"]'))).to.equal('');
  });

  it('says why the ticket could not be restored: a refused token or no connection', async () => {
    stubServer({
      'GET /api/queue/counters/1/current': () =>
        refusal(403, 'forbidden', 'Mã truy cập không dùng được cho quầy 1', 'This token is not for counter 1'),
    });
    let el = await consoleFor();
    expect(text($(el, '[role="alert"]'))).to.equal('Mã truy cập không dùng được cho quầy 1');
    stubServer({ 'GET /api/queue/counters/1/current': () => json(401, {}) });
    el = await consoleFor({ lang: 'en' });
    expect(text($(el, '[role="alert"]'))).to.equal('The counter’s access token is not valid');
    stubServer({ 'GET /api/queue/counters/1/current': offline });
    el = await consoleFor();
    expect(text($(el, '[role="alert"]'))).to.equal('Không tải được số đang phục vụ');
    expect(text($(el, '[part="ticket"]'))).to.contain('Chưa gọi số nào');
    expect(enabled(el)).to.deep.equal(['next']);
    await expect(el).to.be.accessible();
  });

  it('sends recall, no-show, done and transfer for the ticket shown', async () => {
    const el = await consoleFor();
    await press(el, 'next');
    await press(el, 'recall');
    expect(text($(el, '[role="status"]'))).to.equal('Đã gọi lại số A001');
    expect(text($(el, '[part="ticket"]'))).to.contain('lần 2');
    await press(el, 'skip');
    expect(text($(el, '[role="status"]'))).to.equal('Số A001 vắng mặt');
    await press(el, 'next');
    await press(el, 'done');
    await press(el, 'next');
    const select = $<HTMLSelectElement>(el, '#transfer-service');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'dat-dai']);
    await press(el, 'transfer');
    expect(text($(el, '[role="alert"]'))).to.equal('Hãy chọn dịch vụ để chuyển');
    expect(shadow(el).activeElement).to.equal(select);
    select.value = 'dat-dai';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await press(el, 'transfer');
    expect(text($(el, '[role="status"]'))).to.equal('Đã chuyển số A001 sang Đất đai: số mới B007');
    expect(enabled(el)).to.deep.equal(['next']);
    expect(text($(el, '[part="ticket"]'))).to.contain('Đã chuyển dịch vụ');

    const sent = posts().map((c) => [c.path.split('/').pop(), c.body, c.auth]);
    expect(sent).to.deep.equal([
      ['call-next', {}, 'Bearer demo-counter-1'],
      ['recall', { ticket: 't-A001' }, 'Bearer demo-counter-1'],
      ['skip', { ticket: 't-A001' }, 'Bearer demo-counter-1'],
      ['call-next', {}, 'Bearer demo-counter-1'],
      ['done', { ticket: 't-A001' }, 'Bearer demo-counter-1'],
      ['call-next', {}, 'Bearer demo-counter-1'],
      ['transfer', { ticket: 't-A001', service: 'dat-dai' }, 'Bearer demo-counter-1'],
    ]);
    expect(new Set(posts().map((c) => c.key)).size).to.equal(posts().length);
  });

  it('says when a transferred ticket keeps its number', async () => {
    stubServer({
      'POST /api/queue/counters/1/transfer': () =>
        json(200, { ticket: ticket({ id: 't-2', service: 'dat-dai', status: 'issued' }), from: 'A001' }),
    });
    const el = await consoleFor({ lang: 'en' });
    await press(el, 'next');
    const select = $<HTMLSelectElement>(el, '#transfer-service');
    select.value = 'dat-dai';
    select.dispatchEvent(new Event('change'));
    await press(el, 'transfer');
    expect(text($(el, '[role="status"]'))).to.equal('Transferred ticket A001 to Land');
  });

  it('shows a 409 or 401 refusal with the server’s message, in the console’s language', async () => {
    stubServer({
      'POST /api/queue/counters/1/call-next': () =>
        refusal(
          401,
          'unauthorized',
          'Cần mã truy cập (Authorization: Bearer) của quầy',
          'A counter bearer token is needed',
        ),
      'POST /api/queue/counters/1/recall': () =>
        refusal(409, 'illegal-transition', `Không thể gọi lại ${HOSTILE}`, `Cannot recall ${HOSTILE}`),
    });
    const el = await consoleFor();
    await press(el, 'next');
    expect(text($(el, '[role="alert"]'))).to.equal('Cần mã truy cập (Authorization: Bearer) của quầy');
    expect(text($(el, '[role="status"]'))).to.equal('');

    stubServer({
      'POST /api/queue/counters/1/recall': () =>
        refusal(409, 'illegal-transition', `Không thể gọi lại ${HOSTILE}`, `Cannot recall ${HOSTILE}`),
    });
    await press(el, 'next');
    el.lang = 'en';
    await press(el, 'recall');
    expect(text($(el, '[role="alert"]'))).to.equal(`Cannot recall ${HOSTILE}`);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((globalThis as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('reuses the Idempotency-Key when a command is pressed again after a network failure', async () => {
    let fail = true;
    stubServer({
      'POST /api/queue/counters/1/call-next': () => {
        if (fail) return offline();
        return json(200, { ticket: ticket() });
      },
    });
    const el = await consoleFor();
    await press(el, 'next');
    expect(text($(el, '[role="alert"]'))).to.contain('Không kết nối được máy chủ');
    fail = false;
    await press(el, 'next');
    const [first, second] = posts();
    expect(second?.key).to.equal(first?.key);
    expect(text($(el, '[part="number"]'))).to.equal('A001');
    await press(el, 'done');
    await press(el, 'next');
    expect(posts()[3]?.key).to.not.equal(first?.key);
  });

  it('runs the keyboard shortcuts, but not while the officer types in a field', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><input id="page-field" aria-label="Ghi chú" /><motcua-counter-console counter="1" .token=${'demo-counter-1'}></motcua-counter-console></div>`,
    );
    const el = wrapper.querySelector('motcua-counter-console') as MotcuaCounterConsole;
    await el.updateComplete;
    // The shortcuts line comes with the desk, after the first paint.
    await waitUntil(() => $(el, '[part="shortcuts"]'), 'the shortcuts line');
    expect(text($(el, '[part="shortcuts"]'))).to.contain('N gọi số tiếp theo');
    expect(button(el, 'next').getAttribute('aria-keyshortcuts')).to.equal('N');

    (wrapper.querySelector('#page-field') as HTMLInputElement).focus();
    await sendKeys({ type: 'nrsd' });
    await el.updateComplete;
    expect(posts()).to.have.length(0);

    (document.activeElement as HTMLElement).blur();
    await sendKeys({ press: 'n' });
    await el.updateComplete;
    expect(posts().map((c) => c.path)).to.deep.equal(['/api/queue/counters/1/call-next']);
    await sendKeys({ press: 'r' });
    await el.updateComplete;
    await sendKeys({ press: 'T' });
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('transfer-service');
    await sendKeys({ press: 'd' });
    await el.updateComplete;
    expect(posts().map((c) => c.path.split('/').pop())).to.deep.equal(['call-next', 'recall']);

    (document.activeElement as HTMLElement).blur();
    await openIntake(el);
    $<HTMLInputElement>(el, '#procedure-search').focus();
    await sendKeys({ type: 'nd' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#procedure-search').value).to.equal('nd');
    expect(posts()).to.have.length(2);
  });

  it('takes no shortcut from a text area or an editable region of the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><textarea aria-label="Ghi chú"></textarea><div contenteditable="true" aria-label="Soạn thảo"></div
        ><motcua-counter-console counter="1" .token=${'demo-counter-1'}></motcua-counter-console></div>`,
    );
    const el = wrapper.querySelector('motcua-counter-console') as MotcuaCounterConsole;
    await el.updateComplete;
    for (const field of ['textarea', '[contenteditable]']) {
      (wrapper.querySelector(field) as HTMLElement).focus();
      await sendKeys({ type: 'nd' });
      await el.updateComplete;
    }
    expect(posts()).to.have.length(0);
  });

  it('reads the services as given: an entry without an id is left out, a service without a name shows its id', async () => {
    stubServer({
      'GET /api/queue/services': () =>
        json(200, {
          services: [{ id: 'ho-tich', name: { vi: 'Hộ tịch' } }, null, { name: { vi: 'x' } }, { id: 'dat-dai' }],
        }),
    });
    const el = await consoleFor();
    const options = [...shadow(el).querySelectorAll('#transfer-service option')].map((o) => text(o));
    expect(options.slice(1)).to.deep.equal(['Hộ tịch', 'dat-dai']);
  });

  it('speaks English and takes string overrides', async () => {
    const el = await consoleFor({ lang: 'en' });
    expect(text($(el, 'h2'))).to.equal('Counter 1');
    expect(label(button(el, 'next'))).to.equal('Call next');
    expect(text(button(el, 'next').querySelector('kbd'))).to.equal('N');
    expect(text($(el, '#transfer-service option'))).to.equal('— Choose a service —');
    el.strings = { en: { next: 'Next please' }, vi: { next: 'Mời số tiếp' } };
    await el.updateComplete;
    expect(label(button(el, 'next'))).to.equal('Next please');
    el.lang = 'vi';
    await el.updateComplete;
    expect(label(button(el, 'next'))).to.equal('Mời số tiếp');
    await press(el, 'next');
    expect([...$<HTMLSelectElement>(el, '#transfer-service').options].map((o) => o.textContent)).to.deep.equal([
      '— Chọn dịch vụ —',
      'Đất đai',
    ]);
  });

  describe('dossier intake', () => {
    it('is accessible, searching and once a procedure is chosen', async () => {
      const el = await consoleFor();
      await press(el, 'next');
      await openIntake(el);
      expect($(el, '[part~="intake-toggle"]').getAttribute('aria-expanded')).to.equal('true');
      await typeInto(el, '#procedure-search', 'khai');
      await expect(el).to.be.accessible();
      await fillIntake(el);
      await expect(el).to.be.accessible();
      await submitIntake(el);
      expect($(el, '[part="receipt"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('takes overrides of its own strings, per instance and per page', async () => {
      configure({ strings: { 'motcua-counter-console': { vi: { addDocument: 'Thêm' } } } });
      const el = await consoleFor();
      el.strings = { vi: { receive: 'Nhận hồ sơ' } };
      await openIntake(el);
      await chooseProcedure(el, 'khai sinh', 'Đăng ký khai sinh');
      expect(text($(el, '[part~="receive"]'))).to.equal('Nhận hồ sơ');
      expect(text($(el, '[part="documents"] div button'))).to.equal('Thêm');
    });

    it('finds procedures without diacritics, by code, and renders hostile names as text', async () => {
      const el = await consoleFor();
      await openIntake(el);
      expect(calls.some((c) => c.path === '/api/catalogue')).to.equal(true);
      await typeInto(el, '#procedure-search', 'dang ky khai sinh');
      expect([...shadow(el).querySelectorAll('[part~="procedure"]')].map(text)).to.deep.equal([
        'Đăng ký khai sinh (1.001193)',
      ]);
      expect(text($(el, '#intake [role="status"]'))).to.equal('1 thủ tục phù hợp');
      await typeInto(el, '#procedure-search', '2.000815');
      expect(text($(el, '[part~="procedure"]'))).to.equal('Chứng thực bản sao từ bản chính (2.000815)');
      await typeInto(el, '#procedure-search', 'ket hon');
      expect(text($(el, '[part~="procedure"]'))).to.equal(`${HOSTILE}Đăng ký kết hôn (1.000894)`);
      expect(shadow(el).querySelector('img')).to.equal(null);
      await typeInto(el, '#procedure-search', 'Khai Sinh');
      $(el, '#procedure-search').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await el.updateComplete;
      expect(text($(el, '#procedure-chosen'))).to.equal('Thủ tục: Đăng ký khai sinh (1.001193)');
      $<HTMLButtonElement>(el, '#procedure-chosen + div button').click();
      await el.updateComplete;
      expect(shadow(el).activeElement?.id).to.equal('procedure-search');
      await typeInto(el, '#procedure-search', 'xyz');
      expect(text($(el, '#intake [role="status"]'))).to.equal('Không có thủ tục phù hợp');
    });

    it('says why the catalogue could not be loaded, and retries', async () => {
      stubServer({
        'GET /api/catalogue': () =>
          refusal(404, 'no-catalogue', 'Máy chủ chưa được cấu hình danh mục thủ tục', 'No procedure catalogue'),
      });
      const el = await consoleFor();
      await openIntake(el);
      expect(text($(el, '#intake [role="alert"]'))).to.equal(
        'Không tải được danh mục thủ tục. Máy chủ chưa được cấu hình danh mục thủ tục',
      );
      stubServer();
      $<HTMLButtonElement>(el, '#intake form > button').click();
      await el.updateComplete;
      expect($(el, '#procedure-search')).to.not.equal(null);
    });

    it('lists the procedure’s documents to tick, and takes other documents', async () => {
      const el = await consoleFor();
      await openIntake(el);
      await chooseProcedure(el, 'khai sinh', 'Đăng ký khai sinh');
      expect(shadow(el).activeElement?.id).to.equal('procedure-chosen');
      const labels = [...shadow(el).querySelectorAll('[part="documents"] .check')].map(text);
      expect(labels).to.deep.equal([
        'Tờ khai đăng ký khai sinh — Bản chính, 1 bản',
        'Giấy chứng sinh — Bản sao, 2 bản',
      ]);
      expect($<HTMLInputElement>(el, '#document-0').checked).to.equal(false);
      await typeInto(el, '#other-document', 'Giấy ủy quyền');
      const form = $<HTMLSelectElement>(el, '#other-form');
      form.value = 'certified-copy';
      form.dispatchEvent(new Event('change'));
      $<HTMLButtonElement>(el, '[part="documents"] div button').click();
      await el.updateComplete;
      expect(text(shadow(el).querySelectorAll('[part="documents"] .check')[2])).to.equal(
        'Giấy ủy quyền — Bản sao chứng thực, 1 bản',
      );
      expect($<HTMLInputElement>(el, '#document-2').checked).to.equal(true);
    });

    it('adds each other document typed and entered with Enter on its own, and clears the field', async () => {
      const el = await consoleFor();
      await openIntake(el);
      await chooseProcedure(el, 'khai sinh', 'Đăng ký khai sinh');
      $<HTMLInputElement>(el, '#other-document').focus();
      await sendKeys({ type: 'Giay to can chung thuc' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#other-document').value, 'the field is empty again').to.equal('');
      await sendKeys({ type: 'CCCD' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const labels = [...shadow(el).querySelectorAll('[part="documents"] .check')].map(text).slice(2);
      expect(labels).to.deep.equal(['Giay to can chung thuc — Bản chính, 1 bản', 'CCCD — Bản chính, 1 bản']);
      expect(shadow(el).activeElement?.id).to.equal('other-document');
    });

    it('refuses to send without a procedure, a name or a document', async () => {
      const el = await consoleFor();
      await openIntake(el);
      await submitIntake(el);
      expect(text($(el, '#intake [role="alert"]'))).to.equal('Hãy chọn thủ tục');
      await chooseProcedure(el, 'khai sinh', 'Đăng ký khai sinh');
      await submitIntake(el);
      expect(text($(el, '#intake [role="alert"]'))).to.equal('Hãy nhập họ và tên người nộp hồ sơ');
      expect(shadow(el).activeElement?.id).to.equal('applicant-name');
      await typeInto(el, '#applicant-name', 'Trần Thị B');
      await submitIntake(el);
      expect(text($(el, '#intake [role="alert"]'))).to.equal('Hãy đánh dấu ít nhất một giấy tờ đã nhận');
      expect(posts('/api/dossiers')).to.have.length(0);
    });

    it('receives the dossier with the ticket link and an Idempotency-Key, reused after a network failure', async () => {
      let fail = true;
      stubServer({
        'POST /api/dossiers': (call) => {
          if (fail) return offline();
          return defaultRoutes()['POST /api/dossiers']?.(call) as Response;
        },
      });
      const el = await consoleFor();
      await press(el, 'next');
      await openIntake(el);
      expect(text($(el, '#ticket-link'))).to.equal('Hồ sơ gắn với số thứ tự A001');
      await fillIntake(el);
      await submitIntake(el);
      expect(text($(el, '#intake [role="alert"]'))).to.contain('Không kết nối được máy chủ');
      fail = false;
      let received: unknown;
      el.addEventListener('motcua-dossier-received', (e) => {
        received = (e as CustomEvent).detail;
      });
      await submitIntake(el);
      const [first, second] = posts('/api/dossiers');
      expect(first?.auth).to.equal('Bearer demo-counter-1');
      expect(first?.key).to.match(/^[0-9a-f]{32}$/);
      expect(second?.key).to.equal(first?.key);
      expect(second?.body).to.deep.equal({
        procedure: '1.001193',
        applicant: { name: 'Trần Thị B', phone: '0912 345 678' },
        documents: [
          { name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
          { name: 'Giấy chứng sinh', form: 'copy', copies: 2 },
        ],
        delivery: 'counter',
        ticket: 't-A001',
      });
      expect(received).to.deep.equal({ code: '000.00.15.H41-261123-0001', ticket: 't-A001' });
      const summary = text($(el, '[part="receipt"]'));
      expect(summary).to.contain('Đã tiếp nhận hồ sơ 000.00.15.H41-261123-0001');
      expect(summary).to.contain('482913');
      // Received at 15:30 on Monday 23/11/2026, after the 15:00 cutoff: the next working day counts, and Tuesday 24/11
      // is Ngày Văn hóa Việt Nam (a day off from 2026), so the result is due on Wednesday 25/11.
      expect(summary).to.contain('17 giờ 00 phút, ngày 25 tháng 11 năm 2026');
      expect(shadow(el).activeElement?.id).to.equal('received-heading');

      $<HTMLButtonElement>(el, '[part="receipt"] .row button:last-child').click();
      await el.updateComplete;
      await fillIntake(el);
      await submitIntake(el);
      expect(posts('/api/dossiers')[2]?.key).to.not.equal(first?.key);
    });

    it('receives a dossier for the competent authority elsewhere, only for a procedure accepted regardless of boundary', async () => {
      stubServer({
        'POST /api/dossiers': (call) => {
          const s = receiptSlip(
            {
              code: '000.00.15.H41-261123-0001',
              agency: 'UBND xã Mẫu',
              applicant: { name: 'Trần Thị B' },
              procedure: 'Đăng ký khai sinh',
              documents: [{ name: 'Tờ khai đăng ký khai sinh' }],
              receivedAt: '2026-11-23T10:00:00+07:00',
              limit: { value: 0, unit: 'immediate' },
              acrossBoundary: call.body?.acrossBoundary === true,
            },
            { calendar: vietnamCalendar() },
          );
          return json(201, { code: s.code, pin: '482913', dueAt: s.dueAt, ticket: null, receipt: s });
        },
      });
      const el = await consoleFor();
      await openIntake(el);
      await chooseProcedure(el, 'chứng thực', 'Chứng thực bản sao từ bản chính');
      expect($(el, '#across-boundary')).to.equal(null);
      [...shadow(el).querySelectorAll<HTMLButtonElement>('button')]
        .find((b) => text(b) === 'Chọn thủ tục khác')
        ?.click();
      await el.updateComplete;
      await fillIntake(el);
      $<HTMLInputElement>(el, '#across-boundary').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await submitIntake(el);
      expect(posts('/api/dossiers')[0]?.body).to.include({ procedure: '1.001193', acrossBoundary: true });
      expect(text($(el, '[part="receipt"]'))).to.contain(
        'thời hạn giải quyết được tính từ thời điểm cơ quan có thẩm quyền',
      );
    });

    it('shows the server’s refusal of a dossier with its problems', async () => {
      stubServer({
        'POST /api/dossiers': () =>
          json(400, {
            error: {
              code: 'invalid-input',
              message: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
              problems: [
                { path: 'applicant.email', code: 'x', message: { vi: 'Email quá dài', en: 'E-mail too long' } },
              ],
            },
          }),
      });
      const el = await consoleFor();
      await openIntake(el);
      await fillIntake(el);
      await submitIntake(el);
      expect(text($(el, '#intake [role="alert"]'))).to.equal('Dữ liệu gửi lên không hợp lệ Email quá dài');
      expect(posts('/api/dossiers')[0]?.body).to.not.have.property('ticket');
      expect(posts('/api/dossiers')[0]?.body).to.not.have.property('place');
      el.place = 'Xã An Bình';
      el.officer = 'Phạm Văn D';
      await submitIntake(el);
      expect(posts('/api/dossiers')[1]?.body).to.include({ place: 'Xã An Bình', receivedBy: 'Phạm Văn D' });
    });

    it('prints the receipt slip with code, PIN, documents, due time and both QR codes', async () => {
      const el = await consoleFor();
      el.statusUrl = '/tra-cuu.html?code={code}';
      el.ratingUrl = '/danh-gia.html?t={token}';
      let printed: Document | undefined;
      el.printer = (view) => {
        printed = view.document;
      };
      await press(el, 'next');
      await openIntake(el);
      await fillIntake(el, `Lê Văn C ${HOSTILE}`);
      await submitIntake(el);
      const finish = $<HTMLButtonElement>(el, '[part~="finish-print"]');
      expect(text(finish)).to.equal('Xong số A001 và in giấy tiếp nhận');
      finish.click();
      await el.updateComplete;
      expect(posts('/done')).to.have.length(1);
      expect(text($(el, '[part="receipt"] [role="status"]'))).to.equal(
        'Đã gửi giấy tiếp nhận hồ sơ 000.00.15.H41-261123-0001 tới máy in',
      );

      const doc = printed as Document;
      const frame = document.querySelector('iframe') as HTMLIFrameElement;
      expect(frame.contentDocument).to.equal(doc);
      expect(frame.getAttribute('aria-hidden')).to.equal('true');
      const body = text(doc.body);
      expect(body).to.contain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      expect(body).to.contain('Mã số hồ sơ: 000.00.15.H41-261123-0001');
      expect(body).to.contain('Mã tra cứu (PIN): 482913');
      expect(body).to.contain('Tờ khai đăng ký khai sinh');
      expect(body).to.contain('Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 25 tháng 11 năm 2026');
      expect(body).to.contain('Thời gian nhận hồ sơ: 15 giờ 30 phút, ngày 23 tháng 11 năm 2026');
      expect(body).to.contain(`Tiếp nhận hồ sơ của ông/bà: Lê Văn C ${HOSTILE}`);
      expect(doc.querySelector('img')).to.equal(null);
      const figures = [...doc.querySelectorAll<HTMLElement>('figure')];
      expect(figures.map((f) => f.dataset.qr)).to.deep.equal(['status', 'rating']);
      expect(figures[0]?.dataset.url).to.equal(`${location.origin}/tra-cuu.html?code=000.00.15.H41-261123-0001`);
      expect(figures[1]?.dataset.url).to.equal(`${location.origin}/danh-gia.html?t=r1.abc`);
      expect(figures.every((f) => f.querySelector('svg path')?.getAttribute('d'))).to.equal(true);
      const sheet = [...doc.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
      expect(sheet).to.match(/@page \{ size: a5;/); // portrait is A5's default orientation
    });

    it('prints without a rating code before the ticket is finished, and in English', async () => {
      const el = await consoleFor({ lang: 'en' });
      let printed: Document | undefined;
      el.printer = (view) => {
        printed = view.document;
      };
      el.paper = 'A4';
      await openIntake(el);
      await fillIntake(el);
      await submitIntake(el);
      expect(text($(el, '[part="receipt"]'))).to.contain('Result due 17:00, 25/11/2026');
      expect($(el, '[part~="finish-print"]')).to.equal(null);
      $<HTMLButtonElement>(el, '[part~="print"]').click();
      await el.updateComplete;
      const doc = printed as Document;
      expect(text(doc.body)).to.contain('Result due at: 17:00, 25/11/2026');
      expect(text(doc.body)).to.contain('Lookup PIN: 482913');
      expect([...doc.querySelectorAll<HTMLElement>('figure')].map((f) => f.dataset.qr)).to.deep.equal(['status']);
      const sheet = [...doc.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
      expect(sheet).to.match(/@page \{ size: a4;/);
    });
  });
});

describe('<motcua-counter-console> without a token: the officer signs in', () => {
  const SESSION = {
    user: { id: 'u1', username: 'canbo1', displayName: 'Nguyễn Văn An' },
    office: 'demo',
    roles: ['officer'],
    expiresAt: '2026-12-05T10:00:00.000Z',
    idleExpiresAt: '2026-12-05T02:30:00.000Z',
  };
  const BOARD = {
    businessDate: '2026-12-05',
    version: 1,
    counters: [
      { id: '1', label: 'Quầy 1', ticket: null },
      { id: '2', label: 'Quầy 2', ticket: null },
    ],
    recent: [],
  };
  let signedIn = false;
  const sessionRoutes = (): Record<string, Handler> => ({
    'GET /api/session': () => (signedIn ? json(200, SESSION) : refusal(401, 'not-signed-in', 'Chưa', 'Not')),
    'POST /api/session': (call) => {
      signedIn = call.body?.password === 'dung-mat-khau';
      return signedIn ? json(200, SESSION) : refusal(401, 'sign-in-failed', 'Sai', 'Wrong');
    },
    'DELETE /api/session': () => {
      signedIn = false;
      return new Response(null, { status: 204 });
    },
    'GET /api/queue/board': () => json(200, BOARD),
  });
  const signInOf = (el: MotcuaCounterConsole) =>
    (el.shadowRoot as ShadowRoot).querySelector('motcua-sign-in') as HTMLElement & {
      updateComplete: Promise<unknown>;
      shadowRoot: ShadowRoot;
    };

  beforeEach(() => {
    calls = [];
    signedIn = false;
    localStorage.removeItem('motcua-counter-console:counter');
    stubServer(sessionRoutes());
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    localStorage.removeItem('motcua-counter-console:counter');
  });

  it('signs in, offers the board’s counters, then works the chosen one with the session and names its officer', async () => {
    const el = await fixture<MotcuaCounterConsole>(html`<motcua-counter-console></motcua-counter-console>`);
    await el.updateComplete;
    const signIn = signInOf(el);
    await signIn.updateComplete;
    expect(button(el, 'next')).to.equal(null);
    (signIn.shadowRoot.querySelector('#username') as HTMLInputElement).value = 'canbo1';
    (signIn.shadowRoot.querySelector('#password') as HTMLInputElement).value = 'dung-mat-khau';
    signIn.shadowRoot.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await signIn.updateComplete;
    await el.updateComplete;
    // The officer is named once, by the sign-in (with its sign-out button), not again by the console.
    expect(signIn.shadowRoot.querySelector('[part="session"]')?.textContent).to.contain('Nguyễn Văn An');
    expect(text(el.shadowRoot as ShadowRoot)).not.to.contain('Cán bộ: Nguyễn Văn An');
    const choice = $(el, '#counter-choice') as HTMLSelectElement;
    expect([...choice.options].map((o) => o.textContent?.trim())).to.deep.equal(['Quầy làm việc', 'Quầy 1', 'Quầy 2']);
    await expect(el).to.be.accessible();
    choice.value = '1';
    choice.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.counter).to.equal('1');
    expect(localStorage.getItem('motcua-counter-console:counter')).to.equal('1');
    await press(el, 'next');
    const post = posts('/call-next')[0];
    expect(post?.auth).to.equal(null);
    expect(post?.counter).to.equal('1');
    expect(post?.key).to.match(/^[0-9a-f]{32}$/);
    expect(text($(el, '[part="number"]'))).to.equal('A001');
    expect(calls.find((c) => c.path.endsWith('/counters/1/current'))?.auth).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('takes the counter remembered on this device when the officer is signed in already', async () => {
    signedIn = true;
    localStorage.setItem('motcua-counter-console:counter', '2');
    routes['GET /api/queue/counters/2/current'] = () => json(200, { ticket: ticket({ number: 'B002' }) });
    const el = await fixture<MotcuaCounterConsole>(html`<motcua-counter-console lang="en"></motcua-counter-console>`);
    await el.updateComplete;
    await signInOf(el).updateComplete;
    await el.updateComplete;
    expect(el.counter).to.equal('2');
    expect(signInOf(el).shadowRoot?.querySelector('[part="session"]')?.textContent).to.contain('Nguyễn Văn An');
    expect(text($(el, '[part="number"]'))).to.equal('B002');
    expect(calls.find((c) => c.path === '/api/queue/counters/2/current')?.counter).to.equal('2');
  });

  it('keeps working with a token as before, without asking anyone to sign in', async () => {
    const el = await consoleFor();
    expect((el.shadowRoot as ShadowRoot).querySelector('motcua-sign-in')).to.equal(null);
    expect(calls.some((c) => c.path === '/api/session')).to.equal(false);
  });
});

describe('<motcua-counter-console pair>: a counter tablet pairs with the server', () => {
  const PAIRED = 'motcua:paired-device';
  const CLAIM = 'motcua:pairing-claim';
  const DEVICE = {
    id: 'd1',
    name: 'Máy tính bảng quầy 2',
    kind: 'counter',
    counter: '2',
    createdAt: '2026-12-05T01:00:00Z',
  };
  let collects = 0;
  let codes = ['KX794M', 'PQ3R7T'];

  const pairingRoutes = (): Record<string, Handler> => ({
    'POST /api/devices/pairings': () => json(201, { code: codes[0], expiresAt: '2026-12-05T01:10:00Z' }),
    'POST /api/devices/pairings/collect': () => {
      collects++;
      return collects < 2
        ? json(202, { status: 'pending', expiresAt: '2026-12-05T01:10:00Z' })
        : json(200, { credential: 'paired-credential-of-tablet-2', device: DEVICE });
    },
    'GET /api/queue/counters/2/current': (call) =>
      call.auth === 'Bearer paired-credential-of-tablet-2'
        ? json(200, { ticket: null })
        : refusal(401, 'unauthorized', 'Cần mã truy cập', 'A token is needed'),
  });
  const code = (el: MotcuaCounterConsole) => text($(el, '[part="pairing-code"]'));

  beforeEach(() => {
    calls = [];
    collects = 0;
    codes = ['KX794M', 'PQ3R7T'];
    localStorage.removeItem(PAIRED);
    localStorage.removeItem(CLAIM);
    stubServer(pairingRoutes());
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    localStorage.removeItem(PAIRED);
    localStorage.removeItem(CLAIM);
  });

  it('shows its code big until an admin approves, then works its counter with the credential it collected', async () => {
    const el = await fixture<MotcuaCounterConsole>(html`<motcua-counter-console pair></motcua-counter-console>`);
    await waitUntil(() => code(el) === 'KX7-94M', 'the pairing code', { timeout: 5000 });
    expect((el.shadowRoot as ShadowRoot).querySelector('motcua-sign-in'), 'no officer sign-in').to.equal(null);
    expect(text(el.shadowRoot as ShadowRoot)).to.contain('Ghép nối thiết bị');
    expect($(el, '[part="pairing-code"]').getAttribute('aria-label')).to.equal('Mã ghép nối: K X 7 9 4 M');
    expect(Number.parseFloat(getComputedStyle($(el, '[part="pairing-code"]')).fontSize)).to.be.at.least(40);
    await expect(el).to.be.accessible();
    await waitUntil(() => el.token !== '', 'the credential collected', { timeout: 10_000 });
    await el.updateComplete;
    // One claim, in request bodies only, never in an address; no credential sent while pairing.
    const pairing = calls.filter((c) => c.path.startsWith('/api/devices/'));
    const claims = new Set(pairing.map((c) => c.body?.claim));
    expect(claims.size).to.equal(1);
    expect(String([...claims][0])).to.match(/^[\w-]{43}$/);
    expect(pairing.every((c) => c.auth === null && !c.path.includes(String([...claims][0])))).to.equal(true);
    expect(el.counter).to.equal('2');
    expect(JSON.parse(localStorage.getItem(PAIRED) ?? '{}').credential).to.equal('paired-credential-of-tablet-2');
    expect(localStorage.getItem(CLAIM)).to.equal(null);
    await waitUntil(() => button(el, 'next'), 'the console', { timeout: 5000 });
    expect(calls.find((c) => c.path === '/api/queue/counters/2/current')?.auth).to.equal(
      'Bearer paired-credential-of-tablet-2',
    );
    expect($(el, '[part="pairing-code"]')).to.equal(null);
  });

  it('starts with the credential kept on the device, and pairs again once the server refuses it (revoked)', async () => {
    localStorage.setItem(PAIRED, JSON.stringify({ credential: 'paired-credential-of-tablet-2', device: DEVICE }));
    const el = await fixture<MotcuaCounterConsole>(
      html`<motcua-counter-console pair lang="en"></motcua-counter-console>`,
    );
    await waitUntil(() => button(el, 'next'), 'the console', { timeout: 5000 });
    expect(calls.some((c) => c.path.startsWith('/api/devices/'))).to.equal(false);
    // Revoked: every counter route now answers 401.
    routes['POST /api/queue/counters/2/call-next'] = () => refusal(401, 'unauthorized', 'Thu hồi', 'Revoked');
    codes = ['PQ3R7T'];
    await press(el, 'next');
    await waitUntil(() => code(el) === 'PQ3-R7T', 'a new pairing code', { timeout: 5000 });
    expect(localStorage.getItem(PAIRED)).to.equal(null);
    expect(text(el.shadowRoot as ShadowRoot)).to.contain('Pair this device');
    await expect(el).to.be.accessible();
  });
});
