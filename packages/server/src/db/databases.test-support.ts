// The databases server tests run on: embedded PGlite always, and a PostgreSQL server when
// MOTCUA_TEST_DATABASE_URL names one (.ci/run starts one). Under CI=true the PostgreSQL run is required.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface TestDatabase {
  readonly name: string;
  /** A new, empty database (PGlite in memory, or a fresh schema on the PostgreSQL server). */
  open(): Promise<Database>;
}

const url = process.env.MOTCUA_TEST_DATABASE_URL;
if (!url && process.env.CI === 'true') {
  throw new Error('CI=true: set MOTCUA_TEST_DATABASE_URL so that the server tests also run on PostgreSQL.');
}

/** Opens a fresh schema on the PostgreSQL server; closing drops it. */
async function openSchema(serverUrl: string): Promise<Database> {
  const schema = `motcua_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const scoped = new URL(serverUrl);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openPostgres(scoped.toString(), { max: 4 });
  return {
    ...db,
    async close() {
      await db.query(`drop schema ${schema} cascade`);
      await db.close();
    },
  };
}

let pglite: Promise<Database> | undefined;

/** PGlite takes seconds to start, so tests share one in-memory instance, each in a schema of its own. */
async function openPgliteSchema(): Promise<Database> {
  pglite ??= openPglite();
  const db = await pglite;
  const schema = `motcua_test_${randomBytes(6).toString('hex')}`;
  await db.exec(`create schema ${schema}; set search_path to ${schema}`);
  return {
    ...db,
    async close() {
      await db.exec(`drop schema ${schema} cascade; set search_path to public`);
    },
  };
}

export const TEST_DATABASES: readonly TestDatabase[] = [
  { name: 'PGlite', open: openPgliteSchema },
  ...(url ? [{ name: 'PostgreSQL', open: () => openSchema(url) }] : []),
];
