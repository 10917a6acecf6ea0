import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { officerHeaders } from '../staff/staff.test-support.js';
import { officeWithNotifications, startReceiver } from './receivers.test-support.js';
import { startNotificationSender } from './sender.js';
import { browser, decrypted, PUSH_CHANNEL, VAPID, vapidClaims } from './web-push.test-support.js';

// The push message is checked as a browser's push service and the browser would: the VAPID signature against the
// public key, and the payload decrypted (aes128gcm) with the subscription's private key.
const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const STAFF = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };

for (const target of TEST_DATABASES) {
  describe(`Web Push on ${target.name}`, () => {
    it('tells the browsers that opted in with the code and PIN, signed (VAPID) and encrypted; forgets a gone one', async () => {
      const db = await target.open();
      const pushService = await startReceiver((r) => r.headers.topic as string | undefined);
      try {
        await migrate(db);
        const office = officeWithNotifications({
          statusUrl: 'https://xa-mau.gov.vn/tra-cuu?ma={code}',
          channels: [PUSH_CHANNEL],
        });
        const clock = { now: NINE };
        const app = createApp({ db, office, catalogue: CATALOGUE, now: () => clock.now });
        const key = await call(app, 'GET', '/api/notifications/web-push');
        expect(key.body).to.deep.equal({ publicKey: VAPID.publicKey });
        expect(key.text).not.to.include(VAPID.privateKey);
        const received = await call(app, 'POST', '/api/dossiers', STAFF, {
          procedure: '1.004194',
          applicant: { name: 'Lê Thị Đẩy' },
          documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
        });
        const { code, pin } = received.body as { code: string; pin: string };
        const phone = browser(`${pushService.url}/push/phone`);
        const laptop = browser(`${pushService.url}/push/laptop`);
        const subscribe = (body: unknown, dossierPin: string) =>
          call(
            app,
            'PUT',
            `/api/dossiers/${code}/push-subscription`,
            { 'content-type': 'application/json', 'dossier-pin': dossierPin },
            body,
          );
        const wrongPin = pin === '000000' ? '111111' : '000000';
        expect((await subscribe(phone.subscription, wrongPin)).status).to.equal(404);
        expect(
          (await subscribe({ ...phone.subscription, keys: { p256dh: 'short', auth: phone.auth } }, pin)).status,
        ).to.equal(400);
        expect((await subscribe(phone.subscription, pin)).status).to.equal(204);
        expect((await subscribe({ ...laptop.subscription, language: 'en' }, pin)).status).to.equal(204);

        clock.now += 3_600_000;
        const officer = await officerHeaders(db);
        const step = await call(app, 'POST', `/api/dossiers/${code}/steps`, officer, { type: 'processing' });
        expect(step.status).to.equal(201);
        const sender = startNotificationSender({ db, office, now: () => clock.now, manual: true, log: () => {} });
        expect(await sender.runOnce()).to.equal(2);
        expect(pushService.requests).to.have.length(2);
        for (const r of pushService.requests) {
          expect(r.method).to.equal('POST');
          expect(r.headers.ttl).to.equal('86400');
          const claims = vapidClaims(r);
          expect(claims.aud).to.equal(pushService.url);
          expect(claims.sub).to.equal('mailto:mot-cua@xa-mau.gov.vn');
          const who = r.url === '/push/phone' ? phone : laptop;
          const message = decrypted(r, who);
          expect(message.title).to.equal(who === phone ? `${code}: Đang xử lý` : `${code}: Processing`);
          expect(message.url).to.equal(`https://xa-mau.gov.vn/tra-cuu?ma=${encodeURIComponent(code)}`);
          expect(message.body).not.to.include(pin);
          expect(message.id).to.match(/^n[0-9a-f]{32}$/);
        }
        // Each browser's notification has its own key (the Topic header), stable across tries.
        expect(pushService.unique.size).to.equal(2);

        // The phone unsubscribed: its push service answers 410, the subscription is forgotten and not retried.
        pushService.answer = (r) => (r.url === '/push/phone' ? 410 : 201);
        clock.now += 3_600_000;
        expect((await call(app, 'POST', `/api/dossiers/${code}/steps`, officer, { type: 'resolved' })).status).to.equal(
          201,
        );
        expect(await sender.runOnce()).to.equal(2);
        expect(await db.query(`select * from notification_outbox where status <> 'delivered'`)).to.have.length(0);
        clock.now += 3_600_000;
        expect((await call(app, 'POST', `/api/dossiers/${code}/steps`, officer, { type: 'returned' })).status).to.equal(
          201,
        );
        expect(await sender.runOnce()).to.equal(1);
        expect(pushService.requests.at(-1)?.url).to.equal('/push/laptop');
        await sender.stop();
      } finally {
        await pushService.close();
        await db.close();
      }
    });

    it('has no Web Push where the office configured none, and refuses a plain-http push service', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const app = createApp({ db, catalogue: CATALOGUE, now: () => NINE });
        expect((await call(app, 'GET', '/api/notifications/web-push')).status).to.equal(404);
        const office = parseOffice(
          {
            ...DEMO_OFFICE,
            notifications: {
              channels: [
                {
                  id: 'push',
                  kind: 'web-push',
                  publicKey: VAPID.publicKey,
                  privateKey: VAPID.privateKey,
                  subject: 'https://xa-mau.gov.vn',
                },
              ],
            },
          },
          { demo: true },
        );
        const strict = createApp({ db, office, catalogue: CATALOGUE, now: () => NINE });
        const received = await call(strict, 'POST', '/api/dossiers', STAFF, {
          procedure: '1.004194',
          applicant: { name: 'Lê Thị Đẩy' },
          documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
        });
        const res = await call(
          strict,
          'PUT',
          `/api/dossiers/${received.body.code}/push-subscription`,
          { 'content-type': 'application/json', 'dossier-pin': received.body.pin },
          browser('http://push.example.vn/x').subscription,
        );
        expect(res.status).to.equal(400);
        expect(res.body.error.code).to.equal('invalid-push-endpoint');
      } finally {
        await db.close();
      }
    });
  });
}
