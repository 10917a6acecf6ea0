#!/usr/bin/env node
// Publishes @motcua/core, @motcua/elements and @motcua/server at the version `npm run changeset -- version` wrote:
//   1. refuses while changesets are pending (run `version` first) or the work tree has uncommitted changes;
//   2. builds, then runs the pack check (publint, attw, the tarballs installed and used under Node and in Chromium);
//   3. `changeset publish`: `pnpm publish` for each package whose version is not on the registry yet (pnpm turns the
//      `workspace:` ranges into that version), and a git tag per package.
// `--check` stops after step 2. Publishing needs an npm login with rights to the @motcua scope.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, mustRun, root } from '../env.mjs';

const pending = readdirSync(join(root, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
if (pending.length > 0) {
  console.error(`Pending changesets (${pending.join(', ')}): run \`npm run changeset -- version\` and commit first.`);
  process.exit(1);
}
const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout.trim();
if (dirty) {
  console.error(`The work tree has uncommitted changes; publish from a clean checkout:\n${dirty}`);
  process.exit(1);
}

const node = process.execPath;
mustRun(node, [join(root, 'scripts', 'run.mjs'), 'build']);
mustRun(node, [join(root, 'scripts', 'run.mjs'), 'pack-check']);
if (process.argv.includes('--check')) {
  console.log('Ready to publish (stopped by --check).');
  process.exit(0);
}
mustRun(join(root, 'node_modules', '.bin', 'changeset'), ['publish'], { env: childEnv });
