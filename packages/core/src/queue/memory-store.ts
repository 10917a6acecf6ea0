import type { CivilDate } from '../calendar/civil-date.js';
import { MotcuaError, problem } from '../text/problem.js';
import { nextTicketValue } from './numbering.js';
import type { QueueOrderingState } from './ordering.js';
import type { QueueCommandClaim, QueueStore, TakeNumberRequest, TakeNumberResult } from './store.js';
import type { Ticket, TicketEvent } from './ticket.js';

/**
 * A {@link QueueStore} in memory, for a single process (tests, a kiosk demo, a server's cache). Each
 * method does its work synchronously before its promise resolves, so `takeNumber`, `replaceTicket`
 * and `claimCommand` are atomic however calls interleave. Waiting tickets are indexed by service.
 *
 * @example
 * ```ts
 * const store = createMemoryQueueStore();
 * const queue = createQueue({ services, counters, store });
 * ```
 */
export function createMemoryQueueStore(): QueueStore {
  const sequences = new Map<string, number>();
  const caps = new Map<string, number>();
  const tickets = new Map<string, Ticket>();
  const waiting = new Map<string, Map<string, Ticket>>();
  const ordering = new Map<string, QueueOrderingState>();
  const paused = new Set<string>();
  const commands = new Map<string, string | null | undefined>();
  const log: TicketEvent[] = [];
  let ordinal = 0;

  function index(ticket: Ticket, previous: Ticket | undefined): void {
    if (previous && previous.status === 'issued') waiting.get(previous.service)?.delete(previous.id);
    if (ticket.status === 'issued') {
      let lane = waiting.get(ticket.service);
      if (!lane) {
        lane = new Map();
        waiting.set(ticket.service, lane);
      }
      lane.set(ticket.id, ticket);
    }
  }

  return {
    async takeNumber(request: TakeNumberRequest): Promise<TakeNumberResult> {
      const count = caps.get(request.capKey) ?? 0;
      if (request.cap !== undefined && count >= request.cap) return { ok: false, reason: 'daily-cap' };
      const value = nextTicketValue(request.numbering, sequences.get(request.ticketSequenceKey));
      if (value === undefined) return { ok: false, reason: 'sequence-end' };
      sequences.set(request.ticketSequenceKey, value);
      caps.set(request.capKey, count + 1);
      return { ok: true, value, ordinal: ++ordinal };
    },
    async nextOrdinal(): Promise<number> {
      return ++ordinal;
    },
    async insertTicket(ticket: Ticket): Promise<void> {
      if (tickets.has(ticket.id)) {
        throw new MotcuaError([
          problem(['ticket', ticket.id], 'duplicate-ticket-id', {
            vi: 'Mã phiếu đã tồn tại',
            en: 'The ticket id already exists',
          }),
        ]);
      }
      tickets.set(ticket.id, ticket);
      index(ticket, undefined);
    },
    async getTicket(id: string): Promise<Ticket | undefined> {
      return tickets.get(id);
    },
    async replaceTicket(ticket: Ticket, expectedVersion: number): Promise<boolean> {
      const current = tickets.get(ticket.id);
      if (!current || current.version !== expectedVersion) return false;
      tickets.set(ticket.id, ticket);
      index(ticket, current);
      return true;
    },
    async waitingTickets(services: readonly string[], businessDate: CivilDate): Promise<readonly Ticket[]> {
      const out: Ticket[] = [];
      for (const service of services) {
        const lane = waiting.get(service);
        if (lane) for (const t of lane.values()) if (t.businessDate === businessDate) out.push(t);
      }
      return out;
    },
    async tickets(businessDate?: CivilDate): Promise<readonly Ticket[]> {
      const all = [...tickets.values()];
      return businessDate === undefined ? all : all.filter((t) => t.businessDate === businessDate);
    },
    async getOrderingState(counter: string): Promise<QueueOrderingState | undefined> {
      return ordering.get(counter);
    },
    async setOrderingState(counter: string, state: QueueOrderingState): Promise<void> {
      ordering.set(counter, state);
    },
    async counterPaused(counter: string): Promise<boolean> {
      return paused.has(counter);
    },
    async setCounterPaused(counter: string, on: boolean): Promise<void> {
      if (on) paused.add(counter);
      else paused.delete(counter);
    },
    async claimCommand(commandId: string): Promise<QueueCommandClaim> {
      if (!commands.has(commandId)) {
        commands.set(commandId, undefined);
        return { status: 'new' };
      }
      const ticket = commands.get(commandId);
      return ticket === undefined ? { status: 'pending' } : { status: 'done', ticket };
    },
    async completeCommand(commandId: string, ticket: string | null): Promise<void> {
      commands.set(commandId, ticket);
    },
    async releaseCommand(commandId: string): Promise<void> {
      if (commands.get(commandId) === undefined) commands.delete(commandId);
    },
    async appendEvent(event: TicketEvent): Promise<void> {
      log.push(event);
    },
    async events(): Promise<readonly TicketEvent[]> {
      return [...log];
    },
  };
}
