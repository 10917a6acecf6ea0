import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { adminHeaders } from '../devices/pairing.test-support.js';
import { call, type Json } from '../http/call.test-support.js';
import { officerHeaders, sessionHeaders, testUser } from '../staff/staff.test-support.js';
import { purgeNotificationContacts } from './contact-retention.js';
import { claimDue, writeOutbox } from './outbox-store.js';
import { pushSubscriptionsOf, savePushSubscription } from './push-store.js';
import { officeWithNotifications, startReceiver, TEST_WEBHOOK_SECRET } from './receivers.test-support.js';
import { retryDelayMs, startNotificationSender } from './sender.js';
import { DEFAULT_RETRY } from './settings.js';
import { verifyWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
// Tuesday 2026-03-10, 09:00 in Vietnam (UTC+7).
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const STAFF = { authorization: 'Bearer demo-counter-1', 'content-type': 'application/json' };
const RECEIVE = {
  procedure: '1.004194',
  applicant: { name: 'Nguyễn Thị Bí Mật', address: '12 Đường Riêng Tư', phone: '0905 123 456' },
  documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
  notify: { phone: '0905123456', email: 'bi.mat@example.vn' },
};

/** The notice a row carries (JSON text on some drivers). */
function noticeOfRow(row: Json | undefined): Json {
  const message = typeof row?.message === 'string' ? JSON.parse(row.message) : row?.message;
  return message?.notice ?? {};
}

async function outboxRows(db: Database): Promise<Json[]> {
  return db.query<Json>('select * from notification_outbox order by created_at, channel, id');
}

describe('retry delays', () => {
  it('double per failure up to the cap, jittered into the upper half of the step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, r) => {
          const step = Math.min(DEFAULT_RETRY.maxDelaySeconds, DEFAULT_RETRY.firstDelaySeconds * 2 ** (attempts - 1));
          const delay = retryDelayMs(DEFAULT_RETRY, attempts, () => r);
          expect(delay).to.be.within((step * 1000) / 2, step * 1000);
          expect(retryDelayMs(DEFAULT_RETRY, attempts + 1, () => r)).to.be.at.least(delay);
        },
      ),
    );
    expect(retryDelayMs(DEFAULT_RETRY, 1, () => 0)).to.equal(15_000);
    expect(retryDelayMs(DEFAULT_RETRY, 20, () => 0.5)).to.equal(2_700_000);
  });
});

for (const target of TEST_DATABASES) {
  describe(`notification outbox on ${target.name}`, () => {
    it('writes a status change and its notifications in one transaction; a refused change writes none', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const office = officeWithNotifications({
          statusUrl: 'https://xa-mau.gov.vn/tra-cuu?ma={code}',
          channels: [
            { id: 'tinh', kind: 'webhook', url: 'http://127.0.0.1:9/hook', secret: TEST_WEBHOOK_SECRET },
            { id: 'sms', kind: 'gateway', url: 'http://127.0.0.1:9/sms', body: '{"to":"{{phone}}"}' },
            { id: 'mail', kind: 'email', host: '127.0.0.1', from: 'mot-cua@xa-mau.gov.vn' },
          ],
        });
        const clock = { now: NINE };
        const app = createApp({ db, office, catalogue: CATALOGUE, now: () => clock.now });
        // A citizen who gave no contact: only the webhook hears of it.
        const silent = await call(app, 'POST', '/api/dossiers', STAFF, { ...RECEIVE, notify: undefined });
        expect((await outboxRows(db)).map((r) => r.channel)).to.deep.equal(['tinh']);
        const received = await call(app, 'POST', '/api/dossiers', STAFF, RECEIVE);
        expect(received.status).to.equal(201);
        const code = received.body.code as string;
        let rows = (await outboxRows(db)).filter((r) => r.dossier === code);
        expect(rows.map((r) => r.channel).sort()).to.deep.equal(['mail', 'sms', 'tinh']);
        expect(rows.find((r) => r.channel === 'sms')?.recipient).to.equal('0905123456');
        expect(rows.find((r) => r.channel === 'mail')?.recipient).to.equal('bi.mat@example.vn');
        expect(rows.find((r) => r.channel === 'tinh')?.recipient).to.equal(null);
        const notice = noticeOfRow(rows[0]);
        expect(notice.dossier).to.include({
          code,
          agency: received.body.receipt.agency,
          status: 'received',
          receivedAt: '2026-03-10T09:00:00+07:00',
          processedAt: '2026-03-10T09:00:00+07:00',
          dueAt: received.body.dueAt,
          statusUrl: `https://xa-mau.gov.vn/tra-cuu?ma=${encodeURIComponent(code)}`,
        });
        expect(notice.dossier.statusName.vi).to.equal('Được tiếp nhận');
        // Never the PIN, nor the applicant's name or address.
        for (const row of rows) {
          const text = JSON.stringify(row.message);
          expect(text).not.to.include(received.body.pin);
          expect(text).not.to.include('Bí Mật');
          expect(text).not.to.include('Riêng Tư');
        }

        // A step core's clock refuses (a completion without a request) changes nothing and tells no one.
        const refused = await call(app, 'POST', `/api/dossiers/${code}/steps`, await officerHeaders(db), {
          type: 'supplement-completed',
        });
        expect(refused.status).to.be.within(400, 499);
        expect((await outboxRows(db)).filter((r) => r.dossier === code)).to.have.length(3);

        clock.now += 3_600_000;
        const officer = await testUser(db, 'demo', 'canbo', ['officer'], clock.now);
        const asOfficer = {
          ...(await sessionHeaders(db, officer, clock.now)),
          'motcua-counter': '2',
          'content-type': 'application/json',
        };
        const step = await call(app, 'POST', `/api/dossiers/${code}/steps`, asOfficer, {
          type: 'supplement-requested',
          reason: 'Thiếu bản sao giấy khai sinh',
          reasons: ['incomplete'],
        });
        expect(step.status, JSON.stringify(step.body)).to.equal(201);
        rows = (await outboxRows(db)).filter((r) => r.dossier === code);
        expect(rows).to.have.length(6);
        const latest = rows.filter((r) => Number(r.created_at) === clock.now);
        expect(latest).to.have.length(3);
        const change = noticeOfRow(latest[0]);
        expect(change.dossier).to.include({
          status: 'supplement-requested',
          step: 'supplement-requested',
          processedAt: '2026-03-10T10:00:00+07:00',
          receivedAt: '2026-03-10T09:00:00+07:00',
          reason: 'Thiếu bản sao giấy khai sinh',
        });
        expect(change.dossier.handledBy).to.deep.equal({ name: officer.displayName, counter: '2' });
        expect(change.dossier.statusName.vi).to.equal('Yêu cầu bổ sung giấy tờ');
        // Every notification has its own stable key.
        expect(new Set(rows.map((r) => r.id)).size).to.equal(6);
        expect(silent.status).to.equal(201);
      } finally {
        await db.close();
      }
    });

    it('retries with back-off, then dead-letters; an admin lists and replays; the receiver sees it once', async () => {
      const db = await target.open();
      const receiver = await startReceiver();
      const logs: string[] = [];
      try {
        await migrate(db);
        const office = officeWithNotifications({
          retry: { attempts: 3, firstDelaySeconds: 10, maxDelaySeconds: 60 },
          channels: [{ id: 'tinh', kind: 'webhook', url: `${receiver.url}/hook`, secret: TEST_WEBHOOK_SECRET }],
        });
        const clock = { now: NINE };
        const app = createApp({ db, office, catalogue: CATALOGUE, now: () => clock.now });
        const sender = startNotificationSender({
          db,
          office,
          now: () => clock.now,
          random: () => 0,
          manual: true,
          log: (line) => logs.push(line),
        });
        expect((await call(app, 'POST', '/api/dossiers', STAFF, RECEIVE)).status).to.equal(201);
        receiver.answer = () => 503;
        expect(await sender.runOnce()).to.equal(1);
        // Not due before its back-off (10 s, jittered to 5–10 s; 5 s with random 0).
        clock.now += 4_000;
        expect(await sender.runOnce()).to.equal(0);
        clock.now += 1_000;
        expect(await sender.runOnce()).to.equal(1);
        // Then 20 s (10 s with random 0).
        clock.now += 9_999;
        expect(await sender.runOnce()).to.equal(0);
        clock.now += 1;
        expect(await sender.runOnce()).to.equal(1);
        clock.now += 3_600_000;
        expect(await sender.runOnce()).to.equal(0);
        expect(receiver.requests).to.have.length(3);
        expect(logs.at(-1)).to.include('dead letters');
        for (const line of logs) expect(line).not.to.include(TEST_WEBHOOK_SECRET);

        const admin = await adminHeaders(db, 'demo', clock.now);
        const listed = await call(app, 'GET', '/api/notifications/dead-letters', admin);
        expect(listed.status).to.equal(200);
        expect(listed.body.deadLetters).to.have.length(1);
        const [letter] = listed.body.deadLetters as Json[];
        expect(letter).to.include({ channel: 'tinh', kind: 'webhook', attempts: 3, lastError: 'webhook: HTTP 503' });
        expect(JSON.stringify(listed.body)).not.to.include(TEST_WEBHOOK_SECRET);
        const officer = await testUser(db, 'demo', 'canbo', ['officer', 'leader'], clock.now);
        const notAdmin = await sessionHeaders(db, officer, clock.now);
        expect((await call(app, 'GET', '/api/notifications/dead-letters', notAdmin)).status).to.equal(403);
        expect(
          (await call(app, 'POST', `/api/notifications/dead-letters/${letter?.id}/replay`, notAdmin)).status,
        ).to.equal(403);

        receiver.answer = () => 200;
        const replayed = await call(app, 'POST', `/api/notifications/dead-letters/${letter?.id}/replay`, admin);
        expect(replayed.status).to.equal(200);
        expect(
          (await call(app, 'POST', `/api/notifications/dead-letters/${letter?.id}/replay`, admin)).status,
        ).to.equal(404);
        expect(await sender.runOnce()).to.equal(1);
        expect((await call(app, 'GET', '/api/notifications/dead-letters', admin)).body.deadLetters).to.deep.equal([]);
        expect(receiver.requests).to.have.length(4);
        expect(new Set(receiver.requests.map((r) => r.headers['idempotency-key']))).to.have.property('size', 1);
        expect(receiver.unique.size).to.equal(1);
        // Signed over timestamp.body with the channel's secret; the id header is the body's id.
        const got = receiver.requests[3] as (typeof receiver.requests)[number];
        const timestamp = got.headers[WEBHOOK_HEADERS.timestamp.toLowerCase()] as string;
        const signature = got.headers[WEBHOOK_HEADERS.signature.toLowerCase()] as string;
        expect(
          verifyWebhook(TEST_WEBHOOK_SECRET, timestamp, signature, got.body, Math.floor(clock.now / 1000)),
        ).to.equal(true);
        expect(
          verifyWebhook(TEST_WEBHOOK_SECRET, timestamp, signature, `${got.body} `, Math.floor(clock.now / 1000)),
        ).to.equal(false);
        expect(
          verifyWebhook(TEST_WEBHOOK_SECRET, timestamp, signature, got.body, Math.floor(clock.now / 1000) + 301),
        ).to.equal(false);
        expect(JSON.parse(got.body).id).to.equal(got.headers[WEBHOOK_HEADERS.id.toLowerCase()]);
        // Delivered: the row no longer keeps a recipient.
        const [row] = await outboxRows(db);
        expect(row).to.include({ status: 'delivered', recipient: null });
        await sender.stop();
      } finally {
        await receiver.close();
        await db.close();
      }
    });

    it('purges the citizen’s contact once the dossier is finished and the retention has passed, not before', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const office = officeWithNotifications({
          contactRetentionDays: 30,
          channels: [{ id: 'sms', kind: 'gateway', url: 'http://127.0.0.1:9/sms' }],
        });
        const clock = { now: NINE };
        const app = createApp({ db, office, catalogue: CATALOGUE, now: () => clock.now });
        const finished = (await call(app, 'POST', '/api/dossiers', STAFF, RECEIVE)).body.code as string;
        const open = (await call(app, 'POST', '/api/dossiers', STAFF, RECEIVE)).body.code as string;
        const push = {
          endpoint: 'https://push.example.vn/1',
          keys: { p256dh: 'p', auth: 'a' },
          language: 'vi' as const,
        };
        await savePushSubscription(db, 'demo', finished, push, clock.now);
        await savePushSubscription(db, 'demo', open, push, clock.now);
        clock.now += 86_400_000;
        expect(
          (await call(app, 'POST', `/api/dossiers/${finished}/steps`, await officerHeaders(db), { type: 'resolved' }))
            .status,
        ).to.equal(201);
        const finishedAt = clock.now;
        const notifyOf = async (code: string) =>
          (await db.query<Json>('select notify from dossiers where code = $1', [code]))[0]?.notify;
        expect(await purgeNotificationContacts(db, office, finishedAt + 30 * 86_400_000 - 60_000)).to.equal(0);
        expect(await notifyOf(finished)).to.not.equal(null);
        expect(await purgeNotificationContacts(db, office, finishedAt + 30 * 86_400_000 + 60_000)).to.equal(1);
        expect(await notifyOf(finished)).to.equal(null);
        expect(await pushSubscriptionsOf(db, 'demo', finished)).to.deep.equal([]);
        // The open dossier keeps everything, however old.
        expect(await notifyOf(open)).to.not.equal(null);
        expect(await pushSubscriptionsOf(db, 'demo', open)).to.have.length(1);
        expect(await purgeNotificationContacts(db, office, finishedAt + 400 * 86_400_000)).to.equal(0);
      } finally {
        await db.close();
      }
    });

    it('lets concurrent senders claim side by side, never the same notification twice', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const message = { notice: { id: 'x' }, language: 'vi' } as never;
        await db.transaction((tx) =>
          writeOutbox(
            tx,
            Array.from({ length: 60 }, (_, i) => ({
              id: `n${i}`,
              office: 'demo',
              dossier: `D${i}`,
              channel: 'tinh',
              kind: 'webhook' as const,
              recipient: null,
              message,
            })),
            NINE,
          ),
        );
        const claims = await Promise.all(Array.from({ length: 4 }, () => claimDue(db, 'demo', NINE, 60_000, 20)));
        const ids = claims.flat().map((c) => c.id);
        expect(new Set(ids).size).to.equal(ids.length);
        expect(ids.length).to.equal(60);
        // Leased: nothing is due again until the lease ends, then everything is.
        expect(await claimDue(db, 'demo', NINE + 59_999, 60_000, 100)).to.have.length(0);
        const again = await claimDue(db, 'demo', NINE + 60_000, 60_000, 100);
        expect(again).to.have.length(60);
        expect(again.every((c) => c.attempts === 2)).to.equal(true);
      } finally {
        await db.close();
      }
    });
  });
}
