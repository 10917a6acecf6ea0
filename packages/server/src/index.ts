/**
 * `@motcua/server`: the reference HTTP service behind the motcua widgets, on embedded PGlite or PostgreSQL.
 *
 * @packageDocumentation
 */
export { type AppDeps, createApp } from './app.js';
export { loadConfig, type ServerConfig, type StaticMount } from './config.js';
export type { Database, Queryable } from './db/database.js';
export { MIGRATIONS, type Migration, migrate } from './db/migrations.js';
export { DataDirectoryLockedError, openPglite, type PgliteDatabase } from './db/pglite.js';
export { openPostgres } from './db/postgres.js';
export { ApiError, type ApiErrorBody } from './http/errors.js';
export { openDatabase, type RunningServer, startServer } from './server.js';
