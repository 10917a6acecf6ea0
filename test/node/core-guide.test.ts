// The @motcua/core guide cannot drift: every ```js block of docs/guides/core.{vi,en}.md runs against the sources and
// states its results with node:assert, the two languages carry the same code, and the blocks import the package
// only by its published subpaths (so the pack check can run them against the installed tarball under plain Node).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { GUIDE_LANGUAGES, type GuideExample, guideExamples, runGuideExamples } from '../pack/guide-examples.mjs';

const root = join(import.meta.dirname, '..', '..');
const core = join(root, 'packages', 'core');
const [vi, en] = GUIDE_LANGUAGES.map((language) => guideExamples(language)) as [GuideExample[], GuideExample[]];
const exported = Object.keys(JSON.parse(readFileSync(join(core, 'package.json'), 'utf8')).exports as object);

describe('the @motcua/core guide (docs/guides/core.*.md)', () => {
  it('has runnable examples, the same code in Vietnamese and English', () => {
    expect(en.length, 'examples in the English guide').to.be.greaterThan(10);
    expect(vi.map((example) => example.code)).to.deep.equal(en.map((example) => example.code));
  });

  it('imports only node: modules and @motcua/core by its exported subpaths', () => {
    for (const { heading, code } of en) {
      const specifiers = [...code.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map(
        (match) => match[1] ?? match[2],
      );
      expect(specifiers, heading).not.to.be.empty;
      for (const specifier of specifiers) {
        if (specifier?.startsWith('node:')) continue;
        const subpath = specifier?.replace(/^@motcua\/core(?=\/|$)/, '.');
        expect(subpath, `${heading}: ${specifier}`).to.match(/^\.\/[a-z]+$/);
        expect(exported, `${heading}: ${specifier} is not exported`).to.include(subpath);
      }
      expect(code, `${heading} states its results`).to.match(/\bassert\./);
    }
  });

  describe('every example runs and its assertions hold', () => {
    let dir = '';
    let results: ReturnType<typeof runGuideExamples> = [];
    before(() => {
      // Inside packages/core, `@motcua/core/…` resolves to the package itself; the motcua:source condition (set by
      // scripts/test.mjs, and here again) points it at src/, which tsx compiles.
      mkdirSync(join(core, '.cache'), { recursive: true });
      dir = mkdtempSync(join(core, '.cache', 'guide-examples-'));
      results = runGuideExamples(en, { dir, nodeArgs: ['--conditions=motcua:source', '--import', 'tsx'] });
    });
    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    en.forEach((example, i) => {
      it(`${example.heading} (core.en.md line ${example.line}; core.vi.md “${vi[i]?.heading}”)`, () => {
        const result = results[i];
        expect(result?.ok, result?.error).to.equal(true);
      });
    });
  });
});
