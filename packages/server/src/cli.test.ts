import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { openPglite } from './db/pglite.js';

// The command itself, as a commune runs it, on the embedded database (the default): PostgreSQL adds nothing here.
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const PGLITE_VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).dependencies[
  '@electric-sql/pglite'
];
const TEMPLATE = fileURLToPath(new URL(`../../../.cache/pglite-template-${PGLITE_VERSION}.tar.gz`, import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('motcua-server start', () => {
  it('exits on SIGTERM while a board holds the event stream open', async () => {
    const dataDir = join(dir, 'data');
    // A copy of a fresh database starts in a fraction of the time initdb takes.
    if (existsSync(TEMPLATE)) {
      await (await openPglite(dataDir, { loadDataDir: new Blob([readFileSync(TEMPLATE)]) })).close();
    }
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'start'], {
      env: {
        ...process.env,
        MOTCUA_CONFIG: '',
        DATABASE_URL: '',
        MOTCUA_DATA_DIR: dataDir,
        MOTCUA_SECRET: 'a-test-secret-that-is-long-enough-to-sign-with',
        HOST: '127.0.0.1',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /motcua-server: (http:\/\/\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        void exited.then((code) => reject(new Error(`motcua-server exited with ${code}:\n${output}`)));
      });
      const res = await fetch(new URL('api/queue/events', url));
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let text = '';
      while (!text.includes('event: snapshot')) text += new TextDecoder().decode((await reader.read()).value);

      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        exited,
        new Promise<'still running'>((resolve) => {
          timer = setTimeout(() => resolve('still running'), 20_000);
        }),
      ]).finally(() => clearTimeout(timer));
      expect(code).to.equal(0);
      await reader.cancel().catch(() => {});
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
  });
});
