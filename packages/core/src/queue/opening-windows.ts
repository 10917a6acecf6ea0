import { addDays, type CivilDate, dayOfWeek, fromVietnamTime } from '../calendar/civil-date.js';
import type { LocalizedText } from '../text/problem.js';
import type { QueueBusinessTime } from './business-day.js';
import type { ResolvedQueueConfig, ResolvedQueueService } from './config.js';
import { type NextIssuingTime, QueueRefusedError } from './refusal.js';
import { formatClockTime } from './time-of-day.js';

const WEEKDAY_VI = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** How far ahead the next window is looked for. */
const LOOKAHEAD_DAYS = 31;

function isClosedDate(config: Pick<ResolvedQueueConfig, 'closedDates'>, date: CivilDate): boolean {
  return config.closedDates.has(date);
}

/**
 * The next opening window of `service` strictly after the Vietnam clock reading (`date`,
 * `minuteOfDay`), skipping closed dates; `undefined` when the service has no window in the next
 * month.
 *
 * @example
 * ```ts
 * // windows 07:30–11:30 and 13:00–17:00 on weekdays; Monday 11:16
 * nextIssuingTime(service, config, '2026-11-23', 11 * 60 + 16); // { date: '2026-11-23', time: '13:00', at: … }
 * ```
 */
export function nextIssuingTime(
  service: ResolvedQueueService,
  config: Pick<ResolvedQueueConfig, 'closedDates'>,
  date: CivilDate,
  minuteOfDay: number,
): NextIssuingTime | undefined {
  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset++) {
    const day = addDays(date, offset);
    if (isClosedDate(config, day)) continue;
    const weekday = dayOfWeek(day);
    let best: number | undefined;
    for (const w of service.windows) {
      if (!w.days.includes(weekday)) continue;
      if (offset === 0 && w.from <= minuteOfDay) continue;
      if (best === undefined || w.from < best) best = w.from;
    }
    if (best !== undefined) return { date: day, time: formatClockTime(best), at: fromVietnamTime(day, best) };
  }
  return undefined;
}

function describeOpening(next: NextIssuingTime | undefined, today: CivilDate): LocalizedText {
  if (!next) return { vi: 'Chưa có lịch lấy số tiếp theo.', en: 'No next issuing time is scheduled.' };
  if (next.date === today) {
    return { vi: `Giờ lấy số tiếp theo: ${next.time} hôm nay.`, en: `Next issuing time: ${next.time} today.` };
  }
  const weekday = dayOfWeek(next.date);
  return {
    vi: `Giờ lấy số tiếp theo: ${next.time} ${WEEKDAY_VI[weekday]}, ngày ${next.date}.`,
    en: `Next issuing time: ${next.time} on ${WEEKDAY_EN[weekday]} ${next.date}.`,
  };
}

/** Whether tickets for a service can be taken at a time, and when not, why and from when ({@link issuingState}). */
export type IssuingState =
  | { readonly open: true }
  | { readonly open: false; readonly reason: 'closed' | 'closed-day'; readonly next: NextIssuingTime | undefined };

/**
 * Whether tickets for `service` can be taken at `time`: not on a closed date (`closed-day`) nor outside every
 * opening window (`closed`), with the next issuing time then. A service without windows is open at any time of an
 * open day (and has no next time on a closed one).
 *
 * @example
 * ```ts
 * issuingState(service, config, queueBusinessTimeOf(now));
 * // { open: false, reason: 'closed', next: { date: '2026-03-10', time: '13:00', at: … } }
 * ```
 */
export function issuingState(
  service: ResolvedQueueService,
  config: Pick<ResolvedQueueConfig, 'closedDates'>,
  time: QueueBusinessTime,
): IssuingState {
  if (isClosedDate(config, time.date)) {
    const next =
      service.windows.length > 0 ? nextIssuingTime(service, config, time.clockDate, time.minuteOfDay) : undefined;
    return { open: false, reason: 'closed-day', next };
  }
  if (service.windows.length === 0) return { open: true };
  const weekday = dayOfWeek(time.clockDate);
  const open = service.windows.some(
    (w) => w.days.includes(weekday) && w.from <= time.minuteOfDay && time.minuteOfDay < w.to,
  );
  if (open) return { open: true };
  return { open: false, reason: 'closed', next: nextIssuingTime(service, config, time.clockDate, time.minuteOfDay) };
}

/**
 * Throws a {@link QueueRefusedError} when tickets for `service` cannot be taken at `time` ({@link issuingState}): a
 * closed date (`closed-day`) or outside every opening window (`closed`, "Hết giờ lấy số"), naming the next window.
 *
 * @example
 * ```ts
 * assertIssuingOpen(service, config, queueBusinessTimeOf(now)); // returns, or throws "Hết giờ lấy số … 13:00 hôm nay."
 * ```
 */
export function assertIssuingOpen(
  service: ResolvedQueueService,
  config: Pick<ResolvedQueueConfig, 'closedDates'>,
  time: QueueBusinessTime,
): void {
  const state = issuingState(service, config, time);
  if (state.open) return;
  const when = describeOpening(state.next, time.clockDate);
  const message =
    state.reason === 'closed-day'
      ? {
          vi: `Hôm nay (${time.date}) không lấy số cho ${service.name.vi}. ${when.vi}`,
          en: `No tickets for ${service.name.en} today (${time.date}). ${when.en}`,
        }
      : {
          vi: `Hết giờ lấy số cho ${service.name.vi}. ${when.vi}`,
          en: `Ticket issuing for ${service.name.en} is closed. ${when.en}`,
        };
  throw new QueueRefusedError(state.reason, service.id, message, state.next);
}
