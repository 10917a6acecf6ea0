import { describe, it } from 'node:test';
import { readFollowedNumber } from '@motcua/core/queue';
import { expect } from 'chai';
import { createApp } from '../app.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { DEMO_OFFICE, parseOffice } from '../office/office.js';

// Tuesday 2026-03-10, 09:00 in Vietnam (UTC+7).
const NINE = Date.UTC(2026, 2, 10, 2, 0);
const KIOSK = { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' };
const COUNTER_2 = { authorization: 'Bearer demo-counter-2', 'content-type': 'application/json' };

for (const target of TEST_DATABASES) {
  describe(`a ticket followed by its number (the board's QR code) on ${target.name}`, () => {
    async function env() {
      const db = await target.open();
      await migrate(db);
      const clock = { now: NINE };
      const office = parseOffice(DEMO_OFFICE, { demo: true });
      const app = createApp({ db, office, now: () => clock.now, secret: 's'.repeat(40) });
      const issue = async (service: string) => {
        clock.now += 60_000;
        const res = await app.request('/api/queue/tickets', {
          method: 'POST',
          headers: KIOSK,
          body: JSON.stringify({ service }),
        });
        return (await res.json()) as { id: string; number: string };
      };
      const command = async (path: string) => {
        clock.now += 60_000;
        const res = await app.request(`/api/queue/counters/2/${path}`, { method: 'POST', headers: COUNTER_2 });
        return (await res.json()) as { ratingToken?: string };
      };
      const read = async (number: string) => {
        const res = await app.request(`/api/queue/numbers/${encodeURIComponent(number)}`);
        const text = await res.text();
        return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as unknown };
      };
      return { db, clock, issue, command, read };
    }

    it('answers a waiting number with the people ahead and the wait, as they change, and never the ticket id', async () => {
      const { db, issue, command, read } = await env();
      try {
        const tickets = [await issue('dat-dai'), await issue('dat-dai'), await issue('dat-dai')];
        const first = await read('B003');
        expect(first.status).to.equal(200);
        expect(first.headers.get('cache-control')).to.equal('no-store');
        const followed = readFollowedNumber(first.body);
        expect(followed?.ticket).to.deep.include({
          number: 'B003',
          service: 'dat-dai',
          status: 'issued',
          counter: null,
        });
        expect(followed?.ticket.businessDate).to.equal('2026-03-10');
        expect(followed?.wait).to.deep.include({ ahead: 2 });
        // Read with core's reader, losing nothing: the answer is exactly the board's ticket and the wait.
        expect(followed).to.deep.equal(first.body);
        // Someone issued behind does not count; someone called ahead does.
        await issue('dat-dai');
        await issue('ho-tich');
        expect(readFollowedNumber((await read('B003')).body)?.wait?.ahead).to.equal(2);
        await command('call-next');
        expect(readFollowedNumber((await read('B003')).body)?.wait?.ahead).to.equal(1);
        for (const t of tickets) {
          for (const number of ['B001', 'B002', 'B003']) expect((await read(number)).text).not.to.include(t.id);
        }
      } finally {
        await db.close();
      }
    });

    it('says the counter once called, and once served no rating token (that needs the ticket’s own QR code)', async () => {
      const { db, issue, command, read } = await env();
      try {
        const ticket = await issue('dat-dai');
        await command('call-next');
        const called = await read('B001');
        expect(readFollowedNumber(called.body)?.ticket).to.deep.include({ status: 'called', counter: '2', calls: 1 });
        expect(called.body).not.to.have.property('wait');
        await command('start');
        expect(readFollowedNumber((await read('B001')).body)?.ticket.status).to.equal('serving');
        const done = await command('done');
        expect(done.ratingToken, 'the counter got a token').to.match(/^r1\./);
        const served = await read('B001');
        expect(readFollowedNumber(served.body)?.ticket).to.deep.include({ status: 'done', counter: '2' });
        expect(served.body).to.have.all.keys('ticket');
        expect(served.text).not.to.include(ticket.id);
        expect(served.text).not.to.include(done.ratingToken as string);
        expect(served.text).not.to.match(/ratingToken|"id"|push|subscription/i);
      } finally {
        await db.close();
      }
    });

    it('takes the number however it is typed: case, spaces, dashes and padding zeros', async () => {
      const { db, issue, read } = await env();
      try {
        await issue('ho-tich');
        for (const typed of ['A001', 'a001', 'a 001', ' A-01 ', 'A1', 'ａ００１']) {
          const answer = await read(typed);
          expect(answer.status, typed).to.equal(200);
          expect(readFollowedNumber(answer.body)?.ticket.number, typed).to.equal('A001');
        }
        expect((await read('A0010')).status).to.equal(404);
        expect((await read('B001')).status).to.equal(404);
      } finally {
        await db.close();
      }
    });

    it('answers 404 with the error body for a number not issued today: unknown, empty of digits, too long, or yesterday’s', async () => {
      const { db, clock, issue, read } = await env();
      try {
        await issue('ho-tich');
        for (const typed of ['A999', '-', 'A'.repeat(40), '<img src=x>']) {
          const answer = await read(typed);
          expect(answer.status, typed).to.equal(404);
          expect(answer.body).to.have.nested.property('error.code', 'unknown-number');
          expect(answer.body).to.have.nested.property('error.message.vi').that.is.a('string');
          expect(answer.body).to.have.nested.property('error.message.en').that.is.a('string');
        }
        expect((await read('A001')).status).to.equal(200);
        // The next morning, yesterday's A001 is nobody's.
        clock.now += 24 * 60 * 60_000;
        const yesterday = await read('A001');
        expect(yesterday.status).to.equal(404);
        expect(yesterday.body).to.have.nested.property('error.code', 'unknown-number');
        // Today's A001, once issued, is the one answered.
        await issue('ho-tich');
        expect(readFollowedNumber((await read('A001')).body)?.ticket.businessDate).to.equal('2026-03-11');
      } finally {
        await db.close();
      }
    });

    it('is as private as the board: refused without a board device’s credential when the office keeps it private', async () => {
      const db = await target.open();
      try {
        await migrate(db);
        const office = parseOffice({ ...DEMO_OFFICE, board: 'private' }, { demo: true });
        const app = createApp({ db, office, now: () => NINE });
        expect((await app.request('/api/queue/numbers/A001')).status).to.equal(401);
      } finally {
        await db.close();
      }
    });
  });
}
