import { type CivilDate, vietnamCalendar } from '@motcua/core/calendar';
import {
  type BoardSnapshot,
  buildBoard,
  createQueue,
  estimateTicketWait,
  type IssuingCalendar,
  type Queue,
  type QueueConfig,
  queueBusinessTimeOf,
  type TicketView,
  type WaitEstimate,
} from '@motcua/core/queue';
import type { Database } from '../db/database.js';
import { createNotificationHub, type NotificationHub } from '../http/events.js';
import { createRateLimiter, type RateLimiter } from '../http/rate-limit.js';
import type { Office } from '../office/office.js';
import { createPgQueueStore, type PgQueueStore, QUEUE_CHANNEL, type QueueNotification } from './pg-queue-store.js';
import { createQueueDayCache } from './public-reads.js';

/** What the queue routes need. */
export interface QueueRoutesDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  /** Signs the rating token a finished ticket answers with; none without it. */
  readonly secret?: string | undefined;
  readonly limiter?: RateLimiter;
  /**
   * The working-day calendar the issuing hours follow (official days off closed, make-up Saturdays open); the
   * office's `closedDates` and `openDates` stay local additions and exceptions. Default: `vietnamCalendar()`.
   */
  readonly calendar?: IssuingCalendar | (() => IssuingCalendar);
}

/** What the queue handlers need besides the service: the clock, the rating token key, the service's stop signal. */
export interface QueueRouteOptions {
  readonly now: () => number;
  readonly secret?: string | undefined;
  /** Aborted when the service stops: open event streams end. */
  readonly closing?: AbortSignal;
}

/** The queue of one office, its store and its event hub, shared by the routes and the guards. */
export interface QueueService {
  readonly db: Database;
  readonly office: Office;
  readonly queue: Queue;
  readonly store: PgQueueStore;
  readonly hub: NotificationHub<QueueNotification>;
  readonly limiter: RateLimiter;
  /** The board as it stands (built once per event version, whichever instance made the change). */
  board(): Promise<BoardSnapshot>;
  /** Today's tickets as they stand (the office's business date now; read once per event version, as the board). */
  today(): Promise<readonly TicketView[]>;
  /** A waiting ticket's expected wait, from its day's tickets as they stand (read once per event version). */
  waitOf(ticket: TicketView): Promise<WaitEstimate>;
}

/**
 * Builds the office's queue on core's `createQueue` with the PostgreSQL store and the injected clock.
 *
 * @example
 * ```ts
 * const service = createQueueService({ db, office: demoOffice(), now: Date.now });
 * await service.queue.issue('ho-tich');
 * ```
 */
export function createQueueService(deps: QueueRoutesDeps): QueueService {
  const { office, now } = deps;
  const store = createPgQueueStore(deps.db, office.id);
  const fixed = typeof deps.calendar === 'function' ? undefined : (deps.calendar ?? vietnamCalendar());
  const calendarOf = typeof deps.calendar === 'function' ? deps.calendar : () => fixed as IssuingCalendar;
  // The queue of the settings in force: built again when the office's queue or calendar changes (its state is in the
  // database, so nothing is lost), so that a change an admin saves counts at the next request.
  let built: { config: QueueConfig; calendar: IssuingCalendar; queue: Queue } | undefined;
  const current = (): Queue => {
    const config = office.queueConfig;
    const calendar = calendarOf();
    if (built?.config !== config || built.calendar !== calendar) {
      built = { config, calendar, queue: createQueue({ ...config, store, clock: now, calendar }) };
    }
    return built.queue;
  };
  let boardOf: { day: object; queue: Queue; board: BoardSnapshot } | undefined;
  const hub = createNotificationHub<QueueNotification>(deps.db, QUEUE_CHANNEL);
  const limiter = deps.limiter ?? createRateLimiter(deps.db, deps.office.id);
  const days = createQueueDayCache(store, office.id);
  return {
    db: deps.db,
    office,
    get queue() {
      return current();
    },
    store,
    hub,
    limiter,
    async board() {
      const queue = current();
      const resolved = queue.config;
      const day = await days.day(businessDateNow(queue, now));
      if (boardOf?.day !== day || boardOf.queue !== queue) {
        const board = buildBoard({
          office: { id: office.id, name: office.name },
          businessDate: day.businessDate,
          version: day.version,
          counters: resolved.counters.values(),
          services: resolved.services.values(),
          tickets: day.tickets,
        });
        boardOf = { day, queue, board };
      }
      return boardOf.board;
    },
    async today() {
      return (await days.day(businessDateNow(current(), now))).tickets;
    },
    async waitOf(ticket) {
      const day = await days.day(ticket.businessDate);
      return estimateTicketWait(ticket, day.tickets, current().config, now());
    },
  };
}

/**
 * The office's business date now (Vietnam time, the day starting at the queue's `dayStartsAt`).
 *
 * @example
 * ```ts
 * const today = businessDateNow(service.queue, Date.now); // '2026-12-04'
 * ```
 */
export function businessDateNow(queue: Queue, now: () => number): CivilDate {
  const resolved = queue.config;
  return queueBusinessTimeOf(now(), resolved.dayStartsAt, resolved.sessions).date;
}
