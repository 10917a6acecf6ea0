/** A message in both languages the library speaks. */
export interface LocalizedText {
  /** Vietnamese. */
  readonly vi: string;
  /** English. */
  readonly en: string;
}

/** A path into the input a problem was found in: object keys and array indexes. */
export type ProblemPath = readonly (string | number)[];

/** One thing wrong with an input, with where it is and what is wrong in Vietnamese and English. */
export interface Problem {
  /** Where in the input: `['channels', 0, 'fee']` for `$.channels[0].fee`; `[]` for the input itself. */
  readonly path: ProblemPath;
  /** A stable machine-readable code, e.g. `invalid-date`. */
  readonly code: string;
  /** What is wrong, in Vietnamese and English. */
  readonly message: LocalizedText;
}

/**
 * Formats a problem path as a JSON path.
 *
 * @example
 * ```ts
 * formatPath(['channels', 0, 'fee']); // '$.channels[0].fee'
 * formatPath([]); // '$'
 * ```
 */
export function formatPath(path: ProblemPath): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/**
 * The error every `@motcua/core` function throws for bad input. It carries every problem found,
 * each with its path and a Vietnamese and English message; `message` lists them in both languages.
 *
 * @example
 * ```ts
 * try {
 *   parseCivilDate('2025-02-30');
 * } catch (error) {
 *   if (error instanceof MotcuaError) console.log(error.problems[0]?.message.vi);
 * }
 * ```
 */
export class MotcuaError extends Error {
  /** Every problem found, in input order. */
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map((p) => `${formatPath(p.path)}: ${p.message.vi} / ${p.message.en}`).join('\n'));
    this.name = 'MotcuaError';
    this.problems = problems;
  }
}

/**
 * Builds a {@link Problem}.
 *
 * @example
 * ```ts
 * problem(['date'], 'invalid-date', { vi: 'Ngày không hợp lệ', en: 'Invalid date' });
 * ```
 */
export function problem(path: ProblemPath, code: string, message: LocalizedText): Problem {
  return { path, code, message };
}
