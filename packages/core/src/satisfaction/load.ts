import type { CivilDate } from '../calendar/civil-date.js';
import type { Instrument, InstrumentKind } from './instrument.js';
import type { InstrumentForOptions } from './library.js';
import { pickInstrument } from './select.js';

/**
 * The built-in versions of one kind of instrument, loaded on demand: each kind is its own module, so a bundler
 * splits them and a page fetches only the texts of the kind it shows. An unknown kind gives an empty list.
 * Node and server code that wants every instrument at once can keep using `BUILT_IN_INSTRUMENTS`.
 *
 * @example
 * ```ts
 * const versions = await loadBuiltInInstruments('dossier-evaluation');
 * versions.map((i) => i.version); // ['nd61-2018', 'nd118-2025']
 * ```
 */
export async function loadBuiltInInstruments(kind: InstrumentKind): Promise<readonly Instrument[]> {
  switch (kind) {
    case 'one-stop-rating':
      return (await import('./built-in/one-stop-rating.js')).ONE_STOP_RATING_INSTRUMENTS;
    case 'dossier-evaluation':
      return (await import('./built-in/dossier-evaluation.js')).DOSSIER_EVALUATION_INSTRUMENTS;
    case 'sipas':
      return (await import('./built-in/sipas.js')).SIPAS_INSTRUMENTS;
    case 'csat':
      return (await import('./built-in/csat.js')).CSAT_INSTRUMENTS;
    case 'nps':
      return (await import('./built-in/nps.js')).NPS_INSTRUMENTS;
    case 'ces':
      return (await import('./built-in/ces.js')).CES_INSTRUMENTS;
    default:
      return [];
  }
}

/**
 * {@link instrumentFor} for pages: the version of an instrument in force on a Vietnamese civil date, loading
 * only that kind's built-in texts (or choosing from `options.instruments` when given). Rejects with a
 * `MotcuaError` when none is in force, or when more than one is and `options.id` does not choose.
 *
 * @example
 * ```ts
 * const instrument = await loadInstrument('csat', civilDateOf(Date.now()));
 * instrument.questions[0].id; // 'satisfaction'
 * ```
 */
export async function loadInstrument(
  kind: InstrumentKind,
  date: CivilDate,
  options: InstrumentForOptions = {},
): Promise<Instrument> {
  return pickInstrument(options.instruments ?? (await loadBuiltInInstruments(kind)), kind, date, options.id);
}
