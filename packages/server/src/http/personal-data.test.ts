// Personal data never reaches the logs, and text the database cannot store is refused with its path instead of
// failing the query (and logging it).
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { expect } from 'chai';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { DEMO_DOSSIER } from '../dossiers/demo.js';
import { call } from './call.test-support.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
// Tuesday 2026-03-10, 09:00 in Vietnam.
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const STAFF = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };
const NAME = 'Trần Thị Riêng Tư';
const PHONE = '0912 345 678';
const ADDRESS = '99 Ngõ Kín Đáo, thôn Bí Mật';
const receive = (applicant: Record<string, string>) => ({
  procedure: '1.004194',
  applicant: { name: NAME, phone: PHONE, address: ADDRESS, ...applicant },
  documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
});

/** Everything `console` prints while `work` runs. */
async function captureConsole(work: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const saved = methods.map((m) => console[m]);
  for (const m of methods) {
    console[m] = (...args: unknown[]) => {
      // What console would print, objects with all their properties.
      lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10 }))).join(' '));
    };
  }
  try {
    await work();
  } finally {
    methods.forEach((m, i) => {
      console[m] = saved[i] as (typeof console)[typeof m];
    });
  }
  return lines.join('\n');
}

for (const target of TEST_DATABASES) {
  describe(`personal data and the logs on ${target.name}`, () => {
    async function withApp(work: (app: ReturnType<typeof createApp>, db: Database) => Promise<void>, wrap = false) {
      const db = await target.open();
      try {
        await migrate(db);
        // A database whose dossier insert fails inside PostgreSQL, with the applicant among the query's parameters.
        const failing: Database = {
          ...db,
          query: (sql, params) => db.query(sql.replace('insert into dossiers', 'insert into no_such_table'), params),
          transaction: (fn) =>
            db.transaction((tx) =>
              fn({
                ...tx,
                query: (sql, params) =>
                  tx.query(sql.replace('insert into dossiers', 'insert into no_such_table'), params),
              }),
            ),
          // The app works for its office through this same failing database.
          forOffice: () => failing,
        };
        await work(createApp({ db: wrap ? failing : db, catalogue: CATALOGUE, now: () => NINE }), db);
      } finally {
        await db.close();
      }
    }

    it('refuses a NUL or a lone surrogate with 400 and the field’s path, and stores nothing', () =>
      withApp(async (app, db) => {
        // Lookups add the demo office's sample dossier: count the others.
        const count = async () =>
          (await db.query('select code from dossiers where code <> $1', [DEMO_DOSSIER.code])).length;
        const before = await count();
        const logs = await captureConsole(async () => {
          const nul = await call(app, 'POST', '/api/dossiers', STAFF, receive({ name: `${NAME}\u0000` }));
          expect(nul.status).to.equal(400);
          expect(nul.body.error.code).to.equal('invalid-input');
          expect(nul.body.error.problems).to.deep.equal([
            {
              path: '$.applicant.name',
              code: 'unstorable-text',
              message: {
                vi: 'Văn bản có ký tự không hợp lệ (ký tự NUL hoặc nửa cặp thay thế UTF-16)',
                en: 'The text holds an invalid character (NUL, or half of a UTF-16 surrogate pair)',
              },
            },
          ]);
          const surrogate = await call(app, 'POST', '/api/dossiers', STAFF, receive({ address: 'Thôn \uD800 Đông' }));
          expect(surrogate.status).to.equal(400);
          expect(surrogate.body.error.problems.map((p: { path: string }) => p.path)).to.deep.equal([
            '$.applicant.address',
          ]);
          const lowHalf = await call(app, 'POST', '/api/dossiers', STAFF, receive({ phone: '\uDC00' }));
          expect(lowHalf.body.error.problems.map((p: { path: string }) => p.path)).to.deep.equal(['$.applicant.phone']);
          // A whole pair (an emoji) is fine.
          expect((await call(app, 'POST', '/api/dossiers', STAFF, receive({ name: `${NAME} 🙂` }))).status).to.equal(
            201,
          );
          // A PIN with a NUL is a wrong PIN (the same answer as any other); a code with one is refused, not a failed
          // query (it is a rate-limit key).
          const lookup = await call(app, 'GET', '/api/dossiers/000.00.00.H00-260310-0001?pin=12%00456');
          expect(lookup.status).to.equal(404);
          const path = await call(app, 'GET', '/api/dossiers/000%00?pin=123456');
          expect(path.status, path.text).to.equal(400);
          expect(path.body.error.code).to.equal('unstorable-text');
          const rating = await call(
            app,
            'POST',
            '/api/ratings',
            { 'content-type': 'application/json' },
            {
              deviceKey: 'tablet-\u0000-1',
              counter: '1',
              answers: { overall: 3 },
            },
          );
          expect(rating.status).to.equal(400);
          expect(rating.body.error.problems.map((p: { path: string }) => p.path)).to.deep.equal(['$.deviceKey']);
        });
        expect(await count(), 'only the dossier with the emoji was received').to.equal(before + 1);
        expect(logs).to.not.include(NAME);
        expect(logs).to.not.include(PHONE);
      }));

    it('logs a failed query without its parameters: no name, phone, address or PIN hash', () =>
      withApp(async (app) => {
        let answer: Awaited<ReturnType<typeof call>> | undefined;
        const logs = await captureConsole(async () => {
          answer = await call(app, 'POST', '/api/dossiers', STAFF, receive({}));
        });
        expect(answer?.status).to.equal(500);
        expect(answer?.body.error.code).to.equal('internal-error');
        for (const secret of [NAME, PHONE, ADDRESS, 'Riêng', '0912', 'scrypt', '$argon', 'pin_hash']) {
          expect(logs, `the logs hold ${secret}`).to.not.include(secret);
        }
        expect(logs, 'the failure is logged').to.match(/POST \/api\/dossiers failed: database error \(SQLSTATE 42P01/);
        expect(answer?.text).to.not.include(NAME);
      }, true));
  });
}
