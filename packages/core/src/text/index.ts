/**
 * Vietnamese text: folding for search, the bilingual problems every module reports, and the first check of every
 * reader of JSON.
 *
 * @module text
 */
export type { ApiErrorBody, ApiProblem } from './api-error.js';
export { foldVietnamese } from './fold.js';
export { isJsonObject } from './json-object.js';
export {
  formatPath,
  type LocalizedText,
  MotcuaError,
  type Problem,
  type ProblemPath,
  problem,
} from './problem.js';
