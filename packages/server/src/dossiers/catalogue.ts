import { readFile, stat } from 'node:fs/promises';
import { type Catalogue, parseCatalogue } from '@motcua/core/catalogue';
import { formatPath, type Problem, problem } from '@motcua/core/text';
import { ApiError } from '../http/errors.js';

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
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return [
      problem([], 'unreadable-catalogue', {
        vi: `Không đọc được danh mục ${path}: ${(error as Error).message}`,
        en: `Cannot read the catalogue ${path}: ${(error as Error).message}`,
      }),
    ];
  }
  const result = parseCatalogue(json);
  return result.ok ? [] : result.problems;
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
      let result: ReturnType<typeof parseCatalogue>;
      try {
        result = parseCatalogue(JSON.parse(await readFile(path, 'utf8')));
      } catch {
        result = { ok: false, problems: [] };
      }
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
