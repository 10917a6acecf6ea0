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
  const en = language === 'en';
  const day = en
    ? new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + weekday))
    : (WEEKDAYS[weekday] ?? '');
  const [sameDay, immediate, other, none] = en
    ? ['resolved the same day', 'resolved at once', 'time limit', ', no appointment: ']
    : ['giải quyết ngay trong ngày', 'giải quyết ngay', 'thời hạn', ' không hẹn: '];
  const how =
    limit.unit === 'same-day'
      ? sameDay
      : limit.unit === 'immediate'
        ? immediate
        : `${other} ${formatTimeLimit(limit, language)}`;
  return `${day}${none}${how}`;
}
