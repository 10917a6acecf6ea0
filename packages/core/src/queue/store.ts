import type { CivilDate } from '../calendar/civil-date.js';
import type { TicketNumbering } from './config.js';
import type { QueueOrderingState } from './ordering.js';
import type { Ticket, TicketEvent } from './ticket.js';

/** What the atomic "next number" operation needs. */
export interface TakeNumberRequest {
  /** The sequence row to advance, from `ticketSequenceKey`. */
  readonly ticketSequenceKey: string;
  /** How the sequence counts; pass it to `nextTicketValue`. */
  readonly numbering: TicketNumbering;
  /** The per-service, per-day count the cap applies to. */
  readonly capKey: string;
  /** The most tickets under `capKey`; `undefined` for no cap. */
  readonly cap: number | undefined;
}

/** The outcome of {@link QueueStore.takeNumber}. */
export type TakeNumberResult =
  | {
      /** A number was taken. */
      readonly ok: true;
      /** The number, without prefix. */
      readonly value: number;
      /** A new store-wide ordinal for FIFO ties. */
      readonly ordinal: number;
    }
  | {
      /** No number was taken. */
      readonly ok: false;
      /** Why: the daily cap was reached, or the `refuse` policy ended the range. */
      readonly reason: 'daily-cap' | 'sequence-end';
    };

/** Where an idempotent command stands. */
export type QueueCommandClaim =
  | {
      /** First seen: the caller now holds the claim. */
      readonly status: 'new';
    }
  | {
      /** Claimed by a caller that has not finished. */
      readonly status: 'pending';
    }
  | {
      /** Already applied. */
      readonly status: 'done';
      /** The ticket it produced, or `null` when it produced none. */
      readonly ticket: string | null;
    };

/**
 * Where a queue keeps its state. Every method is async so that a server can implement it on a
 * database: `takeNumber` in one transaction (`SELECT … FOR UPDATE` + `UPDATE`, or `UPDATE … RETURNING`),
 * `replaceTicket` as `UPDATE … WHERE id = $1 AND version = $2`, `claimCommand` as an insert into a
 * table with a unique key. {@link createMemoryQueueStore} is the in-process implementation.
 */
export interface QueueStore {
  /**
   * Atomically: refuses with `daily-cap` when the count under `capKey` has reached `cap`; otherwise
   * advances the sequence with `nextTicketValue` (refusing with `sequence-end` when it gives
   * `undefined`), increments the count, and returns the value with a new store-wide ordinal. No two
   * calls ever get the same value for one sequence key, unless the `wrap` policy wraps.
   */
  takeNumber(request: TakeNumberRequest): Promise<TakeNumberResult>;
  /** A new store-wide ordinal, greater than every one given before. */
  nextOrdinal(): Promise<number>;
  /** Stores a new ticket; rejects if its id exists. */
  insertTicket(ticket: Ticket): Promise<void>;
  /** The ticket with this id. */
  getTicket(id: string): Promise<Ticket | undefined>;
  /** Compare-and-set: stores `ticket` only if the stored copy has `expectedVersion`; says whether it did. */
  replaceTicket(ticket: Ticket, expectedVersion: number): Promise<boolean>;
  /** The tickets in status `issued` for these services on this business date, in any order. */
  waitingTickets(services: readonly string[], businessDate: CivilDate): Promise<readonly Ticket[]>;
  /** Every ticket of a business date, or every ticket. */
  tickets(businessDate?: CivilDate): Promise<readonly Ticket[]>;
  /** A counter's interleave state. */
  getOrderingState(counter: string): Promise<QueueOrderingState | undefined>;
  /** Saves a counter's interleave state. */
  setOrderingState(counter: string, state: QueueOrderingState): Promise<void>;
  /** Whether a counter is paused (no calls until it resumes); `false` for a counter never paused. */
  counterPaused(counter: string): Promise<boolean>;
  /** Pauses or resumes a counter. */
  setCounterPaused(counter: string, paused: boolean): Promise<void>;
  /** Atomically claims an idempotency key: `new` (now pending) the first time, else its standing. */
  claimCommand(commandId: string): Promise<QueueCommandClaim>;
  /** Records the ticket a claimed command produced (`null` when it produced none). */
  completeCommand(commandId: string, ticket: string | null): Promise<void>;
  /** Forgets a claim whose command failed, so it can be retried. */
  releaseCommand(commandId: string): Promise<void>;
  /** Appends to the event log. */
  appendEvent(event: TicketEvent): Promise<void>;
  /** The event log, oldest first. */
  events(): Promise<readonly TicketEvent[]>;
}
