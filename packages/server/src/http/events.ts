import type { Database } from '../db/database.js';

/** Fans one `LISTEN` per instance out to many subscribers (the SSE clients), by office. */
export interface NotificationHub<T extends { readonly office: string }> {
  /** Calls `listener` with each notification for `office`; resolves, once listening, to an unsubscribe function. */
  subscribe(office: string, listener: (notification: T) => void): Promise<() => void>;
}

/**
 * Listens on a `NOTIFY` channel once (when the first subscriber arrives) and hands each JSON payload to the
 * subscribers of its office. With PostgreSQL, notifications sent by any instance reach every instance.
 *
 * @example
 * ```ts
 * const hub = createNotificationHub<QueueNotification>(db, QUEUE_CHANNEL);
 * const stop = await hub.subscribe('demo', (n) => console.log(n.version));
 * ```
 */
export function createNotificationHub<T extends { readonly office: string }>(
  db: Pick<Database, 'listen'>,
  channel: string,
): NotificationHub<T> {
  const listeners = new Map<string, Set<(notification: T) => void>>();
  let listening: Promise<unknown> | undefined;
  const dispatch = (payload: string): void => {
    let notification: T;
    try {
      notification = JSON.parse(payload) as T;
    } catch {
      return;
    }
    for (const listener of listeners.get(notification.office) ?? []) listener(notification);
  };
  return {
    async subscribe(office, listener) {
      listening ??= db.listen(channel, dispatch).catch((error: unknown) => {
        listening = undefined;
        throw error;
      });
      let set = listeners.get(office);
      if (!set) {
        set = new Set();
        listeners.set(office, set);
      }
      set.add(listener);
      await listening;
      return () => {
        set.delete(listener);
      };
    },
  };
}
