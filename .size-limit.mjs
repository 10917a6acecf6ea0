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
  // The shared base's language reading with one regular expression (issue 19's byte hunt, every first paint 4–15 B
  // smaller): 9.71 kB measured.
  'motcua-calendar-day.js': { initial: '9.73 kB', lazy: '2 kB' },
  // Lit and the element (12.82 kB; the PIN reader loads only for an address with ?pin=); the code check, response
  // validation, core's clock and calendar (18.39 kB, without zod since the time limit's schema has its own module, and
  // without the time limits in words, which have theirs) load on the first lookup. The Web Push offer (issue 23) adds
  // nothing before interaction (12.96 kB measured: the attribute and the import of its part) and loads only under a
  // dossier not yet finished on a page with `push-worker`: its controller, its vi/en strings for dossiers and
  // tickets, shared with the ticket status page (internal/push-offer.ts, 1.84 kB; 20.03 kB measured in all).
  // After a reload the offer says notices are on when this browser's subscription is the one it sent for this dossier
  // (issue 23; the endpoint kept in localStorage, checked against the page worker's subscription): +0.19 kB, 20.22 kB.
  // The worker is registered with the API base as its `api` parameter, where it sends a renewed subscription, and a
  // worker registered before without it is registered again on the next visit (issue 23, +0.13 kB): 20.34 kB.
  // One request layer (issue 19): every public element's requests go through the API client (internal/api-client.ts,
  // 0.66 kB, and api-retry.ts, 0.37 kB: a time limit per attempt, retries under one Idempotency-Key), a chunk shared
  // with the counter console, instead of four smaller copies written for each element. Across the CDN the bytes are
  // the same (whole-CDN line: 130,827 → 130,826 B) and every first paint is smaller or equal; what each element's
  // lazily loaded line gains is the client it now shares, loaded with its first request.
  // Here the lookup's request (lookup.ts) loads with the first lookup beside its validation, through the client:
  // 12,986 → 12,783 B before interaction, 20,350 → 21,481 B lazily. Paid back within the line's earlier budget (20.38
  // kB) by what the element no longer downloads: core's finished statuses and step statuses instead of its own copies;
  // a dossier code checked without building its problems' words; a province's record read with core's words-free
  // readNationalSync (the element only says such a record is not valid); the time limits' words no longer a chunk of
  // their own: 20.35 kB measured.
  'motcua-dossier-status.js': { initial: '12.79 kB', lazy: '20.36 kB' },
  // Lit, the element and the 3-level rating's texts (14.55 kB); core's validation and scrubber, a host form's value
  // and validity, sending and settling, the IndexedDB outbox with its cross-tab lock and its back-off while the page
  // stays open, the styles of the chosen and focused option, the messages and the other instruments (one chunk per
  // kind) load on the first touch or when needed (14.51 kB).
  // Sending and the outbox through the API client (see the dossier status's line: one request layer): 14,344 →
  // 14,332 B before interaction, 14,265 → 15,119 B lazily (the client and its retries, 1.03 kB, for the sending code's
  // own request, error reading and retry loop). Back within the line's earlier budget (14.6 kB): the request built
  // with core's keptAnswers instead of checking the answers a second time, what the move left twice in the sending
  // code, the outbox and the browser store, and one random generator for the lease and the keys: 14.58 kB measured
  // (14.3 kB before interaction).
  'motcua-rating-form.js': { initial: '14.31 kB', lazy: '14.59 kB' },
  // Lit, the element, its list strings and search (15.69 kB); validation (zod) with the time limits in words and the
  // search's typo pass, the detail view with its and the print view's strings and core's fee formatting, QR (our own
  // level-M byte-mode encoder, internal/qr-encode.ts: 2.2 kB instead of uqr's 4.1), print view (through the shared
  // print frame) and JSON-LD (fetched through the validation) load lazily (26.32 kB). Every keystroke within a frame
  // (issue 26): the first page of each one-letter query found while the page is idle, and the pages found kept for the
  // index (+80 B, 15.83 kB measured; the first keystroke at 5,000 procedures and 4× throttling 6–12 ms instead of 19–24);
  // core's search reusing its scratch arrays (+40 B, 15.88 kB: the slowest keystroke after the 2,000 case 11–14 ms
  // instead of 21–28).
  // The catalogue downloaded through the API client, which loads beside the validation (see the dossier status's line:
  // one request layer): 15,843 → 15,801 B before interaction (the class split into modules too), 26,246 → 27,117 B
  // lazily (the client, and the Idempotency-Key generator it names, never loaded by a download: 0.21 kB). Back within
  // the line's earlier budget (26.5 kB): core's duplicateCodeProblems instead of the element's copy of the check and
  // its words, a time limit's checks without their words, one listener for the three filters: 26.36 kB measured (15.77
  // kB before interaction).
  'motcua-procedure-list.js': { initial: '15.79 kB', lazy: '26.38 kB' },
  // Lit, the element, the services screen with which services issue now and when the closed ones open again, its
  // portrait layout and big priority toggle, and the screen wake lock (13.71 kB measured; issue 11's ceiling is 15 kB);
  // issuing with its screens' strings, the voice (core's announcement), the QR code and the print view load on the
  // first touch (12.03 kB; 14.15 with uqr). 13.89 kB before interaction with what loads a paired kiosk's pairing
  // screen (`pair` without a token, issue 20): the staff part `pairing`, the counter tablet's own screen, outside the
  // whole-CDN line.
  // The services list, a ticket's wait and issuing through the API client (see the dossier status's line: one request
  // layer), loaded with the first request: 13,893 → 13,807 B before interaction (the kiosk's own GET left it),
  // 11,977 → 12,706 B lazily (the client and its retries, for issuing's own request, error reading and retry loop).
  // The printed ticket's time from the browser's own time-zone data (Intl, Asia/Ho_Chi_Minh) instead of core's
  // civil-date module, which the kiosk loaded for this alone (−1.39 kB), and one random Idempotency-Key path: 11.25 kB.
  'motcua-ticket-kiosk.js': { initial: '13.81 kB', lazy: '11.26 kB', staffParts: { pairing: '1.7 kB' } },
  // Lit, the element, the board's stream and state and the screen wake lock (11.86 kB measured; issue 11: 15; 11.47
  // before the stream and core's board readers became a chunk shared with the ticket status page); the voice (engines,
  // core's announcement) loads with the first call or the click on "enable sound" (4.19 kB).
  // A private board's screen (`pair`, issue 20) loads its staff part `private-board`: the pairing screen and the event
  // stream read with fetch and the screen's credential (outside the whole-CDN line).
  // `follow-url` (issue 23): the attribute, what loads its corner and the column that holds it under the latest calls,
  // +121 B before interaction (11.99 kB measured); the corner with its caption and the QR encoder (shared with the
  // kiosk's and the procedure list's parts) load only on a board with the attribute (+2.87 kB lazily: 7.07 kB).
  // The stream closed while the page is hidden and opened again when it is shown (pages kept in the back/forward cache
  // held the browser's connections to the server, and every request waited): +71 B (12.07 kB measured).
  'motcua-queue-board.js': { initial: '12.07 kB', lazy: '7.08 kB', staffParts: { 'private-board': '2.85 kB' } },
  // Lit, the console, its strings and the API client (12.91 kB measured, with what loads the sign-in and the pairing
  // screen; 12.80 on chunks named by their hash before them; issue 11: 15); the desk (who waits, pause, a number out
  // of turn, no-shows, the rating QR code) after the first paint; the intake form, core's catalogue search,
  // the receipt slip's print view, the QR encoder and the Idempotency-Key generator (14.37 kB) load when the officer
  // opens the intake or sends a first command.
  // Staff parts, each with its own line and outside the whole-CDN line: `session`, only on a console without a token,
  // the officer's sign-in (the <motcua-sign-in> element bundled in) and the counter choice (3.3 kB measured);
  // `pairing`, only on a counter tablet's console (`pair`) without its credential, the pairing screen (1.66 kB).
  // The API client, inside the console's own file until now, is a chunk the public elements share (see the dossier
  // status's line: one request layer): the chunk's imports and exports and its own compression, +198 B (13,169 B).
  // Back within the line's earlier budget (13 kB): the desk and the intake form read the console itself instead of
  // seventeen forwarding functions built in the first paint, the services and tickets read without copies: 12.99 kB
  // measured (14.43 kB lazily, with the forms' longer calls).
  'motcua-counter-console.js': {
    initial: '13 kB',
    // 14.39 kB; 14.44 kB with core's search reusing its scratch arrays (issue 26: its intake searches the catalogue too).
    lazy: '14.45 kB',
    staffParts: { session: '3.4 kB', pairing: '1.7 kB' },
  },
  // Lit, the element with its vi/en strings, the board's stream (shared with the queue board) and core's
  // followed-ticket reader (11.54 kB measured): what a citizen's phone downloads after scanning the ticket's QR code;
  // 11.66 kB with the Web Push offer's attribute and button styles. The offer itself (the dossier status's part,
  // 1.84 kB) loads only while the ticket waits on a page with `push-worker`.
  // The offer says notices are on after a reload (see the dossier status's line): 2.03 kB. The worker told the API
  // base for renewed subscriptions (see the dossier status's line, +0.13 kB): 2.16 kB.
  // A page opened without a ticket id (the QR code on the board, issue 23) asks for the number and follows it: what
  // loads the number form, chooses its read and keeps the form in place (and focused) whatever shows above it, +182 B
  // before interaction (11.86 kB measured); the form, its strings (with the hint above it) and styles, the note, and
  // core's reader of the number's answer load only on such a page (+1.66 kB lazily: 3.82 kB with the renewal's).
  // The board's stream closed while the page is hidden (see the queue board's line): +72 B (11.93 kB measured).
  // The number followed kept in the address (`?so=`), so that a reload or a phone reopening a tab it discarded follows
  // it again instead of asking: +23 B before interaction (11.96 kB measured), +0.1 kB with the number form (3.92 kB).
  'motcua-ticket-status.js': { initial: '11.96 kB', lazy: '3.93 kB' },
  // Staff screens, a CDN build of their own (rollup.config.mjs; not in motcua.js, not in the whole-CDN line below):
  // the leader's dashboard — Lit and the shared base, core's civil dates, the API client, the board's stream and the
  // element with its vi/en strings of the controls and headline figures, periods and core's report readers: 15.48 kB
  // measured (16.03 while the charts' strings were in it; 17.67 while it shared its chunks with the public elements),
  // above issue 22's 14 kB target (the next cut: the rendering of the headline figures into the lazy part). With the
  // first figures load the charts (SVG, scales, tables, waits per officer), the Decision 766 scorecard table with
  // core's scorecard reader and the strings of both (4.79 kB); the API client's Idempotency-Key generator (0.23 kB)
  // with a first unsafe request: 5.02 kB. The twelve-month trend of the on-time and online rates (issue 22's trend
  // lines): its styles and core's reader of the months in the first paint (15.64 kB measured), its chart, its period
  // and its strings with the charts (6.01 kB). The early warning (issue 22, Decree 309/2026: the open dossiers
  // overdue or due within three working days): its request in the first paint (15.7 kB measured); its table, core's
  // working time in words, and the worklist reader with the status names, a chunk shared with the officer's desk
  // (0.79 kB), with the charts: 7.61 kB. A wide table scrolls within its chart (a phone's page was 401 px wide at
  // 360 px: WCAG 1.4.10 reflow): 15.72 kB. The trend's third line, satisfaction by month (its request and colour in
  // the first paint, 15.76 kB; its series and column with the charts, 7.71 kB).
  // One `isJsonObject` for every core reader (issue 19): 15.6 kB measured; the headline figures in a module of their
  // own (15.61 kB); the board's stream closed while the page is hidden (see the queue board's line): 15.68 kB.
  // The shared base's one-expression language reading (issue 19): 15.66 kB, 7.68 kB lazily.
  'motcua-office-dashboard.js': { initial: '15.67 kB', lazy: '7.69 kB' },
  // The staff sign-in: Lit and the shared base, the API client and the element with its vi/en strings and core's
  // session reader: 10.11 kB measured; 10.22 since the staff accounts screen shares core's session module (its user
  // reader reads a person as the session reader does), which the staff build then puts in a chunk of its own. The
  // Idempotency-Key generator loads with the first sign-in. The shared base's language reading (issue 19): 10.23 kB.
  'motcua-sign-in.js': { initial: '10.24 kB', lazy: '0.16 kB' },
  // The office administration (staff build): Lit, the element with its vi/en strings and core's settings readers
  // (14.77 kB measured in the staff build, where it shares no chunk with the other staff screens'; 14.79 before the
  // catalogue and settings history, whose loading is paid for by moving the calendar preview's markup and strings into
  // the part loaded after the first paint); after the first paint,
  // the catalogue import with its check, diff, publication and versions, the settings history with rollbacks, the
  // calendar preview, core's catalogue readers and its time limits in words (admin-history.ts, 6.24 kB measured;
  // fees in đồng without core's fee formatting, whose checks would split a chunk off the dashboard's first paint),
  // and the Idempotency-Key generator with the first change sent; then the rating instruments and the Decision 766
  // points split (settings-sections.ts with its vi/en strings and core's instrument family names, not the
  // instruments' texts: +2.22 kB, 8.46 kB measured; the first paint stays within its line, 14.79 kB measured, the
  // sections drawn through the history's one call and told the page's event through its host). The services,
  // counters and issuing hours section is an element of its own, <motcua-queue-settings> (its line below), which the
  // history loads after it and which its own line counts here (`staffParts`: the part's files, not the element's
  // shared chunks, which the first paint has): 6.12 kB measured.
  // One `isJsonObject` for every core reader (issue 19) instead of the queue board's reader chunk: 14.38 kB measured.
  // The shared base's language reading and one dossier-evaluation label builder (issue 19): 14.35 kB measured.
  'motcua-office-admin.js': {
    initial: '14.37 kB',
    // 8.52 kB measured with the versions' times as the commune reads them (`10:00 02/12/2026`, not ISO order); 8.54
    // with its fields kept within a phone's width (the instrument and file fields made the page scroll sideways).
    lazy: '8.46 kB',
    staffParts: { 'motcua-queue-settings': '6.15 kB' },
  },
  // The admin's device pairing (staff build, its own element so the office administration's first paint stays as it
  // was): Lit and the shared base, the API client, the element with its vi/en strings and core's device readers
  // (12.74 kB measured); the Idempotency-Key generator loads with the first approval (0.21 kB). Since the officer's
  // desk, the three staff screens that load with the page's session (device pairing, staff accounts, the desk) share
  // one base (internal/staff-screen.ts: the sign-in, not-allowed and failed states, the last action's message) in a
  // chunk of 0.68 kB instead of three copies: each first paint counts the chunk (13.1 kB measured, +0.33 kB), a page
  // with two of them loads less than before (quan-tri.html: 8.57 → 8.51 kB of their own files and the chunk).
  // One `isJsonObject` for every core reader (issue 19) instead of the queue board's reader chunk: 12.71 kB measured;
  // 12.7 kB with the shared base's language reading.
  'motcua-device-pairings.js': { initial: '12.71 kB', lazy: '0.16 kB' },
  // The services, counters and issuing hours (staff build): Lit and the shared base, the API client and the element
  // with its vi/en strings; no core settings reader (a light check of the answer instead: core's readers bring the
  // rating instruments, and would split a chunk off the office administration's first paint): 13.62 kB measured; the
  // Idempotency-Key generator loads with the first save (0.15 kB); 13.63 kB with the shared base's language reading.
  'motcua-queue-settings.js': { initial: '13.64 kB', lazy: '0.16 kB' },
  // The admin's audit trail (staff build, issue 20): Lit and the shared base, the API client, core's audit reader,
  // the element with its vi/en strings and the actions' names (11.9 kB measured); the Idempotency-Key generator is
  // listed with the API client but never loaded (it only reads).
  // One `isJsonObject` for every core reader (issue 19) instead of the queue board's reader chunk: 11.5 kB measured;
  // 11.49 kB with the shared base's language reading.
  'motcua-audit-trail.js': { initial: '11.5 kB', lazy: '0.16 kB' },
  // The admin's staff accounts (staff build, issue 20): Lit and the shared base, the API client, core's user reader,
  // the element with its vi/en strings (11.53 kB measured); the Idempotency-Key generator loads with the first change.
  // With the staff screens' shared base chunk (see the device pairing's line): 11.83 kB measured.
  'motcua-staff-users.js': { initial: '11.85 kB', lazy: '0.16 kB' },
  // An officer's desk (staff build): Lit and the shared base, the API client, core's worklist and desk readers and
  // the status and supplement reason names, the element with its vi/en strings, the staff screens' shared base chunk
  // (see the device pairing's line), the list read again every minute while it shows (14.47 kB measured); the
  // worklist reader and the status names in a chunk shared with the dashboard's early warning (14.89 kB measured); the
  // list's filter (all, overdue, waiting for a supplement, result to return, with their counts): 15.17 kB. The
  // Idempotency-Key generator loads with the first step.
  // One `isJsonObject` for every core reader (issue 19) instead of the queue board's reader chunk: 14.77 kB measured;
  // 14.76 kB with the shared base's language reading.
  'motcua-dossier-desk.js': { initial: '14.78 kB', lazy: '0.16 kB' },
};
/**
 * A page that registers every element at once, before any interaction: 47.16 kB measured with seven elements, 51.36 kB
 * with the eighth, <motcua-ticket-status> (its own 4.2 kB; a new element raises this line by what it adds, no more);
 * 51.22 kB with chunks named by their hash alone and the counter console's sign-in and pairing screen loaded lazily
 * (the staff screens are not in it); 51.6 kB with the dossier status's and the ticket status's Web Push offers (the
 * attributes, the imports of their lazily loaded part and the ticket page's button styles); 51.83 kB with the kiosk's
 * pairing (`pair`: what loads its pairing screen and shows it instead of the services); with the private
 * board's (`pair`: what loads its part and shows the pairing screen instead of the board): 52.03 kB; 52 kB with
 * terser's `pure_getters` (rollup.config.mjs); with the procedure list's one-letter pages found while the page is idle
 * (issue 26, +80 B): 52.08 kB; with core's search reusing its scratch arrays between keystrokes (issue 26, +41 B):
 * 52.13 kB; with the ticket status page's number form and the board's `follow-url` (issue 23: what loads their
 * lazily loaded parts, +0.3 kB): 52.43 kB; with the board's stream closed while the page is hidden, so that pages
 * in the back/forward cache no longer hold the browser's connections to the server (+74 B): 52.5 kB; with the ticket
 * page following a number kept in its address after a reload (issue 23, +23 B): 52.52 kB; with one request layer
 * (issue 19: every element's requests through the API client, its retries loaded with the first that needs them) and
 * the class files split into modules: 52.38 kB; with the shared base's one-expression language reading and the
 * console's parts reading the console itself (issue 19): 52.15 kB.
 */
const allElementsBudget = '52.17 kB';
/**
 * Everything in dist/cdn together, lazily loaded chunks included (no page ever downloads all of it). Issue 2 set 50 kB
 * as the starting ceiling for the first elements; with seven elements, catalogue validation (zod), QR codes, three
 * print views, the voice, the IndexedDB outbox and the deadline engine it measures 120.15 kB (one copy of the
 * decorator helper, no re-exporting entry files, six-character chunk hashes); 124.36 kB with the eighth element,
 * <motcua-ticket-status> (4.2 kB); 124.23 kB with chunks named by their hash alone (−0.76 kB), the counter console's
 * glue for its sign-in and pairing screen, and counter ratings with a credential — the staff build and the console's
 * staff parts apart, each on its own line; then the procedure list's typo pass (+0.9 kB),
 * the kiosk's portrait layout and the counter console's desk (+2.3 kB), paid for by files without
 * `//# sourceMappingURL=` comments (−1.5 kB; the maps stay beside them) and our own QR encoder instead of uqr (−1.9 kB).
 * Together, with the staff screens' glue and the desk's shortcuts line moved into the desk: 124.38 kB; with
 * `nomodule.js` minified and finding motcua elements by their prefix instead of a list of tags (−0.1 kB), and the
 * procedure list saying the office's no-appointment day (+0.13 kB): 124.36 kB; with Web Push for citizens (issue 23:
 * the dossier status's and the ticket status's offer, one lazily loaded part of 1.84 kB, and the service worker that
 * shows the notices, `motcua-push-worker.js`, 0.42 kB, its own line below): 127.1 kB; with the kiosk's pairing (its
 * glue; the pairing screen is the counter tablet's staff part): 127.32 kB; with the private board's pairing (its glue;
 * its part is a staff part): 127.53 kB. The next saving pays these back: the dossier status's time format shared
 * with the officer's desk (+7 B), then terser's three passes with ES2015 arrows and methods for the public build
 * (rollup.config.mjs, −56 B): 127.49 kB. One `isJsonObject` (core/text) for core's readers, the kiosk's and the
 * elements' checks, and core's kiosk readers (issue 19): +38 B of imports between chunks for nine copies gone, paid by
 * terser's `pure_getters` (rollup.config.mjs, −58 B): 127.48 kB. The procedure list's one-letter pages found while
 * the page is idle, so that the first keystroke at 5,000 procedures fits a frame on a slow phone (issue 26, +80 B):
 * 127.56 kB; the office's no-appointment day in a procedure's detail view too, not only in the list (issue 21,
 * +22 B): 127.58 kB; the Web Push offer saying notices are on after a reload instead of offering them again (issue 23,
 * +0.18 kB): 127.76 kB; core's search reusing its scratch arrays between keystrokes, so that the browser no longer
 * collects ~100 kB of them every few keystrokes (issue 26, +40 B): 127.8 kB; following a ticket by its number
 * from the board's QR code (issue 23: the ticket status page's number form and core's reader, the board's corner,
 * one helper for a lazily loaded part's styles and strings, +2.44 kB): 130.24 kB; the board's stream closed while the
 * page is hidden (+72 B): 130.31 kB; a citizen's notices kept when the browser renews its push subscription (issue 23:
 * the service worker's `pushsubscriptionchange` handler, +0.29 kB, and the offer registering it with the API base,
 * +0.13 kB): 130.73 kB (130.7 kB after issue 19's anatomy); the ticket page following a number kept in its address after
 * a reload (issue 23, +0.13 kB): 130.83 kB; one request layer (issue 19: the public elements' four request copies
 * replaced by the API client and its retries, shared): 130.83 kB; what the public elements no longer download to pay
 * for it (issue 19: words of problems they never show, copies of core's checks, the kiosk's civil-date module):
 * 129.05 kB.
 */
const wholeCdnBudget = '129.07 kB';
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
/**
 * The staff screens (the sign-in, the leader's dashboard, the office administration, the device pairing): a CDN build
 * of their own (rollup.config.mjs), served by the server to signed-in staff, never by a public page, so outside the
 * aggregate lines; each has its lines above.
 */
const staffManifest = JSON.parse(readFileSync(`${cdn}/staff-manifest.json`, 'utf8'));
Object.assign(manifest, staffManifest);
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
/** The files of an entry's staff parts (by name: the console's `session`, `pairing`), which their own lines count. */
const staffPartFiles = (entry, part) => (manifest[entry]?.parts?.[part] ?? []).map((file) => `${cdn}/${file}`);
const staffPartsOf = (entry, budget) =>
  Object.keys(budget.staffParts ?? {}).flatMap((part) => staffPartFiles(entry, part));
/** An entry's lazily loaded files, without those its staff parts' lines count. */
const lazyOf = (entry, budget) => lazy(entry).filter((file) => !staffPartsOf(entry, budget).includes(file));
/**
 * The files only staff load, left out of the whole-CDN line: the staff build, and the parts of public elements that
 * only staff or a staff device loads (the console's sign-in, a counter tablet's pairing), unless a public page can
 * load them otherwise.
 */
const relative = (file) => file.slice(cdn.length + 1);
const staffPartSet = new Set(
  Object.entries(elementBudgets).flatMap(([entry, budget]) => staffPartsOf(entry, budget).map(relative)),
);
const publicFiles = new Set(
  Object.keys(manifest)
    .filter((entry) => !(entry in staffManifest))
    .flatMap((entry) => [...manifest[entry].initial, ...manifest[entry].lazy.filter((f) => !staffPartSet.has(f))]),
);
const staffOnly = [
  ...new Set([...Object.values(staffManifest).flatMap((entry) => [...entry.initial, ...entry.lazy]), ...staffPartSet]),
].filter((file) => !publicFiles.has(file));

export default [
  ...Object.entries(elementBudgets).flatMap(([entry, budget]) => [
    { name: `${entry} before interaction`, path: initial(entry), limit: budget.initial, gzip: true },
    ...(lazyOf(entry, budget).length > 0
      ? [{ name: `${entry} lazily loaded parts`, path: lazyOf(entry, budget), limit: budget.lazy, gzip: true }]
      : []),
    ...Object.entries(budget.staffParts ?? {}).map(([part, limit]) => ({
      name: `${entry} ${part} part (staff only)`,
      path: staffPartFiles(entry, part),
      limit,
      gzip: true,
    })),
  ]),
  {
    name: 'motcua.js (every element) before interaction',
    path: initial('motcua.js'),
    limit: allElementsBudget,
    gzip: true,
  },
  {
    // The service worker a page registers for a dossier's Web Push notices (no element loads it; 0.45 kB measured).
    // Its `pushsubscriptionchange` handler, which sends a renewed subscription to the API base the page registered it
    // with, so that the citizen is still told (issue 23, +0.29 kB): 0.71 kB.
    name: 'motcua-push-worker.js',
    path: `${cdn}/motcua-push-worker.js`,
    limit: '0.79 kB',
    gzip: true,
  },
  {
    name: 'dist/cdn in all (staff screens apart)',
    path: [`${cdn}/**/*.js`, ...staffOnly.map((file) => `!${cdn}/${file}`)],
    limit: wholeCdnBudget,
    gzip: true,
  },
  ...coreChecks,
];
