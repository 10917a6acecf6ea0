// The options of the embedded database's durable file system, apart from it: its declarations need none of PGlite's
// (whose own need Emscripten's types), so the server's public API can name them.

/** What happened to a file of the database, as {@link DurableNodeFSOptions.trace} sees it. */
export interface FileEvent {
  readonly op: 'write' | 'sync';
  /** The path on the host. */
  readonly path: string;
}

/** How the embedded database's files are synced and traced (`OpenPgliteOptions.fs`). */
export interface DurableNodeFSOptions {
  /** Flushes a host file descriptor to stable storage; `fs.fsyncSync` unless a test injects another. */
  readonly fsync?: (fd: number) => void;
  /** Called (synchronously, in order) for every write and every sync of a database file. */
  readonly trace?: (event: FileEvent) => void;
}
