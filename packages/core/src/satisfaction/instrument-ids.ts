/**
 * The families of the built-in instruments (the `id` every version of one shares), in the order of
 * `BUILT_IN_INSTRUMENTS`: what an office's rating setting may name. A list of names only, so that a page choosing a
 * family (the office administration) does not load the instruments' texts; a test keeps it equal to the ids of
 * `BUILT_IN_INSTRUMENTS`.
 *
 * @example
 * ```ts
 * BUILT_IN_INSTRUMENT_IDS.includes('vn-dossier-evaluation'); // true
 * ```
 */
export const BUILT_IN_INSTRUMENT_IDS = [
  'vn-one-stop-rating',
  'vn-dossier-evaluation',
  'vn-sipas',
  'csat',
  'nps',
  'ces',
] as const;
