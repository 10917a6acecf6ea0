import type { CivilDate } from '@motcua/core/calendar';
import type { TicketView } from '@motcua/core/queue';
import type { PgQueueStore } from './pg-queue-store.js';

/** One business date's tickets as they stood at an event version (the service builds the board from them once). */
export interface QueueDay {
  readonly businessDate: CivilDate;
  /** The office's newest event version when the tickets were read (read first, as the board's snapshot is). */
  readonly version: number;
  readonly tickets: readonly TicketView[];
}

/** The day's tickets for public reads: read once per event version, shared by every reader. */
export interface QueueDayCache {
  /**
   * The tickets of `businessDate` at the office's newest event version. Costs one indexed query (the version) while
   * nothing changed; after a change, one read of the day, shared by the readers that arrive meanwhile.
   */
  day(businessDate: CivilDate): Promise<QueueDay>;
}

/**
 * A cache of one business date's tickets keyed by the office's event version, for the public reads (the board, a
 * followed ticket's wait). Every command of the queue appends an event whose version (`queue_events.seq`) grows, so
 * the newest version, read from the database on each call, says whether the cached tickets are still those a fresh
 * read would give — on every instance sharing the database, without relying on a notification arriving in time.
 * Concurrent readers of a changed day share one read (coalescing); a read that began before a reader's version is
 * not reused for it if it saw an older version.
 *
 * @example
 * ```ts
 * const days = createQueueDayCache(store);
 * const { version, tickets } = await days.day('2026-12-04');
 * ```
 */
export function createQueueDayCache(store: Pick<PgQueueStore, 'version' | 'ticketViews'>): QueueDayCache {
  let cached: QueueDay | undefined;
  let loading: { readonly businessDate: CivilDate; readonly day: Promise<QueueDay> } | undefined;

  async function load(businessDate: CivilDate): Promise<QueueDay> {
    // The version first: every ticket change of an event at or below it is already committed.
    const version = await store.version();
    return { businessDate, version, tickets: await store.ticketViews(businessDate) };
  }

  return {
    async day(businessDate) {
      const version = await store.version();
      if (cached?.businessDate === businessDate && cached.version === version) return cached;
      for (;;) {
        if (loading?.businessDate !== businessDate) {
          const started = { businessDate, day: load(businessDate) };
          loading = started;
          const settled = (): void => {
            if (loading === started) loading = undefined;
          };
          started.day.then(settled, settled);
        }
        const pending = loading;
        const day = await pending.day;
        if (day.version >= version) {
          if (!cached || cached.businessDate !== businessDate || cached.version <= day.version) cached = day;
          return day;
        }
        // Read before this reader's version: read again.
        if (loading === pending) loading = undefined;
      }
    },
  };
}
