/** Something SQL can run on: the database itself or a transaction. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** How a transaction commits. */
export interface TransactionOptions {
  /**
   * `false`: commit without waiting for the disk (`synchronous_commit = off`, set with the `BEGIN` in the same round
   * trip) — for writes that a later synchronous commit makes durable, or whose loss in a crash of the machine is
   * harmless (PostgreSQL flushes its log in order, so nothing committed later survives without them). Default `true`.
   */
  readonly synchronousCommit?: boolean;
}

/**
 * The one interface the service talks to, over embedded PGlite or a PostgreSQL server: the same SQL runs on both.
 */
export interface Database extends Queryable {
  /** `pglite` (embedded, one process) or `postgres` (a server, shared by several instances). */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in a transaction: committed when it resolves, rolled back when it throws.
   *
   * @example
   * ```ts
   * await db.transaction((tx) => tx.query('update queue_tickets set status = $2 where id = $1', [id, 'called']), {
   *   synchronousCommit: false,
   * });
   * ```
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Subscribes to `NOTIFY` on a channel; resolves to an unsubscribe function. `onReconnect` is called each time the
   * listening connection was lost and `LISTEN` issued again on a new one: notifications sent in between are lost,
   * so a subscriber reads the state afresh.
   */
  listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /**
   * The same database working for one office: each statement runs with the setting `motcua.office` naming it, which
   * PostgreSQL's row-level security compares with every office-owned row (migration `0017-office-isolation`), so a
   * statement that forgot its `where office = …` still reads and writes that office's rows only. The handle shares
   * its parent's connections; closing it does nothing. (PGlite runs as a superuser, which row-level security lets
   * through: one embedded office needs no more.)
   *
   * @example
   * ```ts
   * const db = (await openPostgres(url)).forOffice('xa-cam-thanh');
   * await db.query('select count(*) from dossiers'); // that office's only, whatever the SQL says
   * ```
   */
  forOffice(office: string): Database;
  /** Closes the connection(s) and releases the data directory. */
  close(): Promise<void>;
}
