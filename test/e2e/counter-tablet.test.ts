/**
 * A counter tablet of its own on the example site, against the built demo server: it pairs (shows its code, an admin
 * approves it), works its counter with the credential it collected, lets the citizen rate the counter with that
 * credential, and pairs again once the admin revokes it. A kiosk of its own pairs the same way and issues numbers.
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
  staffHeaders,
  startDemoServer,
} from './support.js';

type Listed = { id: string; name: string }[];

const CONSOLE = 'motcua-counter-console';
const RATING = 'motcua-rating-form';
const POLL = 100;

/** The pairing code the device shows, once it shows one (without its dash). */
async function shownCode(page: Page, host = CONSOLE): Promise<string> {
  const handle = await page.waitForFunction(
    (h: string) => document.querySelector(h)?.shadowRoot?.querySelector('[part="pairing-code"]')?.textContent ?? false,
    { polling: POLL, timeout: 60_000 },
    host,
  );
  return String(await handle.jsonValue()).replace('-', '');
}

describe('a counter tablet pairs, works its counter, takes the counter’s ratings, and pairs again once revoked', () => {
  let server: DemoServer;
  let browser: Browser;
  let admin: Record<string, string>;
  let page: Page;
  let problems: string[] = [];

  /** An admin's request, as the admin's browser sends it (session cookie, same origin). */
  const asAdmin = (method: string, path: string, body?: unknown) =>
    fetch(new URL(path, server.url), {
      method,
      headers: { ...admin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  before(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    admin = await staffHeaders(server, 'admin', 'demo-admin');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows its pairing code until an admin approves it, then works counter 1 with its own credential', async () => {
    const opened = await openPage(browser, new URL('quay.html?ghep-noi', server.url).href);
    page = opened.page;
    problems = opened.problems;
    const code = await shownCode(page);
    assert.match(code, /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    assert.doesNotMatch(await page.content(), /token="/, 'no access token in the page');
    assert.deepEqual(await axeViolations(page), []);
    const pending = (await (await asAdmin('GET', 'api/devices/pairings')).json()) as { code: string }[];
    assert.ok(
      JSON.stringify(pending).includes(code),
      `the admin sees the code ${code} waiting: ${JSON.stringify(pending)}`,
    );
    const approved = await asAdmin('POST', `api/devices/pairings/${code}/approve`, {
      name: 'Máy tính bảng quầy 1',
      kind: 'counter',
      counter: '1',
    });
    assert.ok(approved.ok, await approved.text());
    await inShadow(page, CONSOLE, '[data-action="next"]', 60_000);
    assert.equal(await page.$eval(CONSOLE, (el) => el.getAttribute('counter')), '1');
    const kept = await page.evaluate(() => localStorage.getItem('motcua:paired-device') ?? '');
    assert.match(kept, /"credential":"[\w-]{43,}"/, 'the credential is kept on the tablet');
  });

  it('lets the citizen rate counter 1 with the tablet’s credential', async () => {
    await page.waitForSelector('[data-counter-rating]:not([hidden])', { timeout: 60_000 });
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/ratings') && r.request().method() === 'POST');
    await (await inShadow(page, RATING, 'input[name="overall"][value="2"]')).click();
    await (await inShadow(page, RATING, '[part="submit"]')).click();
    const response = await answer;
    assert.equal(response.status(), 201, await response.text());
    assert.match(response.request().headers().authorization ?? '', /^Bearer [\w-]{43,}$/);
  });

  it('pairs again, with a new code, once the admin revokes it', async () => {
    const answer = (await (await asAdmin('GET', 'api/devices')).json()) as Listed | { devices: Listed };
    const devices = Array.isArray(answer) ? answer : answer.devices;
    const tablet = devices.find((d) => d.name === 'Máy tính bảng quầy 1');
    assert.ok(tablet, JSON.stringify(devices));
    assert.equal((await asAdmin('DELETE', `api/devices/${tablet.id}`)).status, 204);
    await (await inShadow(page, CONSOLE, '[data-action="next"]')).click();
    const code = await shownCode(page);
    assert.match(code, /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    assert.equal(await page.evaluate(() => localStorage.getItem('motcua:paired-device')), null);
    assert.deepEqual(problems, []);
  });

  it('pairs a kiosk of its own the same way: its code instead of the services, then numbers with its credential', async () => {
    // Another device: a browser of its own (the tablet's credential stays on the tablet).
    const kioskBrowser = await launchBrowser();
    try {
      const kiosk = await openPage(kioskBrowser, new URL('may-lay-so.html?ghep-noi', server.url).href);
      const code = await shownCode(kiosk.page, 'motcua-ticket-kiosk');
      assert.doesNotMatch(await kiosk.page.content(), /token="/, 'no access token in the page');
      assert.equal(
        await kiosk.page.$eval(
          'motcua-ticket-kiosk',
          (el) => el.shadowRoot?.querySelector('[part="services"]') ?? null,
        ),
        null,
      );
      assert.deepEqual(await axeViolations(kiosk.page), []);
      const approved = await asAdmin('POST', `api/devices/pairings/${code}/approve`, {
        name: 'Ki-ốt sảnh',
        kind: 'kiosk',
      });
      assert.ok(approved.ok, await approved.text());
      const service = await inShadow(kiosk.page, 'motcua-ticket-kiosk', '[part~="service"]', 60_000);
      const issued = kiosk.page.waitForResponse(
        (r) => r.url().endsWith('/api/queue/tickets') && r.request().method() === 'POST',
      );
      await service.click();
      const response = await issued;
      assert.equal(response.status(), 201, await response.text());
      assert.match(response.request().headers().authorization ?? '', /^Bearer [\w-]{43,}$/);
      await inShadow(kiosk.page, 'motcua-ticket-kiosk', '[part="number"]', 60_000);
      assert.deepEqual(kiosk.problems, []);
    } finally {
      await kioskBrowser.close();
    }
  });
});
