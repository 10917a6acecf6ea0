import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import pg from 'pg';
import { DEMO_OFFICE } from '../office/office.js';
import { startReceiver, TEST_WEBHOOK_SECRET } from './receivers.test-support.js';

// Killing the service in the middle of deliveries loses no notification: what it had claimed is due again when its
// lease ends, and is delivered again under the same key, which the receiver uses to drop the repeat.

const CHILD = fileURLToPath(new URL('./kill-child.test-support.ts', import.meta.url));
const PGLITE_VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).dependencies[
  '@electric-sql/pglite'
];
const TEMPLATE = fileURLToPath(new URL(`../../../../.cache/pglite-template-${PGLITE_VERSION}.tar.gz`, import.meta.url));
const STAFF = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };
const DOSSIERS = 6;

interface Instance {
  readonly base: string;
  readonly child: ChildProcess;
}

function start(env: Record<string, string>): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\d+)/.exec(out);
      if (ready) resolve({ base: `http://127.0.0.1:${ready[1]}`, child });
    });
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before it was ready`)));
  });
}

async function kill(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const gone = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGKILL');
  await gone;
}

interface Storage {
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

const STORAGES: { name: string; create(): Promise<Storage> }[] = [
  {
    name: 'PGlite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'motcua-notify-'));
      return {
        env: { MOTCUA_DATA_DIR: dir, MOTCUA_PGLITE_TEMPLATE: TEMPLATE, DATABASE_URL: '' },
        async dispose() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];
const url = process.env.MOTCUA_TEST_DATABASE_URL;
if (url) {
  STORAGES.push({
    name: 'PostgreSQL',
    async create() {
      const schema = `motcua_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      return {
        env: { DATABASE_URL: scoped.toString() },
        async dispose() {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`drop schema ${schema} cascade`);
          await client.end();
        },
      };
    },
  });
}

for (const storage of STORAGES) {
  describe(`notifications across a killed and restarted service on ${storage.name}`, () => {
    it('delivers every notification, each seen once by a receiver deduplicating on its key', async () => {
      const store = await storage.create();
      const receiver = await startReceiver();
      // The first delivery is taken in by the receiver, whose answer never comes back (the service is killed
      // before it records the delivery); later ones are answered at once.
      receiver.answer = (_, index) => (index === 0 ? 'accept-and-hang' : 200);
      const office = {
        ...DEMO_OFFICE,
        notifications: {
          allowPrivateAddresses: true,
          timeoutSeconds: 1,
          retry: { attempts: 10, firstDelaySeconds: 0.2, maxDelaySeconds: 1 },
          channels: [{ id: 'tinh', kind: 'webhook', url: `${receiver.url}/hook`, secret: TEST_WEBHOOK_SECRET }],
        },
      };
      const env = { ...store.env, MOTCUA_TEST_OFFICE: JSON.stringify(office) };
      let second: Instance | undefined;
      try {
        const first = await start(env);
        const codes: string[] = [];
        try {
          for (let i = 0; i < DOSSIERS; i++) {
            const res = await fetch(`${first.base}/api/dossiers`, {
              method: 'POST',
              headers: STAFF,
              body: JSON.stringify({
                procedure: '1.004194',
                applicant: { name: `Người nộp ${i}` },
                documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
              }),
            });
            expect(res.status).to.equal(201);
            codes.push(((await res.json()) as { code: string }).code);
          }
          // Killed while the first delivery waits for its answer.
          while (receiver.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        } finally {
          await kill(first);
        }
        second = await start(env);
        await receiver.waitFor(DOSSIERS, 30_000);
        const dossiers = [...receiver.unique.values()].map((r) => JSON.parse(r.body).dossier.code as string);
        expect(dossiers.sort()).to.deep.equal([...codes].sort());
        // The one the killed process had sent came again, under the same key, and was dropped as a repeat.
        // (It may come after the others: its lease, taken by the killed process, runs out first.)
        const firstKey = receiver.requests[0]?.headers['idempotency-key'];
        const sentOfFirst = () => receiver.requests.filter((r) => r.headers['idempotency-key'] === firstKey).length;
        for (const until = Date.now() + 30_000; sentOfFirst() < 2 && Date.now() < until; ) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(sentOfFirst()).to.be.at.least(2);
        expect(receiver.unique.size).to.equal(DOSSIERS);
      } finally {
        if (second) await kill(second);
        await receiver.close();
        await store.dispose();
      }
    });
  });
}

describe('the notification sender started by the server', () => {
  it('delivers a receipt’s webhook at once (woken by the commit), and stops with the server', async () => {
    const { startServer } = await import('../server.js');
    const { parseOffice } = await import('../office/office.js');
    const { openPglite } = await import('../db/pglite.js');
    const receiver = await startReceiver();
    const dir = mkdtempSync(join(tmpdir(), 'motcua-notify-server-'));
    try {
      const office = parseOffice(
        {
          ...DEMO_OFFICE,
          notifications: {
            allowPrivateAddresses: true,
            channels: [{ id: 'tinh', kind: 'webhook', url: `${receiver.url}/hook`, secret: TEST_WEBHOOK_SECRET }],
          },
        },
        { demo: true },
      );
      const server = await startServer(
        {
          port: 0,
          host: '127.0.0.1',
          databaseUrl: undefined,
          dataDir: dir,
          secret: 'a-test-secret-that-is-long-enough-to-sign-with',
          tls: undefined,
          allowedOrigins: [],
          catalogue: fileURLToPath(new URL('../../../../examples/data/catalogue.json', import.meta.url)),
          static: [],
          office,
          trustProxy: [],
        },
        { db: await openPglite() },
      );
      try {
        const res = await fetch(new URL('api/dossiers', server.url), {
          method: 'POST',
          headers: STAFF,
          body: JSON.stringify({
            procedure: '1.004194',
            applicant: { name: 'Người nộp' },
            documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
          }),
        });
        expect(res.status).to.equal(201);
        const { code } = (await res.json()) as { code: string };
        // Well before the 5-second poll: the commit's NOTIFY woke the sender.
        await receiver.waitFor(1, 3_000);
        expect(JSON.parse([...receiver.unique.values()][0]?.body ?? '{}').dossier.code).to.equal(code);
      } finally {
        await server.close();
      }
    } finally {
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
