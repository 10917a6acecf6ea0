/**
 * Web Push for a ticket's turn, end to end on the built server with an office that has a Web Push channel: the ticket
 * status page's offer, the subscription, the counter's calls, the server's signed and encrypted push messages through
 * a push service on loopback, and the service worker (motcua-push-worker.js) showing them in headless Chromium.
 * Headless Chromium reaches no push service of its own: the page's `pushManager.subscribe` answers a subscription at
 * the loopback push service, with keys this test holds, and that service hands each message it decrypts to the
 * browser's service worker over the DevTools protocol, as a browser's push service would.
 */
import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { root } from '../../scripts/env.mjs';
import { axeViolations, type DemoServer, inShadow, launchBrowser, openPage, startDemoServer } from './support.js';

const STATUS = 'motcua-ticket-status';
const shots = join(import.meta.dirname, '..', '..', '.cache', 'screenshots');
const fromServer = createRequire(join(root, 'packages', 'server', 'src', 'index.ts'));
const webpush = fromServer('web-push') as { generateVAPIDKeys(): { publicKey: string; privateKey: string } };
const ece = createRequire(fromServer.resolve('web-push'))('http_ece') as {
  decrypt(body: Buffer, params: { version: string; privateKey: unknown; authSecret: string }): Buffer;
};
const KIOSK = 'e2e-kiosk-token-0123456789abcdef0123';
/** The office's counter tokens (a real office's are long). */
const counterToken = (id: string) => `e2e-counter-token-${id}-0123456789abcdef`;

/** What the service worker shows, newest last. */
async function notifications(page: Page): Promise<{ title: string; body: string; url: string }[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration('/cdn/');
    const list = (await registration?.getNotifications()) ?? [];
    return list.map((n) => ({ title: n.title, body: n.body, url: (n.data as { url: string }).url }));
  });
}

describe('a ticket’s turn by Web Push, end to end', { timeout: 600_000 }, () => {
  let server: DemoServer;
  let browser: Browser;
  let pushService: Server;
  let pushUrl = '';
  let cdp: CDPSession | undefined;
  const registrations = new Map<string, string>();
  /** The messages the push service received, decrypted, in order. */
  const received: { title: string; body: string; url?: string }[] = [];
  /** Hands a message to the page's service worker, as the browser's push service does. */
  const deliver = async (text: string): Promise<void> => {
    const registrationId = registrations.get('/cdn/');
    if (!cdp || !registrationId) return;
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: new URL(server.url).origin,
      registrationId,
      data: text,
    });
  };
  // The browser's subscription keys, which its push service would hold.
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16).toString('base64url');

  before(async () => {
    mkdirSync(shots, { recursive: true });
    pushService = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let text: string;
        try {
          text = ece
            .decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: ecdh, authSecret: auth })
            .toString('utf8');
        } catch {
          res.writeHead(400).end();
          return;
        }
        received.push(JSON.parse(text));
        void deliver(text).finally(() => res.writeHead(201).end());
      });
    });
    await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
    const address = pushService.address();
    pushUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { DEMO_OFFICE } = (await import(join(root, 'packages', 'server', 'dist', 'index.js'))) as {
      DEMO_OFFICE: { queue: { counters: { id: string; token?: string }[] } } & Record<string, unknown>;
    };
    const vapid = webpush.generateVAPIDKeys();
    const office = {
      ...DEMO_OFFICE,
      id: 'xa-thu',
      queue: {
        ...DEMO_OFFICE.queue,
        counters: DEMO_OFFICE.queue.counters.map((c) => ({ ...c, token: counterToken(c.id) })),
      },
      kiosks: [{ id: 'kiosk', token: KIOSK }],
      notifications: {
        // The push service stand-in is on loopback.
        allowPrivateAddresses: true,
        channels: [{ id: 'push', kind: 'web-push', ...vapid, subject: 'mailto:mot-cua@xa-thu.gov.vn' }],
      },
    };
    server = await startDemoServer({ office });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    pushService?.close();
  });

  it('offers it on the ticket page, then tells the phone once when the turn is near and when the number is called', async () => {
    const api = async (path: string, bearer: string, body: unknown = {}) => {
      const response = await fetch(new URL(path, server.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.ok(response.status < 300, `${path}: HTTP ${response.status}`);
      return (await response.json()) as { id?: string; number?: string; ticket?: { number: string } };
    };
    const tickets = [];
    for (let i = 0; i < 4; i++) tickets.push(await api('api/queue/tickets', KIOSK, { service: 'ho-tich' }));
    const mine = tickets[3] as { id: string; number: string };

    await browser.defaultBrowserContext().overridePermissions(new URL(server.url).origin, ['notifications']);
    const address = new URL(`phieu.html?id=${encodeURIComponent(mine.id)}`, server.url).href;
    const subscription = {
      endpoint: `${pushUrl}/push/phone`,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth },
    };
    const opened = await openPage(browser, address, { waitUntil: 'load' });
    const phone = opened.page;
    await phone.setViewport({ width: 360, height: 740 });
    await phone.evaluate(
      `PushManager.prototype.subscribe = async function () { return { toJSON: () => (${JSON.stringify(subscription)}) }; };`,
    );
    cdp = await phone.createCDPSession();
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
      for (const r of event.registrations) {
        if (!r.isDeleted) registrations.set(new URL(r.scopeURL).pathname, r.registrationId);
      }
    });
    await cdp.send('ServiceWorker.enable');

    const button = await inShadow(phone, STATUS, '[part="notify"] button', 60_000);
    assert.equal(await button.evaluate((b) => b.textContent?.trim()), 'Báo cho tôi khi sắp đến lượt');
    await phone.screenshot({ path: join(shots, 'ticket-status-push-offer-360.png'), fullPage: true });
    assert.deepEqual(await axeViolations(phone), []);
    await button.click();
    await phone.waitForFunction(
      (h: string) => /Đã bật/.test(document.querySelector(h)?.shadowRoot?.textContent ?? ''),
      { polling: 100, timeout: 60_000 },
      STATUS,
    );
    await phone.screenshot({ path: join(shots, 'ticket-status-push-on-360.png'), fullPage: true });
    // Headless Chromium lists no notification shown before its first one: one from the page starts its store.
    await phone.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration('/cdn/');
      await registration?.showNotification('warm-up');
      for (const n of (await registration?.getNotifications()) ?? []) n.close();
    });

    // Three ahead (the page's near): told at once. The counter calls the three before her, then her.
    const until = async (count: number) => {
      for (let i = 0; i < 600 && received.length < count; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(received.length, count, JSON.stringify(received));
    };
    await until(1);
    assert.equal(received[0]?.title, `Số ${mine.number}: sắp đến lượt`);
    assert.equal(received[0]?.body.startsWith('Còn 3 người trước ông/bà.'), true, received[0]?.body);
    for (let i = 0; i < 3; i++) {
      await api('api/queue/counters/1/call-next', counterToken('1'));
      await api('api/queue/counters/1/done', counterToken('1'));
    }
    const called = await api('api/queue/counters/1/call-next', counterToken('1'));
    assert.equal(called.ticket?.number, mine.number);
    await until(2);
    assert.equal(received[1]?.title, `Số ${mine.number}: đến lượt`);
    assert.match(received[1]?.body ?? '', new RegExp(`Xin mời số ${mine.number} đến quầy số 1`));
    assert.equal(received[1]?.url, address);
    // Nothing more: each turn once, whatever the instance's events.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(received.length, 2);

    // The service worker shows the latest, which opens the ticket's page. (Headless Chromium now and then lists no
    // notification for a push its worker did show: handed again, up to five times.)
    let shown: { title: string; body: string; url: string }[] = [];
    const isCalled = (n: { title: string }) => n.title === `Số ${mine.number}: đến lượt`;
    for (let attempt = 0; attempt < 5 && !shown.some(isCalled); attempt++) {
      if (attempt > 0) await deliver(JSON.stringify(received[1]));
      for (let i = 0; i < 20 && !shown.some(isCalled); i++) {
        shown = await notifications(phone);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    assert.deepEqual(
      shown.filter(isCalled).map((n) => n.url),
      [address],
    );
    assert.deepEqual(opened.problems, []);
    await phone.close();
  });
});
