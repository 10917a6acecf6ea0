// The console when its desk cannot be downloaded (the lazily loaded chunk gets a 503 from the test server, the
// `fail-requests` command of web-test-runner.config.mjs): the officer still calls and serves, and the desk arrives with
// the next load. A module imported once is not fetched again, so this file is a page of its own.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { failRequests } from '../internal/browser-commands.test-support.js';
import type { MotcuaCounterConsole } from './counter-console.js';
import './counter-console.js';

const realFetch = globalThis.fetch;
let posts: string[] = [];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function stubServer(): void {
  posts = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = new URL(String(input)).pathname;
    if (init.method === 'POST') posts.push(path);
    switch (`${init.method ?? 'GET'} ${path}`) {
      case 'GET /api/queue/services':
        return json(200, { services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }] });
      case 'GET /api/queue/counters/1/current':
        return json(200, { ticket: null });
      case 'GET /api/queue/counters/1/desk':
        return json(200, { paused: false, waiting: [{ service: 'ho-tich', count: 2, priority: 0 }], noShows: [] });
      case 'POST /api/queue/counters/1/call-next':
        return json(200, {
          ticket: { id: 't-A001', number: 'A001', service: 'ho-tich', priority: 'thuong', status: 'called', calls: 1 },
        });
      default:
        return json(404, { error: { code: 'not-found', message: { vi: 'Không có', en: 'None' } } });
    }
  }) as typeof fetch;
}

const shadow = (el: MotcuaCounterConsole) => el.shadowRoot as ShadowRoot;
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: MotcuaCounterConsole, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<motcua-counter-console> without its desk', () => {
  beforeEach(stubServer);
  afterEach(async () => {
    globalThis.fetch = realFetch;
    await failRequests('', 0);
  });

  it('still calls and serves when the desk cannot be downloaded, and shows the desk after the next load', async () => {
    await failRequests('counter-console/desk.', 1);
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    globalThis.addEventListener('unhandledrejection', onUnhandled);
    try {
      const el = await fixture<MotcuaCounterConsole>(
        html`<motcua-counter-console counter="1" .token=${'demo-counter-1'}></motcua-counter-console>`,
      );
      const next = () => shadow(el).querySelector<HTMLButtonElement>('button[data-action="next"]');
      await waitUntil(() => next() && next()?.getAttribute('aria-disabled') !== 'true', 'the console is ready');
      // Give the failed download time to settle: no desk, and nothing said about it to the officer.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(part(el, 'desk') === null, 'no desk').to.equal(true);
      expect(part(el, 'waiting') === null, 'no waiting line').to.equal(true);
      expect(text(shadow(el).querySelector('[role="alert"]'))).to.equal('');

      (next() as HTMLButtonElement).click();
      await waitUntil(() => text(shadow(el)).includes('A001'), 'the ticket called');
      expect(posts).to.deep.equal(['/api/queue/counters/1/call-next']);
      await expect(el).to.be.accessible();

      // The next load (here, a new token for the counter) downloads the desk.
      el.token = 'demo-counter-1-new';
      await waitUntil(() => part(el, 'waiting'), 'the desk', { timeout: 5000 });
      expect(text(part(el, 'waiting'))).to.equal('Đang chờ: Hộ tịch: 2');
      expect(unhandled).to.deep.equal([]);
    } finally {
      globalThis.removeEventListener('unhandledrejection', onUnhandled);
    }
  });
});
