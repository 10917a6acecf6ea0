import type { CivilDate } from '@motcua/core/calendar';
import type {
  BoardTicket,
  QueueCommandClaim,
  QueueOrderingState,
  QueueStore,
  TakeNumberRequest,
  TakeNumberResult,
  Ticket,
  TicketEvent,
  TicketView,
} from '@motcua/core/queue';
import { MotcuaError, problem } from '@motcua/core/text';
import type { Database } from '../db/database.js';

/**
 * The `NOTIFY` channel queue events travel on, between the service instances sharing one database; the schema's
 * name is appended (`motcua_queue_public`), so deployments in separate schemas of one database do not hear each other.
 */
export const QUEUE_CHANNEL = 'motcua_queue';

/** What an instance receives on {@link QUEUE_CHANNEL} for each event: no ticket ids, only what a board shows. */
export interface QueueNotification {
  readonly office: string;
  /** The event's place in the office's log; deltas after a snapshot have a greater version. */
  readonly version: number;
  readonly event: { readonly type: TicketEvent['type']; readonly at: number; readonly counter?: string };
  readonly ticket: BoardTicket | null;
}

/** A PostgreSQL queue store with what the HTTP routes need beyond core's {@link QueueStore}. */
export interface PgQueueStore extends QueueStore {
  /** The ticket a counter has called or is serving on a business date, if any (the latest called). */
  currentTicket(counter: string, businessDate: CivilDate): Promise<Ticket | undefined>;
  /** The newest event version of the office (0 before the first). */
  version(): Promise<number>;
  /** One business date's tickets without their history (what the board and the wait estimates read), any order. */
  ticketViews(businessDate: CivilDate): Promise<readonly TicketView[]>;
  /** The newest event sequence number of every office of the database (0 before the first). */
  eventWatermark(): Promise<number>;
  /** Every office's events after `seq` (at most `limit`, oldest first): their sequence number, office and ticket. */
  eventsAfter(seq: number, limit: number): Promise<readonly { seq: number; office: string; ticket: string }[]>;
  /** These tickets of the office without their history. */
  ticketViewsById(ids: readonly string[]): Promise<readonly TicketView[]>;
}

/** The SQL that builds a {@link BoardTicket} from a `queue_tickets` row's `data`. */
export const BOARD_TICKET_SQL = `jsonb_build_object(
  'number', data->'number', 'service', data->'service', 'priority', data->'priority', 'status', data->'status',
  'counter', coalesce(data->'counter', 'null'::jsonb), 'calls', data->'calls',
  'lastCalledAt', coalesce(data->'lastCalledAt', 'null'::jsonb), 'businessDate', data->'businessDate')`;

/** Optional ticket fields that JSON drops when `undefined`; put back so stored tickets read as they were written. */
const OPTIONAL_FIELDS = [
  'session',
  'counter',
  'calledAt',
  'lastCalledAt',
  'servingAt',
  'endedAt',
  'transferredFrom',
  'transferredTo',
  'dossier',
] as const;

function toTicket(data: unknown): Ticket {
  const raw = (typeof data === 'string' ? JSON.parse(data) : data) as Record<string, unknown>;
  const ticket: Record<string, unknown> = { ...raw };
  for (const field of OPTIONAL_FIELDS) ticket[field] = raw[field] ?? undefined;
  return ticket as unknown as Ticket;
}

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Claims older than this, never completed (the process died), are recovered from the event log or released. */
const STALE_CLAIM_SECONDS = 30;

/**
 * Core's {@link QueueStore} on PostgreSQL (or PGlite), for one office; several service instances can share the
 * database. Numbers come from one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` on the office's
 * per-sequence, per-business-date row (its primary key is the unique index), inside a transaction with the daily
 * cap; tickets are compare-and-set on their version; every appended event is also sent with `pg_notify` on
 * {@link QUEUE_CHANNEL} so boards connected to other instances see it.
 *
 * Durability: core always appends the event after the writes of a command, so `appendEvent` is the one commit
 * that waits for the disk; the writes before it commit with `synchronous_commit = off`, and since PostgreSQL
 * flushes its log in order, the event's flush makes them durable too. That saves a disk flush per statement.
 *
 * @example
 * ```ts
 * const queue = createQueue({ ...office.queueConfig, store: createPgQueueStore(db, office.id), clock: Date.now });
 * await queue.issue('ho-tich'); // { number: 'A001', … }
 * ```
 */
export function createPgQueueStore(db: Pick<Database, 'query' | 'transaction'>, office: string): PgQueueStore {
  /** One statement committed without waiting for the disk (made durable by the next synchronous commit). */
  const soon = <T>(sql: string, params: readonly unknown[]): Promise<T[]> =>
    db.transaction((tx) => tx.query<T>(sql, params), { synchronousCommit: false });
  const store: PgQueueStore = {
    async takeNumber(request: TakeNumberRequest): Promise<TakeNumberResult> {
      const { numbering } = request;
      return db
        .transaction(
          async (tx) => {
            if (request.cap !== undefined) {
              const counted = await tx.query(
                `insert into queue_caps (office, cap_key, issued) select $1, $2, 1 where $3::int >= 1
               on conflict (office, cap_key) do update set issued = queue_caps.issued + 1
                 where queue_caps.issued < $3::int
               returning issued`,
                [office, request.capKey, request.cap],
              );
              if (counted.length === 0) return { ok: false, reason: 'daily-cap' } as const;
            }
            // The same rule as core's nextTicketValue: grow, wrap to start, or (refuse) take no row at all.
            const taken = await tx.query<{ last_value: number; ordinal: string }>(
              `insert into queue_sequences (office, sequence_key, last_value) values ($1, $2, $3::int)
             on conflict (office, sequence_key) do update set last_value =
               case when queue_sequences.last_value + $4::int <= $5::int or $6::text = 'grow'
                    then queue_sequences.last_value + $4::int else $3::int end
               where queue_sequences.last_value + $4::int <= $5::int or $6::text <> 'refuse'
             returning last_value, nextval('queue_ordinals')::text as ordinal`,
              [office, request.ticketSequenceKey, numbering.start, numbering.step, numbering.end, numbering.onEnd],
            );
            const row = taken[0];
            if (!row) throw new SequenceEnd();
            return { ok: true, value: Number(row.last_value), ordinal: Number(row.ordinal) } as const;
          },
          { synchronousCommit: false },
        )
        .catch((error: unknown) => {
          if (error instanceof SequenceEnd) return { ok: false, reason: 'sequence-end' } as const;
          throw error;
        });
    },

    async nextOrdinal(): Promise<number> {
      const [row] = await db.query<{ n: string }>(`select nextval('queue_ordinals')::text as n`);
      return Number(row?.n);
    },

    async insertTicket(ticket: Ticket): Promise<void> {
      const inserted = await soon(
        `insert into queue_tickets (id, office, service, business_date, status, counter, version, data)
         values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) on conflict (id) do nothing returning id`,
        [
          ticket.id,
          office,
          ticket.service,
          ticket.businessDate,
          ticket.status,
          ticket.counter ?? null,
          ticket.version,
          JSON.stringify(ticket),
        ],
      );
      if (inserted.length === 0) {
        throw new MotcuaError([
          problem(['ticket', ticket.id], 'duplicate-ticket-id', {
            vi: 'Mã phiếu đã tồn tại',
            en: 'The ticket id already exists',
          }),
        ]);
      }
    },

    async getTicket(id: string): Promise<Ticket | undefined> {
      const [row] = await db.query<{ data: unknown }>('select data from queue_tickets where office = $1 and id = $2', [
        office,
        id,
      ]);
      return row ? toTicket(row.data) : undefined;
    },

    async replaceTicket(ticket: Ticket, expectedVersion: number): Promise<boolean> {
      const updated = await soon(
        `update queue_tickets set status = $3, counter = $4, version = $5, data = $6::jsonb, service = $7
         where office = $1 and id = $2 and version = $8 returning id`,
        [
          office,
          ticket.id,
          ticket.status,
          ticket.counter ?? null,
          ticket.version,
          JSON.stringify(ticket),
          ticket.service,
          expectedVersion,
        ],
      );
      return updated.length === 1;
    },

    async waitingTickets(services: readonly string[], businessDate: CivilDate): Promise<readonly Ticket[]> {
      if (services.length === 0) return [];
      const rows = await db.query<{ data: unknown }>(
        `select data from queue_tickets
         where office = $1 and status = 'issued' and business_date = $2 and service = any($3::text[])`,
        [office, businessDate, services],
      );
      return rows.map((r) => toTicket(r.data));
    },

    async tickets(businessDate?: CivilDate): Promise<readonly Ticket[]> {
      const rows =
        businessDate === undefined
          ? await db.query<{ data: unknown }>('select data from queue_tickets where office = $1', [office])
          : await db.query<{ data: unknown }>(
              'select data from queue_tickets where office = $1 and business_date = $2',
              [office, businessDate],
            );
      return rows.map((r) => toTicket(r.data));
    },

    async getOrderingState(counter: string): Promise<QueueOrderingState | undefined> {
      const [row] = await db.query<{ state: unknown }>(
        'select state from queue_ordering where office = $1 and counter = $2',
        [office, counter],
      );
      return row ? parseJson<QueueOrderingState>(row.state) : undefined;
    },

    async setOrderingState(counter: string, state: QueueOrderingState): Promise<void> {
      await soon(
        `insert into queue_ordering (office, counter, state) values ($1, $2, $3::jsonb)
         on conflict (office, counter) do update set state = excluded.state`,
        [office, counter, JSON.stringify(state)],
      );
    },

    async counterPaused(counter: string): Promise<boolean> {
      const rows = await db.query<{ counter: string }>(
        'select counter from queue_counter_pauses where office = $1 and counter = $2',
        [office, counter],
      );
      return rows.length > 0;
    },

    async setCounterPaused(counter: string, paused: boolean): Promise<void> {
      await db.query(
        paused
          ? 'insert into queue_counter_pauses (office, counter) values ($1, $2) on conflict do nothing'
          : 'delete from queue_counter_pauses where office = $1 and counter = $2',
        [office, counter],
      );
    },

    async claimCommand(commandId: string): Promise<QueueCommandClaim> {
      const claimed = await soon(
        `insert into queue_commands (office, command_id) values ($1, $2)
         on conflict (office, command_id) do nothing returning command_id`,
        [office, commandId],
      );
      if (claimed.length === 1) return { status: 'new' };
      const [row] = await db.query<{ done: boolean; ticket: string | null; stale: boolean }>(
        `select done, ticket, claimed_at < now() - make_interval(secs => $3) as stale
         from queue_commands where office = $1 and command_id = $2`,
        [office, commandId, STALE_CLAIM_SECONDS],
      );
      if (!row) return store.claimCommand(commandId);
      if (row.done) return { status: 'done', ticket: row.ticket };
      if (!row.stale) return { status: 'pending' };
      // The claimant died before completing. If a ticket's history names the command, it took effect: complete
      // it with that ticket (the one it created, for an issue or a transfer); otherwise hand the claim over.
      const [applied] = await db.query<{ id: string }>(
        `select id from queue_tickets
         where office = $1 and data->'history' @> jsonb_build_array(jsonb_build_object('commandId', $2::text))
         order by (data->'history'->0->>'commandId' = $2) desc, version desc limit 1`,
        [office, commandId],
      );
      if (applied) {
        await store.completeCommand(commandId, applied.id);
        return { status: 'done', ticket: applied.id };
      }
      const retaken = await db.query(
        `update queue_commands set claimed_at = now() where office = $1 and command_id = $2 and not done
           and claimed_at < now() - make_interval(secs => $3) returning command_id`,
        [office, commandId, STALE_CLAIM_SECONDS],
      );
      return retaken.length === 1 ? { status: 'new' } : { status: 'pending' };
    },

    async completeCommand(commandId: string, ticket: string | null): Promise<void> {
      await soon('update queue_commands set done = true, ticket = $3 where office = $1 and command_id = $2', [
        office,
        commandId,
        ticket,
      ]);
    },

    async releaseCommand(commandId: string): Promise<void> {
      await db.query('delete from queue_commands where office = $1 and command_id = $2 and not done', [
        office,
        commandId,
      ]);
    },

    async appendEvent(event: TicketEvent): Promise<void> {
      // One statement: the row and the notification, which carries the ticket as a board shows it.
      await db.query(
        `with e as (insert into queue_events (office, ticket, event) values ($1, $2, $3::jsonb) returning seq)
         select pg_notify(left($4 || '_' || current_schema(), 63), json_build_object(
           'office', $1::text, 'version', e.seq,
           'event', jsonb_build_object('type', $3::jsonb->'type', 'at', $3::jsonb->'at', 'counter', $3::jsonb->'counter'),
           'ticket', (select ${BOARD_TICKET_SQL} from queue_tickets where id = $2 and office = $1)
         )::text) from e`,
        [office, event.ticket, JSON.stringify(event), QUEUE_CHANNEL],
      );
    },

    async events(): Promise<readonly TicketEvent[]> {
      const rows = await db.query<{ event: unknown }>('select event from queue_events where office = $1 order by seq', [
        office,
      ]);
      return rows.map((r) => parseJson<TicketEvent>(r.event));
    },

    async currentTicket(counter: string, businessDate: CivilDate): Promise<Ticket | undefined> {
      const [row] = await db.query<{ data: unknown }>(
        `select data from queue_tickets
         where office = $1 and business_date = $2 and counter = $3 and status in ('called', 'serving')
         order by (data->>'lastCalledAt')::bigint desc nulls last limit 1`,
        [office, businessDate, counter],
      );
      return row ? toTicket(row.data) : undefined;
    },

    async ticketViews(businessDate: CivilDate): Promise<readonly TicketView[]> {
      // The history is most of a ticket's bytes and no public read needs it: it is left in the database.
      const rows = await db.query<{ data: unknown }>(
        `select data - 'history' as data from queue_tickets where office = $1 and business_date = $2`,
        [office, businessDate],
      );
      return rows.map((r) => toTicket(r.data));
    },

    async eventWatermark(): Promise<number> {
      const [row] = await db.query<{ v: string | null }>('select max(seq)::text as v from queue_events');
      return Number(row?.v ?? 0);
    },

    async eventsAfter(seq: number, limit: number) {
      const rows = await db.query<{ seq: string; office: string; ticket: string }>(
        'select seq::text as seq, office, ticket from queue_events where seq > $1 order by seq limit $2',
        [seq, limit],
      );
      return rows.map((r) => ({ seq: Number(r.seq), office: r.office, ticket: r.ticket }));
    },

    async ticketViewsById(ids: readonly string[]): Promise<readonly TicketView[]> {
      if (ids.length === 0) return [];
      const rows = await db.query<{ data: unknown }>(
        `select data - 'history' as data from queue_tickets where office = $1 and id = any($2::text[])`,
        [office, ids],
      );
      return rows.map((r) => toTicket(r.data));
    },

    async version(): Promise<number> {
      const [row] = await db.query<{ v: string | null }>(
        'select max(seq)::text as v from queue_events where office = $1',
        [office],
      );
      return Number(row?.v ?? 0);
    },
  };
  return store;
}

/** Thrown inside the numbering transaction to roll back the cap count when the `refuse` policy ends the range. */
class SequenceEnd extends Error {}
