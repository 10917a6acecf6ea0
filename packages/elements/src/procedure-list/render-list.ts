// The list of <motcua-procedure-list> and the handlers of its controls: the search box, the filters (field, level,
// online service, "giải quyết ngay"), the count the live region says, the print button, one link per procedure of the
// pages shown and "show more". Functions of the element, called with it as `this` (`renderList.call(list)`; Lit calls
// a template's listeners so too): written as its methods were, they compress as they did (the element passed as a
// parameter cost the first paint some 30 to 50 B gzip).
import type { Catalogue, Procedure } from '@motcua/core/catalogue';
import { html, nothing } from 'lit';
import { levelsOf } from './catalogue-index.js';
import { anchorOf, fullCode, timeOf } from './format.js';
import { LEVEL_KEYS, ONLINE_KEYS } from './procedure-list.strings.js';
import { openDetail } from './show-detail.js';
import type { ListInternals } from './types.js';

/** The search, the filters, the count and the print button, then the procedures of the pages shown. */
export function renderList(this: ListInternals) {
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
        @input=${onSearch}
      />
    </div>
    <fieldset part="filters">
      <legend>${this.t('filtersLabel')}</legend>
      <div class="filter">
        <label for="field">${this.t('field')}</label>
        <select id="field" @change=${onFilter}>
          <option value="" ?selected=${this.field === ''}>${this.t('allFields')}</option>
          ${this.fields.map((f) => html`<option lang="vi" .value=${f} ?selected=${this.field === f}>${f}</option>`)}
        </select>
      </div>
      ${
        levels.length > 1
          ? html`<div class="filter">
        <label for="level">${this.t('level')}</label>
        <select id="level" @change=${onFilter}>
          <option value="" ?selected=${this.level === ''}>${this.t('allLevels')}</option>
          ${levels.map((l) => html`<option value=${l} ?selected=${this.level === l}>${this.t(LEVEL_KEYS[l])}</option>`)}
        </select>
      </div>`
          : nothing
      }
      <div class="filter">
        <label for="online">${this.t('online')}</label>
        <select id="online" @change=${onFilter}>
          <option value="" ?selected=${this.online === ''}>${this.t('allOnline')}</option>
          ${(['full', 'partial', 'none'] as const).map(
            (o) => html`<option value=${o} ?selected=${this.online === o}>${this.t(ONLINE_KEYS[o])}</option>`,
          )}
        </select>
      </div>
      <label class="check">
        <input type="checkbox" .checked=${this.immediateOnly} @change=${onImmediate} />
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
      <button part="print" type="button" @click=${onPrint} ?disabled=${total === 0 || !this.complete}>${this.t('print')}</button>
    </div>
    ${
      total === 0
        ? html`<p>${this.t('none')}</p>`
        : html`<ul part="list" class="results" aria-label=${this.t('resultsLabel')}>
            ${visible.map((p) => renderItem.call(this, p))}
          </ul>`
    }
    ${
      rest > 0
        ? html`<p class="more">
            <span>${this.t('shown', { shown: visible.length, count: total })}</span>
            <button part="more" type="button" @click=${showMore}>${this.t('showMore', { count: rest })}</button>
          </p>`
        : nothing
    }
  `;
}

/** One procedure's link: its name, code, field, time limit and badges. */
function renderItem(this: ListInternals, procedure: Procedure) {
  const time = timeOf(procedure);
  const noAppointment = this.noAppointment(procedure);
  return html`<li>
    <a part="item" href=${`#${anchorOf(procedure)}`} data-anchor=${anchorOf(procedure)} @click=${onItemClick}>
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

/** The print button: a print view that could not be downloaded is said next to it; a new click tries again. */
async function onPrint(this: ListInternals): Promise<void> {
  this.printFailed = false;
  try {
    await this.print();
  } catch {
    this.printFailed = true;
  }
}

/** A procedure chosen: announced, then opened by the `hashchange` its link makes (or at once without deep links). */
function onItemClick(this: ListInternals, event: MouseEvent): void {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const procedure = this.byAnchor.get((event.currentTarget as HTMLElement).dataset.anchor ?? '');
  if (!procedure) return;
  if (!this.emit('motcua-select', { procedure, code: fullCode(procedure) })) {
    event.preventDefault(); // the page handles the choice
    return;
  }
  if (this.noDeepLinks) {
    event.preventDefault();
    openDetail.call(this, procedure, false, false);
    return;
  }
  this.clicked = procedure; // the hashchange that follows opens it
}

function onSearch(this: ListInternals, event: Event): void {
  this.query = (event.target as HTMLInputElement).value;
  this.shown = this.pageSize;
}

/** A filter chosen: its select's id is the property it sets (`field`, `level` or `online`), its options the values. */
function onFilter(this: ListInternals, event: Event): void {
  const select = event.target as HTMLSelectElement;
  (this as Record<'field' | 'level' | 'online', string>)[select.id as 'field' | 'level' | 'online'] = select.value;
  this.shown = this.pageSize;
}

function onImmediate(this: ListInternals, event: Event): void {
  this.immediateOnly = (event.target as HTMLInputElement).checked;
  this.shown = this.pageSize;
}

/** The next page of the results, the focus on its first procedure. */
function showMore(this: ListInternals): void {
  this.firstNew = this.shown;
  this.shown += this.pageSize;
  this.focusAfterRender = 'more';
}
