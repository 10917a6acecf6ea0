import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';

const RATING = JSON.stringify({ deviceKey: 'tablet-quay-1', counter: '1', answers: { overall: 3 } });

for (const target of TEST_DATABASES) {
  describe(`request bodies are JSON only on ${target.name}`, () => {
    it('refuses text/plain, form and multipart bodies (no CORS preflight) with 415, takes application/json', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = createApp({ db });
        const post = (type: string | undefined, body: string) =>
          app.request('/api/ratings', {
            method: 'POST',
            // A counter-level rating, from counter 1's credential.
            headers: {
              authorization: 'Bearer demo-counter-1',
              ...(type === undefined ? {} : { 'content-type': type }),
            },
            body,
          });
        // What a form or fetch() on any website can send without asking the server first.
        for (const type of [
          'text/plain',
          'text/plain;charset=UTF-8',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ]) {
          const res = await post(type, RATING);
          expect(res.status, type).to.equal(415);
          const body = (await res.json()) as { error: { code: string; message: { vi: string; en: string } } };
          expect(body.error.code).to.equal('unsupported-media-type');
          expect(body.error.message.en).to.equal('The request body must be JSON (Content-Type: application/json)');
        }
        expect(await db.query('select id from ratings')).to.deep.equal([]);
        expect((await post('application/json', RATING)).status).to.equal(201);
        expect((await post('application/json; charset=utf-8', RATING)).status).to.equal(201);
        // A counter command without a body needs no type.
        const next = await app.request('/api/queue/counters/1/call-next', {
          method: 'POST',
          headers: { authorization: 'Bearer demo-counter-1' },
        });
        expect(next.status).to.not.equal(415);
        // A browser's DELETE without a body: no length, and the Node server's empty body stream (signing out).
        const empty = new ReadableStream({ start: (controller) => controller.close() });
        const signOut = await app.request('/api/session', {
          method: 'DELETE',
          headers: { origin: 'http://localhost' },
          body: empty,
          duplex: 'half',
        } as RequestInit);
        expect(signOut.status).to.not.equal(415);
        // A body streamed without a length still needs its type.
        const streamed = new ReadableStream({
          start: (controller) => {
            controller.enqueue(new TextEncoder().encode('a=1'));
            controller.close();
          },
        });
        const form = await app.request('/api/ratings', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: streamed,
          duplex: 'half',
        } as RequestInit);
        expect(form.status).to.equal(415);
      } finally {
        await db.close();
      }
    });
  });
}
