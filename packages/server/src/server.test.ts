import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import type { ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import { TEST_DATABASES } from './db/databases.test-support.js';
import { migrate } from './db/migrations.js';
import { demoOffice } from './office/office.js';
import { type RunningServer, type StartOptions, startServer } from './server.js';

const CATALOGUE = new URL('../../../examples/data/catalogue.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'motcua-server-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A configuration for a server on a free loopback port (the database comes from the test). */
function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: dir,
    secret: 'a-test-secret-that-is-long-enough-to-sign-with',
    tls: undefined,
    allowedOrigins: [],
    catalogue: undefined,
    static: [],
    office: demoOffice(),
    trustProxy: [],
    ...overrides,
  };
}

/** Resolves to 'timeout' when `promise` has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Opens the board's event stream and waits for its first event (the snapshot). */
async function openEventStream(url: string): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const res = await fetch(new URL('api/queue/events', url));
  expect(res.headers.get('content-type')).to.contain('text/event-stream');
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  while (!text.includes('event: snapshot')) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the event stream ended before its snapshot');
    text += new TextDecoder().decode(value);
  }
  return reader;
}

/** Reads until the stream ends (or breaks): true when it did. */
async function ended(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<true> {
  try {
    while (!(await reader.read()).done) {
      // keep-alive comments, if any
    }
  } catch {
    // a cut connection ends the stream too
  }
  return true;
}

for (const target of TEST_DATABASES) {
  describe(`startServer on ${target.name}`, () => {
    async function start(options: StartOptions = {}, config: Partial<ServerConfig> = {}): Promise<RunningServer> {
      return startServer(testConfig(config), { db: await target.open(), ...options });
    }

    it('closes while a board holds the event stream open and a client keeps an idle connection', async () => {
      // A grace period longer than the wait below: only ending the stream lets close() finish in time.
      const server = await start({ closeGraceMs: 60_000 });
      let closing: Promise<void> | undefined;
      try {
        const health = await fetch(new URL('api/health', server.url));
        expect(health.status).to.equal(200);
        await health.text(); // the connection stays open, idle (keep-alive)
        const reader = await openEventStream(server.url);
        closing = server.close();
        expect(await within(closing, 10_000)).to.equal(undefined);
        expect(await within(ended(reader), 5_000)).to.equal(true);
        await server.close(); // a second close() (SIGINT, then SIGTERM) is harmless
      } finally {
        await (closing ?? server.close());
      }
    });

    it('lets pages on other origins load public static files, and the others only from allowed origins', async () => {
      const cdn = join(dir, 'cdn');
      const site = join(dir, 'site');
      mkdirSync(cdn, { recursive: true });
      mkdirSync(site, { recursive: true });
      writeFileSync(join(cdn, 'motcua.js'), 'export {};\n');
      writeFileSync(join(site, 'index.html'), '<!doctype html>\n');
      const server = await start(
        {},
        {
          allowedOrigins: ['https://xa-vi-du.gov.vn'],
          static: [
            { prefix: '/cdn/', dir: cdn, anyOrigin: true },
            { prefix: '/', dir: site },
          ],
        },
      );
      const get = (path: string, origin: string) => fetch(new URL(path, server.url), { headers: { origin } });
      try {
        const script = await get('cdn/motcua.js', 'https://cms.tinh.gov.vn');
        expect(script.status).to.equal(200);
        expect(script.headers.get('content-type')).to.contain('javascript');
        expect(script.headers.get('access-control-allow-origin')).to.equal('*');
        expect(
          (await get('index.html', 'https://xa-vi-du.gov.vn')).headers.get('access-control-allow-origin'),
        ).to.equal('https://xa-vi-du.gov.vn');
        const other = await get('index.html', 'https://cms.tinh.gov.vn');
        expect(other.status).to.equal(200);
        expect(other.headers.get('access-control-allow-origin')).to.equal(null);
        expect(other.headers.get('vary')).to.contain('Origin');
        // The API keeps its own list: the CDN's '*' does not leak onto it.
        const api = await get('api/health', 'https://cms.tinh.gov.vn');
        expect(api.headers.get('access-control-allow-origin')).to.equal(null);
        await Promise.all([script.text(), other.text(), api.text()]);
      } finally {
        await server.close();
      }
    });

    it('never serves dotfiles or dot-folders from a static mount, and marks every answer nosniff', async () => {
      const site = join(dir, 'site-with-secrets');
      mkdirSync(join(site, '.git'), { recursive: true });
      mkdirSync(join(site, 'docs'), { recursive: true });
      writeFileSync(join(site, '.env'), 'DATABASE_URL=postgres://motcua:secret@db/motcua\n');
      writeFileSync(join(site, '.git', 'config'), '[core]\n');
      writeFileSync(join(site, 'docs', '.npmrc'), '//registry.npmjs.org/:_authToken=secret\n');
      writeFileSync(join(site, 'index.html'), '<!doctype html>\n');
      const server = await start({}, { static: [{ prefix: '/', dir: site }] });
      try {
        for (const path of ['.env', '.git/config', 'docs/.npmrc', '%2Eenv', 'docs/%2enpmrc']) {
          const res = await fetch(new URL(path, server.url));
          const body = await res.text();
          expect(res.status, path).to.equal(404);
          expect(body, path).to.not.include('secret');
        }
        const page = await fetch(new URL('index.html', server.url));
        expect(page.status).to.equal(200);
        expect(page.headers.get('x-content-type-options')).to.equal('nosniff');
        await page.text();
        const api = await fetch(new URL('api/health', server.url));
        expect(api.headers.get('x-content-type-options')).to.equal('nosniff');
        await api.text();
      } finally {
        await server.close();
      }
    });

    const HOUR = 3_600_000;
    const keys = async (db: Database) =>
      (await db.query<{ key: string }>('select key from idempotency_keys order by key')).map((r) => r.key);
    const receive = (url: string, key: string) =>
      fetch(new URL('api/dossiers', url), {
        method: 'POST',
        headers: { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({
          procedure: '1.004194',
          applicant: { name: 'Nguyễn Thị Bí Mật', phone: '0905 123 456' },
          documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
        }),
      });

    it('purges stored Idempotency-Key answers older than the retention at start, and keeps newer ones', async () => {
      const db = await target.open();
      await migrate(db);
      const start = Date.now();
      await db.query(
        `insert into idempotency_keys (key, route, status, body, created_at, office)
         values ('old', '/api/dossiers', 201, '{"pin":"123456"}', $1, 'demo'), ('new', '/api/dossiers', 201, '{}', $2, 'demo')`,
        [new Date(start - 25 * HOUR).toISOString(), new Date(start - 23 * HOUR).toISOString()],
      );
      const server = await startServer(testConfig(), { db, now: () => start });
      try {
        expect(await keys(server.db)).to.deep.equal(['new']);
      } finally {
        await server.close();
      }
    });

    it('purges every period by the injected clock, with a configurable retention, and stops on close', async () => {
      let clock = Date.now();
      const server = await start(
        { now: () => clock, purgeEveryMs: 20 },
        { idempotencyRetentionHours: 2, catalogue: CATALOGUE },
      );
      try {
        const first = await receive(server.url, 'receipt-1');
        expect(first.status, await first.clone().text()).to.equal(201);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await keys(server.db)).to.deep.equal(['receipt-1']); // within the retention
        clock += 2 * HOUR + 60_000;
        let left = await keys(server.db);
        for (let i = 0; i < 500 && left.length > 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          left = await keys(server.db);
        }
        expect(left).to.deep.equal([]);
      } finally {
        await server.close();
      }
    });
  });
}
