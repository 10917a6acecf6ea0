// The databases server tests run on: embedded PGlite always, and a PostgreSQL server when
// MOTCUA_TEST_DATABASE_URL names one (.ci/run starts one). Under CI=true the PostgreSQL run is required.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { after } from 'node:test';
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

/**
 * A new PGlite runs initdb, which takes seconds; starting from a copy of a fresh data directory takes a fraction
 * of that. The copy is made once per PGlite version, in the repository's .cache folder.
 */
async function openPgliteFromTemplate(): Promise<Database> {
  const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).dependencies[
    '@electric-sql/pglite'
  ];
  const cache = new URL('../../../../.cache/', import.meta.url);
  const template = new URL(`pglite-template-${version}.tar.gz`, cache);
  if (existsSync(template)) return openPglite(undefined, { loadDataDir: new Blob([readFileSync(template)]) });
  const db = await openPglite();
  mkdirSync(cache, { recursive: true });
  const partial = new URL(`pglite-template-${version}.${process.pid}.tmp`, cache);
  writeFileSync(partial, Buffer.from(await (await db.dump()).arrayBuffer()));
  renameSync(partial, template);
  return db;
}

// The shared instance closes when the test file is done (a PGlite loaded from a dump keeps the process alive).
after(async () => {
  if (pglite) await (await pglite).close();
});

/** Tests share one in-memory PGlite per process, each test in a schema of its own. */
async function openPgliteSchema(): Promise<Database> {
  pglite ??= openPgliteFromTemplate();
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
