import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MotcuaError } from '@motcua/core/text';
import { expect } from 'chai';
import { ROUTE_ACCESS } from '../access.js';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { adminHeaders } from '../devices/pairing.test-support.js';
import { call } from '../http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';
import { sessionHeaders, testUser } from '../staff/staff.test-support.js';
import { channelDelivery } from './deliver.js';
import { isPrivateAddress, sendGuarded } from './destination-guard.js';
import { fillTemplate } from './gateway-template.js';
import { claimDue } from './outbox-store.js';
import { officeWithNotifications, startReceiver, TEST_WEBHOOK_SECRET } from './receivers.test-support.js';
import { startNotificationSender } from './sender.js';
import { startSmtp } from './smtp.test-support.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
// Tuesday 2026-03-10, 09:00 in Vietnam (UTC+7).
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const SMTP_PASSWORD = 'smtp-password-never-shown';
const GATEWAY_TOKEN = 'gateway-token-never-shown';
process.env.MOTCUA_TEST_GATEWAY_AUTHORIZATION = `Bearer ${GATEWAY_TOKEN}`;

/** A file holding `content`, in a folder of its own. */
const secretFile = (content: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'motcua-secret-')), 'secret');
  writeFileSync(file, content, { mode: 0o600 });
  return file;
};

const HOSTILE = 'Thiếu "giấy" \\ tờ\n<script>alert(1)</script> & {{phone}}';

describe('gateway templates', () => {
  it('escape each placeholder for where it stands: a JSON string, a form field, a URL', () => {
    const values = { phone: '0905 123 456', text: HOSTILE };
    const json = fillTemplate('{"to":"{{phone}}","message":"{{ text }}"}', values, 'json');
    expect(JSON.parse(json)).to.deep.equal({ to: '0905 123 456', message: HOSTILE });
    const form = fillTemplate('to={{phone}}&msg={{text}}', values, 'form');
    expect(Object.fromEntries(new URLSearchParams(form))).to.deep.equal({ to: '0905 123 456', msg: HOSTILE });
    const url = new URL(fillTemplate('https://sms.example.vn/send?to={{phone}}&text={{text}}', values, 'uri'));
    expect(url.searchParams.get('text')).to.equal(HOSTILE);
    expect(url.host).to.equal('sms.example.vn');
  });
});

describe('notification settings in the office configuration', () => {
  it('refuse bad channels with the path of each problem, in Vietnamese and English', () => {
    let error: unknown;
    try {
      parseOffice({
        ...DEMO_OFFICE,
        notifications: {
          statusUrl: 'https://xa.gov.vn/tra-cuu',
          channels: [
            { id: 'tinh', kind: 'webhook', url: 'ftp://tinh.gov.vn/hook', secret: 'short' },
            { id: 'sms', kind: 'gateway', url: 'https://sms.vn/{{pin}}', body: '{"to": {{phone}}}' },
            { id: 'sms', kind: 'email', host: 'smtp.vn', from: 'a@b.vn', pasword: 'typo' },
            { id: 'zalo', kind: 'gateway', url: 'https://zalo.vn', headers: { 'X-Token': 'a\r\nInjected: 1' } },
          ],
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(MotcuaError);
    const problems = (error as MotcuaError).problems;
    const paths = problems.map((p) => p.path.join('.'));
    for (const path of [
      'notifications.statusUrl',
      'notifications.channels.0.url',
      'notifications.channels.0.secret',
      'notifications.channels.1.url',
      'notifications.channels.1.body',
      'notifications.channels.2',
      'notifications.channels.3.headers.X-Token',
    ]) {
      expect(paths, path).to.include(path);
    }
    for (const p of problems) {
      expect(p.message.vi).to.match(/^Cấu hình văn phòng không hợp lệ/);
      expect(p.message.en).to.match(/^Invalid office configuration/);
    }
  });

  it('read secrets from the environment or a file at start, and name what is missing without a value', () => {
    const webhook = (secret: unknown) => ({ id: 'tinh', kind: 'webhook', url: 'https://tinh.gov.vn/hook', secret });
    const value = 'w'.repeat(40);
    process.env.MOTCUA_TEST_WEBHOOK_SECRET = value;
    const fromEnv = parseOffice({
      ...DEMO_OFFICE,
      notifications: { channels: [webhook({ env: 'MOTCUA_TEST_WEBHOOK_SECRET' })] },
    });
    expect(fromEnv.notifications.channels[0]).to.include({ secret: value });
    const fromFile = parseOffice({
      ...DEMO_OFFICE,
      notifications: { channels: [webhook({ file: secretFile(`${value}\r\n`) })] },
    });
    expect(fromFile.notifications.channels[0], 'one trailing line break dropped').to.include({ secret: value });

    const problemsOf = (secret: unknown) => {
      try {
        parseOffice({ ...DEMO_OFFICE, notifications: { channels: [webhook(secret)] } });
      } catch (error) {
        return (error as MotcuaError).problems.map((p) => ({ path: p.path.join('.'), en: p.message.en }));
      }
      return [];
    };
    const path = 'notifications.channels.0.secret';
    delete process.env.MOTCUA_TEST_UNSET_SECRET;
    expect(problemsOf({ env: 'MOTCUA_TEST_UNSET_SECRET' })).to.deep.equal([
      { path, en: 'Invalid office configuration: the environment variable MOTCUA_TEST_UNSET_SECRET is not set' },
    ]);
    const missing = problemsOf({ file: '/nonexistent/motcua/secret' });
    expect(missing).to.have.length(1);
    expect(missing[0]?.en).to.contain('the file /nonexistent/motcua/secret cannot be read (ENOENT)');
    expect(problemsOf({ file: secretFile('\n') })[0]?.en).to.contain('is empty');
    // A secret read from elsewhere is checked as one written in the file; the message never holds the value.
    process.env.MOTCUA_TEST_SHORT_SECRET = 'short-secret';
    const short = problemsOf({ env: 'MOTCUA_TEST_SHORT_SECRET' });
    expect(short.map((p) => p.path)).to.deep.equal([path]);
    expect(short[0]?.en).to.contain('at least 32 characters').and.not.contain('short-secret');
    expect(problemsOf({ env: 'not a name' })[0]?.path).to.equal(`${path}.env`);
    expect(problemsOf({ env: 'A', file: '/x' }).length).to.be.greaterThan(0);
  });
});

describe('destination guard (server-side request forgery)', () => {
  it('knows loopback, private, link-local and mapped addresses from public ones', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
    ]) {
      expect(isPrivateAddress(a), a).to.equal(true);
    }
    for (const a of ['::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
      expect(isPrivateAddress(a), a).to.equal(true);
    }
    for (const a of ['203.113.131.1', '8.8.8.8', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(a), a).to.equal(false);
    }
  });

  it('refuses private and loopback destinations unless allowed, by address or by name, and follows no redirect', async () => {
    const receiver = await startReceiver();
    try {
      const req = { method: 'POST', headers: {}, body: '{}', timeoutMs: 2_000 };
      for (const url of [`${receiver.url}/x`, receiver.url.replace('127.0.0.1', 'localhost'), 'http://[::1]:9/']) {
        let refused: unknown;
        await sendGuarded({ ...req, url, allowPrivate: false }).catch((e: unknown) => {
          refused = e;
        });
        expect((refused as Error)?.name, url).to.equal('RefusedDestination');
      }
      expect(receiver.requests).to.have.length(0);
      expect((await sendGuarded({ ...req, url: `${receiver.url}/x`, allowPrivate: true })).status).to.equal(200);
      // A redirect (here to the cloud metadata address) is an answer, never followed.
      receiver.answer = () => 302;
      expect((await sendGuarded({ ...req, url: `${receiver.url}/x`, allowPrivate: true })).status).to.equal(302);
      expect(receiver.requests).to.have.length(2);
    } finally {
      await receiver.close();
    }
  });
});

for (const target of TEST_DATABASES) {
  describe(`notification channels on ${target.name}`, () => {
    async function receiveAndDeliver(
      db: Database,
      office: ReturnType<typeof officeWithNotifications>,
      logs: string[],
    ): Promise<{ code: string; pin: string; app: ReturnType<typeof createApp> }> {
      const clock = { now: NINE };
      const app = createApp({ db, office, catalogue: CATALOGUE, now: () => clock.now });
      const officer = await testUser(db, 'demo', 'canbo', ['officer'], clock.now);
      const headers = {
        ...(await sessionHeaders(db, officer, clock.now)),
        'motcua-counter': '1',
        'content-type': 'application/json',
      };
      const received = await call(app, 'POST', '/api/dossiers', headers, {
        procedure: '1.004194',
        applicant: { name: 'Trần Văn Riêng', phone: '0905 000 111' },
        documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
        notify: { email: 'tran.rieng@example.vn', phone: '0905000111' },
      });
      expect(received.status, JSON.stringify(received.body)).to.equal(201);
      clock.now += 2 * 3_600_000;
      const step = await call(app, 'POST', `/api/dossiers/${received.body.code}/steps`, headers, {
        type: 'supplement-requested',
        reason: HOSTILE,
        reasons: ['incomplete'],
      });
      expect(step.status, JSON.stringify(step.body)).to.equal(201);
      const sender = startNotificationSender({
        db,
        office,
        now: () => clock.now,
        manual: true,
        log: (l) => logs.push(l),
      });
      await sender.runOnce();
      await sender.stop();
      return { code: received.body.code, pin: received.body.pin, app };
    }

    it('emails the citizen over SMTP, with the decree’s fields, a stable Message-ID and never the PIN', async () => {
      const db = await target.open();
      const smtp = await startSmtp('mot-cua', SMTP_PASSWORD);
      const logs: string[] = [];
      try {
        await migrate(db);
        const office = officeWithNotifications({
          statusUrl: 'https://xa-mau.gov.vn/tra-cuu?ma={code}',
          channels: [
            {
              id: 'mail',
              kind: 'email',
              host: '127.0.0.1',
              port: smtp.port,
              user: 'mot-cua',
              // Read from a file at start (systemd's LoadCredential=, a Docker secret): the SMTP server only lets
              // the right password in.
              password: { file: secretFile(`${SMTP_PASSWORD}\n`) },
              from: '"UBND xã Mẫu" <mot-cua@xa-mau.gov.vn>',
            },
          ],
        });
        const { code, pin } = await receiveAndDeliver(db, office, logs);
        expect(smtp.mails, logs.join('\n')).to.have.length(2);
        // Delivered side by side: in either order.
        const receipt = smtp.mails.find((m) => m.subject.endsWith('Được tiếp nhận'));
        const supplement = smtp.mails.find((m) => m.subject.endsWith('Yêu cầu bổ sung giấy tờ'));
        expect(receipt?.to).to.deep.equal(['tran.rieng@example.vn']);
        expect(receipt?.from).to.equal('mot-cua@xa-mau.gov.vn');
        expect(receipt?.user).to.equal('mot-cua');
        expect(receipt?.subject).to.equal(`${code}: Được tiếp nhận`);
        expect(supplement?.subject).to.equal(`${code}: Yêu cầu bổ sung giấy tờ`);
        const text = supplement?.text ?? '';
        expect(text).to.include(`hồ sơ ${code} (Đăng ký tạm trú) – Yêu cầu bổ sung giấy tờ.`);
        expect(text).to.include('Người xử lý: Cán bộ canbo (quầy 1).');
        expect(text).to.include('Tiếp nhận: 09:00 10/03/2026; xử lý: 11:00 10/03/2026; hẹn trả kết quả:');
        expect(text).to.include(HOSTILE);
        expect(text).to.include(`Tra cứu: https://xa-mau.gov.vn/tra-cuu?ma=${encodeURIComponent(code)}`);
        for (const mail of smtp.mails) {
          expect(mail.text).not.to.include(pin);
          expect(mail.text).not.to.include('Trần Văn Riêng');
        }
        // Delivered again (a retry after a lost answer): the same Message-ID, dropped by the deduplicating receiver.
        const ids = smtp.mails.map((m) => m.headers.get('message-id'));
        expect(ids[0]).to.match(/^<n[0-9a-f]{32}@motcua\.notifications>$/);
        // (A delivered row forgets its recipient; a retry after a lost answer still has it.)
        await db.query(
          `update notification_outbox set status = 'pending', next_at = 0, recipient = 'tran.rieng@example.vn'`,
        );
        const again = await claimDue(db, 'demo', NINE + 9 * 3_600_000, 60_000, 10);
        const deliver = channelDelivery(office.notifications, () => NINE);
        for (const n of again) await deliver(n);
        expect(smtp.mails).to.have.length(4);
        expect(smtp.unique.size).to.equal(2);
        expect(smtp.mails.slice(2).map((m) => m.headers.get('message-id'))).to.have.members(ids as string[]);

        // A wrong password fails the delivery; the log says so without the password.
        const wrong = officeWithNotifications({
          retry: { attempts: 1 },
          channels: [{ ...office.notifications.channels[0], password: `${SMTP_PASSWORD}-wrong` }],
        });
        await db.query(
          `update notification_outbox set status = 'pending', next_at = 0, attempts = 0, recipient = 'tran.rieng@example.vn'`,
        );
        const failing = startNotificationSender({ db, office: wrong, manual: true, log: (l) => logs.push(l) });
        await failing.runOnce();
        await failing.stop();
        expect(logs.some((l) => l.includes('dead letters'))).to.equal(true);
        for (const line of logs) expect(line).not.to.include(SMTP_PASSWORD);
      } finally {
        await smtp.close();
        await db.close();
      }
    });

    it('calls an SMS / Zalo gateway from its template, escaped, with the notification as reference', async () => {
      const db = await target.open();
      const gateway = await startReceiver((r) => JSON.parse(r.body).reference);
      const logs: string[] = [];
      try {
        await migrate(db);
        const office = officeWithNotifications({
          channels: [
            {
              id: 'zalo',
              kind: 'gateway',
              url: `${gateway.url}/zns/send?phone={{phone}}`,
              // Read from the environment at start.
              headers: { authorization: { env: 'MOTCUA_TEST_GATEWAY_AUTHORIZATION' } },
              body: '{"phone":"{{phone}}","template_data":{"ma_ho_so":"{{code}}","trang_thai":"{{statusText}}","noi_dung":"{{text}}"},"tracking_id":"{{reference}}","reference":"{{reference}}"}',
            },
          ],
        });
        const { code, pin } = await receiveAndDeliver(db, office, logs);
        expect(gateway.requests, logs.join('\n')).to.have.length(2);
        const first = gateway.requests[0];
        const second = gateway.requests.find((r) => JSON.parse(r.body).template_data.trang_thai !== 'Được tiếp nhận');
        expect(first?.method).to.equal('POST');
        expect(first?.url).to.equal('/zns/send?phone=0905000111');
        expect(first?.headers.authorization).to.equal(`Bearer ${GATEWAY_TOKEN}`);
        expect(first?.headers['content-type']).to.equal('application/json; charset=utf-8');
        const body = JSON.parse(second?.body ?? '{}');
        expect(body.phone).to.equal('0905000111');
        expect(body.template_data.ma_ho_so).to.equal(code);
        expect(body.template_data.trang_thai).to.equal('Yêu cầu bổ sung giấy tờ');
        expect(body.template_data.noi_dung).to.include(`Lý do: ${HOSTILE}.`);
        expect(body.reference).to.match(/^n[0-9a-f]{32}$/);
        expect(gateway.unique.size).to.equal(2);
        for (const r of gateway.requests) expect(r.body).not.to.include(pin);
        for (const line of logs) expect(line).not.to.include(GATEWAY_TOKEN);
      } finally {
        await gateway.close();
        await db.close();
      }
    });

    it('refuses a loopback destination unless the office allows it, and follows no redirect', async () => {
      const db = await target.open();
      const hook = await startReceiver();
      const logs: string[] = [];
      try {
        await migrate(db);
        const channels = [{ id: 'tinh', kind: 'webhook', url: `${hook.url}/hook`, secret: TEST_WEBHOOK_SECRET }];
        const office = parseOffice(
          { ...DEMO_OFFICE, notifications: { retry: { attempts: 1 }, channels } },
          { demo: true },
        );
        await receiveAndDeliver(db, office, logs);
        expect(hook.requests).to.have.length(0);
        expect(logs.join('\n')).to.include('destination refused');
        const admin = await adminHeaders(db, 'demo', NINE);
        const app = createApp({ db, office, catalogue: CATALOGUE, now: () => NINE });
        const dead = await call(app, 'GET', '/api/notifications/dead-letters', admin);
        expect(dead.body.deadLetters).to.have.length(2);
        expect(dead.body.deadLetters[0].lastError).to.include('destination refused');

        // Allowed, but answered with a redirect: not followed, the delivery fails.
        hook.answer = () => 307;
        const allowed = officeWithNotifications({ retry: { attempts: 1 }, channels });
        for (const letter of dead.body.deadLetters) {
          await call(app, 'POST', `/api/notifications/dead-letters/${letter.id}/replay`, admin);
        }
        const sender = startNotificationSender({ db, office: allowed, manual: true, log: (l) => logs.push(l) });
        await sender.runOnce();
        await sender.stop();
        expect(hook.requests).to.have.length(2);
        expect(logs.join('\n')).to.include('redirect not followed (HTTP 307)');
      } finally {
        await hook.close();
        await db.close();
      }
    });

    it('never answers a channel secret on any route an admin can read', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const office = officeWithNotifications({
          channels: [
            { id: 'tinh', kind: 'webhook', url: 'https://tinh.example.vn/hook', secret: TEST_WEBHOOK_SECRET },
            { id: 'mail', kind: 'email', host: 'smtp.example.vn', user: 'u', password: SMTP_PASSWORD, from: 'a@b.vn' },
            { id: 'sms', kind: 'gateway', url: 'https://sms.example.vn', headers: { 'x-token': GATEWAY_TOKEN } },
          ],
        });
        const app = createApp({ db, office, catalogue: CATALOGUE, now: () => NINE });
        const admin = await adminHeaders(db, 'demo', NINE);
        for (const route of Object.keys(ROUTE_ACCESS)) {
          const [method, path] = route.split(' ') as [string, string];
          if (method !== 'GET' || path.includes(':') || path.endsWith('/events')) continue;
          const res = await call(app, 'GET', path, admin);
          for (const secret of [TEST_WEBHOOK_SECRET, SMTP_PASSWORD, GATEWAY_TOKEN]) {
            expect(res.text, `${route}`).not.to.include(secret);
          }
        }
      } finally {
        await db.close();
      }
    });
  });
}
