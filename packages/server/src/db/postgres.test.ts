import { describe, it } from 'node:test';
import { expect } from 'chai';
import pg from 'pg';
import { openDatabase } from '../server.js';
import { TEST_DATABASES } from './databases.test-support.js';
import { openPostgres } from './postgres.js';

const postgres = TEST_DATABASES.find((target) => target.name === 'PostgreSQL');

describe('LISTEN on PostgreSQL', { skip: postgres ? false : 'no MOTCUA_TEST_DATABASE_URL' }, () => {
  it('listens again after its connection is killed', async () => {
    const db = await (postgres as NonNullable<typeof postgres>).open();
    const received: string[] = [];
    const channel = `motcua_test_${Date.now()}`;
    const unlisten = await db.listen(channel, (payload) => received.push(payload));
    const originalError = console.error;
    console.error = () => {};
    try {
      await db.query('select pg_notify($1, $2)', [channel, 'before']);
      await waitFor(() => received.includes('before'));
      const killed = await db.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where pid <> pg_backend_pid() and query ilike $1`,
        [`listen%${channel}%`],
      );
      expect(killed, 'the listening connection was found and killed').to.have.length(1);
      // Keep notifying until the replacement connection hears it.
      await waitFor(async () => {
        await db.query('select pg_notify($1, $2)', [channel, 'after']);
        return received.includes('after');
      });
      expect(received).to.include.members(['before', 'after']);
    } finally {
      console.error = originalError;
      await unlisten();
      await db.close();
    }
  });

  it('listens to many channels on one connection, each subscriber hearing its own', async () => {
    // Four pooled connections for sixty channels (a province instance: settings and queue of thirty offices).
    const db = await (postgres as NonNullable<typeof postgres>).open();
    const heard = new Map<string, string[]>();
    const stops: (() => Promise<void>)[] = [];
    try {
      const channels = Array.from({ length: 60 }, (_, i) => `motcua_test_many_${Date.now()}_${i}`);
      for (const channel of channels) {
        heard.set(channel, []);
        stops.push(await db.listen(channel, (payload) => heard.get(channel)?.push(payload)));
      }
      // A second subscriber of one channel hears it too.
      const twice: string[] = [];
      stops.push(await db.listen(channels[0] as string, (payload) => twice.push(payload)));
      // The pool still answers requests side by side.
      await Promise.all(Array.from({ length: 3 }, () => db.query('select pg_sleep(0.05)')));
      for (const channel of channels) await db.query('select pg_notify($1, $2)', [channel, `to ${channel}`]);
      await waitFor(() => [...heard.values()].every((payloads) => payloads.length === 1));
      for (const [channel, payloads] of heard) expect(payloads).to.deep.equal([`to ${channel}`]);
      await waitFor(() => twice.length === 1);
      // Unsubscribed, a channel is heard no more; the others still are.
      await (stops.shift() as () => Promise<void>)();
      await db.query('select pg_notify($1, $2), pg_notify($3, $4)', [channels[0], 'late', channels[1], 'still']);
      await waitFor(() => heard.get(channels[1] as string)?.length === 2);
      await waitFor(() => twice.length === 2);
      expect(heard.get(channels[0] as string)).to.deep.equal([`to ${channels[0]}`]);
      // Everyone leaves, then one comes back: the connection, back from the pool, delivers once (no handler left over).
      for (const stop of stops.splice(0)) await stop();
      const again: string[] = [];
      stops.push(await db.listen(channels[2] as string, (payload) => again.push(payload)));
      await db.query('select pg_notify($1, $2)', [channels[2], 'once']);
      await waitFor(() => again.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(again).to.deep.equal(['once']);
      expect(heard.get(channels[2] as string)).to.deep.equal([`to ${channels[2]}`]);
    } finally {
      for (const stop of stops) await stop();
      await db.close();
    }
  });
});

describe('the PostgreSQL pool', { skip: postgres ? false : 'no MOTCUA_TEST_DATABASE_URL' }, () => {
  it('holds at most databasePool connections, the listening one among them, however many requests wait', async () => {
    const name = `motcua_pool_${Date.now()}`;
    const url = new URL(process.env.MOTCUA_TEST_DATABASE_URL as string);
    url.searchParams.set('application_name', name);
    const db = await openDatabase({ databaseUrl: url.toString(), databasePool: 3, dataDir: '-' });
    const watcher = new pg.Client({ connectionString: process.env.MOTCUA_TEST_DATABASE_URL });
    await watcher.connect();
    const connections = async () =>
      Number(
        (await watcher.query('select count(*) from pg_stat_activity where application_name = $1', [name])).rows[0]
          .count,
      );
    try {
      const unlisten = await db.listen(`${name}_channel`, () => {});
      let most = 0;
      const sleeping = Array.from({ length: 8 }, () => db.query('select pg_sleep(0.15)'));
      const watching = (async () => {
        for (let i = 0; i < 6; i++) {
          most = Math.max(most, await connections());
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      await Promise.all([...sleeping, watching]);
      expect(most, 'the listener and two requests at a time').to.equal(3);
      await unlisten();
    } finally {
      await db.close();
      await watcher.end();
    }
  });
});

describe('the office a PostgreSQL connection works for', {
  skip: postgres ? false : 'no MOTCUA_TEST_DATABASE_URL',
}, () => {
  it('is the statement’s office on one shared connection, whether a transaction switching it commits or rolls back', async () => {
    const db = await openPostgres(process.env.MOTCUA_TEST_DATABASE_URL as string, { max: 1 });
    const [a, b] = [db.forOffice('xa-a'), db.forOffice('xa-b')];
    const officeOf = async (on: { query: typeof db.query }) =>
      (await on.query<{ office: string }>("select current_setting('motcua.office', true) as office"))[0]?.office;
    /** The office, read in a transaction that first sets its isolation level (as the office export's does). */
    const consistentRead = (on: typeof db) =>
      on.transaction(async (tx) => {
        await tx.query('set transaction isolation level repeatable read, read only');
        return officeOf(tx);
      });
    try {
      expect(await officeOf(a)).to.equal('xa-a');
      // B's transaction fails: its switch of the connection is rolled back with it.
      const refused = await b
        .transaction(async (tx) => {
          expect(await officeOf(tx)).to.equal('xa-b');
          throw new Error('refused');
        })
        .catch((error: Error) => error.message);
      expect(refused).to.equal('refused');
      expect(await officeOf(b)).to.equal('xa-b');
      expect(await officeOf(a)).to.equal('xa-a');
      // A switching transaction may still choose its isolation level first (the office export's consistent read).
      expect(await consistentRead(b)).to.equal('xa-b');
      expect(await officeOf(a)).to.equal('xa-a');
      expect(await consistentRead(b)).to.equal('xa-b');
      // Committed, without waiting for the disk: the switch lasts.
      expect(await b.transaction((tx) => officeOf(tx), { synchronousCommit: false })).to.equal('xa-b');
      expect(await officeOf(b)).to.equal('xa-b');
      expect(await a.transaction((tx) => officeOf(tx))).to.equal('xa-a');
      expect(await officeOf(a)).to.equal('xa-a');
      expect(await officeOf(b)).to.equal('xa-b');
    } finally {
      await db.close();
    }
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
