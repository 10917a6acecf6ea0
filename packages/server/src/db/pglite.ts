import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

/** The data directory is in use by another live process. */
export class DataDirectoryLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng. / The data directory ${dir} is in use by process ${pid}.`,
    );
    this.name = 'DataDirectoryLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Data directories this process has open. */
const openHere = new Set<string>();

/** Takes `<dir>/motcua.lock` for this process; a lock left by a process that died is taken over. */
function lockDirectory(dir: string): () => void {
  if (openHere.has(dir)) throw new DataDirectoryLockedError(dir, process.pid);
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'motcua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      openHere.add(dir);
      return () => {
        openHere.delete(dir);
        rmSync(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirectoryLockedError(dir, pid);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`Cannot lock ${dir}`);
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
 * @example
 * ```ts
 * const db = await openPglite('./motcua-data');
 * await db.query('select 1 as one'); // [{ one: 1 }]
 * ```
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<PgliteDatabase> {
  const unlock = dataDir ? lockDirectory(resolve(dataDir)) : () => {};
  let pg: PGlite;
  try {
    const pgDir = dataDir ? join(dataDir, 'pg') : undefined;
    if (pgDir && !existsSync(pgDir)) mkdirSync(pgDir, { recursive: true });
    const loadDataDir = options.loadDataDir && (await typedDump(options.loadDataDir));
    const load = loadDataDir ? { loadDataDir } : {};
    pg = await PGlite.create(pgDir ? { dataDir: pgDir, ...load } : load);
  } catch (error) {
    unlock();
    throw error;
  }
  const run: Queryable['query'] = async (sql, params) =>
    (await pg.query(sql, params as unknown[] | undefined)).rows as never[];
  // PGlite runs one statement at a time; transactions queue behind each other.
  return {
    kind: 'pglite',
    query: run,
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (work) =>
      pg.transaction((tx) =>
        work({
          query: async (sql, params) => (await tx.query(sql, params as unknown[] | undefined)).rows as never[],
          async exec(sql) {
            await tx.exec(sql);
          },
        }),
      ),
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
  };
}
