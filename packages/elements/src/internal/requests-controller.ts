import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The requests of one element, aborted when it leaves the page: `signal` goes into the API client's options (`api`).
 *
 * @example
 * ```ts
 * private readonly requests = new RequestsController(this);
 * await api('api/session', { signal: this.requests.signal });
 * ```
 */
export class RequestsController implements ReactiveController {
  private controller = new AbortController();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Aborted when the element is disconnected; a fresh one after it. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  hostDisconnected(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }
}
