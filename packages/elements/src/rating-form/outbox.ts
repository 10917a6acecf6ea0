import { type PendingRating, type SendOutcome, sendRating } from './request.js';

/** Where unsent ratings wait, in `localStorage`, shared by every page of the origin. */
export const OUTBOX_STORAGE_KEY = 'motcua:rating-outbox';

/** A rating kept on the device until it can be sent. */
export interface QueuedRating extends PendingRating {
  /** When it was queued (epoch milliseconds). */
  readonly queuedAt: number;
}

function isQueued(value: unknown): value is QueuedRating {
  const v = value as Partial<QueuedRating> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
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
 * Keeps a rating to send later, once per idempotency key. Returns false when the device cannot store it
 * (storage disabled or full), so the caller can say so instead of promising to send it.
 */
export function queueRating(pending: PendingRating, now = Date.now()): boolean {
  try {
    const list = queuedRatings().filter((q) => q.key !== pending.key);
    save([...list, { key: pending.key, url: pending.url, body: pending.body, queuedAt: now }]);
    return true;
  } catch {
    return false;
  }
}

function drop(key: string): void {
  try {
    save(queuedRatings().filter((q) => q.key !== key));
  } catch {
    // nothing stored, nothing to drop
  }
}

let flushing: Promise<Map<string, SendOutcome>> | undefined;

/**
 * Sends every queued rating, one after another, each with its own idempotency key so that a rating is never
 * recorded twice even if two tabs flush at once. Sent ones, and ones the server will never take (already
 * rated, expired token, invalid), leave the queue; the others (network failure, server errors, unexpected
 * answers) stay for the next `online` event or visit, so nothing is lost.
 * Concurrent calls share one run. Resolves to each tried key's outcome.
 */
export function flushRatings(timeoutMs: number): Promise<Map<string, SendOutcome>> {
  flushing ??= (async () => {
    const outcomes = new Map<string, SendOutcome>();
    try {
      for (const queued of queuedRatings()) {
        const outcome = await sendRating(queued, timeoutMs);
        outcomes.set(queued.key, outcome);
        if (outcome.kind === 'sent' || outcome.kind === 'already-rated' || outcome.kind === 'expired') {
          drop(queued.key);
        } else if (outcome.kind === 'invalid') {
          drop(queued.key); // the server will never take it; keeping it would only retry it forever
        } else if (outcome.kind === 'rate-limited' || (outcome.kind === 'transient' && outcome.status === undefined)) {
          break; // the network is down again, or the server asks to slow down: stop until the next chance
        }
      }
    } finally {
      flushing = undefined;
    }
    return outcomes;
  })();
  return flushing;
}
