import pg from 'pg';
import type { Database } from './database.js';

/**
 * Connects to a PostgreSQL server (`postgres://user:password@host:5432/db`), as several service instances do
 * for one centre. `NOTIFY` crosses instances, so a ticket issued through one reaches boards on another.
 *
 * @example
 * ```ts
 * const db = await openPostgres(process.env.DATABASE_URL!);
 * ```
 */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that breaks is dropped from the pool; without this handler it would end the process.
  pool.on('error', (error) => console.error(`motcua: PostgreSQL connection lost: ${error.message}`));
  // Fail now, with the server's message, rather than on the first request.
  await pool.query('select 1');
  const listeners = new Set<pg.PoolClient>();
  /** Every open subscription's unsubscribe, so that closing the database ends them first. */
  const subscriptions = new Set<() => Promise<void>>();
  /** The office each pooled connection works for (its `motcua.office`), set again only when another needs it. */
  const officeOf = new WeakMap<pg.PoolClient, string>();
  const checkout = async (office: string): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    if ((officeOf.get(client) ?? '') !== office) {
      try {
        await client.query("select set_config('motcua.office', $1, false)", [office]);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      officeOf.set(client, office);
    }
    return client;
  };
  /** A statement's error leaves its connection usable; a lost connection is dropped from the pool. */
  const release = (client: pg.PoolClient, error?: unknown) =>
    client.release(error === undefined || error instanceof pg.DatabaseError ? undefined : (error as Error));
  const run = async (office: string, sql: string, params?: readonly unknown[]) => {
    const client = await checkout(office);
    try {
      const result = await client.query(sql, params as unknown[] | undefined);
      release(client);
      return result;
    } catch (error) {
      release(client, error);
      throw error;
    }
  };
  const scoped = (office: string): Omit<Database, 'listen' | 'close'> => ({
    kind: 'postgres',
    async query(sql, params) {
      return (await run(office, sql, params)).rows;
    },
    async exec(sql) {
      await run(office, sql);
    },
    async transaction(work) {
      const client = await checkout(office);
      try {
        await client.query('begin');
        const result = await work({
          query: async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows,
          async exec(sql) {
            await client.query(sql);
          },
        });
        await client.query('commit');
        release(client);
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        release(client, error);
        throw error;
      }
    },
    forOffice: (other) => forOffice(other),
  });
  const forOffice = (office: string): Database => ({
    ...scoped(office),
    listen: (channel, onMessage, onReconnect) => root.listen(channel, onMessage, onReconnect),
    async close() {},
  });
  const root: Database = {
    ...scoped(''),
    async listen(channel, onMessage, onReconnect) {
      // A dedicated connection per subscription. When it breaks (the server restarts, the network drops), it is
      // replaced and LISTEN issued again, with a growing pause between attempts. Notifications sent while no
      // connection was listening are lost: `onReconnect` tells the subscriber, once listening again.
      let client: pg.PoolClient | undefined;
      let replaced = false;
      let closed = false;
      let delay = 500;
      const connect = async (): Promise<void> => {
        const next = await pool.connect();
        next.on('notification', (message) => {
          if (message.channel === channel) onMessage(message.payload ?? '');
        });
        next.on('error', (error) => {
          if (!listeners.delete(next)) return; // already released: unsubscribed or closing
          console.error(`motcua: LISTEN ${channel} connection lost (${error.message}); reconnecting`);
          next.release(error);
          if (client === next) client = undefined;
          reconnect();
        });
        await next.query(`listen ${pg.escapeIdentifier(channel)}`);
        if (closed) {
          next.release();
          return;
        }
        client = next;
        listeners.add(next);
        delay = 500;
        if (replaced) onReconnect?.();
        replaced = true;
      };
      const reconnect = () => {
        if (closed) return;
        setTimeout(() => {
          connect().catch(() => {
            delay = Math.min(delay * 2, 30_000);
            reconnect();
          });
        }, delay).unref();
      };
      await connect();
      const unsubscribe = async () => {
        closed = true;
        subscriptions.delete(unsubscribe);
        const current = client;
        client = undefined;
        if (!current || !listeners.delete(current)) return;
        await current.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => {});
        current.release();
      };
      subscriptions.add(unsubscribe);
      return unsubscribe;
    },
    async close() {
      await Promise.all([...subscriptions].map((unsubscribe) => unsubscribe()));
      for (const client of listeners) client.release();
      listeners.clear();
      await pool.end();
    },
  };
  return root;
}
