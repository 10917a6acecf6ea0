// The built-in instruments live one module per kind in built-in/, so that a page can load only the kind it shows
// (see loadBuiltInInstruments); this list gathers them for the synchronous API.
import { CES_INSTRUMENTS } from './built-in/ces.js';
import { CSAT_INSTRUMENTS } from './built-in/csat.js';
import { DOSSIER_EVALUATION_INSTRUMENTS } from './built-in/dossier-evaluation.js';
import { NPS_INSTRUMENTS } from './built-in/nps.js';
import { ONE_STOP_RATING_INSTRUMENTS } from './built-in/one-stop-rating.js';
import { SIPAS_INSTRUMENTS } from './built-in/sipas.js';
import type { Instrument } from './instrument.js';

/**
 * The instruments the library ships, each a dated version. Copy and change them (checked by
 * `defineInstrument`) and pass your list as `instruments` wherever a library is taken.
 *
 * @example
 * ```ts
 * BUILT_IN_INSTRUMENTS.map((i) => `${i.id}@${i.version}`);
 * // ['vn-one-stop-rating@1', 'vn-dossier-evaluation@nd61-2018', 'vn-dossier-evaluation@nd118-2025', …]
 * ```
 */
export const BUILT_IN_INSTRUMENTS: readonly Instrument[] = [
  ...ONE_STOP_RATING_INSTRUMENTS,
  ...DOSSIER_EVALUATION_INSTRUMENTS,
  ...SIPAS_INSTRUMENTS,
  ...CSAT_INSTRUMENTS,
  ...NPS_INSTRUMENTS,
  ...CES_INSTRUMENTS,
];
