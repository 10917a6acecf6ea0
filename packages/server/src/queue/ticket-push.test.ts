import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call, type Json } from '../http/call.test-support.js';
import { purgeNotificationContacts } from '../notifications/contact-retention.js';
import { ticketPushSubscriptions } from '../notifications/push-store.js';
import { officeWithNotifications, type Received, startReceiver } from '../notifications/receivers.test-support.js';
import { startNotificationSender } from '../notifications/sender.js';
import { browser, decrypted, PUSH_CHANNEL, vapidClaims } from '../notifications/web-push.test-support.js';
import { createQueueService } from './service.js';
import { notifyTicketTurns } from './ticket-push.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
/** Tuesday 10 March 2026, 09:00 in Vietnam: the kiosk issues. */
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const KIOSK = { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' };
const counter = (id: string) => ({ authorization: `Bearer demo-counter-${id}`, 'content-type': 'application/json' });
const JSON_BODY = { 'content-type': 'application/json' };
const PAGE = 'https://xa-mau.gov.vn/phieu.html?id=';

for (const target of TEST_DATABASES) {
  describe(`a followed ticket's turn by Web Push on ${target.name}`, () => {
    it('tells each browser once when the turn is near (its own threshold) and at each call, with the counter', async () => {
      const db = await target.open();
      const pushService = await startReceiver((r) => r.headers.topic as string | undefined);
      try {
        await migrate(db);
        const office = officeWithNotifications({ channels: [PUSH_CHANNEL] });
        const clock = { now: NINE };
        const now = () => clock.now;
        const app = createApp({ db, office, catalogue: CATALOGUE, now });
        const service = createQueueService({ db, office, now });
        const sender = startNotificationSender({ db, office, now, manual: true, log: () => {} });
        const issued: Json[] = [];
        for (let i = 0; i < 4; i++)
          issued.push((await call(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'ho-tich' })).body);
        const mine = issued[3] as Json;
        const phone = browser(`${pushService.url}/push/phone`);
        const laptop = browser(`${pushService.url}/push/laptop`);
        const subscribe = (body: unknown, id = mine.id as string) =>
          call(app, 'PUT', `/api/queue/tickets/${id}/push-subscription`, JSON_BODY, body);
        expect((await subscribe({ ...phone.subscription, near: 1, page: `${PAGE}${mine.id}` })).status).to.equal(204);
        // Three ahead, the laptop's threshold (the default): told at once.
        expect((await subscribe({ ...laptop.subscription, language: 'en' })).status).to.equal(204);
        /** Delivers what was written; answers the messages each browser decrypted, by browser. */
        const delivered = async (): Promise<string[]> => {
          const before = pushService.requests.length;
          await notifyTicketTurns(service, clock.now);
          await sender.runOnce();
          return pushService.requests.slice(before).map((r: Received) => {
            vapidClaims(r);
            const who = r.url === '/push/phone' ? phone : laptop;
            const m = decrypted(r, who);
            expect(m.tag).to.equal(`ticket-${mine.id}`);
            expect(m.id).to.match(/^n[0-9a-f]{32}$/);
            if (who === phone) expect(m.url).to.equal(`${PAGE}${mine.id}`);
            else expect(m.url).to.equal(undefined);
            return `${r.url}: ${m.title} | ${m.body}`;
          });
        };
        expect(await delivered()).to.deep.equal([
          '/push/laptop: Number A004: your turn is near | 3 ahead of you. Please come back to the counters (Sample Commune (demo)).',
        ]);
        const command = (id: string, path: string) =>
          call(app, 'POST', `/api/queue/counters/${id}/${path}`, counter(id));
        clock.now += 60_000;
        expect((await command('1', 'call-next')).status).to.equal(200);
        expect(await delivered(), 'two ahead: nothing new').to.deep.equal([]);
        clock.now += 60_000;
        await command('3', 'call-next');
        expect(await delivered()).to.deep.equal([
          '/push/phone: Số A004: sắp đến lượt | Còn 1 người trước ông/bà. Vui lòng có mặt gần quầy (UBND xã Mẫu (trình diễn)).',
        ]);
        clock.now += 60_000;
        await command('1', 'done');
        await command('1', 'call-next');
        expect(await delivered(), 'next in line: told already').to.deep.equal([]);
        clock.now += 60_000;
        await command('3', 'done');
        expect(((await command('3', 'call-next')).body.ticket as Json).number).to.equal('A004');
        expect((await delivered()).sort()).to.deep.equal([
          '/push/laptop: Number A004: your turn | Ticket A004, please go to counter 3 (Sample Commune (demo))',
          '/push/phone: Số A004: đến lượt | Xin mời số A004 đến quầy số 3 (UBND xã Mẫu (trình diễn))',
        ]);
        // Written again by every instance after every event, and after a restart: each notice is sent once.
        expect(await delivered()).to.deep.equal([]);
        expect(new Set(pushService.requests.map((r) => r.headers.topic)).size).to.equal(pushService.requests.length);
        clock.now += 30_000;
        await command('3', 'recall');
        expect(await delivered(), 'a recall is said again').to.have.length(2);

        // Served: the subscriptions are forgotten, and a finished ticket takes none.
        await command('3', 'start');
        await command('3', 'done');
        expect(await delivered()).to.deep.equal([]);
        const left = await db.query(`select 1 from push_subscriptions where dossier like 'ticket:%'`);
        expect(left).to.have.length(0);
        const over = await subscribe(phone.subscription);
        expect(over.status).to.equal(409);
        expect((over.body.error as Json).code).to.equal('ticket-over');
        expect((await subscribe(phone.subscription, 'no-such-ticket')).status).to.equal(404);
        expect((await subscribe({ ...phone.subscription, near: -1 }, issued[2]?.id as string)).status).to.equal(400);
        expect((await subscribe({ ...phone.subscription, page: 'javascript:alert(1)' })).status).to.equal(400);
        // A003, called at counter 1: its new subscriber is told at once, from its own subscriptions only.
        const called = issued[2]?.id as string;
        expect((await subscribe({ ...laptop.subscription, language: 'en' }, called)).status).to.equal(204);
        expect([...(await ticketPushSubscriptions(db, office.id, called)).keys()]).to.deep.equal([called]);
        const told = await db.query<{ dossier: string }>(
          `select dossier from notification_outbox where dossier like 'ticket:A003%'`,
        );
        expect(told.map((r) => r.dossier)).to.deep.equal([`ticket:A003@${mine.businessDate}`]);
        await sender.stop();
      } finally {
        await pushService.close();
        await db.close();
      }
    });

    it('writes the notices after each queue event by itself, and has no ticket Web Push without the channel', async () => {
      const db = await target.open();
      const closing = new AbortController();
      try {
        await migrate(db);
        const office = officeWithNotifications({ channels: [PUSH_CHANNEL] });
        const app = createApp({ db, office, catalogue: CATALOGUE, now: () => NINE, closing: closing.signal });
        const ticket = (await call(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'dat-dai' })).body;
        const phone = browser('https://push.example.vn/push/phone');
        const put = await call(app, 'PUT', `/api/queue/tickets/${ticket.id}/push-subscription`, JSON_BODY, {
          ...phone.subscription,
          near: 0,
        });
        expect(put.status).to.equal(204);
        const notices = () => db.query<{ message: Json | string }>(`select message from notification_outbox`);
        expect(await notices(), 'no one ahead, near at 0: told at once').to.have.length(1);
        await call(app, 'POST', '/api/queue/counters/2/call-next', counter('2'));
        for (let i = 0; i < 200 && (await notices()).length < 2; i++) await new Promise((r) => setTimeout(r, 10));
        const titles = (await notices()).map((n) => {
          const m = (typeof n.message === 'string' ? JSON.parse(n.message) : n.message) as { push: Json };
          return m.push.title;
        });
        expect(titles.sort()).to.deep.equal(['Số B001: sắp đến lượt', 'Số B001: đến lượt'].sort());
        // Whatever became of the ticket, its subscriptions are purged with the contacts two days on.
        const kept = () => db.query(`select 1 from push_subscriptions where dossier like 'ticket:%'`);
        await purgeNotificationContacts(db, office, NINE + 86_400_000);
        expect(await kept()).to.have.length(1);
        await purgeNotificationContacts(db, office, NINE + 2 * 86_400_000 + 60_000);
        expect(await kept()).to.have.length(0);

        const plain = createApp({ db, catalogue: CATALOGUE, now: () => NINE });
        const other = (await call(plain, 'POST', '/api/queue/tickets', KIOSK, { service: 'ho-tich' })).body;
        const none = await call(plain, 'PUT', `/api/queue/tickets/${other.id}/push-subscription`, JSON_BODY, {
          ...phone.subscription,
        });
        expect(none.status).to.equal(404);
        expect((none.body.error as Json).code).to.equal('no-web-push');
      } finally {
        closing.abort();
        await db.close();
      }
    });
  });
}
