import type { CivilDate } from '../calendar/civil-date.js';
import { type LocalizedText, MotcuaError, problem } from '../text/problem.js';

/** Why a ticket was not issued. */
export type QueueRefusalReason = 'closed' | 'closed-day' | 'daily-cap' | 'sequence-end';

/** The next time a kiosk will issue tickets for a service. */
export interface NextIssuingTime {
  /** The civil date in Vietnam. */
  readonly date: CivilDate;
  /** The Vietnam clock time the window opens. */
  readonly time: string;
  /** The same moment in epoch milliseconds. */
  readonly at: number;
}

/**
 * Thrown when a ticket cannot be issued now (outside the opening windows, a closed day, the daily cap
 * reached, the numbers used up). `problems[0].message` holds the text to show citizens in Vietnamese
 * and English, e.g. "Hết giờ lấy số …", and `nextIssuingTime` the next window when there is one.
 *
 * @example
 * ```ts
 * try {
 *   await queue.issue('ho-tich', { now });
 * } catch (error) {
 *   if (error instanceof QueueRefusedError) show(error.problems[0]?.message.vi, error.nextIssuingTime?.time);
 * }
 * ```
 */
export class QueueRefusedError extends MotcuaError {
  /** Why the ticket was refused. */
  readonly reason: QueueRefusalReason;
  /** When issuing reopens, if known. */
  readonly nextIssuingTime: NextIssuingTime | undefined;

  constructor(reason: QueueRefusalReason, service: string, message: LocalizedText, nextIssuingTime?: NextIssuingTime) {
    super([problem(['service', service], reason, message)]);
    this.name = 'QueueRefusedError';
    this.reason = reason;
    this.nextIssuingTime = nextIssuingTime;
  }
}
