import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';

// Tuesday 2026-03-10, 09:00 in Vietnam.
const NINE = Date.UTC(2026, 2, 10, 2, 0);

for (const target of TEST_DATABASES) {
  describe(`wrong tokens slow their client down on ${target.name}`, () => {
    it('answers 429 with Retry-After after the free failures, to right and wrong tokens alike, then lets the client in', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: NINE };
        const app = createApp({ db, now: () => clock.now });
        // The client's address as @hono/node-server hands it over.
        const from = (client: string) => ({ incoming: { socket: { remoteAddress: client } } });
        const callNext = (token: string, client: string) =>
          app.request(
            '/api/queue/counters/1/call-next',
            { method: 'POST', headers: { authorization: `Bearer ${token}` } },
            from(client),
          );
        const statuses: number[] = [];
        for (let i = 0; i < 40; i++) statuses.push((await callNext(`guess-${i}-xxxxxxxx`, '203.0.113.7')).status);
        expect(statuses.slice(0, 10)).to.deep.equal(Array(10).fill(401));
        expect(statuses.filter((s) => s === 429).length, 'guesses answered 429').to.be.at.least(29);
        // While it waits, even the right token gets no answer from this client: guessing learns nothing.
        const blocked = await callNext('demo-counter-1', '203.0.113.7');
        expect(blocked.status).to.equal(429);
        const retryAfter = Number(blocked.headers.get('retry-after'));
        expect(retryAfter).to.be.within(1, 900);
        const body = (await blocked.json()) as { error: { code: string; message: { vi: string } } };
        expect(body.error.code).to.equal('rate-limited');
        expect(body.error.message.vi).to.match(/^Quá nhiều lần dùng mã truy cập sai/);
        // Another client (another counter PC) is not slowed, and requests without a token never are.
        expect((await callNext('demo-counter-1', '198.51.100.2')).status).to.not.equal(429);
        const board = await app.request('/api/queue/board', {}, from('203.0.113.7'));
        expect(board.status).to.equal(200);
        // After the wait, the client is let in again, and a right token forgets its failures.
        clock.now += retryAfter * 1000;
        expect((await callNext('demo-counter-1', '203.0.113.7')).status).to.not.be.oneOf([401, 429]);
        expect((await callNext('wrong-token-xxxxxxxx', '203.0.113.7')).status).to.equal(401);
      } finally {
        await db.close();
      }
    });

    it('does not count a right token refused by a route that needs someone else: an officer by name, another counter', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = createApp({ db, now: () => NINE });
        const from = { incoming: { socket: { remoteAddress: '203.0.113.9' } } };
        const send = (path: string, token: string) =>
          app.request(
            path,
            {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ type: 'withdrawn' }),
            },
            from,
          );
        const statuses: number[] = [];
        for (let i = 0; i < 15; i++) {
          statuses.push((await send('/api/dossiers/000.00.00.H00-260310-0001/steps', 'demo-counter-1')).status);
          statuses.push((await send('/api/queue/counters/1/call-next', 'demo-counter-2')).status);
        }
        expect(statuses).to.deep.equal(Array(30).fill(403));
        // The office's counters behind that one address still work.
        expect((await send('/api/queue/counters/1/call-next', 'demo-counter-1')).status).to.not.be.oneOf([401, 429]);
      } finally {
        await db.close();
      }
    });
  });
}
