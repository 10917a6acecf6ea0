import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { TEST_DATABASES } from './databases.test-support.js';
import { MIGRATIONS, migrate } from './migrations.js';
import { DataDirectoryLockedError, openPglite } from './pglite.js';

for (const target of TEST_DATABASES) {
  describe(`migrations on ${target.name}`, () => {
    it('apply once, in order, and not again', async () => {
      const db = await target.open();
      try {
        expect(await migrate(db)).to.deep.equal(MIGRATIONS.map((m) => m.id));
        expect(await migrate(db)).to.deep.equal([]);
        const rows = await db.query<{ id: string }>('select id from motcua_migrations order by id');
        expect(rows.map((r) => r.id)).to.deep.equal(MIGRATIONS.map((m) => m.id));
      } finally {
        await db.close();
      }
    });

    it('give the rows of the office-less tables their office when upgrading to 0017-office-isolation', async () => {
      const db = await target.open();
      try {
        const upgrade = MIGRATIONS.findIndex((m) => m.id === '0017-office-isolation');
        await migrate(db, MIGRATIONS.slice(0, upgrade));
        const today = new Date().toISOString().slice(0, 10);
        await db.exec(`
          insert into idempotency_keys (key, route, scope) values ('k1', '/api/dossiers', 'xa-a 3f2c'), ('k0', '/r', '');
          insert into rate_limit_windows (name, key, stamps, expires_at) values ('tickets', 'k', '[]', 0);
          insert into dossier_lookup_failures (key, failures, last_at, blocked_until) values ('client:1', 3, 0, 0);
          insert into dossier_sequences (agency, business_date, last_value) values
            ('000.00.31.H62', '${today}', 4), ('000.00.99.H62', '${today}', 2), ('000.00.31.H62', '2020-01-01', 9);
          insert into dossiers (code, office, procedure_code, procedure_name, channel, time_limit, received_at,
            pin_hash, status, steps, slip, version, due_at)
          values ('000.00.31.H62-${today.slice(2).replaceAll('-', '')}-0004', 'xa-a', '1.004194', 'x', 'in-person',
            '{}', '${today}T08:00:00+07:00', 'h', 'received', '[]', '{}', 1, '${today}T17:00:00+07:00');
        `);
        expect(await migrate(db)).to.deep.equal(MIGRATIONS.slice(upgrade).map((m) => m.id));
        // The key keeps its office; the one stored before scopes had none and can never be replayed: gone.
        expect(await db.query('select key, office from idempotency_keys')).to.deep.equal([
          { key: 'k1', office: 'xa-a' },
        ]);
        expect(await db.query('select * from rate_limit_windows')).to.deep.equal([]);
        expect(await db.query('select * from dossier_lookup_failures')).to.deep.equal([]);
        // Today's sequence holding a dossier takes its office; one no dossier holds, and past days, go.
        expect(await db.query('select agency, office, last_value from dossier_sequences')).to.deep.equal([
          { agency: '000.00.31.H62', office: 'xa-a', last_value: 4 },
        ]);
      } finally {
        await db.close();
      }
    });

    it('roll back a failing step completely', async () => {
      const db = await target.open();
      try {
        const broken = [...MIGRATIONS, { id: '9999-broken', sql: 'create table t (a int); select * from missing;' }];
        let failed = false;
        await migrate(db, broken).catch(() => {
          failed = true;
        });
        expect(failed).to.equal(true);
        const tables = await db.query(
          `select 1 from information_schema.tables
           where table_schema = current_schema() and table_name in ('t', 'motcua_migrations')`,
        );
        expect(tables).to.have.length(0);
      } finally {
        await db.close();
      }
    });

    it('run safely when several instances start at once', async () => {
      const db = await target.open();
      try {
        const results = await Promise.all([migrate(db), migrate(db), migrate(db)]);
        expect(results.flat()).to.deep.equal(MIGRATIONS.map((m) => m.id));
      } finally {
        await db.close();
      }
    });
  });
}

describe('the PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pglite-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data across restarts and is locked against a second opener', async () => {
    const first = await openPglite(dir);
    try {
      await migrate(first);
      await first.query("insert into idempotency_keys (key, route, office) values ('k', '/r', 'xa-a')");
      let locked: unknown;
      await openPglite(dir).catch((error: unknown) => {
        locked = error;
      });
      expect(locked).to.be.instanceOf(DataDirectoryLockedError);
    } finally {
      await first.close();
    }

    const second = await openPglite(dir);
    expect(await second.query('select key from idempotency_keys')).to.deep.equal([{ key: 'k' }]);
    const backup = await second.dump();
    await second.close();
    expect(backup.size).to.be.greaterThan(1000);

    const restoredDir = mkdtempSync(join(tmpdir(), 'motcua-restore-'));
    // As `motcua-server restore FILE` does: the backup read back from a file, without its MIME type.
    const fromFile = new Blob([await backup.arrayBuffer()]);
    const restored = await openPglite(restoredDir, { loadDataDir: fromFile });
    expect(await restored.query('select key from idempotency_keys')).to.deep.equal([{ key: 'k' }]);
    await restored.close();
    rmSync(restoredDir, { recursive: true, force: true });
  });
});
