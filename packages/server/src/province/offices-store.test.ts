import { describe, it } from 'node:test';
import { expect } from 'chai';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { insertProvinceOffice, insertProvinceOfficeHost, listProvinceOffices } from './offices-store.js';

for (const target of TEST_DATABASES) {
  describe(`the province's list of offices, on ${target.name}`, () => {
    it('keeps each id and each host name once, and lists the offices with their hosts', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        expect(await listProvinceOffices(db)).to.deep.equal([]);
        const name = { vi: 'UBND xã Tân Hòa', en: 'Tan Hoa Commune' };
        const written = await db.transaction(async (tx) => [
          await insertProvinceOffice(tx, { id: 'xa-tan-hoa', name, createdAt: 1_800_000_000_000 }),
          await insertProvinceOfficeHost(tx, 'xa-tan-hoa', 'xa-tan-hoa.vinhlong.gov.vn'),
          await insertProvinceOfficeHost(tx, 'xa-tan-hoa', 'motcua.xa-tan-hoa.vn'),
          await insertProvinceOffice(tx, { id: 'xa-an-phu', name, createdAt: 1_800_000_000_001 }),
          // Taken: the id, and a host of the other office.
          await insertProvinceOffice(tx, { id: 'xa-tan-hoa', name, createdAt: 1 }),
          await insertProvinceOfficeHost(tx, 'xa-an-phu', 'motcua.xa-tan-hoa.vn'),
        ]);
        expect(written).to.deep.equal([true, true, true, true, false, false]);
        expect(await listProvinceOffices(db)).to.deep.equal([
          { id: 'xa-an-phu', name, hosts: [], createdAt: 1_800_000_000_001 },
          {
            id: 'xa-tan-hoa',
            name,
            hosts: ['motcua.xa-tan-hoa.vn', 'xa-tan-hoa.vinhlong.gov.vn'],
            createdAt: 1_800_000_000_000,
          },
        ]);
        // The database refuses what the command would: a malformed id, a host name in capitals.
        for (const sql of [
          `insert into province_offices (id, name_vi, name_en, created_at) values ('Xa B', 'x', 'x', 0)`,
          `insert into province_office_hosts (host, office_id) values ('XA.vn', 'xa-an-phu')`,
        ]) {
          expect(
            await db.query(sql).then(
              () => 'written',
              (error: { code?: string }) => error.code,
            ),
            sql,
          ).to.equal('23514');
        }
      } finally {
        await db.close();
      }
    });
  });
}
