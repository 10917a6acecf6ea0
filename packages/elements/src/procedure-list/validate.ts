/**
 * Catalogue validation for `<motcua-procedure-list>`, loaded lazily (in parallel with the catalogue
 * itself) because the zod schema weighs about 13 kB gzip.
 */

import { type Catalogue, duplicateCodeProblems, parseCatalogue } from '@motcua/core/catalogue';
import { formatPath, isJsonObject, type LocalizedText, type Problem } from '@motcua/core/text';

/** The search's typo and abbreviation pass: it runs only on a validated catalogue, so it comes with the validation. */
export { typoTolerance } from '@motcua/core/catalogue';
/** Time limits in words, for the list and its print view: they come with the validation, which every list waits for. */
export { formatTimeLimit } from '@motcua/core/deadline';

/**
 * The JSON-LD, which only ever runs on a validated catalogue: fetched from here, it shares what this chunk holds
 * (time limits in words) instead of downloading its own copy.
 */
export const loadJsonLd = () => import('./json-ld.js');

/** One problem of a catalogue, with its JSON path, e.g. `$.procedures[3].code`. */
export interface CatalogueProblem {
  readonly path: string;
  readonly message: LocalizedText;
}

/** The typed catalogue, or every problem found in it. */
export type CatalogueCheck =
  | { readonly ok: true; readonly catalogue: Catalogue }
  | { readonly ok: false; readonly problems: readonly CatalogueProblem[] };

/** How {@link checkCatalogue} splits the work. */
export interface CheckOptions {
  /** How many procedures the first part holds (the list's first page). */
  readonly firstPart: number;
  /** How many procedures each later part holds. */
  readonly partSize: number;
  /** Called once the top level and the first part are valid, with a catalogue of that part only. */
  readonly onFirstPart: (part: Catalogue) => void;
  /** Whether the result is still wanted; checked between parts. */
  readonly wanted: () => boolean;
}

const pause = () => new Promise((resolve) => setTimeout(resolve));

/**
 * Validates a catalogue with core's `parseCatalogue`, part by part with a pause between parts, so that a
 * large catalogue neither blocks the page nor delays the first page of the list. Every problem is kept,
 * with its path in the whole catalogue. Codes are compared across parts here with core's
 * `duplicateCodeProblems`, since `parseCatalogue` sees one part at a time.
 */
export async function checkCatalogue(input: unknown, options: CheckOptions): Promise<CatalogueCheck | undefined> {
  if (!isJsonObject(input) || !Array.isArray(input.procedures)) {
    const result = parseCatalogue(input);
    return result.ok ? result : finish(result.problems);
  }
  const all: readonly unknown[] = input.procedures;
  const problems: Problem[] = [];
  let from = 0;
  while (from === 0 || from < all.length) {
    const to = from === 0 ? options.firstPart : from + options.partSize;
    const part = { ...input, procedures: all.slice(from, to) };
    const result = parseCatalogue(part);
    if (!result.ok) {
      for (const p of result.problems) {
        if (p.code === 'duplicate-code') continue; // compared across parts below
        if (p.path[0] === 'procedures' && typeof p.path[1] === 'number') {
          problems.push({ ...p, path: ['procedures', p.path[1] + from, ...p.path.slice(2)] });
        } else if (from === 0) problems.push(p);
      }
    }
    if (from === 0 && problems.length === 0) options.onFirstPart(part as unknown as Catalogue);
    from = to;
    if (from < all.length) {
      await pause();
      if (!options.wanted()) return undefined;
    }
  }
  problems.push(...duplicateCodeProblems(all));
  if (problems.length > 0) return finish(problems);
  return { ok: true, catalogue: input as unknown as Catalogue };
}

function finish(problems: readonly Problem[]): CatalogueCheck {
  const at = (p: Problem) => (p.path[0] === 'procedures' && typeof p.path[1] === 'number' ? p.path[1] : -1);
  return {
    ok: false,
    problems: [...problems]
      .sort((a, b) => at(a) - at(b))
      .map((p) => ({ path: formatPath(p.path), message: p.message })),
  };
}
