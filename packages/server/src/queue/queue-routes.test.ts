import { describe, it } from 'node:test';
import { readIssuedTicket, readKioskServices, readTicketWait } from '@motcua/core/queue';
import { expect } from 'chai';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely and let chai check their shape
type Json = Record<string, any>;

// Tuesday 2026-03-10, 09:00 in Vietnam (UTC+7).
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const KIOSK = { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' };
const counter = (id: string) => ({ authorization: `Bearer demo-counter-${id}`, 'content-type': 'application/json' });

interface Env {
  db: Database;
  app: Hono;
  clock: { now: number };
}

async function post(app: Hono, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await app.request(path, {
    method: 'POST',
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

for (const target of TEST_DATABASES) {
  describe(`queue API on ${target.name}`, () => {
    async function env(office = parseOffice(DEMO_OFFICE, { demo: true })): Promise<Env> {
      const db = await target.open();
      await migrate(db);
      const clock = { now: NINE };
      return { db, app: createApp({ db, office, now: () => clock.now, secret: 's'.repeat(40) }), clock };
    }

    it('lists the services and priority classes', async () => {
      const { db, app } = await env();
      try {
        const res = await app.request('/api/queue/services');
        const body = (await res.json()) as Json;
        expect(body.services.map((s: { id: string }) => s.id)).to.deep.equal(['ho-tich', 'dat-dai', 'chung-thuc']);
        expect(body.services[0]).to.deep.equal({
          id: 'ho-tich',
          prefix: 'A',
          name: DEMO_OFFICE.queue.services[0]?.name,
          // The demo office has no issuing windows: open at any time.
          open: true,
        });
        expect(res.headers.get('cache-control')).to.equal('no-store');
        expect(body.defaultPriority).to.equal('thuong');
        expect(body.priorityClasses.length).to.be.greaterThan(1);
      } finally {
        await db.close();
      }
    });

    it('says which services issue now and, for the others, the next issuing time, as taking a ticket would', async () => {
      // Hộ tịch: 07:30–11:30 and 13:00–17:00 on weekdays; Friday 2026-03-13 closed; the others without windows.
      const office = parseOffice({
        ...DEMO_OFFICE,
        queue: {
          ...DEMO_OFFICE.queue,
          closedDates: ['2026-03-13'],
          services: DEMO_OFFICE.queue.services.map((s) =>
            s.id === 'ho-tich'
              ? {
                  ...s,
                  windows: [
                    { from: '07:30', to: '11:30' },
                    { from: '13:00', to: '17:00' },
                  ],
                }
              : s,
          ),
        },
      });
      const { db, app, clock } = await env(office);
      const vietnam = (date: string, time: string) => Date.parse(`${date}T${time}:00+07:00`);
      const services = async () => {
        const res = await app.request('/api/queue/services');
        expect(res.status).to.equal(200);
        expect(res.headers.get('cache-control')).to.equal('no-store');
        const body = (await res.json()) as Json;
        return Object.fromEntries(body.services.map((s: Json) => [s.id, s])) as Record<string, Json>;
      };
      try {
        // Tuesday 11:29: inside the morning window.
        clock.now = vietnam('2026-03-10', '11:29');
        let now = await services();
        expect(now['ho-tich']).to.deep.include({ open: true });
        expect(now['ho-tich']).not.to.have.property('nextOpening');
        expect(now['dat-dai']).to.deep.include({ open: true });
        expect((await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' })).status).to.equal(201);

        // 11:30: the window has ended (its end is exclusive); the afternoon one opens at 13:00 today.
        clock.now = vietnam('2026-03-10', '11:30');
        now = await services();
        expect(now['ho-tich']?.open).to.equal(false);
        expect(now['ho-tich']?.nextOpening).to.deep.equal({
          date: '2026-03-10',
          time: '13:00',
          at: vietnam('2026-03-10', '13:00'),
        });
        expect(now['dat-dai']).to.deep.include({ open: true });
        // What the list says is what a press gets.
        const refused = await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        expect(refused.status).to.equal(409);
        expect(refused.body.error.code).to.equal('closed');
        expect(refused.body.error.message.vi).to.contain('13:00 hôm nay');

        // 13:00 sharp: open again.
        clock.now = vietnam('2026-03-10', '13:00');
        expect((await services())['ho-tich']).to.deep.include({ open: true });

        // Thursday 17:00, the eve of the closed Friday: next is Monday 07:30, past the closed date and the weekend.
        clock.now = vietnam('2026-03-12', '17:00');
        now = await services();
        expect(now['ho-tich']?.open).to.equal(false);
        expect(now['ho-tich']?.nextOpening).to.deep.equal({
          date: '2026-03-16',
          time: '07:30',
          at: vietnam('2026-03-16', '07:30'),
        });

        // On the closed Friday every service is closed; those without windows have no next time to give.
        clock.now = vietnam('2026-03-13', '09:00');
        now = await services();
        expect(now['ho-tich']).to.deep.include({ open: false });
        expect(now['ho-tich']?.nextOpening).to.deep.equal({
          date: '2026-03-16',
          time: '07:30',
          at: vietnam('2026-03-16', '07:30'),
        });
        expect(now['dat-dai']).to.deep.include({ open: false });
        expect(now['dat-dai']).not.to.have.property('nextOpening');
        expect((await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' })).body.error.code).to.equal(
          'closed-day',
        );

        // Saturday 09:00: outside hộ tịch's weekday windows, Monday 07:30 next; the others issue.
        clock.now = vietnam('2026-03-14', '09:00');
        now = await services();
        expect(now['ho-tich']?.open).to.equal(false);
        expect(now['ho-tich']?.nextOpening?.date).to.equal('2026-03-16');
        expect(now['ho-tich']?.nextOpening?.time).to.equal('07:30');
        expect(now['chung-thuc']).to.deep.include({ open: true });
      } finally {
        await db.close();
      }
    });

    it('answers what the kiosk reads with core’s readers, losing nothing (services, the issued ticket, its wait)', async () => {
      // Hộ tịch closed until 13:00, so the services answer has a next opening time too.
      const office = parseOffice(
        {
          ...DEMO_OFFICE,
          queue: {
            ...DEMO_OFFICE.queue,
            services: DEMO_OFFICE.queue.services.map((s) =>
              s.id === 'ho-tich' ? { ...s, windows: [{ from: '13:00', to: '17:00' }] } : s,
            ),
          },
        },
        { demo: true },
      );
      const { db, app, clock } = await env(office);
      try {
        clock.now = Date.parse('2026-03-10T11:30:00+07:00');
        const services = (await (await app.request('/api/queue/services')).json()) as Json;
        const read = readKioskServices(services);
        expect(JSON.parse(JSON.stringify(read))).to.deep.equal(services);
        expect(read?.services.find((s) => s.id === 'ho-tich')?.nextOpening?.time).to.equal('13:00');
        const issued = await post(app, '/api/queue/tickets', KIOSK, { service: 'dat-dai' });
        await post(app, '/api/queue/tickets', KIOSK, { service: 'dat-dai' });
        const ticket = readIssuedTicket(issued.body, 0);
        expect(ticket).to.deep.equal({
          id: issued.body.id,
          number: issued.body.number,
          service: 'dat-dai',
          priority: issued.body.priority,
          issuedAt: issued.body.issuedAt,
        });
        expect(ticket?.issuedAt).to.be.greaterThan(0);
        const followed = (await (await app.request(`/api/queue/tickets/${issued.body.id}`)).json()) as Json;
        expect(readTicketWait(followed)).to.deep.equal({
          ahead: followed.wait.ahead,
          ...(followed.wait.minutes ? { minutes: followed.wait.minutes } : {}),
        });
      } finally {
        await db.close();
      }
    });

    it('issues the demo kiosk’s priority requests in the generic class, which records no reason', async () => {
      const { db, app } = await env();
      try {
        const services = (await (await app.request('/api/queue/services')).json()) as Json;
        // What <motcua-ticket-kiosk> picks without a priority-class attribute: the first class with a weight that
        // is not the default.
        const kioskClass = services.priorityClasses.find(
          (p: { id: string; weight: number }) => p.weight > 0 && p.id !== services.defaultPriority,
        );
        expect(kioskClass).to.deep.equal({ id: 'uu-tien', name: { vi: 'Ưu tiên', en: 'Priority' }, weight: 1 });
        const priority = await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich', priority: kioskClass.id });
        expect(priority.status).to.equal(201);
        expect(priority.body.priority).to.equal('uu-tien');
        const normal = await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        expect(normal.body.priority).to.equal('thuong');
        // A counter may still record a named group.
        const named = await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich', priority: 'nguoi-cao-tuoi' });
        expect(named.body.priority).to.equal('nguoi-cao-tuoi');
        // The priority ticket is called before the normal one.
        const called = await post(app, '/api/queue/counters/1/call-next', counter('1'));
        expect(called.body.ticket.number).to.equal(priority.body.number);
      } finally {
        await db.close();
      }
    });

    it('tells a counter its current ticket with the id, after a reload', async () => {
      const { db, app } = await env();
      const current = async (id: string, headers: Record<string, string> = counter(id)) => {
        const res = await app.request(`/api/queue/counters/${id}/current`, { headers });
        return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
      };
      try {
        expect((await current('1')).body).to.deep.equal({ ticket: null });
        const issued = await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        await post(app, '/api/queue/counters/1/call-next', counter('1'));
        const called = await current('1');
        expect(called.status).to.equal(200);
        expect(called.headers.get('cache-control')).to.equal('no-store');
        expect(called.body.ticket).to.deep.include({
          id: issued.body.id,
          number: 'A001',
          status: 'called',
          counter: '1',
        });
        expect(called.body.ticket).not.to.have.property('history');
        await post(app, '/api/queue/counters/1/start', counter('1'));
        expect((await current('1')).body.ticket.status).to.equal('serving');
        expect((await current('3')).body).to.deep.equal({ ticket: null }); // another counter's
        await post(app, '/api/queue/counters/1/done', counter('1'));
        expect((await current('1')).body).to.deep.equal({ ticket: null });
        // Its own token only.
        expect((await current('1', counter('2'))).status).to.equal(403);
        expect((await current('1', {})).status).to.equal(401);
      } finally {
        await db.close();
      }
    });

    it('issues numbers to a kiosk with its token, once per Idempotency-Key', async () => {
      const { db, app } = await env();
      try {
        const first = await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        expect(first.status).to.equal(201);
        expect(first.body).to.deep.include({
          number: 'A001',
          service: 'ho-tich',
          status: 'issued',
          businessDate: '2026-03-10',
        });
        expect(first.body).not.to.have.property('history');
        const keyed = { ...KIOSK, 'idempotency-key': 'kiosk-0001' };
        const a = await post(app, '/api/queue/tickets', keyed, { service: 'ho-tich' });
        const retry = await post(app, '/api/queue/tickets', keyed, { service: 'ho-tich' });
        expect(a.body.number).to.equal('A002');
        expect(retry.body).to.deep.equal(a.body);
        expect((await post(app, '/api/queue/tickets', KIOSK, { service: 'dat-dai' })).body.number).to.equal('B001');
        expect((await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' })).body.number).to.equal('A003');
      } finally {
        await db.close();
      }
    });

    it('refuses without a kiosk token, for an unknown service, and for bad input', async () => {
      const { db, app } = await env();
      try {
        const none = await post(
          app,
          '/api/queue/tickets',
          { 'content-type': 'application/json' },
          { service: 'ho-tich' },
        );
        expect(none.status).to.equal(401);
        expect(none.body.error.code).to.equal('unauthorized');
        const counterToken = await post(app, '/api/queue/tickets', counter('1'), { service: 'ho-tich' });
        expect(counterToken.status).to.equal(401);
        const unknown = await post(app, '/api/queue/tickets', KIOSK, { service: 'nope' });
        expect(unknown.status).to.equal(404);
        expect(unknown.body.error.message.vi).to.contain('nope');
        const bad = await post(app, '/api/queue/tickets', KIOSK, { services: 1 });
        expect(bad.status).to.equal(400);
        expect(bad.body.error.code).to.equal('invalid-input');
        const priority = await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich', priority: 'vip' });
        expect(priority.status).to.equal(400);
        expect(priority.body.error.problems[0].code).to.equal('unknown-priority');
      } finally {
        await db.close();
      }
    });

    it('answers core’s refusals, such as "hết giờ lấy số", as JSON errors with their message', async () => {
      const office = parseOffice({
        ...DEMO_OFFICE,
        queue: {
          ...DEMO_OFFICE.queue,
          services: DEMO_OFFICE.queue.services.map((s) =>
            s.id === 'ho-tich' ? { ...s, windows: [{ from: '07:30', to: '11:15' }], dailyCap: 1 } : s,
          ),
        },
      });
      const { db, app, clock } = await env(office);
      try {
        expect((await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' })).status).to.equal(201);
        const capped = await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        expect(capped.status).to.equal(409);
        expect(capped.body.error.code).to.equal('daily-cap');
        expect(capped.body.error.message.vi).to.contain('Đã hết số hôm nay');
        clock.now = NINE + 2.5 * 3_600_000; // 11:30
        const closed = await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' });
        expect(closed.status).to.equal(409);
        expect(closed.body.error.code).to.equal('closed');
        expect(closed.body.error.message.vi).to.contain('Hết giờ lấy số');
      } finally {
        await db.close();
      }
    });

    it('lets a counter with its own token call, recall, serve, finish, skip and transfer', async () => {
      const { db, app, clock } = await env();
      try {
        for (const service of ['ho-tich', 'dat-dai', 'ho-tich', 'chung-thuc']) {
          clock.now += 60_000;
          await post(app, '/api/queue/tickets', KIOSK, { service });
        }
        const wrong = await post(app, '/api/queue/counters/1/call-next', counter('2'));
        expect(wrong.status).to.equal(403);
        const call = await post(app, '/api/queue/counters/1/call-next', { ...counter('1'), 'idempotency-key': 'c1' });
        expect(call.body.ticket).to.deep.include({ number: 'A001', status: 'called', counter: '1' });
        const replay = await post(app, '/api/queue/counters/1/call-next', { ...counter('1'), 'idempotency-key': 'c1' });
        expect(replay.body.ticket.number).to.equal('A001');
        const recall = await post(app, '/api/queue/counters/1/recall', counter('1'));
        expect(recall.body.ticket).to.deep.include({ number: 'A001', calls: 2 });
        const done = await post(app, '/api/queue/counters/1/done', counter('1'));
        expect(done.body.ticket).to.deep.include({ number: 'A001', status: 'done' });
        expect(done.body.ratingToken).to.match(/^r1\./);
        const none = await post(app, '/api/queue/counters/1/recall', counter('1'));
        expect(none.status).to.equal(409);
        expect(none.body.error.code).to.equal('no-current-ticket');
        await post(app, '/api/queue/counters/1/call-next', counter('1'));
        const skip = await post(app, '/api/queue/counters/1/skip', counter('1'));
        expect(skip.body.ticket).to.deep.include({ number: 'A002', status: 'no-show' });
        const b = await post(app, '/api/queue/counters/2/call-next', counter('2'));
        expect(b.body.ticket.number).to.equal('B001');
        const notMine = await post(app, '/api/queue/counters/1/start', counter('1'), { ticket: b.body.ticket.id });
        expect(notMine.status).to.equal(409);
        await post(app, '/api/queue/counters/2/start', counter('2'));
        const moved = await post(app, '/api/queue/counters/2/transfer', counter('2'), { service: 'chung-thuc' });
        expect(moved.body.ticket).to.deep.include({ number: 'B001', service: 'chung-thuc', status: 'issued' });
        expect(moved.body.from).to.equal('B001');
        const illegal = await post(app, '/api/queue/counters/2/done', counter('2'), { ticket: b.body.ticket.id });
        expect(illegal.status).to.equal(409);
        const empty = await post(app, '/api/queue/counters/2/call-next', counter('2'));
        expect(empty.body).to.deep.equal({ ticket: null });
      } finally {
        await db.close();
      }
    });

    it('limits ticket-taking per kiosk token; a refused request is not kept as its key’s answer', async () => {
      const office = parseOffice({
        ...DEMO_OFFICE,
        kiosks: [...(DEMO_OFFICE.kiosks ?? []), { id: 'kiosk-2', token: 'second-kiosk' }],
        rateLimits: { tickets: { limit: 2, windowSeconds: 60 } },
      });
      const { db, app, clock } = await env(office);
      try {
        const second = { ...KIOSK, authorization: 'Bearer second-kiosk' };
        expect((await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' })).status).to.equal(201);
        expect((await post(app, '/api/queue/tickets', KIOSK, { service: 'ho-tich' })).status).to.equal(201);
        const keyed = { ...KIOSK, 'idempotency-key': 'k-3' };
        const limited = await post(app, '/api/queue/tickets', keyed, { service: 'ho-tich' });
        expect(limited.status).to.equal(429);
        expect(limited.body.error.code).to.equal('rate-limited');
        expect(limited.headers.get('retry-after')).to.equal('60');
        expect((await post(app, '/api/queue/tickets', second, { service: 'ho-tich' })).body.number).to.equal('A003');
        clock.now += 60_000;
        const retried = await post(app, '/api/queue/tickets', keyed, { service: 'ho-tich' });
        expect(retried.status).to.equal(201);
        expect(retried.body.number).to.equal('A004');
      } finally {
        await db.close();
      }
    });

    it('lets the holder of a ticket id follow it: status, people ahead, wait estimate', async () => {
      const { db, app, clock } = await env();
      try {
        const tickets = [];
        for (let i = 0; i < 3; i++) {
          clock.now += 60_000;
          tickets.push((await post(app, '/api/queue/tickets', KIOSK, { service: 'dat-dai' })).body);
        }
        const res = await app.request(`/api/queue/tickets/${tickets[2]?.id}`);
        const body = (await res.json()) as Json;
        expect(body.ticket).to.deep.include({ number: 'B003', status: 'issued' });
        expect(body.wait).to.deep.include({ ahead: 2 });
        await post(app, '/api/queue/counters/2/call-next', counter('2'));
        const called = (await (await app.request(`/api/queue/tickets/${tickets[0]?.id}`)).json()) as Json;
        expect(called.ticket).to.deep.include({ status: 'called', counter: '2' });
        expect(called).not.to.have.property('wait');
        const unknown = await app.request('/api/queue/tickets/nope');
        expect(unknown.status).to.equal(404);
      } finally {
        await db.close();
      }
    });

    it('hands the holder of a served ticket the rating token the counter got: one rating, whichever is used', async () => {
      const { db, app, clock } = await env();
      try {
        const ticket = (await post(app, '/api/queue/tickets', KIOSK, { service: 'dat-dai' })).body;
        const waiting = (await (await app.request(`/api/queue/tickets/${ticket.id}`)).json()) as Json;
        expect(waiting, 'no token before the service').not.to.have.property('ratingToken');
        await post(app, '/api/queue/counters/2/call-next', counter('2'));
        clock.now += 5 * 60_000;
        const done = await post(app, '/api/queue/counters/2/done', counter('2'), {});
        const res = await app.request(`/api/queue/tickets/${ticket.id}`);
        expect(res.headers.get('cache-control')).to.equal('no-store');
        const followed = (await res.json()) as Json;
        expect(followed.ticket).to.deep.include({ status: 'done' });
        expect(followed.ratingToken).to.match(/^r1\./);
        const answers = { overall: 3 };
        const first = await post(
          app,
          '/api/ratings',
          { 'content-type': 'application/json' },
          {
            token: followed.ratingToken,
            answers,
          },
        );
        expect(first.status, JSON.stringify(first.body)).to.equal(201);
        const second = await post(
          app,
          '/api/ratings',
          { 'content-type': 'application/json' },
          {
            token: done.body.ratingToken,
            answers,
          },
        );
        expect(second.status, 'the counter’s token is the same rating, already given').to.equal(409);
      } finally {
        await db.close();
      }
    });

    it('shows the board: who is called where, who waits, the latest calls; no ticket ids', async () => {
      const { db, app, clock } = await env();
      try {
        const issued = [];
        for (const service of ['ho-tich', 'ho-tich', 'dat-dai']) {
          clock.now += 60_000;
          issued.push((await post(app, '/api/queue/tickets', KIOSK, { service })).body);
        }
        await post(app, '/api/queue/counters/3/call-next', counter('3'));
        const res = await app.request('/api/queue/board');
        const board = (await res.json()) as Json;
        expect(board.businessDate).to.equal('2026-03-10');
        expect(board.version).to.be.greaterThan(0);
        expect(board.counters.find((c: { id: string }) => c.id === '3').ticket).to.deep.include({
          number: 'A001',
          status: 'called',
          counter: '3',
        });
        expect(board.counters.find((c: { id: string }) => c.id === '1').ticket).to.equal(null);
        expect(board.services[0]).to.deep.include({ id: 'ho-tich', waiting: 1, next: ['A002'] });
        expect(board.services[1]).to.deep.include({ id: 'dat-dai', waiting: 1, next: ['B001'] });
        expect(board.recent.map((t: { number: string }) => t.number)).to.deep.equal(['A001']);
        const text = JSON.stringify(board);
        for (const t of issued) expect(text).not.to.contain(t.id);
      } finally {
        await db.close();
      }
    });
  });
}
