import type { Ticket, TicketEvent } from '@motcua/core/queue';
import type { Queryable } from '../db/database.js';

/**
 * Stores simulated tickets and their events in two statements, the events in the order given (their `seq` follows
 * it), as the queue's own store would have written them one by one.
 *
 * @example
 * ```ts
 * await insertQueueHistory(tx, 'demo', await store.tickets(), await store.events());
 * ```
 */
export async function insertQueueHistory(
  db: Queryable,
  office: string,
  tickets: readonly Ticket[],
  events: readonly TicketEvent[],
): Promise<void> {
  await db.query(
    `insert into queue_tickets (id, office, service, business_date, status, counter, version, data)
     select t->>'id', $1, t->>'service', t->>'businessDate', t->>'status', t->>'counter', (t->>'version')::int, t
     from jsonb_array_elements($2::jsonb) as t`,
    [office, JSON.stringify(tickets)],
  );
  await db.query(
    `insert into queue_events (office, ticket, event)
     select $1, x.e->>'ticket', x.e from jsonb_array_elements($2::jsonb) with ordinality as x(e, n) order by x.n`,
    [office, JSON.stringify(events)],
  );
}

/** A rating of a finished visit, as `POST /api/ratings` stores one with the visit's rating token. */
export interface HistoryRating {
  readonly tokenId: string;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly answers: unknown;
  readonly submittedAt: number;
  readonly transactionId: string;
  readonly counter: string;
  readonly officer: string | null;
}

/**
 * Stores ratings in one statement.
 *
 * @example
 * ```ts
 * await insertRatingHistory(tx, 'demo', ratings);
 * ```
 */
export async function insertRatingHistory(db: Queryable, office: string, ratings: readonly HistoryRating[]) {
  await db.query(
    `insert into ratings (office, token_id, instrument_id, instrument_version, answers, submitted_at,
       transaction_id, counter, officer)
     select $1, r->>'tokenId', r->>'instrumentId', r->>'instrumentVersion', r->'answers', (r->>'submittedAt')::bigint,
       r->>'transactionId', r->>'counter', r->>'officer'
     from jsonb_array_elements($2::jsonb) as r`,
    [office, JSON.stringify(ratings)],
  );
}

/**
 * Whether the office already has its demo history (the audit trail records the one time it was written).
 *
 * @example
 * ```ts
 * if (!(await hasDemoHistory(tx, 'demo'))) …
 * ```
 */
export async function hasDemoHistory(db: Queryable, office: string): Promise<boolean> {
  const rows = await db.query("select 1 from audit_events where office = $1 and action = 'demo.history' limit 1", [
    office,
  ]);
  return rows.length > 0;
}
