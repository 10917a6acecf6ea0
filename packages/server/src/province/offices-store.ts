import type { LocalizedText } from '@motcua/core/text';
import type { Queryable } from '../db/database.js';

// The SQL of the province's own list of offices (migration 0024-province-offices): the offices its IT centre added
// at run time, beside the configuration's. Province data: no row-level security, any office's connection reads it.

/** The NOTIFY channel announcing an office added to the province (scoped to the schema, as the hubs scope theirs). */
export const OFFICES_CHANNEL = 'motcua_offices';

/** An office the province added at run time, as the database holds it. */
export interface ProvinceOffice {
  readonly id: string;
  readonly name: LocalizedText;
  /** Its host names, lower case, in order. */
  readonly hosts: readonly string[];
  /** When it was added, in milliseconds since 1970. */
  readonly createdAt: number;
}

interface ProvinceOfficeRow {
  id: string;
  name_vi: string;
  name_en: string;
  created_at: string | number;
  hosts: string[] | string;
}

/**
 * Every office the province added, by id, with its host names: one statement, whatever their number.
 *
 * @example
 * ```ts
 * (await listProvinceOffices(db)).map((o) => o.id); // ['xa-long-ho', 'xa-tan-hoa']
 * ```
 */
export async function listProvinceOffices(db: Queryable): Promise<ProvinceOffice[]> {
  const rows = await db.query<ProvinceOfficeRow>(
    `select o.id, o.name_vi, o.name_en, o.created_at,
            coalesce(json_agg(h.host order by h.host) filter (where h.host is not null), '[]'::json) as hosts
       from province_offices o left join province_office_hosts h on h.office_id = o.id
      group by o.id
      order by o.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: { vi: row.name_vi, en: row.name_en },
    hosts: typeof row.hosts === 'string' ? (JSON.parse(row.hosts) as string[]) : row.hosts,
    createdAt: Number(row.created_at),
  }));
}

/**
 * Adds an office to the province's list (in the caller's transaction, with {@link insertProvinceOfficeHost} and
 * {@link announceProvinceOffice}); `false` when an office has that id already (nothing written).
 *
 * @example
 * ```ts
 * await insertProvinceOffice(tx, { id: 'xa-tan-hoa', name: { vi: 'UBND xã Tân Hòa', en: 'Tan Hoa Commune' }, createdAt: Date.now() });
 * ```
 */
export async function insertProvinceOffice(
  tx: Queryable,
  office: Pick<ProvinceOffice, 'id' | 'name' | 'createdAt'>,
): Promise<boolean> {
  const rows = await tx.query(
    `insert into province_offices (id, name_vi, name_en, created_at) values ($1, $2, $3, $4)
     on conflict (id) do nothing returning id`,
    [office.id, office.name.vi, office.name.en, office.createdAt],
  );
  return rows.length === 1;
}

/**
 * Gives an added office a host name (lower case); `false` when another office has it already (nothing written).
 *
 * @example
 * ```ts
 * await insertProvinceOfficeHost(tx, 'xa-tan-hoa', 'motcua.xa-tan-hoa.vinhlong.gov.vn');
 * ```
 */
export async function insertProvinceOfficeHost(tx: Queryable, office: string, host: string): Promise<boolean> {
  const rows = await tx.query(
    `insert into province_office_hosts (host, office_id) values ($1, $2) on conflict (host) do nothing returning host`,
    [host, office],
  );
  return rows.length === 1;
}

/**
 * Tells every instance listening on {@link OFFICES_CHANNEL} that `office` was added (or taken off the list): PostgreSQL delivers it when the
 * transaction commits, and not at all if it rolls back.
 *
 * @example
 * ```ts
 * await announceProvinceOffice(tx, 'xa-tan-hoa');
 * ```
 */
export async function announceProvinceOffice(tx: Queryable, office: string): Promise<void> {
  await tx.query(`select pg_notify(left($1 || '_' || current_schema(), 63), $2)`, [OFFICES_CHANNEL, office]);
}

/**
 * Takes an office off the province's list with its host names (in the caller's transaction, with
 * {@link announceProvinceOffice}: every instance stops serving it); `false` when the list does not hold it.
 *
 * @example
 * ```ts
 * await deleteProvinceOffice(tx, 'xa-tan-hoa'); // true
 * ```
 */
export async function deleteProvinceOffice(tx: Queryable, office: string): Promise<boolean> {
  await tx.query(`delete from province_office_hosts where office_id = $1`, [office]);
  const rows = await tx.query(`delete from province_offices where id = $1 returning id`, [office]);
  return rows.length === 1;
}
