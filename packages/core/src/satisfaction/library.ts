import { type CivilDate, parseCivilDate } from '../calendar/civil-date.js';
import { MotcuaError, problem } from '../text/problem.js';
import type { Instrument, InstrumentKind } from './instrument.js';
import { BUILT_IN_INSTRUMENTS } from './instruments.js';

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
 * Whether an instrument is in force on a civil date.
 *
 * @example
 * ```ts
 * isInForce(instrumentFor('dossier-evaluation', '2024-05-01'), '2025-07-01'); // false: Decree 61/2018 gave way
 * ```
 */
export function isInForce(instrument: Instrument, date: CivilDate): boolean {
  return instrument.validFrom <= date && (instrument.validTo === undefined || date <= instrument.validTo);
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
  const day = parseCivilDate(date, ['date']);
  const library = options.instruments ?? BUILT_IN_INSTRUMENTS;
  const matches = library.filter(
    (i) => i.kind === kind && (options.id === undefined || i.id === options.id) && isInForce(i, day),
  );
  if (matches.length === 1) return matches[0] as Instrument;
  if (matches.length === 0) {
    throw new MotcuaError([
      problem(['date'], 'no-instrument', {
        vi: `Không có bộ câu hỏi loại "${kind}" có hiệu lực ngày ${day}`,
        en: `No "${kind}" instrument is in force on ${day}`,
      }),
    ]);
  }
  const names = matches.map((i) => `${i.id}@${i.version}`).join(', ');
  throw new MotcuaError([
    problem(['date'], 'ambiguous-instrument', {
      vi: `Có nhiều bộ câu hỏi loại "${kind}" cùng hiệu lực ngày ${day}: ${names}`,
      en: `More than one "${kind}" instrument is in force on ${day}: ${names}`,
    }),
  ]);
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
