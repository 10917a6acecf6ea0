import * as fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import type { DurableNodeFSOptions, FileEvent } from './durable-fs-options.js';

export type { DurableNodeFSOptions, FileEvent } from './durable-fs-options.js';

/** The part of Emscripten's NODEFS this file patches (not in PGlite's types). */
interface EmscriptenNodeFs {
  realPath(node: unknown): string;
  tryFSOperation<T>(op: () => T): T;
  node_ops: { mknod(parent: unknown, name: string, mode: number, dev: number): { mode: number } };
  stream_ops: {
    fsync?: (stream: EmscriptenStream) => number;
    write(stream: EmscriptenStream, buffer: Uint8Array, offset: number, length: number, position?: number): number;
  };
}
interface EmscriptenStream {
  readonly node: unknown;
  readonly nfd?: number;
}
interface EmscriptenModule {
  NODEFS: EmscriptenNodeFs;
  FS: { isDir(mode: number): boolean };
}

type NodeFSInit = Awaited<ReturnType<NodeFS['init']>>;
type PreRun = (mod: EmscriptenModule) => void;

/**
 * PGlite's Node filesystem made durable: PostgreSQL's `fsync()` calls — which Emscripten's NODEFS silently ignores —
 * reach the disk, and the files and folders it creates are private to the owner (0600 and 0700).
 *
 * With PostgreSQL's `fsync=on`, `synchronous_commit=on` and `wal_sync_method=fsync` (what {@link openPglite} starts
 * PGlite with), a `COMMIT` returns only after its WAL records were synced, so an acknowledged commit survives a power
 * cut, as on a PostgreSQL server with the same settings. (`fdatasync` is a no-op in Emscripten, hence `fsync`.)
 *
 * @example
 * ```ts
 * const pg = await PGlite.create({ dataDir: './data/pg', fs: new DurableNodeFS('./data/pg') });
 * ```
 */
export class DurableNodeFS extends NodeFS {
  readonly #fsync: (fd: number) => void;
  readonly #trace: ((event: FileEvent) => void) | undefined;

  constructor(dataDir: string, options: DurableNodeFSOptions = {}) {
    super(dataDir);
    this.#fsync = options.fsync ?? fs.fsyncSync;
    this.#trace = options.trace;
  }

  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]): Promise<NodeFSInit> {
    const { emscriptenOpts } = await super.init(pg, opts);
    const patch: PreRun = (mod) => this.#patch(mod);
    const preRun = [...((emscriptenOpts.preRun as PreRun[] | undefined) ?? []), patch];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as NodeFSInit['emscriptenOpts'] };
  }

  #patch(mod: EmscriptenModule): void {
    const nodefs = mod.NODEFS;
    const sync = this.#fsync;
    const trace = this.#trace;
    // NODEFS has no fsync: Emscripten's fd_sync (behind PostgreSQL's fsync()) then returns success without syncing.
    nodefs.stream_ops.fsync = (stream) => {
      if (stream.nfd === undefined) return 0;
      const fd = stream.nfd;
      nodefs.tryFSOperation(() => sync(fd));
      trace?.({ op: 'sync', path: nodefs.realPath(stream.node) });
      return 0;
    };
    if (trace) {
      const write = nodefs.stream_ops.write;
      nodefs.stream_ops.write = (stream, buffer, offset, length, position) => {
        const written = write(stream, buffer, offset, length, position);
        trace({ op: 'write', path: nodefs.realPath(stream.node) });
        return written;
      };
    }
    // NODEFS creates with the mode PostgreSQL asks for as Emscripten sees it (0666/0777 less the umask): the WAL
    // holds applicants' names and phone numbers, so only the owner may read it.
    const mknod = nodefs.node_ops.mknod;
    nodefs.node_ops.mknod = (parent, name, mode, dev) => {
      const node = mknod(parent, name, mode, dev);
      const path = nodefs.realPath(node);
      nodefs.tryFSOperation(() => fs.chmodSync(path, mod.FS.isDir(node.mode) ? 0o700 : 0o600));
      return node;
    };
  }
}
