import type { StringTable } from '../internal/i18n.js';

/** The Vietnamese strings (the default); their keys are the string keys. */
const calendarDayVi = { lunar: 'Âm lịch: {day}/{month}{leap} năm {canChi}', leap: ' nhuận' };

/**
 * The keys of the date line's strings.
 *
 * @useDeclaredType
 */
export type CalendarDayStringKey = keyof typeof calendarDayVi;

/** The date line's strings in Vietnamese and English: the lunar date and its leap-month mark. */
export const calendarDayStrings: StringTable<CalendarDayStringKey> = {
  vi: calendarDayVi,
  en: { lunar: 'Lunar: {day}/{month}{leap}, {canChi} year', leap: ' (leap)' },
};
