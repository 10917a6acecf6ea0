import type { CivilDate } from '../calendar/civil-date.js';
import { MotcuaError, problem } from '../text/problem.js';
import type { Instrument, InstrumentKind } from './instrument.js';
import { BUILT_IN_INSTRUMENTS } from './instruments.js';
import { pickInstrument } from './select.js';

export { isInForce } from './select.js';

/** Where {@link instrumentFor} and {@link findInstrument} look. */
export interface InstrumentLibraryOptions {
  /** The instruments to choose from; defaults to the built-in ones. */
  readonly instruments?: readonly Instrument[];
}

/** Options of {@link instrumentFor}. */
export interface InstrumentForOptions extends InstrumentLibraryOptions {
  /** Pick this instrument family when a library holds more than one of the kind. */
  readonly id?: string;
}

/**
 * The version of an instrument in force on a Vietnamese civil date. Throws a {@link MotcuaError} when
 * none is, or when more than one is (give `id` to choose between families of the same kind).
 *
 * @example
 * ```ts
 * instrumentFor('dossier-evaluation', '2025-06-30').version; // 'nd61-2018'
 * instrumentFor('dossier-evaluation', '2025-07-01').version; // 'nd118-2025'
 * instrumentFor('nps', '2026-03-10').scoring.formula;        // 'nps'
 * ```
 */
export function instrumentFor(kind: InstrumentKind, date: CivilDate, options: InstrumentForOptions = {}): Instrument {
  return pickInstrument(options.instruments ?? BUILT_IN_INSTRUMENTS, kind, date, options.id);
}

/**
 * The instrument a stored response names by id and version; throws a {@link MotcuaError} if the
 * library has no such version.
 *
 * @example
 * ```ts
 * findInstrument('vn-dossier-evaluation', 'nd61-2018').validTo; // '2025-06-30'
 * ```
 */
export function findInstrument(id: string, version: string, options: InstrumentLibraryOptions = {}): Instrument {
  const library = options.instruments ?? BUILT_IN_INSTRUMENTS;
  const found = library.find((i) => i.id === id && i.version === version);
  if (found) return found;
  throw new MotcuaError([
    problem(['instrumentVersion'], 'unknown-instrument', {
      vi: `Không có bộ câu hỏi ${id} phiên bản ${version}`,
      en: `No instrument ${id} version ${version}`,
    }),
  ]);
}
