import type { CivilDate } from '@motcua/core/calendar';
import type { BoardSnapshot, TicketView } from '@motcua/core/queue';
import type { PgQueueStore } from './pg-queue-store.js';

/** Past this many events since the cached day, it is read whole again. */
const INCREMENTAL_EVENTS = 500;

/** One business date's tickets as they stood at an event version, and the board built from them once. */
export interface QueueDay {
  readonly businessDate: CivilDate;
  /** The office's newest event version when the tickets were read (read first, as the board's snapshot is). */
  readonly version: number;
  readonly tickets: readonly TicketView[];
  /** Every ticket change whose event's sequence number is at most this one is in `tickets`. */
  readonly watermark: number;
  /** The board of this day and version, built on first use. */
  board?: BoardSnapshot;
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
 * not reused for it if it saw an older version. After a change, only the tickets its events name are read again
 * (by id), unless the events since the cached day have a gap; then the whole day is read.
 *
 * @example
 * ```ts
 * const days = createQueueDayCache(store, office.id);
 * const { version, tickets } = await days.day('2026-12-04');
 * ```
 */
export function createQueueDayCache(
  store: Pick<PgQueueStore, 'version' | 'ticketViews' | 'eventWatermark' | 'eventsAfter' | 'ticketViewsById'>,
  office: string,
): QueueDayCache {
  let cached: QueueDay | undefined;
  let loading: { readonly businessDate: CivilDate; readonly day: Promise<QueueDay> } | undefined;

  async function load(businessDate: CivilDate): Promise<QueueDay> {
    const previous = cached?.businessDate === businessDate ? cached : undefined;
    if (previous) {
      const changed = await changedSince(previous);
      if (changed) return changed;
    }
    // The versions first: every ticket change of an event at or below them is already committed (a command writes
    // its ticket, then appends its event).
    const watermark = await store.eventWatermark();
    const version = await store.version();
    return { businessDate, version, watermark, tickets: await store.ticketViews(businessDate) };
  }

  /**
   * The day after the changes since `previous`: the tickets named by the events after its watermark, read again by
   * id. Only when those events follow it without a gap (every office's events share one sequence): a gap may be an
   * event still being committed, whose ticket change this would miss, so the caller reads the whole day instead.
   */
  async function changedSince(previous: QueueDay): Promise<QueueDay | undefined> {
    const events = await store.eventsAfter(previous.watermark, INCREMENTAL_EVENTS + 1);
    if (events.length > INCREMENTAL_EVENTS) return undefined;
    let expected = previous.watermark + 1;
    for (const e of events) if (e.seq !== expected++) return undefined;
    const mine = events.filter((e) => e.office === office);
    const tickets = new Map(previous.tickets.map((t) => [t.id, t]));
    for (const t of await store.ticketViewsById([...new Set(mine.map((e) => e.ticket))])) {
      if (t.businessDate === previous.businessDate) tickets.set(t.id, t);
    }
    return {
      businessDate: previous.businessDate,
      version: Math.max(previous.version, ...mine.map((e) => e.seq)),
      watermark: events.at(-1)?.seq ?? previous.watermark,
      tickets: [...tickets.values()],
    };
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
