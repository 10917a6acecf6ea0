/** Something SQL can run on: the database itself or a transaction. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The one interface the service talks to, over embedded PGlite or a PostgreSQL server: the same SQL runs on both.
 */
export interface Database extends Queryable {
  /** `pglite` (embedded, one process) or `postgres` (a server, shared by several instances). */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Subscribes to `NOTIFY` on a channel; resolves to an unsubscribe function. `onReconnect` is called each time the
   * listening connection was lost and `LISTEN` issued again on a new one: notifications sent in between are lost,
   * so a subscriber reads the state afresh.
   */
  listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /** Closes the connection(s) and releases the data directory. */
  close(): Promise<void>;
}
