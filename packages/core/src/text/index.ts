/**
 * Vietnamese text: folding for search, and the bilingual problems every module reports.
 *
 * @module text
 */
export type { ApiErrorBody, ApiProblem } from './api-error.js';
export { foldVietnamese } from './fold.js';
export {
  formatPath,
  type LocalizedText,
  MotcuaError,
  type Problem,
  type ProblemPath,
  problem,
} from './problem.js';
