/**
 * Vietnamese text: folding for search, and the bilingual problems every module reports.
 *
 * @module text
 */
export { foldVietnamese } from './fold.js';
export {
  formatPath,
  MotcuaError,
  problem,
  type LocalizedText,
  type Problem,
  type ProblemPath,
} from './problem.js';
