// Two communes merged, both offices of one database: `office merge FROM --into TO` moves FROM's history into TO and
// deletes FROM's rows, in one transaction, on PGlite, PostgreSQL and as the application role (row-level security).
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { openAsApplicationRole } from '../db/application-role.test-support.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate, OFFICE_OWNED_TABLES } from '../db/migrations.js';
import { adminHeaders, pairDevice } from '../devices/pairing.test-support.js';
import { call } from '../http/call.test-support.js';
import { testUser } from '../staff/staff.test-support.js';
import { absorbOffice, OfficeAbsorbRefusedError } from './office-absorb.js';
import { officeCommand } from './office-cli.js';
import { exportOffice } from './office-data.js';
import { catalogueWithAgency, morning, NOW, officeApp, officeCounts } from './office-data.test-support.js';
import { MERGE_PLAN, OfficeMergeConflictError } from './office-merge.js';

const LATER = NOW + 3_600_000;
const IMPORTED = Object.entries(MERGE_PLAN)
  .filter(([, plan]) => plan.kind === 'import')
  .map(([table]) => table);

/** Every row of `office`, per office-owned table (not only those the merge reads). */
async function allRows(seeing: Pick<Database, 'query'>, office: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of OFFICE_OWNED_TABLES) {
    const [row] = await seeing.query<{ n: number }>(`select count(*)::int as n from ${table} where office = $1`, [
      office,
    ]);
    out[table] = row?.n ?? 0;
  }
  return out;
}

/**
 * xa-a and xa-b at work on `db`, each with a "dung"; merged a into b through `db` (as the service connects), its
 * rows counted through `seeing` (a connection that sees every office's).
 */
async function twoCommunesMerged(db: Database, seeing: Pick<Database, 'query'>): Promise<void> {
  await migrate(db);
  const a = officeApp(db, 'xa-a', catalogueWithAgency('000.00.98.H98'));
  const here = await morning(a);
  await testUser(db.forOffice('xa-a'), 'xa-a', 'dung', ['officer']);
  await pairDevice(a, await adminHeaders(db.forOffice('xa-a'), 'xa-a', NOW), {
    name: 'Quầy 1',
    kind: 'counter',
    counter: '1',
  });
  const b = officeApp(db, 'xa-b', catalogueWithAgency('000.00.99.H99'));
  await morning(b);
  await testUser(db.forOffice('xa-b'), 'xa-b', 'dung', ['admin']);
  const exported = await exportOffice(db.forOffice('xa-a'), 'xa-a', NOW);
  const beforeA = await allRows(seeing, 'xa-a');
  const beforeB = await officeCounts(seeing as Database, 'xa-b');
  const lines: string[] = [];
  const command = (args: string[]) =>
    officeCommand(
      {
        db,
        office: 'xa-b',
        now: () => LATER,
        print: (line) => lines.push(line),
        printError: (line) => lines.push(`! ${line}`),
      },
      ['merge', ...args],
    );
  const unchanged = async () => {
    expect(await allRows(seeing, 'xa-a')).to.deep.equal(beforeA);
    expect(await officeCounts(seeing as Database, 'xa-b')).to.deep.equal(beforeB);
  };

  // Refused before anything: itself, an unknown office, the configuration's office, no --into.
  const refusal = (from: string, into: string, configured: string[] = ['xa-b']) =>
    absorbOffice(db, from, into, { now: LATER, configured }).then(
      () => expect.fail('refused'),
      (error: unknown) => {
        expect(error).to.be.instanceOf(OfficeAbsorbRefusedError);
        return (error as Error).message;
      },
    );
  expect(await refusal('xa-b', 'xa-b')).to.include('not merged into itself');
  expect(await refusal('xa-khong-co', 'xa-b')).to.include('no office xa-khong-co');
  expect(await refusal('xa-a', 'xa-khong-co')).to.include('no office xa-khong-co');
  expect(await refusal('xa-a', 'xa-b', ['xa-a', 'xa-b'])).to.include('in the configuration file');
  expect(await command(['xa-a'])).to.equal(2);

  // dung is in both: every conflict listed, nothing written, nothing deleted.
  expect(await command(['xa-a', '--into', 'xa-b', '--yes'])).to.equal(1);
  expect(lines).to.include('!   staff_users username=dung: đơn vị xa-b đã có / office xa-b holds it already');
  await absorbOffice(db, 'xa-a', 'xa-b', { now: LATER, configured: ['xa-b'] }).then(
    () => expect.fail('conflict'),
    (error: unknown) => expect(error).to.be.instanceOf(OfficeMergeConflictError),
  );
  await unchanged();

  // Without --yes (and no terminal): a dry run, its counts, nothing written.
  lines.length = 0;
  expect(await command(['xa-a', '--into', 'xa-b', '--rename-users', 'xa-a']), lines.join('\n')).to.equal(0);
  expect(lines[1]).to.match(/^Chạy thử, sẽ gộp .* dry run, office xa-a would be merged into xa-b: .*dossiers 1/);
  expect(lines.at(-1)).to.equal(
    'Chạy thử, không ghi gì: thêm --yes để gộp / dry run, nothing written: add --yes to merge',
  );
  await unchanged();

  lines.length = 0;
  expect(await command(['xa-a', '--into', 'xa-b', '--rename-users', 'xa-a', '--yes']), lines.join('\n')).to.equal(0);
  const report = lines.join('\n');
  expect(report).to.include('Đã gộp đơn vị xa-a vào xa-b / office xa-a merged into xa-b: ');
  expect(report).to.include('Đổi tên đăng nhập / username renamed: dung → dung-xa-a');
  expect(report).to.include(
    "not imported: office_settings 1 — quy định của đơn vị tiếp tục hoạt động được áp dụng / the continuing office's rules govern",
  );
  expect(report).to.include('staff_sessions 1 — ');
  expect(report).to.match(/Đã xóa \/ deleted \(xa-a\): .*audit_events \d+/);

  // b holds both histories; a holds nothing in any office table; a's dossier is found at b with its code and PIN.
  const afterB = await officeCounts(seeing as Database, 'xa-b');
  for (const table of IMPORTED) {
    const moved = exported.tables[table]?.length ?? 0;
    expect(afterB[table], table).to.equal((beforeB[table] ?? 0) + moved + (table === 'audit_events' ? 1 : 0));
  }
  expect(afterB.dossiers).to.equal(2);
  const afterA = await allRows(seeing, 'xa-a');
  expect(Object.entries(afterA).filter(([, n]) => n > 0)).to.deep.equal([]);
  const lookup = await call(officeApp(db, 'xa-b'), 'GET', `/api/dossiers/${here.code}`, { 'dossier-pin': here.pin });
  expect(lookup.status, lookup.text).to.equal(200);
  // Done: a is unknown now.
  expect(await refusal('xa-a', 'xa-b')).to.include('no office xa-a');
}

for (const target of TEST_DATABASES) {
  describe(`office merge: two offices of one database, on ${target.name}`, () => {
    it("moves a's history into b, deletes a's rows, refuses conflicts and writes nothing in a dry run", async () => {
      const db = await target.open();
      try {
        await twoCommunesMerged(db, db);
      } finally {
        await db.close();
      }
    });
  });
}

const serverUrl = process.env.MOTCUA_TEST_DATABASE_URL;

describe('office merge as the application role', { skip: !serverUrl && 'needs PostgreSQL' }, () => {
  it("reads and deletes a's rows in a's scope and writes b's in b's, one transaction", async () => {
    const roles = await openAsApplicationRole(serverUrl as string);
    try {
      // The superuser reads the test's schema.
      await roles.superuser.query(`set search_path to ${roles.schema}`);
      await twoCommunesMerged(roles.db, {
        query: async (sql, params) => (await roles.superuser.query(sql, params as unknown[])).rows,
      } as Pick<Database, 'query'>);
    } finally {
      await roles.close();
    }
  });

  it('every table with an office column is an office-owned table (deleted by a merge)', async () => {
    const roles = await openAsApplicationRole(serverUrl as string);
    try {
      const { rows } = await roles.superuser.query<{ name: string }>(
        `select table_name as name from information_schema.columns where table_schema = $1 and column_name = 'office'`,
        [roles.schema],
      );
      expect(rows.map((r) => r.name).sort()).to.deep.equal([...OFFICE_OWNED_TABLES].sort());
    } finally {
      await roles.close();
    }
  });
});
