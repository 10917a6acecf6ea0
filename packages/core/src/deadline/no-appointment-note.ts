import { formatTimeLimit } from './format-time-limit.js';
import type { TimeLimit } from './time-limit.js';

/** Weekday names as offices write them, 0 = Sunday. */
const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/**
 * The note of a no-appointment day, as communes announce it: "Thứ Tư không hẹn: giải quyết ngay trong ngày" (or "…:
 * giải quyết ngay", "…: thời hạn 1 ngày làm việc" for another limit); in English for an English page.
 *
 * @example
 * ```ts
 * noAppointmentNote(3, { value: 0, unit: 'same-day' }); // 'Thứ Tư không hẹn: giải quyết ngay trong ngày'
 * noAppointmentNote(3, { value: 0, unit: 'same-day' }, 'en'); // 'Wednesday, no appointment: resolved the same day'
 * ```
 */
export function noAppointmentNote(weekday: number, limit: TimeLimit, language: 'vi' | 'en' = 'vi'): string {
  if (language === 'en') {
    const day = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(
      Date.UTC(2023, 0, 1 + weekday),
    );
    const how =
      limit.unit === 'same-day'
        ? 'resolved the same day'
        : limit.unit === 'immediate'
          ? 'resolved at once'
          : `time limit ${formatTimeLimit(limit, 'en')}`;
    return `${day}, no appointment: ${how}`;
  }
  const day = WEEKDAYS[weekday] ?? '';
  const how =
    limit.unit === 'same-day'
      ? 'giải quyết ngay trong ngày'
      : limit.unit === 'immediate'
        ? 'giải quyết ngay'
        : `thời hạn ${formatTimeLimit(limit, 'vi')}`;
  return `${day} không hẹn: ${how}`;
}
