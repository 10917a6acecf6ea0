// How <motcua-procedure-list> gets its catalogue: downloaded from `src` (or given as `catalogue`) and checked by the
// validation chunk, which downloads meanwhile; a large catalogue's first page shows while the rest is checked, and a
// malformed one shows its problems. Functions of the element, called with it as `this`, as the list's renders are.
import type { Catalogue } from '@motcua/core/catalogue';
import { anchorsOf, fieldsOf } from './catalogue-index.js';
import { scheduleIndex } from './search.js';
import { followHash } from './show-detail.js';
import type { ListInternals } from './types.js';

/** How many procedures are validated at a time after the first page, with a pause between parts. */
const PART_SIZE = 200;

/** Downloads the catalogue from `src` while the validation chunk downloads too, then checks it. */
export function load(this: ListInternals): Promise<void> {
  const token = ++this.loadToken;
  this.abort?.abort();
  const abort = new AbortController();
  this.abort = abort;
  this.status = 'loading';
  const validator = import('./validate.js');
  validator.catch(() => undefined); // a failure shows once the download is done, or not at all if that fails
  const run = (async () => {
    let json: unknown;
    try {
      // The API client loads beside the validation, and reads the catalogue (the API's or any JSON file).
      const { api } = await import('../internal/api-client.js');
      json = await api(this.src, { signal: abort.signal });
    } catch (error) {
      if (token === this.loadToken) fail.call(this, error);
      return;
    }
    if (token !== this.loadToken) return;
    await validate.call(this, json, token, validator);
  })();
  this.track(run);
  return run;
}

/** Checks a catalogue given as the `catalogue` property. */
export function accept(this: ListInternals, catalogue: Catalogue): Promise<void> {
  const token = ++this.loadToken;
  this.abort?.abort();
  this.status = 'loading';
  const run = validate.call(this, catalogue, token, import('./validate.js'));
  this.track(run);
  return run;
}

/** The catalogue, or the code that checks it, could not be downloaded: the error with its retry button. */
function fail(this: ListInternals, error: unknown): void {
  const { status } = error as { status?: number };
  this.failure = status ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
  this.status = 'failed';
  console.error(`motcua-procedure-list: ${this.src}: ${this.failure}`);
}

async function validate(
  this: ListInternals,
  input: unknown,
  token: number,
  validator: Promise<typeof import('./validate.js')>,
) {
  const module = await validator.catch((error: unknown) => {
    if (token === this.loadToken) fail.call(this, error);
  });
  if (!module || token !== this.loadToken) return;
  const { checkCatalogue } = module;
  this.validated = module;
  const result = await checkCatalogue(input, {
    firstPart: Math.max(1, this.pageSize),
    partSize: PART_SIZE,
    onFirstPart: (part) => {
      if (token === this.loadToken) showFirstPart.call(this, part);
    },
    wanted: () => token === this.loadToken,
  });
  if (!result || token !== this.loadToken) return;
  if (!result.ok) {
    this.complete = false;
    this.problems = result.problems;
    this.status = 'invalid';
    console.error(
      `motcua-procedure-list: ${result.problems.length} problems in the catalogue${this.src ? ` ${this.src}` : ''}:\n${result.problems
        .map((p) => `${p.path}: ${p.message.vi} / ${p.message.en}`)
        .join('\n')}`,
    );
    return;
  }
  setData.call(this, result.catalogue);
}

/** Shows the first page of a large catalogue while the rest is still being checked. */
function showFirstPart(this: ListInternals, part: Catalogue): void {
  this.complete = false;
  this.index = undefined;
  this.pages.clear();
  this.fields = [];
  this.byAnchor = new Map();
  this.announced = undefined;
  this.data = part;
  this.shown = this.pageSize;
  this.status = 'ready';
}

/** The whole checked catalogue: its fields and deep links, the procedure the URL hash names, the search index later. */
function setData(this: ListInternals, catalogue: Catalogue): void {
  this.index = undefined;
  this.pages.clear();
  this.byAnchor = anchorsOf(catalogue);
  this.fields = fieldsOf(catalogue);
  if (this.field && !this.fields.includes(this.field)) this.field = '';
  this.complete = true;
  this.data = catalogue;
  this.status = 'ready';
  followHash.call(this, false);
  scheduleIndex.call(this, catalogue);
}
