/**
 * What the end-to-end tests share: the built demo server started as a user starts it (the CLI with the example
 * configuration, on a fresh embedded database), headless Chromium driven by puppeteer-core, and an axe check.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { childEnv, findChrome, HEADLESS_CHROME_FLAGS, root } from '../../scripts/env.mjs';

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A copy of the CDN build (`packages/elements/dist/cdn`) in `dir`, once it is whole: every file its manifest names is
 * there. The pages load hashed chunks lazily, minutes after they open; a build running meanwhile in the same checkout
 * (`npm run build` empties the folder and writes new hashes) would otherwise pull them from under the open pages.
 */
async function snapshotCdn(dir: string): Promise<string> {
  const cdn = join(root, 'packages', 'elements', 'dist', 'cdn');
  for (let attempt = 1; ; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    try {
      cpSync(cdn, dir, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
        string,
        { initial?: string[]; lazy?: string[] }
      >;
      const files = Object.values(manifest).flatMap((entry) => [...(entry.initial ?? []), ...(entry.lazy ?? [])]);
      if (files.length > 0 && files.every((file) => existsSync(join(dir, file)))) return dir;
    } catch {
      // Being rebuilt: try again.
    }
    if (attempt === 60) throw new Error(`${cdn} is not a whole build: run \`node scripts/run.mjs build\``);
    await new Promise((done) => setTimeout(done, 2000));
  }
}

/**
 * examples/motcua.config.json as the server reads it, written into `dir` with its paths made absolute, the data in
 * `dataDir` and the CDN build replaced by `cdn` (a snapshot, see {@link snapshotCdn}).
 */
function demoConfig(dir: string, dataDir: string, cdn: string, extra: DemoServerOptions = {}): string {
  const source = join(root, 'examples', 'motcua.config.json');
  const config = JSON.parse(readFileSync(source, 'utf8')) as {
    catalogue?: string;
    static?: { prefix: string; dir: string }[];
  };
  const at = (path: string) => resolve(dirname(source), path);
  const built = join(root, 'packages', 'elements', 'dist', 'cdn');
  const file = join(dir, 'motcua.config.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...config,
      ...extra,
      dataDir,
      ...(config.catalogue ? { catalogue: at(config.catalogue) } : {}),
      static: (config.static ?? []).map((mount) => ({
        prefix: mount.prefix,
        dir: at(mount.dir) === built ? cdn : at(mount.dir),
      })),
    }),
  );
  return file;
}

/**
 * The demo server: `motcua-server start` with examples/motcua.config.json on a fresh data directory (and a snapshot
 * of the CDN build, so that a build in the same checkout cannot change the files under the open pages).
 */
export interface DemoServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Settings added to the example configuration. */
export interface DemoServerOptions {
  /** Origins of pages that may call the API (CORS), as an operator would write them. */
  readonly allowedOrigins?: readonly string[];
  /** The office, as the configuration file's `office` object (default: the demo office). */
  readonly office?: Readonly<Record<string, unknown>>;
  /** A PostgreSQL database (`DATABASE_URL`) instead of a fresh embedded one: several servers may share it. */
  readonly databaseUrl?: string;
  /**
   * The instant the server's clock starts at (ISO 8601), running at real speed from there (`clock-server.mjs`, the
   * built server started as `motcua-server start` starts it, on that clock); default the real time.
   */
  readonly clockStart?: string;
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const cli = join(root, 'packages', 'server', 'dist', 'cli.js');
  const workDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir);
  const { databaseUrl, clockStart, ...extra } = options;
  const config = demoConfig(workDir, dataDir, await snapshotCdn(join(workDir, 'cdn')), extra);
  const port = await freePort();
  const command = clockStart ? [join(root, 'test', 'e2e', 'clock-server.mjs')] : [cli, 'start'];
  const child: ChildProcess = spawn(process.execPath, command, {
    cwd: root,
    env: {
      ...childEnv,
      MOTCUA_CONFIG: config,
      MOTCUA_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl ?? '',
      ...(clockStart ? { MOTCUA_E2E_CLOCK_START: clockStart } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never outlive the test run, whatever happens to it.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // A first start creates the embedded database (seconds; minutes on a loaded machine).
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in 180 s:\n${output}`));
    }, 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /motcua-server: (https?:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      process.off('exit', killChild);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium from the system (never downloaded), as the probe and the component tests start it. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath)
    throw new Error('No Chrome/Chromium found: run `npm test` (it installs Debian chromium) or set CHROME_PATH');
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      ...HEADLESS_CHROME_FLAGS,
      '--disable-features=Translate,MediaRouter',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/**
 * Opens `url` in a new page that records what must never happen: uncaught errors, Content-Security-Policy
 * violations and failed requests to the site's own origin.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: {
    /**
     * When the page counts as open: `networkidle0` (default), or `load` for a page that keeps a request open (the
     * queue board's event stream).
     */
    readonly waitUntil?: 'networkidle0' | 'load';
  } = {},
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  // The machine running the tests may be busy: a page may take long to load.
  page.setDefaultNavigationTimeout(120_000);
  page.setDefaultTimeout(60_000);
  // tsx compiles the tests with esbuild's keepNames, which wraps named functions in the callbacks the tests evaluate
  // in the page with a `__name` helper; give the page a stand-in (through the DevTools protocol, so no CSP change).
  await page.evaluateOnNewDocument('globalThis.__name ??= (fn) => fn;');
  const problems: string[] = [];
  page.on('pageerror', (error) =>
    problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.goto(url, { waitUntil: options.waitUntil ?? 'networkidle0' });
  return { page, problems };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A/AA violations on the page (shadow roots included), as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's own Content-Security-Policy does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
  });
  return violations;
}

/**
 * The element matching `selector` in the shadow root of the first `host`, once it exists. (Puppeteer's `>>>`
 * selectors inject a script that a strict Content-Security-Policy blocks; the example pages run under one.)
 */
export async function inShadow(page: Page, host: string, selector: string, timeout = 30_000): Promise<ElementHandle> {
  const handle = await page.waitForFunction(
    (h: string, s: string) => document.querySelector(h)?.shadowRoot?.querySelector(s) ?? false,
    // By time, not by animation frame: a page behind the front one gets no frames.
    { polling: 100, timeout },
    host,
    selector,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`${host} >>> ${selector} not found`);
  return element as ElementHandle;
}

/** The text of `host`'s shadow root, whitespace collapsed. */
export async function shadowText(page: Page, host: string): Promise<string> {
  return page.$eval(host, (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Until the shadow root of the first `host` says `text` (its white space collapsed), polled by time. */
export async function waitForShadowText(page: Page, host: string, text: string): Promise<void> {
  await page.waitForFunction(
    (h: string, t: string) =>
      (document.querySelector(h)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').includes(t),
    { polling: 100, timeout: 60_000 },
    host,
    text,
  );
}

/**
 * A staff member signed in on `server` as their browser would be: the session cookie and the origin an unsafe
 * request of the server's own pages carries (the server refuses a signed-in unsafe request from another origin).
 */
export async function staffHeaders(
  server: DemoServer,
  username: string,
  password: string,
): Promise<Record<string, string>> {
  const origin = new URL(server.url).origin;
  const res = await fetch(new URL('api/session', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: HTTP ${res.status} ${await res.text()}`);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string, origin };
}

/**
 * Signs `username` in from `page` (a page of the server, so the session cookie is its origin's) as the page's own
 * script would; answers the HTTP status. Reload the page afterwards for its screens to read the session.
 */
export async function signInOnPage(page: Page, username: string, password: string): Promise<number> {
  return page.evaluate(
    async (u: string, p: string) => {
      const res = await fetch('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: u, password: p }),
      });
      return res.status;
    },
    username,
    password,
  );
}
