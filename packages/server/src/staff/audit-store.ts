import type { AuditActor, AuditEntry } from '@motcua/core/staff';
import type { Database, Queryable } from '../db/database.js';
import { keepTicketOfficers } from '../queue/report-store.js';

// The SQL of the audit trail: append-only (the table's trigger refuses updates, and deletes outside the purge).

/** What an action records in the audit trail; `at` is epoch milliseconds. */
export interface AuditRecord {
  readonly office: string;
  readonly at: number;
  readonly actor: AuditActor;
  readonly action: string;
  readonly object?: string | undefined;
  readonly address?: string | undefined;
  readonly counter?: string | undefined;
  readonly detail?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Appends one line to the audit trail. Never pass a secret (password, session id, credential) in `detail`.
 *
 * @example
 * ```ts
 * await recordAudit(db, { office: 'demo', at: Date.now(), actor: { kind: 'user', id, name: 'Nguyễn Văn An' },
 *   action: 'queue.call', object: 'ticket:…', counter: '1' });
 * ```
 */
export async function recordAudit(db: Queryable, entry: AuditRecord): Promise<void> {
  await db.query(
    `insert into audit_events (office, at, actor_kind, actor_id, actor_name, action, object, address, counter, detail)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      entry.office,
      entry.at,
      entry.actor.kind,
      entry.actor.id ?? null,
      entry.actor.name ?? null,
      entry.action,
      entry.object ?? null,
      entry.address ?? null,
      entry.counter ?? null,
      entry.detail === undefined ? null : JSON.stringify(entry.detail),
    ],
  );
}

interface AuditRow {
  id: string | number;
  at: string | number;
  actor_kind: AuditActor['kind'];
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object: string | null;
  address: string | null;
  counter: string | null;
  detail: Record<string, unknown> | string | null;
}

function entryOf(row: AuditRow): AuditEntry {
  const detail = typeof row.detail === 'string' ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail;
  return {
    id: String(row.id),
    at: new Date(Number(row.at)).toISOString(),
    actor: {
      kind: row.actor_kind,
      ...(row.actor_id !== null ? { id: row.actor_id } : {}),
      ...(row.actor_name !== null ? { name: row.actor_name } : {}),
    },
    action: row.action,
    ...(row.object !== null ? { object: row.object } : {}),
    ...(row.address !== null ? { address: row.address } : {}),
    ...(row.counter !== null ? { counter: row.counter } : {}),
    ...(detail !== null ? { detail } : {}),
  };
}

/** A page of the audit trail: from `from` (inclusive) to `to` (exclusive), epoch ms, after the line `after`. */
export interface AuditQuery {
  readonly office: string;
  readonly from: number;
  readonly to: number;
  readonly after?: number | undefined;
  readonly limit: number;
}

/**
 * The lines of an office's audit trail in a period, oldest first, a page at a time (`after` the last id read).
 *
 * @example
 * ```ts
 * const page = await listAudit(db, { office: 'demo', from, to, limit: 100 });
 * ```
 */
export async function listAudit(db: Queryable, q: AuditQuery): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `select id, at, actor_kind, actor_id, actor_name, action, object, address, counter, detail from audit_events
     where office = $1 and at >= $2 and at < $3 and id > $4 order by id limit $5`,
    [q.office, q.from, q.to, q.after ?? 0, q.limit],
  );
  return rows.map(entryOf);
}

/**
 * Deletes the lines older than `before` (epoch ms), the only deletion the table allows, and returns how many. The
 * officer of each ticket's last counter action among them is kept on the ticket first, for the queue report.
 *
 * @example
 * ```ts
 * await purgeAudit(db, Date.now() - 365 * 86_400_000);
 * ```
 */
export async function purgeAudit(db: Database, before: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('motcua.audit_purge', 'on', true)`);
    await keepTicketOfficers(tx, before);
    const rows = await tx.query<{ id: string }>('delete from audit_events where at < $1 returning id', [before]);
    return rows.length;
  });
}
