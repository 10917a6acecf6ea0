import {
  buildSearchIndex,
  type Catalogue,
  type OnlineLevel,
  type Procedure,
  type ProcedureLevel,
  type SearchIndex,
  type SearchOptions,
  type SearchPage,
  searchProcedurePage,
  searchProcedures,
} from '@motcua/core/catalogue';
import type { TimeLimit } from '@motcua/core/deadline';
import { adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { MotcuaElement } from '../internal/base.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import type { StringTable } from '../internal/i18n.js';
import { blockStyles } from '../internal/styles.js';
import { anchorsOf, fieldsOf, levelsOf } from './catalogue-index.js';
import { anchorOf, fullCode, timeOf } from './format.js';
import type { ProcedureSelectDetail } from './procedure-list.events.js';
import {
  LEVEL_KEYS,
  ONLINE_KEYS,
  type ProcedureListDetailKey,
  type ProcedureListKey,
  procedureListStrings,
} from './procedure-list.strings.js';
import { procedureListStyles } from './procedure-list.styles.js';

export type { ProcedureSelectDetail } from './procedure-list.events.js';

import type { CatalogueProblem } from './validate.js';

/** What the element shows. */
type Status = 'empty' | 'loading' | 'ready' | 'failed' | 'invalid';

/** How long the live region waits for typing to pause before it announces the count. */
const ANNOUNCE_DELAY = 400;
/** How many procedures are validated at a time after the first page, with a pause between parts. */
const PART_SIZE = 200;
/** How many problems of a malformed catalogue are shown on the page (all go to the console). */
const PROBLEMS_SHOWN = 5;

/**
 * The commune's procedure catalogue (danh mục thủ tục hành chính) for its web site or kiosk: a search box
 * insensitive to Vietnamese diacritics with the result count announced to screen readers, filters by field,
 * level, online service and "giải quyết ngay", a detail view (documents, time limits and fees per channel,
 * steps, legal basis, the online filing link and a QR code), deep links in the URL hash that the back
 * button follows, and a printable noticeboard listing with a QR code per procedure.
 *
 * The catalogue comes from `src` (resolved against the configured `apiBase`) or the `catalogue` property
 * and is validated with `parseCatalogue` from `@motcua/core/catalogue`; a malformed one shows an error
 * (its problems with their paths go to the console) and the fallback content. Put the static HTML from
 * `catalogueToHtml` inside the element: it is what visitors without JavaScript read, and it stays
 * visible when the catalogue cannot be loaded. Lists are paginated (`page-size`), so 5,000 procedures
 * stay smooth.
 *
 * The search forgives typos and common abbreviations ("khai snh", "giay phep xd"): core's `typoTolerance()`, which
 * comes with the validation; such hits rank below every exact one. The `abbreviations` property replaces the table.
 *
 * Escape in the detail view returns to the list. Large catalogues are checked in parts: the first page shows
 * as soon as it is checked, search and filters once the whole catalogue is.
 *
 * Validation, the detail view, QR codes, the print view and JSON-LD load lazily. Printing uses a hidden `<iframe>`,
 * so only the listing prints, never the host page, and no pop-up window is opened.
 *
 * Flaky mobile data does not leave it stuck: when the catalogue or the detail view's code cannot be downloaded, an
 * error with a "try again" button shows (the back button stays), and the element tries again by itself when the
 * browser is back online. A detail view whose QR code could not be downloaded shows without it and gets it at the
 * next opening or when back online; a print view that could not be downloaded says so next to the print button.
 * (Browsers that keep a failed module download for the page's life, as the HTML standard said before 2025, need a
 * reload of the page to get the detail view's code after such a failure.)
 *
 * @summary The searchable catalogue of administrative procedures, with details, QR codes and a print view.
 * @fires motcua-select - A procedure was opened (`detail`: {@link ProcedureSelectDetail}). When it comes
 *   from a click, `preventDefault()` keeps the list and lets the page handle the choice.
 * @csspart search - The search field.
 * @csspart filters - The filters' fieldset.
 * @csspart count - The result count (a polite live region).
 * @csspart list - The list of procedures.
 * @csspart item - One procedure's link in the list.
 * @csspart more - The "show more" button.
 * @csspart print - The print button.
 * @csspart detail - The detail view.
 * @csspart back - The "back to the list" button.
 * @csspart file-online - The link to file the procedure online.
 * @csspart qr - The QR code in the detail view.
 * @csspart error - The error message.
 * @csspart retry - The "try again" button of an error (the catalogue or the detail view could not be downloaded).
 * @cssproperty --motcua-procedure-list-accent - Links, buttons and names (default: `--motcua-color-primary`).
 * @cssproperty --motcua-procedure-list-qr-size - Size of the QR code in the detail view (default: 144px).
 *
 * @example
 * ```html
 * <motcua-procedure-list src="/api/catalogue" json-ld>
 *   <!-- the output of catalogueToHtml(catalogue), for visitors without JavaScript -->
 * </motcua-procedure-list>
 * ```
 *
 * @example
 * The fallback is written into the page where the page is made, never by the element (it is what shows when no
 * script runs). A static site runs once per catalogue change, and pastes `fallback.html` inside the element:
 * ```sh
 * node --input-type=module -e "
 *   import { readFileSync } from 'node:fs';
 *   import { assertCatalogue, catalogueToHtml } from '@motcua/core/catalogue';
 *   const catalogue = assertCatalogue(JSON.parse(readFileSync('catalogue.json', 'utf8')));
 *   process.stdout.write(catalogueToHtml(catalogue, { headingLevel: 2 }));" > fallback.html
 * ```
 * A page made on a server puts it in as it answers:
 * ```ts
 * const page = `<motcua-procedure-list src="/api/catalogue">${catalogueToHtml(catalogue)}</motcua-procedure-list>`;
 * ```
 * Every string from the data is escaped by `catalogueToHtml`. While the list shows, the fallback is not rendered;
 * when the catalogue cannot be loaded or is malformed, it is shown under the error.
 */
export class MotcuaProcedureList extends MotcuaElement<ProcedureListKey> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, procedureListStyles];

  /** Address of the catalogue JSON, resolved against the configured `apiBase`. */
  @property() src = '';

  /** The catalogue itself, instead of `src`; it is validated like a downloaded one. */
  @property({ attribute: false }) catalogue: Catalogue | undefined;

  /** How many procedures the list shows at first and adds with "show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Level of the detail view's heading (its sections go one deeper). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Keep the URL hash alone: no deep links, and the back button does not close the detail view. */
  @property({ type: Boolean, attribute: 'no-deep-links' }) noDeepLinks = false;

  /** Put the catalogue's schema.org JSON-LD (`GovernmentService`) into the host page's `<head>`. */
  @property({ type: Boolean, attribute: 'json-ld' }) jsonLd = false;

  /** The page QR codes and printed links point to (plus the procedure's `#tthc-…` hash); default: this page. */
  @property({ attribute: 'link-base' }) linkBase = '';

  /**
   * The abbreviations the search expands (`{ xd: 'xây dựng' }`), instead of core's `defaultAbbreviations`; spread
   * those into the object to extend them.
   */
  @property({ attribute: false }) abbreviations: Readonly<Record<string, string>> | undefined;

  /**
   * Prints the print view's frame; by default `view.print()`. A kiosk can replace it (for instance to
   * print silently), as tests do.
   */
  @property({ attribute: false }) printer: (view: Window) => void = (view) => view.print();

  @state() private status: Status = 'empty';
  @state() private problems: readonly CatalogueProblem[] = [];
  @state() private failure = '';
  @state() private data: Catalogue | undefined;
  @state() private query = '';
  @state() private field = '';
  @state() private level: ProcedureLevel | '' = '';
  @state() private online: OnlineLevel | '' = '';
  @state() private immediateOnly = false;
  @state() private shown = 20;
  @state() private selected: Procedure | undefined;
  /** The count the live region says, once typing pauses. */
  @state() private announced: { readonly count: number; readonly filtered: boolean } | undefined;
  @state() private qr: typeof import('../internal/qr.js') | undefined;
  /** The detail view's code and styles, fetched when a procedure is first opened. */
  @state() private detail: typeof import('./detail.js') | undefined;
  /** The detail view's code could not be downloaded: the view shows an error with a retry button. */
  @state() private detailFailed = false;
  /** The print view's code could not be downloaded: the toolbar says so. */
  @state() private printFailed = false;

  /** The list's strings; the detail and print views' strings join them when their code is loaded. */
  protected defaultStrings = procedureListStrings as StringTable<ProcedureListKey>;

  private index: SearchIndex | undefined;
  /**
   * The pages found with this index, by query, filters and length: the one-letter queries are found while the page is
   * idle (a first keystroke matches thousands of procedures), and going back to an earlier query costs nothing.
   */
  private pages = new Map<string, SearchPage>();
  /** Whether `data` is the whole validated catalogue, not only its first page. */
  private complete = false;
  /**
   * The validation chunk once it has arrived: core's `formatTimeLimit` (time limits in words, for the list and the
   * print view), and the loader of the JSON-LD, which runs only on a validated catalogue.
   */
  private validated: typeof import('./validate.js') | undefined;
  private fields: readonly string[] = [];
  private byAnchor = new Map<string, Procedure>();
  /** The procedures of the pages shown (the first `shown` of the results, best first), or every one unfiltered. */
  private hits: readonly Procedure[] = [];
  /** How many procedures the search and filters found in all. */
  private total = 0;
  private loadToken = 0;
  private abort: AbortController | undefined;
  private pending: Promise<unknown> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the open detail view added the history entry the back button removes. */
  private pushedHistory = false;
  private focusAfterRender: 'detail' | 'list' | 'more' | undefined;
  private firstNew = 0;
  private printFrame: HTMLIFrameElement | undefined;
  private jsonLdScript: HTMLScriptElement | undefined;
  /** The procedure last shown in detail, to focus again in the list. */
  private lastSelected: Procedure | undefined;
  private detailLoad: Promise<void> | undefined;
  /** The QR encoder's download; it stays set after a failure, until the next opening or going back online. */
  private qrLoad: Promise<void> | undefined;
  /** The procedure a click just chose (and announced); the `hashchange` that follows opens it quietly. */
  private clicked: Procedure | undefined;

  override render() {
    switch (this.status) {
      case 'empty':
        return html`<slot></slot>`;
      case 'loading':
        return html`<p role="status">${this.t('loading')}</p>`;
      case 'failed':
        return html`${this.renderFailure(this.t('loadFailed', { reason: this.failure }))}<slot></slot>`;
      case 'invalid':
        return this.renderProblems();
      default:
        return this.selected ? this.renderDetailView(this.selected) : this.renderList();
    }
  }

  private renderProblems() {
    return html`<div part="error" role="alert">
        <p>${this.t('invalid')}</p>
        <p>${this.t('invalidDetail', { count: this.problems.length })}</p>
        <ul>
          ${this.problems
            .slice(0, PROBLEMS_SHOWN)
            .map((p) => html`<li><code>${p.path}</code>: ${p.message[this.language]}</li>`)}
        </ul>
      </div>
      <slot></slot>`;
  }

  private renderList() {
    const data = this.data as Catalogue;
    const total = this.total;
    const visible = this.hits.slice(0, this.shown);
    const rest = Math.min(this.pageSize, total - visible.length);
    const levels = levelsOf(data);
    return html`
      <div class="search">
        <label for="q">${this.t('searchLabel')}</label>
        <p class="hint" id="q-hint">${this.t('searchHint')}</p>
        <input
          id="q"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="q-hint"
          .value=${this.query}
          @input=${this.onSearch}
        />
      </div>
      <fieldset part="filters">
        <legend>${this.t('filtersLabel')}</legend>
        <div class="filter">
          <label for="field">${this.t('field')}</label>
          <select id="field" @change=${this.onField}>
            <option value="" ?selected=${this.field === ''}>${this.t('allFields')}</option>
            ${this.fields.map((f) => html`<option lang="vi" .value=${f} ?selected=${this.field === f}>${f}</option>`)}
          </select>
        </div>
        ${
          levels.length > 1
            ? html`<div class="filter">
          <label for="level">${this.t('level')}</label>
          <select id="level" @change=${this.onLevel}>
            <option value="" ?selected=${this.level === ''}>${this.t('allLevels')}</option>
            ${levels.map(
              (l) => html`<option value=${l} ?selected=${this.level === l}>${this.t(LEVEL_KEYS[l])}</option>`,
            )}
          </select>
        </div>`
            : nothing
        }
        <div class="filter">
          <label for="online">${this.t('online')}</label>
          <select id="online" @change=${this.onOnline}>
            <option value="" ?selected=${this.online === ''}>${this.t('allOnline')}</option>
            ${(['full', 'partial', 'none'] as const).map(
              (o) => html`<option value=${o} ?selected=${this.online === o}>${this.t(ONLINE_KEYS[o])}</option>`,
            )}
          </select>
        </div>
        <label class="check">
          <input type="checkbox" .checked=${this.immediateOnly} @change=${this.onImmediate} />
          ${this.t('immediateOnly')}
        </label>
      </fieldset>
      <div class="toolbar">
        <p part="count" role="status" aria-live="polite" aria-atomic="true">${
          this.announced
            ? this.t(this.announced.filtered ? 'countFound' : 'countAll', { count: this.announced.count })
            : nothing
        }</p>
        ${this.printFailed ? html`<p role="alert">${this.t('printFailed')}</p>` : nothing}
        <button part="print" type="button" @click=${this.onPrint} ?disabled=${total === 0 || !this.complete}>${this.t('print')}</button>
      </div>
      ${
        total === 0
          ? html`<p>${this.t('none')}</p>`
          : html`<ul part="list" class="results" aria-label=${this.t('resultsLabel')}>
              ${visible.map((p) => this.renderItem(p))}
            </ul>`
      }
      ${
        rest > 0
          ? html`<p class="more">
              <span>${this.t('shown', { shown: visible.length, count: total })}</span>
              <button part="more" type="button" @click=${this.showMore}>${this.t('showMore', { count: rest })}</button>
            </p>`
          : nothing
      }
    `;
  }

  private renderItem(procedure: Procedure) {
    const time = timeOf(procedure);
    const noAppointment = this.noAppointment(procedure);
    return html`<li>
      <a part="item" href=${`#${anchorOf(procedure)}`} data-anchor=${anchorOf(procedure)} @click=${this.onItemClick}>
        <span class="name" lang="vi">${procedure.name}</span>
        <span class="meta">
          ${fullCode(procedure)} · <span lang="vi">${procedure.field}</span>${
            time === undefined ? nothing : ` · ${this.timeText(time)}`
          }${
            procedure.flags?.immediate && time?.unit !== 'immediate'
              ? html`<span class="badge">${this.t('flagImmediate')}</span>`
              : nothing
          }${noAppointment ? html`<span class="badge">${noAppointment}</span>` : nothing}${
            procedure.onlineService && procedure.onlineService.level !== 'none'
              ? html`<span class="badge">${this.t(ONLINE_KEYS[procedure.onlineService.level])}</span>`
              : nothing
          }
        </span>
      </a>
    </li>`;
  }

  /** The office's no-appointment day in words, when the server serves it with its note and it covers `procedure`. */
  private noAppointment(procedure: Procedure): string | undefined {
    const rule = this.data?.noAppointment;
    return rule?.procedures.includes(procedure.code) ? rule.note?.[this.language] : undefined;
  }

  private timeText(limit: TimeLimit): string {
    return this.validated?.formatTimeLimit(limit, this.language) ?? '';
  }

  /** An error with a retry button: something could not be downloaded. */
  private renderFailure(message: string) {
    return html`<div part="error" role="alert">
      <p>${message}</p>
      <button part="retry" type="button" @click=${this.retry}>${this.t('retry')}</button>
    </div>`;
  }

  /** The detail view, drawn by its own chunk (fetched when a procedure is first opened). */
  private renderDetailView(p: Procedure) {
    if (!this.detail) {
      return this.detailFailed
        ? html`<div @keydown=${this.onDetailKey}>
            <button part="back" type="button" @click=${this.onBack}>← ${this.t('back')}</button>
            ${this.renderFailure(this.t('partFailed'))}
          </div>`
        : html`<p role="status">${this.t('loading')}</p>`;
    }
    return this.detail.renderDetail({
      procedure: p,
      headingLevel: this.headingLevel,
      language: this.language,
      t: (key, params) => this.t(key, params),
      timeText: (limit) => this.timeText(limit),
      noAppointment: this.noAppointment(p),
      qr: this.qr?.qrTemplate(this.linkOf(p), this.t('qrLabel', { name: p.name })),
      // Listeners of the view's template: Lit calls them with the element as `this`.
      onBack: this.onBack,
      onKey: this.onDetailKey,
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('pageSize') && changed.get('pageSize') !== undefined) this.shown = this.pageSize;
    if (changed.has('src') && this.src) void this.load();
    else if (changed.has('catalogue') && this.catalogue !== undefined) void this.accept(this.catalogue);
    if (changed.has('abbreviations')) this.pages.clear();
    if (['data', 'query', 'field', 'level', 'online', 'immediateOnly', 'abbreviations'].some((key) => changed.has(key)))
      this.search();
    else if (changed.has('shown')) this.search(false); // more of the same results: no new announcement
    if (this.selected && !this.qr) this.loadQr();
    if (this.selected && !this.detail && !this.detailFailed) this.loadDetail();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('jsonLd') || changed.has('data')) this.track(this.updateJsonLd());
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    if (focus === 'detail') {
      const heading = this.renderRoot.querySelector<HTMLElement>('#detail-heading');
      if (heading) heading.focus();
      else {
        this.focusAfterRender = 'detail'; // the detail view's code is still on its way
        // or could not be downloaded: to its retry button, unless the user has moved on
        if (!this.shadowRoot?.activeElement) this.renderRoot.querySelector<HTMLElement>('[part="retry"]')?.focus();
      }
    } else if (focus === 'more') {
      this.renderRoot.querySelectorAll<HTMLElement>('[part="item"]')[this.firstNew]?.focus();
    } else if (focus === 'list') {
      const anchor = this.lastSelected === undefined ? undefined : anchorOf(this.lastSelected);
      const link = anchor ? this.renderRoot.querySelector<HTMLElement>(`[data-anchor="${anchor}"]`) : null;
      (link ?? this.renderRoot.querySelector<HTMLElement>('#q'))?.focus();
    }
  }

  /** Resolves once the catalogue is loaded and everything shown is rendered, lazily loaded parts included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.pending) {
      const pending = this.pending;
      await pending.catch(() => undefined);
      if (this.pending === pending) this.pending = undefined;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('hashchange', this.onHashChange);
    globalThis.addEventListener('online', this.retry);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('hashchange', this.onHashChange);
    globalThis.removeEventListener('online', this.retry);
    clearTimeout(this.announceTimer);
    this.abort?.abort();
    this.printFrame?.remove();
    this.printFrame = undefined;
    this.jsonLdScript?.remove();
    this.jsonLdScript = undefined;
  }

  /** The procedures shown now (search and filters applied), best first: every one, not only the pages shown. */
  get results(): readonly Procedure[] {
    const data = this.data;
    if (!data || !this.complete || !this.filtered) return this.hits;
    this.index ??= buildSearchIndex(data);
    return searchProcedures(this.index, this.query, this.searchOptions()).map((hit) => hit.procedure);
  }

  /**
   * The address of a procedure: `link-base` (default: this page without its query, so that no `?pin=` or rating
   * token of the page ends up in a printed QR code) with the procedure's `#tthc-…` hash.
   */
  linkOf(procedure: Procedure): string {
    const base = new URL(this.linkBase || globalThis.location.href, document.baseURI);
    if (!this.linkBase) base.search = '';
    base.hash = anchorOf(procedure);
    return base.href;
  }

  /**
   * Prints the one-stop noticeboard listing of the procedures shown now, with a QR code per procedure,
   * from a hidden frame: only the listing prints, not the host page. Rejects when the print view's code cannot be
   * downloaded (the print button then says so).
   */
  async print(): Promise<void> {
    const data = this.data;
    if (!data) return;
    const { printListing, detailStrings } = await import('./print-view.js');
    this.addStrings(detailStrings);
    this.printFrame?.remove();
    this.printFrame = printListing(
      {
        catalogue: data,
        procedures: this.results,
        language: this.language,
        t: (key, params) => this.t(key, params),
        linkOf: (p) => this.linkOf(p),
        timeText: (limit) => this.timeText(limit),
      },
      this.printer,
    );
  }

  /** Adds the detail and print views' strings, which come with their code. */
  private addStrings(more: StringTable<ProcedureListDetailKey>): void {
    this.defaultStrings = {
      vi: { ...procedureListStrings.vi, ...more.vi },
      en: { ...procedureListStrings.en, ...more.en },
    };
  }

  private track(promise: Promise<unknown>): void {
    this.pending = this.pending ? Promise.all([this.pending, promise]) : promise;
  }

  private load(): Promise<void> {
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
        if (token === this.loadToken) this.fail(error);
        return;
      }
      if (token !== this.loadToken) return;
      await this.validate(json, token, validator);
    })();
    this.track(run);
    return run;
  }

  private accept(catalogue: Catalogue): Promise<void> {
    const token = ++this.loadToken;
    this.abort?.abort();
    this.status = 'loading';
    const run = this.validate(catalogue, token, import('./validate.js'));
    this.track(run);
    return run;
  }

  /** The catalogue, or the code that checks it, could not be downloaded: the error with its retry button. */
  private fail(error: unknown): void {
    const { status } = error as { status?: number };
    this.failure = status ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
    this.status = 'failed';
    console.error(`motcua-procedure-list: ${this.src}: ${this.failure}`);
  }

  private async validate(input: unknown, token: number, validator: Promise<typeof import('./validate.js')>) {
    const module = await validator.catch((error: unknown) => {
      if (token === this.loadToken) this.fail(error);
    });
    if (!module || token !== this.loadToken) return;
    const { checkCatalogue } = module;
    this.validated = module;
    const result = await checkCatalogue(input, {
      firstPart: Math.max(1, this.pageSize),
      partSize: PART_SIZE,
      onFirstPart: (part) => {
        if (token === this.loadToken) this.showFirstPart(part);
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
    this.setData(result.catalogue);
  }

  /** Shows the first page of a large catalogue while the rest is still being checked. */
  private showFirstPart(part: Catalogue): void {
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

  private setData(catalogue: Catalogue): void {
    this.index = undefined;
    this.pages.clear();
    this.byAnchor = anchorsOf(catalogue);
    this.fields = fieldsOf(catalogue);
    if (this.field && !this.fields.includes(this.field)) this.field = '';
    this.complete = true;
    this.data = catalogue;
    this.status = 'ready';
    this.followHash(false);
    this.scheduleIndex(catalogue);
  }

  /** Builds the search index when the page is idle, so that the first keystroke finds it ready. */
  private scheduleIndex(catalogue: Catalogue): void {
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
      this.page(letter, this.pageSize);
      idle(warm);
    };
    idle(() => {
      if (!current()) return;
      this.index ??= buildSearchIndex(catalogue);
      idle(warm);
    }, 2000);
  }

  /** Whether a query or a filter narrows the list. */
  private get filtered(): boolean {
    return Boolean(this.query.trim() || this.field || this.level || this.online || this.immediateOnly);
  }

  private searchOptions(): SearchOptions {
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
  private search(announce = true): void {
    const data = this.data;
    if (!data) return;
    if (!this.complete) {
      this.hits = data.procedures;
      this.total = data.procedures.length;
      return;
    }
    if (this.filtered) {
      this.index ??= buildSearchIndex(data);
      const page = this.page(this.query, this.shown);
      this.hits = page.hits.map((hit) => hit.procedure);
      this.total = page.total;
    } else {
      this.hits = data.procedures; // every procedure in catalogue order, as an empty search lists them
      this.total = data.procedures.length;
    }
    if (announce) this.scheduleAnnouncement();
  }

  /** The page of `query` with the filters shown, found once per index (see {@link pages}). */
  private page(query: string, limit: number): SearchPage {
    const key = [query, this.field, this.level, this.online, this.immediateOnly, limit].join('\n');
    let page = this.pages.get(key);
    if (!page) {
      if (this.pages.size > 500) this.pages.clear();
      page = searchProcedurePage(this.index as SearchIndex, query, { ...this.searchOptions(), limit });
      this.pages.set(key, page);
    }
    return page;
  }

  private scheduleAnnouncement(): void {
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

  private loadDetail(): void {
    this.detailLoad ??= import('./detail.js').then(
      (module) => {
        this.addStrings(module.detailStrings);
        this.detail = module;
        if (this.shadowRoot) adoptStyles(this.shadowRoot, [...MotcuaProcedureList.elementStyles, module.detailStyles]);
      },
      () => {
        // Offline: an error with a retry button; the next opening or going back online tries again.
        this.detailLoad = undefined;
        this.detailFailed = true;
      },
    );
    this.track(this.detailLoad);
  }

  private loadQr(): void {
    this.qrLoad ??= import('../internal/qr.js').then(
      (module) => {
        this.qr = module;
      },
      () => undefined, // the view is useful without it: no error
    );
    this.track(this.qrLoad);
  }

  private async updateJsonLd(): Promise<void> {
    if (!this.jsonLd || !this.data) {
      this.jsonLdScript?.remove();
      this.jsonLdScript = undefined;
      return;
    }
    const data = this.data;
    const { catalogueJsonLd } = await (this.validated as typeof import('./validate.js')).loadJsonLd();
    if (data !== this.data || !this.jsonLd || !this.isConnected) return;
    this.jsonLdScript ??= document.createElement('script');
    this.jsonLdScript.type = 'application/ld+json';
    this.jsonLdScript.dataset.motcua = 'procedure-list';
    this.jsonLdScript.textContent = catalogueJsonLd(data);
    if (!this.jsonLdScript.isConnected) document.head.append(this.jsonLdScript);
  }

  /** Opens the procedure named by the URL hash, or goes back to the list when the hash names none. */
  private followHash(fromNavigation: boolean): void {
    if (this.noDeepLinks || this.status !== 'ready') return;
    const procedure = this.byAnchor.get(decodeURIComponent(globalThis.location.hash.slice(1)));
    const clicked = this.clicked;
    this.clicked = undefined;
    if (procedure) {
      if (procedure !== this.selected) this.open(procedure, fromNavigation, procedure !== clicked);
    } else if (this.selected) {
      this.closeDetail();
    }
  }

  private open(procedure: Procedure, pushedHistory: boolean, announce: boolean): void {
    if (announce) this.emit('motcua-select', { procedure, code: fullCode(procedure) });
    this.pushedHistory = pushedHistory;
    this.selected = procedure;
    // What could not be downloaded for the last one is tried again.
    this.detailFailed = false;
    this.qrLoad = undefined;
    this.focusAfterRender = 'detail';
  }

  private closeDetail(): void {
    this.lastSelected = this.selected;
    this.selected = undefined;
    this.pushedHistory = false;
    this.focusAfterRender = 'list';
  }

  private onHashChange = (): void => {
    this.followHash(this.clicked !== undefined);
  };

  /** The retry button, and the browser back online: downloads again whatever could not be downloaded. */
  private retry = (): void => {
    if (this.status === 'failed') void (this.src ? this.load() : this.catalogue && this.accept(this.catalogue));
    this.detailFailed = false;
    this.qrLoad = undefined;
    this.requestUpdate(); // the open detail view's missing parts (its code, the QR code) load again
  };

  /** The print button: a print view that could not be downloaded is said next to it; a new click tries again. */
  private async onPrint(): Promise<void> {
    this.printFailed = false;
    try {
      await this.print();
    } catch {
      this.printFailed = true;
    }
  }

  private onItemClick(event: MouseEvent): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const procedure = this.byAnchor.get((event.currentTarget as HTMLElement).dataset.anchor ?? '');
    if (!procedure) return;
    if (!this.emit('motcua-select', { procedure, code: fullCode(procedure) })) {
      event.preventDefault(); // the page handles the choice
      return;
    }
    if (this.noDeepLinks) {
      event.preventDefault();
      this.open(procedure, false, false);
      return;
    }
    this.clicked = procedure; // the hashchange that follows opens it
  }

  /** Escape in the detail view goes back to the list, as the back button does. */
  private onDetailKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.onBack();
  }

  private onBack(): void {
    if (!this.noDeepLinks && this.pushedHistory) {
      globalThis.history.back(); // the hashchange closes the detail view
      return;
    }
    if (!this.noDeepLinks && globalThis.location.hash) {
      globalThis.history.replaceState(
        globalThis.history.state,
        '',
        globalThis.location.pathname + globalThis.location.search,
      );
    }
    this.closeDetail();
  }

  private onSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.shown = this.pageSize;
  }

  private onField(event: Event): void {
    this.field = (event.target as HTMLSelectElement).value;
    this.shown = this.pageSize;
  }

  private onLevel(event: Event): void {
    this.level = (event.target as HTMLSelectElement).value as ProcedureLevel | '';
    this.shown = this.pageSize;
  }

  private onOnline(event: Event): void {
    this.online = (event.target as HTMLSelectElement).value as OnlineLevel | '';
    this.shown = this.pageSize;
  }

  private onImmediate(event: Event): void {
    this.immediateOnly = (event.target as HTMLInputElement).checked;
    this.shown = this.pageSize;
  }

  private showMore(): void {
    this.firstNew = this.shown;
    this.shown += this.pageSize;
    this.focusAfterRender = 'more';
  }
}

defineElement('motcua-procedure-list', MotcuaProcedureList);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-procedure-list': MotcuaProcedureList;
  }
}
