import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { bodyLimitFor } from './body-limit.js';

const MB = 1024 * 1024;

/** A body of `total` bytes sent in 1 KiB chunks without a length, counting how many bytes were pulled from it. */
function countedStream(total: number): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(1024).fill(0x20);
  return {
    body: new ReadableStream({
      pull(controller) {
        if (sent >= total) {
          controller.close();
          return;
        }
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    }),
    pulled: () => sent,
  };
}

for (const target of TEST_DATABASES) {
  describe(`request body limits on ${target.name}`, () => {
    it('refuses a 10 MB unauthenticated body with 413 before the token check, over a real socket', async () => {
      const db = await target.open();
      await migrate(db);
      const app = createApp({ db });
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      try {
        for (const path of ['/api/queue/tickets', '/api/ratings', '/api/dossiers', '/api/queue/counters/1/call-next']) {
          const res = await fetch(`http://127.0.0.1:${port}${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: `{"x":"${'a'.repeat(10 * MB)}"}`,
          });
          expect(res.status, path).to.equal(413);
          const body = (await res.json()) as { error: { code: string; message: { vi: string; en: string } } };
          expect(body.error.code).to.equal('body-too-large');
          expect(body.error.message.en).to.equal(`The request body is larger than ${bodyLimitFor(path)} bytes`);
          expect(body.error.message.vi).to.equal(`Nội dung yêu cầu lớn quá ${bodyLimitFor(path)} byte`);
        }
      } finally {
        await new Promise((resolve) => server.close(resolve));
        await db.close();
      }
    });

    it('reads a body without a length only up to the limit', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = createApp({ db });
        const stream = countedStream(50 * MB);
        const res = await app.request('/api/ratings', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: stream.body,
          duplex: 'half',
        } as RequestInit);
        expect(res.status).to.equal(413);
        // The limit and at most the chunks read ahead, not the 50 MB.
        expect(stream.pulled()).to.be.below(bodyLimitFor('/api/ratings') + 64 * 1024);
      } finally {
        await db.close();
      }
    });

    it('keeps each route’s limit: a ticket is small, a receipt may be larger, and normal requests pass', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = createApp({ db, now: () => Date.UTC(2026, 2, 10, 2, 0) });
        const tenKb = JSON.stringify({ service: 'ho-tich', note: 'x'.repeat(10 * 1024) });
        const post = (path: string, body: string, headers: Record<string, string> = {}) =>
          app.request(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers },
            body,
          });
        expect((await post('/api/queue/tickets', tenKb)).status).to.equal(413);
        // 10 KB is within a receipt's limit: the request goes on to the token check.
        expect((await post('/api/dossiers', tenKb)).status).to.equal(401);
        const ticket = await post('/api/queue/tickets', '{"service":"ho-tich"}', {
          authorization: 'Bearer demo-kiosk',
        });
        expect(ticket.status).to.equal(201);
      } finally {
        await db.close();
      }
    });
  });
}
