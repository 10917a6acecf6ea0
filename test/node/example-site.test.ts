// The example site stays in step with its data: the home page's no-JavaScript content is the sample catalogue.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'chai';

const root = join(import.meta.dirname, '..', '..');

describe('the example commune site', () => {
  it('carries the sample catalogue as static HTML inside the procedure list, as catalogueToHtml writes it', () => {
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'examples/update-fallback.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(check.status, check.stderr).to.equal(0);
  });
});
