import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import type { ServerConfig } from './config.js';
import { TEST_DATABASES } from './db/databases.test-support.js';
import { demoOffice } from './office/office.js';
import { type RunningServer, type StartOptions, startServer } from './server.js';

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
  });
}
