import { type BoardDelta, type BoardSnapshot, readBoardDelta, readBoardSnapshot } from '@motcua/core/queue';
import { eventData } from './event-data.js';

/** What a {@link BoardStream} tells its element. */
export interface BoardStreamHost {
  /** A snapshot arrived (the first, or a fresh one after an outage or a missed notification). */
  onSnapshot(board: BoardSnapshot): void;
  /** A change after the snapshot. */
  onDelta(delta: BoardDelta): void;
  /** The stream was lost; it is opened again after a pause. */
  onLost(): void;
  /** The first pause before reconnecting and the longest, in milliseconds (the pause doubles with each failure). */
  retry(): readonly [first: number, longest: number];
}

/**
 * The queue board's event stream (`GET {api-base}api/queue/events`): a snapshot, then deltas, each checked with
 * core's readers. EventSource retries network errors itself but gives up on an HTTP error, and never backs off: this
 * reconnects after growing pauses (for example 1 s, 2 s, 4 s… up to 30 s, with jitter) until closed.
 *
 * @example
 * ```ts
 * const stream = new BoardStream({ onSnapshot, onDelta, onLost, retry: () => [1000, 30_000] });
 * stream.open(apiUrl('api/queue/events'));
 * ```
 */
export class BoardStream {
  private source: EventSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  /** Ends the page listeners of the stream open now. */
  private page: AbortController | undefined;

  constructor(private readonly host: BoardStreamHost) {}

  /**
   * Opens the stream at `url`, closing any open one. A page kept in the back/forward cache would keep the stream's
   * connection: after a few visits back and forth the browser's six connections to the server are all held by hidden
   * pages, and every request waits. So the stream closes when the page is hidden, and opens again (a fresh snapshot)
   * if the page is shown again.
   */
  open(url: URL): void {
    this.close();
    const source = new EventSource(url);
    this.source = source;
    this.page = new AbortController();
    addEventListener(
      'pagehide',
      () => {
        this.close();
        this.page = new AbortController();
        addEventListener('pageshow', () => this.open(url), { once: true, signal: this.page.signal });
      },
      { signal: this.page.signal },
    );
    source.addEventListener('snapshot', (event) => {
      const snapshot = readBoardSnapshot(eventData(event));
      if (!snapshot || this.source !== source) return;
      this.attempts = 0;
      this.host.onSnapshot(snapshot);
    });
    source.addEventListener('ticket', (event) => {
      const delta = readBoardDelta(eventData(event));
      if (delta && this.source === source) this.host.onDelta(delta);
    });
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      this.close();
      this.host.onLost();
      const [first, longest] = this.host.retry();
      const delay = Math.min(longest, first * 2 ** this.attempts++);
      this.timer = setTimeout(() => this.open(url), delay * (0.75 + Math.random() * 0.25));
    });
  }

  /** Closes the stream and cancels a pending reconnection. */
  close(): void {
    clearTimeout(this.timer);
    this.source?.close();
    this.source = undefined;
    this.page?.abort();
  }
}
