/**
 * A small key-value store for one device, in IndexedDB, shared by every tab of the origin: the rating form's offline
 * outbox and, later, the queue screens of a single kiosk keep their data here.
 *
 * - Values are anything structured clone keeps (plain objects, arrays, strings, numbers, dates).
 * - {@link BrowserStore.update} reads and writes one key in a single IndexedDB transaction, so two tabs changing the
 *   same key never lose each other's change.
 * - {@link BrowserStore.withLock} runs work that must not run in two tabs at once (sending a queue, say). It uses the
 *   Web Locks API (`navigator.locks`), which browsers offer only in secure contexts (HTTPS, `localhost`). On a plain
 *   HTTP page (a kiosk on the office LAN) it falls back to a lease kept in the same IndexedDB database: a record
 *   taken with a compare-and-set inside one read-write transaction (IndexedDB runs those one at a time across tabs),
 *   renewed while the work runs, and given up when it ends. A tab that dies holding a lease blocks the others only
 *   until the lease runs out ({@link BrowserStoreOptions.leaseMs}); a tab frozen for longer than that may see its lease
 *   taken over, so work under the lock should stay safe to repeat (idempotency keys).
 * - Where IndexedDB is missing or refuses to open (some private modes, disabled storage), the store keeps its values
 *   in this page's memory and says so: {@link BrowserStore.persistent} resolves to `false` and a warning goes to the
 *   console once, so that an element can tell its user the data will not survive a reload.
 *
 * Written here rather than taken from a package: `idb-keyval`, the smallest well-kept one, has neither the
 * read-modify-write transaction nor the lock, which are most of this file.
 *
 * @module
 */
import { newIdempotencyKey } from '../idempotency-key.js';

/** Options of {@link openBrowserStore}. */
export interface BrowserStoreOptions {
  /**
   * The lock manager; defaults to `navigator.locks`, which exists only in secure contexts. `null` forces the
   * IndexedDB lease (tests; pages that must behave alike over HTTP and HTTPS).
   */
  readonly locks?: LockManager | null;
  /** The IndexedDB factory; defaults to `globalThis.indexedDB`. `null` forces the in-memory fallback. */
  readonly indexedDB?: IDBFactory | null;
  /** How long a lease taken without Web Locks lasts unless renewed, in milliseconds (default 10,000). */
  readonly leaseMs?: number;
}

/** A key-value store for one device; see the module description. */
export interface BrowserStore<V> {
  /** Resolves to `true` when values survive a reload (IndexedDB), `false` when they live in this page's memory. */
  persistent(): Promise<boolean>;
  /** The value of a key, or `undefined`. */
  get(key: string): Promise<V | undefined>;
  /** Stores a value under a key. Rejects when the device refuses (storage full, say). */
  set(key: string, value: V): Promise<void>;
  /** Removes a key. */
  delete(key: string): Promise<void>;
  /**
   * Reads a key and writes what `change` makes of it in one transaction (`undefined` removes it); resolves to the
   * value written. `change` must be synchronous: IndexedDB ends a transaction that waits.
   */
  update(key: string, change: (current: V | undefined) => V | undefined): Promise<V | undefined>;
  /** Every entry, in key order (use keys that sort by time for a queue). */
  entries(): Promise<[string, V][]>;
  /** Removes every entry. */
  clear(): Promise<void>;
  /** Runs `work` while no other tab or caller holds the lock `name` of this store; resolves to what it returns. */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
}

const ENTRIES = 'entries';
const LEASES = 'leases';

/** Databases opened in this page, by name: every store of one name shares the connection. */
const connections = new Map<string, Promise<IDBDatabase | undefined>>();
/** The in-memory fallback, by name: every store of one name in this page shares it. */
const memories = new Map<string, Map<string, unknown>>();

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES);
      if (!db.objectStoreNames.contains(LEASES)) db.createObjectStore(LEASES);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab deleting or upgrading the database: let it, and open again on the next use.
      db.onversionchange = () => {
        db.close();
        connections.delete(name);
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new DOMException(`${name} is blocked by another tab`, 'InvalidStateError'));
  });
}

const warned = new Set<string>();
function warnMemory(name: string, reason: unknown): void {
  if (warned.has(name)) return;
  warned.add(name);
  console.warn(
    `motcua: không dùng được IndexedDB, dữ liệu của ${name} chỉ được giữ đến khi đóng trang / IndexedDB is not available, ${name} keeps its data only until the page is closed`,
    reason,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A mutex within this store object, in call order. */
function localMutex(): <T>(name: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (name, work) => {
    const run = (tails.get(name) ?? Promise.resolve()).then(work, work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(name, tail);
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return run;
  };
}

/**
 * Opens (lazily, on first use) the store `motcua:<name>`. Every call with one name in a page shares the database
 * connection and, without IndexedDB, the in-memory values; locks are shared across tabs by name.
 *
 * @example
 * ```ts
 * const outbox = openBrowserStore<Rating>('rating-outbox');
 * await outbox.set(rating.id, rating);
 * await outbox.withLock('send', async () => {
 *   for (const [id, rating] of await outbox.entries()) if (await send(rating)) await outbox.delete(id);
 * });
 * if (!(await outbox.persistent())) showWarning();
 * ```
 */
export function openBrowserStore<V>(name: string, options: BrowserStoreOptions = {}): BrowserStore<V> {
  const dbName = `motcua:${name}`;
  const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
  const locks = options.locks === undefined ? globalThis.navigator?.locks : options.locks;
  const leaseMs = options.leaseMs ?? 10_000;
  const mutex = localMutex();

  const database = (): Promise<IDBDatabase | undefined> => {
    if (!factory) {
      warnMemory(dbName, 'no indexedDB');
      return Promise.resolve(undefined);
    }
    let connection = connections.get(dbName);
    if (!connection) {
      connection = open(factory, dbName).catch((error: unknown) => {
        warnMemory(dbName, error);
        return undefined;
      });
      connections.set(dbName, connection);
    }
    return connection;
  };
  const memory = memories.get(dbName) ?? new Map<string, unknown>();
  memories.set(dbName, memory);

  /** Runs `body` in a transaction on `store` and resolves once it is committed. */
  const transact = async <T>(
    db: IDBDatabase,
    storeName: string,
    mode: IDBTransactionMode,
    body: (store: IDBObjectStore) => Promise<T> | T,
  ): Promise<T> => {
    const tx = db.transaction(storeName, mode);
    const done = finished(tx);
    try {
      const result = await body(tx.objectStore(storeName));
      await done;
      return result;
    } catch (error) {
      done.catch(() => undefined);
      throw error;
    }
  };

  /** Takes (or renews) the lease `key` when it is free, has run out or is ours, in one transaction; whether it did. */
  const takeLease = (db: IDBDatabase, key: string, owner: string): Promise<boolean> =>
    transact(db, LEASES, 'readwrite', (leases) => {
      return new Promise<boolean>((resolve, reject) => {
        const read = leases.get(key);
        read.onerror = () => reject(read.error);
        read.onsuccess = () => {
          const lease = read.result as { owner: string; until: number } | undefined;
          const now = Date.now();
          if (lease && lease.until > now && lease.owner !== owner) {
            resolve(false);
            return;
          }
          leases.put({ owner, until: now + leaseMs }, key);
          resolve(true);
        };
      });
    });

  const dropLease = (db: IDBDatabase, key: string, owner: string): Promise<void> =>
    transact(db, LEASES, 'readwrite', (leases) => {
      const read = leases.get(key);
      read.onsuccess = () => {
        if ((read.result as { owner: string } | undefined)?.owner === owner) leases.delete(key);
      };
    });

  const withLease = async <T>(db: IDBDatabase, key: string, work: () => Promise<T>): Promise<T> => {
    // Who holds the lease: 128 random bits, never another caller's.
    const owner = newIdempotencyKey();
    for (let wait = 20; !(await takeLease(db, key, owner)); wait = Math.min(wait * 2, 250)) {
      await sleep(wait);
    }
    const renew = setInterval(() => void takeLease(db, key, owner).catch(() => undefined), leaseMs / 3);
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await dropLease(db, key, owner).catch(() => undefined);
    }
  };

  /** Does `inMemory` to this page's values where IndexedDB is missing, else `body` in a transaction on the entries. */
  const entries = async <T>(
    mode: IDBTransactionMode,
    inMemory: () => T,
    body: (store: IDBObjectStore) => Promise<T> | T,
  ): Promise<T> => {
    const db = await database();
    return db ? transact(db, ENTRIES, mode, body) : inMemory();
  };

  return {
    async persistent() {
      return (await database()) !== undefined;
    },
    get: (key) =>
      entries(
        'readonly',
        () => memory.get(key) as V | undefined,
        (store) => request(store.get(key)) as Promise<V | undefined>,
      ),
    set: (key, value) =>
      entries(
        'readwrite',
        () => {
          memory.set(key, value);
        },
        (store) => {
          store.put(value, key);
        },
      ),
    delete: (key) =>
      entries(
        'readwrite',
        () => {
          memory.delete(key);
        },
        (store) => {
          store.delete(key);
        },
      ),
    update: (key, change) =>
      entries(
        'readwrite',
        () => {
          const next = change(memory.get(key) as V | undefined);
          if (next === undefined) memory.delete(key);
          else memory.set(key, next);
          return next;
        },
        (store) =>
          new Promise<V | undefined>((resolve, reject) => {
            const read = store.get(key);
            read.onerror = () => reject(read.error);
            read.onsuccess = () => {
              try {
                const next = change(read.result as V | undefined);
                if (next === undefined) store.delete(key);
                else store.put(next, key);
                resolve(next);
              } catch (error) {
                reject(error);
              }
            };
          }),
      ),
    entries: () =>
      entries(
        'readonly',
        () => [...memory].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as [string, V][],
        async (store) => {
          const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
          return keys.map((key, i): [string, V] => [String(key), values[i] as V]);
        },
      ),
    clear: () =>
      entries(
        'readwrite',
        () => {
          memory.clear();
        },
        (store) => {
          store.clear();
        },
      ),
    withLock(lockName, work) {
      const key = `${dbName}:${lockName}`;
      // One caller of this store object at a time, then one tab at a time.
      return mutex(key, async () => {
        if (locks) return locks.request(key, () => work());
        const db = await database();
        return db ? withLease(db, key, work) : work(); // memory is this page's only: the mutex is enough
      });
    },
  };
}
