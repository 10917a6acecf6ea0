/**
 * The citizen's path through the example commune site, in headless Chromium against the built demo server (the
 * pages run under a strict Content-Security-Policy): find a procedure, look a dossier up, and check axe on every
 * page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import {
  axeViolations,
  type DemoServer,
  inShadow,
  launchBrowser,
  openPage,
  shadowText,
  startDemoServer,
} from './support.js';

describe('the example commune site, end to end', () => {
  let server: DemoServer;
  let browser: Browser;

  before(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds a procedure by typing without diacritics, opens it and comes back with the Back button', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const list = 'motcua-procedure-list';
    await inShadow(page, list, '[part="item"]');
    assert.deepEqual(await axeViolations(page), []);

    await (await inShadow(page, list, '[part="search"]')).type('dang ky khai sinh');
    await page.waitForFunction(
      (tag: string) => {
        const first = document.querySelector(tag)?.shadowRoot?.querySelector('[part="item"]');
        return first?.textContent?.toLowerCase().includes('khai sinh') ?? false;
      },
      {},
      list,
    );
    await (await inShadow(page, list, '[part="item"]')).click();
    await inShadow(page, list, '[part="detail"]');
    assert.match(new URL(page.url()).hash, /^#.+/, 'the detail has a deep link');
    assert.deepEqual(await axeViolations(page), []);

    await page.goBack();
    await inShadow(page, list, '[part="item"]');
    assert.equal(await page.$eval(list, (el) => el.shadowRoot?.querySelector('[part="detail"]') ?? null), null);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('lists every procedure as plain HTML where JavaScript does not run', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(server.url, { waitUntil: 'load' });
    const titles = await page.$$eval('motcua-procedure-list article h5', (headings) =>
      headings.filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => h.textContent),
    );
    assert.ok(titles.length >= 30, `${titles.length} procedures shown`);
    assert.ok(titles.includes('Đăng ký khai sinh'));
    await page.close();
  });

  it('switches the site and its widgets to English', async () => {
    const { page, problems } = await openPage(browser, `${server.url}tra-cuu.html`);
    const status = 'motcua-dossier-status';
    await inShadow(page, status, 'form');
    assert.match(await shadowText(page, status), /Tra cứu/);
    await page.click('[data-switch-lang="en"]');
    await page.waitForFunction(
      (tag: string) => /Look up|Track/i.test(document.querySelector(tag)?.shadowRoot?.textContent ?? ''),
      {},
      status,
    );
    assert.equal(await page.$eval('html', (html) => html.lang), 'en');
    assert.deepEqual(await axeViolations(page), []);
    await page.click('[data-switch-lang="vi"]');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('looks the demo dossier up with its code and PIN, without any personal data', async () => {
    const { page, problems } = await openPage(browser, `${server.url}tra-cuu.html`);
    const status = 'motcua-dossier-status';
    assert.deepEqual(await axeViolations(page), []);
    await (await inShadow(page, status, 'input[name="code"]')).type('000.00.00.H00-261109-0001');
    await (await inShadow(page, status, 'input[name="pin"]')).type('246810');
    await (await inShadow(page, status, 'button[type="submit"]')).click();
    await inShadow(page, status, '[part="timeline"]');
    assert.match(await shadowText(page, status), /000\.00\.00\.H00-261109-0001/);
    await inShadow(page, status, '[aria-current="step"]');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
