import { isJsonObject } from '@motcua/core/text';
import { type BrowserStore, openBrowserStore } from '../internal/browser-store/browser-store.js';
import { OUTBOX_STORAGE_KEY, OUTBOX_WAITING_KEY } from './outbox-key.js';
import { nextIdempotencyKey, type PendingRating, type SendOutcome, sendRating } from './request.js';

export { OUTBOX_STORAGE_KEY, OUTBOX_WAITING_KEY } from './outbox-key.js';

/** A rating kept on the device until it can be sent. */
export interface QueuedRating extends PendingRating {
  /** Names the rating in the queue for good: the idempotency key it was first sent with. */
  readonly id: string;
  /** When it was queued (epoch milliseconds). */
  readonly queuedAt: number;
}

/** Where a rating was kept: in IndexedDB (`saved`), in this page's memory only (`memory`), or nowhere (`refused`). */
export type QueueResult = 'saved' | 'memory' | 'refused';

/** The offline outbox of ratings over one browser store; see {@link createOutbox}. */
export interface Outbox {
  /** The ratings waiting to be sent, oldest first; an unreadable store reads as empty. */
  queuedRatings(): Promise<QueuedRating[]>;
  /**
   * Keeps a rating to send later, once per idempotency key (which becomes its `id` in the queue). Says where it is
   * kept, so the caller can say the rating is lost on closing the page, or cannot be kept, instead of promising to
   * send it.
   */
  queueRating(pending: PendingRating): Promise<QueueResult>;
  /**
   * Sends every queued rating, one after another, while holding the outbox's lock, so two tabs (or two forms) never
   * send one rating: the second reads the queue after the first has emptied it. Each keeps its own idempotency key.
   * Sent ones, and ones the server will never take (already rated, expired token, invalid), leave the queue; the
   * others (network failure, server errors) stay for the next `online` event or visit, so nothing is lost. A rating
   * the server turned away without recording it (too many requests, an unexpected 4xx) gets the next idempotency
   * key, since the server keeps its answer to the old one. Concurrent calls in a page share one run. Resolves to
   * each tried rating's outcome, by queue `id`.
   */
  flushRatings(timeoutMs: number): Promise<Map<string, SendOutcome>>;
}

function isQueued(v: unknown): v is QueuedRating {
  return (
    isJsonObject(v) &&
    typeof v.id === 'string' &&
    typeof v.key === 'string' &&
    typeof v.url === 'string' &&
    isJsonObject(v.body)
  );
}

function setHint(waiting: boolean): void {
  try {
    if (waiting) localStorage.setItem(OUTBOX_WAITING_KEY, '1');
    else localStorage.removeItem(OUTBOX_WAITING_KEY);
  } catch {
    // without localStorage every page with the form looks into the outbox
  }
}

/** The text an earlier version kept its ratings in, in `localStorage`. */
function legacyText(): string | null {
  try {
    return localStorage.getItem(OUTBOX_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The ratings an earlier version kept in `localStorage`. */
function legacyRatings(text = legacyText()): QueuedRating[] {
  try {
    const parsed: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isQueued) : [];
  } catch {
    return [];
  }
}

/**
 * The outbox over a browser store. Ratings an earlier version kept in `localStorage` move into the store on first
 * use and leave `localStorage` (where the store is only in memory, they stay there too until sent).
 *
 * @example
 * ```ts
 * const outbox = createOutbox(openBrowserStore<QueuedRating>('rating-outbox'));
 * if ((await outbox.queueRating(pending)) === 'refused') say('not saved');
 * await outbox.flushRatings(15_000);
 * ```
 */
export function createOutbox(store: BrowserStore<QueuedRating>): Outbox {
  let flushing: Promise<Map<string, SendOutcome>> | undefined;

  /** Moves what `localStorage` still holds (another tab of an older version may add some): idempotent, by id. */
  const migrate = async (): Promise<void> => {
    const text = legacyText();
    const legacy = legacyRatings(text);
    if (legacy.length === 0) return;
    try {
      for (const queued of legacy) await store.update(queued.id, (current) => current ?? queued);
      setHint(true);
      // Removed unless an older version's tab wrote to it meanwhile (the next call moves that too).
      if ((await store.persistent()) && legacyText() === text) localStorage.removeItem(OUTBOX_STORAGE_KEY);
    } catch {
      // an unwritable store leaves them where they are
    }
  };

  const queuedRatings = async (): Promise<QueuedRating[]> => {
    await migrate();
    try {
      return (await store.entries())
        .map(([, queued]) => queued)
        .filter(isQueued)
        .sort((a, b) => a.queuedAt - b.queuedAt);
    } catch {
      return [];
    }
  };

  /** A rating left the queue: also from `localStorage` when it stayed there (memory-only store). */
  const forget = async (id: string): Promise<void> => {
    await store.delete(id);
    const legacy = legacyRatings();
    const rest = legacy.filter((q) => q.id !== id);
    if (rest.length === legacy.length) return;
    try {
      if (rest.length === 0) localStorage.removeItem(OUTBOX_STORAGE_KEY);
      else localStorage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify(rest));
    } catch {
      // read a moment ago: not expected to fail now
    }
  };

  const run = async (timeoutMs: number): Promise<Map<string, SendOutcome>> => {
    const outcomes = new Map<string, SendOutcome>();
    for (const queued of await queuedRatings()) {
      // Still there? Another tab may have sent it between our reading and our turn.
      if (!isQueued(await store.get(queued.id))) continue;
      const outcome = await sendRating(queued, timeoutMs);
      outcomes.set(queued.id, outcome);
      const { kind } = outcome;
      // Invalid: the server will never take it, retrying would never end.
      if (kind === 'sent' || kind === 'already-rated' || kind === 'expired' || kind === 'invalid') {
        await forget(queued.id);
      } else if (kind === 'rate-limited' || kind === 'failed') {
        await store.update(queued.id, (q) => q && { ...q, key: nextIdempotencyKey(q.key, q.body.token) });
        if (kind === 'rate-limited') break; // the server asks to slow down: wait for the next chance
      } else if (!outcome.status) {
        break; // the network is down again: stop until the next chance
      }
    }
    // The hint follows the queue; looked at again after clearing it, in case another tab queued one meanwhile.
    if ((await queuedRatings()).length === 0) {
      setHint(false);
      if ((await queuedRatings()).length > 0) setHint(true);
    }
    return outcomes;
  };

  return {
    queuedRatings,
    async queueRating(pending) {
      await migrate();
      try {
        // Its key names it in the queue for good: a key the server turns away later changes, not the id.
        await store.set(pending.key, { ...pending, id: pending.key, queuedAt: Date.now() });
      } catch {
        return 'refused';
      }
      setHint(true);
      return (await store.persistent()) ? 'saved' : 'memory';
    },
    flushRatings(timeoutMs) {
      flushing ??= store
        .withLock('send', () => run(timeoutMs))
        .finally(() => {
          flushing = undefined;
        });
      return flushing;
    },
  };
}

let outbox: Outbox | undefined;
/** The page's outbox, in the IndexedDB store `motcua:rating-outbox` shared by every page of the origin. */
const shared = (): Outbox => {
  outbox ??= createOutbox(openBrowserStore<QueuedRating>('rating-outbox'));
  return outbox;
};

/**
 * The ratings waiting to be sent, oldest first.
 *
 * @example
 * ```ts
 * (await queuedRatings()).length; // 0 when nothing waits
 * ```
 */
export const queuedRatings = (): Promise<QueuedRating[]> => shared().queuedRatings();

/**
 * Keeps a rating to send later; see {@link Outbox.queueRating}.
 *
 * @example
 * ```ts
 * if ((await queueRating(pending)) === 'refused') say('not saved');
 * ```
 */
export const queueRating = (pending: PendingRating): Promise<QueueResult> => shared().queueRating(pending);

/**
 * Sends every queued rating once; see {@link Outbox.flushRatings}.
 *
 * @example
 * ```ts
 * const outcomes = await flushRatings(15_000);
 * ```
 */
export const flushRatings = (timeoutMs: number): Promise<Map<string, SendOutcome>> => shared().flushRatings(timeoutMs);
