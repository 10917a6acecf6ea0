// The detail view of <motcua-procedure-list>, opened from a click in the list or the URL hash (the back button follows
// it) and closed by its back button or Escape: its code and styles fetched when a procedure is first opened, the QR
// code's encoder with it, and the view drawn by that code (or, until it arrives, a loading line or an error with a retry
// button). Functions of the element, called with it as `this`, as the list's renders are.
import type { Procedure } from '@motcua/core/catalogue';
import { adoptStyles, html, type ReactiveElement } from 'lit';
import { fullCode } from './format.js';
import type { ListInternals } from './types.js';

/** The detail view, drawn by its own chunk (fetched when a procedure is first opened). */
export function renderDetailView(this: ListInternals, p: Procedure) {
  if (!this.detail) {
    return this.detailFailed
      ? html`<div @keydown=${onDetailKey}>
          <button part="back" type="button" @click=${onBack}>← ${this.t('back')}</button>
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
    onBack,
    onKey: onDetailKey,
  });
}

/** Fetches the detail view's code, strings and styles (an error with a retry button when it cannot be downloaded). */
export function loadDetail(this: ListInternals): void {
  this.detailLoad ??= import('./detail.js').then(
    (module) => {
      this.addStrings(module.detailStrings);
      this.detail = module;
      if (this.shadowRoot)
        adoptStyles(this.shadowRoot, [
          ...(this.constructor as typeof ReactiveElement).elementStyles,
          module.detailStyles,
        ]);
    },
    () => {
      // Offline: an error with a retry button; the next opening or going back online tries again.
      this.detailLoad = undefined;
      this.detailFailed = true;
    },
  );
  this.track(this.detailLoad);
}

/** Fetches the QR encoder for the detail view (the view shows without it when it cannot be downloaded). */
export function loadQr(this: ListInternals): void {
  this.qrLoad ??= import('../internal/qr.js').then(
    (module) => {
      this.qr = module;
    },
    () => undefined, // the view is useful without it: no error
  );
  this.track(this.qrLoad);
}

/** Opens the procedure named by the URL hash, or goes back to the list when the hash names none. */
export function followHash(this: ListInternals, fromNavigation: boolean): void {
  if (this.noDeepLinks || this.status !== 'ready') return;
  const procedure = this.byAnchor.get(decodeURIComponent(globalThis.location.hash.slice(1)));
  const clicked = this.clicked;
  this.clicked = undefined;
  if (procedure) {
    if (procedure !== this.selected) openDetail.call(this, procedure, fromNavigation, procedure !== clicked);
  } else if (this.selected) {
    closeDetail.call(this);
  }
}

/** Shows a procedure's detail view, announced unless a click already did; `pushedHistory`: its link added the entry. */
export function openDetail(this: ListInternals, procedure: Procedure, pushedHistory: boolean, announce: boolean): void {
  if (announce) this.emit('motcua-select', { procedure, code: fullCode(procedure) });
  this.pushedHistory = pushedHistory;
  this.selected = procedure;
  // What could not be downloaded for the last one is tried again.
  this.detailFailed = false;
  this.qrLoad = undefined;
  this.focusAfterRender = 'detail';
}

/** Back to the list, the focus on the procedure that was open. */
function closeDetail(this: ListInternals): void {
  this.lastSelected = this.selected;
  this.selected = undefined;
  this.pushedHistory = false;
  this.focusAfterRender = 'list';
}

/** Escape in the detail view goes back to the list, as the back button does. */
function onDetailKey(this: ListInternals, event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  event.preventDefault();
  onBack.call(this);
}

/** The back button: back in the history when the detail view added an entry, else the hash removed. */
function onBack(this: ListInternals): void {
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
  closeDetail.call(this);
}
