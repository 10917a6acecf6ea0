import { expect, fixture, html } from '@open-wc/testing';
import { apiUrl } from './config.js';
import { configure, resetConfig } from './configure.js';
import '../procedure-list/procedure-list.js';
import '../dossier-status/dossier-status.js';

describe('API addresses (one rule for every element)', () => {
  const realFetch = globalThis.fetch;
  let asked: string[] = [];
  beforeEach(() => {
    asked = [];
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      asked.push(String(input instanceof Request ? input.url : input));
      return new Response('{}', { status: 503 });
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    resetConfig();
  });

  it('keeps the API base path, whether the path starts with / or not', () => {
    for (const base of ['http://host/motcua/', 'http://host/motcua']) {
      for (const path of ['/api/catalogue', 'api/catalogue', './api/catalogue']) {
        expect(apiUrl(path, base).href, `${base} + ${path}`).to.equal('http://host/motcua/api/catalogue');
      }
    }
    expect(apiUrl('https://cdn.example/c.json', 'http://host/motcua/').href).to.equal('https://cdn.example/c.json');
    expect(apiUrl('//cdn.example/c.json', 'http://host/').href).to.equal(`${location.protocol}//cdn.example/c.json`);
  });

  it('without a configured base, resolves at the site root, not in the page folder', () => {
    expect(apiUrl('api/dossiers/A').href).to.equal(new URL('/api/dossiers/A', location.href).href);
  });

  it('is the same for the procedure list and the dossier status', async () => {
    configure({ apiBase: 'http://host.test/motcua/' });
    await fixture(html`<motcua-procedure-list src="/api/catalogue"></motcua-procedure-list>`);
    const status = await fixture(
      html`<motcua-dossier-status code="000.00.00.H00-261122-0001" pin="123456"></motcua-dossier-status>`,
    );
    await (status as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(asked[0]).to.equal('http://host.test/motcua/api/catalogue');
    expect(
      asked.some((url) => url.startsWith('http://host.test/motcua/api/dossiers/000.00.00.H00-261122-0001')),
    ).to.equal(true);
  });
});
