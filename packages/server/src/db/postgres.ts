import pg from 'pg';
import type { Database } from './database.js';
import { createPostgresListener } from './postgres-listener.js';

/**
 * Connects to a PostgreSQL server (`postgres://user:password@host:5432/db`), as several service instances do
 * for one centre. `NOTIFY` crosses instances, so a ticket issued through one reaches boards on another.
 *
 * @example
 * ```ts
 * const db = await openPostgres(process.env.DATABASE_URL!);
 * ```
 */
export async function openPostgres(url: string, options: { max?: number | undefined } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that breaks is dropped from the pool; without this handler it would end the process.
  pool.on('error', (error) => console.error(`motcua: PostgreSQL connection lost: ${error.message}`));
  // Fail now, with the server's message, rather than on the first request.
  await pool.query('select 1');
  // Every LISTEN of this database, for every office, on one connection.
  const listener = createPostgresListener(pool);
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
    async transaction(work, options) {
      const client = await pool.connect();
      // The office's name, when the connection last worked for another, and the commit's durability ride with the
      // BEGIN: without parameters, the statements go in one round trip (the simple query protocol). The name is
      // kept only once the transaction commits (a rollback undoes the setting too).
      const switching = (officeOf.get(client) ?? '') !== office;
      const begin = ['begin'];
      if (options?.synchronousCommit === false) begin.push('set local synchronous_commit = off');
      // SET, not set_config(): a SELECT would take the snapshot, and the work could no longer choose its isolation.
      if (switching) begin.push(`set motcua.office = ${client.escapeLiteral(office)}`);
      try {
        await client.query(begin.join('; '));
        const result = await work({
          query: async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows,
          async exec(sql) {
            await client.query(sql);
          },
        });
        await client.query('commit');
        if (switching) officeOf.set(client, office);
        release(client);
        return result;
      } catch (error) {
        // The work's own error (a refusal, a conflict) leaves a connection that rolled back usable.
        const rolledBack = await client.query('rollback').then(
          () => true,
          () => false,
        );
        client.release(rolledBack ? undefined : (error as Error));
        throw error;
      }
    },
    forOffice: (other) => forOffice(other),
  });
  const forOffice = (office: string): Database => ({
    ...scoped(office),
    listen: listener.listen,
    async close() {},
  });
  const root: Database = {
    ...scoped(''),
    listen: listener.listen,
    async close() {
      await listener.close();
      await pool.end();
    },
  };
  return root;
}
