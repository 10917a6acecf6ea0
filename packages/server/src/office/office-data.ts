import type { Database, Queryable } from '../db/database.js';

/**
 * An office's tables in the order their rows can be written back (a user before its roles), with the column a
 * database numbers itself (left out on import: the target numbers the rows again, in their exported order). Not
 * moved: Idempotency-Key answers, rate-limit windows, failed-lookup counts and sessions, which last hours.
 */
export const OFFICE_TABLES: readonly { readonly name: string; readonly numbered?: string }[] = [
  { name: 'office_settings' },
  { name: 'office_catalogues' },
  { name: 'staff_users' },
  { name: 'staff_user_roles' },
  { name: 'devices' },
  { name: 'device_pairings' },
  { name: 'queue_sequences' },
  { name: 'queue_caps' },
  { name: 'queue_tickets' },
  { name: 'queue_ordering' },
  { name: 'queue_commands' },
  { name: 'queue_counter_pauses' },
  { name: 'queue_events', numbered: 'seq' },
  { name: 'dossier_sequences' },
  { name: 'dossiers' },
  { name: 'notification_outbox' },
  { name: 'push_subscriptions' },
  { name: 'ratings', numbered: 'id' },
  { name: 'audit_events', numbered: 'id' },
];

/** One office's rows, as `motcua-server office export` writes them (JSON). */
export interface OfficeData {
  readonly format: 'motcua-office-data';
  readonly version: 1;
  readonly office: string;
  /** Epoch milliseconds. */
  readonly exportedAt: number;
  readonly tables: Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

/**
 * The office already holds rows: an import would mix two histories.
 *
 * @example
 * ```ts
 * await importOffice(db.forOffice('xa-a'), data).catch((e) => e instanceof OfficeNotEmptyError && e.held); // { dossiers: 60, … }
 * ```
 */
export class OfficeNotEmptyError extends Error {
  /**
   * @param office The office imported into.
   * @param held The rows it holds already, per table.
   */
  constructor(
    readonly office: string,
    readonly held: Readonly<Record<string, number>>,
  ) {
    super(
      `office ${office} already has rows (${Object.entries(held)
        .map(([table, n]) => `${table}: ${n}`)
        .join(', ')}): import into an office that has none, or merge into it with --merge`,
    );
    this.name = 'OfficeNotEmptyError';
  }
}

/**
 * Every row of one office, table by table, read in one transaction (a consistent picture while the office works),
 * each table in the order it was written. The rows hold personal data and password and credential hashes: keep the
 * file as a backup is kept.
 *
 * @example
 * ```ts
 * const data = await exportOffice(db.forOffice('xa-a'), 'xa-a', Date.now());
 * data.tables.dossiers.length; // the office's dossiers
 * ```
 */
export async function exportOffice(db: Database, office: string, now: number): Promise<OfficeData> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    return readOffice(tx, office, now);
  });
}

/** {@link exportOffice}'s reading, in the caller's transaction `tx` (working for `office`). */
export async function readOffice(tx: Queryable, office: string, now: number): Promise<OfficeData> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const { name, numbered } of OFFICE_TABLES) {
    tables[name] = await tx.query(`select * from ${name} where office = $1${numbered ? ` order by ${numbered}` : ''}`, [
      office,
    ]);
  }
  return { format: 'motcua-office-data', version: 1, office, exportedAt: now, tables };
}

/**
 * Writes an exported office into this database, as `as` (its own id by default: a commune moving between
 * deployments; another id: the same data under a new office), all or nothing; refused with
 * {@link OfficeNotEmptyError} when that office already holds rows. Returns the rows written per table.
 *
 * @example
 * ```ts
 * await importOffice(db.forOffice('xa-a'), data); // { dossiers: 60, … }
 * ```
 */
export async function importOffice(
  db: Database,
  data: OfficeData,
  as: string = data.office,
): Promise<Record<string, number>> {
  checkExport(data);
  return db.transaction(async (tx) => {
    const held: Record<string, number> = {};
    for (const { name } of OFFICE_TABLES) {
      const [row] = await tx.query<{ n: number }>(`select count(*)::int as n from ${name} where office = $1`, [as]);
      if (row && row.n > 0) held[name] = row.n;
    }
    if (Object.keys(held).length > 0) throw new OfficeNotEmptyError(as, held);
    const written: Record<string, number> = {};
    for (const { name, numbered } of OFFICE_TABLES) {
      const rows = (data.tables[name] ?? []).map((exported) => {
        const row: Record<string, unknown> = { ...exported, office: as };
        if (numbered) delete row[numbered];
        return row;
      });
      written[name] = (await insertRows(tx, name, rows)).length;
    }
    return written;
  });
}

/** Throws unless `data` is an office export this version reads. */
export function checkExport(data: OfficeData): void {
  if (data.format !== 'motcua-office-data' || data.version !== 1) {
    throw new Error('not a motcua office export (format motcua-office-data, version 1)');
  }
}

/**
 * Inserts `rows` (JSON, as exported) into `table`, each column converted to its type by PostgreSQL; with `skip`, a
 * row that a unique constraint refuses is skipped (`on conflict do nothing`) and the written rows' `skip` columns are
 * answered. Answers the rows written.
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  rows: readonly Record<string, unknown>[],
  skip?: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0] as object).map((c) => `"${c.replaceAll('"', '""')}"`);
  const inserted = await tx.query<Record<string, unknown>>(
    `insert into ${table} (${columns.join(', ')})
     select ${columns.join(', ')} from json_populate_recordset(null::${table}, $1::json)
     ${skip ? `on conflict do nothing returning ${skip.length ? skip.join(', ') : '1'}` : ''}`,
    [JSON.stringify(rows)],
  );
  return skip ? inserted : rows.map(() => ({}));
}
