// Size budgets (gzip), checked by `npm run size` and in CI after `npm run build`.
// Budgets only go down: when a change makes something smaller, lower its budget to the new size plus a
// small margin. A new element adds its own line.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const cdn = 'packages/elements/dist/cdn';

/**
 * Per element: what a page with only this element downloads before any interaction (the entry and its static
 * imports), and what it may load later (lazily imported parts such as the lunar calendar, QR codes, print views).
 */
const elementBudgets = {
  // Lit and the shared element base (7 kB: Lit's decorators replaced by internal/decorators.ts, configure() left to
  // motcua.js), civil dates, the element (9.86 kB); the lunar calendar loads for show-lunar.
  'motcua-calendar-day.js': { initial: '10.1 kB', lazy: '2 kB' },
  // Lit and the element (12.82 kB; the PIN reader loads only for an address with ?pin=); the code check, response
  // validation, core's clock and calendar (18.39 kB, without zod since the time limit's schema has its own module, and
  // without the time limits in words, which have theirs) load on the first lookup.
  'motcua-dossier-status.js': { initial: '13 kB', lazy: '18.5 kB' },
  // Lit, the element and the 3-level rating's texts (14.55 kB); core's validation and scrubber, a host form's value
  // and validity, sending and settling, the IndexedDB outbox with its cross-tab lock and its back-off while the page
  // stays open, the styles of the chosen and focused option, the messages and the other instruments (one chunk per
  // kind) load on the first touch or when needed (14.51 kB).
  'motcua-rating-form.js': { initial: '14.7 kB', lazy: '14.6 kB' },
  // Lit, the element, its list strings and search (15.69 kB); validation (zod) with the time limits in words and the
  // search's typo pass, the detail view with its and the print view's strings and core's fee formatting, QR (our own
  // level-M byte-mode encoder, internal/qr-encode.ts: 2.2 kB instead of uqr's 4.1), print view (through the shared
  // print frame) and JSON-LD (fetched through the validation) load lazily (26.32 kB).
  'motcua-procedure-list.js': { initial: '15.9 kB', lazy: '26.5 kB' },
  // Lit, the element, the services screen with which services issue now and when the closed ones open again, its
  // portrait layout and big priority toggle, and the screen wake lock (13.71 kB measured; issue 11's ceiling is 15 kB);
  // issuing with its screens' strings, the voice (core's announcement), the QR code and the print view load on the
  // first touch (12.03 kB; 14.15 with uqr).
  'motcua-ticket-kiosk.js': { initial: '13.8 kB', lazy: '12.2 kB' },
  // Lit, the element, the board's stream and state and the screen wake lock (11.86 kB measured; issue 11: 15; 11.47
  // before the stream and core's board readers became a chunk shared with the ticket status page); the voice (engines,
  // core's announcement) loads with the first call or the click on "enable sound" (4.19 kB).
  'motcua-queue-board.js': { initial: '11.9 kB', lazy: '4.4 kB' },
  // Lit, the console and its strings (12.96 kB measured; issue 11: 15); the desk (who waits, pause, a number out of
  // turn, no-shows, the rating QR code) after the first paint, and the intake form, core's catalogue search, the
  // receipt slip's print view and the QR encoder when the officer opens the intake (14.21 kB).
  'motcua-counter-console.js': { initial: '13 kB', lazy: '14.4 kB' },
  // Lit, the element with its vi/en strings, the board's stream (shared with the queue board) and core's
  // followed-ticket reader (11.54 kB measured): what a citizen's phone downloads after scanning the ticket's QR code;
  // nothing loads later.
  'motcua-ticket-status.js': { initial: '11.7 kB' },
};
/**
 * A page that registers every element at once, before any interaction: 47.16 kB measured with seven elements, 51.36 kB
 * with the eighth, <motcua-ticket-status> (its own 4.2 kB; a new element raises this line by what it adds, no more).
 */
const allElementsBudget = '51.5 kB';
/**
 * Everything in dist/cdn together, lazily loaded chunks included (no page ever downloads all of it). Issue 2 set 50 kB
 * as the starting ceiling for the first elements; with seven elements, catalogue validation (zod), QR codes, three
 * print views, the voice, the IndexedDB outbox and the deadline engine it measures 120.15 kB (one copy of the
 * decorator helper, no re-exporting entry files, six-character chunk hashes); 124.36 kB with the eighth element,
 * <motcua-ticket-status> (4.2 kB); 124.47 kB with the procedure list's typo pass (+0.9 kB), the kiosk's portrait
 * layout and the counter console's desk (+2.3 kB), paid for by files without `//# sourceMappingURL=` comments (−1.5 kB;
 * the maps stay beside them) and our own QR encoder instead of uqr (−1.9 kB).
 */
const wholeCdnBudget = '124.5 kB';
/**
 * Core as a user's bundler ships it: what a page imports, bundled and minified with everything it pulls in.
 * `exports` is the import a page writes; `*` is the whole subpath.
 */
const coreBudgets = [
  {
    // What a page that counts working days imports: the working-day calendar (its Tết and Giỗ Tổ dates come from a
    // table, not the lunar computation) and civil dates, without parseCalendarOverlay and holidaysToICalendar
    // (5.99 kB measured with 24/11 built in; the starting ceiling was 6 kB).
    name: 'working-day calendar',
    subpath: 'calendar',
    exports: 'vietnamCalendar, civilDateOf, toVietnamTime',
    limit: '6 kB',
  },
  // What a page that shows lunar dates imports.
  { name: 'lunar dates', subpath: 'calendar', exports: 'solarToLunar, lunarToSolar, civilDateOf', limit: '3.7 kB' },
  // The whole calendar subpath (11.95 kB measured) and the whole text subpath (418 B measured).
  { name: 'whole subpath', subpath: 'calendar', exports: '*', limit: '12.1 kB' },
  { name: 'whole subpath', subpath: 'text', exports: '*', limit: '0.6 kB' },
];

const manifest = JSON.parse(readFileSync(`${cdn}/manifest.json`, 'utf8'));
const initial = (entry) => {
  const files = manifest[entry]?.initial;
  if (!files) throw new Error(`${entry} is not an entry of ${cdn}; run npm run build`);
  return files.map((file) => `${cdn}/${file}`);
};

const coreChecks = [];
for (const { name, subpath, exports, limit } of coreBudgets) {
  const outfile = `.cache/size/core-${subpath}-${exports === '*' ? 'all' : exports.replace(/\W+/g, '-')}.js`;
  const statement = exports === '*' ? '*' : `{ ${exports} }`;
  await build({
    stdin: {
      contents: `export ${statement} from '@motcua/core/${subpath}';`,
      resolveDir: 'packages/elements',
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    outfile,
    logLevel: 'error',
  });
  coreChecks.push({
    name: `@motcua/core/${subpath}: ${name}${exports === '*' ? '' : ` (${exports})`}, bundled and minified`,
    path: outfile,
    limit,
    gzip: true,
  });
}

const lazy = (entry) => manifest[entry]?.lazy.map((file) => `${cdn}/${file}`) ?? [];

export default [
  ...Object.entries(elementBudgets).flatMap(([entry, budget]) => [
    { name: `${entry} before interaction`, path: initial(entry), limit: budget.initial, gzip: true },
    ...(lazy(entry).length > 0
      ? [{ name: `${entry} lazily loaded parts`, path: lazy(entry), limit: budget.lazy, gzip: true }]
      : []),
  ]),
  {
    name: 'motcua.js (every element) before interaction',
    path: initial('motcua.js'),
    limit: allElementsBudget,
    gzip: true,
  },
  { name: 'dist/cdn in all', path: [`${cdn}/**/*.js`], limit: wholeCdnBudget, gzip: true },
  ...coreChecks,
];
