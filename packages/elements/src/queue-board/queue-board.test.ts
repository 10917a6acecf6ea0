import type { BoardTicket } from '@motcua/core/queue';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { browserCommand } from '../internal/browser-commands.test-support.js';
import { configure, resetConfig } from '../internal/configure.js';
import { FakeEventSource, latestEventSource } from '../internal/event-source.test-support.js';
import { recordingEngine } from '../internal/speech/engine.js';
import type { MotcuaQueueBoard, QueueCallDetail } from './queue-board.js';
import './queue-board.js';
import { stubWakeLock, WakeLockStub } from '../internal/wake-lock.test-support.js';

const realEventSource = globalThis.EventSource;
const latest = latestEventSource;

const ticket = (
  number: string,
  counter: string | null,
  status: BoardTicket['status'] = 'called',
  at = 1000,
): BoardTicket => ({
  number,
  service: 'ho-tich',
  priority: 'normal',
  status,
  counter,
  calls: 1,
  lastCalledAt: counter ? at : null,
  businessDate: '2026-11-23',
});

const snapshot = (version: number, counters: Record<string, BoardTicket | null>, recent: BoardTicket[] = []) => ({
  office: { id: 'demo', name: { vi: 'UBND xã Mẫu', en: 'Sample Commune' } },
  businessDate: '2026-11-23',
  version,
  counters: Object.entries(counters).map(([id, t]) => ({ id, label: id, services: ['ho-tich'], ticket: t })),
  services: [],
  recent,
});

const text = (el: Element, selector: string): string[] =>
  [...(el.shadowRoot?.querySelectorAll(selector) ?? [])].map((n) => n.textContent?.replace(/\s+/g, ' ').trim() ?? '');

async function board(template = html`<motcua-queue-board></motcua-queue-board>`) {
  const el = await fixture<MotcuaQueueBoard>(template);
  return el;
}

async function live(el: MotcuaQueueBoard, data: unknown): Promise<void> {
  latest().send('snapshot', data);
  await el.updateComplete;
}

describe('<motcua-queue-board>', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    globalThis.EventSource = FakeEventSource as unknown as typeof EventSource;
  });
  afterEach(() => {
    globalThis.EventSource = realEventSource;
    resetConfig();
  });

  it('shows the snapshot: each counter’s number and the latest calls, from the configured API', async () => {
    configure({ apiBase: 'https://motcua.example.gov.vn/xa/' });
    const el = await board();
    expect(latest().url).to.equal('https://motcua.example.gov.vn/xa/api/queue/events');
    expect(text(el, '[part="connection"]')).to.deep.equal(['Đang kết nối…']);
    await live(
      el,
      snapshot(7, { '1': ticket('A003', '1', 'serving'), '2': null }, [
        ticket('A003', '1', 'serving', 2000),
        ticket('A002', '2', 'done', 1000),
      ]),
    );
    expect(text(el, '[part~="counter"]')).to.deep.equal(['Quầy 1 A003 Đang phục vụ', 'Quầy 2 Chưa gọi số']);
    expect(text(el, '[part="call"]')).to.deep.equal(['A003 Quầy 1', 'A002 Quầy 2']);
    expect(text(el, 'h2')[0]).to.equal('UBND xã Mẫu — Đang phục vụ');
    expect(el.shadowRoot?.querySelector('[part="connection"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('applies a newer delta, announces the call, and ignores an older or repeated one', async () => {
    const engine = recordingEngine();
    const el = await board(html`<motcua-queue-board .speech=${engine} repeat="1"></motcua-queue-board>`);
    await live(el, snapshot(7, { '1': null, '2': null }));
    const calls: QueueCallDetail[] = [];
    el.addEventListener('motcua-queue-call', (e) => calls.push((e as CustomEvent<QueueCallDetail>).detail));

    latest().send('ticket', { version: 8, type: 'call', at: 3000, counter: '2', ticket: ticket('A004', '2') });
    await el.updateComplete;
    expect(text(el, '[part~="counter"]')[1]).to.equal('Quầy 2 A004 Mời đến quầy');
    expect(el.shadowRoot?.querySelector('[part~="counter-new"]')?.textContent).to.contain('A004');
    expect(text(el, '[role="status"]')).to.deep.equal(['Xin mời số A004 đến quầy số 2']);

    // Older than the board (out of order), and the same version again: neither changes the board or is spoken.
    latest().send('ticket', { version: 6, type: 'call', at: 2500, counter: '1', ticket: ticket('A001', '1') });
    latest().send('ticket', { version: 8, type: 'call', at: 3000, counter: '2', ticket: ticket('A004', '2') });
    await el.updateComplete;
    expect(text(el, '[part~="counter"]')[0]).to.equal('Quầy 1 Chưa gọi số');
    expect(calls).to.deep.equal([{ type: 'call', number: 'A004', counter: '2' }]);

    // The ticket is finished: the counter is free again, the call stays in the list.
    latest().send('ticket', { version: 9, type: 'finish', at: 4000, ticket: ticket('A004', '2', 'done') });
    await el.updateComplete;
    expect(text(el, '[part~="counter"]')[1]).to.equal('Quầy 2 Chưa gọi số');
    expect(text(el, '[part="call"]')).to.deep.equal(['A004 Quầy 2']);

    await waitUntil(() => engine.said.length === 1, 'said', { timeout: 8000 });
    expect(engine.said.map((u) => u.text)).to.deep.equal(['Xin mời số a, bốn, đến quầy số hai']);
  });

  it('says a call and a recall exactly, one after the other and in order, each repeated', async () => {
    const engine = recordingEngine({ duration: 30 });
    const el = await board(html`<motcua-queue-board .speech=${engine} repeat="2"></motcua-queue-board>`);
    await live(el, snapshot(1, { '1': null, '3': null }));
    latest().send('ticket', { version: 2, type: 'call', at: 1, counter: '3', ticket: ticket('A105', '3') });
    latest().send('ticket', { version: 3, type: 'call', at: 2, counter: '1', ticket: ticket('B012', '1') });
    latest().send('ticket', {
      version: 4,
      type: 'recall',
      at: 3,
      ticket: { ...ticket('A105', '3', 'called', 3), calls: 2 },
    });
    await waitUntil(() => engine.log.length === 12, 'six utterances said', { timeout: 8000 });
    const a = 'Xin mời số a, một trăm linh năm, đến quầy số ba';
    const b = 'Xin mời số bê, mười hai, đến quầy số một';
    expect(engine.log).to.deep.equal([a, a, b, b, a, a].flatMap((said) => [`start ${said}`, `end ${said}`]));
    expect(engine.said[0]?.clips).to.deep.equal([
      'chime',
      'moi-khach-hang-so',
      'a',
      'mootj',
      'trawm',
      'linh',
      'nawm',
      'den-quay',
      'so',
      'ba',
    ]);
  });

  it('reconnects after the stream fails, with a pause, and converges on the new snapshot', async () => {
    const engine = recordingEngine();
    const el = await board(
      html`<motcua-queue-board .speech=${engine} repeat="1" retry-delay="20"></motcua-queue-board>`,
    );
    await live(el, snapshot(3, { '1': ticket('A001', '1'), '2': ticket('B001', '2', 'serving', 900) }));
    const first = latest();
    first.fail();
    await el.updateComplete;
    expect(first.closed).to.equal(true);
    expect(text(el, '[part="connection"]')).to.deep.equal(['Mất kết nối với máy chủ, đang thử lại…']);
    await waitUntil(() => FakeEventSource.instances.length === 2, 'reconnected', { timeout: 5000 });
    // While the board was away, counter 1 moved on to A005 (version 9), which is said now; counter 2 still serves B001.
    await live(
      el,
      snapshot(9, { '1': ticket('A005', '1', 'called', 5000), '2': ticket('B001', '2', 'serving', 900) }, [
        ticket('A005', '1', 'called', 5000),
      ]),
    );
    expect(text(el, '[part~="counter"]')).to.deep.equal(['Quầy 1 A005 Mời đến quầy', 'Quầy 2 B001 Đang phục vụ']);
    expect(el.shadowRoot?.querySelector('[part="connection"]')).to.equal(null);
    // A late delta of the old stream, and one the snapshot already includes, change nothing.
    first.send('ticket', { version: 10, type: 'call', at: 1, counter: '1', ticket: ticket('A099', '1') });
    latest().send('ticket', { version: 8, type: 'call', at: 1, counter: '1', ticket: ticket('A004', '1') });
    latest().send('ticket', {
      version: 10,
      type: 'call',
      at: 6000,
      counter: '1',
      ticket: ticket('A006', '1', 'called', 6000),
    });
    await el.updateComplete;
    expect(text(el, '[part~="counter"]')).to.deep.equal(['Quầy 1 A006 Mời đến quầy', 'Quầy 2 B001 Đang phục vụ']);
    await waitUntil(() => engine.said.length === 2, 'said', { timeout: 8000 });
    expect(engine.said.map((u) => u.text)).to.deep.equal([
      'Xin mời số a, năm, đến quầy số một',
      'Xin mời số a, sáu, đến quầy số một',
    ]);
  });

  it('after a long outage shows the calls made meanwhile without saying them', async () => {
    const engine = recordingEngine();
    const el = await board(html`<motcua-queue-board .speech=${engine} retry-delay="20"></motcua-queue-board>`);
    await live(el, snapshot(3, { '1': ticket('A001', '1') }));
    const realNow = Date.now;
    try {
      latest().fail();
      await waitUntil(() => FakeEventSource.instances.length === 2, 'reconnected', { timeout: 5000 });
      Date.now = () => realNow() + 10 * 60_000;
      await live(el, snapshot(9, { '1': ticket('A005', '1', 'called', 5000) }));
    } finally {
      Date.now = realNow;
    }
    expect(text(el, '[part~="counter"]')).to.deep.equal(['Quầy 1 A005 Mời đến quầy']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(engine.said).to.deep.equal([]);
  });

  it('reconnects at once when the browser is back online', async () => {
    const el = await board(html`<motcua-queue-board retry-delay="60000"></motcua-queue-board>`);
    await live(el, snapshot(1, { '1': null }));
    latest().fail();
    await el.updateComplete;
    expect(FakeEventSource.instances).to.have.length(1);
    globalThis.dispatchEvent(new Event('online'));
    expect(FakeEventSource.instances).to.have.length(2);
    await live(el, snapshot(2, { '1': ticket('A002', '1') }));
    expect(text(el, '[part~="counter"]')).to.deep.equal(['Quầy 1 A002 Mời đến quầy']);
    globalThis.dispatchEvent(new Event('online')); // live: nothing to do
    expect(FakeEventSource.instances).to.have.length(2);
  });

  it('speaks and shows English, takes string overrides, and offers to enable sound until it is', async () => {
    const engine = recordingEngine();
    configure({ strings: { 'motcua-queue-board': { en: { title: 'Serving now' } } } });
    const el = await board(
      html`<motcua-queue-board lang="en" .speech=${engine} repeat="1"
        strings='{"en": {"announce": "Number {number}, counter {counter}"}}'></motcua-queue-board>`,
    );
    await live(el, snapshot(1, { '1': null }));
    expect(text(el, 'h2')[0]).to.equal('Sample Commune — Serving now');
    expect(text(el, '[part~="counter"]')).to.deep.equal(['Counter 1 No number called']);
    const button = el.shadowRoot?.querySelector<HTMLButtonElement>('[part="enable-sound"]');
    expect(button?.textContent?.trim()).to.equal('Enable sound');
    await expect(el).to.be.accessible();
    latest().send('ticket', { version: 2, type: 'call', at: 1, counter: '1', ticket: ticket('A105', '1') });
    await waitUntil(() => engine.said.length === 1, 'said', { timeout: 8000 });
    expect(engine.said[0]).to.include({ text: 'Number A105, counter 1', lang: 'en' });
    button?.click();
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="enable-sound"]')).to.equal(null);
  });

  it('leaves a call unsaid when the page cancels its event', async () => {
    const engine = recordingEngine();
    const el = await board(html`<motcua-queue-board .speech=${engine} repeat="1"></motcua-queue-board>`);
    await live(el, snapshot(1, { '1': null, '2': null }));
    el.addEventListener('motcua-queue-call', (e) => {
      if ((e as CustomEvent<QueueCallDetail>).detail.counter === '1') e.preventDefault();
    });
    latest().send('ticket', { version: 2, type: 'call', at: 1, counter: '1', ticket: ticket('A001', '1') });
    latest().send('ticket', {
      version: 3,
      type: 'call',
      at: 2,
      counter: '2',
      ticket: ticket('A002', '2', 'called', 2),
    });
    await waitUntil(() => engine.said.length === 1, 'said', { timeout: 8000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(engine.said.map((u) => u.text)).to.deep.equal(['Xin mời số a, hai, đến quầy số hai']);
    expect(text(el, '[part="number"]')).to.deep.equal(['A001', 'A002']);
  });

  it('takes its own api-base, stays silent when muted, and closes its stream when removed', async () => {
    const engine = recordingEngine();
    configure({ apiBase: 'https://elsewhere.example/' });
    const el = await board(
      html`<motcua-queue-board muted .speech=${engine} api-base="https://motcua.example.gov.vn/"></motcua-queue-board>`,
    );
    expect(latest().url).to.equal('https://motcua.example.gov.vn/api/queue/events');
    await live(el, snapshot(1, { '1': null }));
    expect(el.shadowRoot?.querySelector('[part="enable-sound"]')).to.equal(null);
    latest().send('ticket', { version: 2, type: 'call', at: 1, counter: '1', ticket: ticket('A001', '1') });
    await el.updateComplete;
    expect(text(el, '[part="number"]')).to.deep.equal(['A001']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(engine.said).to.deep.equal([]);
    el.remove();
    expect(latest().closed).to.equal(true);
  });

  it('keeps the screen awake while shown and releases it when removed; no-wake-lock leaves it to the device', async () => {
    const wakeLock = new WakeLockStub();
    const restore = stubWakeLock(wakeLock);
    try {
      const el = await board(html`<motcua-queue-board muted></motcua-queue-board>`);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(wakeLock.requests).to.equal(1);
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(wakeLock.releases).to.equal(1);
      await board(html`<motcua-queue-board muted no-wake-lock></motcua-queue-board>`);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(wakeLock.requests).to.equal(1);
    } finally {
      restore();
    }
  });

  describe('follow-url: the QR code of the ticket status page', () => {
    /** The dark modules of the rendered QR code, read back from its SVG path (one rectangle per run, border 2). */
    const modulesOf = (el: MotcuaQueueBoard): boolean[][] => {
      const svg = el.shadowRoot?.querySelector('[part="follow"] svg') as SVGSVGElement;
      const size = svg.viewBox.baseVal.width - 4;
      const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
      const d = svg.querySelector('path')?.getAttribute('d') ?? '';
      for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
        for (let i = 0; i < Number(w); i++) (grid[Number(y) - 2] as boolean[])[Number(x) - 2 + i] = true;
      }
      return grid;
    };
    const loaded = (name: string) =>
      performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith(name));
    const busy = () =>
      snapshot(
        9,
        {
          '1': ticket('A012', '1'),
          '2': ticket('B004', '2', 'serving'),
          '3': ticket('C101', '3'),
          '4': null,
          '5': null,
        },
        ['A012', 'B004', 'C101', 'A011', 'B003', 'A010'].map((n, i) => ticket(n, String((i % 3) + 1), 'called', 9 - i)),
      );

    it('shows no code, and loads neither the corner nor the encoder, without the attribute', async () => {
      const el = await board();
      await live(el, busy());
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(el.shadowRoot?.querySelector('[part="follow"], svg')).to.equal(null);
      expect(loaded('/queue-board/follow.ts')).to.equal(false);
      expect(loaded('/internal/qr.ts')).to.equal(false);
      expect(loaded('/internal/qr-encode.ts')).to.equal(false);
    });

    it('draws the address resolved against the page, with its caption, under the latest calls', async () => {
      const el = await board(html`<motcua-queue-board follow-url="/phieu.html?from=board"></motcua-queue-board>`);
      await live(el, busy());
      await waitUntil(() => el.shadowRoot?.querySelector('[part="follow"]'), 'the corner loads', { timeout: 3000 });
      expect(
        loaded('/queue-board/follow.ts') && loaded('/internal/qr-encode.ts'),
        'what the first test looks for',
      ).to.equal(true);
      const expected = new URL('/phieu.html?from=board', location.href).href;
      const { encodeQr } = await import('../internal/qr-encode.js');
      expect(modulesOf(el)).to.deep.equal(encodeQr(expected));
      expect(text(el, '[part="follow"] figcaption')).to.deep.equal(['Theo dõi lượt trên điện thoại']);
      expect(el.shadowRoot?.querySelector('[part="follow"] svg')?.getAttribute('aria-label')).to.equal(
        'Theo dõi lượt trên điện thoại',
      );
      // In the latest calls' column, after them.
      const recent = el.shadowRoot?.querySelector('[part="recent"]') as Element;
      const follow = el.shadowRoot?.querySelector('[part="follow"]') as Element;
      expect(recent.compareDocumentPosition(follow) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      await expect(el).to.be.accessible();

      // Another address, another code; the caption from the page's strings, in English.
      el.followUrl = 'phieu.html';
      el.lang = 'en';
      el.strings = { en: { follow: 'Your turn, on your phone' } };
      await el.updateComplete;
      expect(modulesOf(el)).to.deep.equal(encodeQr(new URL('phieu.html', document.baseURI).href));
      expect(text(el, '[part="follow"] figcaption')).to.deep.equal(['Your turn, on your phone']);
      el.followUrl = '';
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('[part="follow"]')).to.equal(null);
    });

    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      it(`leaves the counters, the latest calls and the code on a ${width}×${height} screen`, async () => {
        await browserCommand('set-viewport', { width, height });
        try {
          const el = await board(html`<motcua-queue-board follow-url="/phieu.html"></motcua-queue-board>`);
          await live(el, busy());
          await waitUntil(() => el.shadowRoot?.querySelector('[part="follow"] svg'), 'the corner loads', {
            timeout: 3000,
          });
          expect([innerWidth, innerHeight]).to.deep.equal([width, height]);
          const parts = el.shadowRoot?.querySelectorAll('[part="number"], [part="call"], [part="follow"]') ?? [];
          expect(parts.length).to.equal(5 + 6 + 1);
          for (const node of parts) {
            const box = node.getBoundingClientRect();
            expect(box.bottom, node.textContent ?? '').to.be.at.most(height);
            expect(box.right, node.textContent ?? '').to.be.at.most(width);
          }
          const code = el.shadowRoot?.querySelector('[part="follow"] svg')?.getBoundingClientRect();
          expect(code?.width, 'a code a phone reads from a few steps').to.be.at.least(120);
        } finally {
          await browserCommand('set-viewport', { width: 800, height: 600 });
        }
      });
    }
  });
});

describe('<motcua-queue-board pair>: a private board pairs and reads the calls with its own credential', () => {
  const PAIRED = 'motcua:paired-device';
  const CLAIM = 'motcua:pairing-claim';
  const CREDENTIAL = 'paired-credential-of-the-hall-board';
  const realFetch = globalThis.fetch;
  let approved = false;
  let revoked = false;
  let streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  let eventCalls: (string | null)[] = [];
  const encoder = new TextEncoder();
  /** Sends an event on the open stream, cut in two chunks (as a network may). */
  const send = (type: string, data: unknown) => {
    const text = `event: ${type}\r\ndata: ${JSON.stringify(data)}\r\n\r\n`;
    const stream = streams.at(-1);
    stream?.enqueue(encoder.encode(text.slice(0, 17)));
    stream?.enqueue(encoder.encode(`${text.slice(17)}: keep-alive\n\n`));
  };

  beforeEach(() => {
    FakeEventSource.instances = [];
    globalThis.EventSource = FakeEventSource as unknown as typeof EventSource;
    approved = false;
    revoked = false;
    streams = [];
    eventCalls = [];
    localStorage.removeItem(PAIRED);
    localStorage.removeItem(CLAIM);
    globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      const json = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (url.pathname === '/api/devices/pairings')
        return json(201, { code: 'KX794M', expiresAt: '2026-12-05T01:10:00Z' });
      if (url.pathname === '/api/devices/pairings/collect') {
        return approved
          ? json(200, { credential: CREDENTIAL, device: { id: 'd9', name: 'TV sảnh', kind: 'board' } })
          : json(202, { status: 'pending' });
      }
      if (url.pathname === '/api/queue/events') {
        const auth = new Headers(init.headers).get('authorization');
        eventCalls.push(auth);
        if (revoked || auth !== `Bearer ${CREDENTIAL}`) return json(401, { error: { code: 'unauthorized' } });
        const body = new ReadableStream<Uint8Array>({ start: (controller) => void streams.push(controller) });
        return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
      }
      return json(404, {});
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.EventSource = realEventSource;
    globalThis.fetch = realFetch;
    localStorage.removeItem(PAIRED);
    localStorage.removeItem(CLAIM);
  });

  it('shows its pairing code until approved as a board, then the calls read with its credential', async () => {
    const el = await board(html`<motcua-queue-board pair muted retry-delay="10"></motcua-queue-board>`);
    const code = () => text(el, '[part="pairing-code"]')[0] ?? '';
    await waitUntil(() => code() === 'KX7-94M', 'the pairing code', { timeout: 5000 });
    expect(el.shadowRoot?.querySelector('[part="counters"]'), 'no board while unpaired').to.equal(null);
    expect(el.shadowRoot?.querySelector('[part="connection"]'), 'no connection state while unpaired').to.equal(null);
    expect(eventCalls, 'nothing read without a credential').to.deep.equal([]);
    await expect(el).to.be.accessible();
    approved = true;
    await waitUntil(() => streams.length === 1, 'the stream opened with the credential', { timeout: 10_000 });
    expect(eventCalls).to.deep.equal([`Bearer ${CREDENTIAL}`]);
    expect(FakeEventSource.instances, 'no EventSource: it cannot send the credential').to.have.length(0);
    send('snapshot', snapshot(7, { '1': null, '2': null }));
    await waitUntil(() => text(el, '[part~="counter"]').length === 2, 'the board');
    send('ticket', { version: 8, type: 'call', at: 1000, counter: '2', ticket: ticket('A004', '2') });
    await waitUntil(() => text(el, '[part~="counter"]')[1] === 'Quầy 2 A004 Mời đến quầy', 'the call');
    expect(JSON.parse(localStorage.getItem(PAIRED) ?? '{}').credential).to.equal(CREDENTIAL);
    await expect(el).to.be.accessible();

    // Revoked: the next reading is refused; the screen forgets its credential and pairs again.
    revoked = true;
    streams.at(-1)?.close();
    await waitUntil(() => code() === 'KX7-94M', 'pairing again', { timeout: 5000 });
    expect(localStorage.getItem(PAIRED)).to.equal(null);
  });
});
