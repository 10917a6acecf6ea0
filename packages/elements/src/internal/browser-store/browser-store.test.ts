import { expect } from '@open-wc/testing';
import { openBrowserStore } from './browser-store.js';

let counter = 0;
/** A database name no other test uses. */
const fresh = () => `test-${Date.now().toString(36)}-${++counter}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` in many callers at once and returns the most that were ever inside the lock together. */
async function overlap(enter: (work: () => Promise<void>) => Promise<void>, callers: number): Promise<number> {
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: callers }, () =>
      enter(async () => {
        inside++;
        most = Math.max(most, inside);
        await sleep(5);
        inside--;
      }),
    ),
  );
  return most;
}

describe('browser store', () => {
  it('keeps values in IndexedDB, in key order, across store objects (a reload)', async () => {
    const name = fresh();
    const store = openBrowserStore<{ n: number }>(name);
    expect(await store.persistent()).to.equal(true);
    await store.set('b', { n: 2 });
    await store.set('a', { n: 1 });
    expect(await store.get('a')).to.deep.equal({ n: 1 });
    expect(await store.get('missing')).to.equal(undefined);

    const again = openBrowserStore<{ n: number }>(name);
    expect(await again.entries()).to.deep.equal([
      ['a', { n: 1 }],
      ['b', { n: 2 }],
    ]);
    await again.delete('a');
    expect(await store.entries()).to.deep.equal([['b', { n: 2 }]]);
    await store.clear();
    expect(await again.entries()).to.deep.equal([]);
  });

  it('reads and writes a key in one transaction, so concurrent updates are never lost', async () => {
    const name = fresh();
    const one = openBrowserStore<number>(name);
    const two = openBrowserStore<number>(name);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).update('count', (n) => (n ?? 0) + 1)));
    expect(await one.get('count')).to.equal(40);
    expect(await one.update('count', () => undefined)).to.equal(undefined);
    expect(await two.get('count')).to.equal(undefined);
  });

  it('rejects when the device refuses a write', async () => {
    const store = openBrowserStore<number>(fresh());
    await store.set('ok', 1);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      let error: unknown;
      await store.set('x', 2).catch((e: unknown) => (error = e));
      expect((error as DOMException).name).to.equal('QuotaExceededError');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await store.get('x')).to.equal(undefined);
  });

  it('lets one caller at a time hold a lock with Web Locks, across store objects (tabs)', async () => {
    expect(navigator.locks, 'the test page is a secure context').to.not.equal(undefined);
    const name = fresh();
    const tabs = [openBrowserStore(name), openBrowserStore(name), openBrowserStore(name)];
    let turn = 0;
    const most = await overlap((work) => (tabs[turn++ % 3] as (typeof tabs)[number]).withLock('send', work), 9);
    expect(most).to.equal(1);
    expect(await tabs[0]?.withLock('send', async () => 'result')).to.equal('result');
  });

  it('falls back to a lease in IndexedDB without Web Locks (plain HTTP pages)', async () => {
    const name = fresh();
    const tabs = [openBrowserStore(name, { locks: null }), openBrowserStore(name, { locks: null })];
    let turn = 0;
    const most = await overlap((work) => (tabs[turn++ % 2] as (typeof tabs)[number]).withLock('send', work), 6);
    expect(most).to.equal(1);
    // A failing holder gives the lease up.
    let error: unknown;
    await tabs[0]?.withLock('send', () => Promise.reject(new Error('boom'))).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('boom');
    expect(await tabs[1]?.withLock('send', async () => 'free again')).to.equal('free again');
  });

  it('takes over a lease a dead tab left behind once it runs out, and renews its own while working', async () => {
    const name = fresh();
    const request = indexedDB.open(`motcua:${name}`, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('entries');
      request.result.createObjectStore('leases');
    };
    const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const tx = db.transaction('leases', 'readwrite');
    tx.objectStore('leases').put({ owner: 'dead tab', until: Date.now() + 150 }, `motcua:${name}:send`);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const started = Date.now();
    const store = openBrowserStore(name, { locks: null, leaseMs: 60 });
    const other = openBrowserStore(name, { locks: null, leaseMs: 60 });
    let otherGotIn = 0;
    let released = 0;
    let attempt: Promise<void> | undefined;
    await store.withLock('send', async () => {
      expect(Date.now() - started, 'waited for the dead lease').to.be.at.least(100);
      // Held more than three lease lengths: renewals keep the other tab out.
      attempt = other.withLock('send', async () => {
        otherGotIn = Date.now();
      });
      await sleep(200);
      expect(otherGotIn).to.equal(0);
      released = Date.now();
    });
    await attempt;
    expect(otherGotIn).to.be.at.least(released);
  });

  it('keeps values in memory, with a warning, where IndexedDB is unavailable (private modes)', async () => {
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const name = fresh();
      const store = openBrowserStore<string>(name, { indexedDB: null });
      expect(await store.persistent()).to.equal(false);
      await store.set('k', 'v');
      expect(await openBrowserStore<string>(name, { indexedDB: null }).get('k'), 'shared in the page').to.equal('v');
      expect(await store.update('k', (v) => `${v}!`)).to.equal('v!');
      expect(await store.entries()).to.deep.equal([['k', 'v!']]);
      expect(await overlap((work) => store.withLock('send', work), 4)).to.equal(1);
      await store.delete('k');
      expect(await store.get('k')).to.equal(undefined);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]?.[0])).to.contain('IndexedDB is not available');

      // A factory that refuses to open (Firefox private windows before version 115) is the same.
      const refusing = {
        open: () => {
          throw new DOMException('refused', 'InvalidStateError');
        },
      } as unknown as IDBFactory;
      expect(await openBrowserStore(fresh(), { indexedDB: refusing }).persistent()).to.equal(false);
    } finally {
      console.warn = warn;
    }
  });
});
