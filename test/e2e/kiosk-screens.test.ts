/**
 * The kiosk on real kiosk screens, end to end against the built demo server: the kiosk device's page
 * (examples/commune-site/may-lay-so.html) at 1080×1920 (portrait) and 1920×1080 (landscape). The services use the
 * screen, the priority choice is a big toggle, nothing scrolls, and axe passes, off and on. Screenshots go to
 * /tmp/motcua-kiosk-*.png for a person to look at.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { axeViolations, type DemoServer, inShadow, launchBrowser, openPage, startDemoServer } from './support.js';

const KIOSK = 'motcua-ticket-kiosk';

interface Layout {
  readonly viewport: { readonly width: number; readonly height: number };
  readonly pageHeight: number;
  readonly services: { readonly top: number; readonly bottom: number; readonly height: number };
  readonly buttons: readonly { readonly width: number; readonly height: number }[];
  readonly toggle: { readonly width: number; readonly height: number; readonly bottom: number };
}

async function layout(page: Page): Promise<Layout> {
  return page.$eval(KIOSK, (el) => {
    const root = el.shadowRoot as ShadowRoot;
    const rect = (node: Element | null) => (node as Element).getBoundingClientRect();
    const services = rect(root.querySelector('[part="services"]'));
    const toggle = rect(root.querySelector('[part="priority"]'));
    return {
      viewport: { width: innerWidth, height: innerHeight },
      pageHeight: document.documentElement.scrollHeight,
      services: { top: services.top, bottom: services.bottom, height: services.height },
      buttons: [...root.querySelectorAll('[part="service"]')].map((b) => {
        const r = b.getBoundingClientRect();
        return { width: r.width, height: r.height };
      }),
      toggle: { width: toggle.width, height: toggle.height, bottom: toggle.bottom },
    };
  });
}

describe('the kiosk on portrait and landscape screens, end to end', { timeout: 600_000 }, () => {
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

  for (const [name, width, height] of [
    ['portrait', 1080, 1920],
    ['landscape', 1920, 1080],
  ] as const) {
    it(`${name} ${width}×${height}: the services use the screen, the priority toggle is big, axe passes`, async () => {
      const { page, problems } = await openPage(browser, new URL('/may-lay-so.html', server.url).href);
      await page.setViewport({ width, height });
      await inShadow(page, KIOSK, '[part="service"]');
      const shown = await layout(page);
      await page.screenshot({ path: `/tmp/motcua-kiosk-${name}.png` });

      assert.equal(shown.pageHeight, height, 'the kiosk fits the screen: nothing scrolls');
      assert.ok(shown.buttons.length >= 2, 'the demo office lists services');
      assert.ok(shown.toggle.bottom <= height, 'the priority toggle is on screen');
      assert.ok(shown.toggle.width >= width * 0.9, `the priority toggle spans the screen (${shown.toggle.width} px)`);
      assert.ok(shown.toggle.height >= 80, `the priority toggle is a big target (${shown.toggle.height} px)`);
      for (const button of shown.buttons) assert.ok(button.height >= 80, `a service button is big (${button.height})`);
      // The services share what the header leaves, in either orientation (they once left two thirds of the screen
      // empty); the toggle sits at the bottom, no empty band under it.
      assert.ok(
        shown.services.height >= height * 0.55,
        `the services fill the screen (${Math.round(shown.services.height)} of ${height} px)`,
      );
      assert.ok(height - shown.toggle.bottom <= 120, 'the toggle sits at the bottom, no empty band under it');
      assert.deepEqual(await axeViolations(page), []);

      await (await inShadow(page, KIOSK, '[part="priority"]')).click();
      await page.waitForFunction(
        (h: string) => document.querySelector(h)?.shadowRoot?.querySelector('[aria-pressed="true"]'),
        {},
        KIOSK,
      );
      await page.screenshot({ path: `/tmp/motcua-kiosk-${name}-priority.png` });
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
