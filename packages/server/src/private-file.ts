import { closeSync, fchmodSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * Writes `data` to `path` readable by its owner only (mode 0600, also over an older file with a wider mode) and syncs
 * it to disk before returning: for backups and exports, which hold applicants' details and password hashes.
 *
 * @example
 * ```ts
 * writePrivateFile('/srv/motcua/backup.tar.gz', backup);
 * ```
 */
export function writePrivateFile(path: string, data: string | NodeJS.ArrayBufferView): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600);
    if (typeof data === 'string') writeSync(fd, data);
    else writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
