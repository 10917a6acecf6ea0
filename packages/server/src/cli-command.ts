import { parseArgs } from 'node:util';

/** Where a CLI command's lines go (defaults: `console.log` and `console.error`). */
export interface CommandOutput {
  readonly print?: (line: string) => void;
  readonly printError?: (line: string) => void;
}

/** A subcommand's words, read. */
export interface ReadCommand<K extends string, L extends string = never> {
  readonly command: string | undefined;
  readonly values: Partial<Record<K, string>>;
  /** The options that may be given several times (`--host a --host b`), each with its values in order. */
  readonly lists: Record<L, string[]>;
  readonly positionals: readonly string[];
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
}

/**
 * A subcommand's words read with `options` (string options and positionals) and the string options `lists` that may
 * be given several times, with its output; `undefined` when they cannot be read, after printing why and the `usage`
 * (the command then exits with 2).
 *
 * @example
 * ```ts
 * const read = readCommand(deps, ['export', '--output', 'f.json'], { output: { type: 'string' } }, USAGE);
 * read?.command; // 'export'
 * readCommand(deps, ['add', 'xa-a', '--host', 'a.vn', '--host', 'b.vn'], {}, USAGE, ['host'])?.lists.host; // ['a.vn', 'b.vn']
 * ```
 */
export function readCommand<K extends string, L extends string = never>(
  deps: CommandOutput,
  args: readonly string[],
  options: Record<K, { readonly type: 'string' }>,
  usage: string,
  lists: readonly L[] = [],
): ReadCommand<K, L> | undefined {
  const print = deps.print ?? ((line: string) => console.log(line));
  const printError = deps.printError ?? ((line: string) => console.error(line));
  const [command, ...rest] = args;
  const repeated = Object.fromEntries(lists.map((name) => [name, { type: 'string', multiple: true } as const]));
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...options, ...repeated },
      allowPositionals: true,
      strict: true,
    });
    const given = values as Record<string, string | string[] | undefined>;
    const listed = Object.fromEntries(lists.map((name) => [name, (given[name] as string[] | undefined) ?? []]));
    for (const name of lists) delete given[name];
    return {
      command,
      values: given as Partial<Record<K, string>>,
      lists: listed as Record<L, string[]>,
      positionals,
      print,
      printError,
    };
  } catch (error) {
    printError(`${(error as Error).message}\n\n${usage}`);
    return undefined;
  }
}
