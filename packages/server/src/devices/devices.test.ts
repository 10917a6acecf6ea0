import { describe, it } from 'node:test';
import { readBoardSnapshot } from '@motcua/core/queue';
import { PAIRING_CODE_ALPHABET, readDeviceView, readPairingCollected, readPendingPairing } from '@motcua/core/staff';
import { expect } from 'chai';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { call } from '../http/call.test-support.js';
import { DEMO_OFFICE, type OfficeConfigInput, parseOffice } from '../office/office.js';
import { listAudit } from '../staff/audit-store.js';
import { adminHeaders, newClaim, pairDevice } from './pairing.test-support.js';

const JSON_HEADERS = { 'content-type': 'application/json' };
const NINE = Date.UTC(2026, 11, 4, 2, 0); // Friday 2026-12-04, 09:00 in Vietnam

for (const target of TEST_DATABASES) {
  describe(`device pairing on ${target.name}`, () => {
    async function env(settings: Partial<OfficeConfigInput> = {}) {
      const db: Database = await target.open();
      await migrate(db);
      const clock = { now: NINE };
      const office = parseOffice({ ...DEMO_OFFICE, ...settings }, { demo: true });
      const instance = () => createApp({ db, office, now: () => clock.now });
      const admin = await adminHeaders(db);
      const audit = () => listAudit(db, { office: 'demo', from: 0, to: Number.MAX_SAFE_INTEGER, limit: 1000 });
      return { db, clock, audit, admin, app: instance(), instance };
    }

    it('pairs a device: a code to show, an admin’s approval, its credential collected exactly once', async () => {
      const { db, app, audit, admin } = await env();
      try {
        const claim = newClaim();
        const start = await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim });
        expect(start.status).to.equal(201);
        expect(start.body.code).to.match(new RegExp(`^[${PAIRING_CODE_ALPHABET}]{6}$`));
        expect(start.body.expiresAt).to.equal(new Date(NINE + 10 * 60_000).toISOString());
        // The same claim again (a retry) gets the same code.
        expect((await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim })).body).to.deep.equal(
          start.body,
        );

        expect((await call(app, 'GET', '/api/devices/pairings')).status).to.equal(401);
        const listed = await call(app, 'GET', '/api/devices/pairings', admin);
        expect(listed.body.pairings.map(readPendingPairing)).to.deep.equal([
          { code: start.body.code, requestedAt: new Date(NINE).toISOString(), expiresAt: start.body.expiresAt },
        ]);

        const pending = await call(app, 'POST', '/api/devices/pairings/collect', JSON_HEADERS, { claim });
        expect(pending.status).to.equal(202);
        expect(pending.body.status).to.equal('pending');

        // The admin types the code as read off the screen, in lower case with a dash.
        const typed = `${start.body.code.slice(0, 3).toLowerCase()}-${start.body.code.slice(3)}`;
        const approval = { name: 'Ki-ốt sảnh chính', kind: 'kiosk' };
        const approved = await call(
          app,
          'POST',
          `/api/devices/pairings/${typed}/approve`,
          { ...JSON_HEADERS, ...admin },
          approval,
        );
        expect(approved.status, approved.text).to.equal(204);
        expect((await call(app, 'GET', '/api/devices/pairings', admin)).body.pairings).to.deep.equal([]);

        const collected = await call(app, 'POST', '/api/devices/pairings/collect', JSON_HEADERS, { claim });
        expect(collected.status).to.equal(200);
        expect(collected.headers.get('cache-control')).to.equal('no-store');
        const read = readPairingCollected(collected.body);
        expect(read?.credential).to.match(/^[A-Za-z0-9_-]{43}$/);
        expect(read?.device).to.deep.include({ name: 'Ki-ốt sảnh chính', kind: 'kiosk' });
        const again = await call(app, 'POST', '/api/devices/pairings/collect', JSON_HEADERS, { claim });
        expect(again.status).to.equal(410);
        expect(again.body.error.code).to.equal('pairing-collected');

        // The credential issues tickets like a kiosk token.
        const kiosk = { ...JSON_HEADERS, authorization: `Bearer ${read?.credential}` };
        const ticket = await call(app, 'POST', '/api/queue/tickets', kiosk, { service: 'ho-tich' });
        expect(ticket.status, ticket.text).to.equal(201);
        const devices = (await call(app, 'GET', '/api/devices', admin)).body.devices.map(readDeviceView);
        expect(devices).to.deep.equal([{ ...read?.device, lastSeenAt: new Date(NINE).toISOString() }]);

        // Neither the credential nor the claim is kept anywhere in the database, nor given to the audit trail.
        const trail = await audit();
        const everything = JSON.stringify([
          await db.query('select * from device_pairings'),
          await db.query('select * from devices'),
          await db.query('select * from idempotency_keys'),
          trail,
        ]);
        expect(everything).not.to.contain(read?.credential);
        expect(everything).not.to.contain(claim);
        expect(trail.map((a) => [a.action, a.actor.kind])).to.deep.equal([
          ['device.pair-request', 'anonymous'],
          ['device.pair-request', 'anonymous'],
          ['device.pair-approve', 'user'],
          ['device.pair-collect', 'device'],
        ]);
        expect(trail[2]).to.deep.include({ object: start.body.code, detail: approval });
        expect(trail[2]?.actor.name).to.match(/^Cán bộ admin-/);
      } finally {
        await db.close();
      }
    });

    it('answers 410 to a rejected or expired pairing and never stores a collected credential for a retry', async () => {
      const { db, app, clock, admin } = await env();
      try {
        const rejectedClaim = newClaim();
        const rejected = await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim: rejectedClaim });
        const reject = await call(app, 'POST', `/api/devices/pairings/${rejected.body.code}/reject`, admin);
        expect(reject.status).to.equal(204);
        const refused = await call(app, 'POST', '/api/devices/pairings/collect', JSON_HEADERS, {
          claim: rejectedClaim,
        });
        expect([refused.status, refused.body.error.code]).to.deep.equal([410, 'pairing-rejected']);
        // A claim once used starts nothing again.
        const reused = await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim: rejectedClaim });
        expect([reused.status, reused.body.error.code]).to.deep.equal([409, 'claim-used']);

        const lateClaim = newClaim();
        const late = await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim: lateClaim });
        clock.now += 10 * 60_000;
        const tooLate = await call(
          app,
          'POST',
          `/api/devices/pairings/${late.body.code}/approve`,
          { ...JSON_HEADERS, ...admin },
          { name: 'Bảng', kind: 'board' },
        );
        expect([tooLate.status, tooLate.body.error.code]).to.deep.equal([404, 'unknown-pairing']);
        const expired = await call(app, 'POST', '/api/devices/pairings/collect', JSON_HEADERS, { claim: lateClaim });
        expect([expired.status, expired.body.error.code]).to.deep.equal([410, 'pairing-expired']);
        const unknown = await call(app, 'POST', '/api/devices/pairings/collect', JSON_HEADERS, { claim: newClaim() });
        expect(unknown.status).to.equal(404);

        // A collect sent with an Idempotency-Key is not stored: its answer holds the credential.
        const { credential } = await pairDevice(app, admin, { name: 'Ki-ốt 2', kind: 'kiosk' });
        const rows = await db.query('select * from idempotency_keys');
        expect(JSON.stringify(rows)).not.to.contain(credential);
      } finally {
        await db.close();
      }
    });

    it('checks an approval and refuses a claim too short to be secret', async () => {
      const { db, app, admin } = await env();
      try {
        const start = await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim: newClaim() });
        const approve = (body: unknown) =>
          call(app, 'POST', `/api/devices/pairings/${start.body.code}/approve`, { ...JSON_HEADERS, ...admin }, body);
        const codes = async (body: unknown) => {
          const res = await approve(body);
          return `${res.status} ${res.body.error?.code}`;
        };
        expect(await codes({ name: 'Quầy 1', kind: 'counter' })).to.equal('400 unknown-counter');
        expect(await codes({ name: 'Quầy 9', kind: 'counter', counter: '9' })).to.equal('400 unknown-counter');
        expect(await codes({ name: 'Ki-ốt', kind: 'kiosk', counter: '1' })).to.equal('400 counter-not-allowed');
        expect(await codes({ name: ' ', kind: 'kiosk' })).to.equal('400 invalid-input');
        expect(await codes({ name: 'a\u0007b', kind: 'kiosk' })).to.equal('400 invalid-input');
        expect(await codes({ name: 'Máy in', kind: 'printer' })).to.equal('400 invalid-input');
        expect(await codes({ name: 'Quầy 1', kind: 'counter', counter: '1' })).to.equal('204 undefined');
        expect(await codes({ name: 'Quầy 1', kind: 'counter', counter: '1' })).to.equal('404 unknown-pairing');
        const short = await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim: 'x'.repeat(42) });
        expect(short.status).to.equal(400);
        expect(JSON.stringify(short.body)).not.to.contain('x'.repeat(42));
        // A device says what it is: the admin's list offers it; an unknown kind is refused.
        const kiosk = await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, {
          claim: newClaim(),
          kind: 'kiosk',
        });
        expect(kiosk.status).to.equal(201);
        const printer = await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, {
          claim: newClaim(),
          kind: 'printer',
        });
        expect(printer.status).to.equal(400);
        const listed = (await call(app, 'GET', '/api/devices/pairings', admin)).body.pairings.map(readPendingPairing);
        expect(listed.map((p: { code: string; requestedKind?: string }) => [p.code, p.requestedKind])).to.deep.equal([
          [kiosk.body.code, 'kiosk'],
        ]);
      } finally {
        await db.close();
      }
    });

    it('limits pairing requests per client (device-pairings) and how many wait at once', async () => {
      const { db, app } = await env({ rateLimits: { pairings: { limit: 3, windowSeconds: 600 } } });
      try {
        for (let i = 0; i < 3; i++) {
          expect(
            (await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim: newClaim() })).status,
          ).to.equal(201);
        }
        const limited = await call(app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim: newClaim() });
        expect([limited.status, limited.body.error.code]).to.deep.equal([429, 'rate-limited']);
      } finally {
        await db.close();
      }
      const many = await env({ rateLimits: { pairings: { limit: 1000, windowSeconds: 600 } } });
      try {
        for (let i = 0; i < 20; i++)
          await call(many.app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim: newClaim() });
        const full = await call(many.app, 'POST', '/api/devices/pairings', JSON_HEADERS, { claim: newClaim() });
        expect([full.status, full.body.error.code]).to.deep.equal([429, 'too-many-pairings']);
      } finally {
        await many.db.close();
      }
    });

    it('shows a private board, and its event stream, to the office’s paired boards only', async () => {
      const { db, app, admin } = await env({ board: 'private' });
      try {
        const board = await pairDevice(app, admin, { name: 'Bảng gọi số sảnh', kind: 'board' });
        const asBoard = { authorization: `Bearer ${board.credential}` };
        expect((await call(app, 'GET', '/api/queue/board')).status).to.equal(401);
        expect((await call(app, 'GET', '/api/queue/board', { authorization: 'Bearer demo-kiosk' })).status).to.equal(
          401,
        );
        const snapshot = await call(app, 'GET', '/api/queue/board', asBoard);
        expect(readBoardSnapshot(snapshot.body)?.counters).to.have.length(3);
        const stream = await app.request('/api/queue/events', { headers: asBoard });
        expect(stream.status).to.equal(200);
        const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
        let text = '';
        while (!text.includes('event: snapshot')) text += new TextDecoder().decode((await reader.read()).value);
        await reader.cancel();
        expect((await app.request('/api/queue/events')).status).to.equal(401);
        // A citizen still follows their own ticket.
        const kiosk = { ...JSON_HEADERS, authorization: 'Bearer demo-kiosk' };
        const ticket = await call(app, 'POST', '/api/queue/tickets', kiosk, { service: 'ho-tich' });
        expect((await call(app, 'GET', `/api/queue/tickets/${ticket.body.id}`)).status).to.equal(200);
      } finally {
        await db.close();
      }
    });

    it('on two instances: paired on one, used on the other, revoked on one and refused on the other at once', async () => {
      const { db, instance, audit, admin } = await env();
      try {
        const a = instance();
        const b = instance();
        const kiosk = await pairDevice(a, admin, { name: 'Ki-ốt sảnh', kind: 'kiosk' }, { approveOn: b, collectOn: a });
        const counter = await pairDevice(b, admin, { name: 'Quầy 1', kind: 'counter', counter: '1' }, { approveOn: a });
        const asKiosk = { ...JSON_HEADERS, authorization: `Bearer ${kiosk.credential}` };
        const asCounter = { authorization: `Bearer ${counter.credential}` };
        const issued = await call(b, 'POST', '/api/queue/tickets', asKiosk, { service: 'ho-tich' });
        expect(issued.status).to.equal(201);
        expect((await call(a, 'POST', '/api/queue/counters/2/call-next', asCounter)).status).to.equal(403);

        expect((await call(a, 'DELETE', `/api/devices/${kiosk.id}`, admin)).status).to.equal(204);
        expect((await call(a, 'DELETE', `/api/devices/${kiosk.id}`, admin)).status).to.equal(204);
        expect((await call(a, 'DELETE', '/api/devices/no-such-device', admin)).status).to.equal(404);
        const refused = await call(b, 'POST', '/api/queue/tickets', asKiosk, { service: 'ho-tich' });
        expect(refused.status).to.equal(401);
        // What it recorded stays: its ticket is called and served by the counter.
        const called = await call(b, 'POST', '/api/queue/counters/1/call-next', asCounter);
        expect([called.status, called.body.ticket?.id]).to.deep.equal([200, issued.body.id]);
        expect((await call(a, 'POST', '/api/queue/counters/1/done', asCounter)).status).to.equal(200);
        // A new pairing carries on.
        const next = await pairDevice(b, admin, { name: 'Ki-ốt sảnh (mới)', kind: 'kiosk' });
        const carriedOn = await call(
          a,
          'POST',
          '/api/queue/tickets',
          { ...JSON_HEADERS, authorization: `Bearer ${next.credential}` },
          {
            service: 'ho-tich',
          },
        );
        expect([carriedOn.status, carriedOn.body.number]).to.deep.equal([201, 'A002']);
        const listed = (await call(b, 'GET', '/api/devices', admin)).body.devices.map(readDeviceView);
        expect(listed.find((d: { id: string }) => d.id === kiosk.id)?.revokedAt).to.be.a('string');
        expect((await audit()).filter((e) => e.action === 'device.revoke')).to.have.length(1);
      } finally {
        await db.close();
      }
    });
  });
}
