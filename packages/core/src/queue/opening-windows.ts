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

/**
 * The days a service issues on: the configured closed and open dates and, when the queue has one, the working-day
 * calendar (a `ResolvedQueueConfig` fits).
 *
 * @example
 * ```ts
 * const days: IssuingDays = { closedDates: new Set(['2026-12-07']), calendar: vietnamCalendar() };
 * issuingState(service, days, queueBusinessTimeOf(now)); // closed on 7/12 and on every official day off
 * ```
 */
export type IssuingDays = Pick<ResolvedQueueConfig, 'closedDates'> &
  Partial<Pick<ResolvedQueueConfig, 'openDates' | 'calendar'>>;

/**
 * The weekday whose windows apply on `date`, or `undefined` when nothing is issued that day.
 * - a configured closed date is closed; a configured open date follows its own weekday's windows;
 * - with a calendar: an official or local day off is closed (also on a weekend); a weekend day worked (ngày làm bù,
 *   or a local working day) follows the windows of the weekday it was swapped for (Monday's when it stands for none);
 *   a plain weekend keeps the office's own weekend windows, if any.
 */
function issuingWeekday(config: IssuingDays, date: CivilDate): number | undefined {
  if (config.closedDates.has(date)) return undefined;
  const weekday = dayOfWeek(date);
  const calendar = config.calendar;
  const year = Number(date.slice(0, 4));
  if (!calendar || config.openDates?.has(date) || year < calendar.years.first || year > calendar.years.last) {
    return weekday;
  }
  if (calendar.isWorkingDay(date)) {
    if (weekday % 6) return weekday;
    for (const y of [year - 1, year, year + 1]) {
      if (y < calendar.years.first || y > calendar.years.last) continue;
      const swap = calendar.schedule(y)?.swaps?.find((s) => s.workday === date);
      if (swap) return dayOfWeek(swap.dayOff);
    }
    return 1;
  }
  if (weekday % 6) return undefined;
  const listedOff = calendar.holidays(year).some((d) => d.date === date && !d.working && d.kind !== 'make-up-workday');
  return listedOff ? undefined : weekday;
}

/**
 * The next opening window of `service` strictly after the Vietnam clock reading (`date`,
 * `minuteOfDay`), skipping closed dates and, with a working-day calendar, the official days off; `undefined` when the service has no window in the next
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
  config: IssuingDays,
  date: CivilDate,
  minuteOfDay: number,
): NextIssuingTime | undefined {
  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset++) {
    const day = addDays(date, offset);
    const weekday = issuingWeekday(config, day);
    if (weekday === undefined) continue;
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
 * Whether tickets for `service` can be taken at `time`: not on a closed date or, when the config carries a
 * working-day calendar, an official day off (`closed-day`; a make-up Saturday worked is open), nor outside every
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
  config: IssuingDays,
  time: QueueBusinessTime,
): IssuingState {
  const businessWeekday = issuingWeekday(config, time.date);
  if (businessWeekday === undefined) {
    const next =
      service.windows.length > 0 ? nextIssuingTime(service, config, time.clockDate, time.minuteOfDay) : undefined;
    return { open: false, reason: 'closed-day', next };
  }
  if (service.windows.length === 0) return { open: true };
  const weekday =
    time.clockDate === time.date
      ? businessWeekday
      : (issuingWeekday(config, time.clockDate) ?? dayOfWeek(time.clockDate));
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
export function assertIssuingOpen(service: ResolvedQueueService, config: IssuingDays, time: QueueBusinessTime): void {
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
