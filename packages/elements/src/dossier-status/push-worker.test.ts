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
