import { expect, fixture, html } from '@open-wc/testing';
import type { MotcuaCounterConsole } from './counter-console.js';
import './counter-console.js';

// The console's desk: who waits per service, the priority mark, the pause, a number out of turn, re-admitting a
// no-show, and the rating QR code after "Xong". The server is stubbed at the HTTP boundary.

interface Call {
  readonly method: string;
  readonly path: string;
  readonly auth: string | null;
  readonly key: string | null;
  readonly body: Record<string, unknown> | undefined;
}

const realFetch = globalThis.fetch;
let calls: Call[] = [];
let desk: Record<string, unknown>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const ticket = (over: Record<string, unknown> = {}) => ({
  id: 't-A001',
  number: 'A001',
  service: 'ho-tich',
  priority: 'thuong',
  status: 'called',
  calls: 1,
  counter: '1',
  ...over,
});

function routes(call: Call): Response {
  switch (`${call.method} ${call.path}`) {
    case 'GET /api/queue/services':
      return json(200, {
        services: [
          { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } },
          { id: 'chung-thuc', prefix: 'C', name: { vi: 'Chứng thực', en: 'Certification' } },
        ],
        priorityClasses: [
          { id: 'thuong', name: { vi: 'Thường', en: 'Normal' }, weight: 0 },
          { id: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi', en: 'Older person' }, weight: 2 },
        ],
      });
    case 'GET /api/queue/counters/1/current':
      return json(200, { ticket: null });
    case 'GET /api/queue/counters/1/desk':
      return json(200, desk);
    case 'POST /api/queue/counters/1/call-next':
      return desk.paused
        ? json(409, {
            error: { code: 'counter-paused', message: { vi: 'Quầy 1 đang tạm dừng', en: 'Counter 1 is paused' } },
          })
        : json(200, { ticket: ticket({ priority: 'nguoi-cao-tuoi' }) });
    case 'POST /api/queue/counters/1/done':
      return json(200, { ticket: ticket({ status: 'done' }), ratingToken: 'r1.abc/+' });
    case 'POST /api/queue/counters/1/pause':
      desk = { ...desk, paused: call.body?.paused === true };
      return json(200, { paused: desk.paused });
    case 'POST /api/queue/counters/1/call':
      return call.body?.number === 'A007'
        ? json(200, { ticket: ticket({ id: 't-A007', number: 'A007' }) })
        : json(404, {
            error: { code: 'unknown-number', message: { vi: 'Không có phiếu chờ', en: 'No such ticket waiting' } },
          });
    case 'POST /api/queue/counters/1/readmit':
      desk = { ...desk, noShows: [] };
      return json(200, { ticket: ticket({ id: 't-A003', number: 'A003', status: 'issued' }) });
    default:
      return json(404, { error: { code: 'not-found', message: { vi: 'Không có', en: 'None' } } });
  }
}

function stubServer(): void {
  calls = [];
  desk = {
    paused: false,
    waiting: [
      { service: 'ho-tich', count: 4, priority: 1 },
      { service: 'chung-thuc', count: 0, priority: 0 },
    ],
    noShows: [{ number: 'A003', service: 'ho-tich', priority: 'thuong' }],
  };
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const call: Call = {
      method: init.method ?? 'GET',
      path: new URL(String(input)).pathname,
      auth: headers.get('Authorization'),
      key: headers.get('Idempotency-Key'),
      body: init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined,
    };
    calls.push(call);
    return routes(call);
  }) as typeof fetch;
}

const shadow = (el: MotcuaCounterConsole) => el.shadowRoot as ShadowRoot;
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: MotcuaCounterConsole, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const posts = (path: string) => calls.filter((c) => c.method === 'POST' && c.path.endsWith(path));

async function consoleFor(lang = 'vi'): Promise<MotcuaCounterConsole> {
  const el = await fixture<MotcuaCounterConsole>(
    html`<motcua-counter-console counter="1" lang=${lang} rating-url="/danh-gia.html?t={token}"
      .token=${'demo-counter-1'}></motcua-counter-console>`,
  );
  await el.updateComplete;
  return el;
}

async function click(el: MotcuaCounterConsole, target: HTMLElement | null): Promise<void> {
  (target as HTMLElement).click();
  await el.updateComplete;
}

describe('<motcua-counter-console> desk', () => {
  beforeEach(stubServer);
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('shows who waits per service with the priority count, and marks a priority ticket', async () => {
    const el = await consoleFor();
    expect(text(part(el, 'waiting'))).to.equal('Đang chờ: Hộ tịch: 4 (1 ưu tiên) · Chứng thực: 0');
    expect(calls.find((c) => c.path === '/api/queue/counters/1/desk')?.auth).to.equal('Bearer demo-counter-1');
    expect(part(el, 'priority-mark')).to.equal(null);
    await click(el, shadow(el).querySelector('button[data-action="next"]'));
    expect(text(part(el, 'priority-mark'))).to.equal('Ưu tiên: Người cao tuổi');
    await expect(el).to.be.accessible();
  });

  it('shows the rating QR code after "Xong", with the done answer’s token, until the next command', async () => {
    const el = await consoleFor();
    await click(el, shadow(el).querySelector('button[data-action="next"]'));
    expect(part(el, 'rating-qr')).to.equal(null);
    await click(el, shadow(el).querySelector('button[data-action="done"]'));
    const figure = part(el, 'rating-qr') as HTMLElement;
    const qr = figure.querySelector('svg') as SVGSVGElement;
    expect(qr.getAttribute('aria-label')).to.equal('Mã QR đánh giá số A001');
    expect(text(figure)).to.contain('Mời công dân quét mã để đánh giá số A001.');
    expect(figure.querySelector('path')?.getAttribute('d')).to.match(/^M\d/);
    await expect(el).to.be.accessible();
    await click(el, shadow(el).querySelector('button[data-action="next"]'));
    expect(part(el, 'rating-qr')).to.equal(null);
  });

  it('pauses and resumes the counter: "next" is refused while paused, and the button says so', async () => {
    const el = await consoleFor();
    const pause = part(el, 'pause') as HTMLButtonElement;
    expect(pause.getAttribute('aria-pressed')).to.equal('false');
    await click(el, pause);
    expect(posts('/pause').map((c) => c.body)).to.deep.equal([{ paused: true }]);
    expect(pause.getAttribute('aria-pressed')).to.equal('true');
    expect(text(part(el, 'desk'))).to.contain('Quầy đang tạm dừng: không gọi số.');
    expect(text(part(el, 'status'))).to.equal('Quầy đang tạm dừng: không gọi số.');
    const next = shadow(el).querySelector('button[data-action="next"]') as HTMLButtonElement;
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    await click(el, next);
    expect(posts('/call-next')).to.have.length(0);
    await expect(el).to.be.accessible();
    await click(el, pause);
    expect(posts('/pause').map((c) => c.body)).to.deep.equal([{ paused: true }, { paused: false }]);
    expect(text(part(el, 'status'))).to.equal('Quầy đã mở lại.');
    expect(next.getAttribute('aria-disabled')).to.equal('false');
  });

  it('calls a number out of turn, with an Idempotency-Key, and shows the server’s refusal of an unknown one', async () => {
    const el = await consoleFor();
    const input = shadow(el).querySelector('#call-number') as HTMLInputElement;
    const call = part(el, 'call') as HTMLButtonElement;
    // An empty number is not sent: the field is required.
    await click(el, call);
    expect(input.validity.valid).to.equal(false);
    expect(posts('/call')).to.have.length(0);
    input.value = 'A009';
    input.dispatchEvent(new Event('input'));
    await click(el, call);
    expect(text(part(el, 'error'))).to.equal('Không có phiếu chờ');
    input.value = 'A007';
    input.dispatchEvent(new Event('input'));
    await click(el, call);
    const sent = posts('/call').at(-1);
    expect(sent?.body).to.deep.equal({ number: 'A007' });
    expect(sent?.key).to.be.a('string').and.not.equal('');
    expect(text(part(el, 'number'))).to.equal('A007');
    expect(text(part(el, 'error'))).to.equal('');
    expect(input.value).to.equal('');
  });

  it('re-admits a no-show who comes back, in English too', async () => {
    const el = await consoleFor('en');
    const readmit = part(el, 'readmit') as HTMLButtonElement;
    expect(text(readmit)).to.equal('Re-admit A003');
    await click(el, readmit);
    expect(posts('/readmit').map((c) => c.body)).to.deep.equal([{ number: 'A003' }]);
    expect(text(part(el, 'status'))).to.equal('A003 is back in the queue.');
    expect(part(el, 'readmit')).to.equal(null);
    expect(text(part(el, 'waiting'))).to.equal('Waiting: Civil status: 4 (1 priority) · Certification: 0');
    await expect(el).to.be.accessible();
  });
});
