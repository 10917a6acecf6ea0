import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { createRateLimiter } from './rate-limit.js';
import { slidingWindowHit } from './sliding-window.js';

const rule = { limit: 5, windowSeconds: 60 };

for (const target of TEST_DATABASES) {
  describe(`the database rate limiter on ${target.name}`, () => {
    it('refuses the second burst a fixed window let through at its boundary, and says when to come back', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const limiter = createRateLimiter(db, 'xa-a');
        // Five just before a minute ends, five just after: a fixed window counted them in two windows.
        const minute = Date.UTC(2026, 2, 10, 2, 0);
        for (let i = 0; i < 5; i++) expect((await limiter.hit('t', 'k', rule, minute - 500 + i)).ok).to.equal(true);
        const after = await limiter.hit('t', 'k', rule, minute + 100);
        expect(after).to.deep.equal({ ok: false, retryAfterSeconds: 60 });
        // A check neither counts nor changes anything; another key has its own window.
        expect(await limiter.check('t', 'k', rule, minute + 100)).to.deep.equal({ ok: false, retryAfterSeconds: 60 });
        expect(await limiter.hit('t', 'other', rule, minute + 100)).to.deep.equal({ ok: true, remaining: 4 });
        // Another office on the same database counts the same name and key on its own.
        const neighbour = createRateLimiter(db, 'xa-b');
        expect(await neighbour.hit('t', 'k', rule, minute + 100)).to.deep.equal({ ok: true, remaining: 4 });
        expect(await limiter.check('t', 'k', rule, minute + 100)).to.deep.equal({ ok: false, retryAfterSeconds: 60 });
        expect((await limiter.hit('t', 'k', rule, minute - 500 + 60_000)).ok).to.equal(true);
      } finally {
        await db.close();
      }
    });

    it('gives the verdicts of the sliding-window log, request after request, checks included', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        let run = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 1, max: 6 }),
            fc.integer({ min: 1, max: 4 }),
            // Steps between requests: together, a second apart, a window apart, and back (another instance's clock).
            fc.array(
              fc.record({
                step: fc.oneof(
                  fc.integer({ min: 0, max: 1_500 }),
                  fc.constant(4_000),
                  fc.integer({ min: -800, max: 0 }),
                ),
                check: fc.boolean(),
              }),
              { maxLength: 25 },
            ),
            async (limit, windowSeconds, requests) => {
              const rule = { limit, windowSeconds };
              const limiter = createRateLimiter(db, 'xa-a');
              const key = `k${run++}`;
              let kept: readonly number[] = [];
              let now = Date.UTC(2026, 2, 10, 2, 0);
              for (const { step, check } of requests) {
                now += step;
                const model = slidingWindowHit(kept, now, rule, !check);
                const expected = model.ok ? { ok: true, remaining: model.remaining } : model;
                if (!check && model.ok) kept = model.stamps;
                const verdict = check
                  ? await limiter.check('t', key, rule, now)
                  : await limiter.hit('t', key, rule, now);
                expect(verdict).to.deep.equal(expected);
              }
            },
          ),
          { numRuns: 40 },
        );
      } finally {
        await db.close();
      }
    });

    it('lets exactly the limit through when requests race, also through two connection pools', async () => {
      const db = await target.open();
      let second: Database | undefined;
      try {
        await migrate(db);
        if (target.name === 'PostgreSQL') {
          const [{ path } = { path: '' }] = await db.query<{ path: string }>('select current_schema() as path');
          const { openPostgres } = await import('../db/postgres.js');
          const scoped = new URL(process.env.MOTCUA_TEST_DATABASE_URL as string);
          scoped.searchParams.set('options', `-c search_path=${path}`);
          second = await openPostgres(scoped.toString(), { max: 4 });
        }
        const limiters = [createRateLimiter(db, 'xa-a'), createRateLimiter(second ?? db, 'xa-a')];
        const at = Date.UTC(2026, 2, 10, 2, 0);
        const verdicts = await Promise.all(
          Array.from({ length: 16 }, (_, i) =>
            (limiters[i % 2] as ReturnType<typeof createRateLimiter>).hit('t', 'race', rule, at + i),
          ),
        );
        expect(verdicts.filter((v) => v.ok).length).to.equal(5);
      } finally {
        await second?.close();
        await db.close();
      }
    });
  });
}
