import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { QueueNotification } from './pg-queue-store.js';
import type { QueueRouteOptions, QueueService } from './service.js';

const SSE_HEARTBEAT_MS = 15_000;

/**
 * `GET /api/queue/events`: the board as server-sent events — a `snapshot` first (its `id` is its version), then a
 * `ticket` event per change after it; a fresh snapshot whenever notifications may have been missed. Ends when the
 * client leaves or the service stops.
 *
 * @example
 * ```ts
 * app.get('/api/queue/events', (c) => boardEvents(c, service, options));
 * ```
 */
export function boardEvents(c: Context, service: QueueService, options: QueueRouteOptions): Response {
  const { office } = service;
  return streamSSE(c, async (stream) => {
    let snapshotVersion: number | undefined;
    const early: QueueNotification[] = [];
    let chain: Promise<unknown> = Promise.resolve();
    const send = (n: QueueNotification): void => {
      chain = chain
        .then(() =>
          // Checked when written: a fresh snapshot may have been sent since the delta was queued.
          n.version > (snapshotVersion ?? 0)
            ? stream.writeSSE({
                event: 'ticket',
                id: String(n.version),
                data: JSON.stringify({ version: n.version, ...n.event, ticket: n.ticket }),
              })
            : undefined,
        )
        .catch(() => {});
    };
    // Notifications may have been missed while the LISTEN connection was replaced: a fresh snapshot, read after
    // LISTEN was issued again, lets the board converge; deltas after its version follow it.
    let missedBeforeSnapshot = false;
    const resync = (): void => {
      if (snapshotVersion === undefined) {
        // The first snapshot may have been read before LISTEN was issued again: send another after it.
        missedBeforeSnapshot = true;
        return;
      }
      chain = chain
        .then(async () => {
          const board = await service.board();
          await stream.writeSSE({ event: 'snapshot', id: String(board.version), data: JSON.stringify(board) });
          snapshotVersion = board.version;
        })
        .catch(() => {});
    };
    // Listen first, then read the board: deltas after its version follow it in order.
    const unsubscribe = await service.hub.subscribe(
      office.id,
      (n) => {
        if (snapshotVersion === undefined) early.push(n);
        else if (n.version > snapshotVersion) send(n);
      },
      resync,
    );
    // The stream ends when its client leaves or when the service stops (so that the server can close).
    const { closing } = options;
    let stopListening = (): void => {};
    const closed = new Promise<void>((resolve) => {
      stream.onAbort(resolve);
      if (!closing) return;
      if (closing.aborted) return resolve();
      const onClosing = (): void => resolve();
      closing.addEventListener('abort', onClosing, { once: true });
      stopListening = () => closing.removeEventListener('abort', onClosing);
    });
    const board = await service.board();
    await stream.writeSSE({ event: 'snapshot', id: String(board.version), data: JSON.stringify(board) });
    snapshotVersion = board.version;
    for (const n of early) if (n.version > board.version) send(n);
    if (missedBeforeSnapshot) resync();
    // A comment now and then keeps proxies from closing an idle stream; the timer never holds the process.
    const heartbeat = setInterval(() => {
      chain = chain.then(() => stream.write(': keep-alive\n\n')).catch(() => {});
    }, SSE_HEARTBEAT_MS);
    heartbeat.unref?.();
    await closed;
    stopListening();
    clearInterval(heartbeat);
    unsubscribe();
  });
}
