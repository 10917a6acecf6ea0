// <motcua-procedure-list> with 5,000 procedures in headless Chromium, CPU throttled 4× through the DevTools
// protocol (Emulation.setCPUThrottlingRate), on the production CDN build (`npm run build` first):
//   - first render: from setting `src` to the first page painted (download from localhost, JSON parse, the
//     first page checked with core's parseCatalogue, rendered), and from setting the `catalogue` property;
//     then until the whole catalogue is checked (in parts, the page stays responsive);
//   - per keystroke: typing a query letter by letter, from the `input` event to the updated list.
// Run: node --import tsx packages/elements/bench/procedure-list.bench.ts [sizes] [throttle]
// (sizes: one or several, comma-separated; default 2000,5000). Each size prints the goals of issue 26 and the
// figures measured before that work (5,000 procedures, 4×, a quiet 2-core machine) next to today's.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from '../../../scripts/env.mjs';
import { syntheticCatalogue } from '../../core/src/catalogue/fixtures.test.js';

const sizes = (process.argv[2] ?? '2000,5000').split(',').map(Number);
const throttle = Number(process.argv[3] ?? 4);
const cdn = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
if (!existsSync(join(cdn, 'motcua-procedure-list.js'))) {
  console.error('procedure-list bench: build the CDN bundle first (npm run build)');
  process.exit(1);
}
const chrome = findChrome();
if (!chrome) {
  console.log('procedure-list bench: no Chromium found; skipped');
  process.exit(0);
}
// puppeteer-core comes with the test runner's Chrome launcher.
const require = createRequire(createRequire(import.meta.url).resolve('@web/test-runner-chrome'));
const puppeteer = require('puppeteer-core') as typeof import('puppeteer-core');

let catalogue = '';
/** Figures measured before issue 26's work (5,000 procedures at 4×, from the issue), in ms and bytes. */
interface Before {
  readonly fromSrc: number;
  readonly ready: number;
  readonly fromProperty: number;
  readonly median: number;
  readonly max: number;
}
const BEFORE: Readonly<Record<number, Before>> = {
  5000: { fromSrc: 1479, ready: 2646, fromProperty: 91, median: 17.7, max: 48.6 },
};
const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<script type="module" src="/cdn/motcua-procedure-list.js"></script></head>
<body><main></main></body></html>`;
const types: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  } else if (url.pathname === '/catalogue.json') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(catalogue);
  } else if (url.pathname.startsWith('/cdn/')) {
    const file = normalize(join(cdn, url.pathname.slice(5)));
    if (!file.startsWith(cdn)) return void res.writeHead(403).end();
    try {
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'text/plain' }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  } else res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await puppeteer.launch({
  executablePath: chrome,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (const size of sizes) {
    catalogue = JSON.stringify(syntheticCatalogue(size));
    const tab = await browser.newPage();
    // tsx keeps function names with a helper the page lacks; the functions evaluated below call it.
    await tab.evaluateOnNewDocument('globalThis.__name = (fn) => fn');
    await tab.goto(`${origin}/`);
    await tab.waitForFunction(() => customElements.get('motcua-procedure-list') !== undefined);
    const cdp = await tab.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });

    const result = await tab.evaluate(async (query: string) => {
      type List = HTMLElement & { src: string; catalogue: unknown; updateComplete: Promise<boolean> };
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const place = async (set: (el: List) => void): Promise<{ ms: number; ready: number; el: List }> => {
        const el = document.createElement('motcua-procedure-list') as List;
        document.querySelector('main')?.replaceChildren(el);
        const start = performance.now();
        set(el);
        // First render: the first page is painted (the rest of the catalogue may still be being checked).
        while (!el.shadowRoot?.querySelector('[part="item"]')) await new Promise(requestAnimationFrame);
        const ms = performance.now() - start;
        await el.updateComplete; // the whole catalogue checked, filters and deep links ready
        await frame();
        return { ms, ready: performance.now() - start, el };
      };
      // Warm up: the lazily loaded chunks are fetched and compiled once, as on a real visit before this one.
      await place((el) => {
        el.src = '/catalogue.json';
      });
      const fromSrc = await place((el) => {
        el.src = '/catalogue.json';
      });
      const fetchStart = performance.now();
      const data = await (await fetch('/catalogue.json')).json();
      const download = performance.now() - fetchStart;
      const fromProperty = await place((el) => {
        el.catalogue = data;
      });
      const el = fromProperty.el;
      const shown = el.shadowRoot?.querySelectorAll('[part="item"]').length ?? 0;
      const input = el.shadowRoot?.querySelector('input[type="search"]') as HTMLInputElement;
      // A visitor reads the first page before typing: the search index is built while the page is idle.
      await new Promise((resolve) => requestIdleCallback(resolve));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const keystrokes: number[] = [];
      for (let i = 1; i <= query.length; i++) {
        input.value = query.slice(0, i);
        const start = performance.now();
        input.dispatchEvent(new Event('input'));
        await el.updateComplete;
        keystrokes.push(performance.now() - start);
        await frame();
      }
      // Clearing the query lists everything again: the heaviest keystroke.
      input.value = '';
      const start = performance.now();
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      keystrokes.push(performance.now() - start);
      return {
        fromSrc: { ms: fromSrc.ms, ready: fromSrc.ready },
        fromProperty: { ms: fromProperty.ms, ready: fromProperty.ready },
        download,
        shown,
        keystrokes,
      };
    }, 'chung thuc ban sao');

    const sorted = [...result.keystrokes].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    const max = sorted[sorted.length - 1] as number;
    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    const before = BEFORE[size];
    const was = (key: keyof Before) => (before ? ` (before: ${before[key]} ms)` : '');
    const goal = size <= 2000 ? 300 : 500;
    console.log(
      `<motcua-procedure-list>, ${size} procedures, CPU ${throttle}× slower, Chromium ${await browser.version()}`,
    );
    console.log(
      `  from src (download, JSON parse, first page checked and painted): ${f(result.fromSrc.ms)}${was('fromSrc')} [goal ≤ ${goal} ms]; whole catalogue checked: ${f(result.fromSrc.ready)}${was('ready')}`,
    );
    console.log(
      `  from the catalogue property (first page checked and painted): ${f(result.fromProperty.ms)}${was('fromProperty')}; whole catalogue checked: ${f(result.fromProperty.ready)}`,
    );
    console.log(
      `  of which downloading and parsing the JSON alone (${(catalogue.length / 1e6).toFixed(1)} MB): ${f(result.download)}`,
    );
    console.log(`  items in the first page: ${result.shown}`);
    console.log(
      `  bytes downloaded before the first page (catalogue, uncompressed): ${catalogue.length.toLocaleString('en')}${before ? ' (before: the same 1.8 MB, the whole catalogue)' : ''}`,
    );
    console.log(
      `  per keystroke (${result.keystrokes.length} keystrokes, input event to updated list): median ${f(median)}${was('median')}, max ${f(max)}${was('max')} [goal: max ≤ 16 ms]`,
    );
    console.log(`  each: ${result.keystrokes.map((ms) => ms.toFixed(1)).join(', ')} (the last clears the query)`);
  }
} finally {
  await browser.close();
  server.close();
}
