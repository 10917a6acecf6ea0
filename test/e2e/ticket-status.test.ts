/**
 * The ticket in the citizen's hand, end to end on the example site against the built demo server: a number taken at
 * the kiosk, its status page (the address the kiosk's QR code carries) counting down as counter 1 calls, the call
 * itself, and after service the rating with the ticket's own token. Screenshots at phone size go to
 * `.cache/screenshots/`.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
  waitForShadowText,
} from './support.js';

const STATUS = 'motcua-ticket-status';
const RATING = 'motcua-rating-form';
const shots = join(import.meta.dirname, '..', '..', '.cache', 'screenshots');

describe('the ticket status page on the example site, end to end', { timeout: 600_000 }, () => {
  let server: DemoServer;
  let browser: Browser;
  const api = async (path: string, token: string, body: unknown = {}) => {
    const response = await fetch(new URL(path, server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.ok(response.status < 300, `${path}: HTTP ${response.status}`);
    return (await response.json()) as { id?: string; number?: string; ticket?: { number: string } };
  };

  before(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('follows a ticket from the kiosk’s QR address to the call, then rates it with its own token', async () => {
    const kiosk = await openPage(browser, new URL('lay-so.html', server.url).href);
    const ticketUrl = await kiosk.page.$eval('motcua-ticket-kiosk', (el) => el.getAttribute('ticket-url'));
    assert.equal(ticketUrl, 'phieu.html?id={id}', 'the kiosk’s QR code leads to the ticket status page');
    await kiosk.page.close();

    // Two citizens take a number for civil status; the second follows hers on the phone.
    const first = await api('api/queue/tickets', 'demo-kiosk', { service: 'ho-tich' });
    const mine = await api('api/queue/tickets', 'demo-kiosk', { service: 'ho-tich' });
    const address = new URL((ticketUrl as string).replace('{id}', encodeURIComponent(mine.id as string)), server.url);
    const { page, problems } = await openPage(browser, address.href, { waitUntil: 'load' });
    await page.setViewport({ width: 360, height: 740 });
    await waitForShadowText(page, STATUS, 'Còn 1 người trước bạn');
    await waitForShadowText(page, STATUS, 'Sắp đến lượt bạn');
    await waitForShadowText(page, STATUS, 'Hộ tịch');
    assert.equal(await (await inShadow(page, STATUS, '[part="number"]')).evaluate((n) => n.textContent), mine.number);
    await page.screenshot({ path: join(shots, 'ticket-status-waiting-360.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);

    // Counter 1 calls the first number, then hers: the page follows the event stream.
    const called = await api('api/queue/counters/1/call-next', 'demo-counter-1');
    assert.equal(called.ticket?.number, first.number);
    await waitForShadowText(page, STATUS, 'Bạn là người tiếp theo');
    await api('api/queue/counters/1/done', 'demo-counter-1');
    const next = await api('api/queue/counters/1/call-next', 'demo-counter-1');
    assert.equal(next.ticket?.number, mine.number);
    await waitForShadowText(page, STATUS, `Mời số ${mine.number} đến quầy`);
    await page.screenshot({ path: join(shots, 'ticket-status-called-360.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);

    // Served: the page offers the rating, whose link carries the ticket's token; the rating is accepted once.
    await api('api/queue/counters/1/done', 'demo-counter-1');
    const rate = await inShadow(page, STATUS, '[part="rate"]', 60_000);
    const href = await rate.evaluate((a) => (a as HTMLAnchorElement).href);
    assert.match(new URL(href).searchParams.get('t') ?? '', /^r1\./);
    await page.screenshot({ path: join(shots, 'ticket-status-done-360.png'), fullPage: true });
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), rate.click()]);
    assert.ok(!page.url().includes('t='), 'the rating page removes the token from its address once read');
    await (await inShadow(page, RATING, 'input[name="overall"]')).click();
    await (await inShadow(page, RATING, '[part="submit"]')).click();
    await inShadow(page, RATING, '[part="message"][data-status="sent"]', 60_000);
    assert.match(await shadowText(page, RATING), /Cảm ơn/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('says so when the address has no ticket or an unknown one, at phone size, in Vietnamese', async () => {
    const { page, problems } = await openPage(browser, new URL('phieu.html?id=khong-co', server.url).href, {
      waitUntil: 'load',
    });
    await page.setViewport({ width: 360, height: 740 });
    await waitForShadowText(page, STATUS, 'Không tìm thấy phiếu này');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling at 360 px (page is ${width} px wide)`);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(
      problems.filter((p) => !p.includes('/api/queue/tickets/')),
      [],
    );
    await page.close();
  });

  it('follows a number typed on the page the board’s QR code opens, read-only, at phone size', async () => {
    const board = await openPage(browser, new URL('man-hinh.html', server.url).href, { waitUntil: 'load' });
    const followUrl = await board.page.$eval('motcua-queue-board', (el) => el.getAttribute('follow-url'));
    assert.equal(followUrl, 'phieu.html', 'the board’s QR code leads to the ticket status page, without an id');
    await inShadow(board.page, 'motcua-queue-board', '[part="follow"] svg');
    assert.deepEqual(await axeViolations(board.page), []);
    assert.deepEqual(board.problems, []);
    await board.page.close();

    // Two citizens take a number for land; the second types hers on the page the board's code opens.
    const first = await api('api/queue/tickets', 'demo-kiosk', { service: 'dat-dai' });
    const mine = await api('api/queue/tickets', 'demo-kiosk', { service: 'dat-dai' });
    const { page, problems } = await openPage(browser, new URL(followUrl as string, server.url).href, {
      waitUntil: 'load',
    });
    await page.setViewport({ width: 360, height: 740 });
    await (await inShadow(page, STATUS, '[part="number-input"]')).type(` ${(mine.number as string).toLowerCase()} `);
    await page.keyboard.press('Enter');
    await waitForShadowText(page, STATUS, 'Còn 1 người trước bạn');
    await waitForShadowText(page, STATUS, 'Đất đai');
    assert.equal(await (await inShadow(page, STATUS, '[part="number"]')).evaluate((n) => n.textContent), mine.number);
    await waitForShadowText(page, STATUS, 'cần mã QR in trên phiếu');
    await page.screenshot({ path: join(shots, 'ticket-status-by-number-360.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);

    // Counter 2 calls the first, then hers: the page follows the event stream; served, no rating link.
    const called = await api('api/queue/counters/2/call-next', 'demo-counter-2');
    assert.equal(called.ticket?.number, first.number);
    await waitForShadowText(page, STATUS, 'Bạn là người tiếp theo');
    await api('api/queue/counters/2/done', 'demo-counter-2');
    await api('api/queue/counters/2/call-next', 'demo-counter-2');
    await waitForShadowText(page, STATUS, `Mời số ${mine.number} đến quầy 2`);
    await api('api/queue/counters/2/done', 'demo-counter-2');
    await waitForShadowText(page, STATUS, 'Đã phục vụ xong');
    assert.equal(await page.$eval(STATUS, (el) => el.shadowRoot?.querySelector('[part="rate"]') ?? null), null);
    const html = await page.$eval(STATUS, (el) => el.shadowRoot?.innerHTML ?? '');
    assert.ok(!html.includes(mine.id as string), 'the ticket’s id never reaches the page');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
