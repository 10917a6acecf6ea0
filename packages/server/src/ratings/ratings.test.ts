import { describe, it } from 'node:test';
import { type CivilDate, fromVietnamTime } from '@motcua/core/calendar';
import { createQueue, type Ticket } from '@motcua/core/queue';
import { createRatingToken } from '@motcua/core/satisfaction';
import { expect } from 'chai';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { adminHeaders, pairDevice } from '../devices/pairing.test-support.js';
import { call } from '../http/call.test-support.js';
import { purgeIdempotencyKeys } from '../http/idempotency.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { createPgQueueStore } from '../queue/pg-queue-store.js';
import { sessionHeaders, signedInAs, testUser } from '../staff/staff.test-support.js';
import { DEFAULT_RATING_INSTRUMENT } from './inputs.js';
import { satisfactionInputs } from './report.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely and let chai check their shape
type Json = Record<string, any>;

// Tuesday 2026-03-10, 09:00 in Vietnam (UTC+7).
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const SECRET = 'rating-secret-'.padEnd(40, 'x');
const JSON_HEADERS = { 'content-type': 'application/json' };
/** Counter 1's and 2's static tokens in the demo office: a counter-level rating comes from a counter's credential. */
const COUNTER_1 = { authorization: 'Bearer demo-counter-1' };
const COUNTER_2 = { authorization: 'Bearer demo-counter-2' };

async function rate(app: Hono, body: unknown, headers: Record<string, string> = {}) {
  const res = await app.request('/api/ratings', {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

for (const target of TEST_DATABASES) {
  describe(`ratings on ${target.name}`, () => {
    let current: { db: Database; office: string } | undefined;
    async function env(office = parseOffice(DEMO_OFFICE, { demo: true })) {
      const db: Database = await target.open();
      await migrate(db);
      const clock = { now: NINE };
      const app = createApp({ db, office, now: () => clock.now, secret: SECRET });
      current = { db, office: office.id };
      return { db, app, clock };
    }
    /** A token for a ticket of the office under test (the ticket is stored: a token rates only its office's visits). */
    const token = async (claims: Record<string, string>, now = NINE) => {
      if (claims.ticket !== undefined && current) {
        await current.db.query(
          `insert into queue_tickets (id, office, service, business_date, status, counter, version, data)
           values ($1, $2, 'ho-tich', '2026-03-10', 'done', $3, 1, '{}'::jsonb) on conflict (id) do nothing`,
          [claims.ticket, current.office, claims.counter ?? '1'],
        );
      }
      return createRatingToken(claims, SECRET, { now });
    };

    it('takes one rating per token, enforced by the database, even when sent twice at once', async () => {
      const { db, app } = await env();
      try {
        const t = await token({ ticket: 'ticket-1', counter: '1' });
        const answers = { overall: 3 };
        const results = await Promise.all([rate(app, { token: t, answers }), rate(app, { token: t, answers })]);
        expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409]);
        const again = await rate(app, { token: t, answers });
        expect(again.status).to.equal(409);
        expect(again.body.error.code).to.equal('token-consumed');
        expect(again.body.error.message.vi).to.equal('Mã đánh giá đã được sử dụng');
        const rows = await db.query<{ transaction_id: string; counter: string }>('select * from ratings');
        expect(rows).to.have.length(1);
        expect(rows[0]).to.deep.include({ transaction_id: 'ticket-1', counter: '1' });
      } finally {
        await db.close();
      }
    });

    it('refuses forged, expired and malformed tokens, and answers off the instrument', async () => {
      const { db, app, clock } = await env();
      try {
        const forged = await createRatingToken({ ticket: 't' }, 'another-secret-'.padEnd(40, 'y'), { now: NINE });
        expect((await rate(app, { token: forged, answers: { overall: 3 } })).body.error.code).to.equal(
          'token-wrong-secret',
        );
        expect((await rate(app, { token: 'r1.nope', answers: { overall: 3 } })).status).to.equal(400);
        const old = await token({ ticket: 't' }, NINE - 40 * 86_400_000);
        expect((await rate(app, { token: old, answers: { overall: 3 } })).status).to.equal(410);
        const fresh = await token({ ticket: 't2' });
        const off = await rate(app, { token: fresh, answers: { overall: 7 } });
        expect(off.status).to.equal(400);
        expect(off.body.error.problems[0]).to.deep.include({ code: 'out-of-range' });
        // A refused answer does not use the token up.
        expect((await rate(app, { token: fresh, answers: { overall: 2 } })).status).to.equal(201);
        clock.now += 1;
        const both = await rate(app, { token: fresh, deviceKey: 'tablet-quay-1', answers: { overall: 2 } });
        expect(both.status).to.equal(400);
      } finally {
        await db.close();
      }
    });

    it('refuses transaction-bound ratings without a signing key long enough, but still takes counter ratings', async () => {
      const db: Database = await target.open();
      await migrate(db);
      current = { db, office: 'demo' };
      try {
        const app = createApp({ db, now: () => NINE, secret: 'too-short-secret' });
        const t = await token({ ticket: 't' });
        const refused = await rate(app, { token: t, answers: { overall: 3 } });
        expect(refused.status).to.equal(503);
        expect(refused.body.error.code).to.equal('no-secret');
        const counterRating = await rate(app, { counter: '1', answers: { overall: 3 } }, COUNTER_1);
        expect(counterRating.status).to.equal(201);
        const kiosk = { authorization: 'Bearer demo-kiosk', ...JSON_HEADERS };
        const counter = { authorization: 'Bearer demo-counter-1' };
        await app.request('/api/queue/tickets', { method: 'POST', headers: kiosk, body: '{"service":"ho-tich"}' });
        await app.request('/api/queue/counters/1/call-next', { method: 'POST', headers: counter });
        const done = await app.request('/api/queue/counters/1/done', { method: 'POST', headers: counter });
        expect(done.status).to.equal(200);
        expect(await done.json()).not.to.have.property('ratingToken');
      } finally {
        await db.close();
      }
    });

    it('accepts a rating token only at the office that issued it, also when offices share one database and secret', async () => {
      const { db, app } = await env();
      try {
        const other = createApp({
          db,
          office: parseOffice({ ...DEMO_OFFICE, id: 'xa-khac', kiosks: [{ id: 'k', token: 'kiosk-of-xa-khac' }] }),
          now: () => NINE,
          secret: SECRET,
        });
        // A visit of the other office, and its token.
        await other.request('/api/queue/tickets', {
          method: 'POST',
          headers: { authorization: 'Bearer kiosk-of-xa-khac', ...JSON_HEADERS },
          body: '{"service":"ho-tich"}',
        });
        const counter = { authorization: 'Bearer demo-counter-1' };
        await other.request('/api/queue/counters/1/call-next', { method: 'POST', headers: counter });
        const done = await other.request('/api/queue/counters/1/done', { method: 'POST', headers: counter });
        const { ratingToken } = (await done.json()) as { ratingToken: string };
        const here = await rate(app, { token: ratingToken, answers: { overall: 1 } });
        expect(here.status).to.equal(401);
        expect(here.body.error.code).to.equal('token-other-office');
        expect(here.body.error.message.vi).to.equal('Mã đánh giá không do cơ quan này cấp');
        // A ticket or dossier this office never had, and a counter it does not have, are refused the same way.
        const unknownTicket = await createRatingToken({ ticket: 'no-such-ticket' }, SECRET, { now: NINE });
        expect((await rate(app, { token: unknownTicket, answers: { overall: 1 } })).body.error.code).to.equal(
          'token-other-office',
        );
        const unknownDossier = await createRatingToken({ dossier: '000.00.00.H99-260310-0001' }, SECRET, { now: NINE });
        expect((await rate(app, { token: unknownDossier, answers: { overall: 1 } })).status).to.equal(401);
        const unknownCounter = await createRatingToken({ counter: '99' }, SECRET, { now: NINE });
        expect((await rate(app, { token: unknownCounter, answers: { overall: 1 } })).status).to.equal(401);
        expect(await db.query("select 1 from ratings where office = 'demo'")).to.deep.equal([]);
        // At the office that issued it, the token is taken.
        const there = await rate(other, { token: ratingToken, answers: { overall: 3 } });
        expect(there.status, JSON.stringify(there.body)).to.equal(201);
      } finally {
        await db.close();
      }
    });

    it('takes counter-level ratings from the counter’s credential, for its own counter only, and drops a honeypot silently', async () => {
      const { db, app } = await env();
      try {
        const exact = { id: 'vn-one-stop-rating', version: '1' };
        const form = await rate(
          app,
          { deviceKey: 'tablet-quay-1', counter: '1', instrument: exact, answers: { overall: 2 }, honeypot: '' },
          COUNTER_1,
        );
        expect(form.status).to.equal(201);
        const missing = await rate(
          app,
          { counter: '1', instrument: { ...exact, version: '0' }, answers: {} },
          COUNTER_1,
        );
        expect(missing.status).to.equal(404);
        // The counter comes from the credential; the body need not name it.
        const ok = await rate(app, { answers: { overall: 1, reason: 'Chậm' } }, COUNTER_1);
        expect(ok.status).to.equal(201);
        const another = await rate(app, { counter: '2', answers: { overall: 3 } }, COUNTER_1);
        expect(another.status).to.equal(403);
        const unknown = await rate(app, { counter: '9', answers: { overall: 3 } }, COUNTER_1);
        expect(unknown.status).to.equal(403);
        const kiosk = await rate(
          app,
          { counter: '1', answers: { overall: 3 } },
          { authorization: 'Bearer demo-kiosk' },
        );
        expect(kiosk.status).to.equal(401);
        const bot = await rate(app, { counter: '1', answers: { overall: 3 }, honeypot: 'x' });
        expect(bot.status).to.equal(201);
        const rows = await db.query<{ device_key: string; token_id: string | null; counter: string }>(
          'select * from ratings order by id',
        );
        expect(rows).to.have.length(2);
        expect(rows[0]).to.deep.include({ device_key: 'counter-token:1', token_id: null, counter: '1' });
      } finally {
        await db.close();
      }
    });

    it('counts a counter rating once when its tablet sends it again after the stored answers are purged', async () => {
      const { db, app, clock } = await env();
      try {
        const body = { deviceKey: 'tablet-quay-1', counter: '1', answers: { overall: 3 } };
        const key = { 'idempotency-key': 'rating-7f3a', ...COUNTER_1 };
        const first = await rate(app, body, key);
        expect(first.status).to.equal(201);
        clock.now += 3 * 24 * 3_600_000; // three days offline, and the server purged the stored answers meanwhile
        expect(await purgeIdempotencyKeys(db, Date.now() + 60_000)).to.be.greaterThan(0);
        const again = await rate(app, body, key);
        expect(again.status).to.equal(201);
        expect(again.body.id).to.equal(first.body.id);
        // Another key is another rating, even with the same answers.
        const another = await rate(app, body, { 'idempotency-key': 'rating-81c0', ...COUNTER_1 });
        expect(another.status).to.equal(201);
        expect(another.body.id).not.to.equal(first.body.id);
        const rows = await db.query<{ n: number }>('select count(*)::int as n from ratings');
        expect(rows[0]?.n).to.equal(2);
      } finally {
        await db.close();
      }
    });

    it('limits counter ratings per device and per counter and token ratings per token, never for everyone at once', async () => {
      const office = parseOffice({
        ...DEMO_OFFICE,
        rateLimits: {
          counterRatings: { limit: 2, windowSeconds: 600 },
          counterRatingsPerCounter: { limit: 3, windowSeconds: 600 },
          ratings: { limit: 2, windowSeconds: 600 },
        },
      });
      const { db, app, clock } = await env(office);
      try {
        const from = (headers: Record<string, string>, deviceKey = 'tablet-quay-1') =>
          rate(app, { deviceKey, answers: { overall: 3 } }, headers);
        expect((await from(COUNTER_1)).status).to.equal(201);
        expect((await from(COUNTER_1)).status).to.equal(201);
        const limited = await from(COUNTER_1);
        expect(limited.status).to.equal(429);
        expect(limited.body.error.code).to.equal('rate-limited');
        expect(Number(limited.headers.get('retry-after'))).to.be.within(1, 600);
        // Another key in the body is the same device: still limited.
        expect((await from(COUNTER_1, 'tablet-quay-1-bis')).status).to.equal(429);
        expect((await from(COUNTER_2)).status).to.equal(201);
        const t = await token({ ticket: 'x' });
        await rate(app, { token: t, answers: { overall: 3 } });
        await rate(app, { token: t, answers: { overall: 3 } });
        expect((await rate(app, { token: t, answers: { overall: 3 } })).status).to.equal(429);
        const other = await token({ ticket: 'y' });
        expect((await rate(app, { token: other, answers: { overall: 3 } })).status).to.equal(201);
        clock.now += 600_000;
        expect((await from(COUNTER_1)).status).to.equal(201);
      } finally {
        await db.close();
      }
    });

    it('does not count retries of one rating against its token’s limit, answered or still in progress', async () => {
      const office = parseOffice({ ...DEMO_OFFICE, rateLimits: { ratings: { limit: 2, windowSeconds: 600 } } });
      const { db, app } = await env(office);
      try {
        const t = await token({ ticket: 'x' });
        const send = (key: string) => rate(app, { token: t, answers: { overall: 3 } }, { 'idempotency-key': key });
        // The answer was lost: the citizen's phone sends it again, and again.
        expect((await send('k1')).status).to.equal(201);
        for (let i = 0; i < 4; i++) {
          const again = await send('k1');
          expect(again.status, `retry ${i + 1}`).to.equal(201);
          expect(again.headers.get('idempotent-replayed')).to.equal('true');
        }
        // A server that died mid-request left its key claimed with no answer: each retry is told to wait.
        const u = await token({ ticket: 'y' });
        await db.query(
          `insert into idempotency_keys (key, route, scope, fingerprint, office)
           select 'k2', route, scope, null, office from idempotency_keys where key = 'k1'`,
        );
        const pending = () => rate(app, { token: u, answers: { overall: 2 } }, { 'idempotency-key': 'k2' });
        for (let i = 0; i < 4; i++)
          expect((await pending()).body.error.code, `retry ${i + 1}`).to.equal('request-in-progress');
        // Each token still has its own requests left: one more new request passes the limit, the next does not.
        const fresh = await rate(app, { token: u, answers: { overall: 2 } }, { 'idempotency-key': 'k3' });
        expect(fresh.status).to.equal(201);
        expect((await send('k4')).body.error.code).to.equal('token-consumed');
        expect((await send('k5')).status).to.equal(429);
      } finally {
        await db.close();
      }
    });

    it('refuses counter ratings without a counter’s credential, so no rotating key floods a counter', async () => {
      const office = parseOffice(
        {
          ...DEMO_OFFICE,
          rateLimits: {
            counterRatings: { limit: 2, windowSeconds: 600 },
            counterRatingsPerCounter: { limit: 3, windowSeconds: 600 },
          },
        },
        { demo: true },
      );
      const { db, clock } = await env(office);
      try {
        const app = createApp({ db, office, now: () => clock.now, secret: SECRET });
        const admin = await adminHeaders(db);
        // What the probe did: 500 counter ratings, each with a new device key, no credential.
        const statuses = new Set<number>();
        for (let i = 0; i < 500; i++) {
          const flood = await rate(app, { deviceKey: `tablet-${i}-of-nobody`, counter: '1', answers: { overall: 1 } });
          statuses.add(flood.status);
        }
        expect([...statuses]).to.deep.equal([401]);
        const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from ratings'))[0]?.n;
        expect(await count()).to.equal(0);

        // A paired tablet rates its counter; the counter's limit counts all its devices together.
        const tablet = await pairDevice(app, admin, { name: 'Máy tính bảng quầy 1', kind: 'counter', counter: '1' });
        const fromTablet = { authorization: `Bearer ${tablet.credential}` };
        expect((await rate(app, { answers: { overall: 3 } }, fromTablet)).status).to.equal(201);
        expect((await rate(app, { answers: { overall: 3 } }, fromTablet)).status).to.equal(201);
        expect((await rate(app, { answers: { overall: 3 } }, COUNTER_1)).status).to.equal(201);
        expect((await rate(app, { answers: { overall: 3 } }, COUNTER_1)).status).to.equal(429);
        const keys = await db.query<{ device_key: string }>('select device_key from ratings order by id');
        expect(keys.map((k) => k.device_key)).to.deep.equal([
          `device:${tablet.id}`,
          `device:${tablet.id}`,
          'counter-token:1',
        ]);
        // Revoked: its credential rates nothing more, and what it recorded stays.
        clock.now += 600_000;
        expect((await call(app, 'DELETE', `/api/devices/${tablet.id}`, admin)).status).to.equal(204);
        expect((await rate(app, { answers: { overall: 1 } }, fromTablet)).status).to.equal(401);
        expect(await count()).to.equal(3);
      } finally {
        await db.close();
      }
    });

    it('takes a counter rating on the screen of an officer signed in at the counter, for the counter the console names', async () => {
      const { db, app } = await env();
      try {
        const office = current?.office as string;
        const canbo = await testUser(db, office, 'canbo1', ['officer'], NINE);
        const officer = await sessionHeaders(db, canbo, NINE);
        const leader = await sessionHeaders(db, await testUser(db, office, 'lanhdao', ['leader'], NINE), NINE);
        const atCounter2 = { ...officer, 'motcua-counter': '2' };
        // The console names its counter: the rating is that counter's, kept under the officer.
        const rated = await rate(app, { channel: 'counter-tablet', answers: { overall: 3 } }, atCounter2);
        expect(rated.status, JSON.stringify(rated.body)).to.equal(201);
        const rows = await db.query<{ device_key: string; counter: string; channel: string }>(
          'select device_key, counter, channel from ratings',
        );
        expect(rows).to.deep.equal([{ device_key: `officer:${canbo.id}`, counter: '2', channel: 'counter-tablet' }]);
        // Another counter in the body than the console's: refused, as for a tablet.
        expect((await rate(app, { counter: '1', answers: { overall: 1 } }, atCounter2)).status).to.equal(403);
        // A counter the office does not have, no counter named, a leader's session, no session: not a counter's rating.
        const unknown = await rate(app, { answers: { overall: 1 } }, { ...officer, 'motcua-counter': '99' });
        expect([unknown.status, unknown.body.error?.code]).to.deep.equal([404, 'unknown-counter']);
        expect((await rate(app, { answers: { overall: 1 } }, officer)).status).to.equal(401);
        expect((await rate(app, { answers: { overall: 1 } }, { ...leader, 'motcua-counter': '2' })).status).to.equal(
          401,
        );
        expect((await rate(app, { answers: { overall: 1 } }, { 'motcua-counter': '2' })).status).to.equal(401);
        // The session cookie from another site is refused before anything is stored.
        const crossSite = await rate(
          app,
          { answers: { overall: 1 } },
          { ...atCounter2, origin: 'https://evil.example' },
        );
        expect(crossSite.status).to.equal(403);
        expect(await db.query('select id from ratings')).to.have.length(1);
      } finally {
        await db.close();
      }
    });

    it('reads only the period’s ratings and finished tickets, a page at a time', async () => {
      const { db } = await env();
      try {
        // Vietnam midnight starting 2026-03-10 is 2026-03-09T17:00Z.
        const MIDNIGHT = Date.UTC(2026, 2, 9, 17, 0);
        const DAY = 86_400_000;
        const times = [
          MIDNIGHT - 1,
          MIDNIGHT,
          MIDNIGHT + 5 * 3_600_000,
          MIDNIGHT + DAY,
          MIDNIGHT + 2 * DAY - 1,
          MIDNIGHT + 2 * DAY,
        ];
        for (const [i, at] of times.entries()) {
          await db.query(
            `insert into ratings (office, device_key, instrument_id, instrument_version, answers, submitted_at, counter)
             values ($1, 'device-1', $2, '1', '{"overall":1}', $3, $4)`,
            ['demo', DEFAULT_RATING_INSTRUMENT, at, String(i)],
          );
          await db.query(
            `insert into queue_tickets (id, office, service, business_date, status, counter, version, data)
             values ($1, 'demo', 'ho-tich', '2026-03-10', $2, '1', 1, $3::jsonb)`,
            [`t${i}`, i === 2 ? 'serving' : 'done', JSON.stringify({ id: `t${i}`, counter: '1', endedAt: at })],
          );
        }
        // A rating at the same instant as another: pages in (submitted_at, id) order split ties by id.
        await db.query(
          `insert into ratings (office, device_key, instrument_id, instrument_version, answers, submitted_at, counter)
           values ('demo', 'device-1', $1, '1', '{"overall":1}', $2, 'tie')`,
          [DEFAULT_RATING_INSTRUMENT, times[3]],
        );
        // Another office's and another instrument's ratings are never read.
        await db.query(
          `insert into ratings (office, device_key, instrument_id, instrument_version, answers, submitted_at)
           values ('other', 'device-2', $1, '1', '{}', $2), ('demo', 'device-2', 'other-instrument', '1', '{}', $2)`,
          [DEFAULT_RATING_INSTRUMENT, MIDNIGHT],
        );
        const query = {
          office: 'demo',
          instrument: DEFAULT_RATING_INSTRUMENT,
          from: '2026-03-10',
          to: '2026-03-11',
          tickets: true,
        };
        const paged = await satisfactionInputs(db, { ...query, pageSize: 2 });
        expect(paged).to.deep.equal(await satisfactionInputs(db, query));
        expect(await satisfactionInputs(db, { ...query, pageSize: 1 })).to.deep.equal(paged);
        expect(paged.responses.map((r) => r.counter)).to.deep.equal(['1', '2', '3', 'tie', '4']);
        expect(paged.eligible).to.deep.equal(
          [1, 3, 4].map((i) => ({ servedAt: times[i], transactionId: `t${i}`, counter: '1' })),
        );
        const all = await satisfactionInputs(db, {
          office: 'demo',
          instrument: DEFAULT_RATING_INSTRUMENT,
          tickets: false,
          pageSize: 4,
        });
        expect(all.responses).to.have.length(7);
        expect(all.eligible).to.deep.equal([]);
      } finally {
        await db.close();
      }
    });

    it('counts every ticket served in the period, also one finished after its business date, at any page size', async () => {
      const { db } = await env();
      try {
        // The real queue on this database; the business day starts at 04:00, so a ticket issued at 02:00 belongs to
        // the day before. Period: 2026-03-10 and 2026-03-11, Vietnam time.
        const at = (date: CivilDate, minute: number, ms = 0) => fromVietnamTime(date, minute) + ms;
        const queueOf = (office: string) =>
          createQueue({
            services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
            counters: [{ id: '1', services: ['ho-tich'] }],
            store: createPgQueueStore(db, office),
            dayStartsAt: '04:00',
          });
        const demo = queueOf('demo');
        const tickets = new Map<string, Ticket>();
        async function visit(name: string, issued: number, ended: number, end = 'finish', queue = demo) {
          const { id } = await queue.issue('ho-tich', { now: issued });
          await queue.call(id, '1', { now: issued + 60_000 });
          if (end === 'finish') {
            await queue.start(id, { now: issued + 120_000 });
            tickets.set(name, await queue.finish(id, { now: ended }));
          } else tickets.set(name, await queue.noShow(id, { now: ended }));
        }
        const start = at('2026-03-10', 0);
        const end = at('2026-03-12', 0);
        await visit('ended before the period', at('2026-03-09', 23 * 60), start - 1);
        await visit('ended as the period starts', at('2026-03-09', 23 * 60 + 30), start);
        await visit(
          'issued 02:00 on the first day, of the day before',
          at('2026-03-10', 2 * 60),
          at('2026-03-10', 150),
        );
        await visit(
          'called days before, finished by its id on the first day',
          at('2026-03-07', 600),
          at('2026-03-10', 540),
        );
        await visit('tie a', at('2026-03-10', 540), at('2026-03-10', 600));
        await visit('tie b', at('2026-03-10', 541), at('2026-03-10', 600));
        await visit('no-show', at('2026-03-10', 540), at('2026-03-10', 630), 'no-show');
        await visit('ended at the last instant', at('2026-03-11', 23 * 60), end - 1);
        await visit('ended as the period ends', at('2026-03-11', 23 * 60 + 30), end);
        await visit('another office', at('2026-03-10', 540), at('2026-03-10', 600), 'finish', queueOf('other'));
        // The edges this test is about: served in the period, of a business date before it.
        expect(tickets.get('issued 02:00 on the first day, of the day before')?.businessDate).to.equal('2026-03-09');
        expect(tickets.get('called days before, finished by its id on the first day')?.businessDate).to.equal(
          '2026-03-07',
        );
        const served = (names: readonly string[]) => names.map((name) => tickets.get(name)?.id ?? name).sort();
        const expected = served([
          'ended as the period starts',
          'issued 02:00 on the first day, of the day before',
          'called days before, finished by its id on the first day',
          'tie a',
          'tie b',
          'ended at the last instant',
        ]);
        // The same as the old query's predicate, read off the tickets themselves.
        const byPredicate = [...tickets.values()]
          .filter((t) => t.status === 'done' && t.endedAt !== undefined && t.endedAt >= start && t.endedAt < end)
          .filter((t) => t.id !== tickets.get('another office')?.id);
        expect(served(byPredicate.map((t) => t.id))).to.deep.equal(expected);
        for (const pageSize of [1, 2, 500]) {
          const { eligible } = await satisfactionInputs(db, {
            office: 'demo',
            instrument: DEFAULT_RATING_INSTRUMENT,
            from: '2026-03-10',
            to: '2026-03-11',
            tickets: true,
            pageSize,
          });
          expect(served(eligible.map((e) => e.transactionId ?? '')), `page size ${pageSize}`).to.deep.equal(expected);
          for (const e of eligible) {
            const ticket = byPredicate.find((t) => t.id === e.transactionId);
            expect(e).to.deep.equal({ servedAt: ticket?.endedAt, transactionId: ticket?.id, counter: '1' });
          }
        }
      } finally {
        await db.close();
      }
    });

    it('reports satisfaction with core’s aggregation, with small groups suppressed, as JSON and CSV', async () => {
      const { db, app, clock } = await env();
      try {
        const leader = { headers: await signedInAs(db, 'demo', ['leader']) };
        const kiosk = { authorization: 'Bearer demo-kiosk', ...JSON_HEADERS };
        const counter = { authorization: 'Bearer demo-counter-1' };
        const tokens: string[] = [];
        for (let i = 0; i < 12; i++) {
          clock.now += 60_000;
          await app.request('/api/queue/tickets', { method: 'POST', headers: kiosk, body: '{"service":"ho-tich"}' });
          await app.request('/api/queue/counters/1/call-next', { method: 'POST', headers: counter });
          const done = await app.request('/api/queue/counters/1/done', { method: 'POST', headers: counter });
          tokens.push(((await done.json()) as { ratingToken: string }).ratingToken);
        }
        for (const [i, t] of tokens.slice(0, 10).entries()) {
          expect(
            (await rate(app, { token: t, answers: { overall: i < 8 ? 3 : 1, ...(i < 8 ? {} : { reason: 'x' }) } }))
              .status,
          ).to.equal(201);
        }
        await rate(app, { deviceKey: 'tablet-quay-2', counter: '2', answers: { overall: 3 } }, COUNTER_2);
        const res = await app.request('/api/reports/satisfaction?groupBy=counter', leader);
        const report = (await res.json()) as Json;
        expect(report.instrument).to.equal('vn-one-stop-rating');
        const [one, two] = report.groups;
        expect(one).to.deep.include({
          key: { counter: '1' },
          suppressed: false,
          formula: 'top2box',
          n: 10,
          eligible: 12,
        });
        expect(one.score).to.be.closeTo(80, 1e-9);
        expect(one.responseRate).to.be.closeTo(10 / 12, 1e-9);
        expect(two).to.deep.equal({ key: { counter: '2' }, suppressed: true });
        const csv = await app.request('/api/reports/satisfaction?groupBy=counter&format=csv', leader);
        expect(csv.headers.get('content-type')).to.contain('text/csv');
        const lines = (await csv.text()).trim().split('\r\n');
        expect(lines[0]).to.equal(
          'counter,suppressed,formula,n,unanswered,score,interval_low,interval_high,eligible,response_rate',
        );
        expect(lines[1]).to.match(/^1,false,top2box,10,0,80(\.0+)?,/);
        expect(lines[2]).to.equal('2,true,,,,,,,,');
        const empty = await app.request('/api/reports/satisfaction?from=2026-03-11', leader);
        expect(((await empty.json()) as { groups: unknown[] }).groups).to.deep.equal([]);
        const bad = await app.request('/api/reports/satisfaction?groupBy=ip', leader);
        expect(bad.status).to.equal(400);
      } finally {
        await db.close();
      }
    });
  });
}
