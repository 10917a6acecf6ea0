import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { createApp } from './app.js';
import { migrate } from './db/migrations.js';
import { openPglite } from './db/pglite.js';
import { ADMIN_HEADERS, newClaim, pairDevice, testAdmin } from './devices/pairing.test-support.js';
import { call } from './http/call.test-support.js';

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

describe('motcua-server devices', () => {
  it('lists the paired devices and revokes one, refused at once; approves a waiting code', async () => {
    const dataDir = join(dir, 'devices');
    const db = await openPglite(
      dataDir,
      existsSync(TEMPLATE) ? { loadDataDir: new Blob([readFileSync(TEMPLATE)]) } : {},
    );
    let kiosk: { credential: string; id: string };
    const claim = newClaim();
    let code: string;
    try {
      await migrate(db);
      const app = createApp({ db, deviceAdmin: testAdmin });
      kiosk = await pairDevice(app, { name: 'Ki-ốt sảnh', kind: 'kiosk' });
      await pairDevice(app, { name: 'Máy tính bảng quầy 2', kind: 'counter', counter: '2' });
      code = (await call(app, 'POST', '/api/devices/pairings', { 'content-type': 'application/json' }, { claim })).body
        .code;
    } finally {
      await db.close();
    }
    const run = (...args: string[]) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'devices', ...args], {
        env: {
          ...process.env,
          MOTCUA_CONFIG: '',
          DATABASE_URL: '',
          MOTCUA_DATA_DIR: dataDir,
          MOTCUA_SECRET: 'a'.repeat(40),
        },
        encoding: 'utf8',
      });
      return { code: result.status, out: result.stdout };
    };
    const listed = run('list');
    expect(listed.code).to.equal(0);
    expect(listed.out).to.contain('kiosk  Ki-ốt sảnh').and.to.contain('counter 2  Máy tính bảng quầy 2');
    expect(listed.out).not.to.contain(kiosk.credential);
    expect(run('revoke', kiosk.id)).to.deep.equal({
      code: 0,
      out: `Revoked ${kiosk.id}: its credential is refused from now on.\n`,
    });
    expect(run('revoke', 'no-such-device').code).to.equal(1);
    expect(run('list').out).to.match(new RegExp(`${kiosk.id}  kiosk  Ki-ốt sảnh  .*  revoked 20`));
    expect(run('frobnicate').code).to.equal(1);
    // A board paired from the console: the code it shows, approved there.
    expect(run('pending').out).to.contain(`${code}  asked `);
    expect(run('approve', code, '--kind', 'board').code).to.equal(1);
    const unknown = run('approve', 'ACDEFG', '--kind', 'board', '--name', 'Bảng');
    expect(unknown.out).to.contain('No pairing waits with this code');
    expect(run('approve', code.toLowerCase(), '--kind', 'board', '--name', 'Bảng gọi số sảnh')).to.deep.equal({
      code: 0,
      out: `Approved ${code.toLowerCase()}.\n`,
    });

    const reopened = await openPglite(dataDir);
    try {
      const app = createApp({ db: reopened });
      const asKiosk = { authorization: `Bearer ${kiosk.credential}`, 'content-type': 'application/json' };
      expect((await call(app, 'POST', '/api/queue/tickets', asKiosk, { service: 'ho-tich' })).status).to.equal(401);
      expect((await call(app, 'GET', '/api/devices', ADMIN_HEADERS)).status).to.equal(401);
      const board = await call(
        app,
        'POST',
        '/api/devices/pairings/collect',
        { 'content-type': 'application/json' },
        { claim },
      );
      expect([board.status, board.body.device?.kind, board.body.device?.name]).to.deep.equal([
        200,
        'board',
        'Bảng gọi số sảnh',
      ]);
    } finally {
      await reopened.close();
    }
  });
});
