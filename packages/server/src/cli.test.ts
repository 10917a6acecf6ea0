import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { createApp } from './app.js';
import { CLI, runCli } from './cli.test-support.js';
import { migrate } from './db/migrations.js';
import { openPglite } from './db/pglite.js';
import { adminHeaders, newClaim, pairDevice } from './devices/pairing.test-support.js';
import { call } from './http/call.test-support.js';
import { listAudit } from './staff/audit-store.js';
import { verifyPassword } from './staff/passwords.js';
import { findUserByUsername } from './staff/users-store.js';

// The command itself, as a commune runs it, on the embedded database (the default): PostgreSQL adds nothing here.
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

/** A fresh data directory (from the template when there is one). */
async function freshDataDir(name: string): Promise<string> {
  const dataDir = join(dir, name);
  // A copy of a fresh database starts in a fraction of the time initdb takes.
  if (existsSync(TEMPLATE)) {
    await (await openPglite(dataDir, { loadDataDir: new Blob([readFileSync(TEMPLATE)]) })).close();
  }
  return dataDir;
}

/** Runs the command to its end with `input` on standard input; its exit code and output. */
const run = (args: string[], dataDir: string, input = '') =>
  runCli(args, { MOTCUA_CONFIG: '', MOTCUA_DATA_DIR: dataDir }, input);

describe('motcua-server users', () => {
  it('creates the first admin with a password from standard input, lists, resets and disables users', async () => {
    const dataDir = await freshDataDir('users');
    const added = await run(
      ['users', 'add', 'admin', '--role', 'admin', '--display-name', 'Trần Thị Quản Trị'],
      dataDir,
      'mật khẩu quản trị dài\n',
    );
    expect(added.code, added.err).to.equal(0);
    expect(added.out).to.contain('Created admin (admin)');
    const inArgv = await run(['users', 'add', 'canbo1', '--role', 'officer', '--password', 'x'], dataDir);
    expect(inArgv.code).to.equal(1);
    expect(inArgv.err).to.contain('never taken from an argument');
    const short = await run(['users', 'add', 'canbo1', '--role', 'officer'], dataDir, 'ngan\n');
    expect(short.code).to.equal(1);
    const twice = await run(['users', 'add', 'ADMIN', '--role', 'officer'], dataDir, 'một mật khẩu khác dài\n');
    expect(twice.err).to.contain('already taken');
    expect(
      (await run(['users', 'add', 'canbo1', '--role', 'officer'], dataDir, 'mật khẩu cán bộ một\n')).code,
    ).to.equal(0);
    const list = await run(['users', 'list'], dataDir);
    expect(list.out.trim().split('\n')).to.deep.equal([
      'admin\tTrần Thị Quản Trị\tadmin\tactive',
      'canbo1\tcanbo1\tofficer\tactive',
    ]);
    expect((await run(['users', 'reset-password', 'canbo1'], dataDir, 'mật khẩu mới của cán bộ\n')).code).to.equal(0);
    expect((await run(['users', 'disable', 'canbo1'], dataDir)).out).to.contain('Disabled canbo1');
    expect((await run(['users', 'disable', 'khong-co'], dataDir)).code).to.equal(1);
    // One office: --office may name it, and nothing else.
    expect((await run(['users', 'list', '--office', 'demo'], dataDir)).out).to.contain('admin\tTrần Thị Quản Trị');
    const other = await run(['users', 'add', 'canbo2', '--role', 'officer', '--office', 'xa-b'], dataDir, 'x\n');
    expect(other.code).to.equal(1);
    expect(other.err).to.contain('no office "xa-b" (--office): this configuration serves the office "demo" only');

    const db = await openPglite(dataDir);
    try {
      const admin = await findUserByUsername(db, 'demo', 'admin');
      expect(admin?.passwordHash).to.match(/^scrypt\$ln=17,r=8,p=1\$/);
      expect(await verifyPassword('mật khẩu quản trị dài', admin?.passwordHash ?? '')).to.equal(true);
      const officer = await findUserByUsername(db, 'demo', 'canbo1');
      expect(officer?.disabled).to.equal(true);
      expect(await verifyPassword('mật khẩu mới của cán bộ', officer?.passwordHash ?? '')).to.equal(true);
      const trail = await listAudit(db, { office: 'demo', from: 0, to: Date.now() + 1, limit: 10 });
      expect(trail.map((e) => e.action)).to.deep.equal(['user.create', 'user.create', 'user.password', 'user.disable']);
      expect(JSON.stringify(trail)).not.to.contain('mật khẩu');
    } finally {
      await db.close();
    }
  });
});

describe('motcua-server start', () => {
  it('exits on SIGTERM while a board holds the event stream open', async () => {
    const dataDir = await freshDataDir('data');
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
      const app = createApp({ db });
      const admin = await adminHeaders(db, 'demo', Date.now());
      kiosk = await pairDevice(app, admin, { name: 'Ki-ốt sảnh', kind: 'kiosk' });
      await pairDevice(app, admin, { name: 'Máy tính bảng quầy 2', kind: 'counter', counter: '2' });
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
      expect((await call(app, 'GET', '/api/devices')).status).to.equal(401);
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
      // The console's revocation and approval are in the audit trail, never a credential.
      const trail = await listAudit(reopened, { office: 'demo', from: 0, to: Date.now() + 1, limit: 100 });
      const fromConsole = trail.filter((e) => e.actor.name?.startsWith('motcua-server devices'));
      expect(fromConsole.map((e) => [e.action, e.object])).to.deep.equal([
        ['device.revoke', kiosk.id],
        ['device.pair-approve', code],
      ]);
      expect(JSON.stringify(trail)).not.to.contain(kiosk.credential).and.not.to.contain(board.body.credential);
    } finally {
      await reopened.close();
    }
  });
});

describe('motcua-server settings', () => {
  it('exports the settings in force, refuses a bad file and a stale version, imports a file as a new version', async () => {
    const dataDir = await freshDataDir('settings');
    const file = join(dir, 'cai-dat.json');
    const exported = await run(['settings', 'export'], dataDir);
    expect(exported.code, exported.err).to.equal(0);
    const settingsFile = JSON.parse(exported.out);
    expect(settingsFile.version).to.equal(0);
    expect(settingsFile.settings.queue.services.length).to.be.greaterThan(0);

    writeFileSync(
      file,
      JSON.stringify({ ...settingsFile, settings: { ...settingsFile.settings, rating: { counter: 'x', qr: 'csat' } } }),
    );
    const bad = await run(['settings', 'import', file], dataDir);
    expect(bad.code).to.equal(1);
    expect(bad.err).to.match(/^\$\.settings\.rating\.counter: .+ \/ .+$/m);
    expect(bad.err).to.contain('nothing saved');

    writeFileSync(file, JSON.stringify({ ...settingsFile.settings, rating: { counter: 'csat', qr: 'csat' } }));
    const stale = await run(['settings', 'import', file, '--expected-version', '3'], dataDir);
    expect(stale.code).to.equal(1);
    expect(stale.err).to.contain('nothing was saved');
    const imported = await run(['settings', 'import', file, '--expected-version', '0'], dataDir);
    expect(imported.code, imported.err).to.equal(0);
    expect(imported.out).to.contain('as version 1');

    const written = await run(['settings', 'export', '--output', file], dataDir);
    expect(written.code, written.err).to.equal(0);
    const again = JSON.parse(readFileSync(file, 'utf8'));
    expect([again.version, again.settings.rating]).to.deep.equal([1, { counter: 'csat', qr: 'csat' }]);
    expect((await run(['settings', 'status'], dataDir)).out).to.contain('version 1');
    expect((await run(['settings', 'frobnicate'], dataDir)).code).to.equal(2);
  });
});
