import type { Catalogue } from '@motcua/core/catalogue';
import type { OfficeSettings, OfficeSettingsVersion, SettingsAuthor } from '@motcua/core/staff';
import type { Queryable } from '../db/database.js';
import { vietnamIso } from '../dossiers/vietnam-iso.js';

// The SQL of the office's versioned settings and published catalogues. A new version is written under a
// transaction-scoped advisory lock per office and announced with NOTIFY, which PostgreSQL delivers at commit.

/** The NOTIFY channel announcing a new settings or catalogue version (scoped to the schema by the hub). */
export const SETTINGS_CHANNEL = 'motcua_settings';

/** What a NOTIFY on {@link SETTINGS_CHANNEL} carries. */
export interface SettingsNotification {
  readonly office: string;
  readonly kind: 'settings' | 'catalogue';
  readonly version: number;
}

interface SettingsRow {
  version: number;
  settings: OfficeSettings | string;
  change: OfficeSettingsVersion['change'];
  rollback_of: number | null;
  saved_at: string | number;
  saved_by_kind: SettingsAuthor['kind'];
  saved_by_id: string | null;
  saved_by_name: string | null;
}

interface CatalogueRow {
  version: number;
  catalogue: Catalogue | string;
  rollback_of: number | null;
  published_at: string | number;
  published_by_kind: SettingsAuthor['kind'];
  published_by_id: string | null;
  published_by_name: string | null;
}

/** A published catalogue version with the catalogue itself. */
export interface StoredCatalogue {
  readonly version: number;
  readonly catalogue: Catalogue;
  readonly publishedAt: string;
  readonly publishedBy: SettingsAuthor;
  readonly rollbackOf?: number;
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

function author(kind: SettingsAuthor['kind'], id: string | null, name: string | null): SettingsAuthor {
  return { kind, ...(id === null ? {} : { id }), ...(name === null ? {} : { name }) };
}

function versionOf(row: SettingsRow): OfficeSettingsVersion {
  return {
    version: Number(row.version),
    savedAt: vietnamIso(Number(row.saved_at)),
    savedBy: author(row.saved_by_kind, row.saved_by_id, row.saved_by_name),
    change: row.change,
    ...(row.rollback_of === null ? {} : { rollbackOf: Number(row.rollback_of) }),
    settings: json(row.settings),
  };
}

function catalogueOf(row: CatalogueRow): StoredCatalogue {
  return {
    version: Number(row.version),
    catalogue: json(row.catalogue),
    publishedAt: vietnamIso(Number(row.published_at)),
    publishedBy: author(row.published_by_kind, row.published_by_id, row.published_by_name),
    ...(row.rollback_of === null ? {} : { rollbackOf: Number(row.rollback_of) }),
  };
}

const SETTINGS_COLUMNS = 'version, settings, change, rollback_of, saved_at, saved_by_kind, saved_by_id, saved_by_name';
const CATALOGUE_COLUMNS =
  'version, catalogue, rollback_of, published_at, published_by_kind, published_by_id, published_by_name';

/**
 * The office's settings in force (its newest version), if the database holds any.
 *
 * @example
 * ```ts
 * (await latestSettings(db, 'demo'))?.version; // 3
 * ```
 */
export async function latestSettings(db: Queryable, office: string): Promise<OfficeSettingsVersion | undefined> {
  const [row] = await db.query<SettingsRow>(
    `select ${SETTINGS_COLUMNS} from office_settings where office = $1 order by version desc limit 1`,
    [office],
  );
  return row && versionOf(row);
}

/**
 * One saved version of the office's settings.
 *
 * @example
 * ```ts
 * (await settingsVersion(db, 'demo', 1))?.change; // 'bootstrap'
 * ```
 */
export async function settingsVersion(
  db: Queryable,
  office: string,
  version: number,
): Promise<OfficeSettingsVersion | undefined> {
  const [row] = await db.query<SettingsRow>(
    `select ${SETTINGS_COLUMNS} from office_settings where office = $1 and version = $2`,
    [office, version],
  );
  return row && versionOf(row);
}

/**
 * The office's settings versions, newest first (at most `limit`).
 *
 * @example
 * ```ts
 * (await settingsVersions(db, 'demo', 50)).map((v) => v.change); // ['rollback', 'calendar', 'bootstrap']
 * ```
 */
export async function settingsVersions(db: Queryable, office: string, limit: number): Promise<OfficeSettingsVersion[]> {
  const rows = await db.query<SettingsRow>(
    `select ${SETTINGS_COLUMNS} from office_settings where office = $1 order by version desc limit $2`,
    [office, limit],
  );
  return rows.map(versionOf);
}

/** Serialises writers of one office's settings (or catalogue) until the transaction ends. */
async function lockOffice(tx: Queryable, what: string, office: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`${what}:${office}`]);
}

async function notify(tx: Queryable, notification: SettingsNotification): Promise<void> {
  await tx.query(`select pg_notify(left($1 || '_' || current_schema(), 63), $2)`, [
    SETTINGS_CHANNEL,
    JSON.stringify(notification),
  ]);
}

/** A version write refused because the newest version is no longer the one the change was made from. */
export class StaleVersionError extends Error {
  constructor(readonly current: number) {
    super(`stale version; the newest is ${current}`);
    this.name = 'StaleVersionError';
  }
}

/**
 * Adds a settings version after `expectedVersion` (0 for the first), announced to every instance; throws
 * {@link StaleVersionError} when another version was saved since. Run it in a transaction (with the audit line).
 *
 * @example
 * ```ts
 * await db.transaction((tx) => insertSettingsVersion(tx, 'demo', 3, { settings, change: 'calendar', at, by }));
 * ```
 */
export async function insertSettingsVersion(
  tx: Queryable,
  office: string,
  expectedVersion: number,
  entry: {
    readonly settings: OfficeSettings;
    readonly change: OfficeSettingsVersion['change'];
    readonly rollbackOf?: number;
    readonly at: number;
    readonly by: SettingsAuthor;
  },
): Promise<OfficeSettingsVersion> {
  await lockOffice(tx, 'office_settings', office);
  const [top] = await tx.query<{ version: number | null }>(
    'select max(version) as version from office_settings where office = $1',
    [office],
  );
  const current = Number(top?.version ?? 0);
  if (current !== expectedVersion) throw new StaleVersionError(current);
  const [row] = await tx.query<SettingsRow>(
    `insert into office_settings (office, version, settings, change, rollback_of, saved_at, saved_by_kind, saved_by_id,
       saved_by_name)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     returning ${SETTINGS_COLUMNS}`,
    [
      office,
      current + 1,
      JSON.stringify(entry.settings),
      entry.change,
      entry.rollbackOf ?? null,
      entry.at,
      entry.by.kind,
      entry.by.id ?? null,
      entry.by.name ?? null,
    ],
  );
  await notify(tx, { office, kind: 'settings', version: current + 1 });
  return versionOf(row as SettingsRow);
}

/**
 * The office's published catalogue in force (its newest version), if any was published through the API.
 *
 * @example
 * ```ts
 * (await latestCatalogue(db, 'demo'))?.catalogue.procedures.length; // 33
 * ```
 */
export async function latestCatalogue(db: Queryable, office: string): Promise<StoredCatalogue | undefined> {
  const [row] = await db.query<CatalogueRow>(
    `select ${CATALOGUE_COLUMNS} from office_catalogues where office = $1 order by version desc limit 1`,
    [office],
  );
  return row && catalogueOf(row);
}

/**
 * One published catalogue version.
 *
 * @example
 * ```ts
 * (await catalogueVersion(db, 'demo', 1))?.catalogue.version;
 * ```
 */
export async function catalogueVersion(
  db: Queryable,
  office: string,
  version: number,
): Promise<StoredCatalogue | undefined> {
  const [row] = await db.query<CatalogueRow>(
    `select ${CATALOGUE_COLUMNS} from office_catalogues where office = $1 and version = $2`,
    [office, version],
  );
  return row && catalogueOf(row);
}

/**
 * The office's published catalogue versions, newest first (at most `limit`).
 *
 * @example
 * ```ts
 * (await catalogueVersions(db, 'demo', 50)).length;
 * ```
 */
export async function catalogueVersions(db: Queryable, office: string, limit: number): Promise<StoredCatalogue[]> {
  const rows = await db.query<CatalogueRow>(
    `select ${CATALOGUE_COLUMNS} from office_catalogues where office = $1 order by version desc limit $2`,
    [office, limit],
  );
  return rows.map(catalogueOf);
}

/**
 * Publishes a catalogue version after `expectedVersion` (0 for the first), announced to every instance; throws
 * {@link StaleVersionError} when another was published since.
 *
 * @example
 * ```ts
 * await db.transaction((tx) => insertCatalogueVersion(tx, 'demo', 0, { catalogue, at, by }));
 * ```
 */
export async function insertCatalogueVersion(
  tx: Queryable,
  office: string,
  expectedVersion: number,
  entry: {
    readonly catalogue: Catalogue;
    readonly rollbackOf?: number;
    readonly at: number;
    readonly by: SettingsAuthor;
  },
): Promise<StoredCatalogue> {
  await lockOffice(tx, 'office_catalogues', office);
  const [top] = await tx.query<{ version: number | null }>(
    'select max(version) as version from office_catalogues where office = $1',
    [office],
  );
  const current = Number(top?.version ?? 0);
  if (current !== expectedVersion) throw new StaleVersionError(current);
  const [row] = await tx.query<CatalogueRow>(
    `insert into office_catalogues (office, version, catalogue, rollback_of, published_at, published_by_kind,
       published_by_id, published_by_name)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     returning ${CATALOGUE_COLUMNS}`,
    [
      office,
      current + 1,
      JSON.stringify(entry.catalogue),
      entry.rollbackOf ?? null,
      entry.at,
      entry.by.kind,
      entry.by.id ?? null,
      entry.by.name ?? null,
    ],
  );
  await notify(tx, { office, kind: 'catalogue', version: current + 1 });
  return catalogueOf(row as CatalogueRow);
}
