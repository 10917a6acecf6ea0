import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { processStartTime } from './data-directory.js';
import type { FileEvent } from './durable-nodefs.js';
import { migrate } from './migrations.js';
import { DataDirectoryLockedError, openPglite } from './pglite.js';

const PGLITE_VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).dependencies[
  '@electric-sql/pglite'
];
const TEMPLATE = fileURLToPath(new URL(`../../../../.cache/pglite-template-${PGLITE_VERSION}.tar.gz`, import.meta.url));
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const KIOSK = { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' };

const root = mkdtempSync(join(tmpdir(), 'motcua-durability-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A copy of a fresh database when the template exists (initdb takes seconds). */
const load = () => (existsSync(TEMPLATE) ? { loadDataDir: new Blob([readFileSync(TEMPLATE)]) } : {});

function runCli(args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, MOTCUA_CONFIG: '', DATABASE_URL: '', MOTCUA_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('the embedded database on disk', () => {
  it('syncs the WAL a ticket was written to before the 201 answer', async () => {
    const events: FileEvent[] = [];
    const db = await openPglite(join(root, 'sync'), { ...load(), fs: { trace: (event) => events.push(event) } });
    try {
      await migrate(db);
      const app = createApp({ db });
      events.length = 0;
      const res = await app.request('/api/queue/tickets', {
        method: 'POST',
        headers: KIOSK,
        body: JSON.stringify({ service: 'ho-tich' }),
      });
      // Everything recorded so far happened before the answer reached the caller.
      const seen = [...events];
      expect(res.status).to.equal(201);
      const walWrites = seen.filter((e) => e.op === 'write' && e.path.includes(`${join('pg', 'pg_wal')}`));
      expect(walWrites, 'the commit wrote the WAL').to.not.be.empty;
      for (const file of new Set(walWrites.map((e) => e.path))) {
        const lastWrite = seen.map((e) => e.op === 'write' && e.path === file).lastIndexOf(true);
        const syncAfter = seen.findIndex((e, i) => i > lastWrite && e.op === 'sync' && e.path === file);
        expect(syncAfter, `${file} synced after its last write, before the answer`).to.be.greaterThan(lastWrite);
      }
    } finally {
      await db.close();
    }
  });

  it('calls fsync(2) on the host file descriptors through an injected filesystem', async () => {
    const synced: number[] = [];
    const db = await openPglite(join(root, 'inject'), {
      ...load(),
      fs: {
        fsync: (fd) => {
          synced.push(fd);
        },
      },
    });
    try {
      await db.exec('create table t (x int)');
      synced.length = 0;
      await db.transaction(async (tx) => {
        await tx.query('insert into t values (1)');
      });
      expect(synced.length, 'fsync calls during one committed transaction').to.be.greaterThan(0);
    } finally {
      await db.close();
    }
  });

  it('creates a private data directory and tightens an existing one', async () => {
    const dir = join(root, 'modes');
    mkdirSync(join(dir, 'pg'), { recursive: true, mode: 0o777 });
    writeFileSync(join(dir, 'leftover'), 'x', { mode: 0o666 });
    chmodSync(dir, 0o777);
    chmodSync(join(dir, 'leftover'), 0o666);
    const db = await openPglite(dir, load());
    try {
      await db.exec('create table t (x int); insert into t values (1); checkpoint');
      const open: string[] = [];
      const visit = (path: string) => {
        const stat = statSync(path);
        if ((stat.mode & 0o077) !== 0 && !path.endsWith('motcua.sock')) open.push(path);
        if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
      };
      visit(dir);
      expect(open, 'files readable or writable by others').to.deep.equal([]);
      expect(statSync(dir).mode & 0o777).to.equal(0o700);
      expect(statSync(join(dir, 'leftover')).mode & 0o777).to.equal(0o600);
    } finally {
      await db.close();
    }
  });

  it('takes over a lock whose PID now belongs to a process started after the lock was written', async () => {
    const dir = join(root, 'stale-lock');
    mkdirSync(dir, { recursive: true });
    // A crash left the lock; after a reboot another process got the same PID.
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const lock = join(dir, 'motcua.lock');
      writeFileSync(lock, String(sleeper.pid));
      const anHourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(lock, anHourAgo, anHourAgo);
      const db = await openPglite(dir, load());
      await db.close();
      // A lock with the start time of the live process that wrote it is respected.
      writeFileSync(lock, `${sleeper.pid} ${processStartTime(sleeper.pid as number)}\n`);
      let refused: unknown;
      await openPglite(dir).catch((error: unknown) => {
        refused = error;
      });
      if (processStartTime(process.pid) !== undefined) expect(refused).to.be.instanceOf(DataDirectoryLockedError);
      writeFileSync(lock, `${sleeper.pid} 1\n`);
      await (await openPglite(dir)).close();
    } finally {
      sleeper.kill();
    }
  });

  it('backs up a running service consistently, to a file only the owner can read, and restores it', async () => {
    const dir = join(root, 'online');
    const db = await openPglite(dir, load());
    const backupFile = join(root, 'online-backup.tar.gz');
    const restoredDir = join(root, 'online-restored');
    let bounds = { before: 0, after: 0 };
    try {
      await db.exec(
        'create table ledger (n int primary key); create table total (sum bigint); insert into total values (0)',
      );
      let n = 0;
      let committed = 0;
      let writing = true;
      // Keeps committing while the backup runs: each transaction adds a row and its value to the total. Between
      // commits it lets other work run, as a service does between requests (PGlite's calls are synchronous).
      const writer = (async () => {
        while (writing) {
          n++;
          const value = n;
          await db.transaction(async (tx) => {
            await tx.query('insert into ledger values ($1)', [value]);
            await tx.query('update total set sum = sum + $1', [value]);
          });
          committed = value;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      while (committed < 5) await new Promise((resolve) => setImmediate(resolve));
      const committedBefore = committed;
      const result = await runCli(['backup', backupFile], dir);
      const committedAfter = committed;
      writing = false;
      await writer;
      expect(result.code, result.output).to.equal(0);
      expect(result.output, 'the running service made the backup').to.not.match(/in use by process/);
      expect(statSync(backupFile).mode & 0o777).to.equal(0o600);
      expect(committedAfter, 'commits went on while the backup was made').to.be.greaterThan(committedBefore);
      bounds = { before: committedBefore, after: committedAfter };
    } finally {
      await db.close();
    }
    const restore = await runCli(['restore', backupFile], restoredDir);
    expect(restore.code, restore.output).to.equal(0);
    const restored = await openPglite(restoredDir);
    try {
      const [row] = await restored.query<{ rows: string; sum: string; expected: string }>(
        'select count(*)::text as rows, (select sum from total)::text as sum, coalesce(sum(n), 0)::text as expected from ledger',
      );
      // Every transaction is in the backup whole or not at all, and none acknowledged before the request is missing.
      expect(row?.sum).to.equal(row?.expected);
      expect(Number(row?.rows)).to.be.within(bounds.before, bounds.after);
      const [gaps] = await restored.query<{ gaps: string }>(
        'select (count(*) - coalesce(max(n), 0))::text as gaps from ledger',
      );
      expect(gaps?.gaps, 'the rows are 1..n without a hole').to.equal('0');
    } finally {
      await restored.close();
    }
  });
});
