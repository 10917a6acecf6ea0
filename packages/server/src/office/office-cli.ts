import { readFile } from 'node:fs/promises';
import { type CommandOutput, readCommand } from '../cli-command.js';
import type { Database } from '../db/database.js';
import { writePrivateFile } from '../private-file.js';
import { exportOffice, importOffice, type OfficeData } from './office-data.js';

/** How `motcua-server office` is used. */
export const OFFICE_USAGE = `  motcua-server office export --output FILE [--office ID]
                               write every row of the office (the configured one by default) to FILE (JSON, mode 0600)
  motcua-server office import FILE [--as ID]
                               write an exported office into this database (as office ID), all or nothing,
                               into an office that has no rows yet (import before the office first starts here)`;

/** What the `office` command needs. */
export interface OfficeCommandDeps extends CommandOutput {
  /** The whole database: the command works for the office it names. */
  readonly db: Database;
  /** The configured office's id. */
  readonly office: string;
  readonly now: () => number;
}

/**
 * Runs `motcua-server office export|import` and answers the exit code: 1 when the import is refused (nothing
 * written), 2 for a wrong use.
 *
 * @example
 * ```ts
 * process.exitCode = await officeCommand({ db, office: 'xa-a', now: Date.now }, ['export', '--output', 'xa-a.json']);
 * ```
 */
export async function officeCommand(deps: OfficeCommandDeps, args: readonly string[]): Promise<number> {
  const read = readCommand(
    deps,
    args,
    { output: { type: 'string' }, office: { type: 'string' }, as: { type: 'string' } },
    OFFICE_USAGE,
  );
  if (!read) return 2;
  const { command, values, positionals, print, printError } = read;
  if (command === 'export' && values.output !== undefined && positionals.length === 0 && values.as === undefined) {
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
  if (command === 'import' && positionals.length === 1 && values.output === undefined && values.office === undefined) {
    const file = positionals[0] as string;
    let data: OfficeData;
    try {
      data = JSON.parse(await readFile(file, 'utf8')) as OfficeData;
    } catch (error) {
      printError(`Không đọc được ${file} (JSON) / cannot read ${file} (JSON): ${(error as Error).message}`);
      return 1;
    }
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

/** The tables that have rows, with their counts: `dossiers 60, ratings 41`. */
function counts(rows: Readonly<Record<string, number>>): string {
  return Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}
