// Types of test/pack/guide-examples.mjs for the TypeScript tests that use it.
/** One runnable ```js block of the guide. */
export interface GuideExample {
  /** The heading it sits under (" (2)" for a second block under the same heading). */
  readonly heading: string;
  /** Its code, ending with a newline. */
  readonly code: string;
  /** The 1-based line of its opening fence. */
  readonly line: number;
}
/** The outcome of one example. */
export interface GuideExampleResult {
  readonly heading: string;
  readonly ok: boolean;
  /** Why it failed (a stack, or the process's output when it did not run). */
  readonly error: string | undefined;
}
export declare const GUIDE_LANGUAGES: readonly ['vi', 'en'];
export declare function guidePath(language: string): string;
export declare function extractExamples(markdown: string): GuideExample[];
export declare function guideExamples(language?: string): GuideExample[];
export declare function runGuideExamples(
  examples: readonly GuideExample[],
  options: { dir: string; nodeArgs?: readonly string[]; env?: NodeJS.ProcessEnv; timeout?: number },
): GuideExampleResult[];
