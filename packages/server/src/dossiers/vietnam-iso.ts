import { toVietnamTime } from '@motcua/core/calendar';

/**
 * An instant as ISO 8601 in Vietnam time, to the minute (the dossier clock's precision).
 *
 * @example
 * ```ts
 * vietnamIso(Date.UTC(2026, 10, 23, 8, 30)); // '2026-11-23T15:30:00+07:00'
 * ```
 */
export function vietnamIso(ms: number): string {
  const { date, minuteOfDay } = toVietnamTime(ms);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00+07:00`;
}
