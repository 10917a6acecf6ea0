// The runnable examples of the @motcua/core guide (docs/guides/core.vi.md and core.en.md): every ```js block, with
// the heading it sits under. test/node/core-guide.test.ts runs them against the sources; the pack check can run them
// against the installed tarballs under plain Node.
//   guideExamples('en')                         → [{ heading, code, line }]
//   runGuideExamples(examples, { dir, nodeArgs }) → [{ heading, ok, error }]: one Node process runs every block
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The languages the guide is written in. */
export const GUIDE_LANGUAGES = ['vi', 'en'];

/** The guide's path in one language. */
export function guidePath(language) {
  return join(root, 'docs', 'guides', `core.${language}.md`);
}

/**
 * Every ```js block of a Markdown text, in order, with the nearest heading above it (a second block under the same
 * heading gets " (2)" and so on) and the 1-based line of its opening fence.
 */
export function extractExamples(markdown) {
  const examples = [];
  const seen = new Map();
  let heading = '(no heading)';
  /** The fenced block being read: ```js blocks keep their lines; others (```ts, ```json, …) are skipped whole. */
  let fence;
  markdown.split(/\r?\n/).forEach((text, index) => {
    if (fence) {
      if (!/^```\s*$/.test(text)) {
        fence.lines.push(text);
        return;
      }
      if (fence.js) {
        const count = (seen.get(fence.heading) ?? 0) + 1;
        seen.set(fence.heading, count);
        const name = count === 1 ? fence.heading : `${fence.heading} (${count})`;
        examples.push({ heading: name, code: `${fence.lines.join('\n')}\n`, line: fence.line });
      }
      fence = undefined;
      return;
    }
    const title = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (title) heading = title[1];
    else if (text.startsWith('```')) fence = { js: /^```js\s*$/.test(text), heading, line: index + 1, lines: [] };
  });
  if (fence) throw new Error(`The fenced block opened on line ${fence.line} is never closed`);
  return examples;
}

/** The examples of the guide in one language. */
export function guideExamples(language = 'en') {
  return extractExamples(readFileSync(guidePath(language), 'utf8'));
}

/**
 * Runs examples in one Node process: each block is written to `dir` as its own module and imported in order, so a
 * failing `assert` fails only its block. `dir` must be where `@motcua/core` resolves (a project that installed it, or
 * inside packages/core, whose package resolves itself by name). Returns one result per example, in order; a block
 * that did not run (the process died first) fails with the process's output.
 */
export function runGuideExamples(examples, { dir, nodeArgs = [], env = process.env, timeout = 120_000 }) {
  mkdirSync(dir, { recursive: true });
  const files = examples.map((example, i) => {
    const file = join(dir, `example-${String(i + 1).padStart(2, '0')}.mjs`);
    writeFileSync(file, example.code);
    return pathToFileURL(file).href;
  });
  const report = join(dir, 'report.json');
  rmSync(report, { force: true });
  const runner = join(dir, 'run-examples.mjs');
  writeFileSync(
    runner,
    `import { writeFileSync } from 'node:fs';
const files = ${JSON.stringify(files)};
const results = [];
for (const file of files) {
  try {
    await import(file);
    results.push({ ok: true });
  } catch (error) {
    results.push({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  writeFileSync(${JSON.stringify(report)}, JSON.stringify(results));
}
`,
  );
  const child = spawnSync(process.execPath, [...nodeArgs, runner], { cwd: dir, env, encoding: 'utf8', timeout });
  let results = [];
  try {
    results = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    // No report: the process died before the first block finished.
  }
  const output = `${child.error ? `${child.error.message}\n` : ''}${child.stdout ?? ''}${child.stderr ?? ''}`;
  return examples.map((example, i) => {
    if (!results[i]) {
      return {
        heading: example.heading,
        ok: false,
        error: `the block did not run (exit ${child.status ?? child.signal}):\n${output}`,
      };
    }
    // Where in the guide it failed: the block's first line in its file is the line after the guide's fence.
    const at = new RegExp(`${basename(fileURLToPath(files[i]))}:(\\d+)`).exec(results[i].error ?? '');
    const where = at && example.line ? `\n(the guide's line ${example.line + Number(at[1])})` : '';
    return {
      heading: example.heading,
      ok: results[i].ok === true,
      error: results[i].ok ? undefined : `${results[i].error}${where}`,
    };
  });
}
