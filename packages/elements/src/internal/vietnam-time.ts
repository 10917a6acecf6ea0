import type { Language } from './i18n.js';

/**
 * An instant as the commune reads it, in Vietnam time whatever the computer's zone: `09:00 10/03/2026`
 * (`09:00, 10/03/2026` in some locales' punctuation).
 *
 * @example
 * ```ts
 * vietnamTime('2026-03-10T02:00:00Z', 'vi'); // '09:00 10/03/2026'
 * ```
 */
export const vietnamTime = (iso: string, language: Language): string =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
