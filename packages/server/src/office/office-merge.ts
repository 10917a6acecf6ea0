import type { Database, Queryable } from '../db/database.js';
import { recordAudit } from '../staff/audit-store.js';
import { checkExport, insertRows, OFFICE_TABLES, type OfficeData } from './office-data.js';

// Merging an exported office into one that works already (communes merged after a boundary change, 1/7/2025): the
// merged office's history joins the continuing office's, whose rules and numbering go on.

/** A text in Vietnamese and English. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** A unique constraint of the schema a merged row can break: its columns, and whether it is per office. */
interface UniqueKey {
  readonly columns: readonly string[];
  /** Unique per office (the index starts with `office`); otherwise in the whole database. */
  readonly perOffice: boolean;
  /** Compared without regard to case (`lower(…)`), as the index is. */
  readonly caseless?: true;
}

/** What a merge does with a table's rows. */
type TablePlan =
  | { readonly kind: 'target'; readonly why: Bilingual }
  | { readonly kind: 'left-out'; readonly why: Bilingual }
  | { readonly kind: 'dossier-sequences' }
  | {
      readonly kind: 'import';
      /** Every unique constraint of the table but a numbered primary key, which the target renumbers. */
      readonly unique: readonly UniqueKey[];
      /** The columns that name a row in a conflict (text columns; a row with none of them set cannot conflict). */
      readonly identity: readonly string[];
    };

const RULES_GOVERN: Bilingual = {
  vi: 'quy định của đơn vị tiếp tục hoạt động được áp dụng',
  en: "the continuing office's rules govern",
};
const OWN_NUMBERING: Bilingual = {
  vi: 'đơn vị tiếp tục cấp số của mình',
  en: 'the continuing office goes on numbering its own',
};
const OWN_COUNTERS: Bilingual = {
  vi: 'trạng thái các quầy của đơn vị tiếp tục hoạt động',
  en: "the state of the continuing office's counters",
};

const perOffice = (...columns: string[]): UniqueKey => ({ columns, perOffice: true });
const global = (...columns: string[]): UniqueKey => ({ columns, perOffice: false });

/**
 * Each table of {@link OFFICE_TABLES} and what a merge does with it: the continuing office's own (its rules, its
 * numbering of the future), left out (no history in it), or imported, with the unique constraints of the schema
 * (migrations.ts) its rows are checked against first.
 */
export const MERGE_PLAN: Readonly<Record<string, TablePlan>> = {
  office_settings: { kind: 'target', why: RULES_GOVERN },
  office_catalogues: { kind: 'target', why: RULES_GOVERN },
  staff_users: {
    kind: 'import',
    unique: [global('id'), { columns: ['username'], perOffice: true, caseless: true }],
    identity: ['id'],
  },
  staff_user_roles: { kind: 'import', unique: [perOffice('user_id', 'role')], identity: ['user_id', 'role'] },
  // Imported revoked (mergeOffice): paired for the merged office's counters and kiosks, which are not the continuing
  // office's — its counter 1 would call the continuing office's queue beside that office's own counter 1.
  devices: { kind: 'import', unique: [global('id'), global('credential_hash')], identity: ['id'] },
  device_pairings: {
    kind: 'left-out',
    why: {
      vi: 'yêu cầu ghép nối chỉ tồn tại vài phút; thiết bị đã ghép được nhập (đã thu hồi)',
      en: 'pairing requests live minutes; the devices they paired are imported (revoked)',
    },
  },
  queue_sequences: { kind: 'target', why: OWN_NUMBERING },
  queue_caps: { kind: 'target', why: OWN_NUMBERING },
  queue_tickets: { kind: 'import', unique: [global('id')], identity: ['id'] },
  queue_ordering: { kind: 'target', why: OWN_COUNTERS },
  queue_commands: {
    kind: 'left-out',
    why: {
      vi: 'chỉ để trả lời lệnh gửi lại của thiết bị đơn vị bị sáp nhập, đã thu hồi',
      en: "only answers retried commands of the merged office's devices, which are revoked",
    },
  },
  queue_counter_pauses: { kind: 'target', why: OWN_COUNTERS },
  queue_events: { kind: 'import', unique: [], identity: [] },
  dossier_sequences: { kind: 'dossier-sequences' },
  dossiers: { kind: 'import', unique: [global('code'), perOffice('receive_key')], identity: ['code'] },
  // Pending notices stay pending: the citizen consented to be told of a status change that did happen, and the
  // dossier is now found at the continuing office; sent through its channel of the same id, or failing (then dead,
  // in its list of failed notices) when it has none.
  notification_outbox: { kind: 'import', unique: [global('id')], identity: ['id'] },
  // Browsers following a merged dossier or ticket go on hearing of it from the continuing office.
  push_subscriptions: {
    kind: 'import',
    unique: [perOffice('dossier', 'endpoint')],
    identity: ['dossier', 'endpoint'],
  },
  ratings: {
    kind: 'import',
    unique: [global('token_id'), perOffice('request_key')],
    identity: ['token_id', 'request_key'],
  },
  audit_events: { kind: 'import', unique: [], identity: [] },
};

/** One row of the file that cannot be written: its table, its key, and why. */
export interface MergeConflict {
  readonly table: string;
  /** `column=value`, comma-separated for a key of several columns. */
  readonly key: string;
  readonly why: Bilingual;
}

/** What a merge wrote, and what it did not. */
export interface MergeReport {
  /** The merged office (the file's). */
  readonly from: string;
  /** The office merged into. */
  readonly into: string;
  /** Rows written, per table (every table of {@link OFFICE_TABLES}). */
  readonly written: Readonly<Record<string, number>>;
  /** The file's rows not written, per table that has some, with why (the continuing office's, or left out). */
  readonly notWritten: readonly { readonly table: string; readonly rows: number; readonly why: Bilingual }[];
  /** Usernames the continuing office held, imported under another name (`--rename-users`). */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  /** Devices imported revoked that were not revoked in the file. */
  readonly revokedDevices: number;
}

/**
 * The merge is refused: rows of the file break unique constraints (a username, a dossier code, a ticket id the
 * database holds already, or this file merged before). All of them are listed; nothing was written.
 *
 * @example
 * ```ts
 * await mergeOffice(db.forOffice('xa-b'), data, 'xa-b', { now }).catch((e) => e instanceof OfficeMergeConflictError && e.conflicts);
 * // [{ table: 'staff_users', key: 'username=dung', why: { vi: …, en: … } }, …]
 * ```
 */
export class OfficeMergeConflictError extends Error {
  /**
   * @param into The office merged into.
   * @param conflicts Every row refused, with its table and key.
   */
  constructor(
    readonly into: string,
    readonly conflicts: readonly MergeConflict[],
  ) {
    super(
      `${conflicts.length} xung đột / conflicts merging into office ${into}, nothing written: ${conflicts
        .map((c) => `${c.table} ${c.key}`)
        .join('; ')}`,
    );
    this.name = 'OfficeMergeConflictError';
  }
}

/** How {@link mergeOffice} merges. */
export interface MergeOptions {
  /** Epoch milliseconds: the merge's audit line, and when the imported devices were revoked. */
  readonly now: number;
  /** A username the continuing office holds is imported as `<username>-<suffix>`; without it, a conflict. */
  readonly renameUsers?: string | undefined;
  /** Who merges, for the audit line (the command line by default). */
  readonly actorName?: string;
}

const USERNAME = /^[\p{L}\p{N}._-]{1,64}$/u;
const MERGE_ACTION = 'office.merge';

/**
 * Merges an exported office into `into`, an office that may hold rows already, through `db` (a connection working
 * for `into`: row-level security applies), all or nothing: every row is checked against the unique constraints
 * first, and with any conflict {@link OfficeMergeConflictError} lists them all and nothing is written. The history
 * (dossiers, tickets and their events, ratings, audit lines, notices, push subscriptions, users with their roles,
 * devices — revoked) is imported, numbered columns renumbered; the continuing office keeps its settings, catalogue and
 * numbering ({@link MERGE_PLAN}). A line `office.merge` in the audit trail records it, and refuses the same file again.
 *
 * @example
 * ```ts
 * const report = await mergeOffice(db.forOffice('xa-b'), data, 'xa-b', { now: Date.now(), renameUsers: 'xa-a' });
 * report.written.dossiers; // the merged office's dossiers
 * ```
 */
export async function mergeOffice(
  db: Database,
  data: OfficeData,
  into: string,
  options: MergeOptions,
): Promise<MergeReport> {
  checkExport(data);
  checkRenameSuffix(options.renameUsers);
  return db.transaction((tx) => mergeOfficeIn(tx, data, into, options));
}

/** Throws unless `suffix` (`--rename-users`) makes usernames. */
export function checkRenameSuffix(suffix: string | undefined): void {
  if (suffix !== undefined && !USERNAME.test(`x-${suffix}`)) {
    throw new Error(
      `--rename-users: hậu tố gồm chữ, số, ".", "_" hoặc "-" / the suffix is letters, digits, ".", "_" or "-": ${suffix}`,
    );
  }
}

/**
 * {@link mergeOffice}'s work in the caller's transaction `tx`, which works for `into` (its `motcua.office`): the
 * checks, the rows written, the audit line; throws {@link OfficeMergeConflictError} (the caller rolls back).
 */
export async function mergeOfficeIn(
  tx: Queryable,
  data: OfficeData,
  into: string,
  options: MergeOptions,
): Promise<MergeReport> {
  const rows = (table: string) =>
    (data.tables[table] ?? []).map((exported): Record<string, unknown> => ({ ...exported, office: into }));
  const renamed = await renameUsers(tx, into, rows('staff_users'), options.renameUsers);
  const prepared: Record<string, Record<string, unknown>[]> = {};
  let revokedDevices = 0;
  for (const { name, numbered } of OFFICE_TABLES) {
    let list = name === 'staff_users' ? renamed.rows : rows(name);
    if (numbered) {
      list = list.map((row) => {
        const renumbered = { ...row };
        delete renumbered[numbered];
        return renumbered;
      });
    }
    if (name === 'devices') {
      revokedDevices = list.filter((row) => row.revoked_at == null).length;
      list = list.map((row) => ({ ...row, revoked_at: row.revoked_at ?? options.now }));
    }
    prepared[name] = list;
  }
  const conflicts = await alreadyMerged(tx, data, into);
  const flagged = new Set<string>();
  for (const [table, plan] of Object.entries(MERGE_PLAN)) {
    if (plan.kind !== 'import') continue;
    for (const key of plan.unique) {
      for (const found of await heldKeys(tx, table, key, plan.identity, prepared[table] ?? [], into)) {
        conflicts.push({ table, key: found.key, why: held(key, into) });
        flagged.add(`${table} ${found.identity}`);
      }
    }
  }
  // Written in the transaction, each row skipped on a conflict: what the first pass could not see (a row of another
  // office of this database, hidden by row-level security) is found here, and everything rolls back.
  const written: Record<string, number> = {};
  const notWritten: { table: string; rows: number; why: Bilingual }[] = [];
  const unwritten = new Set<string>();
  for (const { name } of OFFICE_TABLES) {
    const plan = MERGE_PLAN[name] as TablePlan;
    const list = prepared[name] ?? [];
    written[name] = 0;
    if (plan.kind === 'target' || plan.kind === 'left-out') {
      if (list.length > 0) notWritten.push({ table: name, rows: list.length, why: plan.why });
    } else if (plan.kind === 'dossier-sequences') {
      written[name] = await mergeDossierSequences(tx, into, list);
      if (list.length > written[name]) {
        notWritten.push({ table: name, rows: list.length - written[name], why: OWN_NUMBERING });
      }
    } else {
      // The roles of a user not written (a conflict, reported) would break their foreign key: left for the report.
      const rows = name === 'staff_user_roles' ? list.filter((row) => !unwritten.has(String(row.user_id))) : list;
      const inserted = await insertRows(tx, name, rows, plan.identity);
      written[name] = inserted.length;
      if (plan.identity.length === 0 || inserted.length === rows.length) continue;
      const done = new Set(inserted.map((row) => identityOf(plan.identity, row)));
      for (const row of rows) {
        const identity = identityOf(plan.identity, row);
        if (identity === undefined || done.has(identity)) continue;
        if (name === 'staff_users') unwritten.add(String(row.id));
        if (flagged.has(`${name} ${identity}`)) continue;
        conflicts.push({ table: name, key: keyText(plan.identity, row), why: HELD_ELSEWHERE });
      }
    }
  }
  if (conflicts.length > 0) throw new OfficeMergeConflictError(into, conflicts);
  await recordAudit(tx, {
    office: into,
    at: options.now,
    actor: {
      kind: 'anonymous',
      name: options.actorName ?? 'motcua-server office import --merge (dòng lệnh / command line)',
    },
    action: MERGE_ACTION,
    object: `office:${data.office}`,
    detail: { from: data.office, exportedAt: data.exportedAt, written, renamed: renamed.renamed },
  });
  return { from: data.office, into, written, notWritten, renamed: renamed.renamed, revokedDevices };
}

const HELD_ELSEWHERE: Bilingual = {
  vi: 'đã có trong cơ sở dữ liệu này, thuộc một đơn vị khác',
  en: 'already in this database, held by another office',
};

function held(key: UniqueKey, into: string): Bilingual {
  return key.perOffice
    ? { vi: `đơn vị ${into} đã có`, en: `office ${into} holds it already` }
    : { vi: 'đã có trong cơ sở dữ liệu này', en: 'already in this database' };
}

/** A row's identity (its `columns` joined), or undefined when none is set. */
function identityOf(columns: readonly string[], row: Record<string, unknown>): string | undefined {
  const values = columns.map((c) => row[c]);
  return values.every((v) => v == null) ? undefined : JSON.stringify(values.map((v) => (v == null ? null : String(v))));
}

const keyText = (columns: readonly string[], row: Record<string, unknown>): string =>
  columns.map((c) => `${c}=${row[c] == null ? '' : String(row[c])}`).join(', ');

/** The same export merged into this office before: its audit line says so. */
async function alreadyMerged(tx: Queryable, data: OfficeData, into: string): Promise<MergeConflict[]> {
  const found = await tx.query<{ at: string }>(
    `select at::text as at from audit_events where office = $1 and action = $2 and detail->>'from' = $3
       and detail->>'exportedAt' = $4 limit 1`,
    [into, MERGE_ACTION, data.office, String(data.exportedAt)],
  );
  return found.map((row) => ({
    table: 'audit_events',
    key: `action=${MERGE_ACTION}, from=${data.office}, exportedAt=${new Date(data.exportedAt).toISOString()}`,
    why: {
      vi: `tệp này đã được gộp lúc ${new Date(Number(row.at)).toISOString()}`,
      en: `this file was merged at ${new Date(Number(row.at)).toISOString()}`,
    },
  }));
}

/** The rows of `list` whose `key` the database already holds (as this connection sees it), with their identity. */
async function heldKeys(
  tx: Queryable,
  table: string,
  key: UniqueKey,
  identity: readonly string[],
  list: readonly Record<string, unknown>[],
  into: string,
): Promise<{ key: string; identity: string | undefined }[]> {
  if (list.length === 0) return [];
  const side = (alias: string, c: string) => (key.caseless ? `lower(${alias}.${c})` : `${alias}.${c}`);
  const found = await tx.query<Record<string, unknown>>(
    `select ${[...new Set([...key.columns, ...identity])].map((c) => `r.${c}`).join(', ')}
     from json_populate_recordset(null::${table}, $1::json) r
     where ${key.columns.map((c) => `r.${c} is not null`).join(' and ')}
       and exists (select 1 from ${table} t where ${key.columns.map((c) => `${side('t', c)} = ${side('r', c)}`).join(' and ')}
                   ${key.perOffice ? 'and t.office = $2' : ''})`,
    key.perOffice ? [JSON.stringify(list), into] : [JSON.stringify(list)],
  );
  return found.map((row) => ({ key: keyText(key.columns, row), identity: identityOf(identity, row) }));
}

/** With `suffix`, the users whose username the office holds get `<username>-<suffix>`; the rows, and who was renamed. */
async function renameUsers(
  tx: Queryable,
  into: string,
  users: Record<string, unknown>[],
  suffix: string | undefined,
): Promise<{ rows: Record<string, unknown>[]; renamed: { from: string; to: string }[] }> {
  if (suffix === undefined || users.length === 0) return { rows: users, renamed: [] };
  const taken = new Set(
    (
      await tx.query<{ u: string }>(
        `select lower(username) as u from staff_users where office = $1 and lower(username) = any($2::text[])`,
        [into, users.map((u) => String(u.username).toLowerCase())],
      )
    ).map((row) => row.u),
  );
  const renamed: { from: string; to: string }[] = [];
  const rows = users.map((user) => {
    const name = String(user.username);
    if (!taken.has(name.toLowerCase())) return user;
    const to = `${name}-${suffix}`;
    renamed.push({ from: name, to });
    return { ...user, username: to };
  });
  return { rows, renamed };
}

/**
 * A dossier sequence is keyed by agency code and day, not by office, and a dossier's code is drawn from it: kept, so
 * that should the continuing office receive under the merged commune's agency code (a catalogue that keeps it for a
 * while) on a day the merged office numbered, its codes go on after the merged office's last one instead of
 * repeating one (the dossier would be refused by the codes' primary key). The continuing office's own row for the
 * same agency and day keeps the greater of the two; a row held by another office of this database stays as it is.
 * Answers the rows written (added or raised).
 */
async function mergeDossierSequences(
  tx: Queryable,
  into: string,
  list: readonly Record<string, unknown>[],
): Promise<number> {
  if (list.length === 0) return 0;
  const raised = await tx.query(
    `update dossier_sequences s set last_value = r.last_value
     from json_populate_recordset(null::dossier_sequences, $1::json) r
     where s.office = $2 and s.agency = r.agency and s.business_date = r.business_date and s.last_value < r.last_value
     returning s.agency`,
    [JSON.stringify(list), into],
  );
  const added = await insertRows(tx, 'dossier_sequences', list, []);
  return raised.length + added.length;
}
