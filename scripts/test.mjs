#!/usr/bin/env node
// Runs every test and ends with one line: `N passed, N failed`.
//   1. core, server and the cross-package tests under Node, once per host time zone in TIME_ZONES
//      (the server's on PGlite, and also on PostgreSQL when MOTCUA_TEST_DATABASE_URL is set — required in CI);
//   2. core and elements in headless Chrome/Chromium through @web/test-runner;
//   3. end to end: the production build (`npm run build`), the demo server started from it, and the example site
//      walked in headless Chromium (test/e2e).
// Exits non-zero when any test fails or a runner fails to run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { childEnv, root } from './env.mjs';

const TIME_ZONES = ['Asia/Ho_Chi_Minh', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];
/** Where Node runs tests, and under which host time zones. The server's tests start embedded Postgres per file,
 * which costs seconds, so they run under two zones (a UTC host and one behind UTC); the business-date logic they
 * rely on is core's, tested under all four. */
const NODE_SUITES = [
  { dir: 'packages/core/src', zones: TIME_ZONES },
  { dir: 'test/node', zones: TIME_ZONES },
  { dir: 'packages/server/src', zones: ['UTC', 'America/Los_Angeles'] },
];
const resultsDir = join(root, '.cache', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let runnerFailed = false;

/** Adds a node:test TAP report to the totals; a runner that failed without failing tests failed to run. */
function countTap(tap, status) {
  const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const pick = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
  totals.passed += pick('pass');
  totals.failed += pick('fail') + pick('cancelled');
  totals.skipped += pick('skipped') + pick('todo');
  if (status !== 0 && pick('fail') + pick('cancelled') === 0) runnerFailed = true;
}

/**
 * Node runs the sources: `@motcua/*` imports resolve through the `motcua:source` export condition to `src/`, in
 * the test runner and in every process a test spawns (the CLI, a restarted server), so the Node phases need nothing
 * built. The end-to-end phase is the one that tests the production build.
 */
const sourceEnv = {
  ...childEnv,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--conditions=motcua:source'].filter(Boolean).join(' '),
};

/** Runs node:test on `files` under the host time zone `tz`, printing with `reporter`, and counts its TAP report. */
function runNodeTests(files, { name, tz, reporter, concurrency, env = childEnv }) {
  const tap = join(resultsDir, `${name}.tap`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency',
      String(concurrency),
      '--test-reporter',
      reporter,
      '--test-reporter-destination',
      'stdout',
      '--test-reporter',
      'tap',
      '--test-reporter-destination',
      tap,
      ...files,
    ],
    { cwd: root, stdio: 'inherit', env: { ...env, TZ: tz } },
  );
  countTap(tap, result.status);
}

// 1. Node.
for (const [index, tz] of TIME_ZONES.entries()) {
  const nodeFiles = NODE_SUITES.filter((suite) => suite.zones.includes(tz)).flatMap((suite) =>
    testFiles(join(root, suite.dir)),
  );
  console.log(`\n▶ Node ${process.versions.node}, TZ=${tz}: ${nodeFiles.length} test files`);
  runNodeTests(nodeFiles, {
    name: `node-${tz.replace(/\W/g, '_')}`,
    tz,
    reporter: index === 0 ? 'spec' : 'dot',
    concurrency: 2,
    env: sourceEnv,
  });
}

// 2. Browser.
console.log('\n▶ Headless Chromium (@web/test-runner)');
const wtr = spawnSync(join(root, 'node_modules', '.bin', 'wtr'), ['--config', 'web-test-runner.config.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...childEnv, FORCE_COLOR: '0' },
});
const browserFile = join(resultsDir, 'browser.json');
if (existsSync(browserFile)) {
  const browser = JSON.parse(readFileSync(browserFile, 'utf8'));
  totals.passed += browser.passed;
  totals.failed += browser.failed;
  totals.skipped += browser.skipped;
}
if (wtr.status !== 0 && !existsSync(browserFile)) runnerFailed = true;
if (wtr.status !== 0 && totals.failed === 0) runnerFailed = true;

// 3. End to end, on the production build.
console.log('\n▶ End to end: production build, demo server, example site in headless Chromium');
const build = spawnSync(process.execPath, [join(root, 'scripts', 'run.mjs'), 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: childEnv,
});
if (build.status !== 0) {
  runnerFailed = true;
} else {
  // A host far from Vietnam: the pages must still show Vietnamese civil dates.
  runNodeTests(testFiles(join(root, 'test', 'e2e')), {
    name: 'e2e',
    tz: 'America/Los_Angeles',
    reporter: 'spec',
    concurrency: 1,
  });
}

if (runnerFailed) console.error('\nA test runner failed to run; see its output above.');
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed + (runnerFailed ? 1 : 0)} failed${skipped}`);
process.exit(totals.failed > 0 || runnerFailed ? 1 : 0);
