import {
  chmodSync,
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/** The data directory is in use by another live process. */
export class DataDirectoryLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng. / The data directory ${dir} is in use by process ${pid}.`,
    );
    this.name = 'DataDirectoryLockedError';
  }
}

/** The data directory holds files others may read or write, and the service could not make them private. */
export class DataDirectoryModeError extends Error {
  constructor(path: string, cause: Error) {
    super(
      `Không thể giới hạn quyền của ${path} cho riêng chủ sở hữu (${cause.message}). / Cannot restrict ${path} to its owner (${cause.message}).`,
    );
    this.name = 'DataDirectoryModeError';
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

/**
 * When a process started, as field 22 of Linux's `/proc/<pid>/stat` (clock ticks since boot): with its PID, it names
 * one process even after the PID is reused. `undefined` where there is no `/proc`.
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** When the system booted, in ms since the epoch (Linux), to turn a start time in clock ticks into a date. */
function bootTimeMs(): number | undefined {
  try {
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    return btime ? Number(btime) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ), 100 on every Linux architecture Node runs on. */
const USER_HZ = 100;

/**
 * Whether the lock at `lock`, holding `pid` (and the start time `started` it recorded, if any), belongs to a process
 * that still runs. A PID reused by another process after a crash does not count: the start times differ or, for a
 * lock written without one, the process started after the lock was written.
 */
function heldByLiveProcess(lock: string, pid: number, started: string | undefined): boolean {
  if (!isAlive(pid)) return false;
  const now = processStartTime(pid);
  if (now === undefined) return true;
  if (started !== undefined) return started === now;
  const boot = bootTimeMs();
  if (boot === undefined) return true;
  // One second of slack: the boot time has whole seconds.
  return boot + (Number(now) * 1000) / USER_HZ <= statSync(lock).mtimeMs + 1000;
}

/** Data directories this process has open. */
const openHere = new Set<string>();

/**
 * Takes `<dir>/motcua.lock` for this process (creating `dir`, 0700, if needed); a lock left by a process that died —
 * or whose PID another process now has — is taken over. Returns the function that releases it.
 *
 * @example
 * ```ts
 * const unlock = lockDirectory('/srv/motcua/motcua-data');
 * unlock();
 * ```
 */
export function lockDirectory(dir: string): () => void {
  if (openHere.has(dir)) throw new DataDirectoryLockedError(dir, process.pid);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lock = join(dir, 'motcua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      const started = processStartTime(process.pid);
      writeSync(fd, started === undefined ? `${process.pid}\n` : `${process.pid} ${started}\n`);
      closeSync(fd);
      openHere.add(dir);
      return () => {
        openHere.delete(dir);
        rmSync(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText, started] = readFileSync(lock, 'utf8').trim().split(/\s+/);
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && heldByLiveProcess(lock, pid, started)) {
        throw new DataDirectoryLockedError(dir, pid);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`Cannot lock ${dir}`);
}

/**
 * Makes `dir` and everything under it private to its owner: clears the group and other permission bits (folders
 * 0700, files 0600 or what the owner had). Returns how many entries it changed; throws
 * {@link DataDirectoryModeError} when it cannot change one (a file of another user).
 *
 * @example
 * ```ts
 * const changed = restrictToOwner('/srv/motcua/motcua-data');
 * ```
 */
export function restrictToOwner(dir: string): number {
  let changed = 0;
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) {
      try {
        chmodSync(path, stat.mode & 0o700);
      } catch (error) {
        throw new DataDirectoryModeError(path, error as Error);
      }
      changed++;
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return changed;
}

/**
 * Flushes every file and folder under `dir` to stable storage: after initdb or a restore, which write the whole
 * database before PostgreSQL's own syncing takes over.
 *
 * @example
 * ```ts
 * syncTree('/srv/motcua/motcua-data/pg');
 * ```
 */
export function syncTree(dir: string): void {
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    if (!stat.isDirectory() && !stat.isFile()) return;
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      // Windows cannot open a folder; its entries were synced with their files.
      if (stat.isDirectory()) return;
      throw error;
    }
    try {
      fsyncSync(fd);
    } catch (error) {
      if (!stat.isDirectory()) throw error;
    } finally {
      closeSync(fd);
    }
  };
  visit(dir);
}
