// How many statements (each one round trip to PostgreSQL) the busiest requests of a working day send: a ticket, a
// call, a dossier received, a ticket finished, a rating, a dossier looked up. On one PostgreSQL shared by a province,
// round trips are what an instance spends most of its time on (see the province-day benchmark's profile), so each
// count here is a ceiling that a change may lower, not raise without saying why.
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import pg from 'pg';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
import { TEST_DATABASES } from './db/databases.test-support.js';
import { migrate } from './db/migrations.js';
import { call, type Json } from './http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from './office/office.js';

const CATALOGUE = new URL('../../../examples/data/catalogue.json', import.meta.url).pathname;
const JSON_BODY = { 'content-type': 'application/json' };
const COUNTER = { ...JSON_BODY, authorization: 'Bearer demo-counter-1' };
const KIOSK = { ...JSON_BODY, authorization: 'Bearer demo-kiosk' };

/** The most statements each request may send, once the office's settings are loaded. */
const CEILINGS = {
  'POST /api/queue/tickets': 17,
  'POST /api/queue/counters/1/call-next': 20,
  'POST /api/dossiers': 9,
  'POST /api/queue/counters/1/done': 27,
  'POST /api/ratings': 9,
  'GET /api/dossiers/{code}': 4,
} as const;

const postgres = TEST_DATABASES.find((target) => target.name === 'PostgreSQL');

describe('statements per request on PostgreSQL', { skip: postgres ? false : 'no PostgreSQL server named' }, () => {
  let db: Database;
  let sent: string[] = [];
  const query = pg.Client.prototype.query;
  before(async () => {
    db = await (postgres as NonNullable<typeof postgres>).open();
    await migrate(db);
    // Every statement the pool's connections send, but the office's name set on a connection (once per connection).
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      const sql = typeof first === 'string' ? first : (first?.text ?? '');
      if (!sql.includes("set_config('motcua.office'")) sent.push(sql.replace(/\s+/g, ' ').slice(0, 100));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  });
  after(async () => {
    pg.Client.prototype.query = query;
    await db.close();
  });

  it('stays within each request’s ceiling through a day’s cycle of ticket, call, dossier, done, rating, lookup', async () => {
    const office = parseOffice(DEMO_OFFICE, { demo: true });
    const clock = { now: Date.UTC(2026, 11, 4, 2, 0) }; // Friday 4 December 2026, 09:00 in Vietnam
    const app = createApp({
      db: db.forOffice(office.id),
      office,
      catalogue: CATALOGUE,
      now: () => clock.now,
      secret: 's'.repeat(40),
    });
    const counted = new Map<string, number[]>();
    const send = async (name: keyof typeof CEILINGS, method: string, path: string, headers: object, body?: unknown) => {
      sent = [];
      const answer = await call(app, method, path, headers as Record<string, string>, body);
      expect(answer.status, `${name}: ${answer.text}`).to.be.oneOf([200, 201]);
      counted.set(name, [...(counted.get(name) ?? []), sent.length]);
      return { body: answer.body as Json };
    };
    // The first cycle loads the office's settings and catalogue; the next ones are what a working day repeats.
    for (let cycle = 0; cycle < 4; cycle++) {
      const key = (what: string) => ({ 'idempotency-key': `${what}-${cycle}` });
      await send(
        'POST /api/queue/tickets',
        'POST',
        '/api/queue/tickets',
        { ...KIOSK, ...key('t') },
        { service: 'ho-tich' },
      );
      const called = await send(
        'POST /api/queue/counters/1/call-next',
        'POST',
        '/api/queue/counters/1/call-next',
        { ...COUNTER, ...key('c') },
        {},
      );
      const dossier = await send(
        'POST /api/dossiers',
        'POST',
        '/api/dossiers',
        { ...COUNTER, ...key('d') },
        {
          procedure: '1.004194',
          applicant: { name: 'Nguyễn Văn A', phone: '0905 123 456' },
          documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
        },
      );
      const done = await send(
        'POST /api/queue/counters/1/done',
        'POST',
        '/api/queue/counters/1/done',
        { ...COUNTER, ...key('e') },
        { ticket: called.body.ticket.id },
      );
      await send(
        'POST /api/ratings',
        'POST',
        '/api/ratings',
        { ...JSON_BODY, ...key('r') },
        {
          token: done.body.ratingToken,
          answers: { overall: 3 },
        },
      );
      await send('GET /api/dossiers/{code}', 'GET', `/api/dossiers/${dossier.body.code}`, {
        'dossier-pin': dossier.body.pin,
      });
      clock.now += 60_000;
    }
    for (const [name, ceiling] of Object.entries(CEILINGS)) {
      const steady = (counted.get(name) ?? []).slice(1);
      expect(steady, name).to.have.length(3);
      expect(Math.max(...steady), `${name} sent ${steady.join(', ')} statements`).to.be.at.most(ceiling);
    }
  });
});
