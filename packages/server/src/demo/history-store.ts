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

/** The last counter action on a ticket, as the audit trail records it for the officer who took it. */
export interface HistoryCounterAction {
  readonly at: number;
  readonly action: 'queue.call' | 'queue.start' | 'queue.done' | 'queue.no-show' | 'queue.transfer';
  readonly ticket: string;
  readonly counter: string;
  /** The officer's user id and display name. */
  readonly userId: string;
  readonly name: string;
}

/**
 * Stores the officers' last counter actions in the audit trail in one statement, as the counter routes record them
 * (`ticket:<id>`, the counter, the signed-in user): the queue report's figures by officer read them.
 *
 * @example
 * ```ts
 * await insertCounterActionHistory(tx, 'demo', [{ at, action: 'queue.done', ticket, counter: '1', userId, name }]);
 * ```
 */
export async function insertCounterActionHistory(
  db: Queryable,
  office: string,
  actions: readonly HistoryCounterAction[],
): Promise<void> {
  await db.query(
    `insert into audit_events (office, at, actor_kind, actor_id, actor_name, action, object, counter)
     select $1, (a->>'at')::bigint, 'user', a->>'userId', a->>'name', a->>'action', 'ticket:' || (a->>'ticket'),
       a->>'counter'
     from jsonb_array_elements($2::jsonb) with ordinality as x(a, n) order by x.n`,
    [office, JSON.stringify(actions)],
  );
}

/**
 * The ids of an office's users by username (the demo officers, created before the history is written).
 *
 * @example
 * ```ts
 * const ids = await userIds(tx, 'demo', ['canbo1', 'canbo2']); // Map { 'canbo1' => 'u…', … }
 * ```
 */
export async function userIds(
  db: Queryable,
  office: string,
  usernames: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const rows = await db.query<{ id: string; username: string }>(
    'select id, username from staff_users where office = $1 and username = any($2)',
    [office, usernames],
  );
  return new Map(rows.map((r) => [r.username, r.id]));
}
