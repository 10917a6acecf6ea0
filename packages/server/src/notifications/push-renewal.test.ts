import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call, type Json } from '../http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { createQueueService } from '../queue/service.js';
import { notifyTicketTurns } from '../queue/ticket-push.js';
import { officerHeaders } from '../staff/staff.test-support.js';
import { savePushSubscription } from './push-store.js';
import { officeWithNotifications, startReceiver } from './receivers.test-support.js';
import { startNotificationSender } from './sender.js';
import { browser, decrypted, PUSH_CHANNEL } from './web-push.test-support.js';

// A browser that replaced its push subscription (`pushsubscriptionchange`) sends the old endpoint and the new
// subscription; the push service stand-in on loopback then receives the notices at the new endpoint, encrypted for
// the new keys.
const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const STAFF = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };
const KIOSK = { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' };
const JSON_BODY = { 'content-type': 'application/json' };
const RENEWAL = '/api/notifications/web-push/renewal';
const NEIGHBOUR = 'xa-ben-canh';

for (const target of TEST_DATABASES) {
  describe(`Web Push renewal on ${target.name}`, () => {
    it("moves this office's dossier and ticket subscriptions of the old endpoint, and the notices follow", async () => {
      const db = await target.open();
      const pushService = await startReceiver((r) => r.headers.topic as string | undefined);
      try {
        await migrate(db);
        const office = officeWithNotifications({ channels: [PUSH_CHANNEL] });
        const clock = { now: NINE };
        const now = () => clock.now;
        const app = createApp({ db, office, catalogue: CATALOGUE, now });
        const received = await call(app, 'POST', '/api/dossiers', STAFF, {
          procedure: '1.004194',
          applicant: { name: 'Lê Thị Đẩy' },
          documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
        });
        const { code, pin } = received.body as { code: string; pin: string };
        const before = browser(`${pushService.url}/push/old`);
        const after = browser(`${pushService.url}/push/new`);
        const dossierPin = { ...JSON_BODY, 'dossier-pin': pin };
        const put = (body: unknown) => call(app, 'PUT', `/api/dossiers/${code}/push-subscription`, dossierPin, body);
        expect((await put({ ...before.subscription, language: 'en' })).status).to.equal(204);
        // The page also sent the new subscription already (opened again after the change): one row stays.
        expect((await put(after.subscription)).status).to.equal(204);
        const ticket = (await call(app, 'POST', '/api/queue/tickets', KIOSK, { service: 'ho-tich' })).body;
        const followed = await call(app, 'PUT', `/api/queue/tickets/${ticket.id}/push-subscription`, JSON_BODY, {
          ...before.subscription,
          near: 2,
        });
        expect(followed.status).to.equal(204);
        // No one ahead: "your turn is near" is written at once, for the old endpoint, not sent yet.
        const pending = await db.query<{ recipient: string }>(
          `select recipient from notification_outbox where status = 'pending'`,
        );
        expect(pending.map((p) => JSON.parse(p.recipient).endpoint)).to.deep.equal([before.subscription.endpoint]);
        // Another office on the same database has a subscription with the same endpoint: not this office's to move.
        await savePushSubscription(
          db.forOffice(NEIGHBOUR),
          NEIGHBOUR,
          'ticket:t-neighbour',
          { ...before.subscription, language: 'vi' },
          NINE,
        );

        const renewal = {
          oldEndpoint: before.subscription.endpoint,
          endpoint: after.subscription.endpoint,
          keys: after.subscription.keys,
        };
        const renewed = await call(app, 'POST', RENEWAL, JSON_BODY, renewal);
        expect(renewed.status).to.equal(204);
        expect(renewed.text).to.equal('');
        const rows = await db.query<{ office: string; dossier: string; endpoint: string; p256dh: string }>(
          `select office, dossier, endpoint, p256dh, language, near from push_subscriptions order by office, dossier`,
        );
        expect(rows).to.deep.equal([
          {
            office: DEMO_OFFICE.id,
            dossier: code,
            endpoint: after.subscription.endpoint,
            p256dh: after.subscription.keys.p256dh,
            language: 'en',
            near: null,
          },
          {
            office: DEMO_OFFICE.id,
            dossier: `ticket:${ticket.id}`,
            endpoint: after.subscription.endpoint,
            p256dh: after.subscription.keys.p256dh,
            language: 'vi',
            near: 2,
          },
          {
            office: NEIGHBOUR,
            dossier: 'ticket:t-neighbour',
            endpoint: before.subscription.endpoint,
            p256dh: before.subscription.keys.p256dh,
            language: 'vi',
            near: null,
          },
        ]);
        // Again, or an endpoint no one has: the same answer, nothing changed.
        expect((await call(app, 'POST', RENEWAL, JSON_BODY, renewal)).status).to.equal(204);
        const unknown = { ...renewal, oldEndpoint: `${pushService.url}/push/nobody` };
        expect((await call(app, 'POST', RENEWAL, JSON_BODY, unknown)).status).to.equal(204);
        expect(await db.query('select 1 from push_subscriptions')).to.have.length(3);

        // The pending notice and the dossier's next status go to the new endpoint, readable with the new keys. The
        // ticket's turns are written again for the new endpoint after the next queue event (a notice's key names the
        // browser's endpoint): the renewed browser is told its turn once more, under the same tag.
        const sender = startNotificationSender({ db, office, now, manual: true, log: () => {} });
        clock.now += 3_600_000;
        const officer = await officerHeaders(db);
        expect(
          (await call(app, 'POST', `/api/dossiers/${code}/steps`, officer, { type: 'processing' })).status,
        ).to.equal(201);
        await notifyTicketTurns(createQueueService({ db, office, now }), clock.now);
        expect(await sender.runOnce()).to.equal(3);
        await sender.stop();
        expect(pushService.requests.map((r) => r.url)).to.deep.equal(['/push/new', '/push/new', '/push/new']);
        const titles = pushService.requests.map((r) => decrypted(r, after).title as string);
        const near = `Số ${ticket.number}: sắp đến lượt`;
        expect(titles.sort()).to.deep.equal([`${code}: Processing`, near, near].sort());
      } finally {
        await pushService.close();
        await db.close();
      }
    });

    it('refuses a malformed renewal with each problem, a plain-http endpoint, too many, and an office without Web Push', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const channel = { ...PUSH_CHANNEL, subject: 'https://xa-mau.gov.vn' };
        const office = parseOffice(
          {
            ...DEMO_OFFICE,
            rateLimits: { pushRenewals: { limit: 4, windowSeconds: 600 } },
            notifications: { channels: [channel] },
          },
          { demo: true },
        );
        const app = createApp({ db, office, catalogue: CATALOGUE, now: () => NINE });
        const phone = browser('https://push.example.vn/push/new');
        const malformed = await call(app, 'POST', RENEWAL, JSON_BODY, {
          oldEndpoint: 'not an address',
          endpoint: phone.subscription.endpoint,
          keys: { p256dh: 'short', auth: phone.auth },
          extra: true,
        });
        expect(malformed.status).to.equal(400);
        expect(malformed.body.error.code).to.equal('invalid-input');
        // As a subscription's body: the message names each problem's path, in Vietnamese and in English.
        for (const language of ['vi', 'en']) {
          const message = (malformed.body.error.message as Json)[language] as string;
          for (const path of ['oldEndpoint:', 'keys.p256dh:', '$: ']) expect(message, language).to.include(path);
          expect(message).not.to.include(' endpoint:');
        }
        const plain = await call(app, 'POST', RENEWAL, JSON_BODY, {
          oldEndpoint: 'https://push.example.vn/push/old',
          endpoint: 'http://push.example.vn/push/new',
          keys: phone.subscription.keys,
        });
        expect(plain.status).to.equal(400);
        expect(plain.body.error.code).to.equal('invalid-push-endpoint');
        const good = { oldEndpoint: 'https://push.example.vn/push/old', ...phone.subscription };
        expect((await call(app, 'POST', RENEWAL, JSON_BODY, good)).status).to.equal(204);
        expect((await call(app, 'POST', RENEWAL, JSON_BODY, good)).status).to.equal(204);
        // Per client address, refused ones counted too: the fifth waits.
        const limited = await call(app, 'POST', RENEWAL, JSON_BODY, good);
        expect(limited.status).to.equal(429);
        expect(limited.body.error.code).to.equal('rate-limited');
        expect(Number(limited.headers.get('retry-after'))).to.be.greaterThan(0);

        const none = createApp({ db, catalogue: CATALOGUE, now: () => NINE });
        const refused = await call(none, 'POST', RENEWAL, JSON_BODY, good);
        expect(refused.status).to.equal(404);
        expect(refused.body.error.code).to.equal('no-web-push');
      } finally {
        await db.close();
      }
    });
  });
}
