import type { BoardTicket, TicketView } from '@motcua/core/queue';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setNotifications } from '../internal/browser-commands.test-support.js';
import { FakeEventSource, latestEventSource } from '../internal/event-source.test-support.js';
import type { MotcuaTicketStatus } from './ticket-status.js';
import './ticket-status.js';
import type { TicketChangeDetail } from './ticket-status.events.js';

const ID = 't0123456789abcdefghij';
const DAY = '2026-12-04';

const ticket = (status: TicketView['status'], extra: Partial<TicketView> = {}): TicketView => ({
  id: ID,
  number: 'A012',
  value: 12,
  service: 'ho-tich',
  priority: 'thuong',
  businessDate: DAY,
  session: undefined,
  status,
  issuedAt: 1,
  queuedAt: 1,
  ordinal: 12,
  visit: ID,
  counter: status === 'issued' ? undefined : '2',
  calls: status === 'issued' ? 0 : 1,
  calledAt: undefined,
  lastCalledAt: undefined,
  servingAt: undefined,
  endedAt: undefined,
  transferredFrom: undefined,
  transferredTo: undefined,
  dossier: undefined,
  version: 1,
  ...extra,
});

const boardTicket = (number: string, status: BoardTicket['status']): BoardTicket => ({
  number,
  service: 'ho-tich',
  priority: 'thuong',
  status,
  counter: '2',
  calls: 1,
  lastCalledAt: 5,
  businessDate: DAY,
});

const snapshot = (businessDate = DAY) => ({
  office: { id: 'demo', name: { vi: 'UBND xã Mẫu', en: 'Sample Commune' } },
  businessDate,
  version: 10,
  counters: [{ id: '2', label: 'Quầy 2', services: ['ho-tich'], ticket: null }],
  services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' }, waiting: 4, next: ['A009'] }],
  recent: [],
});

let answers: unknown[] = [];
let requested: string[] = [];
const realFetch = globalThis.fetch;
const realEventSource = globalThis.EventSource;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function answerWith(...bodies: unknown[]): void {
  answers = bodies;
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    requested.push(String(input));
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next instanceof Response) return next.clone();
    return json(200, next);
  }) as typeof fetch;
}

const shown = (el: MotcuaTicketStatus): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: MotcuaTicketStatus, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`);

async function settle(el: MotcuaTicketStatus, text: string): Promise<void> {
  await waitUntil(() => shown(el).includes(text), `shows "${text}"; shows: ${shown(el)}`, { timeout: 3000 });
}

describe('<motcua-ticket-status>', () => {
  beforeEach(() => {
    requested = [];
    FakeEventSource.instances = [];
    globalThis.EventSource = FakeEventSource as unknown as typeof EventSource;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    globalThis.EventSource = realEventSource;
  });

  it('shows the number, the service and the people ahead, and follows the queue live until the call', async () => {
    answerWith({
      ticket: ticket('issued'),
      wait: { ahead: 5, method: 'queue-length', sampleSize: 9, minutes: { low: 8, middle: 11, high: 15 } },
    });
    const el = await fixture<MotcuaTicketStatus>(html`<motcua-ticket-status ticket-id=${ID}></motcua-ticket-status>`);
    await settle(el, 'Còn 5 người trước bạn');
    latestEventSource().send('snapshot', snapshot());
    await settle(el, 'Hộ tịch');
    expect(part(el, 'number')?.textContent).to.equal('A012');
    expect(shown(el)).to.contain('Dự kiến khoảng 8–15 phút');
    expect(requested[0]).to.match(new RegExp(`/api/queue/tickets/${ID}$`));
    await expect(el).to.be.accessible();

    // Someone else is called: the count is read again, and at `near` (3) the page says the turn is near.
    answerWith({ ticket: ticket('issued'), wait: { ahead: 3, method: 'position-only', sampleSize: 0 } });
    const near = oneEvent(el, 'motcua-ticket-change');
    latestEventSource().send('ticket', { version: 11, type: 'call', at: 5, ticket: boardTicket('A009', 'called') });
    expect(((await near) as CustomEvent<TicketChangeDetail>).detail).to.deep.equal({
      number: 'A012',
      status: 'issued',
      ahead: 3,
      near: true,
    });
    await settle(el, 'Sắp đến lượt bạn');
    expect(part(el, 'state-near')).to.not.equal(null);

    // Its own call: read at once, with the counter's label from the board.
    answerWith({ ticket: ticket('called') });
    latestEventSource().send('ticket', { version: 12, type: 'call', at: 6, ticket: boardTicket('A012', 'called') });
    await settle(el, 'Mời số A012 đến quầy Quầy 2');
    expect(part(el, 'state-called')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers the rating with the ticket’s token once served, in English too', async () => {
    answerWith({ ticket: ticket('done'), ratingToken: 'r1.abc' });
    const el = await fixture<MotcuaTicketStatus>(
      html`<motcua-ticket-status ticket-id=${ID} lang="en" rate-href="/rate.html"></motcua-ticket-status>`,
    );
    await settle(el, 'Service finished');
    const link = part(el, 'rate') as HTMLAnchorElement;
    expect(link.textContent).to.equal('Rate the service');
    expect(new URL(link.href).pathname).to.equal('/rate.html');
    expect(new URL(link.href).searchParams.get('t')).to.equal('r1.abc');
    const box = link.getBoundingClientRect();
    expect(box.height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('says plainly when the ticket is unknown, skipped, cancelled, from another day or missing', async () => {
    answerWith(json(404, { error: { code: 'unknown-ticket' } }));
    const unknown = await fixture<MotcuaTicketStatus>(
      html`<motcua-ticket-status ticket-id="nope"></motcua-ticket-status>`,
    );
    await settle(unknown, 'Không tìm thấy phiếu này');

    answerWith({ ticket: ticket('no-show') });
    const skipped = await fixture<MotcuaTicketStatus>(
      html`<motcua-ticket-status ticket-id=${ID}></motcua-ticket-status>`,
    );
    await settle(skipped, 'không có mặt');

    answerWith({ ticket: ticket('cancelled') });
    const cancelled = await fixture<MotcuaTicketStatus>(
      html`<motcua-ticket-status ticket-id=${ID}></motcua-ticket-status>`,
    );
    await settle(cancelled, 'đã bị hủy');

    answerWith({ ticket: ticket('issued'), wait: { ahead: 2, method: 'position-only', sampleSize: 0 } });
    const old = await fixture<MotcuaTicketStatus>(html`<motcua-ticket-status ticket-id=${ID}></motcua-ticket-status>`);
    await settle(old, 'Còn 2 người');
    latestEventSource().send('snapshot', snapshot('2026-12-07'));
    await settle(old, 'Phiếu này của ngày 04/12/2026');

    const none = await fixture<MotcuaTicketStatus>(html`<motcua-ticket-status></motcua-ticket-status>`);
    await settle(none, 'xin quét mã QR');
    await expect(none).to.be.accessible();
  });

  it('follows a transferred ticket to the one that continues the visit', async () => {
    answerWith(
      { ticket: ticket('transferred', { transferredTo: 'tNEXT' }) },
      {
        ticket: ticket('issued', { id: 'tNEXT', number: 'B004', service: 'dat-dai' }),
        wait: { ahead: 7, method: 'position-only', sampleSize: 0 },
      },
    );
    const el = await fixture<MotcuaTicketStatus>(html`<motcua-ticket-status ticket-id=${ID}></motcua-ticket-status>`);
    await settle(el, 'Còn 7 người');
    expect(part(el, 'number')?.textContent).to.equal('B004');
    expect(requested.at(-1)).to.match(/\/api\/queue\/tickets\/tNEXT$/);
  });

  it('retries after a network failure and shows that it is offline meanwhile', async () => {
    let fail = true;
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      requested.push(String(input));
      if (fail) throw new TypeError('Failed to fetch');
      return json(200, { ticket: ticket('issued'), wait: { ahead: 1, method: 'position-only', sampleSize: 0 } });
    }) as typeof fetch;
    const el = await fixture<MotcuaTicketStatus>(
      html`<motcua-ticket-status ticket-id=${ID} retry-delay="20"></motcua-ticket-status>`,
    );
    await settle(el, 'Mất kết nối');
    expect(shown(el)).to.not.contain('Failed to fetch');
    fail = false;
    await settle(el, 'Còn 1 người');
    expect(shown(el)).to.not.contain('Mất kết nối');
  });

  it('renders a hostile ticket number as text', async () => {
    answerWith({
      ticket: ticket('issued', { number: '<img src=x onerror="globalThis.pwned=1">' }),
      wait: { ahead: 1, method: 'position-only', sampleSize: 0 },
    });
    const el = await fixture<MotcuaTicketStatus>(html`<motcua-ticket-status ticket-id=${ID}></motcua-ticket-status>`);
    await settle(el, 'Còn 1 người');
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect((globalThis as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('offers Web Push while the ticket waits, and sends the subscription with the page and its near', async () => {
    const worker = new URL('../dossier-status/push-worker.js', import.meta.url).href;
    const key = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';
    // Headless Chromium reaches no push service: the subscription is a stand-in with the shape of a real one.
    const subscription = {
      endpoint: 'https://push.example/send/t',
      expirationTime: null,
      keys: { p256dh: 'p', auth: 'a' },
    };
    const realSubscribe = PushManager.prototype.subscribe;
    PushManager.prototype.subscribe = async () => ({ toJSON: () => subscription }) as unknown as PushSubscription;
    const puts: { url: string; body: unknown }[] = [];
    globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      requested.push(url);
      if (url.endsWith('/api/notifications/web-push')) return json(200, { publicKey: key });
      if (url.endsWith('/push-subscription')) {
        puts.push({ url, body: JSON.parse(String(init.body)) });
        return new Response(null, { status: 204 });
      }
      return json(200, { ticket: ticket('issued'), wait: { ahead: 6, method: 'position-only', sampleSize: 0 } });
    }) as typeof fetch;
    try {
      await setNotifications('granted');
      const el = await fixture<MotcuaTicketStatus>(
        html`<motcua-ticket-status ticket-id=${ID} near="2" push-worker=${worker}></motcua-ticket-status>`,
      );
      await settle(el, 'Báo cho tôi khi sắp đến lượt');
      const button = part(el, 'notify')?.querySelector('button') as HTMLButtonElement;
      expect(button.getBoundingClientRect().height).to.be.at.least(44);
      await expect(el).to.be.accessible();
      button.click();
      await settle(el, 'Đã bật: điện thoại sẽ báo');
      expect(puts).to.deep.equal([
        {
          url: new URL(`/api/queue/tickets/${ID}/push-subscription`, location.href).href,
          body: { ...subscription, language: 'vi', near: 2, page: location.href },
        },
      ]);
      // The worker is told the API base, where it sends a renewed subscription.
      const registered = await navigator.serviceWorker.getRegistration(worker);
      const api = new URL('/', location.href).href;
      expect(registered?.active?.scriptURL).to.equal(`${worker}?api=${encodeURIComponent(api)}`);
      await expect(el).to.be.accessible();

      // Without push-worker: no offer, no key asked for.
      requested = [];
      const plain = await fixture<MotcuaTicketStatus>(
        html`<motcua-ticket-status ticket-id=${ID}></motcua-ticket-status>`,
      );
      await settle(plain, 'Còn 6 người');
      expect(part(plain, 'notify')).to.equal(null);
      expect(requested.some((u) => u.includes('web-push'))).to.equal(false);
    } finally {
      PushManager.prototype.subscribe = realSubscribe;
      await setNotifications('default');
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    }
  });

  describe('without an id (the QR code on the board)', () => {
    const shownNumber = (status: BoardTicket['status'], extra: Partial<BoardTicket> = {}) => ({
      ...boardTicket('A012', status),
      ...(status === 'issued' ? { counter: null, calls: 0, lastCalledAt: null } : {}),
      ...extra,
    });
    const input = (el: MotcuaTicketStatus) => part(el, 'number-input') as HTMLInputElement;
    // The number followed is kept in the page's address (`?so=`): each test starts without it.
    afterEach(() => {
      const url = new URL(location.href);
      url.searchParams.delete('so');
      history.replaceState(history.state, '', url);
    });

    async function follow(el: MotcuaTicketStatus, typed: string): Promise<void> {
      await waitUntil(() => part(el, 'number-input'), 'the number form loads', { timeout: 3000 });
      input(el).focus();
      await sendKeys({ type: typed });
      await sendKeys({ press: 'Enter' });
    }

    it('asks for the number with the keyboard and follows it live: ahead, wait, the call, with no rating nor push', async () => {
      answerWith({
        ticket: shownNumber('issued'),
        wait: { ahead: 5, method: 'queue-length', sampleSize: 9, minutes: { low: 8, middle: 11, high: 15 } },
      });
      const worker = new URL('../dossier-status/push-worker.js', import.meta.url).href;
      const el = await fixture<MotcuaTicketStatus>(
        html`<motcua-ticket-status push-worker=${worker}></motcua-ticket-status>`,
      );
      await settle(el, 'Số thứ tự của bạn');
      expect(shown(el)).to.contain('Nhập số in trên phiếu để theo dõi lượt, hoặc xin quét mã QR');
      expect(requested, 'nothing is read before a number is given').to.deep.equal([]);
      expect(input(el).getBoundingClientRect().height).to.be.at.least(44);
      expect((part(el, 'number-follow') as HTMLElement).getBoundingClientRect().height).to.be.at.least(44);
      await expect(el).to.be.accessible();

      await follow(el, 'a 12');
      await settle(el, 'Còn 5 người trước bạn');
      expect(requested[0]).to.match(/\/api\/queue\/numbers\/A%2012$/);
      latestEventSource().send('snapshot', snapshot());
      await settle(el, 'Hộ tịch');
      expect(part(el, 'number')?.textContent).to.equal('A012');
      expect(shown(el)).to.contain('Dự kiến khoảng 8–15 phút');
      expect(shown(el)).to.contain('cần mã QR in trên phiếu');
      expect(part(el, 'notify'), 'no Web Push offer without the ticket’s id').to.equal(null);
      expect(requested.some((u) => u.includes('web-push'))).to.equal(false);
      expect(el.shadowRoot?.activeElement, 'the focus stays in the form').to.equal(input(el));
      await expect(el).to.be.accessible();

      // Someone else is called: read again; then its own call, with the counter's label from the board.
      answerWith({ ticket: shownNumber('issued'), wait: { ahead: 2, method: 'position-only', sampleSize: 0 } });
      latestEventSource().send('ticket', { version: 11, type: 'call', at: 5, ticket: boardTicket('A009', 'called') });
      await settle(el, 'Sắp đến lượt bạn');
      answerWith({ ticket: shownNumber('called') });
      latestEventSource().send('ticket', { version: 12, type: 'call', at: 6, ticket: boardTicket('A012', 'called') });
      await settle(el, 'Mời số A012 đến quầy Quầy 2');
      expect(requested.every((u) => /\/api\/queue\/numbers\/A%2012$/.test(u))).to.equal(true);

      // Served: no rating link, even from an answer that would carry a token and an id.
      answerWith({ ticket: { ...shownNumber('done'), id: ID }, ratingToken: 'r1.abc' });
      latestEventSource().send('ticket', { version: 13, type: 'done', at: 7, ticket: boardTicket('A012', 'done') });
      await settle(el, 'Đã phục vụ xong');
      expect(part(el, 'rate')).to.equal(null);
      expect(el.shadowRoot?.innerHTML).to.not.contain(ID);
      await expect(el).to.be.accessible();
    });

    it('keeps the number in the address, so that a reload (or a phone reopening the tab) follows it without asking', async () => {
      answerWith({ ticket: shownNumber('issued'), wait: { ahead: 3, method: 'position-only', sampleSize: 0 } });
      const first = await fixture<MotcuaTicketStatus>(html`<motcua-ticket-status></motcua-ticket-status>`);
      await settle(first, 'Số thứ tự của bạn');
      await follow(first, 'a 12');
      await settle(first, 'Còn 3 người trước bạn');
      expect(new URLSearchParams(location.search).get('so')).to.equal('A 12');
      first.remove();
      requested = [];
      const again = await fixture<MotcuaTicketStatus>(html`<motcua-ticket-status></motcua-ticket-status>`);
      await settle(again, 'Còn 3 người trước bạn');
      expect(requested[0]).to.match(/\/api\/queue\/numbers\/A%2012$/);
      expect(input(again).value).to.equal('A 12');
      await expect(again).to.be.accessible();
    });

    it('says when no such number was issued today, in English too, and renders a hostile number as text', async () => {
      answerWith(json(404, { error: { code: 'unknown-number' } }));
      const el = await fixture<MotcuaTicketStatus>(html`<motcua-ticket-status lang="en"></motcua-ticket-status>`);
      await settle(el, 'Your number');
      expect((part(el, 'number-follow') as HTMLElement).textContent?.trim()).to.equal('Follow');
      await follow(el, '<img src=x onerror="globalThis.pwned=1">');
      // The field takes 16 characters, the longest number the server reads.
      await settle(el, 'No ticket <IMG SRC=X ONERR has been issued today');
      expect(el.shadowRoot?.querySelector('img')).to.equal(null);
      expect((globalThis as { pwned?: number }).pwned).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('takes its strings from the page', async () => {
      answerWith({ ticket: shownNumber('serving') });
      const el = await fixture<MotcuaTicketStatus>(
        html`<motcua-ticket-status
          .strings=${{ vi: { numberLabel: 'Số trên phiếu', numberNote: 'Chỉ xem.' } }}
        ></motcua-ticket-status>`,
      );
      await settle(el, 'Số trên phiếu');
      await follow(el, 'A012');
      await settle(el, 'Bạn đang được phục vụ tại quầy 2');
      expect(part(el, 'number-note')?.textContent).to.equal('Chỉ xem.');
    });
  });
});
