import type { Database } from './database.js';

/** One step of the schema, applied once, in order, inside a transaction. */
export interface Migration {
  /** A stable id, e.g. `0001-idempotency`; never renamed once released. */
  readonly id: string;
  /** The SQL, the same on PGlite and PostgreSQL. */
  readonly sql: string;
}

/** The schema's steps. Append new ones; never edit a released step. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-idempotency',
    sql: `
      create table idempotency_keys (
        key text not null,
        route text not null,
        status integer,
        content_type text,
        body text,
        created_at timestamptz not null default now(),
        primary key (key, route)
      );
    `,
  },
];

/** Any number, the same in every instance: serialises migrations when several instances start together. */
const MIGRATION_LOCK = 7_281_920;

/**
 * Applies the migrations the database has not seen yet and returns their ids. Safe when several service
 * instances start at once on one PostgreSQL: they take turns on an advisory lock.
 *
 * @example
 * ```ts
 * await migrate(db); // ['0001-idempotency', …] on a new database, [] afterwards
 * ```
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`create table if not exists motcua_migrations (
      id text primary key,
      applied_at timestamptz not null default now()
    )`);
    const done = new Set((await tx.query<{ id: string }>('select id from motcua_migrations')).map((row) => row.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into motcua_migrations (id) values ($1)', [migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
}
