import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { type RecordingEngine, recordingEngine } from '../internal/speech/index.js';
import type { MotcuaTicketKiosk, TicketIssuedDetail, TicketRefusedDetail } from './ticket-kiosk.js';
import './ticket-kiosk.js';
import { browserCommand, sendKeys } from '../internal/browser-commands.test-support.js';
import { stubWakeLock, WakeLockStub } from '../internal/wake-lock.test-support.js';

// ---- helpers -------------------------------------------------------------------------------------------------

interface Post {
  readonly url: string;
  readonly key: string | null;
  readonly authorization: string | null;
  readonly body: { service?: string; priority?: string };
}

const SERVICES = {
  office: { id: 'demo', name: { vi: 'UBND xã Mẫu', en: 'Sample Commune' } },
  services: [
    { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } },
    { id: 'dat-dai', prefix: 'B', name: { vi: 'Đất đai', en: 'Land' } },
  ],
  priorityClasses: [
    { id: 'thuong', name: { vi: 'Thông thường', en: 'Normal' }, weight: 0 },
    { id: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi', en: 'Older person (60+)' }, weight: 1 },
    { id: 'nguoi-khuyet-tat', name: { vi: 'Người khuyết tật', en: 'Person with a disability' }, weight: 1 },
  ],
  defaultPriority: 'thuong',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * The server at its HTTP boundary: services, tickets with idempotency keys (a key seen before is answered with its
 * stored answer, as the real server does) and the ticket's wait. `network` decides what happens on the wire.
 */
class MockServer {
  services: unknown = SERVICES;
  /** How many times the services were asked for. */
  servicesLoads = 0;
  /** Every ticket the server issued, in order. */
  readonly issued: { key: string | null; id: string; number: string; service: string; priority: string }[] = [];
  /** Every POST that reached the server. */
  readonly posts: Post[] = [];
  /** Every POST the kiosk sent, reaching the server or not. */
  readonly sent: Post[] = [];
  readonly stored = new Map<string, { status: number; body: unknown }>();
  /** The refusal to answer new tickets with, if any. */
  refusal: { status: number; body: unknown } | undefined;
  ahead = 3;
  minutes: { low: number; middle: number; high: number } | undefined = { low: 10, middle: 12, high: 15 };
  /**
   * `up`; `down`: nothing reaches the server; `lost`: requests reach it but answers are lost; `hang`: the request
   * reaches it and the answer never comes (until the kiosk gives up); `cut`: one answer breaks off half-way.
   */
  network: 'up' | 'down' | 'lost' | 'hang' | 'cut' = 'up';
  /** The ticket's wait never answers (until the kiosk gives up). */
  waitHangs = false;

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    if ((init.method ?? 'GET') === 'POST') {
      const headers = new Headers(init.headers);
      const post: Post = {
        url: url.pathname,
        key: headers.get('Idempotency-Key'),
        authorization: headers.get('Authorization'),
        body: JSON.parse(String(init.body)) as Post['body'],
      };
      this.sent.push(post);
      if (this.network === 'down') throw new TypeError('Failed to fetch');
      const answer = this.issue(post);
      if (this.network === 'lost') throw new TypeError('Failed to fetch');
      if (this.network === 'cut') {
        // The headers arrive, the body breaks off half-way; the next request gets through.
        this.network = 'up';
        const stream = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":'));
            controller.error(new TypeError('network error'));
          },
        });
        return new Response(stream, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
      }
      if (this.network === 'hang') {
        return new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      }
      return json(answer.status, answer.body);
    }
    if (this.network === 'down') throw new TypeError('Failed to fetch');
    if (url.pathname.endsWith('/api/queue/services')) {
      this.servicesLoads++;
      return json(200, this.services);
    }
    if (this.waitHangs) {
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const match = url.pathname.match(/\/api\/queue\/tickets\/([^/]+)$/);
    const ticket = this.issued.find((t) => t.id === decodeURIComponent(match?.[1] ?? ''));
    if (!ticket) return json(404, { error: { code: 'unknown-ticket', message: { vi: '?', en: '?' } } });
    const wait = { ahead: this.ahead, method: this.minutes ? 'queue-length' : 'position-only', sampleSize: 9 };
    return json(200, { ticket, wait: this.minutes ? { ...wait, minutes: this.minutes } : wait });
  };

  private issue(post: Post): { status: number; body: unknown } {
    this.posts.push(post);
    const seen = post.key ? this.stored.get(post.key) : undefined;
    if (seen) return seen;
    let answer: { status: number; body: unknown };
    if (this.refusal) answer = this.refusal;
    else {
      const service = SERVICES.services.find((s) => s.id === post.body.service);
      const count = this.issued.filter((t) => t.service === post.body.service).length + 1;
      const ticket = {
        key: post.key,
        id: `t-${this.issued.length + 1}-${post.body.service}`,
        number: `${service?.prefix}${String(count).padStart(3, '0')}`,
        service: post.body.service ?? '',
        priority: post.body.priority ?? 'thuong',
      };
      this.issued.push(ticket);
      answer = {
        status: 201,
        body: { ...ticket, key: undefined, issuedAt: Date.UTC(2026, 10, 23, 1, 5), status: 'issued' },
      };
    }
    if (post.key) this.stored.set(post.key, answer);
    return answer;
  }
}

const realFetch = globalThis.fetch;
let server: MockServer;

const shadow = (el: MotcuaTicketKiosk) => el.shadowRoot as ShadowRoot;
const text = (el: Element | ShadowRoot | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: MotcuaTicketKiosk, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const serviceButton = (el: MotcuaTicketKiosk, id: string) =>
  shadow(el).querySelector<HTMLButtonElement>(`[part="service"][data-service="${id}"]`) as HTMLButtonElement;

/** Waits until a condition holds (the kiosk settles asynchronously after fetch). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function press(el: MotcuaTicketKiosk, service = 'ho-tich'): Promise<void> {
  serviceButton(el, service).click();
  await el.updateComplete;
}

/** Today's date in Vietnam (UTC+7 all year). */
const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The services with hộ tịch not issuing now: the server's `open` and `nextOpening`, opening `inMs` from now, today. */
const closedHoTich = (inMs: number) => ({
  ...SERVICES,
  services: [
    {
      ...SERVICES.services[0],
      open: false,
      nextOpening: { date: vietnamToday(), time: '13:00', at: Date.now() + inMs },
    },
    { ...SERVICES.services[1], open: true },
  ],
});

const kiosk = () =>
  fixture<MotcuaTicketKiosk>(
    html`<motcua-ticket-kiosk silent token="demo-kiosk" .retryDelays=${[]}></motcua-ticket-kiosk>`,
  );

// ---- tests ---------------------------------------------------------------------------------------------------

describe('<motcua-ticket-kiosk>', () => {
  beforeEach(() => {
    server = new MockServer();
    globalThis.fetch = server.fetch as typeof fetch;
  });

  afterEach(() => {
    globalThis.fetch = realFetch;
    document.documentElement.removeAttribute('lang');
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  // First in the file: the issuing code is fetched once per page, so only the first test sees a page without it.
  it('paints the services without the issuing code, and fetches it on the first touch', async () => {
    const fetched = () =>
      performance.getEntriesByType('resource').some((entry) => entry.name.includes('/ticket-kiosk/issuing.'));
    const el = await kiosk();
    expect(serviceButton(el, 'ho-tich')).to.exist;
    expect(fetched(), 'nothing but the services before any interaction').to.equal(false);
    serviceButton(el, 'ho-tich').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await until(fetched, 'the issuing code');
  });

  it('renders one large button per service from the API, and passes an accessibility check', async () => {
    const el = await kiosk();
    const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="service"]')];
    expect(buttons.map((b) => text(b))).to.deep.equal(['A Hộ tịch', 'B Đất đai']);
    expect(text(part(el, 'office'))).to.equal('UBND xã Mẫu');
    expect(text(shadow(el).querySelector('h2'))).to.equal('Lấy số thứ tự');
    for (const button of buttons) {
      const box = button.getBoundingClientRect();
      expect(box.height, 'a kiosk button is far above 44 px').to.be.at.least(64);
    }
    expect(part(el, 'priority')?.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('makes the priority a big, clear toggle: full width, as big a target as a kiosk needs, a stable name and its state', async () => {
    const el = await kiosk();
    const toggle = part(el, 'priority') as HTMLButtonElement;
    const box = toggle.getBoundingClientRect();
    expect(box.width, 'as wide as the kiosk').to.be.at.least(el.getBoundingClientRect().width - 1);
    // The services share the screen's height; the toggle keeps the height a service button has at the least.
    expect(box.height, 'a big target').to.be.at.least(80);
    expect(parseFloat(getComputedStyle(toggle).fontSize), 'no smaller than the services').to.be.at.least(24);
    // Its name is the choice (its text); the hint under it describes it and says what to do next once it is on.
    const hint = () => text(shadow(el).getElementById(toggle.getAttribute('aria-describedby') ?? ''));
    expect(text(toggle)).to.equal('Tôi cần được ưu tiên');
    expect(hint()).to.equal('Không cần nêu lý do.');
    const off = getComputedStyle(toggle).backgroundColor;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(text(toggle)).to.equal('Tôi cần được ưu tiên');
    expect(hint()).to.equal('Đã chọn. Chạm vào dịch vụ để lấy số.');
    expect(getComputedStyle(toggle).backgroundColor, 'the state shows in colour, not only in a small box').not.to.equal(
      off,
    );
    expect(getComputedStyle(toggle.querySelector('.box') as Element, '::after').content).to.equal('"✓"');
    await expect(el).to.be.accessible();
  });

  for (const [name, width, height] of [
    ['portrait', 1080, 1920],
    ['landscape', 1920, 1080],
  ] as const) {
    it(`fills a ${name} screen: the services share its height, the toggle stays big`, async () => {
      await browserCommand('set-viewport', { width, height });
      try {
        const el = await kiosk();
        const services = part(el, 'services') as HTMLElement;
        // The test page's body has a margin of 8 px: the kiosk's bottom is the screen's, give or take the margin.
        const bottom = el.getBoundingClientRect().bottom;
        expect(bottom, 'down to the bottom of the screen').to.be.within(height - 1, height + 9);
        expect(services.getBoundingClientRect().height, 'the services take most of the screen').to.be.at.least(
          height * 0.55,
        );
        for (const id of ['ho-tich', 'dat-dai']) {
          expect(serviceButton(el, id).getBoundingClientRect().height).to.be.at.least(height / 4);
        }
        await expect(el).to.be.accessible();
      } finally {
        await browserCommand('set-viewport', { width: 800, height: 600 });
      }
    });
  }

  it('shows only itself in a page that sets --motcua-ticket-kiosk-min-height: 0', async () => {
    await browserCommand('set-viewport', { width: 1920, height: 1080 });
    try {
      const el = await kiosk();
      el.style.setProperty('--motcua-ticket-kiosk-min-height', '0');
      expect(el.getBoundingClientRect().height, 'as tall as what it shows').to.be.below(600);
    } finally {
      await browserCommand('set-viewport', { width: 800, height: 600 });
    }
  });

  it('issues a ticket: shows the number, the service, the people ahead and the wait, and fires an event', async () => {
    const el = await kiosk();
    const issued = oneEvent(el, 'motcua-ticket-issued');
    await press(el);
    const { detail } = (await issued) as CustomEvent<TicketIssuedDetail>;
    expect(detail.ticket.number).to.equal('A001');
    expect(detail.wait?.ahead).to.equal(3);
    expect(text(part(el, 'number'))).to.equal('A001');
    const panel = text(part(el, 'ticket'));
    expect(panel).to.contain('Số thứ tự của bạn');
    expect(panel).to.contain('Dịch vụ: Hộ tịch');
    expect(panel).to.contain('Trước bạn còn 3 người.');
    expect(panel).to.contain('Thời gian chờ dự kiến: khoảng 10–15 phút.');
    expect(server.posts).to.have.length(1);
    expect(server.posts[0]?.url).to.equal('/api/queue/tickets');
    expect(server.posts[0]?.authorization).to.equal('Bearer demo-kiosk');
    expect(server.posts[0]?.key).to.match(/^[\w-]{16,}$/);
    expect(server.posts[0]?.body).to.deep.equal({ service: 'ho-tich' });
    expect(shadow(el).activeElement, 'the focus moves to the ticket').to.equal(part(el, 'ticket'));
    await expect(el).to.be.accessible();
  });

  it('says "you are next" and gives no minutes when the server has no estimate', async () => {
    server.ahead = 0;
    server.minutes = undefined;
    const el = await kiosk();
    await press(el);
    const panel = text(part(el, 'ticket'));
    expect(panel).to.contain('Bạn là người tiếp theo.');
    expect(panel).not.to.contain('phút');
  });

  it('shows the number at once when the wait is slow, and prints without it; a failing printer changes nothing', async () => {
    server.waitHangs = true;
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent paper="58" timeout="150" .printer=${() => {
        throw new Error('out of paper');
      }}></motcua-ticket-kiosk>`,
    );
    serviceButton(el, 'ho-tich').click();
    await until(() => part(el, 'number') !== null, 'the number');
    expect(text(part(el, 'ticket'))).not.to.contain('Trước bạn');
    expect(part(el, 'ticket')?.getAttribute('aria-labelledby')).to.equal('your-number issued-number');
    await el.updateComplete;
    console.warn = warn;
    expect(text(part(el, 'number'))).to.equal('A001');
    expect(document.querySelector('iframe')?.contentDocument?.body.textContent).to.contain('A001');
    expect(warnings).to.deep.equal(['motcua-ticket-kiosk: không in được phiếu / the ticket could not be printed']);
  });

  it('sends a priority request from the discreet toggle, without asking or showing a reason', async () => {
    const el = await kiosk();
    const toggle = part(el, 'priority') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(text(toggle)).to.equal('Tôi cần được ưu tiên');
    expect(text(shadow(el).getElementById('priority-hint'))).to.equal('Không cần nêu lý do.');
    toggle.click();
    await el.updateComplete;
    expect(text(shadow(el).getElementById('priority-hint'))).to.equal('Đã chọn. Chạm vào dịch vụ để lấy số.');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await press(el, 'dat-dai');
    expect(server.posts[0]?.body).to.deep.equal({ service: 'dat-dai', priority: 'nguoi-cao-tuoi' });
    const panel = text(part(el, 'ticket'));
    expect(panel).to.contain('Đã ghi nhận yêu cầu ưu tiên.');
    expect(panel).not.to.contain('cao tuổi');
    // The next person starts without priority.
    (part(el, 'done') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(part(el, 'priority')?.getAttribute('aria-pressed')).to.equal('false');
    await press(el);
    expect(server.posts[1]?.body).to.deep.equal({ service: 'ho-tich' });
  });

  it('issues priority requests in the class named by priority-class, and can hide the toggle', async () => {
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent token="demo-kiosk" priority-class="nguoi-khuyet-tat"></motcua-ticket-kiosk>`,
    );
    part(el, 'priority')?.click();
    await el.updateComplete;
    await press(el);
    expect(server.posts[0]?.body.priority).to.equal('nguoi-khuyet-tat');
    const hidden = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent no-priority></motcua-ticket-kiosk>`,
    );
    expect(part(hidden, 'priority')).to.equal(null);
  });

  it('shows the server’s closed message with the next opening time, and no number', async () => {
    server.refusal = {
      status: 409,
      body: {
        error: {
          code: 'closed',
          message: {
            vi: 'Hết giờ lấy số cho Hộ tịch. Giờ lấy số tiếp theo: 13:00 hôm nay.',
            en: 'Ticket issuing for Civil status is closed. Next issuing time: 13:00 today.',
          },
        },
      },
    };
    const el = await kiosk();
    const refused = oneEvent(el, 'motcua-ticket-refused');
    await press(el);
    expect(((await refused) as CustomEvent<TicketRefusedDetail>).detail).to.deep.equal({
      reason: 'closed',
      service: 'ho-tich',
    });
    const message = part(el, 'message');
    expect(message?.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.contain('Ngoài giờ lấy số');
    expect(text(message)).to.contain('Giờ lấy số tiếp theo: 13:00 hôm nay.');
    expect(part(el, 'number')).to.equal(null);
    expect(part(el, 'retry'), 'a refusal is not retried').to.equal(null);
    await expect(el).to.be.accessible();
    (part(el, 'done') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(serviceButton(el, 'ho-tich')).to.exist;
  });

  it('shows a service that is not issuing now as closed before any press, with the time it opens again', async () => {
    server.services = closedHoTich(3_600_000);
    const el = await kiosk();
    const closed = serviceButton(el, 'ho-tich');
    const open = serviceButton(el, 'dat-dai');
    expect(closed.getAttribute('aria-disabled')).to.equal('true');
    expect(closed.disabled, 'still focusable and announced').to.equal(false);
    expect(text(closed)).to.equal('A Hộ tịch Mở lại lúc 13:00');
    expect(text(closed.querySelector('[part="opens"]'))).to.equal('Mở lại lúc 13:00');
    expect(Number(getComputedStyle(closed).opacity)).to.be.below(1);
    expect(open.getAttribute('aria-disabled')).to.equal('false');
    expect(open.querySelector('[part="opens"]')).to.equal(null);
    expect(Number(getComputedStyle(open).opacity)).to.equal(1);
    for (const button of [closed, open]) expect(button.getBoundingClientRect().height).to.be.at.least(44);
    closed.focus();
    expect(shadow(el).activeElement).to.equal(closed);
    await expect(el).to.be.accessible();

    // A press sends nothing and says when the service opens, on the refusal screen the server's "closed" gets.
    const refused = oneEvent(el, 'motcua-ticket-refused');
    await press(el, 'ho-tich');
    expect(((await refused) as CustomEvent<TicketRefusedDetail>).detail).to.deep.equal({
      reason: 'closed',
      service: 'ho-tich',
    });
    expect(server.sent, 'no request for a closed service').to.deep.equal([]);
    const message = part(el, 'message');
    expect(message?.dataset.reason).to.equal('closed');
    expect(message?.getAttribute('role')).to.equal('alert');
    expect(text(message?.querySelector('h3'))).to.equal('Ngoài giờ lấy số');
    expect(text(message)).to.contain('Mở lại lúc 13:00');
    expect(part(el, 'number')).to.equal(null);
    expect(part(el, 'retry')).to.equal(null);
    await expect(el).to.be.accessible();

    // The open one still issues.
    (part(el, 'done') as HTMLButtonElement).click();
    await el.updateComplete;
    await press(el, 'dat-dai');
    expect(text(part(el, 'number'))).to.equal('B001');
    expect(server.posts.map((p) => p.body.service)).to.deep.equal(['dat-dai']);
  });

  it('names the day when a closed service opens on another day, in Vietnamese and in English', async () => {
    const monday = { date: '2099-03-16', time: '07:30', at: Date.UTC(2099, 2, 16, 0, 30) };
    server.services = {
      ...SERVICES,
      services: [{ ...SERVICES.services[0], open: false, nextOpening: monday }, SERVICES.services[1]],
    };
    const el = await kiosk();
    expect(text(serviceButton(el, 'ho-tich').querySelector('[part="opens"]'))).to.equal(
      'Mở lại lúc 07:30, Thứ Hai, 16 tháng 3',
    );
    expect(serviceButton(el, 'dat-dai').getAttribute('aria-disabled'), 'open without `open` in the answer').to.equal(
      'false',
    );
    el.lang = 'en';
    await el.updateComplete;
    expect(text(serviceButton(el, 'ho-tich').querySelector('[part="opens"]'))).to.equal(
      'Opens again at 07:30, Monday, March 16',
    );
    await press(el, 'ho-tich');
    expect(text(part(el, 'message'))).to.contain('Opens again at 07:30, Monday, March 16');
    expect(server.sent).to.deep.equal([]);
  });

  it('loads the services again when the next opening time passes, and takes the number then', async () => {
    server.services = closedHoTich(300);
    const el = await kiosk();
    const loaded = Date.now();
    expect(serviceButton(el, 'ho-tich').getAttribute('aria-disabled')).to.equal('true');
    expect(server.servicesLoads).to.equal(1);
    server.services = SERVICES; // 13:00: the server says it issues
    for (let i = 0; i < 60 && serviceButton(el, 'ho-tich').getAttribute('aria-disabled') !== 'false'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(serviceButton(el, 'ho-tich').getAttribute('aria-disabled')).to.equal('false');
    expect(server.servicesLoads).to.equal(2);
    expect(Date.now() - loaded, 'not before the opening time').to.be.at.least(300);
    expect(serviceButton(el, 'ho-tich').querySelector('[part="opens"]')).to.equal(null);
    await expect(el).to.be.accessible();
    await press(el, 'ho-tich');
    expect(text(part(el, 'number'))).to.equal('A001');
  });

  it('loads the services every refresh-after seconds, so a window that ends shows closed; stops when removed', async () => {
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent refresh-after="1"></motcua-ticket-kiosk>`,
    );
    expect(serviceButton(el, 'ho-tich').getAttribute('aria-disabled')).to.equal('false');
    server.services = closedHoTich(90 * 60_000); // 11:30: the morning window has ended
    await until(() => server.servicesLoads === 2, 'the second load');
    await el.updateComplete;
    expect(serviceButton(el, 'ho-tich').getAttribute('aria-disabled')).to.equal('true');
    expect(text(serviceButton(el, 'ho-tich'))).to.contain('Mở lại lúc 13:00');
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(server.servicesLoads, 'no timer left behind').to.equal(2);
  });

  it('keeps the services on screen when loading them again fails', async () => {
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent refresh-after="1" reload-after="600"></motcua-ticket-kiosk>`,
    );
    server.network = 'down';
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await el.updateComplete;
    expect(server.servicesLoads).to.equal(1);
    expect(text(part(el, 'status'))).to.equal('');
    expect(serviceButton(el, 'ho-tich').getAttribute('aria-disabled')).to.equal('false');
  });

  it('names a closed day and a daily cap', async () => {
    server.refusal = {
      status: 409,
      body: { error: { code: 'daily-cap', message: { vi: 'Đã đủ 200 số.', en: '200.' } } },
    };
    const el = await kiosk();
    await press(el);
    expect(text(part(el, 'message'))).to.contain('Đã hết số hôm nay');
    expect(text(part(el, 'message'))).to.contain('Đã đủ 200 số.');
  });

  it('retries a request that timed out with the same Idempotency-Key, and shows the one ticket issued', async () => {
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent token="demo-kiosk" timeout="60" .retryDelays=${[0, 0]}></motcua-ticket-kiosk>`,
    );
    server.network = 'hang';
    serviceButton(el, 'ho-tich').click();
    await until(() => server.posts.length === 1, 'the first request');
    server.network = 'up';
    await el.updateComplete;
    expect(server.posts).to.have.length(2);
    expect(server.posts[1]?.key).to.equal(server.posts[0]?.key);
    expect(server.issued).to.have.length(1);
    expect(text(part(el, 'number'))).to.equal('A001');
  });

  it('retries an answer cut off half-way with the same key, and shows the ticket it holds', async () => {
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent token="demo-kiosk" .retryDelays=${[0]}></motcua-ticket-kiosk>`,
    );
    server.network = 'cut';
    await press(el);
    expect(server.posts.map((p) => p.key)).to.deep.equal([server.posts[0]?.key, server.posts[0]?.key]);
    expect(server.issued).to.have.length(1);
    expect(text(part(el, 'number'))).to.equal('A001');
  });

  it('refuses clearly while the network is down: ten presses, no number shown, no ticket issued twice', async () => {
    const el = await kiosk();
    const shown: string[] = [];
    const observer = new MutationObserver(() => {
      const number = part(el, 'number');
      if (number) shown.push(text(number));
    });
    observer.observe(shadow(el), { subtree: true, childList: true, characterData: true });
    // The first press reaches the server but its answer is lost; then nothing gets through.
    server.network = 'lost';
    for (let i = 0; i < 10; i++) {
      if (i === 1) server.network = 'down';
      if (part(el, 'message')) {
        (part(el, 'done') as HTMLButtonElement).click();
        await el.updateComplete;
      }
      await press(el);
      expect(part(el, 'message')?.dataset.reason).to.equal('offline');
      expect(text(part(el, 'message'))).to.contain('Mất kết nối');
      expect(text(part(el, 'message'))).to.contain('chưa cấp số');
      expect(part(el, 'number')).to.equal(null);
    }
    expect(server.sent).to.have.length(10);
    expect(shown, 'no number while offline').to.deep.equal([]);
    await expect(el).to.be.accessible();

    server.network = 'up';
    (part(el, 'retry') as HTMLButtonElement).click();
    await el.updateComplete;
    observer.disconnect();
    // Every press of the outage and the one after it used one key: the server answered with the ticket the lost
    // answer held instead of issuing another.
    const keys = new Set(server.sent.map((p) => p.key));
    expect(keys.size).to.equal(1);
    expect(server.issued).to.have.length(1);
    const numbers = server.issued.map((t) => t.number);
    expect(new Set(numbers).size).to.equal(numbers.length);
    expect(text(part(el, 'number'))).to.equal('A001');
    expect(
      shown.every((n) => numbers.includes(n)),
      'only numbers the server issued',
    ).to.equal(true);
  });

  it('in English, says the offline refusal in English', async () => {
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent lang="en" .retryDelays=${[]}></motcua-ticket-kiosk>`,
    );
    server.network = 'down';
    await press(el);
    expect(text(part(el, 'message'))).to.contain('No connection');
    expect(text(part(el, 'message'))).to.contain('no number was issued');
  });

  it('uses a new key for a new press once a ticket was issued', async () => {
    const el = await kiosk();
    await press(el);
    (part(el, 'done') as HTMLButtonElement).click();
    await el.updateComplete;
    await press(el);
    expect(server.posts[0]?.key).not.to.equal(server.posts[1]?.key);
    expect(text(part(el, 'number'))).to.equal('A002');
  });

  it('says so when the kiosk token is refused', async () => {
    const el = await kiosk();
    server.refusal = { status: 401, body: { error: { code: 'unauthorized', message: { vi: 'x', en: 'x' } } } };
    await press(el);
    expect(part(el, 'message')?.dataset.reason).to.equal('unauthorized');
    expect(text(part(el, 'message'))).to.contain('mã truy cập');
  });

  it('shows that the services could not be loaded, and loads them when the server is back', async () => {
    server.network = 'down';
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent reload-after="0.05"></motcua-ticket-kiosk>`,
    );
    expect(text(part(el, 'status'))).to.contain('Chưa tải được danh sách dịch vụ');
    server.network = 'up';
    await until(() => Boolean(shadow(el).querySelector('[part="service"]')), 'the services');
  });

  it('loads the services at once when the browser comes back online', async () => {
    server.network = 'down';
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent reload-after="600"></motcua-ticket-kiosk>`,
    );
    expect(part(el, 'services')).to.equal(null);
    server.network = 'up';
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(serviceButton(el, 'ho-tich')).to.exist;
  });

  it('goes back to the services by itself after return-after seconds', async () => {
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent return-after="0.05"></motcua-ticket-kiosk>`,
    );
    await press(el);
    expect(part(el, 'number')).to.exist;
    await until(() => part(el, 'number') === null && Boolean(part(el, 'services')), 'the services again');
  });

  for (const paper of ['58', '80'] as const) {
    it(`prints a ${paper} mm ticket from a frame, with @page size, office, number, service, time, people ahead and QR`, async () => {
      const printed: Window[] = [];
      const el = await fixture<MotcuaTicketKiosk>(
        html`<motcua-ticket-kiosk silent paper=${paper} ticket-url="/phieu.html?id={id}" .printer=${(view: Window) => printed.push(view)}></motcua-ticket-kiosk>`,
      );
      await press(el);
      expect(printed).to.have.length(1);
      const view = printed[0] as Window;
      expect(view, 'the host page is not what prints').not.to.equal(window);
      const doc = view.document;
      const css = [...doc.adoptedStyleSheets, ...[...doc.styleSheets]]
        .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
        .join('\n');
      const page = css.match(/@page\s*\{[^}]*size:\s*(\d+)mm\s+(\d+)mm/);
      expect(page?.[1]).to.equal(paper);
      expect(Number(page?.[2]), 'as long as the ticket').to.be.within(40, 200);
      expect(doc.documentElement.lang).to.equal('vi');
      const slip = text(doc.body);
      expect(slip).to.contain('UBND xã Mẫu');
      expect(slip).to.contain('PHIẾU SỐ THỨ TỰ');
      expect(text(doc.querySelector('.number'))).to.equal('A001');
      expect(slip).to.contain('Hộ tịch');
      // 01:05 UTC is 08:05 in Hà Nội, whatever the browser's time zone.
      expect(slip).to.contain('Giờ lấy số: 08:05 23/11/2026');
      expect(slip).to.contain('Số người chờ trước bạn: 3');
      const qr = doc.querySelector('svg');
      expect(qr?.getAttribute('aria-label')).to.equal('Mã QR tới trang theo dõi số A001');
      const frame = document.querySelector('iframe') as HTMLIFrameElement;
      expect(frame.style.visibility).to.equal('hidden');
      expect(frame.getAttribute('aria-hidden')).to.equal('true');
      // The QR code is on screen too, for a phone.
      expect(part(el, 'qr')).to.exist;
      expect(text(part(el, 'ticket'))).to.contain('Vui lòng nhận phiếu in.');
    });
  }

  it('renders hostile service names and server messages as text, on screen and on paper', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>Đất</b>';
    server.services = {
      ...SERVICES,
      office: { id: 'x', name: { vi: '<script>window.__pwned=1</script>', en: 'x' } },
      services: [{ id: 'dat-dai', prefix: '<i>B</i>', name: { vi: hostile, en: hostile } }],
    };
    const printed: Window[] = [];
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent paper="80" .printer=${(view: Window) => printed.push(view)}></motcua-ticket-kiosk>`,
    );
    expect(shadow(el).querySelector('img, b, i, script')).to.equal(null);
    expect(text(serviceButton(el, 'dat-dai'))).to.equal(`<i>B</i> ${hostile}`);
    expect(text(part(el, 'office'))).to.equal('<script>window.__pwned=1</script>');
    await press(el, 'dat-dai');
    expect(text(part(el, 'ticket'))).to.contain(`Dịch vụ: ${hostile}`);
    const slip = (printed[0] as Window).document;
    expect(slip.querySelector('img, b, i, script')).to.equal(null);
    expect(text(slip.body)).to.contain(hostile);
    (part(el, 'done') as HTMLButtonElement).click();
    await el.updateComplete;
    server.refusal = { status: 409, body: { error: { code: 'closed', message: { vi: hostile, en: hostile } } } };
    await press(el, 'dat-dai');
    expect(text(part(el, 'message'))).to.contain(hostile);
    expect(shadow(el).querySelector('img, b, i, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('takes string overrides', async () => {
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent strings='{"vi":{"title":"Mời bà con lấy số","yourNumber":"Số của bà con"}}'></motcua-ticket-kiosk>`,
    );
    expect(text(shadow(el).querySelector('h2'))).to.equal('Mời bà con lấy số');
    await press(el);
    expect(text(part(el, 'ticket'))).to.contain('Số của bà con');
  });

  it('speaks English with lang="en", services in English', async () => {
    document.documentElement.lang = 'en';
    const el = await kiosk();
    expect(text(shadow(el).querySelector('h2'))).to.equal('Take a number');
    expect(text(serviceButton(el, 'ho-tich'))).to.equal('A Civil status');
    expect(text(part(el, 'priority'))).to.equal('I need priority service');
    expect(text(shadow(el).getElementById('priority-hint'))).to.equal('No reason needed.');
    await press(el);
    const panel = text(part(el, 'ticket'));
    expect(panel).to.contain('Your number');
    expect(panel).to.contain('Service: Civil status');
    expect(panel).to.contain('3 people ahead of you.');
    expect(panel).to.contain('Expected wait: about 10–15 minutes.');
  });

  describe('speaking the issued number', () => {
    let engine: RecordingEngine;
    const speaking = (lang = 'vi') =>
      fixture<MotcuaTicketKiosk>(
        html`<motcua-ticket-kiosk lang=${lang} .speech=${engine} .retryDelays=${[]}></motcua-ticket-kiosk>`,
      );
    beforeEach(() => {
      engine = recordingEngine();
    });

    it('says "Số của bạn là" and the number, read as core reads it, and nothing about a priority request', async () => {
      const el = await speaking();
      part(el, 'priority')?.click();
      await el.updateComplete;
      await press(el);
      await until(() => engine.said.length > 0, 'the announcement');
      expect(engine.said).to.deep.equal([
        { text: 'Số của bạn là a, một', lang: 'vi', clips: ['chime', 'so-cua-ban-la', 'a', 'mootj'] },
      ]);
      (part(el, 'done') as HTMLButtonElement).click();
      await el.updateComplete;
      await press(el, 'dat-dai');
      await until(() => engine.said.length > 1, 'the second announcement');
      expect(engine.said[1]?.text).to.equal('Số của bạn là bê, một');
      expect(engine.log.join(' ')).not.to.match(/ưu tiên|cao tuổi|priority/i);
    });

    it('speaks English with lang="en"', async () => {
      const el = await speaking('en');
      await press(el);
      await until(() => engine.said.length > 0, 'the announcement');
      expect(engine.said[0]?.text).to.equal('Your number is A001');
      expect(engine.said[0]?.lang).to.equal('en');
    });

    it('says nothing when no number was issued, or when silent', async () => {
      const el = await speaking();
      server.network = 'down';
      await press(el);
      server.network = 'up';
      const quiet = await fixture<MotcuaTicketKiosk>(
        html`<motcua-ticket-kiosk silent .speech=${engine}></motcua-ticket-kiosk>`,
      );
      await press(quiet);
      expect(part(quiet, 'number')).to.exist;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(engine.said).to.deep.equal([]);
    });
  });

  it('works with the keyboard: Tab to a service, Enter, then Done back to the services', async () => {
    const el = await kiosk();
    serviceButton(el, 'ho-tich').focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(serviceButton(el, 'dat-dai'));
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'number') !== null, 'the ticket');
    await el.updateComplete;
    expect(text(part(el, 'number'))).to.equal('B001');
    expect(shadow(el).activeElement).to.equal(part(el, 'ticket'));
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(part(el, 'done'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).activeElement, 'back on the first service').to.equal(serviceButton(el, 'ho-tich'));
  });

  it('keeps the screen awake while shown and releases it when removed; no-wake-lock leaves it to the device', async () => {
    const wakeLock = new WakeLockStub();
    const restore = stubWakeLock(wakeLock);
    try {
      const el = await kiosk();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(wakeLock.requests).to.equal(1);
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(wakeLock.releases).to.equal(1);
      await fixture(html`<motcua-ticket-kiosk silent no-wake-lock></motcua-ticket-kiosk>`);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(wakeLock.requests).to.equal(1);
    } finally {
      restore();
    }
  });
});

describe('<motcua-ticket-kiosk pair>: a kiosk pairs with the server', () => {
  const PAIRED = 'motcua:paired-device';
  const CLAIM = 'motcua:pairing-claim';
  const CREDENTIAL = 'paired-credential-of-the-hall-kiosk';
  const DEVICE = { id: 'd7', name: 'Ki-ốt sảnh', kind: 'kiosk', createdAt: '2026-12-05T01:00:00Z' };
  let codes: string[] = [];
  let approved = false;
  let revoked = false;
  let pairingCalls: { path: string; auth: string | null; claim: unknown; kind: unknown }[] = [];
  const code = (el: MotcuaTicketKiosk) => text(part(el, 'pairing-code'));

  beforeEach(() => {
    server = new MockServer();
    codes = ['KX794M', 'PQ3R7T'];
    approved = false;
    revoked = false;
    pairingCalls = [];
    localStorage.removeItem(PAIRED);
    localStorage.removeItem(CLAIM);
    globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      if (url.pathname.startsWith('/api/devices/pairings')) {
        pairingCalls.push({
          path: url.pathname,
          auth: new Headers(init.headers).get('authorization'),
          claim: JSON.parse(String(init.body)).claim,
          kind: JSON.parse(String(init.body)).kind,
        });
        if (url.pathname === '/api/devices/pairings') {
          return json(201, { code: codes[0], expiresAt: '2026-12-05T01:10:00Z' });
        }
        return approved
          ? json(200, { credential: CREDENTIAL, device: DEVICE })
          : json(202, { status: 'pending', expiresAt: '2026-12-05T01:10:00Z' });
      }
      if (revoked && url.pathname === '/api/queue/tickets' && init.method === 'POST') {
        return json(401, { error: { code: 'unauthorized', message: { vi: 'Đã thu hồi', en: 'Revoked' } } });
      }
      return server.fetch(input, init);
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    localStorage.removeItem(PAIRED);
    localStorage.removeItem(CLAIM);
  });

  it('shows its code instead of the services until approved, then issues with its own credential', async () => {
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent pair .retryDelays=${[]}></motcua-ticket-kiosk>`,
    );
    await until(() => code(el) === 'KX7-94M', 'the pairing code');
    expect(part(el, 'services'), 'no services while unpaired').to.equal(null);
    expect(text(shadow(el))).to.contain('Ghép nối thiết bị');
    expect(Number.parseFloat(getComputedStyle(part(el, 'pairing-code') as HTMLElement).fontSize)).to.be.at.least(40);
    await expect(el).to.be.accessible();
    approved = true;
    await waitUntilPaired(el);
    expect(JSON.parse(localStorage.getItem(PAIRED) ?? '{}').credential).to.equal(CREDENTIAL);
    expect(new Set(pairingCalls.map((c) => c.claim)).size, 'one claim').to.equal(1);
    expect(pairingCalls.every((c) => c.auth === null)).to.equal(true);
    expect(pairingCalls[0]?.kind, 'it says it is a kiosk').to.equal('kiosk');
    expect(el.getAttribute('token'), 'never in the page').to.equal(null);
    await el.updateComplete;
    await press(el);
    expect(server.posts.map((p) => p.authorization)).to.deep.equal([`Bearer ${CREDENTIAL}`]);
    expect(text(part(el, 'number'))).to.equal('A001');
  });

  it('starts with the credential kept on the device, and pairs again once the server refuses it (revoked)', async () => {
    localStorage.setItem(PAIRED, JSON.stringify({ credential: CREDENTIAL, device: DEVICE }));
    const el = await fixture<MotcuaTicketKiosk>(
      html`<motcua-ticket-kiosk silent pair lang="en" .retryDelays=${[]}></motcua-ticket-kiosk>`,
    );
    await waitUntilPaired(el);
    expect(pairingCalls).to.deep.equal([]);
    revoked = true;
    codes = ['PQ3R7T'];
    await press(el);
    await until(() => code(el) === 'PQ3-R7T', 'a new pairing code');
    expect(localStorage.getItem(PAIRED)).to.equal(null);
    expect(text(shadow(el))).to.contain('Pair this device');
    await expect(el).to.be.accessible();
  });

  /** Until the kiosk works with a credential and shows its services. */
  async function waitUntilPaired(el: MotcuaTicketKiosk): Promise<void> {
    for (let i = 0; i < 100 && !(el.token && part(el, 'services')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(el.token, 'the credential collected').to.equal(CREDENTIAL);
    expect(part(el, 'services')).to.not.equal(null);
  }
});
