import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readSessionView } from '@motcua/core/staff';
import { expect } from 'chai';
import { type ApplicationRoleDatabase, openAsApplicationRole } from '../db/application-role.test-support.js';
import type { Queryable } from '../db/database.js';
// Under CI=true it refuses to run without PostgreSQL, rather than skipping.
import '../db/databases.test-support.js';
import { runCli } from '../cli.test-support.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { type RunningServer, startServer } from '../server.js';
import { latestSettings } from '../settings/store.js';
import { chooseOffice, takeOfficeOption } from './office-option.js';
import { insertProvinceOffice } from './offices-store.js';
import { provinceConfig } from './province-config.test-support.js';

const serverUrl = process.env.MOTCUA_TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'motcua-office-option-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLE = readFileSync(new URL('../../../../examples/data/catalogue.json', import.meta.url), 'utf8');

/** An office as a configuration file holds it: the demo queue, without tokens. */
const officeInput = (id: string, name: string) => ({
  id,
  name: { vi: `UBND xã ${name}`, en: `${name} Commune` },
  queue: { ...DEMO_OFFICE.queue, counters: DEMO_OFFICE.queue.counters.map(({ token: _token, ...c }) => c) },
});

/** A database that must not be read. */
const unread: Queryable = {
  query: () => Promise.reject(new Error('read the database')),
  exec: () => Promise.reject(new Error('read the database')),
} as unknown as Queryable;

describe('--office, read from the command line', () => {
  it('is taken out wherever it stands, as --office ID or --office=ID, once', () => {
    expect(takeOfficeOption(['add', 'dung', '--office', 'xa-a', '--role', 'officer'])).to.deep.equal({
      office: 'xa-a',
      rest: ['add', 'dung', '--role', 'officer'],
    });
    expect(takeOfficeOption(['--office=xa-b', 'list'])).to.deep.equal({ office: 'xa-b', rest: ['list'] });
    expect(takeOfficeOption(['list'])).to.deep.equal({ office: undefined, rest: ['list'] });
    expect(() => takeOfficeOption(['list', '--office'])).to.throw('--office needs an office id');
    expect(() => takeOfficeOption(['list', '--office', '--role'])).to.throw('--office needs an office id');
    expect(() => takeOfficeOption(['list', '--office', 'xa-a', '--office=xa-b'])).to.throw(
      '--office is given once (here: xa-a, xa-b)',
    );
  });

  it('on a configuration of one office, may be left out or name that office, without reading the database', async () => {
    const office = parseOffice(officeInput('xa-mot', 'Một'));
    const config = { office, catalogue: 'danh-muc.json' };
    expect((await chooseOffice(unread, config, undefined, 'users')).office.id).to.equal('xa-mot');
    expect(await chooseOffice(unread, { ...config, offices: [] }, 'xa-mot', 'users')).to.deep.equal({
      office,
      catalogue: 'danh-muc.json',
    });
    const refused = await chooseOffice(unread, config, 'xa-hai', 'users').catch((e: Error) => e.message);
    expect(refused).to.equal(
      'Không có đơn vị "xa-hai" (--office): cấu hình này chỉ phục vụ đơn vị "xa-mot" / no office "xa-hai" (--office): this configuration serves the office "xa-mot" only',
    );
  });
});

describe('a province managing any office from the command line', { skip: !serverUrl && 'needs PostgreSQL' }, () => {
  let roles: ApplicationRoleDatabase;
  let server: RunningServer;
  const configFile = join(dir, 'tinh.json');
  const PASSWORD_A = 'mat-khau-cua-dung-o-xa-a';
  const PASSWORD_B = 'mat-khau-cua-dung-o-xa-b';

  /** Runs the command with the province's configuration, `input` on standard input. */
  const run = (args: string[], input = '') => runCli(args, { MOTCUA_CONFIG: configFile, MOTCUA_DATA_DIR: dir }, input);

  const users = async () =>
    (
      await roles.superuser.query<{ office: string; username: string }>(
        `select office, username from ${roles.schema}.staff_users order by office, username`,
      )
    ).rows.map((row) => `${row.office}/${row.username}`);

  before(async () => {
    roles = await openAsApplicationRole(serverUrl as string);
    writeFileSync(join(dir, 'tinh-catalogue.json'), EXAMPLE);
    // xa-a in the configuration; xa-b added to the province's list in the database (as `office add` adds it).
    const file = {
      databaseUrl: roles.url,
      catalogue: 'tinh-catalogue.json',
      offices: [{ office: officeInput('xa-a', 'A'), hosts: ['xa-a.vinhlong.gov.vn'] }],
    };
    writeFileSync(configFile, JSON.stringify(file));
    await roles.db.transaction((tx) =>
      insertProvinceOffice(tx, { id: 'xa-b', name: { vi: 'UBND xã B', en: 'B Commune' }, createdAt: 0 }),
    );
    const config = provinceConfig(dir, {
      catalogue: join(dir, 'tinh-catalogue.json'),
      offices: [{ office: parseOffice(officeInput('xa-a', 'A')), catalogue: undefined, hosts: [] }],
    });
    // One instance serving both offices: the configured one and the added one.
    server = await startServer(config, { db: roles.db });
  });

  after(async () => {
    await server?.close();
    await roles?.close();
  });

  it('refuses a per-office command without --office, or naming an office the province does not serve, writing nothing', async () => {
    const none = await run(['users', 'add', 'dung', '--role', 'officer'], `${PASSWORD_A}\n`);
    expect(none.code).to.equal(1);
    expect(none.err).to.include('motcua-server users needs --office <office id>: this configuration serves several');
    expect(none.err).to.include('see the offices with `motcua-server office list`');
    const unknown = await run(['users', 'add', 'dung', '--role', 'officer', '--office', 'xa-c'], `${PASSWORD_A}\n`);
    expect(unknown.code).to.equal(1);
    expect(unknown.err).to.include(
      'the province has no office "xa-c" (--office), in the configuration or the database',
    );
    expect(unknown.err).to.include('`motcua-server office list`');
    for (const args of [
      ['devices', 'list'],
      ['settings', 'status'],
      ['users', 'list'],
    ]) {
      const refused = await run(args);
      expect(refused.code, args.join(' ')).to.equal(1);
      expect(refused.err).to.include(`motcua-server ${args[0]} needs --office`);
    }
    const exportFile = join(dir, 'none.json');
    const exported = await run(['office', 'export', '--output', exportFile]);
    expect(exported.err).to.include('motcua-server office export needs --office');
    expect(existsSync(exportFile)).to.equal(false);
    expect(await users()).to.deep.equal([]);
  });

  it('gives one username an account in each office with that office’s roles, and lists each office’s users only', async () => {
    const a = await run(['users', 'add', 'dung', '--office', 'xa-a', '--role', 'officer'], `${PASSWORD_A}\n`);
    expect(a.code, a.err).to.equal(0);
    expect(a.out).to.include('Created dung (officer) in office xa-a');
    // The same username in the office added to the database, with other roles and another password.
    const b = await run(['users', '--office=xa-b', 'add', 'DUNG', '--role', 'leader'], `${PASSWORD_B}\n`);
    expect(b.code, b.err).to.equal(0);
    expect(b.out).to.include('Created DUNG (leader) in office xa-b');
    expect(
      (await run(['users', 'add', 'canbo-b', '--role', 'officer', '--office', 'xa-b'], `${PASSWORD_B}\n`)).code,
    ).to.equal(0);
    // Taken in its own office only.
    const twice = await run(['users', 'add', 'Dung', '--role', 'admin', '--office', 'xa-a'], `${PASSWORD_A}\n`);
    expect(twice.err).to.include('already taken');
    expect((await run(['users', 'list', '--office', 'xa-a'])).out.trim().split('\n')).to.deep.equal([
      'dung\tdung\tofficer\tactive',
    ]);
    expect((await run(['users', 'list', '--office', 'xa-b'])).out.trim().split('\n')).to.deep.equal([
      'canbo-b\tcanbo-b\tofficer\tactive',
      'DUNG\tDUNG\tleader\tactive',
    ]);
    expect(await users()).to.deep.equal(['xa-a/dung', 'xa-b/DUNG', 'xa-b/canbo-b']);
  });

  it('signs them in at each office with its roles only, and a session of one office is none at the other', async () => {
    const signIn = async (office: string, password: string) => {
      const res = await fetch(new URL(`o/${office}/api/session`, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'dung', password }),
      });
      const setCookie = res.headers.get('set-cookie') ?? '';
      return { status: res.status, view: readSessionView(await res.json()), setCookie };
    };
    const atA = await signIn('xa-a', PASSWORD_A);
    expect([atA.status, atA.view?.office, atA.view?.roles]).to.deep.equal([200, 'xa-a', ['officer']]);
    // Two accounts: xa-a's password is nothing at xa-b.
    expect((await signIn('xa-b', PASSWORD_A)).status).to.equal(401);
    const atB = await signIn('xa-b', PASSWORD_B);
    expect([atB.status, atB.view?.office, atB.view?.roles]).to.deep.equal([200, 'xa-b', ['leader']]);
    // Each office's cookie is named after it, host-only, Path=/: a browser sends xa-a's cookie to /o/xa-b/ too. The
    // server refuses it there, under any name (office-cookies.test.ts: one browser signed in at both).
    for (const [office, setCookie] of [
      ['xa-a', atA.setCookie],
      ['xa-b', atB.setCookie],
    ] as const) {
      expect(setCookie).to.match(new RegExp(`^motcua_session\\.${office}=[A-Za-z0-9_-]{43}; `));
      expect(setCookie).to.include('Path=/').and.include('HttpOnly').and.include('SameSite=Strict');
      expect(setCookie).not.to.match(/Domain=/i);
    }
    const cookieA = atA.setCookie.split(';')[0] as string;
    const cookieB = atB.setCookie.split(';')[0] as string;
    const get = async (office: string, path: string, cookie: string) =>
      (await fetch(new URL(`o/${office}/api/${path}`, server.url), { headers: { cookie } })).status;
    expect(await get('xa-a', 'session', cookieA)).to.equal(200);
    expect(await get('xa-b', 'session', cookieA)).to.equal(401);
    expect(await get('xa-b', 'session', cookieA.replace('.xa-a=', '.xa-b='))).to.equal(401);
    expect(await get('xa-b', 'dossiers', cookieA)).to.equal(401);
    expect(await get('xa-b', 'session', cookieB)).to.equal(200);
    expect(await get('xa-b', 'reports/queue?from=2026-01-01&to=2026-01-31', cookieB)).to.equal(200);
    // xa-b's leader session holds no role at xa-a (where dung is an officer only).
    expect(await get('xa-a', 'session', cookieB)).to.equal(401);
    expect(await get('xa-a', 'reports/queue?from=2026-01-01&to=2026-01-31', cookieB)).to.equal(401);
    // Signing out at xa-b with xa-a's cookie ends nothing at xa-a.
    const out = await fetch(new URL('o/xa-b/api/session', server.url), {
      method: 'DELETE',
      headers: { cookie: cookieA, 'sec-fetch-site': 'same-origin' },
    });
    expect(out.status).to.equal(204);
    expect(await get('xa-a', 'session', cookieA)).to.equal(200);
  });

  it('runs settings, devices and office export on the office --office names', async () => {
    const before = (await latestSettings(roles.db.forOffice('xa-a'), 'xa-a'))?.version;
    const exported = await run(['settings', 'export', '--office', 'xa-b']);
    expect(exported.code, exported.err).to.equal(0);
    const file = join(dir, 'cai-dat-xa-b.json');
    writeFileSync(file, exported.out);
    const imported = await run(['settings', 'import', file, '--office', 'xa-b']);
    expect(imported.code, imported.err).to.equal(0);
    const savedB = await latestSettings(roles.db.forOffice('xa-b'), 'xa-b');
    expect(imported.out).to.include(`as version ${savedB?.version}`);
    expect((await latestSettings(roles.db.forOffice('xa-a'), 'xa-a'))?.version).to.equal(before);
    expect((await run(['settings', 'status', '--office', 'xa-b'])).out).to.include(`version ${savedB?.version}`);
    expect((await run(['devices', 'list', '--office', 'xa-b'])).out).to.include('No paired device in xa-b.');
    const exportFile = join(dir, 'xa-b.json');
    const office = await run(['office', 'export', '--output', exportFile, '--office', 'xa-b']);
    expect(office.code, office.err).to.equal(0);
    const data = JSON.parse(readFileSync(exportFile, 'utf8'));
    expect(data.office).to.equal('xa-b');
    expect(JSON.stringify(data)).to.include('canbo-b').and.not.include(PASSWORD_B);
  });
});
