import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { type CommandOutput, readCommand } from '../cli-command.js';
import type { LoadedCalendarOverlay } from '../config.js';
import type { Database } from '../db/database.js';
import { provinceOnTimeCsv, provinceOnTimeReport } from '../dossiers/on-time-report.js';
import { vietnamIso } from '../dossiers/vietnam-iso.js';
import { PERIOD_ORDER, PERIOD_PARAMETERS } from '../http/period-query.js';
import type { Office } from '../office/office.js';
import { bootstrapSettings, officeStateOf } from '../settings/live-settings.js';
import { latestSettings } from '../settings/store.js';

/** How `motcua-server report` is used. */
export const REPORT_USAGE = `  motcua-server report on-time [--from DATE] [--to DATE] [--format csv|json] [--output FILE]
                               the dossiers received in the period (YYYY-MM-DD, both included), early / on time /
                               late and still open, for every office of the configuration (a province's \`offices\`,
                               then those added with \`office add\`) and in total; CSV by default, a row per office
                               then the total`;

const periodOptions = z
  .object({ ...PERIOD_PARAMETERS, output: z.string().min(1).optional() })
  .strict()
  .refine(...PERIOD_ORDER);

/** What the `report` command needs. */
export interface ReportCommandDeps extends CommandOutput {
  /** The whole database: each office is read through a handle working for it. */
  readonly db: Database;
  /**
   * The offices, in order: a province's `offices` then those of its list in the database (`provinceOfficesOf`), or
   * the one office.
   */
  readonly offices: readonly Office[];
  /** The configuration's calendar overlays: the due-date calendar of an office whose settings were never saved. */
  readonly calendarOverlays: readonly LoadedCalendarOverlay[];
  readonly now: () => number;
  /** Offices read at a time (default 3: on a 2-core machine shared with PostgreSQL, more gains little). */
  readonly parallel?: number;
}

/**
 * Runs `motcua-server report on-time` and answers the exit code (2 for a wrong use): each office's figures with the
 * due-date calendar of its settings in force (as its leaders' dashboard counts them), and the province's from the
 * sum of every office's dossiers. Written to `--output` (created or replaced), else printed.
 *
 * @example
 * ```ts
 * process.exitCode = await reportCommand({ db, offices, calendarOverlays: [], now: Date.now }, [
 *   'on-time', '--from', '2026-01-01', '--to', '2026-12-31',
 * ]);
 * ```
 */
export async function reportCommand(deps: ReportCommandDeps, args: readonly string[]): Promise<number> {
  const read = readCommand(
    deps,
    args,
    { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' } },
    REPORT_USAGE,
  );
  if (!read) return 2;
  const { command, values, positionals, print, printError } = read;
  const parsed = periodOptions.safeParse(values);
  if (command !== 'on-time' || positionals.length > 0 || !parsed.success) {
    const issues = parsed.success ? [] : parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`);
    const why = issues.length > 0 ? `Tùy chọn không hợp lệ / Invalid options: ${issues.join('; ')}\n\n` : '';
    printError(`${why}${REPORT_USAGE}`);
    return 2;
  }
  const { from, to, format, output } = parsed.data;
  const offices = await Promise.all(
    deps.offices.map(async (office) => {
      const db = deps.db.forOffice(office.id);
      const saved = await latestSettings(db, office.id);
      const settings = saved?.settings ?? bootstrapSettings(office, deps.calendarOverlays);
      const { clock } = officeStateOf(settings, saved, []);
      return { db, id: office.id, name: office.name.vi || office.id, clock };
    }),
  );
  const report = await provinceOnTimeReport(offices, { from, to, now: deps.now() }, vietnamIso, deps.parallel);
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : provinceOnTimeCsv(report);
  if (output === undefined) print(text.trimEnd());
  else {
    writeFileSync(output, text);
    print(
      `Đã ghi báo cáo ${deps.offices.length} đơn vị vào ${output} / The report of ${deps.offices.length} offices was written to ${output}`,
    );
  }
  return 0;
}
