import { describe, it } from 'node:test';
import { expect } from 'chai';
import { TEST_DATABASES } from './databases.test-support.js';

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
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
