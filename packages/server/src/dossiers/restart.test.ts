import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { civilDateOf } from '@motcua/core/calendar';
import { expect } from 'chai';
import pg from 'pg';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely and let chai check their shape
type Json = Record<string, any>;

const CHILD = fileURLToPath(new URL('./restart-child.test-support.ts', import.meta.url));
const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
const PGLITE_VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).dependencies[
  '@electric-sql/pglite'
];
const TEMPLATE = fileURLToPath(new URL(`../../../../.cache/pglite-template-${PGLITE_VERSION}.tar.gz`, import.meta.url));
const STAFF = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };
const receiveBody = (i: number) => ({
  procedure: '1.004194',
  applicant: { name: `Người nộp ${i}` },
  documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
});

interface Instance {
  readonly base: string;
  readonly child: ChildProcess;
}

/** Starts a service process and waits until it serves. */
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

/** Kills a service process at once (SIGKILL: nothing is cleaned up) and waits until it is gone. */
async function kill(instance: Instance): Promise<void> {
  const gone = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGKILL');
  await gone;
}

async function stop(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const gone = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await gone;
}

async function receive(
  base: string,
  key: string,
  i: number,
): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${base}/api/dossiers`, {
    method: 'POST',
    headers: { ...STAFF, 'idempotency-key': key },
    body: JSON.stringify(receiveBody(i)),
  });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

/** Retries a receipt with its key, as a counter does, until it is answered for good. */
async function receiveWithRetries(base: string, key: string, i: number): Promise<Json> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await receive(base, key, i).catch(() => undefined);
    if (answer?.status === 201) return answer.body;
    // 409 request-in-progress (a claim left by the killed process, until it is stale) or 503: retry.
    if (answer && answer.status !== 409 && answer.status !== 503) {
      throw new Error(`${key}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${key}: no answer`);
}

interface Storage {
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

/** Where the service processes keep their data: a PGlite directory, or a fresh schema on the PostgreSQL server. */
const STORAGES: { name: string; create(): Promise<Storage> }[] = [
  {
    name: 'PGlite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'motcua-restart-'));
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
  describe(`receiving dossiers across a killed and restarted service on ${storage.name}`, () => {
    it('answers receipts retried after a kill and restart with one dossier each, kept by the restart', async () => {
      const store = await storage.create();
      let second: Instance | undefined;
      const startedAt = Date.now();
      try {
        const first = await start(store.env);
        const answered = await receive(first.base, 'counter-1-receipt-7', 7).catch(async (error) => {
          await kill(first);
          throw error;
        });
        expect(answered.status).to.equal(201);
        // Then a burst, and the process is killed as soon as one of it is answered: the others are somewhere in
        // between (not started, dossier stored without its answer, answered but not received…).
        const keys = Array.from({ length: 8 }, (_, i) => `counter-1-burst-${i}`);
        const inFlight = keys.map((key, i) => receive(first.base, key, i));
        await Promise.race(inFlight.map((p) => p.catch(() => undefined)));
        await kill(first);
        await Promise.allSettled(inFlight);

        second = await start(store.env);
        const base = second.base;
        const retried = await receive(base, 'counter-1-receipt-7', 7);
        expect(retried.status).to.equal(201);
        expect(retried.body.code).to.equal(answered.body.code);
        expect(retried.body.pin).to.equal(answered.body.pin);
        expect(retried.headers.get('idempotent-replayed')).to.equal('true');
        const answers = await Promise.all(keys.map((key, i) => receiveWithRetries(base, key, i)));
        const codes = new Set([answered.body.code, ...answers.map((a) => a.code as string)]);
        expect(codes.size, 'one dossier per key').to.equal(keys.length + 1);
        // No dossier beyond those: the day's on-time report counts exactly one per key.
        const period = `from=${civilDateOf(startedAt)}&to=${civilDateOf(Date.now())}`;
        const signIn = await fetch(`${base}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({ username: 'lanhdao', password: 'password-of-lanhdao' }),
        });
        const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
        const report = (await (
          await fetch(`${base}/api/reports/on-time?${period}`, { headers: { cookie } })
        ).json()) as Json;
        expect(report.total.dossiers).to.equal(keys.length + 1);
        // Each final answer's PIN opens its dossier (a PIN that never reached the counter was replaced).
        for (const a of [answered.body, ...answers]) {
          expect((await fetch(`${base}/api/dossiers/${a.code}?pin=${a.pin}`)).status, a.code).to.equal(200);
        }
      } finally {
        if (second) await stop(second);
        await store.dispose();
      }
    });
  });
}

for (const target of TEST_DATABASES) {
  describe(`a receipt whose answer was lost on ${target.name}`, () => {
    it('is answered, when retried, with the dossier already stored and a new PIN — never a second dossier', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = createApp({ db, catalogue: CATALOGUE, now: () => Date.UTC(2026, 2, 10, 2, 0) });
        const post = () =>
          app.request('/api/dossiers', {
            method: 'POST',
            headers: { ...STAFF, 'idempotency-key': 'lost-answer' },
            body: JSON.stringify(receiveBody(1)),
          });
        const first = (await (await post()).json()) as Json;
        // What a process that died after committing the dossier, before storing the answer, leaves behind.
        await db.query(
          `update idempotency_keys set status = null, content_type = null, body = null,
             created_at = now() - interval '1 hour'`,
        );
        const retry = await post();
        expect(retry.status).to.equal(201);
        expect(retry.headers.get('idempotent-replayed')).to.equal(null);
        const again = (await retry.json()) as Json;
        expect(again.code).to.equal(first.code);
        expect(again.dueAt).to.equal(first.dueAt);
        expect(again.receipt).to.deep.equal(first.receipt);
        expect(await db.query('select code from dossiers')).to.have.length(1);
        const lookup = (pin: string) => app.request(`/api/dossiers/${first.code}?pin=${pin}`);
        expect((await lookup(again.pin)).status).to.equal(200);
        if (again.pin !== first.pin) expect((await lookup(first.pin)).status).to.equal(404);
        // Another key is another dossier.
        const other = await app.request('/api/dossiers', {
          method: 'POST',
          headers: { ...STAFF, 'idempotency-key': 'another' },
          body: JSON.stringify(receiveBody(2)),
        });
        expect(((await other.json()) as Json).code).not.to.equal(first.code);
      } finally {
        await db.close();
      }
    });
  });
}
