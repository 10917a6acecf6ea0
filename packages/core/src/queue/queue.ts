import { MotcuaError, problem } from '../text/problem.js';
import { queueBusinessTimeOf } from './business-day.js';
import {
  type IssuingCalendar,
  parseQueueConfig,
  type QueueConfig,
  type ResolvedQueueConfig,
  type ResolvedQueueService,
} from './config.js';
import { createMemoryQueueStore } from './memory-store.js';
import { formatTicketNumber, ticketSequenceKey } from './numbering.js';
import { assertIssuingOpen, nextIssuingTime } from './opening-windows.js';
import { advanceOrderingState, chooseNextTicket } from './ordering.js';
import { QueueRefusedError } from './refusal.js';
import { applyTicketCommand, ticketCommandWasApplied } from './state-machine.js';
import type { QueueStore } from './store.js';
import type { Ticket, TicketCommand, TicketEvent } from './ticket.js';
import { createTicketId, parseTicketId } from './ticket-id.js';
import { estimateTicketWait } from './ticket-wait.js';
import type { WaitHistoryOptions } from './wait-backtest.js';
import type { WaitEstimate } from './wait-estimate.js';

/** How a queue gets what the library never reads by itself: the store, the clock and randomness. */
export interface QueueOptions {
  /** Where tickets live. Default: a new {@link createMemoryQueueStore}. */
  readonly store?: QueueStore;
  /** The clock, epoch ms, used when a call passes no `now`. Without either, calls throw `no-clock`. */
  readonly clock?: () => number;
  /** Random bytes for ticket ids. Default `crypto.getRandomValues`. */
  readonly randomBytes?: (length: number) => Uint8Array;
  /**
   * The working-day calendar the issuing hours follow (e.g. `vietnamCalendar()`): official days off are closed
   * without listing them in `closedDates`, and a make-up Saturday worked issues by the windows of the weekday it was
   * swapped for. `closedDates` and `openDates` stay local additions and exceptions. Without it, only the windows and
   * `closedDates` count.
   */
  readonly calendar?: IssuingCalendar;
}

/** Options every queue command takes. */
export interface QueueCommandOptions {
  /** The moment of the command, epoch ms or a `Date`. Default: the queue's `clock`. */
  readonly now?: number | Date;
  /** An idempotency key: a command applied again with the same key changes nothing and returns the same ticket. */
  readonly commandId?: string;
}

/** Options for {@link Queue.issue}. */
export interface IssueTicketOptions extends QueueCommandOptions {
  /** The priority class id. Default: the queue's default class (normal). */
  readonly priority?: string;
}

/** A queue of tickets for one office. Every method is async because stores may be remote. */
export interface Queue {
  /** The validated configuration. */
  readonly config: ResolvedQueueConfig;
  /** The store in use. */
  readonly store: QueueStore;
  /** Issues a ticket for a service; throws {@link QueueRefusedError} outside windows, on closed days, past the cap. */
  issue(service: string, options?: IssueTicketOptions): Promise<Ticket>;
  /** Calls the next waiting ticket for a counter under the ordering policy; `undefined` when nobody waits. */
  callNext(counter: string, options?: QueueCommandOptions): Promise<Ticket | undefined>;
  /** Calls a chosen waiting ticket to a counter. */
  call(ticket: string, counter: string, options?: QueueCommandOptions): Promise<Ticket>;
  /** Calls a called ticket again (the recall count goes up). */
  recall(ticket: string, options?: QueueCommandOptions): Promise<Ticket>;
  /** The citizen has arrived at the counter: service starts. */
  start(ticket: string, options?: QueueCommandOptions): Promise<Ticket>;
  /** Service is finished. */
  finish(ticket: string, options?: QueueCommandOptions): Promise<Ticket>;
  /** The citizen did not come after being called. */
  noShow(ticket: string, options?: QueueCommandOptions): Promise<Ticket>;
  /**
   * Puts a no-show back in the queue (the citizen came back): waiting again, behind whoever waits now, to be called
   * once more like any waiting ticket. Only on the ticket's own business day.
   */
  readmit(ticket: string, options?: QueueCommandOptions): Promise<Ticket>;
  /** Pauses a counter (a break, a long case): it is given no call, by `callNext` or `call`, until it resumes. */
  pause(counter: string): Promise<void>;
  /** Resumes a paused counter. */
  resume(counter: string): Promise<void>;
  /** Whether a counter is paused. */
  paused(counter: string): Promise<boolean>;
  /** Cancels a waiting or called ticket. */
  cancel(ticket: string, options?: QueueCommandOptions): Promise<Ticket>;
  /** Ends this ticket as transferred and queues a new ticket (same number and visit) for `service`; returns the new ticket. */
  transfer(ticket: string, service: string, options?: QueueCommandOptions): Promise<Ticket>;
  /** Links a called, served or finished ticket to the dossier (hồ sơ) it led to. */
  linkDossier(ticket: string, dossier: string, options?: QueueCommandOptions): Promise<Ticket>;
  /**
   * How long a waiting ticket can expect to wait: its position under the ordering policy, and minutes
   * from recent service times of its service (none when there are too few).
   */
  estimateWait(ticket: string, options?: QueueCommandOptions & WaitHistoryOptions): Promise<WaitEstimate>;
  /** A ticket by id; throws for a malformed, tampered or unknown id. */
  get(ticket: string): Promise<Ticket>;
  /** The event log, oldest first. */
  events(): Promise<readonly TicketEvent[]>;
}

const MAX_ATTEMPTS = 1000;

function unknown(kind: 'service' | 'counter' | 'priority', id: string): MotcuaError {
  const vi = { service: 'dịch vụ', counter: 'quầy', priority: 'nhóm ưu tiên' }[kind];
  const en = { service: 'service', counter: 'counter', priority: 'priority class' }[kind];
  return new MotcuaError([
    problem([kind], `unknown-${kind}`, { vi: `Không có ${vi} "${id}"`, en: `No ${en} "${id}"` }),
  ]);
}

/**
 * Creates a queue: validates the configuration ({@link parseQueueConfig}), and issues, orders and
 * moves tickets through their states in the given store (in memory unless one is given). The business
 * date is the civil date in `Asia/Ho_Chi_Minh` whatever the host's time zone; numbers restart each
 * business day (or session).
 *
 * @example
 * ```ts
 * const q = createQueue({
 *   services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
 *   counters: [{ id: '1', services: ['ho-tich'] }],
 *   clock: () => Date.now(),
 * });
 * const t = await q.issue('ho-tich');      // { id: '…', number: 'A001', service: 'ho-tich', status: 'issued', … }
 * const c = await q.callNext('1');         // the same ticket, now 'called' at counter 1
 * await q.start(c!.id);
 * await q.finish(c!.id);
 * ```
 */
export function createQueue(config: QueueConfig & QueueOptions): Queue {
  const parsed = parseQueueConfig(config);
  const resolved: ResolvedQueueConfig = config.calendar ? { ...parsed, calendar: config.calendar } : parsed;
  const store = config.store ?? createMemoryQueueStore();
  const clock = config.clock;
  const randomBytes = config.randomBytes;
  const newId = (): string => createTicketId(randomBytes);
  const weightOf = (priority: string): number => resolved.priorityClasses.get(priority)?.weight ?? 0;

  function nowOf(options: QueueCommandOptions | undefined): number {
    const now = options?.now ?? clock?.();
    if (now === undefined) {
      throw new MotcuaError([
        problem(['now'], 'no-clock', {
          vi: 'Cần thời điểm: truyền now hoặc khai báo clock khi tạo hàng đợi',
          en: 'A time is needed: pass now, or give the queue a clock',
        }),
      ]);
    }
    return typeof now === 'number' ? now : now.getTime();
  }

  function serviceOf(id: string): ResolvedQueueService {
    const service = resolved.services.get(id);
    if (!service) throw unknown('service', id);
    return service;
  }

  /** Runs `body` at most once per command id; a repeat returns the ticket the first run produced. */
  async function once<T extends Ticket | undefined>(commandId: string | undefined, body: () => Promise<T>): Promise<T> {
    if (commandId === undefined) return body();
    const claim = await store.claimCommand(commandId);
    if (claim.status === 'done') return (claim.ticket === null ? undefined : await store.getTicket(claim.ticket)) as T;
    if (claim.status === 'pending') {
      throw new MotcuaError([
        problem(['commandId'], 'command-in-progress', {
          vi: `Lệnh ${commandId} đang được xử lý; hãy thử lại`,
          en: `Command ${commandId} is still being applied; try again`,
        }),
      ]);
    }
    try {
      const result = await body();
      await store.completeCommand(commandId, result?.id ?? null);
      return result;
    } catch (error) {
      await store.releaseCommand(commandId);
      throw error;
    }
  }

  async function load(id: string): Promise<Ticket> {
    const ticket = await store.getTicket(parseTicketId(id));
    if (!ticket) {
      throw new MotcuaError([
        problem(['ticket'], 'unknown-ticket', { vi: `Không tìm thấy phiếu ${id}`, en: `No ticket ${id}` }),
      ]);
    }
    return ticket;
  }

  /** Applies a command with compare-and-set, reloading and retrying when another writer got there first. */
  async function mutate(
    id: string,
    command: TicketCommand,
    now: number,
    commandId?: string,
    transferTo?: string,
  ): Promise<Ticket> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await load(id);
      const next = applyTicketCommand(current, command, now, commandId, transferTo);
      if (next === current) return current;
      if (await store.replaceTicket(next, current.version)) {
        await store.appendEvent(next.history[next.history.length - 1] as TicketEvent);
        return next;
      }
    }
    throw new MotcuaError([
      problem(['ticket'], 'contention', {
        vi: 'Phiếu đang bị thay đổi liên tục; hãy thử lại',
        en: 'The ticket keeps changing; try again',
      }),
    ]);
  }

  function command(build: (options?: QueueCommandOptions) => TicketCommand) {
    return async (ticket: string, options?: QueueCommandOptions): Promise<Ticket> => {
      const now = nowOf(options);
      return once(options?.commandId, () => mutate(ticket, build(options), now, options?.commandId));
    };
  }

  function counterOf(id: string) {
    const counter = resolved.counters.get(id);
    if (!counter) throw unknown('counter', id);
    return counter;
  }

  /** Refuses a call to a paused counter. */
  async function assertNotPaused(counter: { readonly id: string; readonly label: string }): Promise<void> {
    if (await store.counterPaused(counter.id)) {
      throw new MotcuaError([
        problem(['counter'], 'counter-paused', {
          vi: `Quầy ${counter.label} đang tạm dừng; hãy mở lại quầy trước khi gọi số`,
          en: `Counter ${counter.label} is paused; resume it before calling`,
        }),
      ]);
    }
  }

  async function refuse(
    service: ResolvedQueueService,
    reason: 'daily-cap' | 'sequence-end',
    date: string,
    now: number,
  ): Promise<never> {
    const time = queueBusinessTimeOf(now, resolved.dayStartsAt, resolved.sessions);
    // The next window on a later day (today's count is used up).
    const tomorrow = nextIssuingTime(service, resolved, time.clockDate, 1439);
    const when = tomorrow
      ? {
          vi: ` Giờ lấy số tiếp theo: ${tomorrow.time} ngày ${tomorrow.date}.`,
          en: ` Next issuing time: ${tomorrow.time} on ${tomorrow.date}.`,
        }
      : { vi: '', en: '' };
    const last = formatTicketNumber(service.prefix, service.numbering.end, service.numbering.width);
    const message =
      reason === 'daily-cap'
        ? {
            vi: `Đã hết số hôm nay (${date}) cho ${service.name.vi}: tối đa ${service.dailyCap} phiếu.${when.vi}`,
            en: `No more tickets today (${date}) for ${service.name.en}: at most ${service.dailyCap}.${when.en}`,
          }
        : {
            vi: `Đã hết số cho ${service.name.vi} hôm nay (số cuối ${last}).${when.vi}`,
            en: `The numbers for ${service.name.en} are used up today (last ${last}).${when.en}`,
          };
    throw new QueueRefusedError(reason, service.id, message, tomorrow);
  }

  const queue: Queue = {
    config: resolved,
    store,

    async issue(serviceId, options) {
      const now = nowOf(options);
      const service = serviceOf(serviceId);
      const priority = options?.priority ?? resolved.defaultPriority;
      if (!resolved.priorityClasses.has(priority)) throw unknown('priority', priority);
      const time = queueBusinessTimeOf(now, resolved.dayStartsAt, resolved.sessions);
      return once(options?.commandId, async () => {
        // Inside `once`: a retry of an issued command returns its ticket even after the window closed.
        assertIssuingOpen(service, resolved, time);
        const session = service.numbering.reset === 'session' ? time.session : undefined;
        const taken = await store.takeNumber({
          ticketSequenceKey: ticketSequenceKey(service.sequence, time.date, session),
          numbering: service.numbering,
          capKey: ticketSequenceKey(`cap:${service.id}`, time.date),
          cap: service.dailyCap,
        });
        if (!taken.ok) return refuse(service, taken.reason, time.date, now);
        const id = newId();
        const event: TicketEvent = {
          type: 'issue',
          at: now,
          ticket: id,
          service: service.id,
          priority,
          ...(options?.commandId !== undefined ? { commandId: options.commandId } : {}),
        };
        const ticket: Ticket = {
          id,
          number: formatTicketNumber(service.prefix, taken.value, service.numbering.width),
          value: taken.value,
          service: service.id,
          priority,
          businessDate: time.date,
          session: time.session,
          status: 'issued',
          issuedAt: now,
          queuedAt: now,
          ordinal: taken.ordinal,
          visit: id,
          counter: undefined,
          calls: 0,
          calledAt: undefined,
          lastCalledAt: undefined,
          servingAt: undefined,
          endedAt: undefined,
          transferredFrom: undefined,
          transferredTo: undefined,
          dossier: undefined,
          version: 1,
          history: [event],
        };
        await store.insertTicket(ticket);
        await store.appendEvent(event);
        return ticket;
      });
    },

    async callNext(counterId, options) {
      const now = nowOf(options);
      const counter = counterOf(counterId);
      const date = queueBusinessTimeOf(now, resolved.dayStartsAt, resolved.sessions).date;
      return once(options?.commandId, async () => {
        await assertNotPaused(counter);
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          const waiting = await store.waitingTickets(counter.services, date);
          const state = await store.getOrderingState(counter.id);
          const chosen = chooseNextTicket(waiting, resolved.ordering, weightOf, now, state);
          if (!chosen) return undefined;
          const called = applyTicketCommand(chosen, { type: 'call', counter: counter.id }, now, options?.commandId);
          if (await store.replaceTicket(called, chosen.version)) {
            await store.setOrderingState(counter.id, advanceOrderingState(state, weightOf(called.priority)));
            await store.appendEvent(called.history[called.history.length - 1] as TicketEvent);
            return called;
          }
        }
        throw new MotcuaError([
          problem(['counter'], 'contention', {
            vi: 'Quá nhiều quầy gọi cùng lúc; hãy thử lại',
            en: 'Too many counters calling at once; try again',
          }),
        ]);
      });
    },

    async call(ticket, counterId, options) {
      const now = nowOf(options);
      const counter = counterOf(counterId);
      return once(options?.commandId, async () => {
        await assertNotPaused(counter);
        const current = await load(ticket);
        if (!counter.services.includes(current.service)) {
          throw new MotcuaError([
            problem(['counter'], 'counter-does-not-serve', {
              vi: `Quầy ${counter.label} không phục vụ dịch vụ "${current.service}"`,
              en: `Counter ${counter.label} does not serve "${current.service}"`,
            }),
          ]);
        }
        const called = await mutate(ticket, { type: 'call', counter: counter.id }, now, options?.commandId);
        const state = await store.getOrderingState(counter.id);
        await store.setOrderingState(counter.id, advanceOrderingState(state, weightOf(called.priority)));
        return called;
      });
    },

    recall: command(() => ({ type: 'recall' })),
    start: command(() => ({ type: 'start' })),
    finish: command(() => ({ type: 'finish' })),
    noShow: command(() => ({ type: 'no-show' })),
    cancel: command(() => ({ type: 'cancel' })),

    async readmit(ticket, options) {
      const now = nowOf(options);
      const today = queueBusinessTimeOf(now, resolved.dayStartsAt, resolved.sessions).date;
      const current = await load(ticket);
      if (current.businessDate !== today && !ticketCommandWasApplied(current, options?.commandId)) {
        throw new MotcuaError([
          problem(['ticket'], 'not-today', {
            vi: `Phiếu ${current.number} là của ngày ${current.businessDate}; chỉ cho vào hàng lại phiếu hôm nay`,
            en: `Ticket ${current.number} is from ${current.businessDate}; only today's tickets can be re-admitted`,
          }),
        ]);
      }
      return command(() => ({ type: 'readmit' }))(ticket, options);
    },

    async pause(counterId) {
      await store.setCounterPaused(counterOf(counterId).id, true);
    },

    async resume(counterId) {
      await store.setCounterPaused(counterOf(counterId).id, false);
    },

    paused: (counterId) => store.counterPaused(counterOf(counterId).id),

    async transfer(ticket, serviceId, options) {
      const now = nowOf(options);
      const target = serviceOf(serviceId);
      return once(options?.commandId, async () => {
        const nextId = newId();
        const old = await mutate(ticket, { type: 'transfer', to: target.id }, now, options?.commandId, nextId);
        if (old.transferredTo !== nextId) {
          const existing = old.transferredTo === undefined ? undefined : await store.getTicket(old.transferredTo);
          if (existing) return existing;
        }
        const event: TicketEvent = {
          type: 'issue',
          at: now,
          ticket: nextId,
          service: target.id,
          priority: old.priority,
          visit: old.visit,
          ...(options?.commandId !== undefined ? { commandId: options.commandId } : {}),
        };
        const continued: Ticket = {
          ...old,
          id: nextId,
          service: target.id,
          status: 'issued',
          queuedAt: now,
          ordinal: await store.nextOrdinal(),
          counter: undefined,
          calls: 0,
          calledAt: undefined,
          lastCalledAt: undefined,
          servingAt: undefined,
          endedAt: undefined,
          transferredFrom: old.id,
          transferredTo: undefined,
          version: 1,
          history: [event],
        };
        await store.insertTicket(continued);
        await store.appendEvent(event);
        return continued;
      });
    },

    async linkDossier(ticket, dossier, options) {
      if (typeof dossier !== 'string' || dossier.trim() === '') {
        throw new MotcuaError([
          problem(['dossier'], 'invalid-dossier', {
            vi: 'Mã hồ sơ không được rỗng',
            en: 'A dossier code must not be empty',
          }),
        ]);
      }
      return command(() => ({ type: 'link-dossier', dossier }))(ticket, options);
    },

    async estimateWait(id, options) {
      const now = nowOf(options);
      const ticket = await load(id);
      if (ticket.status !== 'issued') {
        throw new MotcuaError([
          problem(['ticket'], 'not-waiting', {
            vi: `Phiếu ${ticket.number} không còn chờ`,
            en: `Ticket ${ticket.number} is no longer waiting`,
          }),
        ]);
      }
      return estimateTicketWait(ticket, await store.tickets(ticket.businessDate), resolved, now, options);
    },

    get: load,

    events: () => store.events(),
  };
  return queue;
}
