import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { testUser } from '../staff/staff.test-support.js';
import { officeCommand } from './office-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-office-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The command's dependencies as office xa-a's, on `db`, with what it prints kept in `lines` (errors as `! …`). */
function cliOn(db: Database) {
  const lines: string[] = [];
  const deps = {
    db,
    office: 'xa-a',
    now: () => Date.UTC(2026, 11, 2, 2, 0),
    print: (line: string) => lines.push(line),
    printError: (line: string) => lines.push(`! ${line}`),
  };
  return { lines, deps };
}

for (const target of TEST_DATABASES) {
  describe(`motcua-server office, on ${target.name}`, () => {
    it('writes the office to a file only its owner reads, and refuses to import it over itself', async () => {
      const db = await target.open();
      const { lines, deps } = cliOn(db);
      try {
        await migrate(db);
        await db.query(`insert into queue_counter_pauses (office, counter) values ('xa-a', '1'), ('xa-b', '2')`);
        const file = join(dir, `${target.name}.json`);
        expect(await officeCommand(deps, ['export', '--output', file])).to.equal(0);
        expect(statSync(file).mode & 0o777).to.equal(0o600);
        const data = JSON.parse(readFileSync(file, 'utf8'));
        expect(data.tables.queue_counter_pauses).to.deep.equal([{ office: 'xa-a', counter: '1' }]);
        expect(lines.pop()).to.include('queue_counter_pauses 1');
        expect(await officeCommand(deps, ['import', file])).to.equal(1);
        expect(lines.pop()).to.match(/^! Không nhập \/ not imported: office xa-a already has rows.*with --merge$/);
        expect(await officeCommand(deps, ['import', file, '--as', 'xa-c'])).to.equal(0);
        expect(await db.query(`select counter from queue_counter_pauses where office = 'xa-c'`)).to.deep.equal([
          { counter: '1' },
        ]);
        expect(await officeCommand(deps, ['export'])).to.equal(2);
        // One office: it adds none, and lists itself.
        expect(await officeCommand(deps, ['add', 'xa-d', '--name', 'UBND xã D'])).to.equal(1);
        expect(lines.pop()).to.match(
          /^! Không thêm .* only a province's configuration \("offices", on PostgreSQL\) adds offices/,
        );
        expect(await officeCommand(deps, ['list'])).to.equal(0);
        expect(lines.pop()).to.equal('xa-a\t-\t-\tconfiguration');
        expect(await officeCommand(deps, ['add', 'xa-d', '--name', 'x', '--output', 'f.json'])).to.equal(2);
        expect(await officeCommand(deps, ['import', join(dir, 'missing.json')])).to.equal(1);
      } finally {
        await db.close();
      }
    });

    it('merges an office into one that has rows, every conflict printed first, --rename-users for a shared username', async () => {
      const db = await target.open();
      const { lines, deps } = cliOn(db);
      try {
        await migrate(db);
        await testUser(db, 'xa-a', 'dung', ['officer']);
        await db.query(`insert into queue_counter_pauses (office, counter) values ('xa-a', '1')`);
        const file = join(dir, `${target.name}-merge.json`);
        expect(await officeCommand(deps, ['export', '--output', file])).to.equal(0);
        lines.splice(0);
        // As if in another database: xa-a's user is gone, xa-b has its own dung.
        await db.query(`delete from staff_users where office = 'xa-a'`);
        await testUser(db, 'xa-b', 'dung', ['admin']);
        expect(await officeCommand(deps, ['import', file, '--merge', '--office', 'xa-b'])).to.equal(1);
        expect(lines.splice(0)).to.deep.equal([
          '! Không gộp đơn vị xa-a vào xa-b, không ghi gì: 1 xung đột / office xa-a not merged into xa-b, nothing written: 1 conflicts',
          '!   staff_users username=dung: đơn vị xa-b đã có / office xa-b holds it already',
          '!   Tên đăng nhập trùng: nhập với tên khác bằng --rename-users HẬU_TỐ (tên-HẬU_TỐ) / usernames held already: import them as USERNAME-SUFFIX with --rename-users SUFFIX',
        ]);
        expect(
          await officeCommand(deps, ['import', file, '--merge', '--office', 'xa-b', '--rename-users', 'xa-a']),
        ).to.equal(0);
        expect(lines.splice(0)).to.deep.equal([
          'Đã gộp đơn vị xa-a vào xa-b / office xa-a merged into xa-b: staff_users 1, staff_user_roles 1',
          "  Không nhập / not imported: queue_counter_pauses 1 — trạng thái các quầy của đơn vị tiếp tục hoạt động / the state of the continuing office's counters",
          '  Đổi tên đăng nhập / username renamed: dung → dung-xa-a',
        ]);
        expect(
          await officeCommand(deps, ['import', file, '--merge', '--office', 'xa-b', '--rename-users', 'xa-a']),
        ).to.equal(1);
        expect(lines.join('\n'))
          .to.include('audit_events action=office.merge, from=xa-a')
          .and.include('staff_users id=');
        // --as is not a merge's option; --rename-users not an import's.
        expect(await officeCommand(deps, ['import', file, '--merge', '--as', 'xa-c'])).to.equal(2);
        expect(await officeCommand(deps, ['import', file, '--rename-users', 'a'])).to.equal(2);
      } finally {
        await db.close();
      }
    });
  });
}
