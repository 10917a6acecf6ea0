/**
 * Civil dates in Vietnam (`Asia/Ho_Chi_Minh`), independent of the host's time zone.
 *
 * @module calendar
 */

export {
  type CalendarOverlay,
  type CalendarRules,
  type LocalDay,
  WORKING_DAY_YEARS,
} from './calendar-overlay.js';
export {
  addDays,
  type CivilDate,
  civilDateOf,
  dayOfWeek,
  daysBetween,
  fromEpochDay,
  fromVietnamTime,
  isCivilDate,
  parseCivilDate,
  toEpochDay,
  toVietnamTime,
  VIETNAM_TIME_ZONE,
  type VietnamTime,
} from './civil-date.js';
export {
  type CalendarDay,
  compensatoryDays,
  type DayKind,
  HOLIDAY_NAMES,
  type HolidayKey,
  type HolidayLunarSource,
  LABOR_CODE_ERAS,
  type LaborCodeEra,
  laborCodeEraOn,
  NATIONAL_DAY_HEURISTIC,
  nationalDayAdjacent,
  type Provenance,
  TET_HEURISTIC,
  tetDays,
} from './holiday-rules.js';
export { holidaysToICalendar, type ICalendarOptions } from './holidays-ics.js';
export {
  LUNAR_YEARS,
  type LunarDate,
  type LunarDateInput,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './lunar.js';
export { canChiOfYear } from './lunar-can-chi.js';
export { calendarOverlayWarnings } from './overlay-warnings.js';
export { parseCalendarOverlay } from './parse-overlay.js';
export { OFFICIAL_SCHEDULES, type ScheduleSource, type ScheduleSwap, type YearSchedule } from './schedules.js';
export { VIETNAM_LUNAR_SOURCE, type VietnamCalendarOptions, vietnamCalendar } from './vietnam-calendar.js';
export {
  type CalendarDateInput,
  CalendarRangeError,
  WorkingDayCalendar,
  type WorkingDayCalendarOptions,
} from './working-day-calendar.js';
