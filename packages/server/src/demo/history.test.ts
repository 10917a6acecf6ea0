import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { civilDateOf, vietnamCalendar } from '@motcua/core/calendar';
import { parseCatalogue } from '@motcua/core/catalogue';
import { parseOffsetDateTime } from '@motcua/core/deadline';
import { expect } from 'chai';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { DEMO_DOSSIER, seedDemoDossier } from '../dossiers/demo.js';
import { verifyPin } from '../dossiers/pin.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { createPgQueueStore } from '../queue/pg-queue-store.js';
import { queueReport } from '../queue/report-store.js';
import { DEMO_USERS, ensureDemoUsers } from '../staff/demo-users.js';
import { demoHistorySeed, seedDemoHistory } from './history.js';
import { simulateQueueDays } from './queue-days.js';
import { seededRandom } from './random.js';

// Saturday 5 December 2026, 10:00 in Vietnam.
const NOW = Date.UTC(2026, 11, 5, 3, 0);
const calendar = vietnamCalendar();
const parsed = parseCatalogue(
  JSON.parse(await readFile(new URL('../../../../examples/data/catalogue.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error('the example catalogue must be valid');
const catalogue = parsed.catalogue;
const options = { now: NOW, calendar, clock: { calendar }, catalogue, days: 21 };

for (const target of TEST_DATABASES) {
  describe(`the demo office's history on ${target.name.toLowerCase()}`, () => {
    let db: Database;
    before(async () => {
      db = await target.open();
      await migrate(db);
    });
    after(async () => db.close());

    it('is the office’s real queue run over the working days before today, stored as the queue stores it', async () => {
      const office = parseOffice({ ...DEMO_OFFICE, id: `history-${target.name.toLowerCase()}` }, { demo: true });
      const written = await seedDemoHistory(db, office, options);
      expect(written?.tickets).to.be.greaterThan(500);
      // The same seed gives the same simulation: what the database holds is exactly what the queue produced.
      const { store } = await simulateQueueDays(
        office,
        Array.from({ length: 21 }, (_, i) => civilDateOf(NOW - (21 - i) * 86_400_000)),
        calendar,
        seededRandom(demoHistorySeed(office.id)),
      );
      const stored = createPgQueueStore(db, office.id);
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      const json = (value: unknown) => JSON.parse(JSON.stringify(value));
      expect(json([...(await stored.tickets())].sort(byId))).to.deep.equal(
        json([...(await store.tickets())].sort(byId)),
      );
      expect(json(await stored.events())).to.deep.equal(json(await store.events()));
      const days = await db.query<{ business_date: string }>(
        'select distinct business_date from queue_tickets where office = $1',
        [office.id],
      );
      // Tuesday 24/11/2026 (Ngày Văn hóa Việt Nam), weekends and today have no tickets.
      for (const { business_date } of days) {
        expect(calendar.isWorkingDay(business_date), business_date).to.equal(true);
        expect(business_date < '2026-12-05').to.equal(true);
      }
      expect(days.map((d) => d.business_date)).not.to.include('2026-11-24');
      expect(days).to.have.length(14);
    });

    it('has ratings of the visits and dossiers with due dates from the calendar, a few resolved late', async () => {
      const office = parseOffice({ ...DEMO_OFFICE, id: `history-2-${target.name.toLowerCase()}` }, { demo: true });
      const written = await seedDemoHistory(db, office, options);
      const ratings = await db.query<{ n: string; officers: string[] }>(
        `select count(*)::text as n, array_agg(distinct officer) filter (where officer is not null) as officers
         from ratings r where office = $1
           and exists (select 1 from queue_tickets t where t.id = r.transaction_id and t.office = r.office)`,
        [office.id],
      );
      expect(Number(ratings[0]?.n)).to.equal(written?.ratings).and.to.be.greaterThan(100);
      expect(ratings[0]?.officers).to.have.members(['canbo1', 'canbo2']);
      const dossiers = await db.query<{ due_at: string; received_at: string; status: string; steps: unknown }>(
        'select due_at, received_at, status, steps from dossiers where office = $1',
        [office.id],
      );
      expect(dossiers).to.have.length(written?.dossiers as number);
      expect(dossiers.length).to.be.greaterThan(50);
      let late = 0;
      for (const d of dossiers) {
        const due = parseOffsetDateTime(d.due_at) as number;
        expect(calendar.isWorkingDay(civilDateOf(due)), d.due_at).to.equal(true);
        expect(due).to.be.at.least(parseOffsetDateTime(d.received_at) as number);
        const steps = (typeof d.steps === 'string' ? JSON.parse(d.steps) : d.steps) as { type: string; at: string }[];
        const resolved = steps.find((s) => s.type === 'resolved');
        if (resolved && (parseOffsetDateTime(resolved.at) as number) > due) late++;
        for (const s of steps) expect(parseOffsetDateTime(s.at) as number).to.be.below(NOW);
      }
      expect(late)
        .to.be.greaterThan(0)
        .and.below(dossiers.length / 10);
    });

    it('names the demo officers of counters 1 and 2 in the queue report; counter 3 is "no officer"', async () => {
      const office = parseOffice({ ...DEMO_OFFICE, id: `history-5-${target.name.toLowerCase()}` }, { demo: true });
      await ensureDemoUsers(db, office, NOW);
      await seedDemoHistory(db, office, options);
      const report = await queueReport(db, { office: office.id, from: '2026-11-01', to: '2026-12-04' });
      const officers = new Map(report.byOfficer.map((o) => [o.username, o]));
      expect([...officers.keys()]).to.have.members(['canbo1', 'canbo2', null]);
      expect(officers.get('canbo1')?.name).to.equal(DEMO_USERS.find((u) => u.username === 'canbo1')?.displayName);
      // Each officer's tickets are exactly those their counter called, the rest are "no officer".
      for (const [username, counter] of [
        ['canbo1', '1'],
        ['canbo2', '2'],
        [null, '3'],
      ] as const) {
        expect(officers.get(username)?.tickets, String(username)).to.equal(report.byCounter[counter]?.tickets);
        const { mean, ...wait } = officers.get(username)?.wait ?? {};
        const { mean: counterMean, ...counterWait } = report.byCounter[counter]?.wait ?? {};
        expect(wait, String(username)).to.deep.equal(counterWait);
        // Summed in another order: the same mean to the last few bits.
        expect(mean).to.be.closeTo(counterMean as number, 1e-9);
      }
    });

    it('leaves the sample dossier’s published code to it: its PIN opens it after a history over its day', async () => {
      const office = parseOffice({ ...DEMO_OFFICE, id: `history-4-${target.name.toLowerCase()}` }, { demo: true });
      // Thursday 12 November 2026: three working days of history, Monday 9/11 (the sample's day) among them.
      const written = await seedDemoHistory(db, office, { ...options, now: Date.UTC(2026, 10, 12, 3, 0), days: 3 });
      expect(written?.dossiers).to.be.greaterThan(0);
      await seedDemoDossier(db, office.id, { calendar });
      const [sample] = await db.query<{ office: string; procedure_code: string; pin_hash: string }>(
        'select office, procedure_code, pin_hash from dossiers where code = $1',
        [DEMO_DOSSIER.code],
      );
      expect(sample).to.include({ office: office.id, procedure_code: '1.004222' });
      expect(await verifyPin(DEMO_DOSSIER.pin, sample?.pin_hash)).to.equal(true);
      const sameDay = await db.query('select code from dossiers where office = $1 and code like $2', [
        office.id,
        '%-261109-%',
      ]);
      expect(sameDay.length, 'the history received dossiers on the sample’s day too').to.be.greaterThan(1);
    });

    it('is written once, for the demo office only', async () => {
      const office = parseOffice({ ...DEMO_OFFICE, id: `history-3-${target.name.toLowerCase()}` }, { demo: true });
      const [first, second] = await Promise.all([
        seedDemoHistory(db, office, options),
        seedDemoHistory(db, office, options),
      ]);
      expect([first, second].filter((w) => w !== undefined)).to.have.length(1);
      expect(await seedDemoHistory(db, office, options)).to.equal(undefined);
      const [count] = await db.query<{ n: string }>('select count(*)::text as n from queue_tickets where office = $1', [
        office.id,
      ]);
      expect(Number(count?.n)).to.equal((first ?? second)?.tickets);
      const configured = parseOffice({ ...DEMO_OFFICE, id: `configured-${target.name.toLowerCase()}` });
      expect(await seedDemoHistory(db, configured, options)).to.equal(undefined);
      const [none] = await db.query<{ n: string }>('select count(*)::text as n from queue_tickets where office = $1', [
        configured.id,
      ]);
      expect(none?.n).to.equal('0');
    });
  });
}
