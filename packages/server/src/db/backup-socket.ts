import { rmSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

/** The socket, in the data directory, through which `motcua-server backup` asks the running service for a backup. */
export const BACKUP_SOCKET = 'motcua.sock';

const REQUEST = 'backup\n';
/** Unix socket paths are limited to about 104 bytes (macOS) or 108 (Linux). */
const MAX_SOCKET_PATH = 100;

function socketPath(dir: string): string | undefined {
  const path = join(dir, BACKUP_SOCKET);
  return process.platform === 'win32' || Buffer.byteLength(path) > MAX_SOCKET_PATH ? undefined : path;
}

/**
 * Answers backup requests on `<dir>/motcua.sock` (mode 0600, in a 0700 directory: only the owner can connect) with
 * `dump()`, taken by the process that has the database open. Resolves to the function that stops listening; resolves
 * to a no-op where there can be no such socket (Windows, a path too long), with a warning.
 *
 * @example
 * ```ts
 * const stop = await serveBackups('/srv/motcua/motcua-data', () => db.dump());
 * await stop();
 * ```
 */
export async function serveBackups(dir: string, dump: () => Promise<Blob>): Promise<() => Promise<void>> {
  const path = socketPath(dir);
  if (!path) {
    console.warn(
      `motcua-server: không sao lưu trực tuyến được cho ${dir} / no online backup for ${dir} (Windows or a path too long): stop the service to back up`,
    );
    return async () => {};
  }
  // The caller holds the directory's lock, so a socket file left here belongs to a process that is gone.
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    let received = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.length < REQUEST.length) return;
      socket.removeAllListeners('data');
      if (received !== REQUEST) {
        socket.end('ERR unknown request\n');
        return;
      }
      dump()
        .then(async (blob) => {
          const bytes = Buffer.from(await blob.arrayBuffer());
          socket.write(`OK ${bytes.length}\n`);
          socket.end(bytes);
        })
        .catch((error: unknown) => socket.end(`ERR ${(error as Error).message.replaceAll('\n', ' ')}\n`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  await chmod(path, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(path, { force: true });
    });
}

/**
 * Asks the service running on data directory `dir` for a backup through its socket. Resolves to the backup (a
 * gzipped tarball of the data directory) or to `undefined` when no service is running there.
 *
 * @example
 * ```ts
 * const backup = await requestBackup('/srv/motcua/motcua-data');
 * ```
 */
export async function requestBackup(dir: string): Promise<Buffer | undefined> {
  const path = socketPath(dir);
  if (!path) return undefined;
  return new Promise<Buffer | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(path, () => socket.write(REQUEST));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(undefined);
      else reject(error);
    });
    socket.on('end', () => {
      const answer = Buffer.concat(chunks);
      const newline = answer.indexOf(0x0a);
      const header = answer.subarray(0, newline === -1 ? answer.length : newline).toString('utf8');
      const body = answer.subarray(newline + 1);
      const length = /^OK (\d+)$/.exec(header)?.[1];
      if (length !== undefined && Number(length) === body.length) resolve(body);
      else if (length !== undefined) reject(new Error(`The backup was cut short (${body.length} of ${length} bytes).`));
      else reject(new Error(`The running service could not make the backup: ${header.replace(/^ERR /, '')}`));
    });
  });
}
