import { readFile } from 'node:fs/promises';
import { MotcuaError } from '@motcua/core/text';
import { type CommandOutput, type ReadCommand, readCommand } from '../cli-command.js';
import type { ServedOffice } from '../config.js';
import type { Database } from '../db/database.js';
import { problemLines } from '../dossiers/catalogue.js';
import { vietnamIso } from '../dossiers/vietnam-iso.js';
import { writePrivateFile } from '../private-file.js';
import { addOfficeErrorText, addProvinceOffice } from '../province/add-office.js';
import { listProvinceOffices } from '../province/offices-store.js';
import { type AbsorbReport, absorbOffice, OfficeAbsorbRefusedError } from './office-absorb.js';
import { exportOffice, importOffice, type OfficeData } from './office-data.js';
import { type MergeReport, mergeOffice, OfficeMergeConflictError } from './office-merge.js';

/** How `motcua-server office` is used. */
export const OFFICE_USAGE = `  motcua-server office export --output FILE [--office ID]
                               write every row of the office (the configured one by default) to FILE (JSON, mode 0600)
  motcua-server office import FILE [--as ID]
                               write an exported office into this database (as office ID), all or nothing,
                               into an office that has no rows yet (import before the office first starts here)
  motcua-server office import FILE --merge [--office ID] [--rename-users SUFFIX]
                               merge an exported office (a commune merged into another) into the office that continues
                               it, which has rows: its history is added, all or nothing; the office keeps its settings,
                               catalogue and numbering; every conflict (a username, a dossier code, a ticket id it
                               holds already, the same file merged before) is listed and nothing is written.
                               --rename-users imports a username it holds as USERNAME-SUFFIX
  motcua-server office merge FROM --into TO [--rename-users SUFFIX] [--yes]
                               two communes merged, both offices of this database: FROM's history is merged into TO
                               as import --merge merges it, and FROM's rows are deleted from every table, in one
                               transaction; an office added with office add is taken off the list (every instance
                               stops serving it). Without --yes: a dry run (counts and conflicts, nothing written),
                               then a question when the terminal can answer. FROM may not be in the configuration file
  motcua-server office add ID --name NAME [--name-en NAME] [--host HOST]… [--catalogue FILE] [--admin USERNAME]
                               a province (offices): add a commune's office to the database; every instance serves
                               it at once, without a restart. --catalogue publishes its own catalogue (the
                               province's by default); --admin makes its first administrator, whose password is read
                               from the terminal or standard input, never from an argument
  motcua-server office list    the offices: the configuration's and those added to the database`;

/** What the `office` command needs. */
export interface OfficeCommandDeps extends CommandOutput {
  /** The whole database: the command works for the office it names. */
  readonly db: Database;
  /** The configured office's id (the one `--office` names for `export` and `import --merge`). */
  readonly office: string;
  readonly now: () => number;
  /** A province's offices (the configuration's `offices`); absent or empty: one office, which adds none. */
  readonly offices?: readonly ServedOffice[];
  /** Asks the terminal a yes-or-no question (`office merge` without `--yes`); absent: no terminal, a dry run only. */
  readonly confirm?: (question: string) => Promise<boolean>;
  /** Reads the password of the administrator `office add --admin` makes; never from an argument. */
  readonly readPassword?: (prompt: string) => Promise<string>;
}

/**
 * Runs `motcua-server office export|import|merge|add|list` and answers the exit code: 1 when the import, the merge or the
 * addition is refused (nothing written; every problem printed with its field or key), 2 for a wrong use.
 *
 * @example
 * ```ts
 * process.exitCode = await officeCommand({ db, office: 'xa-a', now: Date.now }, ['export', '--output', 'xa-a.json']);
 * ```
 */
export async function officeCommand(deps: OfficeCommandDeps, args: readonly string[]): Promise<number> {
  const merge = args.includes('--merge');
  const yes = args.includes('--yes');
  const read = readCommand(
    deps,
    args.filter((arg) => arg !== '--merge' && arg !== '--yes'),
    {
      'rename-users': { type: 'string' },
      into: { type: 'string' },
      output: { type: 'string' },
      office: { type: 'string' },
      as: { type: 'string' },
      name: { type: 'string' },
      'name-en': { type: 'string' },
      catalogue: { type: 'string' },
      admin: { type: 'string' },
    },
    OFFICE_USAGE,
    ['host'],
  );
  if (!read) return 2;
  const { command, values, lists, positionals, print, printError } = read;
  const given = (names: readonly string[]) =>
    Object.keys(values).every((name) => names.includes(name)) && (names.includes('host') || lists.host.length === 0);
  if (command === 'add' && positionals.length === 1 && values.name !== undefined) {
    if (!given(['name', 'name-en', 'host', 'catalogue', 'admin'])) {
      printError(OFFICE_USAGE);
      return 2;
    }
    return addOffice(deps, read, positionals[0] as string);
  }
  if (command === 'merge' && !merge && positionals.length === 1 && values.into !== undefined) {
    if (!given(['into', 'rename-users'])) {
      printError(OFFICE_USAGE);
      return 2;
    }
    return mergeOffices(deps, read, positionals[0] as string, values.into, values['rename-users'], yes);
  }
  if (yes) {
    printError(OFFICE_USAGE);
    return 2;
  }
  if (command === 'list' && positionals.length === 0 && given([])) {
    for (const line of await officeLines(deps)) print(line);
    return 0;
  }
  if (command === 'export' && values.output !== undefined && positionals.length === 0 && given(['output', 'office'])) {
    const office = values.office ?? deps.office;
    const data = await exportOffice(deps.db.forOffice(office), office, deps.now());
    // Applicants' names and phone numbers, password hashes: readable by the owner only, even over an older file.
    writePrivateFile(values.output, `${JSON.stringify(data)}\n`);
    const rows = Object.fromEntries(Object.entries(data.tables).map(([table, list]) => [table, list.length]));
    print(
      `Đã ghi đơn vị ${office} vào ${values.output} / Office ${office} written to ${values.output}: ${counts(rows)}`,
    );
    return 0;
  }
  if (command === 'import' && positionals.length === 1 && given(merge ? ['office', 'rename-users'] : ['as'])) {
    const file = positionals[0] as string;
    let data: OfficeData;
    try {
      data = JSON.parse(await readFile(file, 'utf8')) as OfficeData;
    } catch (error) {
      printError(`Không đọc được ${file} (JSON) / cannot read ${file} (JSON): ${(error as Error).message}`);
      return 1;
    }
    if (merge) return mergeFile(deps, read, data, values.office ?? deps.office, values['rename-users']);
    const as = values.as ?? data.office;
    try {
      const written = await importOffice(deps.db.forOffice(as), data, as);
      print(`Đã nhập đơn vị ${as} / Office ${as} imported: ${counts(written)}`);
      return 0;
    } catch (error) {
      // All or nothing: whatever refused it (an office with rows, not an export, a row the database refused),
      // nothing was written.
      printError(`Không nhập / not imported: ${(error as Error).message}`);
      return 1;
    }
  }
  printError(OFFICE_USAGE);
  return 2;
}

/** `office import --merge`: the report, or every conflict with its table and key (nothing written). */
async function mergeFile(
  deps: OfficeCommandDeps,
  { print, printError }: Pick<ReadCommand<string>, 'print' | 'printError'>,
  data: OfficeData,
  into: string,
  renameUsers: string | undefined,
): Promise<number> {
  let report: MergeReport;
  try {
    report = await mergeOffice(deps.db.forOffice(into), data, into, { now: deps.now(), renameUsers });
  } catch (error) {
    printMergeError(printError, error, data.office, into);
    return 1;
  }
  print(
    `Đã gộp đơn vị ${report.from} vào ${into} / office ${report.from} merged into ${into}: ${counts(report.written)}`,
  );
  printMergeReport(print, report);
  return 0;
}

/** Why a merge wrote nothing: every conflict with its table and key, or the error. */
function printMergeError(printError: (line: string) => void, error: unknown, from: string, into: string): void {
  if (!(error instanceof OfficeMergeConflictError)) {
    printError(`Không gộp, không ghi gì / not merged, nothing written: ${(error as Error).message}`);
    return;
  }
  printError(
    `Không gộp đơn vị ${from} vào ${into}, không ghi gì: ${error.conflicts.length} xung đột / office ${from} not merged into ${into}, nothing written: ${error.conflicts.length} conflicts`,
  );
  for (const c of error.conflicts) printError(`  ${c.table} ${c.key}: ${c.why.vi} / ${c.why.en}`);
  if (error.conflicts.some((c) => c.table === 'staff_users' && c.key.startsWith('username='))) {
    printError(
      `  Tên đăng nhập trùng: nhập với tên khác bằng --rename-users HẬU_TỐ (tên-HẬU_TỐ) / usernames held already: import them as USERNAME-SUFFIX with --rename-users SUFFIX`,
    );
  }
}

/** A merge's report after its first line: what was not imported and why, the users renamed, the devices revoked. */
function printMergeReport(print: (line: string) => void, report: MergeReport): void {
  for (const { table, rows, why } of report.notWritten) {
    print(`  Không nhập / not imported: ${table} ${rows} — ${why.vi} / ${why.en}`);
  }
  for (const { from, to } of report.renamed) print(`  Đổi tên đăng nhập / username renamed: ${from} → ${to}`);
  if (report.revokedDevices > 0) {
    print(
      `  ${report.revokedDevices} thiết bị được nhập ở trạng thái đã thu hồi: ghép nối lại nếu còn dùng / ${report.revokedDevices} devices imported revoked: pair them again to use them`,
    );
  }
}

/**
 * `office merge FROM --into TO`: what it is about to do, then the merge with `--yes` (or a yes from the terminal
 * after a dry run), else a dry run: the report or every conflict, nothing written.
 */
async function mergeOffices(
  deps: OfficeCommandDeps,
  { print, printError }: Pick<ReadCommand<string>, 'print' | 'printError'>,
  from: string,
  into: string,
  renameUsers: string | undefined,
  yes: boolean,
): Promise<number> {
  const configured = deps.offices?.length ? deps.offices.map((s) => s.office.id) : [deps.office];
  print(
    `Gộp đơn vị ${from} vào ${into}: thêm lịch sử của ${from} vào ${into}, rồi xóa mọi dữ liệu của ${from} và bỏ ${from} khỏi danh sách đơn vị / merging office ${from} into ${into}: ${from}'s history added to ${into}, then every row of ${from} deleted and ${from} taken off the list of offices`,
  );
  const run = async (dryRun: boolean): Promise<AbsorbReport | undefined> => {
    try {
      return await absorbOffice(deps.db, from, into, { now: deps.now(), renameUsers, configured, dryRun });
    } catch (error) {
      if (error instanceof OfficeAbsorbRefusedError) printError(`Không gộp / not merged: ${error.message}`);
      else printMergeError(printError, error, from, into);
      return undefined;
    }
  };
  let report = await run(!yes);
  if (report?.dryRun) {
    printAbsorbReport(print, report);
    const question = `Gộp ${from} vào ${into} và xóa ${from}? / merge ${from} into ${into} and delete ${from}? [y/N] `;
    if (!deps.confirm || !(await deps.confirm(question))) {
      print('Chạy thử, không ghi gì: thêm --yes để gộp / dry run, nothing written: add --yes to merge');
      return 0;
    }
    report = await run(false);
  }
  if (!report) return 1;
  printAbsorbReport(print, report);
  return 0;
}

/** `office merge`'s report: written (or would be), kept as the continuing office's, deleted, renamed, unlisted. */
function printAbsorbReport(print: (line: string) => void, report: AbsorbReport): void {
  const { from, into } = report;
  print(
    report.dryRun
      ? `Chạy thử, sẽ gộp đơn vị ${from} vào ${into} / dry run, office ${from} would be merged into ${into}: ${counts(report.written)}`
      : `Đã gộp đơn vị ${from} vào ${into} / office ${from} merged into ${into}: ${counts(report.written)}`,
  );
  printMergeReport(print, report);
  for (const { table, rows, why } of report.dropped) {
    print(`  Không nhập / not imported: ${table} ${rows} — ${why.vi} / ${why.en}`);
  }
  print(`  ${report.dryRun ? 'Sẽ xóa / to delete' : 'Đã xóa / deleted'} (${from}): ${counts(report.deleted) || '-'}`);
  if (report.unlisted) {
    print(
      report.dryRun
        ? `  ${from} sẽ được bỏ khỏi danh sách đơn vị của tỉnh / ${from} would be taken off the province's list of offices`
        : `  Đã bỏ ${from} khỏi danh sách đơn vị: các máy chủ ngừng phục vụ đơn vị này / ${from} taken off the province's list of offices: every instance stops serving it`,
    );
  }
}

/** `office add`: refused on a configuration that is not a province's; else the office added, or every problem. */
async function addOffice(
  deps: OfficeCommandDeps,
  { values, lists, print, printError }: Pick<ReadCommand<string, 'host'>, 'values' | 'lists' | 'print' | 'printError'>,
  id: string,
): Promise<number> {
  if (!deps.offices?.length) {
    printError(
      'Không thêm / not added: chỉ cấu hình của một tỉnh (danh sách "offices", PostgreSQL) mới thêm được đơn vị; cấu hình này phục vụ một đơn vị / only a province\'s configuration ("offices", on PostgreSQL) adds offices; this one serves a single office',
    );
    return 1;
  }
  const name = values.name as string;
  try {
    const added = await addProvinceOffice(
      {
        db: deps.db,
        configured: deps.offices,
        now: deps.now,
        ...(deps.readPassword ? { readPassword: deps.readPassword } : {}),
      },
      {
        id,
        name: { vi: name, en: values['name-en'] ?? name },
        hosts: lists.host,
        catalogue: values.catalogue,
        admin: values.admin,
      },
    );
    const at = [`/o/${added.id}/`, ...added.hosts].join(', ');
    print(
      `Đã thêm đơn vị ${added.id} / office ${added.id} added: ${at}${values.admin ? ` (${values.admin}: admin)` : ''}`,
    );
    if (values.catalogue === undefined) {
      print(
        "Đơn vị dùng danh mục của tỉnh: công bố danh mục có mã cơ quan riêng của đơn vị trước khi tiếp nhận hồ sơ / the office uses the province's catalogue: publish one with its own agency code before it receives dossiers",
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof MotcuaError) {
      printError(`Không thêm đơn vị ${id} / office ${id} not added:`);
      for (const line of problemLines(error.problems)) printError(`  ${line}`);
    } else {
      printError(`Không thêm đơn vị ${id} / office ${id} not added: ${addOfficeErrorText(error)}`);
    }
    return 1;
  }
}

/** `office list`: a line per office, tab-separated: id, name, host names, where it comes from. */
async function officeLines(deps: OfficeCommandDeps): Promise<string[]> {
  if (!deps.offices?.length) return [[deps.office, '-', '-', 'configuration'].join('\t')];
  const configured = deps.offices.map((s) =>
    [s.office.id, s.office.name.vi, s.hosts.join(',') || '-', 'configuration'].join('\t'),
  );
  const added = (await listProvinceOffices(deps.db)).map((o) =>
    [o.id, o.name.vi, o.hosts.join(',') || '-', `database ${vietnamIso(o.createdAt)}`].join('\t'),
  );
  return [...configured, ...added];
}

/** The tables that have rows, with their counts: `dossiers 60, ratings 41`. */
function counts(rows: Readonly<Record<string, number>>): string {
  return Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}
