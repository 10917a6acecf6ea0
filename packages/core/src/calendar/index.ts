/**
 * Civil dates in Vietnam (`Asia/Ho_Chi_Minh`), independent of the host's time zone.
 *
 * @module calendar
 */
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
