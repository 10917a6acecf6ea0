import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The command line's source, run with tsx as `motcua-server` runs it built. */
export const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** What one run of the command line printed, and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `motcua-server ARGS` to its end, `input` on standard input, with a test secret, no `DATABASE_URL` and `env`
 * added (the configuration file, the data directory); its exit code and output.
 *
 * @example
 * ```ts
 * const added = await runCli(['users', 'add', 'admin', '--role', 'admin'], { MOTCUA_DATA_DIR: dir }, 'mật khẩu\n');
 * ```
 */
export function runCli(args: readonly string[], env: Readonly<Record<string, string>>, input = ''): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', MOTCUA_SECRET: 's'.repeat(40), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  child.stdin.end(input);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}
