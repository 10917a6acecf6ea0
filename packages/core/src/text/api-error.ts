import type { LocalizedText } from './problem.js';

/**
 * One thing wrong with a request, as the motcua API answers it: a {@link Problem} whose path is written as a JSON path
 * (`$.applicant.email`).
 */
export interface ApiProblem {
  /** Where in the request body or query, as a JSON path (`formatPath`). */
  readonly path: string;
  /** A stable machine-readable code. */
  readonly code: string;
  /** What is wrong, in Vietnamese and English. */
  readonly message: LocalizedText;
}

/**
 * The JSON body of every error the motcua API answers (`4xx`, `5xx`): the server writes it, the elements' API client
 * reads it. A core `MotcuaError` becomes `invalid-input` with its problems; a refusal carries its own code (`closed`,
 * `daily-cap`, `unauthorized`, `rate-limited`, `request-in-progress`, …) and message.
 *
 * @example
 * ```ts
 * const body: ApiErrorBody = {
 *   error: { code: 'daily-cap', message: { vi: 'Đã hết số hôm nay', en: 'No more numbers today' } },
 * };
 * ```
 */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: LocalizedText;
    /** For invalid input: each problem with its JSON path. */
    readonly problems?: readonly ApiProblem[];
  };
}
