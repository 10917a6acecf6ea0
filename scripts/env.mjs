// Shared helpers for the repository scripts: environment for corepack/pnpm, process spawning,
// and where a Chrome/Chromium binary lives.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** Environment every child process gets: corepack may download pnpm from the registry without
 * signature keys (the registry publishes none) and without an interactive prompt. */
export const childEnv = {
  ...process.env,
  COREPACK_INTEGRITY_KEYS: '0',
  COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
  PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
};

/** Runs a command, inheriting stdio; returns its exit status. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: childEnv, ...options });
  if (result.error) {
    console.error(`Cannot run ${cmd}: ${result.error.message}`);
    return 127;
  }
  return result.status ?? 1;
}

/** Runs a command and exits the process when it fails. */
export function mustRun(cmd, args, options) {
  const status = run(cmd, args, options);
  if (status !== 0) process.exit(status);
}

/** Runs pnpm at the version pinned by `packageManager`, through corepack. */
export function pnpm(args, options) {
  return run('corepack', ['pnpm', ...args], options);
}

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Flags for a headless Chromium started by our scripts and tests on these machines: root needs `--no-sandbox`, and
 * the closed network refuses the connections Chromium makes for its own services, so they are switched off.
 */
export const HEADLESS_CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Finds Chrome or Chromium: `CHROME_PATH` first, then the usual binaries on PATH. */
export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  // Debian's /usr/bin/chromium is a shell wrapper; the binary behind it starts faster and quieter.
  if (existsSync('/usr/lib/chromium/chromium')) return '/usr/lib/chromium/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const found = which(name);
    if (found) return found;
  }
  return undefined;
}
