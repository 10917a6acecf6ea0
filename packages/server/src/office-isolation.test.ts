// Offices sharing one PostgreSQL cannot reach each other's rows: not through a route, and not through a raw query
// of the application's role (row-level security, migration 0017-office-isolation). The application connects as a
// role that owns nothing; the tables' owner, not a superuser, is bound too (FORCE).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Hono } from 'hono';
import pg from 'pg';
import { ROUTE_ACCESS } from './access.js';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
// Under CI=true it refuses to run without PostgreSQL, rather than skipping.
import './db/databases.test-support.js';
import { type ApplicationRoleDatabase, openAsApplicationRole } from './db/application-role.test-support.js';
import { migrate, PROVINCE_TABLES } from './db/migrations.js';
import { adminHeaders, pairDevice } from './devices/pairing.test-support.js';
import { call } from './http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from './office/office.js';
import { sessionHeaders, testUser } from './staff/staff.test-support.js';

const serverUrl = process.env.MOTCUA_TEST_DATABASE_URL;
const NOW = Date.UTC(2026, 11, 4, 2, 0);
const CATALOGUE = JSON.parse(
  readFileSync(new URL('../../../examples/data/catalogue.json', import.meta.url), 'utf8'),
) as { agency: Record<string, string> };

/** The example catalogue with an agency code of the office's own (dossier codes carry it). */
function catalogueOf(agencyCode: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'motcua-rls-')), 'catalogue.json');
  writeFileSync(file, JSON.stringify({ ...CATALOGUE, agency: { ...CATALOGUE.agency, code: agencyCode } }));
  return file;
}

/** What office B writes, each piece findable in any answer that leaks it. */
const B = {
  office: 'xa-ben-canh',
  applicant: 'Lê Văn Hàng Xóm',
  device: 'Ki-ốt xã bên cạnh',
  user: 'canbo-ben-canh',
} as const;

const office = (id: string, counterToken: string, kioskToken: string) =>
  parseOffice(
    {
      ...DEMO_OFFICE,
      id,
      queue: { ...DEMO_OFFICE.queue, counters: [{ id: '1', services: ['ho-tich'], token: counterToken }] },
      kiosks: [{ id: 'k', token: kioskToken }],
    },
    { demo: false },
  );

/** An office's day: a ticket taken, called and served with a dossier received, a rating, a paired kiosk. */
async function workDay(app: Hono, db: Database, id: string, names: { applicant: string; device: string }) {
  const admin = await adminHeaders(db, id, NOW);
  const kiosk = { authorization: `Bearer kiosk-of-${id}-${'k'.repeat(32)}`, 'content-type': 'application/json' };
  const counter = { authorization: `Bearer counter-of-${id}-${'c'.repeat(32)}`, 'content-type': 'application/json' };
  const ticket = await call(
    app,
    'POST',
    '/api/queue/tickets',
    { ...kiosk, 'idempotency-key': `t-${id}` },
    {
      service: 'ho-tich',
    },
  );
  expect(ticket.status, ticket.text).to.equal(201);
  expect((await call(app, 'POST', '/api/queue/counters/1/call-next', counter, {})).status).to.equal(200);
  const dossier = await call(
    app,
    'POST',
    '/api/dossiers',
    { ...counter, 'idempotency-key': `d-${id}` },
    {
      procedure: '1.004194',
      applicant: { name: names.applicant, phone: '0905 123 456' },
      documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
    },
  );
  expect(dossier.status, dossier.text).to.equal(201);
  await pairDevice(app, admin, { name: names.device, kind: 'kiosk' });
  return { admin, counter, code: dossier.body.code as string, pin: dossier.body.pin as string };
}

describe('offices on one PostgreSQL, as the application role', { skip: !serverUrl && 'needs PostgreSQL' }, () => {
  let roles: ApplicationRoleDatabase;
  let superuser: pg.Client;
  let schema: string;
  let ownerDb: Database;
  let db: Database;
  let here: Awaited<ReturnType<typeof workDay>>;
  let there: Awaited<ReturnType<typeof workDay>>;
  let app: Hono;
  let neighbour: Hono;

  before(async () => {
    roles = await openAsApplicationRole(serverUrl as string);
    ({ superuser, schema, owner: ownerDb, db } = roles);
    const options = { db, now: () => NOW, secret: 's'.repeat(40) };
    const k = 'k'.repeat(32);
    const c = 'c'.repeat(32);
    app = createApp({
      ...options,
      catalogue: catalogueOf('000.00.31.H62'),
      office: office('xa-day', `counter-of-xa-day-${c}`, `kiosk-of-xa-day-${k}`),
    });
    neighbour = createApp({
      ...options,
      catalogue: catalogueOf('000.00.32.H62'),
      office: office(B.office, `counter-of-${B.office}-${c}`, `kiosk-of-${B.office}-${k}`),
    });
    here = await workDay(app, db.forOffice('xa-day'), 'xa-day', {
      applicant: 'Nguyễn Thị Ở Đây',
      device: 'Ki-ốt ở đây',
    });
    there = await workDay(neighbour, db.forOffice(B.office), B.office, B);
    await testUser(db.forOffice(B.office), B.office, B.user, ['officer']);
  });

  after(() => roles?.close());

  it('puts every table but the migrations under forced row-level security, with an office column', async () => {
    const { rows } = await superuser.query<{ name: string; rls: boolean; forced: boolean; office: boolean }>(
      `select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
              exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'office') as office
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and c.relkind = 'r' and c.relname <> 'motcua_migrations'
        order by c.relname`,
      [schema],
    );
    expect(rows.length).to.be.at.least(23);
    // The application role starts on the database its owner migrated, and may not change it.
    expect(await migrate(db)).to.deep.equal([]);
    const more = await migrate(db, [{ id: '9999-later', sql: 'create table later (id text)' }]).catch(
      (error: Error) => error.message,
    );
    expect(more).to.match(/9999-later needs the tables' owner .*motcua-server migrate/);
    const officeTables = rows.filter((r) => !PROVINCE_TABLES.includes(r.name));
    expect(officeTables.filter((r) => !(r.rls && r.forced && r.office)).map((r) => r.name)).to.deep.equal([]);
    // The province's list of offices is the province's: no office column, read by every office's connection.
    expect(rows.filter((r) => PROVINCE_TABLES.includes(r.name))).to.have.deep.members(
      PROVINCE_TABLES.map((name) => ({ name, rls: false, forced: false, office: false })),
    );
  });

  it('shows a raw query of the application role its own office only, nothing unscoped, and refuses writes elsewhere', async () => {
    const { rows: tables } = await superuser.query<{ name: string }>(
      `select table_name as name from information_schema.columns
        where table_schema = $1 and column_name = 'office' order by table_name`,
      [schema],
    );
    const count = async (sql: string, on: Pick<Database, 'query'> | pg.Client, params: unknown[] = []) => {
      const rows =
        on instanceof pg.Client ? (await on.query(sql, params)).rows : await (on as Database).query(sql, params);
      return Number(rows[0]?.n);
    };
    const seen: Record<string, { neighbour: number; leaked: number; unscoped: number; owner: number }> = {};
    for (const { name } of tables) {
      seen[name] = {
        neighbour: await count(`select count(*) as n from ${schema}.${name} where office = $1`, superuser, [B.office]),
        leaked: await count(`select count(*) as n from ${name} where office <> 'xa-day'`, db.forOffice('xa-day')),
        unscoped: await count(`select count(*) as n from ${name}`, db),
        owner: await count(`select count(*) as n from ${name}`, ownerDb),
      };
    }
    // The neighbour's day left rows in the tables a day touches; none of them is visible from here.
    for (const name of ['queue_tickets', 'dossiers', 'dossier_sequences', 'audit_events', 'devices', 'staff_users']) {
      expect(seen[name]?.neighbour, name).to.be.greaterThan(0);
    }
    expect(Object.entries(seen).filter(([, s]) => s.leaked + s.unscoped + s.owner > 0)).to.deep.equal([]);
    // Writing a row of another office is refused by the database itself.
    const refused = await db
      .forOffice('xa-day')
      .query(`insert into queue_counter_pauses (office, counter) values ($1, '1')`, [B.office])
      .then(
        () => 'written',
        (error: { code?: string }) => error.code,
      );
    expect(refused).to.equal('42501');
  });

  it('answers no route of this office with anything of the neighbour’s, whoever asks', async () => {
    const officer = await testUser(db.forOffice('xa-day'), 'xa-day', 'lanh-dao-o-day', ['officer', 'leader', 'admin']);
    const callers = {
      admin: await sessionHeaders(db.forOffice('xa-day'), officer, NOW),
      counter: here.counter,
      citizen: {},
    };
    const secrets = [B.office, B.applicant, B.device, B.user, there.code];
    const leaks: string[] = [];
    let reads = 0;
    for (const route of Object.keys(ROUTE_ACCESS)) {
      const [method, pattern] = route.split(' ') as [string, string];
      if (method !== 'GET' || pattern === '/api/queue/events') continue;
      // The neighbour's dossier by its own code and PIN, and every other path with this office's things.
      const path = pattern
        .replace(':code', there.code)
        .replace('counters/:id/', 'counters/1/')
        .replace(/:[a-z]+/g, 'x');
      for (const [who, headers] of Object.entries(callers)) {
        const res = await call(app, 'GET', `${path}${path.includes('?') ? '&' : '?'}from=2026-01-01&to=2026-12-31`, {
          ...headers,
          'dossier-pin': there.pin,
        });
        reads += 1;
        // A page may repeat the code the request itself named (the unsubscribe page does); nothing else of it.
        for (const secret of secrets) {
          if (res.text.includes(secret) && !(secret === there.code && path.includes(secret))) {
            leaks.push(`${route} as ${who}: ${secret}`);
          }
        }
        if (pattern === '/api/dossiers/:code' && res.status !== 404) leaks.push(`${route} as ${who}: ${res.status}`);
      }
    }
    expect(reads).to.be.greaterThan(20);
    expect(leaks).to.deep.equal([]);
    // The same lookup on the neighbour's own app finds it: the walk above looked for something that is there.
    const own = await call(neighbour, 'GET', `/api/dossiers/${there.code}`, { 'dossier-pin': there.pin });
    expect(own.status, own.text).to.equal(200);
    expect(own.text).to.include(there.code);
  });
});
