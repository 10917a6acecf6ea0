import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Hono } from 'hono';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { errorResponse } from './errors.js';
import { idempotency } from './idempotency.js';

for (const target of TEST_DATABASES) {
  describe(`Idempotency-Key on ${target.name}`, () => {
    async function appWithCounter() {
      const db = await target.open();
      await migrate(db);
      let created = 0;
      const app = new Hono();
      app.onError(errorResponse);
      app.use('*', idempotency(db, { office: 'demo' }));
      app.post('/things', async (c) => {
        created++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return c.json({ id: created }, 201);
      });
      app.post('/fails', () => {
        created++;
        throw new Error('boom');
      });
      return { db, app, created: () => created };
    }
    const post = (app: Hono, path: string, key?: string, body?: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: {
          ...(key ? { 'Idempotency-Key': key } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    it('answers a retry with the first answer and creates nothing twice', async () => {
      const { db, app, created } = await appWithCounter();
      try {
        const first = await post(app, '/things', 'kiosk-1-0001');
        const retry = await post(app, '/things', 'kiosk-1-0001');
        expect(first.status).to.equal(201);
        expect(retry.status).to.equal(201);
        expect(await retry.json()).to.deep.equal({ id: 1 });
        expect(retry.headers.get('idempotent-replayed')).to.equal('true');
        expect(created()).to.equal(1);
        await post(app, '/things', 'kiosk-1-0002');
        await post(app, '/things');
        expect(created()).to.equal(3);
      } finally {
        await db.close();
      }
    });

    it('lets concurrent duplicates through only once', async () => {
      const { db, app, created } = await appWithCounter();
      try {
        const answers = await Promise.all(Array.from({ length: 5 }, () => post(app, '/things', 'same-key')));
        expect(created()).to.equal(1);
        for (const answer of answers) expect([201, 409]).to.include(answer.status);
      } finally {
        await db.close();
      }
    });

    it('forgets a key whose request failed, so the retry runs', async () => {
      const { db, app, created } = await appWithCounter();
      try {
        expect((await post(app, '/fails', 'k')).status).to.equal(500);
        expect((await post(app, '/fails', 'k')).status).to.equal(500);
        expect(created()).to.equal(2);
      } finally {
        await db.close();
      }
    });

    it('answers a key reused for a different request with 422 idempotency-key-reused, and keeps the first answer', async () => {
      const { db, app, created } = await appWithCounter();
      try {
        const first = await post(app, '/things', 'rating-token-1', { overall: 3 });
        expect(first.status).to.equal(201);
        const other = await post(app, '/things', 'rating-token-1', { overall: 1 });
        expect(other.status).to.equal(422);
        expect(other.headers.get('idempotent-replayed')).to.equal(null);
        const { error } = (await other.json()) as { error: { code: string; message: { vi: string; en: string } } };
        expect(error.code).to.equal('idempotency-key-reused');
        expect(error.message.vi).to.contain('Idempotency-Key');
        expect(error.message.en).to.contain('different request');
        expect((await post(app, '/things', 'rating-token-1')).status).to.equal(422);
        const retry = await post(app, '/things', 'rating-token-1', { overall: 3 });
        expect(retry.status).to.equal(201);
        expect(retry.headers.get('idempotent-replayed')).to.equal('true');
        expect(await retry.json()).to.deep.equal({ id: 1 });
        expect(created()).to.equal(1);
      } finally {
        await db.close();
      }
    });

    it('answers a different request with 422 also while the first is still running', async () => {
      const { db, app, created } = await appWithCounter();
      try {
        const [first, other] = await Promise.all([
          post(app, '/things', 'k', { overall: 3 }),
          new Promise((resolve) => setTimeout(resolve, 5)).then(() => post(app, '/things', 'k', { overall: 2 })),
        ]);
        expect(first.status).to.equal(201);
        expect(other.status).to.equal(422);
        expect(created()).to.equal(1);
      } finally {
        await db.close();
      }
    });

    it('stores the method, path and SHA-256 of the body with the key', async () => {
      const { db, app } = await appWithCounter();
      try {
        await post(app, '/things', 'k', { overall: 3 });
        const [row] = await db.query<{ fingerprint: string }>('select fingerprint from idempotency_keys');
        const sha = createHash('sha256')
          .update(JSON.stringify({ overall: 3 }))
          .digest('hex');
        expect(row?.fingerprint).to.equal(`POST /things ${sha}`);
      } finally {
        await db.close();
      }
    });

    it('keeps replaying the answers of keys stored before fingerprints, whatever the body', async () => {
      const { db, app, created } = await appWithCounter();
      try {
        // The scope of a request to the demo office without a bearer token.
        await db.query(
          `insert into idempotency_keys (key, route, scope, status, content_type, body, office)
           values ('old-key', '/things', 'demo -', 201, 'application/json', '{"id":7}', 'demo')`,
        );
        const replay = await post(app, '/things', 'old-key', { overall: 1 });
        expect(replay.status).to.equal(201);
        expect(replay.headers.get('idempotent-replayed')).to.equal('true');
        expect(await replay.json()).to.deep.equal({ id: 7 });
        expect(created()).to.equal(0);
      } finally {
        await db.close();
      }
    });

    it('keeps the keys of different offices and different callers apart', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        let created = 0;
        const appFor = (office: string) => {
          const app = new Hono();
          app.onError(errorResponse);
          app.use('*', idempotency(db, { office }));
          app.post('/receipts', (c) => {
            created++;
            return c.json({ receipt: `${office}-${created}`, caller: c.req.header('authorization') ?? null }, 201);
          });
          return app;
        };
        const a = appFor('xa-a');
        const b = appFor('xa-b');
        const send = (app: Hono, token: string) =>
          app.request('/receipts', {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'k-1' },
            body: '{"applicant":"Nguyễn Văn A"}',
          });
        const fromB = await send(b, 'counter-token-b');
        expect(await fromB.json()).to.deep.equal({ receipt: 'xa-b-1', caller: 'Bearer counter-token-b' });
        // Another office on the same database, same key and body: its own answer, not office B's receipt.
        const fromA = await send(a, 'counter-token-a');
        expect(fromA.headers.get('idempotent-replayed')).to.equal(null);
        expect(await fromA.json()).to.deep.equal({ receipt: 'xa-a-2', caller: 'Bearer counter-token-a' });
        // Another caller of the same office, same key and body: its own answer too.
        const otherCounter = await send(a, 'counter-token-a2');
        expect(otherCounter.headers.get('idempotent-replayed')).to.equal(null);
        expect(await otherCounter.json()).to.deep.equal({ receipt: 'xa-a-3', caller: 'Bearer counter-token-a2' });
        // The same caller retrying gets its own first answer back.
        const retry = await send(a, 'counter-token-a');
        expect(retry.headers.get('idempotent-replayed')).to.equal('true');
        expect(await retry.json()).to.deep.equal({ receipt: 'xa-a-2', caller: 'Bearer counter-token-a' });
        expect(created).to.equal(3);
        const stored = await db.query<{ scope: string }>("select scope from idempotency_keys where key = 'k-1'");
        expect(stored.map((r) => r.scope).join(' '), 'tokens are stored hashed').to.not.include('counter-token');
      } finally {
        await db.close();
      }
    });
  });
}
