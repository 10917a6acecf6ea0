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
      app.use('*', idempotency(db));
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
    const post = (app: Hono, path: string, key?: string) =>
      app.request(path, { method: 'POST', headers: key ? { 'Idempotency-Key': key } : {} });

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
  });
}
