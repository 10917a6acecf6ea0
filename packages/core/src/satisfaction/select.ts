import { type CivilDate, parseCivilDate } from '../calendar/civil-date.js';
import { MotcuaError, problem } from '../text/problem.js';
import type { Instrument, InstrumentKind } from './instrument.js';

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
 * The version of an instrument in force on a Vietnamese civil date, chosen from the given instruments: what
 * {@link instrumentFor} does, without reaching for the built-in texts, so a page that brings its own list (or
 * one kind's list from {@link loadBuiltInInstruments}) ships nothing else. Throws a {@link MotcuaError} when
 * none is in force, or when more than one is and `id` does not choose.
 *
 * @example
 * ```ts
 * const versions = await loadBuiltInInstruments('dossier-evaluation');
 * pickInstrument(versions, 'dossier-evaluation', '2025-07-01').version; // 'nd118-2025'
 * ```
 */
export function pickInstrument(
  instruments: readonly Instrument[],
  kind: InstrumentKind,
  date: CivilDate,
  id?: string,
): Instrument {
  const day = parseCivilDate(date, ['date']);
  const matches = instruments.filter((i) => i.kind === kind && (id === undefined || i.id === id) && isInForce(i, day));
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
