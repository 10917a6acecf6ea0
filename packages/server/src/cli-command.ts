import { parseArgs } from 'node:util';

/** Where a CLI command's lines go (defaults: `console.log` and `console.error`). */
export interface CommandOutput {
  readonly print?: (line: string) => void;
  readonly printError?: (line: string) => void;
}

/** A subcommand's words, read. */
export interface ReadCommand<K extends string> {
  readonly command: string | undefined;
  readonly values: Partial<Record<K, string>>;
  readonly positionals: readonly string[];
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
}

/**
 * A subcommand's words read with `options` (string options and positionals), with its output; `undefined` when they
 * cannot be read, after printing why and the `usage` (the command then exits with 2).
 *
 * @example
 * ```ts
 * const read = readCommand(deps, ['export', '--output', 'f.json'], { output: { type: 'string' } }, USAGE);
 * read?.command; // 'export'
 * ```
 */
export function readCommand<K extends string>(
  deps: CommandOutput,
  args: readonly string[],
  options: Record<K, { readonly type: 'string' }>,
  usage: string,
): ReadCommand<K> | undefined {
  const print = deps.print ?? ((line: string) => console.log(line));
  const printError = deps.printError ?? ((line: string) => console.error(line));
  const [command, ...rest] = args;
  try {
    const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    return { command, values: values as Partial<Record<K, string>>, positionals, print, printError };
  } catch (error) {
    printError(`${(error as Error).message}\n\n${usage}`);
    return undefined;
  }
}
