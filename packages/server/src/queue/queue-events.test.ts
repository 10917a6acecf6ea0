import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { expect } from 'chai';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { admin, instance, vn } from '../settings/settings.test-support.js';
import { QUEUE_CHANNEL } from './pg-queue-store.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely and let chai check their shape
type Json = Record<string, any>;

const KIOSK = { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' };

interface SseMessage {
  event: string;
  id: string;
  data: Json;
}

/** Reads server-sent events from a response body as they come. */
function sseReader(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: SseMessage[] = [];
  async function next(timeoutMs = 2000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = queue.shift();
      if (message) return message;
      const cut = buffer.indexOf('\n\n');
      if (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
        }
        if (fields.data !== undefined) {
          queue.push({ event: fields.event ?? 'message', id: fields.id ?? '', data: JSON.parse(fields.data) });
        }
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no event in time');
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event in time')), left)),
      ]);
      if (chunk.done) throw new Error('stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  }
  return { next, close: () => reader.cancel() };
}

async function issue(app: Hono, service: string) {
  const res = await app.request('/api/queue/tickets', {
    method: 'POST',
    headers: KIOSK,
    body: JSON.stringify({ service }),
  });
  return (await res.json()) as Json;
}

for (const target of TEST_DATABASES) {
  describe(`queue events on ${target.name}`, () => {
    async function open(): Promise<Database> {
      const db = await target.open();
      await migrate(db);
      return db;
    }

    it('streams a snapshot, then each change as a delta with a greater version', async () => {
      const db = await open();
      let events: ReturnType<typeof sseReader> | undefined;
      try {
        const app = createApp({ db });
        await issue(app, 'ho-tich');
        const res = await app.request('/api/queue/events');
        expect(res.headers.get('content-type')).to.contain('text/event-stream');
        events = sseReader(res);
        const snapshot = await events.next();
        expect(snapshot.event).to.equal('snapshot');
        expect(snapshot.data.services[0]).to.deep.include({ id: 'ho-tich', waiting: 1, next: ['A001'] });
        expect(snapshot.id).to.equal(String(snapshot.data.version));
        await issue(app, 'dat-dai');
        await app.request('/api/queue/counters/1/call-next', {
          method: 'POST',
          headers: { authorization: 'Bearer demo-counter-1' },
        });
        const issued = await events.next();
        expect(issued.event).to.equal('ticket');
        expect(issued.data).to.deep.include({ type: 'issue' });
        expect(issued.data.ticket).to.deep.include({ number: 'B001', status: 'issued' });
        expect(issued.data.version).to.be.greaterThan(snapshot.data.version);
        const called = await events.next();
        expect(called.data).to.deep.include({ type: 'call', counter: '1' });
        expect(called.data.ticket).to.deep.include({ number: 'A001', status: 'called', counter: '1' });
        expect(Number(called.id)).to.be.greaterThan(Number(issued.id));
      } finally {
        await events?.close().catch(() => {});
        await db.close();
      }
    });

    it('sends open boards a fresh snapshot when an admin saves new queue settings', async () => {
      const db = await open();
      let events: ReturnType<typeof sseReader> | undefined;
      try {
        const clock = { now: vn('2026-12-09T09:00:00') };
        const app = instance(db, clock);
        const headers = await admin(db, clock.now);
        events = sseReader(await app.request('/api/queue/events'));
        const first = await events.next();
        const ids = (board: Json) => (board.services as { id: string }[]).map((service) => service.id);
        expect(ids(first.data)).to.not.include('tu-phap');
        const v1 = (await call(app, 'GET', '/api/admin/settings', headers)).body;
        const queue = {
          ...v1.settings.queue,
          services: [
            ...v1.settings.queue.services,
            { id: 'tu-phap', prefix: 'D', name: { vi: 'Tư pháp', en: 'Justice' } },
          ],
        };
        const saved = await call(app, 'PUT', '/api/admin/settings/queue', headers, {
          expectedVersion: v1.version,
          value: queue,
        });
        expect(saved.status, saved.text).to.equal(201);
        const fresh = await events.next(5000);
        expect(fresh.event).to.equal('snapshot');
        expect(ids(fresh.data)).to.include('tu-phap');
      } finally {
        await events?.close().catch(() => {});
        await db.close();
      }
    });
  });
}

const url = process.env.MOTCUA_TEST_DATABASE_URL;

describe('queue events across instances on one PostgreSQL', {
  skip: !url && 'MOTCUA_TEST_DATABASE_URL is not set',
}, () => {
  it('shows a ticket issued through one instance on a board connected to another within a second', async () => {
    const target = TEST_DATABASES.find((t) => t.name === 'PostgreSQL');
    if (!target) return;
    // One schema, two connection pools: two service instances as two processes would have them.
    const first = await target.open();
    await migrate(first);
    const [{ path } = { path: '' }] = await first.query<{ path: string }>('select current_schema() as path');
    const { openPostgres } = await import('../db/postgres.js');
    const scoped = new URL(url as string);
    scoped.searchParams.set('options', `-c search_path=${path}`);
    // Each instance keeps a connection per LISTEN (the queue's and the settings'): the pool needs room beside them.
    const second = await openPostgres(scoped.toString(), { max: 4 });
    const a = createApp({ db: first });
    const b = createApp({ db: second });
    const server = serve({ fetch: b.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    let events: ReturnType<typeof sseReader> | undefined;
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/api/queue/events`);
      events = sseReader(res);
      expect((await events.next()).event).to.equal('snapshot');
      const started = Date.now();
      const ticket = await issue(a, 'chung-thuc');
      const delta = await events.next(1000);
      const elapsed = Date.now() - started;
      expect(delta.data.ticket).to.deep.include({ number: ticket.number, service: 'chung-thuc' });
      expect(elapsed).to.be.below(1000);
    } finally {
      // Also when an assertion failed: an open event stream would keep the server (and the test) from ending.
      await events?.close().catch(() => {});
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await second.close();
      await first.close();
    }
  });
});

describe('queue events after the LISTEN connection drops', {
  skip: !url && 'MOTCUA_TEST_DATABASE_URL is not set',
}, () => {
  it('sends connected boards a fresh snapshot once listening again, with the tickets issued meanwhile', async () => {
    const target = TEST_DATABASES.find((t) => t.name === 'PostgreSQL');
    if (!target) return;
    const db = await target.open();
    await migrate(db);
    const [{ schema } = { schema: '' }] = await db.query<{ schema: string }>('select current_schema() as schema');
    const app = createApp({ db });
    let events: ReturnType<typeof sseReader> | undefined;
    const originalError = console.error;
    console.error = () => {};
    try {
      events = sseReader(await app.request('/api/queue/events'));
      const first = await events.next();
      expect(first.event).to.equal('snapshot');
      // Kill this instance's LISTEN connection, then issue tickets while it is being replaced: their
      // notifications go to nobody.
      const killed = await db.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where pid <> pg_backend_pid() and query ilike 'listen%' and query like $1 and query like $2`,
        [`%${schema}%`, `%${QUEUE_CHANNEL}%`],
      );
      expect(killed, 'the listening connection was found and killed').to.have.length(1);
      const issued = [await issue(app, 'ho-tich'), await issue(app, 'ho-tich')];
      // Whatever deltas arrive, a fresh snapshot follows the reconnection and shows both tickets.
      let fresh: SseMessage | undefined;
      const deadline = Date.now() + 15_000;
      while (!fresh && Date.now() < deadline) {
        const message = await events.next(15_000);
        if (message.event === 'snapshot') fresh = message;
      }
      expect(fresh, 'a snapshot after the reconnection').to.not.equal(undefined);
      const snapshot = (fresh as SseMessage).data;
      expect(snapshot.version).to.be.greaterThan(first.data.version);
      const hoTich = snapshot.services.find((s: Json) => s.id === 'ho-tich');
      expect(hoTich.next).to.include.members(issued.map((t) => t.number));
      // Deltas keep flowing on the new connection.
      const third = await issue(app, 'dat-dai');
      const delta = await events.next(5_000);
      expect(delta.event).to.equal('ticket');
      expect(delta.data.ticket).to.deep.include({ number: third.number });
      expect(delta.data.version).to.be.greaterThan(snapshot.version);
    } finally {
      console.error = originalError;
      await events?.close().catch(() => {});
      await db.close();
    }
  });
});
