import { type Problem, problem } from '../text/problem.js';
import type { CalendarOverlay } from './calendar-overlay.js';

/**
 * What a list of overlays asks for that changes nothing any more, each with its path and a Vietnamese and English
 * message: today an overlay that still switches 24/11 on (`rules.cultureDay: true`), which has been a built-in day
 * off since Resolution 28/2026/QH16. Reported once, however many overlays say it. These are not errors: the calendar
 * is built the same; log them where the overlays are loaded (the server does at start).
 *
 * It is a function of its own so that a page that only counts working days does not ship its messages.
 *
 * @example
 * ```ts
 * const overlays = [parseCalendarOverlay('{"name":"UBND xã Ví Dụ","rules":{"cultureDay":true}}')];
 * for (const w of calendarOverlayWarnings(overlays)) console.warn(w.message.vi);
 * // 24/11 đã là ngày nghỉ từ năm 2026 (Nghị quyết 28/2026/QH16); cultureDay: true không còn thay đổi gì
 * ```
 */
export function calendarOverlayWarnings(overlays: readonly CalendarOverlay[]): Problem[] {
  const i = overlays.findIndex((overlay) => overlay.rules?.cultureDay === true);
  if (i < 0) return [];
  return [
    problem(['overlays', i, 'rules', 'cultureDay'], 'rule-built-in', {
      vi: '24/11 đã là ngày nghỉ từ năm 2026 (Nghị quyết 28/2026/QH16); cultureDay: true không còn thay đổi gì',
      en: '24/11 has been a day off since 2026 (Resolution 28/2026/QH16); cultureDay: true no longer changes anything',
    }),
  ];
}
