// Browser tests: core and elements in headless Chrome/Chromium, served from their TypeScript sources
// (the `motcua:source` export condition) with Lit's production build, as the CDN bundle uses it.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome } from './scripts/env.mjs';
import { summaryFileReporter } from './scripts/wtr/summary-reporter.js';

/**
 * Requests the test server answers with 503, set by the `fail-requests` command: per URL fragment, how many more
 * times. Pages run one at a time (concurrency 1), so one table serves them all.
 */
const failing = new Map();

export default {
  files: ['packages/*/src/**/*.test.ts', '!packages/server/**'],
  nodeResolve: { exportConditions: ['motcua:source'] },
  // A network that fails: 503 for the requests `fail-requests` named, before any file is served.
  middleware: [
    (context, next) => {
      for (const [match, times] of failing) {
        if (!context.url.includes(match)) continue;
        if (times <= 1) failing.delete(match);
        else failing.set(match, times - 1);
        context.status = 503;
        // Never kept by the browser: the runner marks every file cacheable for a year, failures included, and
        // `Vary: *` is the one header it does not override.
        context.set('Cache-Control', 'no-store');
        context.set('Vary', '*');
        context.body = 'Service Unavailable (fail-requests)';
        return undefined;
      }
      return next();
    },
  ],
  // One page at a time: Chromium pauses animation frames in pages that are not in front, and Lit and
  // @open-wc wait for frames.
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    {
      // `emulate-forced-colors` ({ value: 'active' | 'none' }): forced-colours mode through the DevTools protocol, which
      // the built-in emulate-media command does not offer. One protocol session per page keeps the setting.
      name: 'emulate-forced-colors',
      sessions: new WeakMap(),
      async executeCommand({ command, payload, session }) {
        if (command !== 'emulate-forced-colors' || session.browser.type !== 'puppeteer') return undefined;
        const page = session.browser.getPage(session.id);
        if (!this.sessions.has(page)) this.sessions.set(page, await page.createCDPSession());
        const features = [{ name: 'forced-colors', value: payload?.value === 'active' ? 'active' : 'none' }];
        await this.sessions.get(page).send('Emulation.setEmulatedMedia', { features });
        return true;
      },
    },
    {
      // `fail-requests` ({ match, times }): the next `times` requests whose URL (path and query) contains `match` get
      // a 503, for offline tests (a module or a catalogue that cannot be downloaded). The page then stops using the
      // browser's cache, where files other pages fetched stay for a year. `{ match: '', times: 0 }` clears every rule.
      name: 'fail-requests',
      async executeCommand({ command, payload, session }) {
        if (command !== 'fail-requests') return undefined;
        const { match = '', times = 0 } = payload ?? {};
        if (match !== '' && session.browser.type === 'puppeteer') {
          await session.browser.getPage(session.id).setCacheEnabled(false);
        }
        if (match === '') failing.clear();
        else if (times > 0) failing.set(match, times);
        else failing.delete(match);
        return true;
      },
    },
    {
      // `notifications` ({ value: 'granted' | 'denied' | 'default' }): the page origin's notification permission, as
      // if the user had answered the browser's prompt (headless Chromium shows none).
      name: 'notifications',
      async executeCommand({ command, payload, session }) {
        if (command !== 'notifications' || session.browser.type !== 'puppeteer') return undefined;
        const page = session.browser.getPage(session.id);
        const context = page.browserContext();
        if (payload?.value === 'default') await context.clearPermissionOverrides();
        else
          await context.overridePermissions(
            new URL(page.url()).origin,
            payload?.value === 'granted' ? ['notifications'] : [],
          );
        return true;
      },
    },
    {
      // `deliver-push` ({ scope, data }): a push message to the service worker registered for `scope`, through the
      // DevTools protocol, as a push service would deliver it (headless Chromium reaches no push service).
      name: 'deliver-push',
      // One protocol session per page, kept: it follows the page's service worker registrations.
      sessions: new WeakMap(),
      async executeCommand({ command, payload, session }) {
        if (command !== 'deliver-push' || session.browser.type !== 'puppeteer') return undefined;
        const page = session.browser.getPage(session.id);
        if (!this.sessions.has(page)) {
          const cdp = await page.createCDPSession();
          const registrations = new Map();
          cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
            for (const r of event.registrations) registrations.set(r.registrationId, r);
          });
          await cdp.send('ServiceWorker.enable');
          this.sessions.set(page, { cdp, registrations });
        }
        const { cdp, registrations } = this.sessions.get(page);
        // The registrations arrive as events.
        const find = () => [...registrations.values()].find((r) => r.scopeURL === payload.scope && !r.isDeleted);
        for (let i = 0; i < 40 && !find(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
        const registration = find();
        if (!registration) throw new Error(`no service worker for ${payload.scope}`);
        await cdp.send('ServiceWorker.deliverPushMessage', {
          origin: new URL(payload.scope).origin,
          registrationId: registration.registrationId,
          data: payload.data,
        });
        return true;
      },
    },
    {
      name: 'node-test-in-browser',
      resolveImport({ source }) {
        if (source === 'node:test') return '/scripts/wtr/node-test-in-browser.js';
      },
    },
    esbuildPlugin({ ts: true, tsconfig: './packages/elements/tsconfig.json', target: 'es2022' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        // Root needs --no-sandbox. The time zone proves the code reads Vietnamese dates whatever the host's.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          // Pages run side by side; without these, Chromium throttles timers and animation frames in the ones
          // that are not in front, and tests waiting for a frame time out.
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
          '--disable-renderer-backgrounding',
        ],
        env: { ...process.env, TZ: process.env.MOTCUA_BROWSER_TZ ?? 'America/Los_Angeles' },
      },
    }),
  ],
  reporters: [defaultReporter(), summaryFileReporter('.cache/test-results/browser.json')],
};
