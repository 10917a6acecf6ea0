import type { TimeLimitUnit } from '@motcua/core/deadline';
import { html, nothing, type PropertyValues } from 'lit';
import { MotcuaElement } from '../internal/base.js';
import { apiUrl } from '../internal/config.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import type { StringTable } from '../internal/i18n.js';
import { blockStyles } from '../internal/styles.js';
import { vietnamTime } from '../internal/vietnam-time.js';
import type { DossierView } from './compute.js';
import type { DossierLookupProblem } from './dossier-status.events.js';
import { baseStrings, type DossierStatusStringKey } from './dossier-status.strings.js';
import { dossierStatusStyles } from './dossier-status.styles.js';
import { HttpProblem } from './lookup-problem.js';
import { PROBLEM_KEYS, RETRYABLE, renderNotes, renderStep } from './result.js';
import type { DossierResolver, DossierSecondFactor } from './types.js';

export type { DossierErrorDetail, DossierLoadedDetail, DossierLookupProblem } from './dossier-status.events.js';
export type { DossierResolver, DossierSecondFactor } from './types.js';

type Key = DossierStatusStringKey;

type Phase = 'idle' | 'loading' | 'shown' | 'failed';

const EXAMPLE_CODE = '000.00.15.H41-260213-0007';

/**
 * Tracks a dossier (hồ sơ) by its code and lookup PIN: the procedure, the status timeline, the receipt and due
 * dates, the working time left (computed in the browser with core's calendar), pauses for supplements, an
 * extension with the office's apology, and a link to rate the service once finished. Never shows personal data.
 *
 * The code comes from typing, from the `code` attribute or the page's `?ma-ho-so=` (or `?code=`) parameter, or
 * from a barcode scanner (which types it and presses Enter); it is checked against core's dossier-code pattern
 * before any request. The data comes from `endpoint` (resolved against the global `apiBase`) or a `resolver`.
 * The lookup PIN is asked for unless a `resolver` is set and `second-factor="resolver"` says the province's system
 * checks the second factor itself; a resolver's national sync fields are read with `syncUnits`, show the province's
 * `NgayHenTra` as the due date, and a dossier in status 5 (waiting for the citizen's supplement) as paused.
 *
 * @summary Dossier status lookup for citizens.
 * @fires motcua-dossier-loaded - A dossier is shown; detail `{ code, status, finished }`.
 * @fires motcua-dossier-error - A lookup failed; detail `{ code, problem }`.
 * @csspart form - The lookup form.
 * @csspart input - The code and PIN inputs.
 * @csspart button - The lookup and retry buttons.
 * @csspart message - The status or error message.
 * @csspart result - The dossier, once found.
 * @csspart timeline - The ordered list of steps.
 * @csspart step - One step; the current one has `aria-current="step"`.
 * @csspart rate - The link to rate the service.
 * @csspart notify - The Web Push offer (with `push-worker`): its button and what became of it.
 * @cssproperty --motcua-color-primary - Buttons and the current step (default #0b57d0).
 * @cssproperty --motcua-color-danger - Error messages and overdue notes (default #b3261e).
 * @cssproperty --motcua-color-success - On-time notes (default #146c2e).
 * @cssproperty --motcua-color-border - Borders (default #c4c7c5).
 * @cssproperty --motcua-touch-target - Minimum height of inputs and buttons (default 44px).
 *
 * @example
 * ```html
 * <motcua-dossier-status endpoint="/api/dossiers/{code}" rate-href="danh-gia.html?ma-ho-so={code}"></motcua-dossier-status>
 * <!-- The province's system checks the second factor; its resolver is set by the page's script -->
 * <motcua-dossier-status second-factor="resolver" rate-href=""></motcua-dossier-status>
 * ```
 */
export class MotcuaDossierStatus extends MotcuaElement<Key> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, dossierStatusStyles];

  /** The dossier code; a lookup starts when it and `pin` are set. Empty: the page's `?ma-ho-so=` or `?code=`. */
  @property({ reflect: true }) code = '';

  /** The lookup PIN printed on the receipt. Empty: the page's `?pin=`. */
  @property() pin = '';

  /**
   * The lookup address, `{code}` replaced, resolved against the global `apiBase`; the PIN goes in the `Dossier-Pin`
   * header, never in the URL (which proxies and browser histories keep).
   */
  @property() endpoint = 'api/dossiers/{code}';

  /** The dossier-code pattern (core's tokens, e.g. `{agency}-{yy}{MM}{dd}-{seq:4}`); empty for the default. */
  @property({ attribute: 'code-pattern' }) codePattern = '';

  /**
   * The rating page for a finished dossier, `{code}` replaced; the link carries the rating token the lookup answer
   * hands over (`?t=`), and is not shown without one (unless a `resolver` serves another system). Empty: no link.
   */
  @property({ attribute: 'rate-href' }) rateHref = 'danh-gia.html?ma-ho-so={code}';

  /** Milliseconds before a lookup is abandoned as timed out. */
  @property({ type: Number }) timeout = 10_000;

  /** Fetches from another system instead of `endpoint` (see {@link DossierResolver}). */
  @property({ attribute: false }) resolver: DossierResolver | undefined;

  /**
   * `resolver` when the page's resolver checks the second factor itself, so the element asks for no PIN (see
   * {@link DossierSecondFactor}); default `pin`. Without a `resolver` the PIN is always asked for.
   */
  @property({ attribute: 'second-factor' }) secondFactor: DossierSecondFactor = 'pin';

  /**
   * The words of `DonViTinh` the province's system writes in the national sync fields a `resolver` returns, per
   * time-limit unit, e.g. `{ "working-days": "Ngày làm việc (LV)" }`; units not given keep core's words
   * (`DEFAULT_SYNC_UNITS`).
   */
  @property({ attribute: false }) syncUnits: Partial<Readonly<Record<TimeLimitUnit, string>>> | undefined;

  /**
   * The page's service worker for Web Push notices (`motcua-push-worker.js`, from dist/cdn, on the page's own origin):
   * under a dossier not yet finished, the element then offers "notify me when it changes" where the browser takes
   * Web Push and the office sends it, or suggests opening the page in a browser inside Zalo's or Facebook's. Empty
   * (default): no offer. Not with a `resolver`, whose dossiers the office's server does not hold.
   */
  @property({ attribute: 'push-worker' }) pushWorker = '';

  @state() private phase: Phase = 'idle';
  @state() private problem: DossierLookupProblem | undefined;
  @state() private retryAfter = 0;
  @state() private dossier: DossierView | undefined;

  /** The strings; core's status names join them with the lazily loaded part, before any dossier is shown. */
  protected defaultStrings = baseStrings as StringTable<Key>;

  private compute: typeof import('./compute.js') | undefined;
  private controller: AbortController | undefined;
  private pending: Promise<void> | undefined;
  private codeText = '';
  /** What to focus after the next render: the result's heading, or the field to correct. */
  private ratingToken = '';
  private focusNext: 'result-heading' | 'code' | 'pin' | undefined;
  private pinText = '';
  /** The Web Push offer, loaded under a dossier not yet finished when `push-worker` is set; the PIN of its lookup. */
  private pushOffer: import('../internal/push-offer.js').PushOfferController | undefined;
  private pushPin = '';

  /** Loads the Web Push offer (once), if this browser and the office can take it; offline, none. */
  private async offerPush(base?: string): Promise<void> {
    const part = await import('../internal/push-offer.js').catch(() => undefined);
    this.pushOffer ??=
      part &&
      new part.PushOfferController(this, 'dossier', (join) => (this.defaultStrings = join(this.defaultStrings)));
    await this.pushOffer?.load(base);
  }

  override render() {
    const busy = this.phase === 'loading';
    const codeInvalid = this.problem === 'invalid-code';
    const pinInvalid = this.problem === 'missing-pin' || this.problem === 'invalid-pin';
    return html`
      <h2>${this.t('heading')}</h2>
      <form part="form" novalidate @submit=${this.onSubmit} aria-busy=${busy ? 'true' : 'false'}>
        <label for="code">${this.t('codeLabel')}</label>
        <p class="hint" id="code-hint">${this.t('codeHint', { example: EXAMPLE_CODE })}</p>
        <input
          id="code"
          part="input"
          name="code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          aria-describedby="code-hint"
          aria-invalid=${codeInvalid ? 'true' : 'false'}
          .value=${this.codeText}
          @input=${(e: Event) => {
            this.codeText = (e.target as HTMLInputElement).value;
          }}
        />
        ${this.pinAsked ? this.renderPin(pinInvalid) : nothing}
        <button part="button" type="submit" ?disabled=${busy}>${this.t('submit')}</button>
      </form>
      <div role="status" aria-live="polite">${this.renderMessage()}</div>
      ${this.phase === 'shown' && this.dossier ? this.renderDossier(this.dossier) : nothing}
    `;
  }

  private renderPin(invalid: boolean) {
    return html`<label for="pin">${this.t('pinLabel')}</label>
        <p class="hint" id="pin-hint">${this.t('pinHint')}</p>
        <input
          id="pin"
          part="input"
          name="pin"
          inputmode="numeric"
          autocomplete="off"
          maxlength="8"
          aria-describedby="pin-hint"
          aria-invalid=${invalid ? 'true' : 'false'}
          .value=${this.pinText}
          @input=${(e: Event) => {
            this.pinText = (e.target as HTMLInputElement).value;
          }}
        />`;
  }

  /** Whether the lookup asks for the PIN: unless the page's resolver checks the second factor itself. */
  private get pinAsked(): boolean {
    return !(this.resolver && this.secondFactor === 'resolver');
  }

  private renderMessage() {
    if (this.phase === 'loading') return html`<p part="message">${this.t('loading')}</p>`;
    if (this.phase !== 'failed' || !this.problem) return nothing;
    const key = PROBLEM_KEYS[this.problem];
    const retry = RETRYABLE.has(this.problem);
    return html`<p part="message" data-kind="error">${this.t(key, { seconds: this.retryAfter })}</p>
      ${retry ? html`<button part="button" type="button" @click=${this.retry}>${this.t('retry')}</button>` : nothing}`;
  }

  private renderDossier(d: DossierView) {
    const current = d.timeline.length - 1;
    const t = (key: Key, params?: Readonly<Record<string, string | number>>) => this.t(key, params);
    /** A time as the commune reads it, in Vietnam time: `09:00, 10/03/2026`. */
    const time = (iso: string) => vietnamTime(iso, this.language);
    const remaining =
      d.remainingMinutes !== undefined && !d.finished && Number.isFinite(d.remainingMinutes) && this.compute
        ? this.compute.formatRemaining(d.remainingMinutes, this.language, d.dayMinutes)
        : undefined;
    return html`<section part="result" aria-labelledby="result-heading">
      <h3 id="result-heading" tabindex="-1">${this.t('resultHeading', { code: d.code })}</h3>
      <dl>
        ${d.procedure ? html`<dt>${this.t('procedure')}</dt><dd>${d.procedure}</dd>` : nothing}
        <dt>${this.t('currentStatus')}</dt>
        <dd>${this.t(`status-${d.status}`)}</dd>
        <dt>${this.t('receivedAt')}</dt>
        <dd>${time(d.receivedAt)}</dd>
        ${d.dueAt ? html`<dt>${this.t(d.provisional ? 'provisional' : 'dueAt')}</dt><dd>${time(d.dueAt)}</dd>` : nothing}
        ${d.promisedDueAt ? html`<dt>${this.t('promisedDueAt')}</dt><dd>${time(d.promisedDueAt)}</dd>` : nothing}
        ${remaining && !d.paused ? html`<dt>${this.t('remaining')}</dt><dd>${remaining}</dd>` : nothing}
      </dl>
      ${renderNotes(d, t, time)}
      <h3>${this.t('timeline')}</h3>
      <ol part="timeline">
        ${d.timeline.map((step, i) => renderStep(step, i === current, t, time))}
      </ol>
      ${d.finished && this.rateHref && (this.ratingToken || this.resolver) ? html`<p><a part="rate" href=${this.rateLink(d.code)}>${this.t('rate')}</a></p>` : nothing}
      ${this.pushOffer?.render(
        (key) => this.t(key),
        () => ({
          worker: this.pushWorker,
          url: apiUrl(`${this.endpoint.replace('{code}', encodeURIComponent(d.code))}/push-subscription`),
          headers: { 'dossier-pin': this.pushPin },
          fields: { language: this.language },
        }),
      )}
      <p class="hint">${this.t('noPersonalData')}</p>
    </section>`;
  }

  /** The rating page, `{code}` replaced, with the dossier's rating token (from the lookup answer) as `?t=`. */
  private rateLink(code: string): string {
    const href = this.rateHref.replace('{code}', encodeURIComponent(code));
    if (!this.ratingToken) return href;
    const url = new URL(href, document.baseURI);
    url.searchParams.set('t', this.ratingToken);
    return url.href;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.code && typeof location !== 'undefined') {
      const params = new URLSearchParams(location.search);
      this.code = params.get('ma-ho-so') ?? params.get('code') ?? '';
      // The PIN leaves the address bar once read (the shared reader loads only when there is one to read).
      if (!this.pin && params.has('pin')) {
        const read: Promise<void> = import('../internal/address-secrets.js')
          .then(({ secretFromAddress }) => {
            this.pin ||= secretFromAddress('pin');
          })
          .catch(() => undefined) // offline: the citizen types the PIN
          .then(() => {
            if (this.pending === read) this.pending = undefined;
          });
        this.pending = read;
      }
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('code')) this.codeText = this.code;
    if (changed.has('pin')) this.pinText = this.pin;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.focusNext) {
      this.renderRoot.querySelector<HTMLElement>(`#${this.focusNext}`)?.focus();
      this.focusNext = undefined;
    }
    // Without a PIN to ask for, the code alone starts a lookup, also when the resolver comes after it.
    const pinless = !this.pinAsked;
    const started =
      changed.has('code') ||
      changed.has('pin') ||
      (pinless && (changed.has('resolver') || changed.has('secondFactor')));
    if (started && this.code && (this.pin || pinless)) void this.lookup({ focus: false });
  }

  /** Resolves once a lookup in progress has ended and its outcome is rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.pending) {
      await this.pending;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.lookup();
  }

  private retry(): void {
    void this.lookup();
  }

  /**
   * Looks up the code and PIN in the form; the result's heading takes the focus unless `focus` is false (a lookup
   * the page started from attributes or its URL leaves the focus where it is).
   */
  async lookup(options: { readonly focus?: boolean } = {}): Promise<void> {
    const run = this.run(options.focus ?? true);
    this.pending = run;
    try {
      await run;
    } finally {
      if (this.pending === run) this.pending = undefined;
    }
  }

  private async run(focus: boolean): Promise<void> {
    let code = this.codeText.trim().toUpperCase();
    let pin = this.pinText.trim();
    // A scanned QR code holds the lookup link: take the code and PIN from it.
    if (/^https?:\/\//i.test(code)) {
      try {
        const params = new URL(this.codeText.trim()).searchParams;
        code = (params.get('ma-ho-so') ?? params.get('code') ?? '').toUpperCase();
        pin ||= params.get('pin') ?? '';
      } catch {
        code = '';
      }
      this.codeText = code;
      this.pinText = pin;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.phase = 'loading';
    this.problem = undefined;
    this.dossier = undefined;
    this.pushOffer?.reset();
    // Validation, the core clock and calendar, and the request load on the first lookup, before its request.
    let compute: typeof import('./compute.js');
    try {
      compute = await this.loadCompute();
    } catch {
      return controller === this.controller ? this.failWith(code, 'network') : undefined;
    }
    if (controller !== this.controller) return;
    if (!compute.isDossierCode(code, this.codePattern ? { pattern: this.codePattern } : undefined)) {
      return this.failWith(code, 'invalid-code', focus ? 'code' : undefined);
    }
    if (!this.pinAsked) pin = '';
    else if (!pin) return this.failWith(code, 'missing-pin', focus ? 'pin' : undefined);
    else if (!/^\d{4,8}$/.test(pin)) return this.failWith(code, 'invalid-pin', focus ? 'pin' : undefined);

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeout);
    try {
      const raw = await compute.fetchDossier(this.resolver, this.endpoint, code, pin, controller.signal);
      if (controller !== this.controller) return;
      const token = (raw as { ratingToken?: unknown } | null)?.ratingToken;
      this.ratingToken = typeof token === 'string' ? token : '';
      let view: DossierView;
      try {
        view = compute.toDossierView(raw, code, Date.now(), this.syncUnits ? { units: this.syncUnits } : {});
      } catch {
        throw new HttpProblem('malformed');
      }
      this.dossier = view;
      this.phase = 'shown';
      if (focus) this.focusNext = 'result-heading';
      this.emit('motcua-dossier-loaded', { code, status: view.status, finished: view.finished });
      if (this.pushWorker && !this.resolver && !view.finished) {
        this.pushPin = pin;
        await this.offerPush();
      }
    } catch (error) {
      if (controller !== this.controller) return;
      const problem =
        error instanceof HttpProblem
          ? error.problem
          : timedOut
            ? 'timeout'
            : controller.signal.aborted
              ? 'timeout'
              : 'network';
      this.retryAfter = error instanceof HttpProblem ? error.retryAfter : 0;
      this.failWith(code, problem);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The validation and clock module, loaded on the first lookup. */
  private async loadCompute(): Promise<typeof import('./compute.js')> {
    if (!this.compute) {
      this.compute = await import('./compute.js');
      this.defaultStrings = this.compute.withStatusNames(baseStrings);
    }
    return this.compute;
  }

  private failWith(code: string, problem: DossierLookupProblem, focus?: 'code' | 'pin'): void {
    this.phase = 'failed';
    this.problem = problem;
    this.dossier = undefined;
    this.emit('motcua-dossier-error', { code, problem });
    this.focusNext = focus;
    this.requestUpdate();
  }
}

defineElement('motcua-dossier-status', MotcuaDossierStatus);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-dossier-status': MotcuaDossierStatus;
  }
}
