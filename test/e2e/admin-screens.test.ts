/**
 * The admin's page of the example site against the built demo server: the morning's actions in the audit trail with
 * the officers' names, and an account added from the staff accounts screen — whose creation the trail then shows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import {
  axeViolations,
  type DemoServer,
  launchBrowser,
  openPage,
  shadowText,
  signInOnPage,
  staffHeaders,
  startDemoServer,
  waitForShadowText,
} from './support.js';

const TRAIL = 'motcua-audit-trail';
const USERS = 'motcua-staff-users';
describe('the admin’s page: the audit trail and the staff accounts', { timeout: 600_000 }, () => {
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

  it('shows the morning’s counter actions with the officer’s name, and adds an account the trail then shows', async () => {
    // An officer works counter 1: a number taken at the kiosk, called by her.
    const officer = await staffHeaders(server, 'canbo1', 'demo-canbo1');
    const ticket = await fetch(new URL('api/queue/tickets', server.url), {
      method: 'POST',
      headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'ho-tich' }),
    });
    assert.equal(ticket.status, 201);
    const call = await fetch(new URL('api/queue/counters/1/call-next', server.url), {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json', 'idempotency-key': 'e2e-admin-call-1' },
      body: '{}',
    });
    assert.equal(call.status, 200, await call.text());

    // The admin signs in on the page (the session cookie is set for the server's origin) and opens it again.
    const { page: admined, problems } = await openPage(browser, new URL('quan-tri.html', server.url).href, {
      waitUntil: 'load',
    });
    await admined.setViewport({ width: 1366, height: 768 });
    const status = await signInOnPage(admined, 'admin', 'demo-admin');
    assert.equal(status, 200);
    await admined.reload({ waitUntil: 'load' });
    await waitForShadowText(admined, TRAIL, 'Gọi số');
    const trail = await shadowText(admined, TRAIL);
    assert.match(trail, /Cán bộ Một \(trình diễn\)\s*Gọi số/, trail.slice(0, 600));

    // An account added from the screen: the trail shows who created it.
    await admined.$eval(USERS, (el) => {
      const root = el.shadowRoot as ShadowRoot;
      (root.querySelector('#username') as HTMLInputElement).value = 'canbo3';
      (root.querySelector('#display-name') as HTMLInputElement).value = 'Lê Văn Ba';
      (root.querySelector('#password') as HTMLInputElement).value = 'mot cau de nho 2026';
      [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Tạo tài khoản')?.click();
    });
    await waitForShadowText(admined, USERS, 'Đã tạo tài khoản canbo3.');
    await waitForShadowText(admined, USERS, 'Lê Văn Ba (canbo3)');
    await admined.$eval(TRAIL, (el) =>
      [...(el.shadowRoot as ShadowRoot).querySelectorAll('button')]
        .find((b) => b.textContent?.trim() === 'Xem')
        ?.click(),
    );
    await waitForShadowText(admined, TRAIL, 'Tạo tài khoản');
    assert.match(await shadowText(admined, TRAIL), /Quản trị \(trình diễn\)\s*Tạo tài khoản/);
    assert.deepEqual(await axeViolations(admined), []);
    assert.deepEqual(problems, []);
    await admined.close();
  });
});
