import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { exportOffice, importOffice, OFFICE_TABLES, type OfficeData, OfficeNotEmptyError } from './office-data.js';
import { kiosk, morning, NOW, officeApp, officeCounts } from './office-data.test-support.js';

const appOf = (db: Database, id: string) => officeApp(db, id);
const counts = officeCounts;

for (const target of TEST_DATABASES) {
  describe(`an office's data moved between deployments, on ${target.name}`, () => {
    it('exports only its rows, imports them all or nothing into an empty office, and the office works there', async () => {
      // One database after the other: the tests' PGlite holds one at a time.
      const from = await target.open();
      let data: OfficeData;
      let here: { code: string; pin: string };
      let exported: Record<string, number>;
      try {
        await migrate(from);
        here = await morning(appOf(from, 'xa-a'));
        // A neighbour on the same database: none of its rows travel.
        const neighbour = appOf(from, 'xa-ben');
        expect((await call(neighbour, 'POST', '/api/queue/tickets', kiosk, { service: 'dat-dai' })).status).to.equal(
          201,
        );
        data = await exportOffice(from.forOffice('xa-a'), 'xa-a', NOW);
        expect(JSON.stringify(data)).to.not.include('xa-ben');
        exported = await counts(from, 'xa-a');
        expect(exported.dossiers).to.equal(1);
        expect(exported.ratings).to.equal(1);
      } finally {
        await from.close();
      }
      const to = await target.open();
      try {
        await migrate(to);
        // Through a file, as the CLI writes it.
        const written = await importOffice(to.forOffice('xa-a'), JSON.parse(JSON.stringify(data)));
        expect(written).to.deep.equal(exported);
        expect(await counts(to, 'xa-a')).to.deep.equal(exported);
        // The citizen's code and PIN find the dossier in the new deployment; its tickets go on numbering.
        const moved = appOf(to, 'xa-a');
        const lookup = await call(moved, 'GET', `/api/dossiers/${here.code}`, { 'dossier-pin': here.pin });
        expect(lookup.status, lookup.text).to.equal(200);
        const next = await call(moved, 'POST', '/api/queue/tickets', kiosk, { service: 'ho-tich' });
        expect(next.body.number).to.equal('A002');
        // A second import would mix two histories: refused, nothing written.
        const again = await importOffice(to.forOffice('xa-a'), data).catch((error: unknown) => error);
        expect(again).to.be.instanceOf(OfficeNotEmptyError);
        expect((again as Error).message).to.match(/office xa-a already has rows \(.*dossiers: 1/);
        expect((await counts(to, 'xa-a')).dossiers).to.equal(1);
      } finally {
        await to.close();
      }
    });

    it('imports under another office id, and refuses a file that is not an export', async () => {
      const from = await target.open();
      let data: OfficeData;
      let here: { code: string; pin: string };
      try {
        await migrate(from);
        here = await morning(appOf(from, 'xa-a'));
        data = await exportOffice(from.forOffice('xa-a'), 'xa-a', NOW);
      } finally {
        await from.close();
      }
      const to = await target.open();
      try {
        await migrate(to);
        await importOffice(to.forOffice('xa-moi'), data, 'xa-moi');
        expect(await counts(to, 'xa-a')).to.deep.equal(Object.fromEntries(OFFICE_TABLES.map((t) => [t.name, 0])));
        const renamed = await call(appOf(to, 'xa-moi'), 'GET', `/api/dossiers/${here.code}`, {
          'dossier-pin': here.pin,
        });
        expect(renamed.status, renamed.text).to.equal(200);
        const wrong = await importOffice(to.forOffice('xa-c'), { ...data, format: 'something' } as never).catch(
          (error: Error) => error.message,
        );
        expect(wrong).to.equal('not a motcua office export (format motcua-office-data, version 1)');
      } finally {
        await to.close();
      }
    });
  });
}
