import { addDays, type CivilDate, toVietnamTime } from '../calendar/civil-date.js';
import type { ResolvedQueueSession } from './config.js';

/** Where an instant falls in the office's day. */
export interface QueueBusinessTime {
  /** The business date: the civil date in `Asia/Ho_Chi_Minh`, shifted back when the day starts after midnight. */
  readonly date: CivilDate;
  /** The civil date on a Vietnamese clock (the same as `date` unless `dayStartsAt` is after midnight). */
  readonly clockDate: CivilDate;
  /** The minute of the day on a Vietnamese clock, 0–1439. */
  readonly minuteOfDay: number;
  /** The id of the session (sáng / chiều) the instant falls in, when sessions are configured. */
  readonly session: string | undefined;
}

/**
 * Places an instant in the office's day: the business date (Vietnamese civil date, never the host's),
 * the clock minute and the session. Numbering restarts when the business date (or session) changes.
 *
 * @param now epoch milliseconds or a `Date`.
 * @param dayStartsAt the Vietnam-time minute the business day starts; default 0 (midnight).
 * @param sessions the sessions of the day in order, if any.
 * @example
 * ```ts
 * queueBusinessTimeOf(Date.UTC(2026, 10, 22, 16, 59, 59)).date; // '2026-11-22' (23:59:59 in Hà Nội)
 * queueBusinessTimeOf(Date.UTC(2026, 10, 22, 17, 0, 0)).date;   // '2026-11-23' (00:00:00 in Hà Nội)
 * ```
 */
export function queueBusinessTimeOf(
  now: number | Date,
  dayStartsAt = 0,
  sessions: readonly ResolvedQueueSession[] = [],
): QueueBusinessTime {
  const clock = toVietnamTime(now);
  const beforeStart = clock.minuteOfDay < dayStartsAt;
  const date = beforeStart ? addDays(clock.date, -1) : clock.date;
  let session: string | undefined;
  if (sessions.length > 0) {
    if (beforeStart) session = sessions[sessions.length - 1]?.id;
    else {
      session = sessions[0]?.id;
      for (const s of sessions) if (s.from <= clock.minuteOfDay) session = s.id;
    }
  }
  return { date, clockDate: clock.date, minuteOfDay: clock.minuteOfDay, session };
}
