// The search of <motcua-procedure-list>: core's ranked search over the catalogue with the filters shown, one page at a
// time, the pages found kept per index, the index built and the one-letter queries found while the page is idle, and
// the count the live region says once typing pauses. Functions of the element, called with it as `this`, as the
// list's renders are.
import {
  buildSearchIndex,
  type Catalogue,
  type SearchIndex,
  type SearchOptions,
  type SearchPage,
  searchProcedurePage,
} from '@motcua/core/catalogue';
import type { ListInternals } from './types.js';

/** How long the live region waits for typing to pause before it announces the count. */
const ANNOUNCE_DELAY = 400;

/** Builds the search index when the page is idle, so that the first keystroke finds it ready. */
export function scheduleIndex(this: ListInternals, catalogue: Catalogue): void {
  const idle = (work: () => void, timeout?: number) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout }) : setTimeout(work, 200);
  const current = () => this.isConnected && this.data === catalogue && this.complete;
  // Then, one per idle moment, the first page of each one-letter query: a first keystroke matches thousands of
  // procedures, which took longer than a frame to rank on a slow phone (and the browser compiles the search on
  // these first runs).
  const letters = [...'abcdefghijklmnopqrstuvwxyz'];
  const warm = () => {
    const letter = letters.shift();
    if (this.index === undefined || !current() || !letter) return;
    findPage.call(this, letter, this.pageSize);
    idle(warm);
  };
  idle(() => {
    if (!current()) return;
    this.index ??= buildSearchIndex(catalogue);
    idle(warm);
  }, 2000);
}

/** Core's search options for the filters shown, with the typo pass once the validation has brought it. */
export function searchOptions(this: ListInternals): SearchOptions {
  const abbreviations = this.abbreviations;
  return {
    ...(this.validated && { tolerance: this.validated.typoTolerance(abbreviations && { abbreviations }) }),
    ...(this.field ? { field: this.field } : {}),
    ...(this.level ? { level: this.level } : {}),
    ...(this.online ? { onlineLevel: this.online } : {}),
    ...(this.immediateOnly ? { flags: { immediate: true } } : {}),
  };
}

/**
 * Finds the procedures of the pages shown: core ranks only the first `shown` hits (a keystroke that matches
 * thousands puts twenty in order), and counts the rest.
 */
export function search(this: ListInternals, announce = true): void {
  const data = this.data;
  if (!data) return;
  if (!this.complete) {
    this.hits = data.procedures;
    this.total = data.procedures.length;
    return;
  }
  if (this.filtered) {
    this.index ??= buildSearchIndex(data);
    const page = findPage.call(this, this.query, this.shown);
    this.hits = page.hits.map((hit) => hit.procedure);
    this.total = page.total;
  } else {
    this.hits = data.procedures; // every procedure in catalogue order, as an empty search lists them
    this.total = data.procedures.length;
  }
  if (announce) scheduleAnnouncement.call(this);
}

/** The page of `query` with the filters shown, found once per index (see the element's `pages`). */
function findPage(this: ListInternals, query: string, limit: number): SearchPage {
  const key = [query, this.field, this.level, this.online, this.immediateOnly, limit].join('\n');
  let page = this.pages.get(key);
  if (!page) {
    if (this.pages.size > 500) this.pages.clear();
    page = searchProcedurePage(this.index as SearchIndex, query, { ...searchOptions.call(this), limit });
    this.pages.set(key, page);
  }
  return page;
}

/** The count for the live region: at once the first time, then once typing pauses. */
function scheduleAnnouncement(this: ListInternals): void {
  clearTimeout(this.announceTimer);
  const next = { count: this.total, filtered: this.filtered };
  if (this.announced === undefined) {
    this.announced = next;
    return;
  }
  this.announceTimer = setTimeout(() => {
    this.announced = next;
  }, ANNOUNCE_DELAY);
}
