import { expect } from '@open-wc/testing';
import { deliverPush, setNotifications } from '../internal/browser-commands.test-support.js';

// The service worker a page registers for a dossier's Web Push notices (push-worker.js, as dist/cdn ships it
// minified), in the real browser: push messages delivered as a push service delivers them.
const WORKER = new URL('./push-worker.js', import.meta.url).href;
const SCOPE = new URL('./push-worker-scope/', import.meta.url).href;

async function shown(registration: ServiceWorkerRegistration, count: number): Promise<Notification[]> {
  for (let i = 0; i < 100; i++) {
    const list = await registration.getNotifications();
    if (list.length >= count) return list;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} notifications shown`);
}

describe('motcua-push-worker.js', () => {
  let registration: ServiceWorkerRegistration;

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
    await deliverPush(SCOPE, JSON.stringify(notice));
    const [n] = await shown(registration, 1);
    expect(n?.title).to.equal(notice.title);
    expect(n?.body).to.equal(notice.body);
    expect(n?.tag).to.equal(notice.tag);
    expect(n?.data).to.deep.equal({ url: notice.url });
  });

  it("replaces a dossier's older notice with its newer one", async () => {
    const tag = '000.00.00.H00-261109-0002';
    await deliverPush(SCOPE, JSON.stringify({ title: 'Đang giải quyết', body: '', tag }));
    await shown(registration, 1);
    await deliverPush(SCOPE, JSON.stringify({ title: 'Yêu cầu bổ sung', body: '', tag }));
    for (let i = 0; i < 100 && (await registration.getNotifications())[0]?.title !== 'Yêu cầu bổ sung'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const list = await registration.getNotifications({ tag });
    expect(list.map((n) => n.title)).to.deep.equal(['Yêu cầu bổ sung']);
  });

  it('shows a message that is not JSON with a plain title, and opens no address but http(s)', async () => {
    await deliverPush(SCOPE, 'not json');
    const [plain] = await shown(registration, 1);
    expect(plain?.title).to.equal('Hồ sơ / Dossier');
    expect(plain?.data).to.deep.equal({ url: '' });
    plain?.close();
    await deliverPush(SCOPE, JSON.stringify({ title: '<b>x</b>', body: 1, url: 'javascript:alert(1)' }));
    const list = await shown(registration, 1);
    expect(list[0]?.title, 'a title is text').to.equal('<b>x</b>');
    expect(list[0]?.body).to.equal('');
    expect(list[0]?.data).to.deep.equal({ url: '' });
  });
});
