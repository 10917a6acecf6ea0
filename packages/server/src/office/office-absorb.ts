import type { Database, Queryable } from '../db/database.js';
import { OFFICE_OWNED_TABLES } from '../db/migrations.js';
import { announceProvinceOffice, deleteProvinceOffice, listProvinceOffices } from '../province/offices-store.js';
import { OFFICE_TABLES, readOffice } from './office-data.js';
import {
  type Bilingual,
  checkRenameSuffix,
  type MergeOptions,
  type MergeReport,
  mergeOfficeIn,
} from './office-merge.js';

// Two communes merged after a boundary change, both offices of one province database: the merged office's rows move
// into the office that continues it, checked and written as an exported file's are (mergeOffice), and go from the
// merged office, in one transaction.

/** How {@link absorbOffice} merges. */
export interface AbsorbOptions extends MergeOptions {
  /** The offices of the configuration file: refused as the merged office (the file would serve it again). */
  readonly configured: readonly string[];
  /** Only check and count: everything is rolled back, nothing written, nothing deleted. */
  readonly dryRun?: boolean;
}

/** What {@link absorbOffice} did (or, in a dry run, would do). */
export interface AbsorbReport extends MergeReport {
  /** The merged office's rows deleted, per table that had some (every office-owned table, not only the merge's). */
  readonly deleted: Readonly<Record<string, number>>;
  /** Rows of tables the merge does not read (sessions, Idempotency-Key answers, counts of a few hours) deleted. */
  readonly dropped: readonly { readonly table: string; readonly rows: number; readonly why: Bilingual }[];
  /** The merged office was on the province's list in the database, and was taken off it (every instance told). */
  readonly unlisted: boolean;
  /** Nothing was written: a dry run. */
  readonly dryRun: boolean;
}

/**
 * The merge is refused before anything is read or written: the same office twice, an office the database does not
 * know, or a merged office the configuration file holds.
 *
 * @example
 * ```ts
 * await absorbOffice(db, 'xa-a', 'xa-a', { now, configured: [] }).catch((e) => e instanceof OfficeAbsorbRefusedError && e.why.en);
 * ```
 */
export class OfficeAbsorbRefusedError extends Error {
  /** @param why Why, in Vietnamese and English. */
  constructor(readonly why: Bilingual) {
    super(`${why.vi} / ${why.en}`);
    this.name = 'OfficeAbsorbRefusedError';
  }
}

const SHORT_LIVED: Bilingual = {
  vi: 'chỉ có giá trị vài giờ (phiên đăng nhập, khóa Idempotency-Key, bộ đếm giới hạn tần suất và tra cứu sai)',
  en: 'last hours (sign-in sessions, Idempotency-Key answers, rate-limit and failed-lookup counts)',
};

/** Rolls the dry run's transaction back, carrying its report. */
class DryRun extends Error {
  constructor(readonly report: AbsorbReport) {
    super('dry run');
  }
}

/** Makes the rest of the transaction work for `office` (its `motcua.office`, until the transaction ends). */
const workFor = (tx: Queryable, office: string) => tx.query(`select set_config('motcua.office', $1, true)`, [office]);

/**
 * Merges office `from` into office `into`, both of this database, in one transaction: `from`'s rows are read (as
 * `office export` reads them), deleted from every office-owned table, and merged into `into` by
 * {@link mergeOfficeIn} — every conflict checked first, `into`'s settings, catalogue and numbering kept — then `from`
 * is taken off the province's list (with a `NOTIFY`, so that every instance stops serving it) when it is there. The
 * transaction works for one office at a time (`motcua.office`, switched with `set_config(…, true)`): row-level
 * security applies to every statement, the application role needs no other right. Office tables are locked against
 * writes (`share row exclusive`) while it runs, so that nothing `from` writes meanwhile is lost; a dry run takes no
 * lock and rolls everything back. Refused ({@link OfficeAbsorbRefusedError}) for the same office twice, an unknown
 * office, or a merged office of the configuration file; a conflict throws `OfficeMergeConflictError` and nothing
 * changes.
 *
 * @example
 * ```ts
 * const report = await absorbOffice(db, 'xa-a', 'xa-b', { now: Date.now(), configured: ['xa-b'], renameUsers: 'xa-a' });
 * report.written.dossiers; // xa-a's dossiers, now xa-b's
 * ```
 */
export async function absorbOffice(
  db: Database,
  from: string,
  into: string,
  options: AbsorbOptions,
): Promise<AbsorbReport> {
  checkRenameSuffix(options.renameUsers);
  if (from === into) {
    throw new OfficeAbsorbRefusedError({
      vi: `không gộp một đơn vị vào chính nó (${from})`,
      en: `an office is not merged into itself (${from})`,
    });
  }
  if (options.configured.includes(from)) {
    throw new OfficeAbsorbRefusedError({
      vi: `đơn vị ${from} có trong tệp cấu hình: bỏ nó khỏi tệp ("offices") và khởi động lại các máy chủ trước, rồi gộp`,
      en: `office ${from} is in the configuration file: take it out of the file ("offices") and restart the instances first, then merge`,
    });
  }
  const listed = new Set((await listProvinceOffices(db)).map((o) => o.id));
  if (!options.configured.includes(into) && !listed.has(into)) {
    throw new OfficeAbsorbRefusedError({
      vi: `không có đơn vị ${into} (xem motcua-server office list)`,
      en: `no office ${into} (see motcua-server office list)`,
    });
  }
  try {
    return await db.forOffice(into).transaction(async (tx) => {
      if (!options.dryRun) await tx.query(`lock table ${OFFICE_OWNED_TABLES.join(', ')} in share row exclusive mode`);
      await workFor(tx, from);
      const data = await readOffice(tx, from, options.now);
      const deleted = await deleteOfficeRows(tx, from);
      if (!listed.has(from) && Object.keys(deleted).length === 0) {
        throw new OfficeAbsorbRefusedError({
          vi: `không có đơn vị ${from}: không có trong danh sách, không có dữ liệu`,
          en: `no office ${from}: not on the list, no rows`,
        });
      }
      await workFor(tx, into);
      const merged = await mergeOfficeIn(tx, data, into, {
        ...options,
        actorName: options.actorName ?? 'motcua-server office merge (dòng lệnh / command line)',
      });
      const read = new Set(OFFICE_TABLES.map((t) => t.name));
      const dropped = Object.entries(deleted)
        .filter(([table]) => !read.has(table))
        .map(([table, rows]) => ({ table, rows, why: SHORT_LIVED }));
      const unlisted = listed.has(from) && (await deleteProvinceOffice(tx, from));
      if (unlisted) await announceProvinceOffice(tx, from);
      const report: AbsorbReport = { ...merged, deleted, dropped, unlisted, dryRun: options.dryRun === true };
      if (options.dryRun) throw new DryRun(report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
}

/** Deletes every row of `office` (the transaction working for it), a user's roles and sessions before the user. */
async function deleteOfficeRows(tx: Queryable, office: string): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  const tables = [...OFFICE_OWNED_TABLES.filter((t) => t !== 'staff_users'), 'staff_users'];
  for (const table of tables) {
    // The audit trail is append-only but for the retention purge's switch: its lines move to the continuing office
    // (mergeOfficeIn writes them again in this transaction), none is lost.
    const audit = table === 'audit_events';
    if (audit) await tx.query(`select set_config('motcua.audit_purge', 'on', true)`);
    const [row] = await tx.query<{ n: number }>(
      `with gone as (delete from ${table} where office = $1 returning 1) select count(*)::int as n from gone`,
      [office],
    );
    if (audit) await tx.query(`select set_config('motcua.audit_purge', 'off', true)`);
    if (row && row.n > 0) deleted[table] = row.n;
  }
  return deleted;
}
