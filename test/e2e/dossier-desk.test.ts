/**
 * An officer's desk on the example site against the built demo server: the officer signs in on `ho-so.html`, finds
 * the dossier received at the counter among the open ones, requests a supplement with its reasons, and the citizen's
 * status page shows the request; after the applicant supplies it, the result and its return end the dossier, which
 * then leaves the list.
 */
import assert from 'node:assert/strict';
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
  waitForShadowText,
} from './support.js';

const DESK = 'motcua-dossier-desk';
const STATUS = 'motcua-dossier-status';

/** Presses the desk's button that says `text`. */
async function press(page: Page, text: string): Promise<void> {
  const pressed = await page.$eval(
    DESK,
    (el, t) => {
      const button = [...(el.shadowRoot as ShadowRoot).querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === t,
      );
      button?.click();
      return button !== undefined;
    },
    text,
  );
  assert.ok(pressed, `a button "${text}"`);
}

/** Chooses the step `type` and records it. */
async function record(page: Page, type: string, done: string): Promise<void> {
  await (await inShadow(page, DESK, `input[name="step"][value="${type}"]`)).click();
  await press(page, 'Ghi nhận');
  await waitForShadowText(page, DESK, done);
}

describe('an officer’s desk: the open dossiers and their steps', { timeout: 600_000 }, () => {
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

  it('requests a supplement the citizen sees, then ends the dossier, which leaves the list', async () => {
    const received = await fetch(new URL('api/dossiers', server.url), {
      method: 'POST',
      headers: { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' },
      body: JSON.stringify({
        procedure: '1.004194',
        applicant: { name: 'Phạm Thị Nộp', address: '5 Đường Làng' },
        documents: [{ name: 'Tờ khai' }],
      }),
    });
    assert.equal(received.status, 201);
    const { code, pin } = (await received.json()) as { code: string; pin: string };

    const { page, problems } = await openPage(browser, new URL('ho-so.html', server.url).href, { waitUntil: 'load' });
    await page.setViewport({ width: 1366, height: 768 });
    await waitForShadowText(page, DESK, 'đăng nhập');
    // The officer signs in with the page's sign-in form; the page opens again signed in.
    await (await inShadow(page, 'motcua-sign-in', '#username')).type('canbo1');
    await (await inShadow(page, 'motcua-sign-in', '#password')).type('demo-canbo1');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    await waitForShadowText(page, DESK, code);
    const list = await shadowText(page, DESK);
    assert.doesNotMatch(list, /Phạm Thị Nộp/, 'no applicant data in the list');
    assert.deepEqual(await axeViolations(page), []);

    await press(page, code);
    await inShadow(page, DESK, '[part="detail"]');
    await (await inShadow(page, DESK, 'input[name="step"][value="supplement-requested"]')).click();
    await (await inShadow(page, DESK, 'input[name="reasons"][value="incomplete"]')).click();
    await (await inShadow(page, DESK, '#reason')).type('Thiếu bản sao giấy khai sinh');
    assert.deepEqual(await axeViolations(page), []);
    await press(page, 'Ghi nhận');
    await waitForShadowText(page, DESK, 'Đã ghi nhận “Yêu cầu bổ sung hồ sơ”');
    assert.match(await shadowText(page, DESK), /Hồ sơ chưa đầy đủ.*Thiếu bản sao giấy khai sinh/);
    assert.equal(
      await page.$eval(DESK, (el) => el.shadowRoot?.querySelector('input[value="processing"]') ?? null),
      null,
    );

    // The citizen's status page says so.
    const citizen = await browser.newPage();
    await citizen.goto(new URL(`tra-cuu.html?ma-ho-so=${encodeURIComponent(code)}`, server.url).href, {
      waitUntil: 'load',
    });
    await (await inShadow(citizen, STATUS, 'input[name="pin"]')).type(pin);
    await (await inShadow(citizen, STATUS, 'button[type="submit"]')).click();
    await waitForShadowText(citizen, STATUS, 'Thiếu bản sao giấy khai sinh');
    await citizen.close();

    await record(page, 'supplement-completed', 'Đã ghi nhận “Công dân đã bổ sung hồ sơ”');
    await record(page, 'resolved', 'Đã ghi nhận “Đã có kết quả”');
    await record(page, 'returned', 'Đã ghi nhận “Đã trả kết quả”');
    await waitForShadowText(page, DESK, 'Hồ sơ đã kết thúc');
    await press(page, 'Quay lại danh sách');
    await waitForShadowText(page, DESK, 'Hồ sơ chưa kết thúc');
    assert.doesNotMatch(await shadowText(page, DESK), new RegExp(code.replaceAll('.', '\\.')));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
