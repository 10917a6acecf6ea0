import { expect } from '@open-wc/testing';
import { deliverPush, setNotifications } from '../internal/browser-commands.test-support.js';

// The service worker a page registers for a dossier's or a ticket's Web Push notices (push-worker.js, as dist/cdn
// ships it minified), in the real browser: push messages delivered as a push service delivers them.
const WORKER = new URL('./push-worker.js', import.meta.url).href;
const SCOPE = new URL('./push-worker-scope/', import.meta.url).href;

describe('motcua-push-worker.js', () => {
  let registration: ServiceWorkerRegistration;

  /**
   * Delivers `data` until the notifications `shown` waits for are there. Headless Chromium now and then lists no
   * notification for a push its worker did show; a worker that shows nothing fails every try.
   */
  async function push(data: string, shown: (list: Notification[]) => boolean): Promise<Notification[]> {
    for (let attempt = 0; attempt < 5; attempt++) {
      await deliverPush(SCOPE, data);
      for (let i = 0; i < 50; i++) {
        const list = await registration.getNotifications();
        if (shown(list)) return list;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    throw new Error(`not shown: ${data}`);
  }

  before(async () => {
    await setNotifications('granted');
    registration = await navigator.serviceWorker.register(WORKER, { scope: SCOPE });
    const worker = registration.installing ?? registration.waiting;
    if (worker) {
      await new Promise<void>((resolve) => {
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve());
      });
    }
  });

  afterEach(async () => {
    for (const n of await registration.getNotifications()) n.close();
  });

  after(async () => {
    await registration.unregister();
    await setNotifications('default');
  });

  it('shows the notice the server sends: the dossier and its new status, the text, the status page to open', async () => {
    const notice = {
      id: 'n1',
      title: '000.00.00.H00-261109-0001: Đã có kết quả',
      body: 'UBND xã An Bình: hồ sơ đã có kết quả lúc 10:00, 20/11/2026.',
      tag: '000.00.00.H00-261109-0001',
      url: 'https://xa-an-binh.gov.vn/tra-cuu.html?ma-ho-so=000.00.00.H00-261109-0001',
    };
    const [n] = await push(JSON.stringify(notice), (list) => list.length > 0);
    expect(n?.title).to.equal(notice.title);
    expect(n?.body).to.equal(notice.body);
    expect(n?.tag).to.equal(notice.tag);
    expect(n?.data).to.deep.equal({ url: notice.url });
  });

  it("replaces a dossier's or a ticket's older notice with its newer one", async () => {
    const tag = 'ticket-t0123';
    await push(JSON.stringify({ title: 'Số A004: sắp đến lượt', body: '', tag }), (list) => list.length > 0);
    const list = await push(JSON.stringify({ title: 'Số A004: đến lượt', body: '', tag }), (l) =>
      l.some((n) => n.title === 'Số A004: đến lượt'),
    );
    expect(list.map((n) => n.title)).to.deep.equal(['Số A004: đến lượt']);
  });

  it('shows a message that is not JSON with a plain title, and opens no address but http(s)', async () => {
    const [plain] = await push('not json', (list) => list.length > 0);
    expect(plain?.title).to.equal('Hồ sơ / Dossier');
    expect(plain?.data).to.deep.equal({ url: '' });
    plain?.close();
    const list = await push(JSON.stringify({ title: '<b>x</b>', body: 1, url: 'javascript:alert(1)' }), (l) =>
      l.some((n) => n.title === '<b>x</b>'),
    );
    const hostile = list.find((n) => n.title === '<b>x</b>');
    expect(hostile?.body).to.equal('');
    expect(hostile?.data).to.deep.equal({ url: '' });
  });
});

describe('motcua-push-worker.js when the browser replaces its push subscription', () => {
  const API = 'https://motcua.xa-an-binh.gov.vn/';
  const KEY = new Uint8Array([4, 1, 2, 3]).buffer;
  /** A browser's subscription, as the worker reads it. */
  const subscription = (endpoint: string) => ({
    endpoint,
    options: { applicationServerKey: KEY, userVisibleOnly: true },
    toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: `p256dh-of-${endpoint}`, auth: 'auth' } }),
  });

  /**
   * The worker's own code (the file dist/cdn minifies) run against a stand-in of its global scope, registered at
   * `url`: headless Chromium fires no `pushsubscriptionchange`, and a page cannot dispatch one to a real worker that
   * `waitUntil` accepts. Answers what it sends, subscribes with and waits for when given `event`.
   */
  async function changed(url: string, event: { oldSubscription?: unknown; newSubscription?: unknown }) {
    const source = await (await fetch(WORKER)).text();
    const listeners = new Map<string, (event: unknown) => void>();
    const sent: { url: string; init: RequestInit }[] = [];
    const subscribedWith: unknown[] = [];
    const waited: Promise<unknown>[] = [];
    const self = {
      location: new URL(url),
      registration: {
        pushManager: {
          subscribe: async (options: unknown) => {
            subscribedWith.push(options);
            return subscription('https://push.example/renewed');
          },
        },
      },
      addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    };
    const fetchStandIn = async (input: URL, init: RequestInit) => {
      sent.push({ url: String(input), init });
      return new Response(null, { status: 204 });
    };
    new Function('self', 'fetch', source)(self, fetchStandIn);
    listeners.get('pushsubscriptionchange')?.({ ...event, waitUntil: (p: Promise<unknown>) => waited.push(p) });
    await Promise.all(waited);
    return { sent, subscribedWith, waited };
  }

  const registeredAt = (api: string) => `${WORKER}?api=${encodeURIComponent(api)}`;

  it('sends the new subscription with the old endpoint to the API it was registered with, inside waitUntil', async () => {
    const { sent, subscribedWith, waited } = await changed(registeredAt(API), {
      oldSubscription: subscription('https://push.example/old'),
      newSubscription: subscription('https://push.example/new'),
    });
    expect(waited).to.have.length(1);
    expect(subscribedWith).to.deep.equal([]);
    expect(sent.map((s) => s.url)).to.deep.equal([`${API}api/notifications/web-push/renewal`]);
    const [request] = sent;
    expect(request?.init.method).to.equal('POST');
    expect(request?.init.headers).to.deep.equal({ 'content-type': 'application/json' });
    expect(request?.init.credentials).to.equal('omit');
    expect(JSON.parse(String(request?.init.body))).to.deep.equal({
      oldEndpoint: 'https://push.example/old',
      endpoint: 'https://push.example/new',
      keys: { p256dh: 'p256dh-of-https://push.example/new', auth: 'auth' },
    });
  });

  it("subscribes again with the old subscription's key when the browser gives no new one", async () => {
    const { sent, subscribedWith } = await changed(registeredAt('https://xa-an-binh.gov.vn/motcua'), {
      oldSubscription: subscription('https://push.example/old'),
      newSubscription: null,
    });
    expect(subscribedWith).to.deep.equal([{ userVisibleOnly: true, applicationServerKey: KEY }]);
    expect(sent.map((s) => s.url)).to.deep.equal([
      'https://xa-an-binh.gov.vn/motcua/api/notifications/web-push/renewal',
    ]);
    expect(JSON.parse(String(sent[0]?.init.body)).endpoint).to.equal('https://push.example/renewed');
  });

  it('sends nothing without the old subscription, or without an http(s) API address', async () => {
    const old = subscription('https://push.example/old');
    const renewed = subscription('https://push.example/new');
    for (const [url, event] of [
      [registeredAt(API), { newSubscription: renewed }],
      [WORKER, { oldSubscription: old, newSubscription: renewed }],
      [registeredAt('javascript:alert(1)//'), { oldSubscription: old, newSubscription: renewed }],
      [registeredAt('data:text/plain,x'), { oldSubscription: old, newSubscription: renewed }],
    ] as const) {
      const { sent, waited } = await changed(url, event);
      expect(sent, url).to.deep.equal([]);
      expect(waited, url).to.deep.equal([]);
    }
  });
});
