// A province's IT centre adds a commune's office at run time (motcua-server office add): two instances running on
// one PostgreSQL, as the application role, serve it without a restart — by NOTIFY, or, when the notice was missed,
// by reading the province's list on a request for it — and row-level security keeps its rows to it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readBoardSnapshot } from '@motcua/core/queue';
import { expect } from 'chai';
import type { ServedOffice, ServerConfig } from '../config.js';
import { type ApplicationRoleDatabase, openAsApplicationRole } from '../db/application-role.test-support.js';
import type { Database } from '../db/database.js';
// Under CI=true it refuses to run without PostgreSQL, rather than skipping.
import '../db/databases.test-support.js';
import { openPostgres } from '../db/postgres.js';
import { officeCommand } from '../office/office-cli.js';
import { type RunningServer, startServer } from '../server.js';
import { addedOffice, provinceOfficesOf } from './added-offices.js';
import { insertProvinceOffice, listProvinceOffices } from './offices-store.js';
import { provinceConfig } from './province-config.test-support.js';

const serverUrl = process.env.MOTCUA_TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'motcua-added-offices-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLE = JSON.parse(readFileSync(new URL('../../../../examples/data/catalogue.json', import.meta.url), 'utf8'));

/** The example catalogue with an agency code of its own, in a file. */
function catalogueFile(name: string, agency: string): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ ...EXAMPLE, agency: { ...EXAMPLE.agency, code: agency } }));
  return file;
}

const CONFIGURED: ServedOffice[] = [
  {
    // A configured office as the added ones are: no static tokens (every device paired).
    office: addedOffice('xa-a', { vi: 'UBND xã A', en: 'A Commune' }),
    catalogue: catalogueFile('xa-a', '000.00.41.H62'),
    hosts: ['xa-a.vinhlong.gov.vn'],
  },
];

const config = (): ServerConfig =>
  provinceConfig(dir, { catalogue: catalogueFile('tinh', '000.00.00.H62'), offices: CONFIGURED });

/** A GET with a Host header of our choosing (fetch may not set one). */
function getAsHost(url: string, host: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The office id of the board at `/o/<id>/api/queue/board`, or the error code. */
async function boardOf(base: string, id: string): Promise<string | undefined> {
  const res = await fetch(new URL(`o/${id}/api/queue/board`, base));
  const body = await res.json();
  return res.status === 200 ? readBoardSnapshot(body)?.office?.id : body.error?.code;
}

/** Waits until `check` holds (at most 10 s). */
async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within 10 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('offices added to a province while its instances run', { skip: !serverUrl && 'needs PostgreSQL' }, () => {
  let roles: ApplicationRoleDatabase;
  let first: RunningServer;
  let second: RunningServer;
  /** Readings of the province's list by the first instance. */
  let listReads = 0;
  const lines: string[] = [];
  const PASSWORD = 'mat-khau-cua-quan-tri-xa-moi';
  const command = (args: string[], options: { password?: string; offices?: ServedOffice[] } = {}) =>
    officeCommand(
      {
        db: roles.db,
        office: 'demo',
        now: Date.now,
        offices: options.offices ?? CONFIGURED,
        readPassword: async () => options.password ?? PASSWORD,
        print: (line) => lines.push(line),
        printError: (line) => lines.push(`! ${line}`),
      },
      args,
    );

  before(async () => {
    roles = await openAsApplicationRole(serverUrl as string);
    const counting: Database = {
      ...roles.db,
      query(sql, params) {
        if (/from province_offices/.test(sql)) listReads += 1;
        return roles.db.query(sql, params);
      },
    };
    // The first instance reads the list again for an unknown office at most once an hour: only a NOTIFY brings it an
    // office. The second reads it for each request for an unknown office.
    first = await startServer(config(), { db: counting, officeRecheckMs: 3_600_000 });
    second = await startServer(config(), { db: await openPostgres(roles.url, { max: 4 }), officeRecheckMs: 0 });
  });

  after(async () => {
    await second?.close();
    await first?.close();
    await roles?.close();
  });

  it('serves an office added by `office add` on every running instance, at /o/<id>/ and its host name', async () => {
    // Not yet: the first instance read the list for it, and will not again for an hour.
    expect(await boardOf(first.url, 'xa-moi')).to.equal('unknown-office');
    expect(await boardOf(second.url, 'xa-moi')).to.equal('unknown-office');
    const code = await command([
      'add',
      'xa-moi',
      '--name',
      'UBND xã Mới',
      '--name-en',
      'Moi Commune',
      '--host',
      'XA-MOI.vinhlong.gov.vn',
      '--catalogue',
      catalogueFile('xa-moi', '000.00.43.H62'),
      '--admin',
      'quantri',
    ]);
    expect(code, lines.join('\n')).to.equal(0);
    expect(lines.pop()).to.equal(
      'Đã thêm đơn vị xa-moi / office xa-moi added: /o/xa-moi/, xa-moi.vinhlong.gov.vn (quantri: admin)',
    );
    for (const server of [first, second]) {
      await eventually(`${server.url} serves xa-moi`, async () => (await boardOf(server.url, 'xa-moi')) === 'xa-moi');
      const byHost = await getAsHost(new URL('api/queue/board', server.url).toString(), 'xa-moi.vinhlong.gov.vn:443');
      expect(readBoardSnapshot(JSON.parse(byHost.text))?.office?.id).to.equal('xa-moi');
      // Its own catalogue, published in the database, not the province's file.
      const catalogue = await (await fetch(new URL('o/xa-moi/api/catalogue', server.url))).json();
      expect(catalogue.agency.code).to.equal('000.00.43.H62');
    }
    // Its administrator signs in there, and nowhere else.
    const signIn = (id: string) =>
      fetch(new URL(`o/${id}/api/session`, second.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'quantri', password: PASSWORD }),
      });
    expect((await signIn('xa-moi')).status).to.equal(200);
    expect((await signIn('xa-a')).status).to.equal(401);
    // The configured office is served as before; an office nobody added is still unknown.
    expect(await boardOf(first.url, 'xa-a')).to.equal('xa-a');
    expect(await boardOf(second.url, 'xa-khong-co')).to.equal('unknown-office');
    expect(lines.join('\n')).not.to.include(PASSWORD);
    lines.length = 0;
    expect(await command(['list'])).to.equal(0);
    expect(lines[0]).to.equal('xa-a\tUBND xã A\txa-a.vinhlong.gov.vn\tconfiguration');
    expect(lines[1]).to.match(/^xa-moi\tUBND xã Mới\txa-moi\.vinhlong\.gov\.vn\tdatabase 20\d\d-\d\d-\d\dT/);
    expect(lines).to.have.length(2);
  });

  it('finds an office whose notice it missed when a request asks for it, reading the list at most once per recheckMs', async () => {
    // Added without its NOTIFY, as an instance whose listening connection was being replaced would miss it.
    await roles.db.transaction((tx) =>
      insertProvinceOffice(tx, {
        id: 'xa-lang-le',
        name: { vi: 'UBND xã Lặng Lẽ', en: 'Quiet Commune' },
        createdAt: 0,
      }),
    );
    expect(await boardOf(second.url, 'xa-lang-le')).to.equal('xa-lang-le');
    // The first instance read the list for an unknown office less than an hour ago: a flood of unknown ids (this
    // one among them) is answered 404 from memory, without one more reading.
    const before = listReads;
    const answers = await Promise.all(
      ['xa-lang-le', ...Array.from({ length: 40 }, (_, i) => `xa-khong-co-${i}`)].map((id) => boardOf(first.url, id)),
    );
    expect(new Set(answers)).to.deep.equal(new Set(['unknown-office']));
    expect(listReads - before).to.equal(0);
  });

  it('reads the list again when its listening connection is replaced, finding what was added meanwhile', async () => {
    // Added without a notice: the first instance, which reads the list for unknown offices once an hour, knows nothing.
    await roles.db.transaction((tx) =>
      insertProvinceOffice(tx, { id: 'xa-tre', name: { vi: 'UBND xã Trễ', en: 'Late Commune' }, createdAt: 0 }),
    );
    expect(await boardOf(first.url, 'xa-tre')).to.equal('unknown-office');
    const originalError = console.error;
    console.error = () => {};
    try {
      const { rows } = await roles.superuser.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where usename = $1 and query ilike 'listen%'`,
        [new URL(roles.url).username],
      );
      expect(rows, "the instances' listening connections were found and killed").to.have.length(2);
      await eventually(
        'the first instance serves xa-tre',
        async () => (await boardOf(first.url, 'xa-tre')) === 'xa-tre',
      );
    } finally {
      console.error = originalError;
    }
  });

  it('refuses a malformed id, an id or a host name taken, a bad catalogue, username or password, with the field, writing nothing', async () => {
    const refused = async (args: string[], password?: string) => {
      lines.length = 0;
      const code = await command(['add', ...args], password === undefined ? {} : { password });
      expect(code, lines.join('\n')).to.equal(1);
      return lines.join('\n');
    };
    expect(await refused(['Xã Mới', '--name', 'x'])).to.match(/\$\.id: .*The office id "Xã Mới" is malformed/);
    expect(await refused(['xa-a', '--name', 'x'])).to.match(
      /\$\.id: .*The office "xa-a" exists already in the configuration/,
    );
    expect(await refused(['xa-moi', '--name', 'x'])).to.match(
      /\$\.id: .*The office "xa-moi" exists already in the database/,
    );
    const hosts = await refused([
      'xa-khac',
      '--name',
      'x',
      '--host',
      'xa-a.vinhlong.gov.vn',
      '--host',
      'Xa-Moi.vinhlong.gov.vn',
      '--host',
      'xa-khac.vn:8443',
      '--host',
      'xa-khac.vn',
      '--host',
      'xa-khac.vn',
    ]);
    expect(hosts).to.include('$.hosts[0]: ').and.to.include('belongs to the office "xa-a" in the configuration');
    expect(hosts).to.include('$.hosts[1]: ').and.to.include('belongs to the office "xa-moi" in the database');
    expect(hosts).to.include('$.hosts[2]: ').and.to.include('"xa-khac.vn:8443" (--host) is malformed');
    expect(hosts).to.include('$.hosts[4]: ').and.to.include('"xa-khac.vn" (--host) is given twice');
    expect(hosts).not.to.include('$.hosts[3]');
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ ...EXAMPLE, procedures: 'none' }));
    expect(await refused(['xa-khac', '--name', 'x', '--catalogue', file])).to.match(/\$\.catalogue\.procedures: /);
    expect(await refused(['xa-khac', '--name', ' '])).to.match(/\$\.name\.vi: .*must not be empty/);
    expect(await refused(['xa-khac', '--name', 'x', '--admin', 'quản trị'])).to.match(/\$\.admin: .*malformed/);
    const short = await refused(['xa-khac', '--name', 'x', '--admin', 'quantri'], 'ngan');
    expect(short).to.match(/\$\.admin\.password: .*at least|must be 10 to 256/);
    expect(short).not.to.include('ngan');
    // A configuration of one office adds none.
    lines.length = 0;
    expect(await command(['add', 'xa-khac', '--name', 'x'], { offices: [] })).to.equal(1);
    expect(lines.join('\n')).to.include('only a province');
    // Nothing of it was written.
    expect((await listProvinceOffices(roles.db)).map((o) => o.id)).to.deep.equal(['xa-lang-le', 'xa-moi', 'xa-tre']);
    expect(await boardOf(second.url, 'xa-khac')).to.equal('unknown-office');
  });

  it('keeps the added office’s rows to it: row-level security, as for the configured offices', async () => {
    const { superuser, schema, db } = roles;
    const { rows: tables } = await superuser.query<{ name: string }>(
      `select table_name as name from information_schema.columns
        where table_schema = $1 and column_name = 'office' order by table_name`,
      [schema],
    );
    const count = async (on: Pick<Database, 'query'>, sql: string) => Number((await on.query(sql))[0]?.n);
    const seen: Record<string, { rows: number; own: number; fromA: number; unscoped: number }> = {};
    for (const { name } of tables) {
      const { rows } = await superuser.query(`select count(*) as n from ${schema}.${name} where office = 'xa-moi'`);
      seen[name] = {
        rows: Number(rows[0]?.n),
        own: await count(db.forOffice('xa-moi'), `select count(*) as n from ${name}`),
        fromA: await count(db.forOffice('xa-a'), `select count(*) as n from ${name} where office = 'xa-moi'`),
        unscoped: await count(db, `select count(*) as n from ${name} where office = 'xa-moi'`),
      };
    }
    // The command and the start left rows: its settings, catalogue, administrator, audit trail, a session.
    for (const name of ['office_settings', 'office_catalogues', 'staff_users', 'staff_user_roles', 'audit_events']) {
      expect(seen[name]?.rows, name).to.be.greaterThan(0);
    }
    expect(Object.entries(seen).filter(([, s]) => s.fromA + s.unscoped > 0 || s.own < s.rows)).to.deep.equal([]);
    const refused = await db
      .forOffice('xa-a')
      .query(`insert into queue_counter_pauses (office, counter) values ('xa-moi', '1')`)
      .then(
        () => 'written',
        (error: { code?: string }) => error.code,
      );
    expect(refused).to.equal('42501');
    // The province's list is read whichever office a connection works for.
    for (const on of [db, db.forOffice('xa-a'), db.forOffice('xa-moi')]) {
      expect((await listProvinceOffices(on)).map((o) => o.id)).to.deep.equal(['xa-lang-le', 'xa-moi', 'xa-tre']);
    }
    // The province's figures count it with the configuration's offices.
    const offices = await provinceOfficesOf(
      db,
      CONFIGURED.map((s) => s.office),
    );
    expect(offices.map((o) => o.id)).to.deep.equal(['xa-a', 'xa-lang-le', 'xa-moi', 'xa-tre']);
  });

  it('stops serving an office merged into another by `office merge` on every instance, through NOTIFY', async () => {
    for (const server of [first, second]) expect(await boardOf(server.url, 'xa-moi')).to.equal('xa-moi');
    lines.length = 0;
    // The configured office cannot be merged away from the database side.
    expect(await command(['merge', 'xa-a', '--into', 'xa-moi', '--yes'])).to.equal(1);
    expect(lines.join('\n')).to.include('office xa-a is in the configuration file');
    lines.length = 0;
    expect(await command(['merge', 'xa-moi', '--into', 'xa-a', '--yes']), lines.join('\n')).to.equal(0);
    expect(lines.join('\n')).to.include("xa-moi taken off the province's list of offices");
    // The first instance reads the list for an unknown office once an hour: only the NOTIFY stops it.
    for (const server of [first, second]) {
      await eventually(
        `${server.url} stops serving xa-moi`,
        async () => (await boardOf(server.url, 'xa-moi')) === 'unknown-office',
      );
      const byHost = await getAsHost(new URL('api/queue/board', server.url).toString(), 'xa-moi.vinhlong.gov.vn');
      expect(byHost.status).to.equal(404);
      expect(JSON.parse(byHost.text).error?.code).to.equal('unknown-office');
    }
    // Its administrator now works at xa-a, the continuing office.
    const signIn = await fetch(new URL('o/xa-a/api/session', first.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quantri', password: PASSWORD }),
    });
    expect(signIn.status).to.equal(200);
    expect((await listProvinceOffices(roles.db)).map((o) => o.id)).to.deep.equal(['xa-lang-le', 'xa-tre']);
  });
});
