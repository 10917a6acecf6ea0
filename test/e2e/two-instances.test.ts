/**
 * The office administration on two instances of the built server sharing one PostgreSQL, on a clock that starts on a
 * Wednesday (issue "the office around the engine": changes take effect on every instance without a restart). The
 * demo admin switches "Thứ Tư không hẹn" on for Cấp Giấy xác nhận tình trạng hôn nhân (1.004873, 3 working days) in
 * the admin page of one instance; within 5 s the other instance's procedure list shows the day and a dossier received
 * there on that Wednesday is due the same day. Then a catalogue with a changed fee, published on the first, is what
 * the second's procedure list shows. Runs where a PostgreSQL server is given (MOTCUA_TEST_DATABASE_URL: `.ci/run`
 * starts one); the embedded database is one process's.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { root } from '../../scripts/env.mjs';
import {
  axeViolations,
  type DemoServer,
  inShadow,
  launchBrowser,
  openPage,
  signInOnPage,
  startDemoServer,
  waitForShadowText,
} from './support.js';

const serverUrl = process.env.MOTCUA_TEST_DATABASE_URL;
/** Wednesday 9 December 2026, 08:30 in Vietnam. */
const WEDNESDAY = '2026-12-09T01:30:00Z';
const MARRIAGE_STATUS = '1.004873';
const ADMIN = 'motcua-office-admin';
const LIST = 'motcua-procedure-list';
const COUNTER = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };

/** What this test uses of `pg`, as the server package has it (the repository root does not depend on it). */
interface PgClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(join(root, 'packages', 'server', 'package.json'))('pg') as {
  Client: new (options: { connectionString: string }) => PgClient;
};

/** Runs `sql` on the PostgreSQL server. */
async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Until `check` is true, polled every 200 ms; fails after `ms`. */
async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > ms) assert.fail(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A dossier of `procedure` received at counter 1 of `server`: its due date. */
async function dueAt(server: DemoServer, procedure: string): Promise<string> {
  const res = await fetch(new URL('api/dossiers', server.url), {
    method: 'POST',
    headers: COUNTER,
    body: JSON.stringify({ procedure, applicant: { name: 'Lê Thị Hai' }, documents: [{ name: 'Tờ khai' }] }),
  });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return (JSON.parse(text) as { dueAt: string }).dueAt;
}

/** The procedure list's row of 1.004873 on a page of `server` opened now. */
async function listRow(page: Page, server: DemoServer): Promise<string> {
  await page.goto(new URL('index.html', server.url).href, { waitUntil: 'load' });
  const row = await inShadow(page, LIST, `a[data-anchor="tthc-${MARRIAGE_STATUS.replace('.', '-')}"]`);
  return row.evaluate((a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim());
}

describe('the office administration on two instances sharing PostgreSQL', { timeout: 900_000 }, () => {
  const schema = `motcua_e2e_${randomBytes(5).toString('hex')}`;
  let a: DemoServer;
  let b: DemoServer;
  let browser: Browser;

  before(async () => {
    if (!serverUrl) return;
    await onServer(serverUrl, `create schema ${schema}`);
    const databaseUrl = new URL(serverUrl);
    databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
    // One after the other, as an operator adds an instance: the first migrates and writes the demo office's history.
    a = await startDemoServer({ databaseUrl: databaseUrl.href, clockStart: WEDNESDAY });
    b = await startDemoServer({ databaseUrl: databaseUrl.href, clockStart: WEDNESDAY });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await a?.stop();
    await b?.stop();
    if (serverUrl) await onServer(serverUrl, `drop schema if exists ${schema} cascade`);
  });

  it('a no-appointment day saved on one instance is on the other within 5 s; so is a published fee', {
    skip: serverUrl ? false : 'needs a PostgreSQL server: MOTCUA_TEST_DATABASE_URL (.ci/run starts one)',
  }, async () => {
    // Before: three working days from Wednesday morning.
    assert.equal(await dueAt(b, MARRIAGE_STATUS), '2026-12-14T17:00:00+07:00');
    const citizen = await browser.newPage();
    assert.doesNotMatch(await listRow(citizen, b), /Thứ Tư/);

    // The admin signs in on instance A's page and switches the day on.
    const { page, problems } = await openPage(browser, new URL('quan-tri.html', a.url).href, { waitUntil: 'load' });
    await page.setViewport({ width: 1366, height: 768 });
    const signedIn = await signInOnPage(page, 'admin', 'demo-admin');
    assert.equal(signedIn, 200);
    await page.reload({ waitUntil: 'load' });
    await inShadow(page, ADMIN, `input[name="procedure"][value="${MARRIAGE_STATUS}"]`);
    await page.$eval(
      ADMIN,
      (el, code) => {
        const root = el.shadowRoot as ShadowRoot;
        const section = root.querySelector('section[aria-labelledby="na"]') as HTMLElement;
        const enabled = section.querySelector('label > input[type="checkbox"]:not([name])') as HTMLInputElement;
        if (!enabled.checked) enabled.click();
        (section.querySelector('input[name="weekday"][value="3"]') as HTMLInputElement).click();
        (section.querySelector(`input[name="procedure"][value="${code}"]`) as HTMLInputElement).click();
        const from = section.querySelector('input[name="from"]') as HTMLInputElement;
        from.value = '2026-12-09';
        from.dispatchEvent(new Event('change'));
        (section.querySelector('button') as HTMLButtonElement).click();
      },
      MARRIAGE_STATUS,
    );
    await waitForShadowText(page, ADMIN, 'Đã lưu');
    const saved = Date.now();

    // Instance B: the list shows the day, and Wednesday's dossier is due today.
    await within(5_000 - (Date.now() - saved), 'the no-appointment note on the other instance', async () =>
      /Thứ Tư/.test(await listRow(citizen, b)),
    );
    await within(5_000 - (Date.now() - saved), 'the same-day due date on the other instance', async () =>
      (await dueAt(b, MARRIAGE_STATUS)).startsWith('2026-12-09T'),
    );

    assert.deepEqual(await axeViolations(page), []);

    // A catalogue with a fee for 1.004873, published on A, is what B's list shows.
    const catalogue = JSON.parse(readFileSync(join(root, 'examples', 'data', 'catalogue.json'), 'utf8')) as {
      procedures: { code: string; fees?: unknown }[];
    };
    for (const p of catalogue.procedures) {
      if (p.code === MARRIAGE_STATUS) p.fees = [{ kind: 'charge', per: 'case', amount: 15_000 }];
    }
    const published = await page.evaluate(async (text: string) => {
      const json = { 'content-type': 'application/json' };
      const body = { format: 'json', text };
      const checked = await fetch('/api/admin/catalogue/check', {
        method: 'POST',
        headers: json,
        body: JSON.stringify(body),
      });
      const { publishedVersion } = (await checked.json()) as { publishedVersion: number };
      const res = await fetch('/api/admin/catalogue/publish', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ ...body, expectedVersion: publishedVersion }),
      });
      return `${res.status} ${await res.text()}`;
    }, JSON.stringify(catalogue));
    assert.match(published, /^201 /, published);
    const shownAt = Date.now();
    let detail = '';
    await within(5_000, 'the new fee on the other instance', async () => {
      // A new load each time (a fragment alone would not load the page again).
      await citizen.goto('about:blank');
      await citizen.goto(new URL(`index.html#tthc-${MARRIAGE_STATUS.replace('.', '-')}`, b.url).href, {
        waitUntil: 'load',
      });
      await inShadow(citizen, LIST, '[part="detail"]');
      detail = await citizen.$eval(LIST, (el) =>
        (el.shadowRoot?.querySelector('[part="detail"]')?.textContent ?? '').replace(/\s+/g, ' '),
      );
      return /15\.000/.test(detail);
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}; the detail said: ${detail.slice(0, 2000)}`);
    });
    assert.ok(Date.now() - shownAt < 5_000);
    assert.deepEqual(problems, []);
    await citizen.close();
    await page.close();
  });
});
