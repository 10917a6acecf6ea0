import { OUTBOX_STORAGE_KEY } from './outbox-key.js';
import { newIdempotencyKey, type PendingRating, type SendOutcome, sendRating } from './request.js';

export { OUTBOX_STORAGE_KEY } from './outbox-key.js';

/** A rating kept on the device until it can be sent. */
export interface QueuedRating extends PendingRating {
  /** Names the rating in the queue for good: the idempotency key it was first sent with. */
  readonly id: string;
  /** When it was queued (epoch milliseconds). */
  readonly queuedAt: number;
}

function isQueued(value: unknown): value is QueuedRating {
  const v = value as Partial<QueuedRating> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.key === 'string' &&
    typeof v.url === 'string' &&
    typeof v.body === 'object' &&
    v.body !== null
  );
}

/** The ratings waiting to be sent; an unreadable store reads as empty. */
export function queuedRatings(): QueuedRating[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isQueued) : [];
  } catch {
    return [];
  }
}

function save(list: readonly QueuedRating[]): void {
  if (list.length === 0) localStorage.removeItem(OUTBOX_STORAGE_KEY);
  else localStorage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify(list));
}

/**
 * Keeps a rating to send later, once per idempotency key (which becomes its `id` in the queue). Returns false
 * when the device cannot store it (storage disabled or full), so the caller can say so instead of promising
 * to send it.
 */
export function queueRating(pending: PendingRating, now = Date.now()): boolean {
  try {
    const list = queuedRatings().filter((q) => q.id !== pending.key);
    save([...list, { id: pending.key, key: pending.key, url: pending.url, body: pending.body, queuedAt: now }]);
    return true;
  } catch {
    return false;
  }
}

function update(id: string, change: (queued: QueuedRating) => QueuedRating | undefined): void {
  try {
    save(queuedRatings().flatMap((q) => (q.id === id ? (change(q) ?? []) : [q])));
  } catch {
    // nothing stored, nothing to change
  }
}

let flushing: Promise<Map<string, SendOutcome>> | undefined;

/**
 * Sends every queued rating, one after another, each with its own idempotency key so that a rating is never
 * recorded twice even if two tabs flush at once. Sent ones, and ones the server will never take (already
 * rated, expired token, invalid), leave the queue; the others (network failure, server errors, unexpected
 * answers) stay for the next `online` event or visit, so nothing is lost. A rating the server turned away
 * without recording it (too many requests, an unexpected 4xx) gets a new idempotency key, since the server
 * keeps its answer to the old one. Concurrent calls share one run. Resolves to each tried rating's outcome,
 * by queue `id`.
 */
export function flushRatings(timeoutMs: number): Promise<Map<string, SendOutcome>> {
  flushing ??= (async () => {
    const outcomes = new Map<string, SendOutcome>();
    try {
      for (const queued of queuedRatings()) {
        const outcome = await sendRating(queued, timeoutMs);
        outcomes.set(queued.id, outcome);
        if (outcome.kind === 'sent' || outcome.kind === 'already-rated' || outcome.kind === 'expired') {
          update(queued.id, () => undefined);
        } else if (outcome.kind === 'invalid') {
          update(queued.id, () => undefined); // the server will never take it: retrying would never end
        } else if (outcome.kind === 'rate-limited' || outcome.kind === 'failed') {
          update(queued.id, (q) => ({ ...q, key: newIdempotencyKey() }));
          if (outcome.kind === 'rate-limited') break; // the server asks to slow down: wait for the next chance
        } else if (outcome.status === undefined) {
          break; // the network is down again: stop until the next chance
        }
      }
    } finally {
      flushing = undefined;
    }
    return outcomes;
  })();
  return flushing;
}
