/**
 * `@motcua/elements`: web components for Vietnam's commune one-stop shops. Importing this module
 * registers every element; import `@motcua/elements/<name>` for one element only.
 *
 * @packageDocumentation
 */
export { MotcuaCalendarDay } from './calendar-day/calendar-day.js';
export { defineElement } from './internal/define.js';
