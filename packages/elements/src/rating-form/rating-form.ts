import { civilDateOf } from '@motcua/core/calendar';
import {
  type Instrument,
  type InstrumentKind,
  ONE_STOP_RATING_INSTRUMENTS,
  pickInstrument,
} from '@motcua/core/satisfaction';
import { isJsonObject } from '@motcua/core/text';
import { html, nothing, type PropertyValues } from 'lit';
import { secretFromAddress } from '../internal/address-secrets.js';
import { MotcuaElement } from '../internal/base.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import type { StringTable } from '../internal/i18n.js';
import { blockStyles } from '../internal/styles.js';
import type { KindLoading } from './instrument-loader.js';
import { provisionalProblems } from './provisional-problems.js';
import type {
  FinalStatus,
  RatingEventDetail,
  RatingFailedDetail,
  RatingFormStatus,
  ShownProblem,
} from './rating-form.events.js';
import { type RatingFormStringKey, ratingFormStrings } from './rating-form.strings.js';
import { ratingFormStyles } from './rating-form.styles.js';
import { type QuestionsHost, renderScale, renderText, statusLine } from './render-questions.js';
import type { PendingRating } from './request.js';
/** Core's validation and scrubber, the request and the outbox: loaded once the citizen starts answering. */
import { type SubmissionHost, submission, submissionController } from './submission-controller.js';

export type { RatingEventDetail, RatingFailedDetail, RatingFormStatus, ShownProblem } from './rating-form.events.js';
export type { MessageStringKey, RatingFormStringKey } from './rating-form.strings.js';

let allStrings: StringTable<RatingFormStringKey> | undefined;

/** Built-in instrument versions by kind, as far as loaded: the 3-level rating ships with the element. */
const builtIn = new Map<string, readonly Instrument[]>([['one-stop-rating', ONE_STOP_RATING_INSTRUMENTS]]);

const FINAL: readonly RatingFormStatus[] = ['sent', 'queued', 'already-rated', 'expired'];

/**
 * A satisfaction rating form for a one-stop shop, in Vietnamese by default: the instrument in force today
 * from `@motcua/core` (the 3-level one-stop rating unless `instrument` says otherwise), real radio buttons in
 * fieldsets, nothing preselected, a reason required for "Không hài lòng" (validated by core), a privacy hint
 * and masking of phone and ID numbers in free text, and a honeypot field.
 *
 * On its own it sends `POST {apiBase}/api/ratings` with an `Idempotency-Key` reused by every retry, so a rating is
 * never recorded twice: the rating token's id for a transaction-bound rating (every tab rating one transaction sends
 * the same key), a key generated once per rating for a counter-level one. It retries with back-off when the network
 * or the server fails, then keeps the rating in the device's IndexedDB outbox and sends it on the next `online` event,
 * the next try while the page stays open (`queueRetryDelays`, with back-off) or the next visit to a page with the form,
 * telling the citizen it is saved; tabs take turns (Web Locks, or a lease
 * in IndexedDB on plain HTTP pages) so that two never send one rating. Where IndexedDB is unavailable (some private
 * modes) the rating waits in the page's memory and the citizen is told to leave the page open. Ratings an earlier
 * version left in `localStorage` move to IndexedDB on the first visit. The rating token comes from the `token`
 * attribute or the page address (`?t=…`, the QR code on the receipt; it is removed from the address bar once read);
 * a counter tablet or the QR code taped to a counter gives a `device-key` instead. With neither, it shows no form but
 * says the link is incomplete (and logs why for the page author): a form that could never be sent helps nobody.
 *
 * It paints from what it ships (Lit, the form and the 3-level rating's texts) and fetches the rest in parts: other
 * instruments' texts when `instrument` names one, and core's validation and scrubber, free-text questions, sending and
 * the outbox on the first touch, click or focus, so a rating is sent or kept even if the network drops after it.
 * `updateComplete` waits for what it is fetching.
 *
 * With the `form-associated` attribute, inside a host `<form>`, it is a form control instead: with a `name`, its
 * answers reach the form's `FormData` as `name.questionId` entries plus `name.instrument` (`id@version`); without a
 * `name` nothing is submitted. It takes part in validation, reset, `disabled` fieldsets and state restore, and the
 * host form's button sends. Without the attribute a host form (the page-wide `<form>` of ASP.NET, SharePoint or DNN
 * portals) changes nothing: the element keeps its own button and sends the rating itself.
 *
 * @summary A rating form for the one-stop shop: 3-level rating, 9 criteria, SIPAS, CSAT, NPS or CES.
 * @fires motcua-rated - The rating was recorded; `detail`: {@link RatingEventDetail}.
 * @fires motcua-rating-queued - No connection: the rating is kept on the device to send later.
 * @fires motcua-rating-failed - The rating was not recorded; `detail.reason` says why ({@link RatingFailedDetail}).
 * @csspart form - The form.
 * @csspart title - The instrument's title.
 * @csspart question - Each question's fieldset or text block.
 * @csspart legend - A question's text.
 * @csspart option - The label around each radio button.
 * @csspart hint - The privacy hint under a text question.
 * @csspart error - An error message beside a question.
 * @csspart textarea - A free-text answer.
 * @csspart submit - The send button.
 * @csspart status - The live region (sending, errors).
 * @csspart message - The panel shown once the rating is sent, saved, already given or expired.
 * @cssproperty --motcua-rating-form-gap - Space between questions (default: 1.25em).
 * @cssproperty --motcua-rating-form-option-background - Background of an option (default: the surface colour).
 * @cssproperty --motcua-rating-form-selected-background - Background of the chosen option (default: #e8f0fe).
 *
 * @example
 * ```html
 * <!-- The page a QR code on the receipt opens: /danh-gia.html?t=r1.… -->
 * <motcua-rating-form></motcua-rating-form>
 * <!-- A counter tablet, the 9 criteria, in English -->
 * <motcua-rating-form instrument="dossier-evaluation" device-key="tablet-quay-1" lang="en"></motcua-rating-form>
 * ```
 */
export class MotcuaRatingForm extends MotcuaElement<RatingFormStringKey> {
  /** Takes part in a host form. */
  static formAssociated = true;

  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, ratingFormStyles];

  /**
   * Which instrument to show, the version in force today in Vietnam: `one-stop-rating` (default),
   * `dossier-evaluation` (9 criteria), `sipas`, `csat`, `nps` or `ces`.
   */
  @property() instrument: InstrumentKind = 'one-stop-rating';

  /** A province's own instrument library (checked with core's `defineInstrument`); defaults to core's. */
  @property({ attribute: false }) instruments: readonly Instrument[] | undefined;

  /** The single-use rating token; when empty, the `t` parameter of the page address (the receipt's QR code). */
  @property() token = '';

  /** The device key of a counter tablet or of the QR code taped to a counter, for counter-level ratings. */
  @property({ attribute: 'device-key' }) deviceKey = '';

  /** The counter (quầy) code, sent with counter-level ratings. */
  @property() counter = '';

  /** How the rating is given, sent with it when set: `qr-phone`, `counter-tablet`, `portal`, `assisted`. */
  @property() channel = '';

  /** Where to send ratings, relative to the configured `apiBase`. */
  @property() endpoint = 'api/ratings';

  /**
   * Makes it a control of the host `<form>` around it (its answers in the form's data, the form's button sends)
   * instead of a form that sends itself. Only the page decides: an ancestor form alone never does.
   */
  @property({ type: Boolean, attribute: 'form-associated' }) formAssociated = false;

  /** The name of its entries in a host form's `FormData` (with `form-associated`); without it nothing is submitted. */
  @property({ reflect: true }) name = '';

  /** Disables the form. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The heading level of the form's title and of the messages that replace it (default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Waits, in milliseconds, before each retry after a network or server failure; then the rating is queued. */
  @property({ attribute: false }) retryDelays: readonly number[] = [1000, 4000];

  /**
   * Waits, in milliseconds, between attempts to send a queued rating while the page stays open (the last one
   * repeats): the browser's `online` event only says the device reconnected, not that the server is back.
   */
  queueRetryDelays: readonly number[] = [30_000, 60_000, 120_000, 300_000];

  /** How long one request may take, in milliseconds. */
  @property({ type: Number }) timeout = 15_000;

  @state() private answers: Record<string, number | string> = {};
  @state() private status: RatingFormStatus = 'form';
  /** Problems shown: from core once the citizen tried to submit, or from the server. @internal */
  @state() shown: readonly ShownProblem[] = [];
  @state() private sendError: 'errorSend' | 'errorRateLimited' | 'errorNotSaved' | undefined;
  @state() private formDisabled = false;

  /** The form's strings, and the messages once they have arrived with the sending code. */
  protected get defaultStrings(): StringTable<RatingFormStringKey> {
    if (!submission) return ratingFormStrings as StringTable<RatingFormStringKey>;
    const { messageStrings } = submission;
    allStrings ??= {
      vi: { ...ratingFormStrings.vi, ...messageStrings.vi },
      en: { ...ratingFormStrings.en, ...messageStrings.en },
    };
    return allStrings;
  }

  private readonly internals: ElementInternals = this.attachInternals();
  /** Whether the citizen tried to submit: problems show, and follow the answers, from then on. */
  private attempted = false;
  /**
   * The submission in flight or queued; its idempotency key is reused until the server answers for good.
   * @internal Driven by the sending code (`submission.ts`), like the next two.
   */
  pending: PendingRating | undefined;
  /** The offline queue keeps this form's rating in the page's memory only (no IndexedDB). @internal */
  queuedInMemory = false;
  /** The key the server last answered for good without recording the rating: the next submission takes the next. @internal */
  spentKey: string | undefined;
  /** Whether a render asked for the sending code already. @internal Read and set by render-questions.ts. */
  askedOnRender = false;
  /** The next try of the queue while the page stays open, and how many came before it. @internal */
  queueTimer: ReturnType<typeof setTimeout> | undefined;
  /** @internal */
  queueAttempt = 0;
  private reportedMissing = false;
  private resolved: { instrument: Instrument } | { error: unknown } | undefined;
  /** The kind whose built-in texts are being fetched, if any. */
  private loadingKind: string | undefined;
  /** Fetches the sending code and hands it this form; `updateComplete` waits for what it fetches. */
  private readonly sending = submissionController(this as unknown as SubmissionHost);

  /** The instrument shown, or `undefined` while its texts load or when the library has none in force for the kind. */
  get currentInstrument(): Instrument | undefined {
    if (!this.resolved) {
      const kind = this.instrument;
      const library = this.instruments ?? builtIn.get(kind);
      if (!library) {
        this.loadKind(kind);
        return undefined;
      }
      try {
        this.resolved = { instrument: pickInstrument(library, kind, civilDateOf(Date.now())) };
      } catch (error) {
        this.resolved = { error };
      }
    }
    return 'instrument' in this.resolved ? this.resolved.instrument : undefined;
  }

  /** The answers chosen so far: question id → value or text. */
  get value(): Readonly<Record<string, number | string>> {
    return { ...this.answers };
  }

  /** The host form it is a control of (with `form-associated`), if any. */
  get form(): HTMLFormElement | null {
    return this.formAssociated ? this.internals.form : null;
  }

  /** The host-form validity of the answers, as core's `validateResponse` judges them. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message of the first problem, empty when the answers are acceptable. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Checks the answers as a form control does, firing `invalid` when they are not acceptable. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks the answers and shows the problems. */
  reportValidity(): boolean {
    this.attempted = true;
    this.shown = this.coreProblems();
    return this.internals.reportValidity();
  }

  private get busy(): boolean {
    return this.status === 'sending';
  }

  /** Resolves once the element has rendered and any code it fetches (instrument texts, sending code) has arrived. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.sending.settled(() => super.getUpdateComplete());
  }

  /** Lit's own update completion, without waiting for fetched code. @internal Used by the sending code. */
  rendered(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  private loadKind(kind: InstrumentKind): void {
    if (this.loadingKind === kind) return;
    this.loadingKind = kind;
    // Other kinds' texts, and core's loader for them, come in chunks of their own.
    void this.sending.track(
      import('./instrument-loader.js').then((loader) => loader.loadKind(this as unknown as KindLoading, kind, builtIn)),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('instrument') || changed.has('instruments')) {
      this.resolved = undefined;
      this.loadingKind = undefined;
      if (changed.get('instrument') !== undefined || changed.get('instruments') !== undefined) this.answers = {};
    }
  }

  protected override updated(changed: PropertyValues): void {
    this.updateFormValue();
    // Only the sending code sets 'queued'; it tries the queue again with back-off while the page stays open.
    if (changed.has('status') && this.status === 'queued') submission?.retryQueued(this as unknown as SubmissionHost);
    if (changed.has('status') && FINAL.includes(this.status)) {
      this.renderRoot.querySelector<HTMLElement>('.message-title')?.focus();
    }
  }

  override render() {
    const instrument = this.currentInstrument;
    if (!instrument) {
      return this.loadingKind ? nothing : html`<p part="status" role="alert">${this.t('unavailable')}</p>`;
    }
    if (submission && FINAL.includes(this.status)) {
      return submission.renderMessage(
        this.status as FinalStatus,
        this.headingLevel,
        (key) => this.t(key),
        this.queuedInMemory,
      );
    }
    const inHostForm = this.form !== null;
    if (!inHostForm && !this.deviceKey && !(this.token || secretFromAddress('t'))) {
      if (!this.reportedMissing) {
        this.reportedMissing = true;
        console.error('motcua-rating-form: no token, ?t= or device-key');
      }
      return html`<p part="status" role="alert" data-missing="token">${this.t('missingToken')}</p>`;
    }
    const lang = this.language;
    return html`<form part="form" novalidate aria-labelledby="title" @submit=${this.onSubmit}>
      <div id="title" part="title" role="heading" aria-level=${this.headingLevel}>${instrument.title[lang]}</div>
      ${instrument.questions.map((question) =>
        question.type === 'scale'
          ? renderScale.call(this as unknown as QuestionsHost, question)
          : renderText.call(this as unknown as QuestionsHost, question),
      )}
      <div class="honeypot" aria-hidden="true">
        <label for="website">${this.t('honeypot')}</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>
      <p part="status" role="status" class=${this.sendError ? 'error' : ''}>${statusLine.call(this as unknown as QuestionsHost)}</p>
      ${
        inHostForm
          ? nothing
          : html`<button part="submit" type="submit" aria-disabled=${this.busy || this.isDisabled ? 'true' : 'false'}>
            ${this.t('submit')}
          </button>`
      }
    </form>`;
  }

  private get isDisabled(): boolean {
    return this.disabled || (this.formDisabled && this.formAssociated);
  }

  /** @internal Also used by the sending code. */
  messageFor(problem: ShownProblem): string {
    const question = this.currentInstrument?.questions.find((q) => q.id === problem.question);
    switch (problem.code) {
      case 'missing-answer':
        return this.t(question?.type === 'scale' ? 'errorChoose' : 'errorRequired');
      case 'missing-reason':
        return this.t('errorReason');
      default:
        // Found by core's full check or the server: their messages come with the sending code.
        return submission?.otherMessage(problem, question, this.language, (key, params) => this.t(key, params)) ?? '';
    }
  }

  /** Core's judgement of the answers, as problems to show. @internal Also used by the sending code. */
  coreProblems(): ShownProblem[] {
    const instrument = this.currentInstrument;
    if (!instrument) return [];
    return submission
      ? submission.coreProblems(instrument, this.answers)
      : provisionalProblems(instrument, this.answers);
  }

  /** Takes the citizen's answer to a question. @internal Called by the questions' controls (render-questions.ts). */
  answer(questionId: string, value: number | string): void {
    this.sending.prepare();
    const next = { ...this.answers };
    if (value === '') delete next[questionId];
    else next[questionId] = value;
    // A reason left for "Không hài lòng" goes once the citizen picks another level and the field hides.
    for (const q of this.currentInstrument?.questions ?? []) {
      if (q.type === 'text' && q.requiredWhen?.question === questionId && !q.required) {
        if (!q.requiredWhen.values.includes(next[questionId] as number)) delete next[q.id];
      }
    }
    this.answers = next;
    this.sendError = undefined;
    if (this.attempted) this.shown = this.coreProblems();
  }

  /**
   * Outside a host form it never holds the page's form back. In one, its value and validity come from the sending
   * code (core's validation and the scrubber) once it has arrived; until then the form has no value (answers come
   * with a touch, which fetches that code) and the provisional problems hold the page's form back.
   */
  private updateFormValue(): void {
    const inHostForm = this.form !== null;
    if (inHostForm && submission) {
      submission.updateHostForm(this as unknown as SubmissionHost, this.internals);
      return;
    }
    const first = inHostForm ? this.coreProblems()[0] : undefined;
    this.internals.setFormValue(null, inHostForm ? JSON.stringify(this.answers) : undefined);
    this.internals.setValidity(first ? { valueMissing: true } : {}, first && this.messageFor(first));
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.form) {
      this.form.requestSubmit();
      return;
    }
    if (!this.busy && !this.isDisabled && this.currentInstrument) this.sending.submit();
  };

  /** Called by the browser when the host form is reset. */
  formResetCallback(): void {
    if (!this.formAssociated) return;
    this.answers = {};
    this.shown = [];
    this.attempted = false;
    this.sendError = undefined;
    this.pending = undefined;
    this.queuedInMemory = false;
    this.status = 'form';
  }

  /** Called by the browser when a fieldset or form around it is disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    // Also called while Lit reflects `disabled` in the middle of an update, where a change would be dropped.
    void this.updateComplete.then(() => this.requestUpdate());
  }

  /** Called by the browser to restore the answers after navigation or autofill. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const parsed: unknown = JSON.parse(state);
      if (isJsonObject(parsed)) {
        this.answers = parsed as Record<string, number | string>;
        this.sending.prepare();
      }
    } catch {
      // a state this version did not write: start empty
    }
  }

  /** Called by the browser when it joins or leaves a host form. */
  formAssociatedCallback(): void {
    this.requestUpdate();
  }
}

defineElement('motcua-rating-form', MotcuaRatingForm);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-rating-form': MotcuaRatingForm;
  }
}
