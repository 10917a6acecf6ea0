// Working time left or past in words, apart from the clock that measures it: a screen that only shows it loads this.

const WORDS = {
  vi: { day: 'ngày', hour: 'giờ', minute: 'phút', left: 'còn', over: 'quá hạn' },
  en: { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'], left: 'left', over: 'overdue' },
} as const;

/**
 * Writes a working time left (or, negative, overdue) in working days, hours and minutes: "còn 1
 * ngày 2 giờ", "quá hạn 45 phút"; in English "1 day 2 hours left", "45 minutes overdue". A working
 * day is `minutesPerDay` (default 450, the 7½ hours of the default office hours).
 *
 * @example
 * ```ts
 * formatRemaining(570);            // 'còn 1 ngày 2 giờ'
 * formatRemaining(-45, 'en');      // '45 minutes overdue'
 * formatRemaining(0);              // 'còn 0 phút'
 * ```
 */
export function formatRemaining(minutes: number, language: 'vi' | 'en' = 'vi', minutesPerDay = 450): string {
  const total = Math.abs(Math.trunc(minutes));
  const days = Math.floor(total / minutesPerDay);
  const hours = Math.floor((total - days * minutesPerDay) / 60);
  const rest = total - days * minutesPerDay - hours * 60;
  const parts: string[] = [];
  if (language === 'vi') {
    const w = WORDS.vi;
    if (days > 0) parts.push(`${days} ${w.day}`);
    if (hours > 0) parts.push(`${hours} ${w.hour}`);
    if (rest > 0 || parts.length === 0) parts.push(`${rest} ${w.minute}`);
    return `${minutes < 0 ? w.over : w.left} ${parts.join(' ')}`;
  }
  const w = WORDS.en;
  const unit = (n: number, words: readonly [string, string]) => `${n} ${n === 1 ? words[0] : words[1]}`;
  if (days > 0) parts.push(unit(days, w.day));
  if (hours > 0) parts.push(unit(hours, w.hour));
  if (rest > 0 || parts.length === 0) parts.push(unit(rest, w.minute));
  return `${parts.join(' ')} ${minutes < 0 ? w.over : w.left}`;
}
