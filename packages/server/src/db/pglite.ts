import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { serveBackups } from './backup-socket.js';
import { lockDirectory, restrictToOwner, syncTree } from './data-directory.js';
import type { Database, Queryable } from './database.js';
import type { DurableNodeFSOptions } from './durable-fs-options.js';
import { DurableNodeFS } from './durable-nodefs.js';

export { DataDirectoryLockedError, DataDirectoryModeError } from './data-directory.js';

/**
 * PGlite's start parameters with PostgreSQL's durability back on: PGlite passes `-F` (fsync off); a commit then
 * returns only after its WAL was synced with `fsync()` (Emscripten's `fdatasync()` does nothing).
 */
const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'synchronous_commit=on',
  '-c',
  'wal_sync_method=fsync',
];

/** Options of {@link openPglite}. */
export interface OpenPgliteOptions {
  /** A backup (from {@link PgliteDatabase.dump}) to load into an empty data directory. */
  readonly loadDataDir?: Blob;
  /**
   * `false` gives up durability: commits are not synced to disk, so a power cut can lose acknowledged data or
   * corrupt the directory. Only for benchmarks and throwaway directories; default `true`.
   */
  readonly sync?: boolean;
  /** Answers `motcua-server backup` from the running process through `<dataDir>/motcua.sock`; default `true`. */
  readonly backupSocket?: boolean;
  /** How the database's files are synced and traced (tests). */
  readonly fs?: DurableNodeFSOptions;
}

/**
 * PGlite tells a gzipped dump from a plain tarball by its MIME type, which a dump read back from a file has lost:
 * restore it from the gzip magic bytes.
 */
async function typedDump(dump: Blob): Promise<Blob> {
  if (dump.type) return dump;
  const head = new Uint8Array(await dump.slice(0, 2).arrayBuffer());
  return new Blob([dump], { type: head[0] === 0x1f && head[1] === 0x8b ? 'application/x-gzip' : 'application/x-tar' });
}

/** Embedded PostgreSQL, which can also write a backup of itself. */
export interface PgliteDatabase extends Database {
  readonly kind: 'pglite';
  /** A backup: a gzipped tarball of the data directory, which `openPglite(dir, { loadDataDir })` restores. */
  dump(): Promise<Blob>;
}

/**
 * Opens embedded PostgreSQL (PGlite). With a directory the data persists there, locked against a second
 * process; without one it lives in memory (tests, demos).
 *
 * On disk, an acknowledged commit is durable (synced before the promise resolves, as PostgreSQL with `fsync=on`
 * and `synchronous_commit=on`), the directory is private to its owner (folders 0700, files 0600; an existing
 * directory is tightened, with a warning, and refused with {@link DataDirectoryModeError} if it cannot be), and
 * `motcua-server backup` gets a consistent backup from the open database through `<dataDir>/motcua.sock`.
 *
 * @example
 * ```ts
 * const db = await openPglite('./motcua-data');
 * await db.query('select 1 as one'); // [{ one: 1 }]
 * ```
 */
export async function openPglite(dataDir?: string, options: OpenPgliteOptions = {}): Promise<PgliteDatabase> {
  const dir = dataDir ? resolve(dataDir) : undefined;
  let unlock = dir ? lockDirectory(dir) : () => {};
  let pg: PGlite;
  try {
    const pgDir = dir ? join(dir, 'pg') : undefined;
    if (dir) {
      const changed = restrictToOwner(dir);
      if (changed) {
        console.warn(
          `motcua-server: đã giới hạn quyền ${changed} tệp/thư mục trong ${dir} cho riêng chủ sở hữu / restricted ${changed} files and folders in ${dir} to their owner (0600/0700)`,
        );
      }
    }
    const fresh = pgDir !== undefined && !existsSync(join(pgDir, 'PG_VERSION'));
    if (pgDir && !existsSync(pgDir)) mkdirSync(pgDir, { recursive: true, mode: 0o700 });
    const loadDataDir = options.loadDataDir && (await typedDump(options.loadDataDir));
    const load = loadDataDir ? { loadDataDir } : {};
    const durable = options.sync !== false;
    pg = await PGlite.create(
      pgDir
        ? {
            dataDir: pgDir,
            fs: new DurableNodeFS(pgDir, options.fs),
            ...(durable ? { startParams: DURABLE_START_PARAMS } : {}),
            ...load,
          }
        : load,
    );
    // initdb or a restore wrote the whole database before PostgreSQL's own syncing took over.
    // initdb runs in a module of its own, and PostgreSQL rewrites its relation caches at start: make what they
    // created private too.
    if (dir) restrictToOwner(dir);
    if (pgDir && fresh && durable) syncTree(dir as string);
    if (dir && options.backupSocket !== false) {
      const opened = pg;
      const stopServing = await serveBackups(dir, () => opened.dumpDataDir('gzip')).catch((error: unknown) => {
        console.warn(`motcua-server: no online backup for ${dir}: ${(error as Error).message}`);
        return async () => {};
      });
      const release = unlock;
      unlock = () => {
        void stopServing();
        release();
      };
    }
  } catch (error) {
    unlock();
    throw error;
  }
  const run: Queryable['query'] = async (sql, params) =>
    (await pg.query(sql, params as unknown[] | undefined)).rows as never[];
  // PGlite runs one statement at a time; transactions queue behind each other.
  const db: PgliteDatabase = {
    kind: 'pglite',
    query: run,
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (work, options) =>
      pg.transaction(async (tx) => {
        if (options?.synchronousCommit === false) await tx.query('set local synchronous_commit = off');
        return work({
          query: async (sql, params) => (await tx.query(sql, params as unknown[] | undefined)).rows as never[],
          async exec(sql) {
            await tx.exec(sql);
          },
        });
      }),
    async listen(channel, onMessage) {
      const unsubscribe = await pg.listen(channel, onMessage);
      return () => unsubscribe();
    },
    async close() {
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
    dump: () => pg.dumpDataDir('gzip'),
    // A superuser: row-level security lets every statement through, and each store names its office itself.
    forOffice: () => ({ ...db, async close() {} }),
  };
  return db;
}
