/**
 * The citizen widgets on a page as a commune's CMS (ASP.NET, SharePoint, DNN) makes it, in headless Chromium against
 * the built demo server: universal style rules, one page-wide `<form>`, a strict Content-Security-Policy, the API on
 * another origin (allowed with a trailing slash, as operators write it) and a nested path. Every widget must work,
 * keep the page's secrets out of its address bar and its links, and pass axe.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import {
  axeViolations,
  type DemoServer,
  inShadow,
  launchBrowser,
  openPage,
  shadowText,
  startDemoServer,
} from './support.js';

const DEMO_CODE = '000.00.00.H00-261109-0001';
const DEMO_PIN = '246810';
const PAGE_PATH = '/vi/thu-tuc/tra-cuu-va-danh-gia.aspx';

/** What a CMS theme does to every element on the page. */
const HOSTILE_CSS = `* { font-size: 12px; box-sizing: content-box; line-height: 1.1 }
html { font-size: 62.5% }
body { margin: 0; font-family: Tahoma, sans-serif }
#aspnetForm input[type='submit'] { padding: 12px 16px }`;

function cmsPage(api: string): string {
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Cổng thông tin điện tử xã — Thủ tục hành chính</title>
    <meta name="motcua:api-base" content="${api}" />
    <link rel="stylesheet" href="/Portals/_default/skin.css" />
    <script type="module" src="${api}cdn/motcua-procedure-list.js"></script>
    <script type="module" src="${api}cdn/motcua-dossier-status.js"></script>
    <script type="module" src="${api}cdn/motcua-rating-form.js"></script>
  </head>
  <body>
    <form id="aspnetForm" method="post" action="/Default.aspx">
      <input type="hidden" name="__VIEWSTATE" value="dDwtMTA4MTc1MjA4NDs7Pg==" />
      <main>
        <h1>Thủ tục hành chính</h1>
        <h2>Danh mục</h2>
        <motcua-procedure-list src="/api/catalogue" heading-level="3"></motcua-procedure-list>
        <h2>Tra cứu hồ sơ</h2>
        <motcua-dossier-status rate-href="${PAGE_PATH}#danh-gia"></motcua-dossier-status>
        <h2 id="danh-gia">Đánh giá</h2>
        <motcua-rating-form heading-level="3"></motcua-rating-form>
        <input type="submit" name="btnSearch" value="Tìm kiếm trên cổng" />
      </main>
    </form>
  </body>
</html>`;
}

describe('the citizen widgets on a hostile CMS page', () => {
  let server: DemoServer;
  let browser: Browser;
  let cms: Server;
  let cmsOrigin = '';
  const posted: string[] = [];

  before(async () => {
    // The CMS on its own origin; the API allows it with the trailing slash an operator types.
    cms = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://cms');
      if (request.method === 'POST') {
        posted.push(url.pathname);
        response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>postback</title>');
        return;
      }
      if (url.pathname === '/Portals/_default/skin.css') {
        response.writeHead(200, { 'content-type': 'text/css' }).end(HOSTILE_CSS);
        return;
      }
      if (url.pathname !== PAGE_PATH) {
        response.writeHead(404).end();
        return;
      }
      const api = `${server.url.replace(/\/?$/, '/')}`;
      const apiOrigin = new URL(api).origin;
      response
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': `default-src 'none'; script-src ${apiOrigin}; style-src 'self'; img-src 'self' data:; connect-src ${apiOrigin}; form-action 'self'; base-uri 'none'; object-src 'none'`,
        })
        .end(cmsPage(api));
    });
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    const address = cms.address();
    cmsOrigin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    server = await startDemoServer({ allowedOrigins: [`${cmsOrigin}/`] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => cms?.close(resolve));
  });

  async function open(query = ''): Promise<{ page: Page; problems: string[] }> {
    const opened = await openPage(browser, `${cmsOrigin}${PAGE_PATH}${query}`);
    await opened.page.setViewport({ width: 360, height: 800 });
    return opened;
  }

  it('lists the procedures at the API origin, at 16px, with links that carry the procedure only', async () => {
    const { page, problems } = await open('?t=r1.secret.token&pin=999999');
    const list = 'motcua-procedure-list';
    await inShadow(page, list, '[part="item"]');
    assert.equal(new URL(page.url()).search, '', 'the page secrets left the address bar');
    const meta = await page.$eval(list, (el) =>
      (el.shadowRoot?.querySelector('[part="item"] .meta')?.textContent ?? '').replace(/\s+/g, ' '),
    );
    assert.match(meta, / · /);
    assert.doesNotMatch(meta, /\S·/, 'separators keep their spaces in the minified build');
    assert.equal(await page.$eval(list, (el) => el.shadowRoot?.querySelector('#level') ?? null), null);
    const link = await page.$eval(list, (el) => {
      const element = el as HTMLElement & { linkOf(p: unknown): string; results: readonly unknown[] };
      return element.linkOf(element.results[0]);
    });
    assert.equal(new URL(link).search, '', `${link} carries nothing of the page query`);
    const size = await page.$eval(
      list,
      (el) => getComputedStyle(el.shadowRoot?.querySelector('[part="search"]') as Element).fontSize,
    );
    assert.equal(size, '16px', 'no iOS zoom on focus');
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'no sideways scrolling at 360px',
    );
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('looks a dossier up from its link, drops the PIN from the address bar, and rates it through the link it offers', async () => {
    const { page, problems } = await open(`?ma-ho-so=${encodeURIComponent(DEMO_CODE)}&pin=${DEMO_PIN}`);
    const status = 'motcua-dossier-status';
    await inShadow(page, status, '[part="timeline"]');
    assert.match(await shadowText(page, status), /000\.00\.00\.H00-261109-0001/);
    assert.doesNotMatch(page.url(), /pin=/, 'the PIN left the address bar');
    const rateHref = await (await inShadow(page, status, '[part="rate"]')).evaluate(
      (a) => (a as HTMLAnchorElement).href,
    );
    assert.match(rateHref, /[?&]t=r1\./, 'the rating link carries the dossier rating token');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();

    const rating = await openPage(browser, rateHref);
    await rating.page.setViewport({ width: 360, height: 800 });
    const form = 'motcua-rating-form';
    assert.doesNotMatch(rating.page.url(), /[?&]t=/, 'the token left the address bar');
    await (await inShadow(rating.page, form, 'input[name="overall"][value="1"]')).click();
    const area = await inShadow(rating.page, form, 'textarea');
    const widths = await rating.page.$eval(form, (el) => {
      const textarea = el.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement;
      return {
        area: textarea.getBoundingClientRect().right,
        host: el.getBoundingClientRect().right,
        size: getComputedStyle(textarea).fontSize,
      };
    });
    assert.ok(widths.area <= widths.host, `the reason fits the widget (${widths.area} > ${widths.host})`);
    assert.equal(widths.size, '16px');
    await area.type('Chờ lâu');
    const submit = await inShadow(rating.page, form, '[part="submit"]');
    await submit.click();
    await inShadow(rating.page, form, '[part="message"][data-status="sent"]');
    assert.deepEqual(posted, [], 'the page-wide form was not submitted');
    assert.deepEqual(await axeViolations(rating.page), []);
    assert.deepEqual(rating.problems, []);
    await rating.page.close();
  });

  it('tells the page author when the rating form has no token, instead of a form that cannot be sent', async () => {
    const { page, problems } = await open();
    const form = 'motcua-rating-form';
    await inShadow(page, form, '[data-missing="token"]');
    assert.equal(await page.$eval(form, (el) => el.shadowRoot?.querySelectorAll('input[type="radio"]').length), 0);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
