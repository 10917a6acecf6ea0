import {
  buildSearchIndex,
  type Catalogue,
  type OnlineLevel,
  type Procedure,
  type ProcedureLevel,
  type SearchIndex,
  type SearchPage,
  searchProcedures,
} from '@motcua/core/catalogue';
import type { TimeLimit } from '@motcua/core/deadline';
import { html, type PropertyValues } from 'lit';
import { MotcuaElement } from '../internal/base.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import type { StringTable } from '../internal/i18n.js';
import { blockStyles } from '../internal/styles.js';
import { anchorOf } from './format.js';
import type { ProcedureSelectDetail } from './procedure-list.events.js';
import { type ProcedureListDetailKey, type ProcedureListKey, procedureListStrings } from './procedure-list.strings.js';
import { procedureListStyles } from './procedure-list.styles.js';
import { renderList } from './render-list.js';
import { search, searchOptions } from './search.js';
import { followHash, loadDetail, loadQr, renderDetailView } from './show-detail.js';
import { accept, load } from './take-catalogue.js';
import type { ListInternals, Status } from './types.js';

export type { ProcedureSelectDetail } from './procedure-list.events.js';

import type { CatalogueProblem } from './validate.js';

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
  /** How many procedures the list shows. @internal */
  @state() shown = 20;
  @state() private selected: Procedure | undefined;
  /** The count the live region says, once typing pauses. @internal */
  @state() announced: { readonly count: number; readonly filtered: boolean } | undefined;
  @state() private qr: typeof import('../internal/qr.js') | undefined;
  /** The detail view's code and styles, fetched when a procedure is first opened. */
  @state() private detail: typeof import('./detail.js') | undefined;
  /** The detail view's code could not be downloaded: the view shows an error with a retry button. */
  @state() private detailFailed = false;
  /** The print view's code could not be downloaded: the toolbar says so. @internal */
  @state() printFailed = false;

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
  /** The catalogue's fields, for the field filter. @internal */
  fields: readonly string[] = [];
  /** The procedures by the fragment ids that link to them. @internal */
  byAnchor = new Map<string, Procedure>();
  /** The procedures of the pages shown (the first `shown` of the results, best first), or every one unfiltered. */
  private hits: readonly Procedure[] = [];
  /** How many procedures the search and filters found in all. @internal */
  total = 0;
  /** The catalogue's load under way: an older one's answer is dropped. @internal */
  loadToken = 0;
  private abort: AbortController | undefined;
  private pending: Promise<unknown> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the open detail view added the history entry the back button removes. @internal */
  pushedHistory = false;
  private focusAfterRender: 'detail' | 'list' | 'more' | undefined;
  private firstNew = 0;
  private printFrame: HTMLIFrameElement | undefined;
  private jsonLdScript: HTMLScriptElement | undefined;
  /** The procedure last shown in detail, to focus again in the list. */
  private lastSelected: Procedure | undefined;
  /** The detail view's download. @internal */
  detailLoad: Promise<void> | undefined;
  /** The QR encoder's download; it stays set after a failure, until the next opening or going back online. @internal */
  qrLoad: Promise<void> | undefined;
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
        return this.selected
          ? renderDetailView.call(this as unknown as ListInternals, this.selected)
          : renderList.call(this as unknown as ListInternals);
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

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('pageSize') && changed.get('pageSize') !== undefined) this.shown = this.pageSize;
    if (changed.has('src') && this.src) void load.call(this as unknown as ListInternals);
    else if (changed.has('catalogue') && this.catalogue !== undefined)
      void accept.call(this as unknown as ListInternals, this.catalogue);
    if (changed.has('abbreviations')) this.pages.clear();
    if (['data', 'query', 'field', 'level', 'online', 'immediateOnly', 'abbreviations'].some((key) => changed.has(key)))
      search.call(this as unknown as ListInternals);
    else if (changed.has('shown')) search.call(this as unknown as ListInternals, false); // more of the same results: no new announcement
    if (this.selected && !this.qr) loadQr.call(this as unknown as ListInternals);
    if (this.selected && !this.detail && !this.detailFailed) loadDetail.call(this as unknown as ListInternals);
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
    return searchProcedures(this.index, this.query, searchOptions.call(this as unknown as ListInternals)).map(
      (hit) => hit.procedure,
    );
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

  /** Whether a query or a filter narrows the list. */
  private get filtered(): boolean {
    return Boolean(this.query.trim() || this.field || this.level || this.online || this.immediateOnly);
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

  private onHashChange = (): void => {
    followHash.call(this as unknown as ListInternals, this.clicked !== undefined);
  };

  /** The retry button, and the browser back online: downloads again whatever could not be downloaded. */
  private retry = (): void => {
    if (this.status === 'failed')
      void (this.src
        ? load.call(this as unknown as ListInternals)
        : this.catalogue && accept.call(this as unknown as ListInternals, this.catalogue));
    this.detailFailed = false;
    this.qrLoad = undefined;
    this.requestUpdate(); // the open detail view's missing parts (its code, the QR code) load again
  };
}

defineElement('motcua-procedure-list', MotcuaProcedureList);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-procedure-list': MotcuaProcedureList;
  }
}
