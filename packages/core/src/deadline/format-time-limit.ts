// A time limit in words, apart from its checks (time-limit.ts): a page that only counts or checks limits, such as the
// dossier status widget, does not carry the words.
import type { TimeLimit } from './time-limit.js';
import { isUncounted, type TimeLimitUnit } from './time-limit-faults.js';

const UNIT_WORDS: Readonly<Record<TimeLimitUnit, { vi: string; en: string; enOne: string }>> = {
  'working-days': { vi: 'ngày làm việc', en: 'working days', enOne: 'working day' },
  'working-hours': { vi: 'giờ làm việc', en: 'working hours', enOne: 'working hour' },
  days: { vi: 'ngày', en: 'days', enOne: 'day' },
  'same-day': { vi: 'Trong ngày', en: 'Same day', enOne: 'Same day' },
  immediate: { vi: 'Giải quyết ngay', en: 'Immediately', enOne: 'Immediately' },
};

/**
 * Writes a time limit in words, in Vietnamese (default) or English, with its cutoff.
 *
 * @example
 * ```ts
 * formatTimeLimit({ value: 5, unit: 'working-days' }); // '5 ngày làm việc'
 * formatTimeLimit({ value: 0, unit: 'same-day', cutoff: '15:00' }, 'en');
 * // 'Same day (received after 15:00: next working day)'
 * ```
 */
export function formatTimeLimit(limit: TimeLimit, language: 'vi' | 'en' = 'vi'): string {
  const words = UNIT_WORDS[limit.unit];
  const base = isUncounted(limit.unit)
    ? words[language]
    : `${limit.value} ${language === 'vi' ? words.vi : limit.value === 1 ? words.enOne : words.en}`;
  if (limit.cutoff === undefined) return base;
  return language === 'vi'
    ? `${base} (tiếp nhận sau ${limit.cutoff.replace(':', 'h')}: tính từ ngày làm việc tiếp theo)`
    : `${base} (received after ${limit.cutoff}: next working day)`;
}
