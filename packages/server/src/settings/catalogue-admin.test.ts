import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Catalogue, Procedure } from '@motcua/core/catalogue';
import { expect } from 'chai';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { officerHeaders } from '../staff/staff.test-support.js';
import { admin, COUNTER, EXAMPLE_CATALOGUE, eventually, instance, receive, vn } from './settings.test-support.js';

const MARRIAGE_STATUS = '1.004873';
const example = JSON.parse(readFileSync(EXAMPLE_CATALOGUE, 'utf8')) as Catalogue;
const NOW = vn('2026-12-09T09:00:00');

/** The example catalogue with one procedure changed by `edit` (and others left out when `without` names them). */
function edited(edit: (p: Procedure) => Procedure, without: readonly string[] = []): Catalogue {
  return {
    ...example,
    version: '2026-12-09',
    procedures: example.procedures
      .filter((p) => !without.includes(p.code))
      .map((p) => (p.code === MARRIAGE_STATUS ? edit(p) : p)),
  };
}
const withFee = (amount: number) => edited((p) => ({ ...p, fees: [{ kind: 'charge', per: 'case', amount }] }));
const asJson = (catalogue: unknown) => ({ format: 'json', text: JSON.stringify(catalogue) });

for (const target of TEST_DATABASES) {
  describe(`the catalogue administration on ${target.name}`, () => {
    it('a broken import shows every problem at its row and column, or JSON path, in vi and en; nothing is published', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = instance(db, { now: NOW });
        const headers = await admin(db, NOW);
        const csv =
          'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Thời hạn giải quyết,Phí/Lệ phí\n' +
          '2.000884,Chứng thực chữ ký,Chứng thực,Cấp xã,Trong ngày,10.000 đồng/trường hợp\n' +
          'khong-phai-ma,Thủ tục lỗi,Hộ tịch,Cấp xã,03 ngày làm việc,0\n';
        const checked = await call(app, 'POST', '/api/admin/catalogue/check', headers, { format: 'csv', text: csv });
        expect(checked.status, checked.text).to.equal(200);
        expect(checked.body.ok).to.equal(false);
        const paths = checked.body.problems.map((p: { path: string }) => p.path);
        expect(paths).to.include('$[3]["Mã thủ tục"]');
        for (const p of checked.body.problems) expect(p.message.vi).to.not.equal(p.message.en);

        const badFee = edited((p) => ({ ...p, fees: [{ kind: 'charge', per: 'case', amount: -5 }] }));
        const at = example.procedures.findIndex((p) => p.code === MARRIAGE_STATUS);
        const json = await call(app, 'POST', '/api/admin/catalogue/check', headers, asJson(badFee));
        expect(json.body.problems.map((p: { path: string }) => p.path)).to.deep.equal([
          `$.procedures[${at}].fees[0].amount`,
        ]);
        const notJson = await call(app, 'POST', '/api/admin/catalogue/check', headers, {
          format: 'json',
          text: '{"a":',
        });
        expect(notJson.body.problems[0]).to.include({ path: '$', code: 'invalid-json' });

        const refused = await call(app, 'POST', '/api/admin/catalogue/publish', headers, {
          ...asJson(badFee),
          expectedVersion: 0,
        });
        expect(refused.status).to.equal(400);
        expect(refused.body.error.problems[0].path).to.equal(`$.procedures[${at}].fees[0].amount`);
        expect((await call(app, 'GET', '/api/admin/catalogue/versions', headers)).body.versions).to.deep.equal([]);
      } finally {
        await db.close();
      }
    });

    it('a changed fee: the diff, publication on every instance, open dossiers keep their limit, rollback', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const clock = { now: NOW };
        const [a, b] = [instance(db, clock), instance(db, clock)];
        const headers = await admin(db, NOW);
        const before = await receive(b, MARRIAGE_STATUS);
        const residence = await receive(b, '1.004194');

        const shorter = edited(
          (p) => ({
            ...p,
            fees: [{ kind: 'charge', per: 'case', amount: 5000 }],
            statutoryTime: { value: 1, unit: 'working-days' },
          }),
          ['1.004194'],
        );
        const checked = await call(a, 'POST', '/api/admin/catalogue/check', headers, asJson(shorter));
        expect(checked.body.ok, checked.text).to.equal(true);
        expect(checked.body.publishedVersion).to.equal(0);
        expect(checked.body.diff.added).to.deep.equal([]);
        expect(checked.body.diff.removed.map((p: { code: string }) => p.code)).to.deep.equal(['1.004194']);
        expect(checked.body.diff.changed).to.have.length(1);
        expect(checked.body.diff.changed[0].changes.map((c: { field: string }) => c.field)).to.deep.equal([
          'statutoryTime',
          'fees',
        ]);

        const published = await call(a, 'POST', '/api/admin/catalogue/publish', headers, {
          ...asJson(shorter),
          expectedVersion: 0,
        });
        expect(published.status, published.text).to.equal(201);
        expect(published.body).to.include({ version: 1, procedures: example.procedures.length - 1 });
        // The other instance serves it, and receives with the new limit.
        const feeOn = async () =>
          ((await call(b, 'GET', '/api/catalogue')).body.procedures as Procedure[]).find(
            (p) => p.code === MARRIAGE_STATUS,
          )?.fees?.[0]?.amount;
        await eventually(async () => (await feeOn()) === 5000);
        expect((await receive(b, MARRIAGE_STATUS)).dueAt).to.equal('2026-12-10T17:00:00+07:00');
        // The dossier received before keeps the limit and due date it was received with.
        const lookup = await call(b, 'GET', `/api/dossiers/${before.code}?pin=${before.pin}`);
        expect(lookup.body.clock.dueAt).to.equal('2026-12-14T17:00:00+07:00');
        // A withdrawn procedure is received no more, and its open dossier still resolves.
        const withdrawn = await call(b, 'POST', '/api/dossiers', COUNTER, {
          procedure: '1.004194',
          applicant: { name: 'Trần Văn Rút' },
        });
        expect(withdrawn.status).to.equal(404);
        const officer = await officerHeaders(db, 'demo', clock.now);
        const resolved = await call(b, 'POST', `/api/dossiers/${residence.code}/steps`, officer, { type: 'resolved' });
        expect(resolved.status, resolved.text).to.be.oneOf([200, 201]);
        expect(resolved.body.status).to.equal('resolved');

        const stale = await call(a, 'POST', '/api/admin/catalogue/publish', headers, {
          ...asJson(withFee(7000)),
          expectedVersion: 0,
        });
        expect(stale.status).to.equal(409);
        expect(stale.body.error.code).to.equal('stale-version');

        const back = await call(a, 'POST', '/api/admin/catalogue/publish', headers, {
          ...asJson(example),
          expectedVersion: 1,
        });
        expect(back.status).to.equal(201);
        const rolled = await call(a, 'POST', '/api/admin/catalogue/rollback', headers, {
          expectedVersion: 2,
          version: 1,
        });
        expect(rolled.status, rolled.text).to.equal(201);
        expect(rolled.body).to.include({ version: 3, rollbackOf: 1 });
        await eventually(async () => (await feeOn()) === 5000);
        const served = (await call(b, 'GET', '/api/catalogue')).body;
        expect(served).to.deep.equal((await call(a, 'GET', '/api/catalogue')).body);
        expect(served.procedures).to.deep.equal(shorter.procedures);
        const versions = await call(a, 'GET', '/api/admin/catalogue/versions', headers);
        expect(versions.body.versions.map((v: { version: number }) => v.version)).to.deep.equal([3, 2, 1]);
        const audit = await call(a, 'GET', '/api/audit?from=2026-12-01', headers);
        const actions = audit.body.entries.map((e: { action: string }) => e.action);
        expect(actions).to.include.members(['catalogue.publish', 'catalogue.rollback']);
      } finally {
        await db.close();
      }
    });

    it('the no-appointment day may list only procedures of the published catalogue', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = instance(db, { now: NOW });
        const headers = await admin(db, NOW);
        const res = await call(app, 'PUT', '/api/admin/settings/no-appointment', headers, {
          expectedVersion: 1,
          value: { weekdays: [3], procedures: [MARRIAGE_STATUS, '1.999999'], from: '2026-12-09' },
        });
        expect(res.status).to.equal(400);
        expect(res.body.error.problems.map((p: { path: string }) => p.path)).to.deep.equal(['$.value.procedures[1]']);
      } finally {
        await db.close();
      }
    });
  });
}
