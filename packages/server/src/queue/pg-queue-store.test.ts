import { describe, it } from 'node:test';
import { createMemoryQueueStore, createQueue, type QueueStore, type TicketNumbering } from '@motcua/core/queue';
import { expect } from 'chai';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { createPgQueueStore, type QueueNotification } from './pg-queue-store.js';

const numbering = (over: Partial<TicketNumbering> = {}): TicketNumbering => ({
  start: 1,
  step: 1,
  end: 999,
  width: 3,
  onEnd: 'grow',
  reset: 'daily',
  ...over,
});

// 2026-03-10 09:00 in Vietnam (UTC+7).
const NINE = Date.UTC(2026, 2, 10, 2, 0);

const services = [
  { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } },
  { id: 'dat-dai', prefix: 'B', name: { vi: 'Đất đai', en: 'Land' }, dailyCap: 2 },
];
const counters = [
  { id: '1', services: ['ho-tich', 'dat-dai'] },
  { id: '2', services: ['dat-dai'] },
];

for (const target of TEST_DATABASES) {
  describe(`the PostgreSQL queue store on ${target.name}`, () => {
    async function open(): Promise<Database> {
      const db = await target.open();
      await migrate(db);
      return db;
    }

    it('gives concurrent callers distinct numbers from one counter row per office, sequence and day', async () => {
      const db = await open();
      try {
        const store = createPgQueueStore(db, 'demo');
        const other = createPgQueueStore(db, 'other');
        const request = {
          ticketSequenceKey: 'ho-tich|2026-03-10',
          numbering: numbering(),
          capKey: 'c',
          cap: undefined,
        };
        const results = await Promise.all(Array.from({ length: 40 }, () => store.takeNumber(request)));
        const values = results.map((r) => (r.ok ? r.value : -1)).sort((a, b) => a - b);
        expect(values).to.deep.equal(Array.from({ length: 40 }, (_, i) => i + 1));
        const ordinals = new Set(results.map((r) => (r.ok ? r.ordinal : -1)));
        expect(ordinals.size).to.equal(40);
        expect(await other.takeNumber(request)).to.deep.include({ ok: true, value: 1 });
        const nextDay = { ...request, ticketSequenceKey: 'ho-tich|2026-03-11' };
        expect(await store.takeNumber(nextDay)).to.deep.include({ ok: true, value: 1 });
        const rows = await db.query('select * from queue_sequences');
        expect(rows).to.have.length(3);
      } finally {
        await db.close();
      }
    });

    it('follows core: cap, refuse at the end, wrap, step', async () => {
      const db = await open();
      try {
        const store = createPgQueueStore(db, 'demo');
        const base = { ticketSequenceKey: 's|2026-03-10', capKey: 'cap', cap: undefined };
        const refuse = { ...base, numbering: numbering({ end: 2, onEnd: 'refuse' }) };
        expect(await store.takeNumber(refuse)).to.deep.include({ value: 1 });
        expect(await store.takeNumber(refuse)).to.deep.include({ value: 2 });
        expect(await store.takeNumber(refuse)).to.deep.equal({ ok: false, reason: 'sequence-end' });
        const wrap = {
          ...base,
          ticketSequenceKey: 'w',
          numbering: numbering({ start: 5, step: 5, end: 10, onEnd: 'wrap' }),
        };
        const wrapped = [];
        for (let i = 0; i < 4; i++) wrapped.push(await store.takeNumber(wrap));
        expect(wrapped.map((r) => (r.ok ? r.value : 0))).to.deep.equal([5, 10, 5, 10]);
        const capped = { ticketSequenceKey: 'k', numbering: numbering(), capKey: 'cap:k', cap: 2 };
        const answers = await Promise.all(Array.from({ length: 5 }, () => store.takeNumber(capped)));
        expect(answers.filter((a) => a.ok)).to.have.length(2);
        expect(answers.filter((a) => !a.ok && a.reason === 'daily-cap')).to.have.length(3);
        // A refused number does not count against the cap.
        const both = {
          ticketSequenceKey: 'r',
          numbering: numbering({ end: 1, onEnd: 'refuse' }),
          capKey: 'cap:r',
          cap: 5,
        };
        await store.takeNumber(both);
        await store.takeNumber(both);
        const [cap] = await db.query<{ issued: number }>("select issued from queue_caps where cap_key = 'cap:r'");
        expect(cap?.issued).to.equal(1);
      } finally {
        await db.close();
      }
    });

    it('runs a queue exactly as core’s memory store does', async () => {
      const db = await open();
      try {
        async function script(store: QueueStore) {
          let clock = NINE;
          let seed = 0;
          const q = createQueue({
            services,
            counters,
            store,
            clock: () => clock,
            randomBytes: (n) => Uint8Array.from({ length: n }, () => seed++ % 256),
          });
          const out: string[] = [];
          for (const s of ['ho-tich', 'dat-dai', 'ho-tich', 'dat-dai']) {
            clock += 60_000;
            out.push(
              await q.issue(s).then(
                (t) => t.number,
                (e: Error) => e.name,
              ),
            );
          }
          const first = await q.callNext('2');
          out.push(first?.number ?? '-');
          await q.recall(first?.id ?? '');
          await q.start(first?.id ?? '');
          await q.finish(first?.id ?? '');
          const next = await q.callNext('1', { commandId: 'c1' });
          const again = await q.callNext('1', { commandId: 'c1' });
          out.push(`${next?.number}=${again?.number}`);
          const moved = await q.transfer(next?.id ?? '', 'dat-dai');
          out.push(`${moved.number}:${moved.status}:${moved.service}`);
          out.push(String((await store.tickets()).length), String((await q.events()).length));
          out.push(
            (await store.waitingTickets(['ho-tich', 'dat-dai'], '2026-03-10'))
              .map((t) => t.number)
              .sort()
              .join(),
          );
          return out;
        }
        const memory = await script(createMemoryQueueStore());
        const pg = await script(createPgQueueStore(db, 'demo'));
        expect(pg).to.deep.equal(memory);
        expect(pg.slice(0, 4)).to.deep.equal(['A001', 'B001', 'A002', 'B002']);
      } finally {
        await db.close();
      }
    });

    it('reads tickets back as they were written, and compares and sets on the version', async () => {
      const db = await open();
      try {
        const store = createPgQueueStore(db, 'demo');
        const q = createQueue({ services, counters, store, clock: () => NINE });
        const ticket = await q.issue('ho-tich');
        expect(await store.getTicket(ticket.id)).to.deep.equal(ticket);
        const called = { ...ticket, status: 'called' as const, version: 2 };
        expect(await store.replaceTicket(called, 1)).to.equal(true);
        expect(await store.replaceTicket({ ...called, version: 3 }, 1)).to.equal(false);
        expect(await createPgQueueStore(db, 'elsewhere').getTicket(ticket.id)).to.equal(undefined);
      } finally {
        await db.close();
      }
    });

    it('claims commands once, and recovers a claim left by a process that died', async () => {
      const db = await open();
      try {
        const store = createPgQueueStore(db, 'demo');
        const claims = await Promise.all(Array.from({ length: 4 }, () => store.claimCommand('k1')));
        expect(claims.filter((c) => c.status === 'new')).to.have.length(1);
        expect(claims.filter((c) => c.status === 'pending')).to.have.length(3);
        await store.completeCommand('k1', 't1');
        expect(await store.claimCommand('k1')).to.deep.equal({ status: 'done', ticket: 't1' });
        await store.claimCommand('k2');
        await store.releaseCommand('k2');
        expect(await store.claimCommand('k2')).to.deep.equal({ status: 'new' });
        // A stale claim whose command left a ticket is completed with it; one without is handed over.
        await store.claimCommand('k3');
        const made = await createQueue({ services, counters, clock: () => NINE }).issue('ho-tich', { commandId: 'k3' });
        await store.insertTicket(made);
        await db.query("update queue_commands set claimed_at = now() - interval '1 hour'");
        expect(await store.claimCommand('k3')).to.deep.equal({ status: 'done', ticket: made.id });
        await store.claimCommand('k4');
        await db.query("update queue_commands set claimed_at = now() - interval '1 hour' where command_id = 'k4'");
        expect(await store.claimCommand('k4')).to.deep.equal({ status: 'new' });
      } finally {
        await db.close();
      }
    });

    it('notifies every listener of each event with the ticket as a board shows it', async () => {
      const db = await open();
      try {
        const store = createPgQueueStore(db, 'demo');
        const heard: QueueNotification[] = [];
        const [{ schema } = { schema: 'public' }] = await db.query<{ schema: string }>(
          'select current_schema() as schema',
        );
        const stop = await db.listen(`motcua_queue_${schema}`, (payload) => heard.push(JSON.parse(payload)));
        const q = createQueue({ services, counters, store, clock: () => NINE });
        const ticket = await q.issue('ho-tich');
        await q.callNext('1');
        for (let i = 0; i < 50 && heard.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
        await stop();
        expect(heard).to.have.length(2);
        expect(heard[0]).to.deep.include({ office: 'demo' });
        expect(heard[0]?.ticket).to.deep.include({ number: 'A001', status: 'issued' });
        expect(heard[1]?.ticket).to.deep.include({ number: 'A001', status: 'called', counter: '1', calls: 1 });
        expect(heard[1]?.event).to.deep.include({ type: 'call', counter: '1' });
        expect(heard[1]?.version).to.be.greaterThan(heard[0]?.version ?? 0);
        expect(JSON.stringify(heard)).not.to.contain(ticket.id);
        expect(await store.version()).to.equal(heard[1]?.version);
      } finally {
        await db.close();
      }
    });
  });
}
