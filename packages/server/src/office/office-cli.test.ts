import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { officeCommand } from './office-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-office-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const target of TEST_DATABASES) {
  describe(`motcua-server office, on ${target.name}`, () => {
    it('writes the office to a file only its owner reads, and refuses to import it over itself', async () => {
      const db = await target.open();
      const lines: string[] = [];
      const deps = {
        db,
        office: 'xa-a',
        now: () => Date.UTC(2026, 11, 2, 2, 0),
        print: (line: string) => lines.push(line),
        printError: (line: string) => lines.push(`! ${line}`),
      };
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
        expect(lines.pop()).to.match(/^! Không nhập \/ not imported: office xa-a already has rows/);
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
  });
}
