#!/usr/bin/env node
// Installs whatever is missing for the project to build and test:
//   1. pnpm (the version pinned in package.json) through corepack,
//   2. the dependencies from pnpm-lock.yaml (skipped when nothing changed since the last install),
//   3. with --browser: Chrome/Chromium for the browser tests (Debian's `chromium` via apt when missing).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome, pnpm, root, run } from './env.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`motcua needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

// 1. pnpm through corepack. `corepack enable` also puts a `pnpm` command on PATH for developers;
// our scripts call `corepack pnpm`, so a read-only PATH directory is not a problem.
if (run('corepack', ['pnpm', '--version'], { stdio: 'ignore' }) !== 0) {
  console.error('Cannot start pnpm through corepack. Check that Node.js ships corepack (`corepack --version`).');
  process.exit(1);
}
run('corepack', ['enable', 'pnpm'], { stdio: 'ignore' });

// 2. Dependencies. The stamp holds a hash of the lockfile and every package.json.
function manifests() {
  const files = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'];
  for (const group of ['packages', 'examples']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const file = join(group, name, 'package.json');
      if (existsSync(join(root, file))) files.push(file);
    }
  }
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}
const stamp = join(root, 'node_modules', '.motcua-install');
const wanted = manifests();
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  console.log('Installing dependencies (pnpm install)…');
  const status = pnpm(['install', ...frozen]);
  if (status !== 0) process.exit(status);
  writeFileSync(stamp, manifests());
}

// 3. A browser for @web/test-runner.
if (process.argv.includes('--browser') && process.env.CHROME_PATH && !findChrome()) {
  console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist. Fix or unset it.`);
  process.exit(1);
}
if (process.argv.includes('--browser') && !findChrome()) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = run('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }) === 0;
  if (isRoot && hasApt) {
    console.log('No Chrome/Chromium found; installing Debian’s chromium package (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env });
  }
  if (!findChrome()) {
    console.error(
      [
        'The browser tests need Chrome or Chromium, and none was found.',
        '  On Debian/Ubuntu, as root:  apt-get update && apt-get install -y chromium',
        '  Or point CHROME_PATH at an installed browser:  CHROME_PATH=/path/to/chrome npm test',
      ].join('\n'),
    );
    process.exit(1);
  }
}
