#!/usr/bin/env node
// The packages as npm users get them (`node scripts/run.mjs pack-check`, after `build`):
//   1. `pnpm pack` each package (it rewrites `workspace:` ranges) and look inside the tarball;
//   2. publint and "are the types wrong" (attw, ESM-only profile) on each tarball, every subpath included;
//   3. install the tarballs into a scratch project (.cache/pack-scratch/app) with npm;
//   4. under Node, import @motcua/core by its subpaths and compare real answers with the source tree's, run the
//      core guide's examples against the installed package;
//      and type-check a strict TypeScript user of all three packages against the published declarations;
//   5. in headless Chromium, a page bundled from `@motcua/elements/calendar-day` and a page using the CDN
//      file from the tarball: the element is defined and renders Tết 2026 with its lunar date;
//   6. `npx motcua-server --help` and `motcua-server migrate` on an embedded database.
// Exits 1 when anything fails; prints how long each step took.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { childEnv, findChrome, HEADLESS_CHROME_FLAGS, root } from '../../scripts/env.mjs';
import { guideExamples, runGuideExamples } from './guide-examples.mjs';

const here = join(root, 'test', 'pack');
const scratch = join(root, '.cache', 'pack-scratch');
const tarballs = join(scratch, 'tarballs');
const app = join(scratch, 'app');
const PACKAGES = ['core', 'elements', 'server'];
const bin = (name) => join(root, 'node_modules', '.bin', name);

const failures = [];
const timings = [];

/** Runs a command quietly; returns its status and output (shown only when it fails or when asked). */
function exec(cmd, args, { cwd = root, env = childEnv, show = false, timeout = 300_000 } = {}) {
  const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const status = result.error ? 127 : (result.status ?? 1);
  if (show || status !== 0) process.stdout.write(output.endsWith('\n') || !output ? output : `${output}\n`);
  if (result.error) console.error(`Cannot run ${cmd}: ${result.error.message}`);
  return { status, output, stdout: result.stdout ?? '' };
}

function fail(message) {
  failures.push(message);
  console.error(`  ✗ ${message}`);
}

async function step(name, fn) {
  console.log(`\n▶ ${name}`);
  const start = performance.now();
  try {
    await fn();
  } catch (error) {
    fail(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  }
  timings.push([name, (performance.now() - start) / 1000]);
}

const manifest = (pkg) => JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'));
/** The lowest zod release that core's dependency range allows, installed by the scratch project as its own. */
const LOWEST_ZOD = manifest('core').dependencies.zod.replace(/^\^/, '');
const tarballOf = (pkg) => {
  const { name, version } = manifest(pkg);
  return join(tarballs, `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);
};
const entriesOf = {};

/** `./dist/*\/*.js` → a RegExp over tarball paths whose first group is the subpath (later stars repeat it). */
function patternRegExp(target) {
  const [head, ...rest] = target.replace(/^\.\//, '').split('*');
  const literal = (s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${literal(head)}([^/]+)${rest.map(literal).join('\\1')}$`);
}

/** The JavaScript target of an `exports` entry under the default conditions, and whether it has types. */
function target(entry) {
  if (typeof entry === 'string') return { js: entry, types: false };
  return { js: entry.import ?? entry.default, types: Boolean(entry.types) };
}

// 1. Pack.
await step('pack (pnpm pack)', () => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(tarballs, { recursive: true });
  for (const pkg of PACKAGES) {
    if (!existsSync(join(root, 'packages', pkg, 'dist', 'index.js'))) {
      throw new Error(`packages/${pkg}/dist is missing: build first`);
    }
  }
  const filter = PACKAGES.flatMap((pkg) => ['--filter', `./packages/${pkg}`]);
  if (exec('corepack', ['pnpm', '-r', ...filter, 'pack', '--pack-destination', tarballs]).status !== 0) {
    throw new Error('pnpm pack failed');
  }
  for (const pkg of PACKAGES) {
    if (!existsSync(tarballOf(pkg))) throw new Error(`pnpm pack wrote no ${tarballOf(pkg)}`);
    const files = exec('tar', ['-tzf', tarballOf(pkg)])
      .stdout.split('\n')
      .filter(Boolean)
      .map((file) => file.replace(/^package\//, ''));
    entriesOf[pkg] = files;
    const published = JSON.parse(exec('tar', ['-xzOf', tarballOf(pkg), 'package/package.json']).stdout);
    const kb = Math.round(statSync(tarballOf(pkg)).size / 1024);
    console.log(`  ${published.name}@${published.version}: ${files.length} files, ${kb} kB packed`);
    for (const wanted of ['package.json', 'README.md', 'LICENSE']) {
      if (!files.includes(wanted)) fail(`${published.name}: the tarball has no ${wanted}`);
    }
    for (const file of files) {
      if (/\.test(-support)?\.ts$|\.tsbuildinfo$|(^|\/)node_modules\//.test(file)) {
        fail(`${published.name}: the tarball ships ${file}`);
      }
    }
    if (JSON.stringify(published).includes('workspace:')) fail(`${published.name}: a workspace: range was published`);
    for (const [subpath, entry] of Object.entries(published.exports ?? {})) {
      const { js } = target(entry);
      if (!js) continue;
      const found = js.includes('*')
        ? files.some((file) => patternRegExp(js).test(file))
        : files.includes(js.replace(/^\.\//, ''));
      if (!found) fail(`${published.name}: exports["${subpath}"] → ${js}, which the tarball does not contain`);
    }
  }
});

// 2. publint and attw on the tarballs.
await step('publint', async () => {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  for (const pkg of PACKAGES) {
    const tarball = readFileSync(tarballOf(pkg));
    const { messages, pkg: published } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    for (const message of messages) {
      const line = `${published.name}: ${formatMessage(message, published)} (${message.code})`;
      if (message.type === 'suggestion') console.log(`  suggestion: ${line}`);
      else fail(`publint ${line}`);
    }
    console.log(`  ${published.name}: ${messages.filter((m) => m.type !== 'suggestion').length} problems`);
  }
});

await step('attw (are the types wrong)', async () => {
  // The three run side by side: each spends most of its time starting its own TypeScript.
  const checks = PACKAGES.map((pkg) => {
    const { name, exports } = manifest(pkg);
    // attw cannot enumerate `./*` patterns: every subpath the tarball provides is named explicitly.
    const subpaths = [];
    for (const [subpath, entry] of Object.entries(exports ?? {})) {
      const { js, types } = target(entry);
      if (!subpath.includes('*') || !types || !js) continue;
      const regExp = patternRegExp(js);
      for (const file of entriesOf[pkg] ?? []) {
        const match = regExp.exec(file);
        if (match) subpaths.push(subpath.replace('*', match[1]));
      }
    }
    // ESM-only packages: `require()` from CommonJS and the pre-exports `node10` resolution are not supported.
    const args = [tarballOf(pkg), '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'];
    if (subpaths.length) args.push('--include-entrypoints', ...subpaths);
    return new Promise((resolve) => {
      const child = spawn(bin('attw'), args, { cwd: root, env: childEnv });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
      child.on('error', (error) => resolve({ name, status: 127, output: error.message, subpaths }));
      child.on('close', (status) => resolve({ name, status, output, subpaths }));
    });
  });
  for (const { name, status, output, subpaths } of await Promise.all(checks)) {
    if (status !== 0) {
      process.stdout.write(output);
      fail(`attw found problems in ${name}`);
    } else {
      console.log(
        `  ${name}: no problems; subpaths checked besides the named exports: ${subpaths.join(', ') || 'none'}`,
      );
    }
  }
});

// 3. A scratch project that installs the tarballs.
await step('npm install of the tarballs', () => {
  mkdirSync(app, { recursive: true });
  const deps = Object.fromEntries(PACKAGES.map((pkg) => [manifest(pkg).name, `file:${tarballOf(pkg)}`]));
  // `overrides` keeps elements' and the server's dependency on @motcua/core on the local tarball, never the registry.
  // The user's own zod at the lowest release core's range allows: core must share it (one copy) and work with it.
  const pkg = {
    name: 'pack-scratch',
    private: true,
    type: 'module',
    dependencies: { ...deps, zod: LOWEST_ZOD },
    overrides: deps,
  };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const { status } = exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: app,
    env: { ...childEnv, npm_config_update_notifier: 'false' },
  });
  if (status !== 0) throw new Error('npm install failed');
  for (const nested of ['elements', 'server']) {
    if (existsSync(join(app, 'node_modules', '@motcua', nested, 'node_modules', '@motcua', 'core'))) {
      fail(`@motcua/${nested} got a second copy of @motcua/core`);
    }
  }
  const zod = JSON.parse(readFileSync(join(app, 'node_modules', 'zod', 'package.json'), 'utf8')).version;
  if (zod !== LOWEST_ZOD) fail(`the scratch project has zod ${zod}, not ${LOWEST_ZOD}`);
  if (existsSync(join(app, 'node_modules', '@motcua', 'core', 'node_modules', 'zod'))) {
    fail(`@motcua/core installed its own zod beside the user's zod ${LOWEST_ZOD}`);
  }
  console.log(`  @motcua/core shares the user's zod ${zod} (core's range: ${manifest('core').dependencies.zod})`);
});

// 4. Node.
await step('Node: @motcua/core from the tarball = from source', () => {
  copyFileSync(join(here, 'core-probe.mjs'), join(app, 'core-probe.mjs'));
  const env = { ...childEnv, MOTCUA_PROBE_CATALOGUE: join(root, 'examples', 'data', 'catalogue.json') };
  const installed = exec(process.execPath, ['core-probe.mjs'], { cwd: app, env });
  const source = exec(process.execPath, ['--import', 'tsx', join(here, 'core-probe.mjs'), 'packages/core/src'], {
    env,
  });
  if (installed.status !== 0 || source.status !== 0) throw new Error('the core probe failed');
  const [{ unknownSubpath, ...fromPackage }, fromSource] = [JSON.parse(installed.stdout), JSON.parse(source.stdout)];
  console.log(`  ${installed.stdout.trim()}`);
  if (!isDeepStrictEqual(fromPackage, fromSource)) fail(`the package answers differently: ${source.stdout}`);
  if (typeof fromPackage.catalogueProcedures !== 'number') fail('the example catalogue is refused by the package');
  if (!Array.isArray(fromPackage.brokenCatalogue)) fail('a broken catalogue is accepted by the package');
  if (unknownSubpath !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
    fail(`@motcua/core/nope gives ${unknownSubpath}, not ERR_PACKAGE_PATH_NOT_EXPORTED`);
  }
  if (fromPackage.nextWorkingDay !== '2026-02-23' || fromPackage.tetWorkingDay !== false) {
    fail('the working day after 13/02/2026 is not 23/02/2026 (Tết 2026)');
  }
  if (!fromPackage.sameErrorClass || !fromPackage.rootReexportsRooms)
    fail('subpaths and the root do not share modules');
});

await step('Node: the core guide’s examples against the installed package', () => {
  const results = runGuideExamples(guideExamples('en'), { dir: join(app, 'guide-examples') });
  for (const result of results) if (!result.ok) fail(`core guide, ${result.heading}: ${result.error}`);
  console.log(`  ${results.filter((result) => result.ok).length} of ${results.length} examples pass`);
});

await step('TypeScript: a strict consumer of the published declarations (nodenext and bundler resolution)', () => {
  copyFileSync(join(here, 'consumer.ts'), join(app, 'consumer.ts'));
  const common = ['--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2022,dom', '--skipLibCheck', 'false'];
  // @types/node from the repository: a server user has it; the scratch project installs only the tarballs.
  common.push('--types', 'node', '--typeRoots', join(root, 'node_modules', '@types'));
  // `node10` (no `exports`) stays unsupported on purpose: the packages are ESM-only with subpaths.
  for (const [module, resolution] of [
    ['nodenext', 'nodenext'],
    ['esnext', 'bundler'],
  ]) {
    const options = [...common, '--module', module, '--moduleResolution', resolution];
    if (exec(bin('tsc'), [...options, 'consumer.ts'], { cwd: app }).status !== 0) {
      fail(
        `the published declarations do not type-check in a strict TypeScript project (moduleResolution ${resolution})`,
      );
    } else console.log(`  moduleResolution ${resolution}: no errors`);
  }
});

// 5. Browser.
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

function serve(dir) {
  const server = createServer((request, response) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(dir + sep) || !existsSync(path) || !statSync(path).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
    response.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// The pages name an empty icon: otherwise Chromium may ask for /favicon.ico, whose 404 (depending on whether the
// page is still open when it arrives) would count as one of the page's failed requests.
const page = (title, head) => `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">${head}</head>
<body><motcua-calendar-day date="2026-02-17" show-lunar></motcua-calendar-day></body>
</html>
`;

await step('Chromium: @motcua/elements from the tarball', async () => {
  const pages = join(app, 'page');
  mkdirSync(pages, { recursive: true });
  copyFileSync(join(here, 'page-entry.js'), join(pages, 'entry.js'));
  const bundled = exec(
    bin('esbuild'),
    ['page/entry.js', '--bundle', '--format=esm', '--target=es2022', '--outfile=page/bundle.js', '--log-level=warning'],
    { cwd: app },
  );
  if (bundled.status !== 0) throw new Error('esbuild could not bundle @motcua/elements/calendar-day');
  writeFileSync(join(pages, 'bundle.html'), page('bundle', '<script type="module" src="./bundle.js"></script>'));
  const cdn = '/node_modules/@motcua/elements/dist/cdn';
  writeFileSync(
    join(pages, 'cdn.html'),
    page(
      'cdn',
      `<link rel="stylesheet" href="${cdn}/cloak.css"><script type="module" src="${cdn}/motcua-calendar-day.js"></script>`,
    ),
  );

  const executablePath = findChrome();
  if (!executablePath) throw new Error('no Chrome/Chromium found (run `node scripts/setup.mjs --browser`)');
  const { default: puppeteer } = await import('puppeteer-core');
  const server = await serve(app);
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: HEADLESS_CHROME_FLAGS,
    });
    for (const name of ['bundle', 'cdn']) {
      const tab = await browser.newPage();
      const problems = [];
      await tab.setRequestInterception(true);
      tab.on('request', (request) => {
        if (request.url().startsWith(origin)) request.continue();
        else {
          problems.push(`requested ${request.url()}`);
          request.abort();
        }
      });
      tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      tab.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      tab.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
      tab.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
      });
      await tab.goto(`${origin}/page/${name}.html`, { waitUntil: 'load', timeout: 30_000 });
      const seen = await tab.evaluate(async () => {
        const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000));
        const ready = (async () => {
          await customElements.whenDefined('motcua-calendar-day');
          const element = document.querySelector('motcua-calendar-day');
          await element.updateComplete;
          return 'ready';
        })();
        const state = await Promise.race([ready, timeout]);
        const element = document.querySelector('motcua-calendar-day');
        return {
          state,
          defined: customElements.get('motcua-calendar-day') !== undefined,
          text: element?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        };
      });
      console.log(`  ${name}.html: ${seen.state}, defined=${seen.defined}, "${seen.text}"`);
      if (!seen.defined || seen.state !== 'ready') problems.push('<motcua-calendar-day> was not defined and rendered');
      if (!seen.text.includes('17/02/2026') || !seen.text.includes('1/1 năm Bính Ngọ')) {
        problems.push(`<motcua-calendar-day> shows "${seen.text}", not 17/02/2026 with the lunar 1/1 năm Bính Ngọ`);
      }
      for (const problem of problems) fail(`${name}.html: ${problem}`);
      await tab.close();
    }
  } finally {
    await browser?.close();
    server.closeAllConnections();
    server.close();
  }
});

// 6. The server's bin.
await step('motcua-server bin', () => {
  const help = exec('npx', ['--no-install', 'motcua-server', '--help'], { cwd: app });
  if (help.status !== 0 || !help.output.includes('motcua-server migrate'))
    throw new Error('motcua-server --help failed');
  console.log(`  --help: ${help.output.split('\n')[0]}`);
  // A first start on an empty embedded database: PGlite's files from the install, every migration applied.
  const env = { ...childEnv, MOTCUA_DATA_DIR: join(app, 'motcua-data') };
  delete env.DATABASE_URL;
  delete env.MOTCUA_CONFIG;
  const cli = join(app, 'node_modules', '.bin', 'motcua-server');
  const migrate = exec(process.execPath, [cli, 'migrate'], { cwd: app, env, timeout: 180_000 });
  const applied = migrate.output.split('\n').find((line) => /^Applied:|up to date/.test(line));
  if (migrate.status !== 0 || !applied) throw new Error('motcua-server migrate failed');
  console.log(`  migrate: ${applied}`);
});

console.log('\nTimes:');
for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
console.log(
  `  ${timings
    .reduce((sum, [, s]) => sum + s, 0)
    .toFixed(1)
    .padStart(6)} s  in all`,
);
if (failures.length) {
  console.error(`\npack-check: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log('\npack-check: the packed packages install and work');
process.exit(0);
