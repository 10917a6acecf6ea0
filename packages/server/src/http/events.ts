import type { Database } from '../db/database.js';

/** Fans one `LISTEN` per instance out to many subscribers (the SSE clients), by office. */
export interface NotificationHub<T extends { readonly office: string }> {
  /**
   * Calls `listener` with each notification for `office`; resolves, once listening, to an unsubscribe function.
   * `onGap` is called when notifications may have been missed (the `LISTEN` connection was lost and replaced):
   * the subscriber should read the state afresh.
   */
  subscribe(office: string, listener: (notification: T) => void, onGap?: () => void): Promise<() => void>;
  /**
   * Tells every subscriber to read the state afresh (calls each `onGap`), for a change no notification carries —
   * the office's settings, which change what a board shows.
   */
  resync(): void;
}

/**
 * Listens on a `NOTIFY` channel once (when the first subscriber arrives) and hands each JSON payload to the
 * subscribers of its office. The channel is scoped to the current schema, as senders scope it
 * (`pg_notify(left(channel || '_' || current_schema(), 63), …)`). With PostgreSQL, notifications sent by any instance reach every instance.
 *
 * @example
 * ```ts
 * const hub = createNotificationHub<QueueNotification>(db, QUEUE_CHANNEL);
 * const stop = await hub.subscribe('demo', (n) => console.log(n.version));
 * ```
 */
export function createNotificationHub<T extends { readonly office: string }>(
  db: Pick<Database, 'listen' | 'query'>,
  channel: string,
): NotificationHub<T> {
  const listeners = new Map<string, Set<(notification: T) => void>>();
  const gapListeners = new Set<() => void>();
  let listening: Promise<() => Promise<void>> | undefined;
  let subscribers = 0;
  const dispatch = (payload: string): void => {
    let notification: T;
    try {
      notification = JSON.parse(payload) as T;
    } catch {
      return;
    }
    for (const listener of listeners.get(notification.office) ?? []) listener(notification);
  };
  const gap = (): void => {
    for (const onGap of [...gapListeners]) onGap();
  };
  return {
    resync: gap,
    async subscribe(office, listener, onGap) {
      listening ??= schemaChannel(db, channel)
        .then((scoped) => db.listen(scoped, dispatch, gap))
        .catch((error: unknown) => {
          listening = undefined;
          throw error;
        });
      let set = listeners.get(office);
      if (!set) {
        set = new Set();
        listeners.set(office, set);
      }
      set.add(listener);
      if (onGap) gapListeners.add(onGap);
      subscribers += 1;
      try {
        await listening;
      } catch (error) {
        subscribers -= 1;
        set.delete(listener);
        if (onGap) gapListeners.delete(onGap);
        throw error;
      }
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(listener);
        if (onGap) gapListeners.delete(onGap);
        subscribers -= 1;
        // The last subscriber gone: give the LISTEN connection back to the pool; the next one listens again.
        if (subscribers === 0 && listening) {
          const stopping = listening;
          listening = undefined;
          void stopping.then((unlisten) => unlisten()).catch(() => {});
        }
      };
    },
  };
}

/**
 * `channel` scoped to the database's current schema, cut to PostgreSQL's 63-character identifier limit: what senders
 * name with `pg_notify(left(channel || '_' || current_schema(), 63), …)`.
 *
 * @example
 * ```ts
 * await db.listen(await schemaChannel(db, 'motcua_offices'), (payload) => console.log(payload));
 * ```
 */
export async function schemaChannel(db: Pick<Database, 'query'>, channel: string): Promise<string> {
  const [row] = await db.query<{ schema: string }>('select current_schema() as schema');
  return `${channel}_${row?.schema ?? 'public'}`.slice(0, 63);
}
