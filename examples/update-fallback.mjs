// Puts the static HTML of the sample catalogue (core's catalogueToHtml) inside <motcua-procedure-list> on the
// example home page, between the two "catalogue fallback" comments: what visitors without JavaScript, and search
// engines, read. A commune's site does the same with its own catalogue whenever it changes.
//   node --import tsx examples/update-fallback.mjs          rewrite examples/commune-site/index.html
//   node --import tsx examples/update-fallback.mjs --check  exit 1 when the page is out of date (a test runs this)
import { readFileSync, writeFileSync } from 'node:fs';
import { assertCatalogue, catalogueToHtml } from '../packages/core/src/catalogue/index.ts';

const page = new URL('./commune-site/index.html', import.meta.url);
const catalogue = assertCatalogue(JSON.parse(readFileSync(new URL('./data/catalogue.json', import.meta.url), 'utf8')));
const START = '<!-- catalogue fallback: start -->';
const END = '<!-- catalogue fallback: end -->';

const html = readFileSync(page, 'utf8');
const from = html.indexOf(START);
const to = html.indexOf(END);
if (from < 0 || to < from) {
  console.error(`${page.pathname}: the "${START}" … "${END}" comments are missing`);
  process.exit(1);
}
const updated = `${html.slice(0, from + START.length)}\n${catalogueToHtml(catalogue, { headingLevel: 3 })}\n${html.slice(to)}`;
if (process.argv.includes('--check')) {
  if (updated !== html) {
    console.error(`${page.pathname} is out of date: run node --import tsx examples/update-fallback.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(page, updated);
}
