/**
 * Dossier deadlines: time limits as data (and, as the room grows, due dates and the dossier clock).
 *
 * @module deadline
 */
export {
  formatTimeLimit,
  parseTimeLimit,
  TIME_LIMIT_UNITS,
  type TimeLimit,
  type TimeLimitUnit,
  timeLimitProblems,
  timeLimitSchema,
} from './time-limit.js';
