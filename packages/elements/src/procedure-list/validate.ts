/**
 * Catalogue validation for `<motcua-procedure-list>`, loaded lazily (in parallel with the catalogue
 * itself) because the zod schema weighs about 13 kB gzip.
 */
import { type Catalogue, parseCatalogue } from '@motcua/core/catalogue';
import { formatPath, type LocalizedText } from '@motcua/core/text';

/** Time limits in words; shipped here because its module also holds the time limit's zod schema. */
export { formatTimeLimit } from '@motcua/core/deadline';

/** One problem of a catalogue, with its JSON path, e.g. `$.procedures[3].code`. */
export interface CatalogueProblem {
  readonly path: string;
  readonly message: LocalizedText;
}

/** The typed catalogue, or every problem found in it. */
export type CatalogueCheck =
  | { readonly ok: true; readonly catalogue: Catalogue }
  | { readonly ok: false; readonly problems: readonly CatalogueProblem[] };

/** Validates a catalogue with core's `parseCatalogue`. */
export function checkCatalogue(input: unknown): CatalogueCheck {
  const result = parseCatalogue(input);
  if (result.ok) return result;
  return { ok: false, problems: result.problems.map((p) => ({ path: formatPath(p.path), message: p.message })) };
}
