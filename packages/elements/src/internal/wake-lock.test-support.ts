// Test support: a stand-in for the Screen Wake Lock API, shared by the tests of the wake-lock controller and of the
// elements that keep their screen awake.
import { expect } from '@open-wc/testing';

/** A stubbed `navigator.wakeLock`: counts requests and releases; `drop()` is the browser releasing on hiding. */
export class WakeLockStub {
  requests = 0;
  releases = 0;
  refuse = false;
  private readonly sentinels: { released: boolean }[] = [];
  /** Whether a lock is held now. */
  get held(): boolean {
    return this.sentinels.some((s) => !s.released);
  }
  request(type: string): Promise<WakeLockSentinel> {
    expect(type).to.equal('screen');
    this.requests++;
    if (this.refuse) return Promise.reject(new DOMException('battery saver', 'NotAllowedError'));
    const sentinel = {
      released: false,
      type: 'screen',
      release: async () => {
        if (!sentinel.released) this.releases++;
        sentinel.released = true;
      },
    };
    this.sentinels.push(sentinel);
    return Promise.resolve(sentinel as unknown as WakeLockSentinel);
  }
  drop(): void {
    for (const sentinel of this.sentinels) sentinel.released = true;
  }
}

/** Replaces `navigator.wakeLock` (`undefined`: a browser without it) until the returned function is called. */
export function stubWakeLock(stub: WakeLockStub | undefined): () => void {
  Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: stub });
  return () => {
    delete (navigator as { wakeLock?: unknown }).wakeLock;
  };
}
