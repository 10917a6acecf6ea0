import { describe, it } from 'node:test';
import { expect } from 'chai';
import { openAsApplicationRole } from '../db/application-role.test-support.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { adminHeaders, pairDevice } from '../devices/pairing.test-support.js';
import { call } from '../http/call.test-support.js';
import { testUser } from '../staff/staff.test-support.js';
import { exportOffice, type OfficeData } from './office-data.js';
import {
  catalogueWithAgency,
  counter,
  kiosk,
  morning,
  NOW,
  officeApp,
  officeCounts,
} from './office-data.test-support.js';
import { MERGE_PLAN, type MergeConflict, mergeOffice, OfficeMergeConflictError } from './office-merge.js';

const LATER = NOW + 3_600_000;
const IMPORTED = Object.entries(MERGE_PLAN)
  .filter(([, plan]) => plan.kind === 'import')
  .map(([table]) => table);

/** The rows of `table` of `office`, ordered, as a comparable picture. */
const rowsOf = (db: Database, table: string, office: string) =>
  db.query(`select * from ${table} where office = $1 order by version`, [office]);

const refused = (promise: Promise<unknown>): Promise<readonly MergeConflict[]> =>
  promise.then(
    () => expect.fail('the merge should be refused'),
    (error: unknown) => {
      expect(error).to.be.instanceOf(OfficeMergeConflictError);
      return (error as OfficeMergeConflictError).conflicts;
    },
  );

/** xa-a's morning with its staff (dung, lan) and a paired counter tablet, exported. */
async function mergedCommune(db: Database): Promise<{ data: OfficeData; here: { code: string; pin: string } }> {
  await migrate(db);
  const app = officeApp(db, 'xa-a');
  const here = await morning(app);
  const a = db.forOffice('xa-a');
  await testUser(a, 'xa-a', 'dung', ['officer']);
  await testUser(a, 'xa-a', 'Lan', ['leader']);
  await pairDevice(app, await adminHeaders(a, 'xa-a', NOW), { name: 'Quầy 1 xã A', kind: 'counter', counter: '1' });
  return { data: await exportOffice(db.forOffice('xa-a'), 'xa-a', NOW), here };
}

for (const target of TEST_DATABASES) {
  describe(`a merged commune's history merged into the office that continues it, on ${target.name}`, () => {
    it('adds the history, keeps the office its settings, catalogue and numbering, and refuses the same file twice', async () => {
      // One database after the other: the tests' PGlite holds one at a time.
      const from = await target.open();
      let data: OfficeData;
      let here: { code: string; pin: string };
      try {
        ({ data, here } = await mergedCommune(from));
      } finally {
        await from.close();
      }
      const to = await target.open();
      try {
        await migrate(to);
        // xa-b receives under its own agency code, and has its own morning and its own "dung".
        const catalogueB = catalogueWithAgency('000.00.99.H99');
        const b = officeApp(to, 'xa-b', catalogueB);
        const own = await morning(b);
        await testUser(to, 'xa-b', 'dung', ['admin']);
        const before = await officeCounts(to, 'xa-b');
        const settings = await rowsOf(to, 'office_settings', 'xa-b');
        const catalogues = await rowsOf(to, 'office_catalogues', 'xa-b');
        expect(settings.length + catalogues.length).to.be.greaterThan(0);
        expect(data.tables.office_settings?.length).to.be.greaterThan(0);

        // dung is in both communes: refused by default, nothing written.
        const file = JSON.parse(JSON.stringify(data)) as OfficeData;
        const held = await refused(mergeOffice(to.forOffice('xa-b'), file, 'xa-b', { now: LATER }));
        expect(held.map((c) => `${c.table} ${c.key}`)).to.deep.equal(['staff_users username=dung']);
        expect(held[0]?.why.en).to.equal('office xa-b holds it already');
        expect(await officeCounts(to, 'xa-b')).to.deep.equal(before);

        const report = await mergeOffice(to.forOffice('xa-b'), file, 'xa-b', { now: LATER, renameUsers: 'xa-a' });
        expect(report.renamed).to.deep.equal([{ from: 'dung', to: 'dung-xa-a' }]);
        expect(report.revokedDevices).to.equal(1);
        const after = await officeCounts(to, 'xa-b');
        for (const table of IMPORTED) {
          const exported = data.tables[table]?.length ?? 0;
          expect(report.written[table], table).to.equal(exported);
          // The merge's own line joins the audit trail.
          expect(after[table], table).to.equal((before[table] ?? 0) + exported + (table === 'audit_events' ? 1 : 0));
        }
        expect(report.written.dossiers).to.equal(1);
        expect(report.written.staff_users).to.equal(3); // dung, Lan and the admin who paired the tablet
        // The continuing office's settings and catalogue are unchanged, its numbering its own; the report says so.
        expect(await rowsOf(to, 'office_settings', 'xa-b')).to.deep.equal(settings);
        expect(await rowsOf(to, 'office_catalogues', 'xa-b')).to.deep.equal(catalogues);
        for (const table of ['office_settings', 'office_catalogues', 'queue_sequences', 'queue_counter_pauses']) {
          expect(after[table], table).to.equal(before[table]);
        }
        const notWritten = Object.fromEntries(report.notWritten.map((n) => [n.table, n]));
        expect(notWritten.office_settings?.why.en).to.equal("the continuing office's rules govern");
        expect(notWritten.office_catalogues?.rows ?? 0).to.equal(data.tables.office_catalogues?.length ?? 0);
        expect(notWritten.queue_sequences?.why.en).to.equal('the continuing office goes on numbering its own');
        // xa-a's agency-and-day sequence is kept beside xa-b's: its codes are never drawn again.
        expect(report.written.dossier_sequences).to.equal(1);

        // Found at xa-b with its code and PIN; the merged users sign in there under their (new) names.
        const lookup = await call(b, 'GET', `/api/dossiers/${here.code}`, { 'dossier-pin': here.pin });
        expect(lookup.status, lookup.text).to.equal(200);
        const users = await to.query<{ username: string }>(
          `select username from staff_users where office = 'xa-b' order by username`,
        );
        expect(users.map((u) => u.username)).to.include.members(['dung', 'dung-xa-a', 'Lan']);
        const devices = await to.query<{ revoked_at: string | null }>(
          `select revoked_at from devices where office = 'xa-b'`,
        );
        expect(devices.map((d) => Number(d.revoked_at))).to.deep.equal([LATER]);

        // xa-b goes on numbering its own: its next ticket and dossier collide with nothing.
        const next = await call(b, 'POST', '/api/queue/tickets', kiosk, { service: 'ho-tich' });
        expect(next.status, next.text).to.equal(201);
        expect(next.body.number).to.equal('A002');
        const received = await call(b, 'POST', '/api/dossiers', counter, {
          procedure: '1.004194',
          applicant: { name: 'Lê Thị Sau', phone: '0905 654 321' },
          documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
        });
        expect(received.status, received.text).to.equal(201);
        expect([own.code, here.code]).to.not.include(received.body.code);

        // The same file again: every key it holds is a conflict, nothing written.
        const twice = await officeCounts(to, 'xa-b');
        const again = await refused(mergeOffice(to.forOffice('xa-b'), file, 'xa-b', { now: LATER, renameUsers: 'x' }));
        const keys = again.map((c) => `${c.table} ${c.key}`);
        expect(keys).to.include(
          `audit_events action=office.merge, from=xa-a, exportedAt=${new Date(NOW).toISOString()}`,
        );
        expect(keys).to.include(`dossiers code=${here.code}`);
        for (const ticket of data.tables.queue_tickets ?? []) expect(keys).to.include(`queue_tickets id=${ticket.id}`);
        for (const user of data.tables.staff_users ?? []) expect(keys).to.include(`staff_users id=${user.id}`);
        expect(keys).to.include(`ratings token_id=${data.tables.ratings?.[0]?.token_id}`);
        expect(await officeCounts(to, 'xa-b')).to.deep.equal(twice);
      } finally {
        await to.close();
      }
    });

    it('lists every conflict with its table and key, in both languages, before writing anything', async () => {
      const db = await target.open();
      try {
        // Both communes on one database: xa-a's rows are still there, holding its ids and codes.
        const { data } = await mergedCommune(db);
        await morning(officeApp(db, 'xa-b'));
        await testUser(db, 'xa-b', 'LAN', ['officer']);
        const before = await officeCounts(db, 'xa-b');
        const conflicts = await refused(mergeOffice(db.forOffice('xa-b'), data, 'xa-b', { now: LATER }));
        const keys = conflicts.map((c) => `${c.table} ${c.key}`);
        // The username compared without case, as its unique index compares it.
        expect(keys).to.include('staff_users username=Lan');
        expect(keys).to.include(`dossiers code=${data.tables.dossiers?.[0]?.code}`);
        for (const table of ['queue_tickets', 'devices', 'notification_outbox']) {
          for (const row of data.tables[table] ?? []) expect(keys).to.include(`${table} id=${row.id}`);
        }
        for (const c of conflicts) expect(c.why.vi).to.match(/đã có/);
        expect(new Set(keys).size).to.equal(keys.length);
        expect(await officeCounts(db, 'xa-b')).to.deep.equal(before);
      } finally {
        await db.close();
      }
    });
  });
}

const serverUrl = process.env.MOTCUA_TEST_DATABASE_URL;

describe('a merge on one PostgreSQL, as the application role', { skip: !serverUrl && 'needs PostgreSQL' }, () => {
  it("names the keys another office holds, which row-level security hides from the office's connection", async () => {
    const roles = await openAsApplicationRole(serverUrl as string);
    try {
      // xa-a's rows stay in the database (the owner made them, the application role sees xa-b's only).
      const { data } = await mergedCommune(roles.db);
      const before = await officeCounts(roles.owner, 'xa-b');
      const conflicts = await refused(mergeOffice(roles.db.forOffice('xa-b'), data, 'xa-b', { now: LATER }));
      const keys = conflicts.map((c) => `${c.table} ${c.key}`);
      expect(keys).to.include(`dossiers code=${data.tables.dossiers?.[0]?.code}`);
      for (const table of ['queue_tickets', 'staff_users', 'devices', 'notification_outbox']) {
        for (const row of data.tables[table] ?? []) expect(keys).to.include(`${table} id=${row.id}`);
      }
      expect(conflicts.every((c) => c.why.en === 'already in this database, held by another office')).to.equal(true);
      // Nothing written, not even the rows that had no conflict.
      const [{ n } = { n: -1 }] = await roles.superuser
        .query<{ n: number }>(`select count(*)::int as n from ${roles.schema}.audit_events where office = 'xa-b'`)
        .then((r) => r.rows);
      expect(n).to.equal(before.audit_events);
    } finally {
      await roles.close();
    }
  });
});
