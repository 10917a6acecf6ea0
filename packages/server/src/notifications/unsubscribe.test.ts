import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { sessionHeaders, testUser } from '../staff/staff.test-support.js';
import { officeWithNotifications, startReceiver } from './receivers.test-support.js';
import { startNotificationSender } from './sender.js';
import { startSmtp } from './smtp.test-support.js';
import { checkUnsubscribeToken, contactMatches, type UnsubscribeClaim, unsubscribeToken } from './unsubscribe-token.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
// Tuesday 2026-03-10, 09:00 in Vietnam (UTC+7).
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const SMTP_PASSWORD = 'smtp-password-for-unsubscribe';
const SECRET = 'unsubscribe-test-secret-of-at-least-32-bytes';
const EMAIL = 'tran.rieng@example.vn';
const PHONE = '0905000111';

for (const target of TEST_DATABASES) {
  describe(`unsubscribe from dossier notices on ${target.name}`, () => {
    it('links every email, stops that contact only, refuses a tampered token, repeats harmlessly; GET changes nothing', async () => {
      const db: Database = await target.open();
      const smtp = await startSmtp('mot-cua', SMTP_PASSWORD);
      const gateway = await startReceiver((r) => JSON.parse(r.body).reference);
      const logs: string[] = [];
      try {
        await migrate(db);
        const office = officeWithNotifications({
          publicUrl: 'https://motcua.xa-mau.gov.vn',
          channels: [
            {
              id: 'mail',
              kind: 'email',
              host: '127.0.0.1',
              port: smtp.port,
              user: 'mot-cua',
              password: SMTP_PASSWORD,
              from: 'mot-cua@xa-mau.gov.vn',
            },
            {
              id: 'sms',
              kind: 'gateway',
              url: `${gateway.url}/sms`,
              body: '{"phone":"{{phone}}","text":"{{text}}","stop":"{{unsubscribeUrl}}","reference":"{{reference}}"}',
            },
          ],
        });
        const clock = { now: NINE };
        const app = createApp({ db, office, catalogue: CATALOGUE, now: () => clock.now, secret: SECRET });
        const officer = await testUser(db, 'demo', 'canbo', ['officer'], clock.now);
        const staff = {
          ...(await sessionHeaders(db, officer, clock.now)),
          'motcua-counter': '1',
          'content-type': 'application/json',
        };
        const send = async () => {
          const sender = startNotificationSender({
            db,
            office,
            now: () => clock.now,
            manual: true,
            log: (l) => logs.push(l),
          });
          await sender.runOnce();
          await sender.stop();
        };
        const step = async (type: string) => {
          clock.now += 3_600_000;
          const r = await call(app, 'POST', `/api/dossiers/${code}/steps`, staff, { type });
          expect(r.status, JSON.stringify(r.body)).to.equal(201);
        };
        const received = await call(app, 'POST', '/api/dossiers', staff, {
          procedure: '1.004194',
          applicant: { name: 'Trần Văn Riêng', phone: '0905 000 111' },
          documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
          notify: { email: EMAIL, phone: PHONE },
        });
        expect(received.status, JSON.stringify(received.body)).to.equal(201);
        const code = received.body.code as string;
        const pin = received.body.pin as string;
        await step('processing');
        await send();

        // The email carries RFC 8058's headers and the link in its text; the SMS its own link (a different token).
        expect(smtp.mails, logs.join('\n')).to.have.length(2);
        const mail = smtp.mails[0];
        const header = mail?.headers.get('list-unsubscribe') ?? '';
        const link = /^<(https:\/\/motcua\.xa-mau\.gov\.vn\/api\/dossiers\/[^>]+\/unsubscribe\?token=[^>]+)>$/.exec(
          header,
        )?.[1] as string;
        expect(link, header).to.be.a('string');
        expect(mail?.headers.get('list-unsubscribe-post')).to.equal('List-Unsubscribe=One-Click');
        expect(mail?.text).to.include(`Ngừng nhận thông báo về hồ sơ này: ${link}`);
        expect(link).not.to.include(pin);
        expect(link).not.to.include(encodeURIComponent(EMAIL));
        expect(link).not.to.include('tran');
        const smsLink = JSON.parse(gateway.requests[0]?.body ?? '{}').stop as string;
        expect(smsLink).to.match(/\/unsubscribe\?token=p\./);
        const url = new URL(link);
        const path = `${url.pathname}${url.search}`;
        const token = url.searchParams.get('token') as string;

        // GET shows the page and stops nothing.
        const page = await call(app, 'GET', path);
        expect(page.status).to.equal(200);
        expect(page.headers.get('content-type')).to.match(/^text\/html/);
        expect(page.headers.get('content-security-policy')).to.match(/default-src 'none'/);
        expect(page.headers.get('content-security-policy')).not.to.include('script');
        expect(page.text).to.include(`Hồ sơ ${code}`);
        expect(page.text).to.include('<form method="post">');
        expect(page.text).to.include('name="List-Unsubscribe" value="One-Click"');
        expect(page.text).not.to.include('<script');
        const notifyOf = async () =>
          (await db.query<{ notify: unknown }>('select notify from dossiers where code = $1', [code]))[0]?.notify;
        const parsed = async () => {
          const n = await notifyOf();
          return typeof n === 'string' ? JSON.parse(n) : n;
        };
        expect(await parsed()).to.deep.include({ email: EMAIL, phone: PHONE });
        // A hostile code in the page is escaped.
        const hostile = await call(
          app,
          'GET',
          `/api/dossiers/${encodeURIComponent('<b>x')}/unsubscribe?token=${token}`,
        );
        expect(hostile.status).to.equal(404);
        expect(hostile.text).not.to.include('<b>x');
        expect(hostile.text).to.include('&lt;b&gt;x');

        // A tampered token, one for another dossier, none: refused in Vietnamese and English; nothing changes.
        const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
        for (const [where, t] of [
          [code, tampered],
          [code, `e.${token.slice(2, 18)}.${'x'.repeat(32)}`],
          [code, ''],
          ['000.00.00.H00-260310-9999', token],
        ] as const) {
          const refused = await call(
            app,
            'POST',
            `/api/dossiers/${where}/unsubscribe`,
            { 'content-type': 'application/json' },
            { token: t },
          );
          expect(refused.status, t).to.equal(404);
          expect(refused.body.error?.code).to.equal('invalid-unsubscribe-link');
          expect(refused.body.error?.message).to.deep.equal({
            vi: 'Liên kết ngừng nhận thông báo không hợp lệ',
            en: 'This link to stop the notices is not valid',
          });
        }
        expect(await parsed()).to.deep.include({ email: EMAIL, phone: PHONE });

        // A step is recorded; before it is sent, the mail client's one-click POST (a form, the token in the query).
        await step('supplement-requested');
        const pending = async (kind: string) =>
          (
            await db.query<{ n: number | string }>(
              `select count(*) as n from notification_outbox where dossier = $1 and kind = $2 and status = 'pending'`,
              [code, kind],
            )
          )[0]?.n;
        expect(Number(await pending('email'))).to.equal(1);
        const oneClick = await app.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(oneClick.status).to.equal(200);
        expect(await oneClick.text()).to.include('Đã ngừng gửi thông báo');
        expect(Number(await pending('email'))).to.equal(0);
        expect(Number(await pending('gateway'))).to.equal(1);
        expect(await parsed()).to.deep.equal({ phone: PHONE });

        // Sent: the SMS still goes, no email; and so for the next step.
        await send();
        await step('supplement-completed');
        await send();
        expect(smtp.mails, logs.join('\n')).to.have.length(2);
        expect(gateway.unique.size, logs.join('\n')).to.equal(4);

        // Repeated (JSON, and the form again): the same answer, one audit line, without the contact.
        const again = await call(
          app,
          'POST',
          `/api/dossiers/${code}/unsubscribe`,
          { 'content-type': 'application/json' },
          { token },
        );
        expect(again.status).to.equal(204);
        const form = await app.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(form.status).to.equal(200);
        const audit = await db.query<{ action: string; object: string; detail: unknown; actor_kind: string }>(
          `select action, object, detail, actor_kind from audit_events where action = 'dossier.unsubscribe'`,
        );
        expect(audit).to.have.length(1);
        expect(audit[0]?.object).to.equal(`dossier:${code}`);
        expect(audit[0]?.actor_kind).to.equal('anonymous');
        const detail = typeof audit[0]?.detail === 'string' ? JSON.parse(audit[0].detail) : audit[0]?.detail;
        expect(detail).to.deep.equal({ contact: 'email', dropped: 1 });
        expect(JSON.stringify(audit)).not.to.include(EMAIL);

        // The form body is accepted on this route only; elsewhere a form is still refused.
        const elsewhere = await app.request(`/api/dossiers/${code}/push-subscription`, {
          method: 'PUT',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(elsewhere.status).to.equal(415);
        // And on this route, a form that is not the one-click body is refused.
        const other = await app.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'x=1',
        });
        expect(other.status).to.equal(400);
      } finally {
        await gateway.close();
        await smtp.close();
        await db.close();
      }
    });
  });
}

describe('unsubscribe tokens', () => {
  it('are bound to the secret, the office, the dossier and the contact, and need a 32-byte secret', () => {
    const code = '000.00.00.H00-260310-0001';
    const token = unsubscribeToken(SECRET, 'demo', code, 'e', EMAIL) as string;
    expect(token).to.match(/^e\.[\w-]{16}\.[\w-]{32}$/);
    expect(token).not.to.include('tran');
    const claim = checkUnsubscribeToken(SECRET, 'demo', code, token);
    expect(claim?.kind).to.equal('e');
    expect(contactMatches(SECRET, 'demo', claim as UnsubscribeClaim, EMAIL)).to.equal(true);
    expect(contactMatches(SECRET, 'demo', claim as UnsubscribeClaim, 'other@example.vn')).to.equal(false);
    expect(checkUnsubscribeToken(`${SECRET}-other`, 'demo', code, token)).to.equal(undefined);
    expect(checkUnsubscribeToken(SECRET, 'other-office', code, token)).to.equal(undefined);
    expect(checkUnsubscribeToken(SECRET, 'demo', '000.00.00.H00-260310-0002', token)).to.equal(undefined);
    expect(checkUnsubscribeToken(SECRET, 'demo', code, `p${token.slice(1)}`)).to.equal(undefined);
    expect(unsubscribeToken('short-secret', 'demo', code, 'e', EMAIL)).to.equal(undefined);
  });

  it('need publicUrl to be an origin', () => {
    expect(() => officeWithNotifications({ publicUrl: 'https://motcua.xa.gov.vn/a?b', channels: [] })).to.throw(
      /publicUrl/,
    );
    expect(
      officeWithNotifications({ publicUrl: 'https://motcua.xa.gov.vn', channels: [] }).notifications.publicUrl,
    ).to.equal('https://motcua.xa.gov.vn');
  });
});
