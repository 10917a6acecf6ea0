// <motcua-calendar-day show-lunar> when the lunar calendar's code cannot be downloaded (the test server answers 503,
// the `fail-requests` command of web-test-runner.config.mjs). A page of its own: the module must not have been
// imported before.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { failRequests } from '../internal/browser-commands.test-support.js';
import type { MotcuaCalendarDay } from './calendar-day.js';
import './calendar-day.js';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<motcua-calendar-day> offline', () => {
  it('shows the solar date alone when the lunar calendar cannot be downloaded, and the lunar date once it can', async () => {
    const unhandled: string[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(String(event.reason));
    globalThis.addEventListener('unhandledrejection', onUnhandled);
    try {
      await failRequests('calendar-day/lunar-line.', 1);
      const el = await fixture<MotcuaCalendarDay>(
        html`<motcua-calendar-day date="2026-02-17" show-lunar></motcua-calendar-day>`,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('[part="lunar"]') === null, 'no lunar line').to.equal(true);
      expect(text(el)).to.contain('17/02/2026');
      await expect(el).to.be.accessible();

      el.requestUpdate();
      const lunar = () => el.shadowRoot?.querySelector('[part="lunar"]')?.textContent ?? '';
      await waitUntil(() => lunar() !== '', 'the lunar date shows');
      expect(lunar()).to.contain('1/1');
      expect(unhandled).to.deep.equal([]);
    } finally {
      globalThis.removeEventListener('unhandledrejection', onUnhandled);
      await failRequests('', 0);
    }
  });
});
