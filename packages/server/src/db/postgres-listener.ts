import pg from 'pg';

interface Subscriber {
  readonly onMessage: (payload: string) => void;
  readonly onReconnect: (() => void) | undefined;
}

/** What {@link createPostgresListener} gives its database. */
export interface PostgresListener {
  /** `LISTEN` on `channel` (on the shared connection); resolves to the unsubscribe function. */
  listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /** Ends every subscription and gives the connection back. */
  close(): Promise<void>;
}

/**
 * Every `LISTEN` of one database on one connection taken from `pool`, whatever the number of channels: a province
 * instance serving a hundred offices (each with its settings and its queue's channel) holds one listening
 * connection, not one per channel, so its pool stays free for requests. The connection is taken at the first
 * subscription and given back after the last. When it breaks (the server restarts, the network drops) it is
 * replaced with a growing pause between attempts, every channel is listened to again, and each subscriber's
 * `onReconnect` is called: notifications sent in between are lost, so subscribers read the state afresh.
 * Subscriptions, unsubscriptions and reconnections take turns.
 *
 * @example
 * ```ts
 * const listener = createPostgresListener(pool);
 * const stop = await listener.listen('motcua_queue_xa_a', (payload) => console.log(payload));
 * ```
 */
export function createPostgresListener(pool: pg.Pool): PostgresListener {
  const channels = new Map<string, Set<Subscriber>>();
  let client: pg.PoolClient | undefined;
  let closed = false;
  let delay = 500;
  let reconnecting = false;
  let turn: Promise<unknown> = Promise.resolve();
  /** Runs `work` after every earlier subscription change. */
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = turn.then(work, work);
    turn = result.catch(() => {});
    return result;
  };
  /** The handlers put on the listening connection, taken off when it goes back to the pool (it is reused there). */
  const handlers = new WeakMap<
    pg.PoolClient,
    { notification: (m: pg.Notification) => void; error: (e: Error) => void }
  >();
  const giveBack = (given: pg.PoolClient, error?: Error | boolean) => {
    const on = handlers.get(given);
    if (on) {
      given.off('notification', on.notification);
      given.off('error', on.error);
      handlers.delete(given);
    }
    given.release(error);
  };
  const drop = (lost: pg.PoolClient, error?: Error) => {
    if (client !== lost) return;
    client = undefined;
    giveBack(lost, error ?? true);
  };
  const connect = async (): Promise<pg.PoolClient> => {
    if (client) return client;
    const next = await pool.connect();
    const on = {
      notification: (message: pg.Notification) => {
        for (const subscriber of channels.get(message.channel) ?? []) subscriber.onMessage(message.payload ?? '');
      },
      error: (error: Error) => {
        if (client !== next) return; // already given back
        console.error(`motcua: LISTEN connection lost (${error.message}); reconnecting`);
        drop(next, error);
        reconnect();
      },
    };
    handlers.set(next, on);
    next.on('notification', on.notification);
    next.on('error', on.error);
    try {
      for (const channel of channels.keys()) await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      giveBack(next, error as Error);
      throw error;
    }
    client = next;
    return next;
  };
  const reconnect = () => {
    if (closed || reconnecting) return;
    reconnecting = true;
    setTimeout(() => {
      inTurn(async () => {
        reconnecting = false;
        if (closed || channels.size === 0) return;
        await connect();
        delay = 500;
        for (const subscribers of channels.values()) for (const s of subscribers) s.onReconnect?.();
      }).catch(() => {
        reconnecting = false;
        delay = Math.min(delay * 2, 30_000);
        reconnect();
      });
    }, delay).unref();
  };
  const unsubscribe = (channel: string, subscriber: Subscriber) =>
    inTurn(async () => {
      const subscribers = channels.get(channel);
      if (!subscribers?.delete(subscriber) || subscribers.size > 0) return;
      channels.delete(channel);
      const current = client;
      if (!current) return;
      if (channels.size === 0) {
        // The last one: the connection goes back to the pool without the LISTEN.
        client = undefined;
        await current.query('unlisten *').catch(() => {});
        giveBack(current);
        return;
      }
      await current.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => {});
    });
  return {
    listen(channel, onMessage, onReconnect) {
      return inTurn(async () => {
        if (closed) throw new Error('the database is closed');
        const subscriber: Subscriber = { onMessage, onReconnect };
        const known = channels.get(channel);
        if (known) {
          known.add(subscriber);
        } else {
          channels.set(channel, new Set([subscriber]));
          try {
            // A new connection listens to every channel, this one included; a live one needs this one only.
            const current = client;
            if (current) await current.query(`listen ${pg.escapeIdentifier(channel)}`);
            else await connect();
          } catch (error) {
            channels.delete(channel);
            throw error;
          }
        }
        let done = false;
        return async () => {
          if (done) return;
          done = true;
          await unsubscribe(channel, subscriber);
        };
      });
    },
    close() {
      closed = true;
      return inTurn(async () => {
        channels.clear();
        const current = client;
        client = undefined;
        if (current) giveBack(current);
      });
    },
  };
}
