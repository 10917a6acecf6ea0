import { MotcuaError, problem } from '../text/problem.js';
import { addDays } from './civil-date.js';
import type { CalendarDay } from './holiday-rules.js';
import type { WorkingDayCalendar } from './working-day-calendar.js';

/**
 * Options of {@link holidaysToICalendar}.
 *
 * @example
 * ```ts
 * const options: ICalendarOptions = { now: Date.UTC(2026, 10, 22), language: 'en', includeWorkdays: false };
 * ```
 */
export interface ICalendarOptions {
  /** The moment the file is produced (its `DTSTAMP`): pass the clock in, e.g. `Date.now()`. */
  readonly now: Date | number;
  /** The language of the event titles (default `vi`). */
  readonly language?: 'vi' | 'en';
  /** Whether make-up working days and local working days are included as events (default `true`). */
  readonly includeWorkdays?: boolean;
  /** The calendar's display name (default: "Lịch nghỉ {year}" / "Days off {year}"). */
  readonly name?: string;
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function compact(date: string): string {
  return date.replace(/-/g, '');
}

function stamp(now: Date | number): string {
  const ms = typeof now === 'number' ? now : now.getTime();
  if (!Number.isFinite(ms)) {
    throw new MotcuaError([
      problem(['now'], 'invalid-instant', { vi: 'Thời điểm không hợp lệ', en: 'Invalid point in time' }),
    ]);
  }
  return `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function describeSource(day: CalendarDay, language: 'vi' | 'en'): string {
  const s = day.source;
  const parts = [
    s.instrument,
    s.date,
    s.heuristic,
    s.overlay,
    ...(s.references ?? []),
    day.provisional ? (language === 'vi' ? 'tạm tính, chưa có quyết định' : 'provisional, not yet decided') : undefined,
  ];
  return parts.filter((p) => p !== undefined).join('; ');
}

/**
 * The days off (and, by default, make-up working days) of one year as an iCalendar (RFC 5545)
 * file that a commune can publish and residents can subscribe to. Every day is an all-day event;
 * provisional days are `STATUS:TENTATIVE`, and each event's description names its source.
 *
 * @example
 * ```ts
 * const ics = holidaysToICalendar(vietnamCalendar(), 2026, { now: Date.now() });
 * // BEGIN:VCALENDAR … SUMMARY:Tết Dương lịch … DTSTART;VALUE=DATE:20260101 …
 * ```
 */
export function holidaysToICalendar(calendar: WorkingDayCalendar, year: number, options: ICalendarOptions): string {
  const language = options.language ?? 'vi';
  const includeWorkdays = options.includeWorkdays ?? true;
  const dtstamp = stamp(options.now);
  const name = options.name ?? (language === 'vi' ? `Lịch nghỉ ${year}` : `Days off ${year}`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//motcua//working-day calendar//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
  ];
  const seen = new Map<string, number>();
  for (const day of calendar.holidays(year)) {
    if (day.working && !includeWorkdays) continue;
    const base = `${compact(day.date)}-${day.kind}${day.holiday ? `-${day.holiday}` : ''}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${base}${n > 1 ? `-${n}` : ''}@motcua`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compact(day.date)}`,
      `DTEND;VALUE=DATE:${compact(addDays(day.date, 1))}`,
      `SUMMARY:${escapeText(day.name[language])}`,
      `DESCRIPTION:${escapeText(describeSource(day, language))}`,
      `CATEGORIES:${day.kind.toUpperCase()}`,
      `STATUS:${day.provisional ? 'TENTATIVE' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
