import type { ReactiveControllerHost } from 'lit';

/** An element that keeps the screen awake unless told not to. */
export interface WakeLockHost extends ReactiveControllerHost {
  /** The `no-wake-lock` attribute: let the screen sleep. */
  readonly noWakeLock: boolean;
  /** Whether the element is in the page (false already in `hostDisconnected`). */
  readonly isConnected: boolean;
}

/**
 * Keeps the screen awake while `host` (a kiosk, a display board: screens that must never sleep) is on the page and
 * the page is visible, with the Screen Wake Lock API, through a Lit reactive controller: the lock is requested when
 * the element is connected, requested again each time the page becomes visible (browsers release it whenever the page
 * is hidden), and released when the element leaves the page or gets `no-wake-lock`. Where the API is missing (plain
 * HTTP, which is not a secure context; Safari before 16.4) or the browser refuses (battery saver, a permissions
 * policy), nothing happens and nothing is reported: the device's own power settings decide, and a refused lock is
 * asked for again only when the page is shown again.
 *
 * @example
 * ```ts
 * class MyBoard extends LitElement {
 *   @property({ type: Boolean, attribute: 'no-wake-lock' }) noWakeLock = false;
 *   constructor() {
 *     super();
 *     keepAwake(this);
 *   }
 * }
 * ```
 */
export function keepAwake(host: WakeLockHost): void {
  /** The request of the lock held or asked for; it resolves to nothing when refused. */
  let lock: Promise<WakeLockSentinel | undefined> | undefined;
  const sync = (): void => {
    if (host.isConnected && !host.noWakeLock && document.visibilityState === 'visible') {
      lock ??= (navigator as { wakeLock?: WakeLock }).wakeLock?.request('screen').catch(() => undefined);
    } else {
      // A lock granted after the element left is released as soon as it comes.
      lock?.then((sentinel) => sentinel?.release()).catch(() => undefined);
      lock = undefined;
    }
  };
  const listen = (method: 'addEventListener' | 'removeEventListener'): void => {
    document[method]('visibilitychange', sync);
    sync();
  };
  host.addController({
    hostConnected: () => listen('addEventListener'),
    hostDisconnected: () => listen('removeEventListener'),
    hostUpdated: sync,
  });
}
