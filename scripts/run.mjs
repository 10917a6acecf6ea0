#!/usr/bin/env node
// The project's tasks, each runnable on a fresh clone: `node scripts/run.mjs <task>` (npm run <task>).
// Every task first makes sure pnpm and the dependencies are installed.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, mustRun, root } from './env.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);
const node = process.execPath;

function benchFiles() {
  const files = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const dir = join(root, 'packages', pkg, 'bench');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith('.bench.ts')) files.push(join('packages', pkg, 'bench', file));
    }
  }
  return files;
}

const tasks = {
  /** Types (tsc -b), ESM + CDN bundles (rollup), Custom Elements Manifest. */
  build() {
    // Hashed CDN chunks of earlier builds must not ship or count in the budgets.
    rmSync(join(root, 'packages', 'elements', 'dist', 'cdn'), { recursive: true, force: true });
    mustRun(bin('tsc'), ['-b', 'packages/core', 'packages/elements', 'packages/server']);
    mustRun(bin('rollup'), ['-c', '--silent']);
    mustRun(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
      cwd: join(root, 'packages', 'elements'),
    });
    console.log(
      'Built packages/*/dist and packages/elements/dist/cdn (the public elements and, apart, the staff screens).',
    );
  },
  /** Serves the example commune site, the API (embedded database) and the docs on one origin (after build). */
  serve() {
    if (!existsSync(join(root, 'packages', 'server', 'dist', 'cli.js'))) tasks.build();
    if (!existsSync(join(root, 'docs', 'api', 'index.html'))) tasks.docs();
    mustRun(node, [join(root, 'packages', 'server', 'dist', 'cli.js'), 'start'], {
      env: { ...childEnv, MOTCUA_CONFIG: process.env.MOTCUA_CONFIG ?? join(root, 'examples', 'motcua.config.json') },
    });
  },
  /**
   * The server's own command from a checkout, with its arguments: `npm run server -- backup backup.tar.gz`
   * (builds first when needed). Where `@motcua/server` is installed, `npx motcua-server …` is the same command.
   */
  server() {
    if (!existsSync(join(root, 'packages', 'server', 'dist', 'cli.js'))) tasks.build();
    mustRun(node, [join(root, 'packages', 'server', 'dist', 'cli.js'), ...process.argv.slice(3)]);
  },
  /** Type-checks sources, tests and benchmarks. */
  typecheck() {
    mustRun(bin('tsc'), ['-b']);
  },
  /** Lint and format check, and no code written twice in the packages' sources (jscpd, settings in .jscpd.json). */
  lint() {
    mustRun(bin('biome'), ['check', '.']);
    mustRun(bin('jscpd'), []);
  },
  /** Applies the formatter and safe lint fixes. */
  format() {
    mustRun(bin('biome'), ['check', '--write', '.']);
  },
  /** Size budgets of the production build (run `build` first). */
  size() {
    if (!existsSync(join(root, 'packages', 'elements', 'dist', 'cdn', 'manifest.json'))) tasks.build();
    mustRun(bin('size-limit'), []);
  },
  /** API reference and guides into docs/api. */
  docs() {
    // The reference reads the packages' declarations (elements and the server import @motcua/core's dist/*.d.ts).
    if (!existsSync(join(root, 'packages', 'core', 'dist', 'index.d.ts'))) tasks.build();
    mustRun(bin('typedoc'), []);
  },
  /** Every package's benchmarks, each against its anchor in the same process. */
  bench() {
    for (const file of benchFiles()) {
      console.log(`\n▶ ${file}`);
      mustRun(node, ['--import', 'tsx', file]);
    }
  },
  /** The packed packages: publint, attw, installed from their tarballs and used under Node and in Chromium. */
  'pack-check'() {
    if (!existsSync(join(root, 'packages', 'elements', 'dist', 'cdn', 'manifest.json'))) tasks.build();
    mustRun(node, [join(root, 'test', 'pack', 'pack-check.mjs')]);
  },
};

const name = process.argv[2];
if (!name || !(name in tasks)) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(tasks).join('|')}>`);
  process.exit(2);
}
mustRun(node, [join(root, 'scripts', 'setup.mjs')]);
tasks[name]();
