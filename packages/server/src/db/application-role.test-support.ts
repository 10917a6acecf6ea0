// Test support: a PostgreSQL schema owned by a role that is not a superuser, migrated by it, and an application
// role that owns nothing and may only read and write rows — as a province deploys them (running guide, section 3).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from './database.js';
import { migrate } from './migrations.js';
import { openPostgres } from './postgres.js';

/** The two roles' databases on a fresh schema, a superuser's client for checks, and the clean-up. */
export interface ApplicationRoleDatabase {
  readonly schema: string;
  /** The application role's URL (in the schema), for another process or pool. */
  readonly url: string;
  /** The tables' owner (not a superuser: row-level security binds it too). */
  readonly owner: Database;
  /** The application role, as the service connects. */
  readonly db: Database;
  /** A superuser, to see every row. */
  readonly superuser: pg.Client;
  /** Closes both databases and drops the schema and the roles. */
  close(): Promise<void>;
}

/** The URL of `serverUrl` signed in as `role` (whose password is its name), in `schema`. */
function urlAs(serverUrl: string, role: string, schema: string): string {
  const url = new URL(serverUrl);
  url.username = role;
  url.password = role;
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Creates the roles and the schema on the server at `serverUrl` (a superuser's URL) and migrates it as the owner. */
export async function openAsApplicationRole(serverUrl: string): Promise<ApplicationRoleDatabase> {
  const tag = randomBytes(4).toString('hex');
  const schema = `motcua_rls_${tag}`;
  const ownerRole = `motcua_owner_${tag}`;
  const appRole = `motcua_app_${tag}`;
  const superuser = new pg.Client({ connectionString: serverUrl });
  await superuser.connect();
  await superuser.query(`create role ${ownerRole} login password '${ownerRole}' nosuperuser nobypassrls`);
  await superuser.query(`create role ${appRole} login password '${appRole}' nosuperuser nobypassrls`);
  await superuser.query(`create schema ${schema} authorization ${ownerRole}`);
  const owner = await openPostgres(urlAs(serverUrl, ownerRole, schema), { max: 2 });
  await migrate(owner);
  // What a deployment grants its application role: rows, not tables.
  for (const grant of [
    `grant usage on schema ${schema} to ${appRole}`,
    `grant select, insert, update, delete on all tables in schema ${schema} to ${appRole}`,
    `grant usage, select on all sequences in schema ${schema} to ${appRole}`,
  ]) {
    await owner.query(grant);
  }
  const url = urlAs(serverUrl, appRole, schema);
  const db = await openPostgres(url, { max: 4 });
  let closed = false;
  return {
    schema,
    url,
    owner,
    db,
    superuser,
    async close() {
      if (closed) return;
      closed = true;
      await db.close().catch(() => {});
      await owner.close();
      await superuser.query(`drop schema if exists ${schema} cascade`);
      await superuser.query(`drop role if exists ${appRole}`);
      await superuser.query(`drop role if exists ${ownerRole}`);
      await superuser.end();
    },
  };
}
