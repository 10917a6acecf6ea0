import { vietnamCalendar } from '@motcua/core/calendar';
import {
  createQueue,
  type IssuingCalendar,
  type IssuingState,
  issuingState,
  type NextIssuingTime,
  type Queue,
  QueueRefusedError,
  queueBusinessTimeOf,
  type Ticket,
} from '@motcua/core/queue';
import { createRatingToken } from '@motcua/core/satisfaction';
import { MotcuaError } from '@motcua/core/text';
import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import * as z from 'zod';
import type { Database } from '../db/database.js';
import { authenticate } from '../http/auth.js';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { createNotificationHub, type NotificationHub } from '../http/events.js';
import { createRateLimiter, type RateLimiter, rateLimit } from '../http/rate-limit.js';
import type { Office } from '../office/office.js';
import {
  type BoardTicket,
  createPgQueueStore,
  type PgQueueStore,
  QUEUE_CHANNEL,
  type QueueNotification,
} from './pg-queue-store.js';

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
  readonly calendar?: IssuingCalendar;
}

/** A ticket as its holder (the kiosk that printed it) sees it: everything but the history. */
export type TicketView = Omit<Ticket, 'history'>;

/** The board: what every screen shows, and the version deltas continue from. */
export interface BoardSnapshot {
  readonly office: { readonly id: string; readonly name: Office['name'] };
  readonly businessDate: string;
  readonly version: number;
  readonly counters: readonly {
    readonly id: string;
    readonly label: string;
    readonly services: readonly string[];
    readonly ticket: BoardTicket | null;
  }[];
  readonly services: readonly {
    readonly id: string;
    readonly prefix: string;
    readonly name: Office['name'];
    readonly waiting: number;
    readonly next: readonly string[];
  }[];
  /** The latest calls, newest first. */
  readonly recent: readonly BoardTicket[];
}

function view(ticket: Ticket): TicketView {
  const { history: _history, ...rest } = ticket;
  return rest;
}

function boardTicket(t: Ticket): BoardTicket {
  return {
    number: t.number,
    service: t.service,
    priority: t.priority,
    status: t.status,
    counter: t.counter ?? null,
    calls: t.calls,
    lastCalledAt: t.lastCalledAt ?? null,
    businessDate: t.businessDate,
  };
}

const SSE_HEARTBEAT_MS = 15_000;

const issueBody = z.object({ service: z.string().min(1).max(100), priority: z.string().min(1).max(100).optional() });
const ticketBody = z.object({ ticket: z.string().min(1).max(100).optional() }).strict();
const transferBody = z.object({ ticket: z.string().min(1).max(100).optional(), service: z.string().min(1).max(100) });

/**
 * Core's problems that are not bad input: a conflict with the ticket's state, a missing ticket, or a command still
 * being applied (503, so that the Idempotency-Key is not answered with it for good and a retry runs it).
 */
const CONFLICTS: Record<string, 404 | 409 | 503> = {
  'illegal-transition': 409,
  'command-in-progress': 503,
  contention: 503,
  'unknown-ticket': 404,
  'invalid-ticket-id': 404,
};

/** Runs a queue call, answering core's refusals ("hết giờ lấy số", daily cap, …) as 409 with their message. */
async function refusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueueRefusedError) {
      const text = error.problems[0]?.message ?? { vi: 'Không lấy được số', en: 'No ticket was issued' };
      throw new ApiError(409, error.reason, text);
    }
    const first = error instanceof MotcuaError ? error.problems[0] : undefined;
    if (first && error instanceof MotcuaError && error.problems.length === 1 && first.code in CONFLICTS) {
      throw new ApiError(CONFLICTS[first.code] as 404 | 409 | 503, first.code, first.message);
    }
    throw error;
  }
}

/** A service's issuing state as the services list says it: `open`, and when closed its `nextOpening` if any. */
function opening(state: IssuingState): { readonly open: boolean; readonly nextOpening?: NextIssuingTime } {
  if (state.open) return { open: true };
  return state.next ? { open: false, nextOpening: state.next } : { open: false };
}

/** The queue of one office, its store and its event hub, shared by the routes and the guards. */
export interface QueueService {
  readonly office: Office;
  readonly queue: Queue;
  readonly store: PgQueueStore;
  readonly hub: NotificationHub<QueueNotification>;
  readonly limiter: RateLimiter;
  /** The board as it stands. */
  board(): Promise<BoardSnapshot>;
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
  const queue = createQueue({ ...office.queueConfig, store, clock: now, calendar: deps.calendar ?? vietnamCalendar() });
  const hub = createNotificationHub<QueueNotification>(deps.db, QUEUE_CHANNEL);
  const limiter = deps.limiter ?? createRateLimiter(deps.db);
  return {
    office,
    queue,
    store,
    hub,
    limiter,
    async board() {
      const resolved = queue.config;
      const date = queueBusinessTimeOf(now(), resolved.dayStartsAt, resolved.sessions).date;
      // The version first: any event after it comes as a delta, so the board never misses one.
      const version = await store.version();
      const tickets = await store.tickets(date);
      const byOrdinal = [...tickets].sort((a, b) => a.ordinal - b.ordinal);
      const current = new Map<string, Ticket>();
      for (const t of tickets) {
        if ((t.status !== 'called' && t.status !== 'serving') || t.counter === undefined) continue;
        const seen = current.get(t.counter);
        if (!seen || (seen.lastCalledAt ?? 0) < (t.lastCalledAt ?? 0)) current.set(t.counter, t);
      }
      const called = tickets.filter((t) => t.lastCalledAt !== undefined);
      called.sort((a, b) => (b.lastCalledAt ?? 0) - (a.lastCalledAt ?? 0));
      return {
        office: { id: office.id, name: office.name },
        businessDate: date,
        version,
        counters: [...resolved.counters.values()].map((c) => {
          const t = current.get(c.id);
          return { id: c.id, label: c.label, services: c.services, ticket: t ? boardTicket(t) : null };
        }),
        services: [...resolved.services.values()].map((s) => {
          const waiting = byOrdinal.filter((t) => t.service === s.id && t.status === 'issued');
          return {
            id: s.id,
            prefix: s.prefix,
            name: s.name,
            waiting: waiting.length,
            next: waiting.slice(0, 5).map((t) => t.number),
          };
        }),
        recent: called.slice(0, 10).map(boardTicket),
      };
    },
  };
}

/**
 * Mounts the kiosk and counter guards (bearer token, then the ticket rate limit per kiosk). Call before the
 * idempotency middleware, so that a refused request is never stored as the answer to its Idempotency-Key.
 *
 * @example
 * ```ts
 * installQueueGuards(app, service, Date.now);
 * app.use('/api/*', idempotency(db));
 * ```
 */
export function installQueueGuards(app: Hono, service: QueueService, now: () => number): void {
  const { office } = service;
  app.use('/api/queue/tickets', async (c, next) => {
    if (c.req.method === 'POST') authenticate(c, office.kioskForToken, 'kiosk');
    return next();
  });
  app.use(
    '/api/queue/tickets',
    rateLimit(
      service.limiter,
      'tickets',
      (c) => `${office.id}/${authenticate(c, office.kioskForToken, 'kiosk')}`,
      office.rateLimits.tickets,
      now,
    ),
  );
  app.use('/api/queue/counters/:id/*', async (c, next) => {
    const counter = authenticate(c, office.counterForToken, 'counter');
    if (counter !== c.req.param('id')) {
      throw new ApiError(403, 'forbidden', {
        vi: 'Mã truy cập không phải của quầy này',
        en: 'The bearer token is not this counter’s',
      });
    }
    return next();
  });
}

/**
 * Mounts the queue routes: services, tickets, counter commands, the board and its event stream.
 *
 * @example
 * ```ts
 * installQueueRoutes(app, createQueueService({ db, office, now: Date.now }), { now: Date.now, secret });
 * ```
 */
export function installQueueRoutes(
  app: Hono,
  service: QueueService,
  options: {
    readonly now: () => number;
    readonly secret?: string | undefined;
    /** Aborted when the service stops: open event streams end. */
    readonly closing?: AbortSignal;
  },
): void {
  const { office, queue, store } = service;
  const commandId = (c: Context, who: string): string | undefined => {
    const key = c.req.header('idempotency-key');
    return key ? `${who}:${c.req.path}:${key}` : undefined;
  };

  // Whether each service issues now (its windows and the closed dates, as core decides when a ticket is taken) and,
  // when not, the next issuing time: kiosks show closed services before a press, so the answer is never cached.
  app.get('/api/queue/services', (c) => {
    const resolved = queue.config;
    const time = queueBusinessTimeOf(options.now(), resolved.dayStartsAt, resolved.sessions);
    c.header('Cache-Control', 'no-store');
    return c.json({
      office: { id: office.id, name: office.name },
      services: [...resolved.services.values()].map((s) => ({
        id: s.id,
        prefix: s.prefix,
        name: s.name,
        ...opening(issuingState(s, resolved, time)),
      })),
      priorityClasses: [...resolved.priorityClasses.values()].map((p) => ({
        id: p.id,
        name: p.name,
        weight: p.weight,
      })),
      defaultPriority: resolved.defaultPriority,
    });
  });

  app.post('/api/queue/tickets', async (c) => {
    const kiosk = authenticate(c, office.kioskForToken, 'kiosk');
    const input = await readJsonBody(c, issueBody);
    if (!queue.config.services.has(input.service)) {
      throw new ApiError(404, 'unknown-service', {
        vi: `Không có dịch vụ "${input.service}"`,
        en: `No service "${input.service}"`,
      });
    }
    const id = commandId(c, `kiosk:${kiosk}`);
    const ticket = await refusals(() =>
      queue.issue(input.service, {
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(id !== undefined ? { commandId: id } : {}),
      }),
    );
    return c.json(view(ticket), 201);
  });

  // The id is unguessable (the kiosk prints it as a QR code): whoever holds it may follow the ticket.
  app.get('/api/queue/tickets/:id', async (c) => {
    const ticket = await refusals(() => queue.get(c.req.param('id')));
    const wait = ticket.status === 'issued' ? await queue.estimateWait(ticket.id) : undefined;
    return c.json({ ticket: view(ticket), ...(wait ? { wait } : {}) });
  });

  /** The ticket a counter command applies to: the one named, else the counter's current one. */
  async function target(counter: string, named: string | undefined): Promise<Ticket> {
    const resolved = queue.config;
    const date = queueBusinessTimeOf(options.now(), resolved.dayStartsAt, resolved.sessions).date;
    const ticket =
      named === undefined ? await store.currentTicket(counter, date) : await refusals(() => queue.get(named));
    if (!ticket) {
      throw new ApiError(409, 'no-current-ticket', {
        vi: `Quầy ${counter} không có phiếu đang gọi`,
        en: `Counter ${counter} has no called ticket`,
      });
    }
    if (ticket.counter !== counter) {
      throw new ApiError(409, 'not-this-counter', {
        vi: `Phiếu ${ticket.number} không do quầy ${counter} gọi`,
        en: `Ticket ${ticket.number} was not called by counter ${counter}`,
      });
    }
    return ticket;
  }

  // The public board hides ticket ids; a counter console that reloads reads its current ticket (with id) here.
  app.get('/api/queue/counters/:id/current', async (c) => {
    const counter = c.req.param('id');
    const resolved = queue.config;
    const date = queueBusinessTimeOf(options.now(), resolved.dayStartsAt, resolved.sessions).date;
    const ticket = await store.currentTicket(counter, date);
    c.header('Cache-Control', 'no-store');
    return c.json({ ticket: ticket ? view(ticket) : null });
  });

  app.post('/api/queue/counters/:id/call-next', async (c) => {
    const counter = c.req.param('id');
    const id = commandId(c, `counter:${counter}`);
    const ticket = await refusals(() => queue.callNext(counter, id !== undefined ? { commandId: id } : {}));
    return c.json({ ticket: ticket ? view(ticket) : null });
  });

  const simple = { recall: 'recall', start: 'start', skip: 'noShow' } as const;
  for (const [path, method] of Object.entries(simple)) {
    app.post(`/api/queue/counters/:id/${path}`, async (c) => {
      const counter = c.req.param('id');
      const input = await readJsonBody(c, ticketBody);
      const ticket = await target(counter, input.ticket);
      const id = commandId(c, `counter:${counter}`);
      const done = await refusals(() => queue[method](ticket.id, id !== undefined ? { commandId: id } : {}));
      return c.json({ ticket: view(done) });
    });
  }

  app.post('/api/queue/counters/:id/done', async (c) => {
    const counter = c.req.param('id');
    const input = await readJsonBody(c, ticketBody);
    let ticket = await target(counter, input.ticket);
    const id = commandId(c, `counter:${counter}`);
    // An officer may press "done" without "start": service then starts and ends at once.
    if (ticket.status === 'called') {
      const started = ticket.id;
      ticket = await refusals(() => queue.start(started, id !== undefined ? { commandId: `${id}:start` } : {}));
    }
    const serving = ticket.id;
    const done = await refusals(() => queue.finish(serving, id !== undefined ? { commandId: id } : {}));
    // The ticket is done whatever happens to its rating token: a key too short to sign with only leaves it out.
    const ratingToken = options.secret
      ? await createRatingToken({ ticket: done.id, counter }, options.secret, { now: options.now() }).catch(
          (error: unknown) => {
            console.warn(`motcua-server: no rating token: ${(error as Error).message}`);
            return undefined;
          },
        )
      : undefined;
    return c.json({ ticket: view(done), ...(ratingToken !== undefined ? { ratingToken } : {}) });
  });

  app.post('/api/queue/counters/:id/transfer', async (c) => {
    const counter = c.req.param('id');
    const input = await readJsonBody(c, transferBody);
    if (!queue.config.services.has(input.service)) {
      throw new ApiError(404, 'unknown-service', {
        vi: `Không có dịch vụ "${input.service}"`,
        en: `No service "${input.service}"`,
      });
    }
    const ticket = await target(counter, input.ticket);
    const id = commandId(c, `counter:${counter}`);
    const next = await refusals(() =>
      queue.transfer(ticket.id, input.service, id !== undefined ? { commandId: id } : {}),
    );
    return c.json({ ticket: view(next), from: ticket.number });
  });

  app.get('/api/queue/board', async (c) => c.json(await service.board()));

  app.get('/api/queue/events', (c) =>
    streamSSE(c, async (stream) => {
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
    }),
  );
}
