import { readFile, stat } from 'node:fs/promises';
import type { CivilDate } from '@motcua/core/calendar';
import { type Catalogue, parseCatalogue } from '@motcua/core/catalogue';
import { noAppointmentNote } from '@motcua/core/deadline';
import type { NoAppointmentSetting } from '@motcua/core/staff';
import { formatPath, type Problem, problem } from '@motcua/core/text';
import { ApiError } from '../http/errors.js';

/**
 * A catalogue file read and checked by core: the catalogue, or every problem with its path (unreadable file,
 * malformed JSON, then core's checks).
 *
 * @example
 * ```ts
 * const read = await readCatalogueFile('catalogue.json');
 * if (read.ok) read.catalogue.procedures.length; // 33
 * ```
 */
export async function readCatalogueFile(
  path: string,
): Promise<
  { readonly ok: true; readonly catalogue: Catalogue } | { readonly ok: false; readonly problems: readonly Problem[] }
> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return {
      ok: false,
      problems: [
        problem([], 'unreadable-catalogue', {
          vi: `Không đọc được danh mục ${path}: ${(error as Error).message}`,
          en: `Cannot read the catalogue ${path}: ${(error as Error).message}`,
        }),
      ],
    };
  }
  return parseCatalogue(json);
}

/**
 * Every problem of a catalogue file, each with its path: unreadable file, malformed JSON, then core's checks.
 * An empty list means the catalogue can be served.
 *
 * @example
 * ```ts
 * for (const p of await catalogueProblems('catalogue.json')) console.log(formatPath(p.path), p.message.en);
 * ```
 */
export async function catalogueProblems(path: string): Promise<readonly Problem[]> {
  const read = await readCatalogueFile(path);
  return read.ok ? [] : read.problems;
}

/**
 * The problems as lines to print: `$.procedures[0].fee: vi message / en message`.
 *
 * @example
 * ```ts
 * console.error(problemLines(await catalogueProblems('catalogue.json')).join('\n'));
 * ```
 */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${formatPath(p.path)}: ${p.message.vi} / ${p.message.en}`);
}

/**
 * The catalogue in a JSON file, checked by core and read again when the file changes; `undefined` without a file.
 *
 * @example
 * ```ts
 * const catalogue = catalogueFromFile('examples/data/catalogue.json');
 * (await catalogue())?.procedures.length; // 33
 * ```
 */
export function catalogueFromFile(path: string | undefined): () => Promise<Catalogue | undefined> {
  let cached: { mtime: number; catalogue: Catalogue } | undefined;
  return async () => {
    if (path === undefined) return undefined;
    const { mtimeMs } = await stat(path);
    if (cached?.mtime !== mtimeMs) {
      const result = await readCatalogueFile(path);
      if (!result.ok) {
        // The server's settings are wrong, not the counter's request: say so, and where to look.
        console.error(`motcua-server: the catalogue ${path} is invalid; run: motcua-server check-catalogue ${path}`);
        throw new ApiError(503, 'catalogue-invalid', {
          vi: 'Danh mục thủ tục của máy chủ đang bị lỗi; quản trị viên cần kiểm tra lại (motcua-server check-catalogue)',
          en: "The server's procedure catalogue is invalid; an administrator must fix it (motcua-server check-catalogue)",
        });
      }
      cached = { mtime: mtimeMs, catalogue: result.catalogue };
    }
    return cached.catalogue;
  };
}

/**
 * The catalogue as `GET /api/catalogue` serves it: the published one (or the file's text, as written) with the
 * office's no-appointment day in force on `today` (its `from` reached) and its note in Vietnamese and English, so that
 * the procedure list says which procedures are resolved without an appointment on which weekdays; a rule not yet in
 * force, or none, is left out. A file that is not JSON is served as written (the list then shows its problems).
 *
 * @example
 * ```ts
 * const body = servedCatalogue(published, { weekdays: [3], procedures: ['1.004873'], from: '2026-12-09' }, '2026-12-09');
 * JSON.parse(body).noAppointment.weekdays; // [3]
 * ```
 */
export function servedCatalogue(
  catalogue: Catalogue | string,
  rule: NoAppointmentSetting | null,
  today: CivilDate,
): string {
  let value: unknown = catalogue;
  if (typeof catalogue === 'string') {
    try {
      value = JSON.parse(catalogue);
    } catch {
      return catalogue;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return String(catalogue);
  // The office's settings say which rule is in force, whatever a catalogue file carries.
  const { noAppointment: _written, ...rest } = value as Record<string, unknown>;
  if (rule === null || rule.from > today) return JSON.stringify(rest);
  const { from: _started, ...inForce } = rule;
  // Core's default for a rule that names no limit (compileNoAppointmentDay): within the day.
  const limit = rule.limit ?? ({ value: 0, unit: 'same-day' } as const);
  const note = (language: 'vi' | 'en') =>
    rule.weekdays.map((day) => noAppointmentNote(day, limit, language)).join('; ');
  return JSON.stringify({ ...rest, noAppointment: { ...inForce, note: { vi: note('vi'), en: note('en') } } });
}

/**
 * {@link servedCatalogue} remembering its last answer: while the catalogue, the rule and whether it is in force stay
 * the same, every request gets that answer again instead of reading and writing the whole catalogue as JSON.
 *
 * @example
 * ```ts
 * const serve = servedCatalogueOnce();
 * serve(published, rule, today) === serve(published, rule, today); // true, written once
 * ```
 */
export function servedCatalogueOnce(): typeof servedCatalogue {
  let last:
    | { source: Catalogue | string; rule: NoAppointmentSetting | null; inForce: boolean; body: string }
    | undefined;
  return (source, rule, today) => {
    const inForce = rule !== null && rule.from <= today;
    if (last?.source !== source || last.rule !== rule || last.inForce !== inForce) {
      last = { source, rule, inForce, body: servedCatalogue(source, rule, today) };
    }
    return last.body;
  };
}
