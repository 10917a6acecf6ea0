import { describe, it } from 'node:test';
import {
  DOSSIER_STEP_TYPES,
  ENDED_DOSSIER_STATUSES,
  readDossierDeskView,
  readDossierWorklist,
} from '@motcua/core/deadline';
import { expect } from 'chai';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { sessionHeaders, testUser } from '../staff/staff.test-support.js';
import { EARLY_WARNING_LIMIT } from './desk.js';
import { openDossierRows } from './store.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
const JSON_BODY = { 'content-type': 'application/json' };
const T0 = Date.UTC(2026, 11, 4, 1, 0); // Friday 4 December 2026, 08:00 in Vietnam
const HOUR = 3_600_000;
/** Procedures of the sample catalogue with different time limits: the due dates differ. */
const PROCEDURES = ['1.004194', '1.004845', '1.001022'];

/**
 * The demo office's app on `db`, migrated, on a clock at T0 (Friday 4 December, 08:00), with one dossier of each of
 * {@link PROCEDURES} received by an officer signed in as canbo1 (their codes).
 */
async function receivedAtT0(db: Database) {
  await migrate(db);
  const clock = { now: T0 };
  const office = parseOffice(DEMO_OFFICE, { demo: true });
  const app = createApp({ db, office, catalogue: CATALOGUE, now: () => clock.now, secret: 's'.repeat(40) });
  const officer = { ...(await sessionHeaders(db, await testUser(db, 'demo', 'canbo1', ['officer']))), ...JSON_BODY };
  const codes: string[] = [];
  for (const procedure of PROCEDURES) {
    const received = await call(app, 'POST', '/api/dossiers', officer, {
      procedure,
      applicant: { name: 'Nguyễn Văn A', address: '1 Đường Làng' },
      documents: [{ name: 'Tờ khai' }],
    });
    expect(received.status, received.text).to.equal(201);
    codes.push(received.body.code);
  }
  return { clock, app, officer, codes };
}

for (const target of TEST_DATABASES) {
  describe(`an officer's desk: the open dossiers and a dossier's next steps, on ${target.name}`, () => {
    it('lists the open dossiers, earliest due first, offers only what the clock accepts, and drops ended ones', async () => {
      const db = await target.open();
      try {
        const { clock, app, officer, codes } = await receivedAtT0(db);

        clock.now += HOUR;
        const listed = await call(app, 'GET', '/api/dossiers', officer);
        expect(listed.status, listed.text).to.equal(200);
        const list = readDossierWorklist(listed.body);
        // The demo office's sample dossier is open too.
        const listedCodes = list?.dossiers.map((d) => d.code) ?? [];
        expect(listedCodes).to.include.members(codes);
        const dues = list?.dossiers.map((d) => d.classification.dueAt) ?? [];
        expect(dues).to.deep.equal([...dues].sort());
        expect(list?.more).to.equal(false);
        expect(list?.checkedAt).to.equal('2026-12-04T09:00:00+07:00');
        expect(JSON.stringify(listed.body), 'no applicant data').not.to.contain('Nguyễn Văn A');
        for (const d of list?.dossiers.filter((d) => codes.includes(d.code)) ?? []) {
          expect(d.classification.timeliness).to.equal('in-time');
        }

        const code = codes[0] as string;
        const desk = async () =>
          readDossierDeskView((await call(app, 'GET', `/api/dossiers/${code}/steps`, officer)).body);
        const fresh = await desk();
        expect(fresh?.dossier.code).to.equal(code);
        expect(fresh?.dossier.status).to.equal('received');
        // Received: anything but completing a supplement never requested, the authority's receipt (not across a
        // boundary) and being received again.
        expect(fresh?.nextSteps).to.deep.equal(
          DOSSIER_STEP_TYPES.filter((t) => !['supplement-completed', 'authority-received'].includes(t)),
        );

        clock.now += HOUR;
        const asked = await call(app, 'POST', `/api/dossiers/${code}/steps`, officer, {
          type: 'supplement-requested',
          reasons: ['incomplete'],
          reason: 'Thiếu bản sao giấy tờ tùy thân',
        });
        expect(asked.status, asked.text).to.equal(201);
        const paused = await desk();
        expect(paused?.dossier.status).to.equal('supplement-requested');
        // While waiting on the applicant: the completion, or the end.
        expect(paused?.nextSteps).to.deep.equal([
          'supplement-completed',
          'extended',
          'withdrawn',
          'stopped',
          'resolved',
          'returned',
        ]);
        for (const type of DOSSIER_STEP_TYPES.filter((t) => !paused?.nextSteps.includes(t))) {
          const refused = await call(app, 'POST', `/api/dossiers/${code}/steps`, officer, { type });
          expect(refused.status, `${type} is refused, as the desk said`).to.be.oneOf([400, 409]);
        }

        clock.now += HOUR;
        for (const type of ['supplement-completed', 'resolved', 'returned']) {
          const done = await call(app, 'POST', `/api/dossiers/${code}/steps`, officer, { type });
          expect(done.status, done.text).to.equal(201);
        }
        expect((await desk())?.nextSteps).to.deep.equal([]);
        const after = readDossierWorklist((await call(app, 'GET', '/api/dossiers', officer)).body);
        expect(after?.dossiers.map((d) => d.code)).to.deep.equal(listedCodes.filter((c) => c !== code));

        const unknown = await call(app, 'GET', '/api/dossiers/000.00.00.H00-261204-9999/steps', officer);
        expect(unknown.status).to.equal(404);
      } finally {
        await db.close();
      }
    });

    it('warns a leader of the open dossiers overdue or due within a few working days, the most urgent first', async () => {
      const db = await target.open();
      try {
        const { clock, app } = await receivedAtT0(db);
        // Monday 7 December, 09:00: the working days left differ from dossier to dossier.
        clock.now = Date.UTC(2026, 11, 7, 2, 0);
        const leader = await sessionHeaders(db, await testUser(db, 'demo', 'lanhdao', ['leader']), clock.now);
        const staff = { ...(await sessionHeaders(db, await testUser(db, 'demo', 'canbo2', ['officer']), clock.now)) };
        const open = readDossierWorklist((await call(app, 'GET', '/api/dossiers', staff)).body);
        const left = new Map(open?.dossiers.map((d) => [d.code, d.classification]));
        const warned = async (days?: number) => {
          const answer = await call(
            app,
            'GET',
            `/api/reports/early-warning${days === undefined ? '' : `?days=${days}`}`,
            leader,
          );
          expect(answer.status, answer.text).to.equal(200);
          return readDossierWorklist(answer.body)?.dossiers.map((d) => d.code) ?? [];
        };
        const expected = (days: number) =>
          [...(open?.dossiers ?? [])]
            .filter(
              (d) =>
                d.classification.timeliness === 'overdue' ||
                // A result ready to be returned (early, on time or late) is no longer at risk.
                (d.classification.timeliness === 'in-time' &&
                  d.classification.remainingMinutes <= days * d.classification.dayMinutes),
            )
            .map((d) => d.code);
        const counts = new Set<number>();
        for (const days of [0, 1, 2, 3, 5]) {
          const codes = await warned(days);
          expect(codes, `${days} days`).to.deep.equal(expected(days));
          counts.add(codes.length);
          const dues = codes.map((c) => left.get(c)?.dueAt ?? '');
          expect(dues).to.deep.equal([...dues].sort());
        }
        expect(counts.size, 'the days make a difference on this data').to.be.greaterThan(1);
        expect(await warned()).to.deep.equal(await warned(3));
        const csv = await call(app, 'GET', '/api/reports/early-warning?days=30&format=csv', leader);
        const lines = csv.text.trimEnd().split('\r\n');
        expect(lines[0]).to.equal('code,procedure_code,procedure_name,status,due_at,remaining_minutes,overdue');
        expect(lines.slice(1).map((l) => l.split(',')[0])).to.deep.equal(expected(30));
        expect(csv.text, 'no applicant data').not.to.contain('Nguyễn Văn A');
        expect((await call(app, 'GET', '/api/reports/early-warning?days=31', leader)).status).to.equal(400);
        expect((await call(app, 'GET', '/api/reports/early-warning', staff)).status).to.equal(403);
      } finally {
        await db.close();
      }
    });

    it('warns of every dossier at risk however many results wait to be collected', async () => {
      const db = await target.open();
      try {
        const { clock, app, codes } = await receivedAtT0(db);
        clock.now = Date.UTC(2026, 11, 7, 2, 0);
        const leader = await sessionHeaders(db, await testUser(db, 'demo', 'lanhdao', ['leader']), clock.now);
        const officer = await sessionHeaders(db, await testUser(db, 'demo', 'canbo2', ['officer']), clock.now);
        const warned = async () => {
          const answer = await call(app, 'GET', '/api/reports/early-warning?days=30', leader);
          expect(answer.status, answer.text).to.equal(200);
          return readDossierWorklist(answer.body);
        };
        const before = await warned();
        expect(before?.dossiers.map((d) => d.code).sort()).to.deep.equal([...codes].sort());
        // More results ready since January than the warning reads, none collected: their printed due dates come first.
        await db.query(
          `insert into dossiers (code, office, procedure_code, procedure_name, channel, time_limit, received_at, due_at,
             pin_hash, ticket, status, steps, slip, version)
           select 'R-' || lpad(i::text, 5, '0'), office, procedure_code, procedure_name, channel, time_limit,
             '2026-01-02T08:00:00+07:00', '2026-01-07T17:00:00+07:00', pin_hash, null, 'resolved',
             '[{"type": "resolved", "at": "2026-01-05T10:00:00+07:00"}]'::jsonb, slip, 1
           from dossiers, generate_series(1, $2::int) as i where code = $1`,
          [codes[0], EARLY_WARNING_LIMIT + 1],
        );
        // The desk lists the dossiers in hand and, in the rows left, the results to return, the most urgent first.
        const open = readDossierWorklist((await call(app, 'GET', '/api/dossiers', officer)).body);
        expect(open?.dossiers.map((d) => d.code)).to.include.members(codes);
        expect(open?.dossiers[0]?.code).to.equal('R-00001');
        expect(open?.more).to.equal(true);
        const after = await warned();
        expect(after?.dossiers.map((d) => d.code)).to.deep.equal(before?.dossiers.map((d) => d.code));
        expect(after?.more).to.equal(false);
      } finally {
        await db.close();
      }
    });

    it('leaves out the statuses core says have ended, as the partial index does', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const [index] = await db.query<{ indexdef: string }>(
          "select indexdef from pg_indexes where indexname = 'dossiers_open'",
        );
        for (const status of ENDED_DOSSIER_STATUSES) expect(index?.indexdef).to.contain(`'${status}'`);
        expect(await openDossierRows(db, 'demo', 10)).to.deep.equal([]);
      } finally {
        await db.close();
      }
    });
  });
}
