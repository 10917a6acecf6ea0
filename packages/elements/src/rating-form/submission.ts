// What <motcua-rating-form> loads once the citizen starts answering (or when a rating waits in the outbox): core's
// validation and the scrubber, a host form's value and validity (for a form-associated form), the free-text question,
// the request to the ratings API with its retries, the offline outbox with its tries while the page stays open, and
// the messages shown after sending. The form itself, with the 3-level rating's texts, paints without it.

import {
  type Answers,
  type Instrument,
  type Question,
  scrubPersonalData,
  type TextQuestion,
  validateResponse,
} from '@motcua/core/satisfaction';
import { css, html, nothing, type TemplateResult } from 'lit';
import { secretFromAddress } from '../internal/address-secrets.js';
import type { EventDetail } from '../internal/base.js';
import { apiUrl } from '../internal/config.js';
import type { Language } from '../internal/i18n.js';
import { flushRatings, type QueuedRating, queuedRatings, queueRating } from './outbox.js';
import { hasQueuedRatings } from './outbox-key.js';
import type { FinalStatus, RatingFailedDetail, RatingFormStatus, ShownProblem } from './rating-form.events.js';
import type { RatingFormStringKey } from './rating-form.strings.js';
import {
  buildRatingRequest,
  idempotencyKeyFor,
  nextIdempotencyKey,
  type PendingRating,
  type SendOutcome,
  sendRating,
} from './request.js';

export { messageStrings } from './messages.js';

/** The rating token in use: the form's `token`, else the page address (`?t=…`, the QR code on the receipt). */
function activeToken(token: string): string {
  return token || secretFromAddress('t');
}

/**
 * The rating the form sends: the request body of its answers (checked by core a moment before), attributes and the
 * honeypot, and the URL, under the previous submission's idempotency key when it is a retry of the same rating, since
 * the server may have recorded it already. Anything else is a new rating: its key is the rating token's id (a random
 * one for a counter-level rating), or the next one after the key the server last answered for good without recording
 * the rating (`spentKey`).
 */
function pendingRating(form: FormInternals, instrument: Instrument, honeypot: string): PendingRating {
  const { pending: previous, spentKey: spent } = form;
  const body = buildRatingRequest({
    instrument,
    answers: form.answers,
    token: activeToken(form.token),
    deviceKey: form.deviceKey,
    counter: form.counter,
    channel: form.channel,
    honeypot,
  });
  const url = apiUrl(form.endpoint).href;
  if (previous && JSON.stringify(previous.body) === JSON.stringify(body) && previous.url === url) return previous;
  return { key: spent ? nextIdempotencyKey(spent, body.token) : idempotencyKeyFor(body.token), url, body };
}

/**
 * The styles of what arrives with this code: the chosen and the focused option (until then the radio button itself
 * shows both, with the base focus ring), free-text questions, questions with a problem, the button while sending and
 * the panel shown after sending.
 */
export const laterStyles = css`
  [part='option']:has(input:checked) {
    border-color: var(--motcua-color-primary, #0b57d0);
    box-shadow: inset 0 0 0 1px var(--motcua-color-primary, #0b57d0);
    background: var(--motcua-rating-form-selected-background, #e8f0fe);
  }
  [part='option']:has(input:focus-visible) {
    outline: 3px solid var(--motcua-color-focus, #0b57d0);
    outline-offset: 2px;
  }
  input[type='radio']:focus-visible {
    outline: none;
  }
  /* A question with a problem: its fieldset, or a free-text question's block. */
  .invalid {
    border-inline-start: 4px solid var(--motcua-color-danger, #b3261e);
    padding-inline-start: 0.75em;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .message-title {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
  }
  .text > label {
    display: block;
    margin-bottom: 0.5em;
    font-weight: 600;
  }
  textarea {
    display: block;
    width: 100%;
    min-height: 6em;
    padding: 0.5em;
    font: inherit;
    color: inherit;
    background: var(--motcua-color-surface, #fff);
    border: 1px solid var(--motcua-color-border, #767676);
    border-radius: var(--motcua-radius, 4px);
  }
  textarea[aria-invalid='true'] {
    border: 2px solid var(--motcua-color-danger, #b3261e);
  }
  .hint {
    margin: 0 0 0.5em;
    color: var(--motcua-color-muted, #555);
  }
  [part='message'] {
    padding: 1em;
    border-inline-start: 6px solid var(--motcua-color-success, #146c2e);
    background: var(--motcua-color-surface, #fff);
  }
  [part='message'][data-status='already-rated'],
  [part='message'][data-status='queued'] {
    border-inline-start-color: var(--motcua-color-primary, #0b57d0);
  }
  [part='message'][data-status='expired'] {
    border-inline-start-color: var(--motcua-color-danger, #b3261e);
  }
  [part='message'] p:last-child {
    margin-bottom: 0;
  }
  @media (forced-colors: active) {
    [part='option']:has(input:checked) {
      outline: 2px solid Highlight;
    }
    [part='option']:has(input:focus-visible) {
      outline: 3px solid Highlight;
    }
    .invalid,
    [part='message'] {
      border-inline-start-color: CanvasText;
    }
  }
`;

/** The message of a problem core's full check (`too-long`) or the server found, in the form's language. */
export function otherMessage(
  problem: ShownProblem,
  question: Question | undefined,
  language: Language,
  t: (key: RatingFormStringKey, params?: Readonly<Record<string, string | number>>) => string,
): string {
  if (problem.code === 'too-long')
    return t('errorTooLong', { max: question?.type === 'text' ? question.maxLength : '' });
  return problem.message?.[language] ?? problem.message?.vi ?? t('errorSend');
}

/** Core's judgement of the answers, as problems to show beside their questions. */
export function coreProblems(instrument: Instrument, answers: Answers): ShownProblem[] {
  return validateResponse(instrument, answers).map((p) => ({
    question: typeof p.path[0] === 'string' ? p.path[0] : undefined,
    code: p.code,
    message: p.message,
  }));
}

/**
 * As a control of a host form: its answers in the form's data (`name.questionId`, free text scrubbed, and
 * `name.instrument`; nothing without a `name`), its state for the browser to restore, and its validity by core.
 */
export function updateHostForm(form: FormInternals, internals: ElementInternals): void {
  const instrument = form.currentInstrument;
  const state = JSON.stringify(form.answers);
  const entries = Object.entries(form.answers);
  if (form.name && instrument && entries.length > 0) {
    const data = new FormData();
    data.append(`${form.name}.instrument`, `${instrument.id}@${instrument.version}`);
    for (const [id, value] of entries) {
      data.append(`${form.name}.${id}`, typeof value === 'string' ? scrubPersonalData(value) : String(value));
    }
    internals.setFormValue(data, state);
  } else {
    internals.setFormValue(null, state);
  }
  const first = form.coreProblems()[0];
  if (!first) {
    internals.setValidity({});
    return;
  }
  const anchor =
    form.renderRoot.querySelector<HTMLElement>(`[name="${CSS.escape(first.question ?? '')}"]`) ?? undefined;
  const missing = first.code === 'missing-answer' || first.code === 'missing-reason';
  internals.setValidity(missing ? { valueMissing: true } : { customError: true }, form.messageFor(first), anchor);
}

/** What a free-text question reads of the form, and its answers go to. */
export type TextQuestionForm = Pick<FormInternals, 'answers' | 'language' | 'isDisabled' | 'busy' | 't' | 'answer'>;

/**
 * A free-text question shown on the form (`required` when it is, or when its trigger asks for it): label, privacy hint,
 * error, textarea, and a note when personal numbers will be masked.
 */
export function renderTextQuestion(
  form: TextQuestionForm,
  question: TextQuestion,
  required: boolean,
  problem: string | undefined,
): TemplateResult {
  const value = String(form.answers[question.id] ?? '');
  const masked = value !== '' && scrubPersonalData(value) !== value;
  const id = `q-${question.id}`;
  const describedBy = `hint-${question.id}${problem ? ` error-${question.id}` : ''}${masked ? ` mask-${question.id}` : ''}`;
  return html`<div part="question" class=${problem ? 'text invalid' : 'text'}>
    <label for=${id}>
      ${`${question.text[form.language]} `}<span class="marker">${form.t(required ? 'required' : 'optional')}</span>
    </label>
    <p id=${`hint-${question.id}`} part="hint" class="hint">${form.t('privacyHint')}</p>
    ${problem ? html`<p id=${`error-${question.id}`} part="error" class="error">${problem}</p>` : nothing}
    <textarea
      id=${id}
      part="textarea"
      name=${question.id}
      rows="4"
      maxlength=${question.maxLength}
      ?required=${required}
      ?disabled=${form.isDisabled || form.busy}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${describedBy}
      .value=${value}
      @input=${(event: Event) => form.answer(question.id, (event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${masked ? html`<p id=${`mask-${question.id}`} part="hint" class="hint">${form.t('willMask')}</p>` : nothing}
  </div>`;
}

/**
 * The panel shown in place of the form in a final state; its title gets focus. A rating kept only in this page's
 * memory (no IndexedDB) says it is lost if the page is closed before it is sent.
 */
export function renderMessage(
  status: FinalStatus,
  headingLevel: number,
  t: (key: RatingFormStringKey) => string,
  inMemory = false,
): TemplateResult {
  const [title, body] = (
    {
      sent: ['thanksTitle', 'thanksBody'],
      queued: ['queuedTitle', inMemory ? 'queuedInMemoryBody' : 'queuedBody'],
      'already-rated': ['alreadyTitle', 'alreadyBody'],
      expired: ['expiredTitle', 'expiredBody'],
    } as const
  )[status];
  return html`<div part="message" data-status=${status}>
    <p class="message-title" role="heading" aria-level=${headingLevel} tabindex="-1">${t(title)}</p>
    <p>${t(body)}</p>
  </div>`;
}

/** What a send means for the form. */
export interface Verdict {
  readonly status: FinalStatus | 'error';
  /** Queued: whether in this page's memory only, lost if the page is closed before it is sent. */
  readonly inMemory?: boolean;
  readonly sendError?: 'errorSend' | 'errorRateLimited' | 'errorNotSaved';
  /** Set when the rating was not recorded: the `motcua-rating-failed` reason. */
  readonly reason?: RatingFailedDetail['reason'];
  /** The problems the server found, by question. */
  readonly problems?: readonly ShownProblem[];
}

/** The question a server problem's path ends on: `$.answers.reason`, `$.answers["reason"]`. */
const questionFromPath = (path: string): string | undefined => {
  const [, name, quoted] = /(?:\.([A-Za-z_$][\w$]*)|\["((?:[^"\\]|\\.)*)"\])$/.exec(path) ?? [];
  return name ?? quoted;
};

/**
 * How a send ends for the form. A send that may succeed later keeps the rating in the outbox (or says the device
 * could not keep it); anything else is the server's answer for good.
 */
async function verdictFor(outcome: SendOutcome, pending: PendingRating): Promise<Verdict> {
  switch (outcome.kind) {
    case 'transient': {
      const kept = await queueRating(pending);
      if (kept === 'refused') return { status: 'error', sendError: 'errorNotSaved', reason: 'error' };
      return { status: 'queued', inMemory: kept === 'memory' };
    }
    case 'sent':
      return { status: 'sent' };
    case 'already-rated':
    case 'expired':
      return { status: outcome.kind, reason: outcome.kind };
    case 'invalid':
      return {
        status: 'error',
        reason: 'invalid',
        problems: outcome.problems.map((p) => ({
          question: questionFromPath(p.path),
          code: p.code,
          message: p.message,
        })),
      };
    case 'rate-limited':
      return { status: 'error', sendError: 'errorRateLimited', reason: 'rate-limited' };
    case 'failed':
      return { status: 'error', sendError: 'errorSend', reason: 'error' };
  }
}

/**
 * What the sending code reads and drives on `<motcua-rating-form>`: its private members, so that this part of the form
 * loads with the first interaction instead of with the first paint.
 */
export interface FormInternals {
  readonly currentInstrument: Instrument | undefined;
  readonly busy: boolean;
  readonly isDisabled: boolean;
  readonly answers: Answers;
  readonly token: string;
  readonly deviceKey: string;
  readonly counter: string;
  readonly channel: string;
  readonly endpoint: string;
  readonly timeout: number;
  readonly retryDelays: readonly number[];
  readonly queueRetryDelays: readonly number[];
  readonly name: string;
  readonly isConnected: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  status: RatingFormStatus;
  sendError: Verdict['sendError'];
  attempted: boolean;
  shown: readonly ShownProblem[];
  pending: PendingRating | undefined;
  spentKey: string | undefined;
  queuedInMemory: boolean;
  queueTimer: ReturnType<typeof setTimeout> | undefined;
  queueAttempt: number;
  coreProblems(): ShownProblem[];
  messageFor(problem: ShownProblem): string;
  rendered(): Promise<boolean>;
  readonly language: Language;
  t(key: RatingFormStringKey): string;
  /** Takes the citizen's answer to a question. */
  answer(questionId: string, value: number | string): void;
  emit<E extends keyof HTMLElementEventMap>(type: E, detail: EventDetail<E>): boolean;
}

/** Moves the focus to the first question with a problem (its chosen option, else its first control). */
function focusFirstProblem(form: FormInternals): void {
  const first = form.shown.find((p) => p.question);
  if (!first?.question) return;
  const name = CSS.escape(first.question);
  const target =
    form.renderRoot.querySelector<HTMLInputElement>(`[name="${name}"]:checked`) ??
    form.renderRoot.querySelector<HTMLElement>(`[name="${name}"]`);
  target?.focus();
}

/** Checks the answers with core and starts sending them; resolves once sending has started, not when it ends. */
export async function submit(form: FormInternals): Promise<void> {
  const instrument = form.currentInstrument;
  if (!instrument || form.busy || form.isDisabled) return;
  form.attempted = true;
  form.shown = form.coreProblems();
  form.sendError = undefined;
  if (form.shown.length > 0) {
    await form.rendered();
    focusFirstProblem(form);
    return;
  }
  const pending = pendingRating(
    form,
    instrument,
    form.renderRoot.querySelector<HTMLInputElement>('#website')?.value ?? '',
  );
  form.pending = pending;
  form.status = 'sending';
  void sendRating(pending, form.timeout, form.retryDelays).then((outcome) => settle(form, outcome, false));
}

/** What a send (or a send from the queue) means for the form: its state, the focus, and its event. */
async function settle(form: FormInternals, outcome: SendOutcome, fromQueue: boolean): Promise<void> {
  const pending = form.pending;
  if (!pending) return;
  const kept = outcome.kind === 'transient' || outcome.kind === 'failed' || outcome.kind === 'rate-limited';
  if (fromQueue && kept) return; // still in the queue; the next chance will try again
  const verdict = await verdictFor(outcome, pending);
  if (form.pending !== pending) return; // reset while the outbox was being written
  form.status = verdict.status;
  form.sendError = verdict.sendError;
  if (verdict.status === 'queued') {
    form.queuedInMemory = !!verdict.inMemory;
  } else if (outcome.kind !== 'transient') {
    // The server answered for good: the next submission is a new request, under the next key if this one was
    // answered without recording the rating (invalid, too many requests, another refusal: an error to show).
    form.pending = undefined;
    if (verdict.status === 'error') form.spentKey = pending.key;
  }
  if (verdict.problems) {
    form.attempted = true;
    form.shown = verdict.problems;
    if (!form.shown.some((p) => form.currentInstrument?.questions.some((q) => q.id === p.question))) {
      form.sendError = 'errorSend';
    }
    void form.rendered().then(() => focusFirstProblem(form));
  }
  if (verdict.reason) {
    form.emit('motcua-rating-failed', { reason: verdict.reason });
  } else {
    const queued = verdict.status === 'queued';
    form.emit(queued ? 'motcua-rating-queued' : 'motcua-rated', {
      instrument: pending.body.instrument,
      answers: pending.body.answers,
      queued: queued || fromQueue,
    });
  }
}

/** Sends what waits in the queue (this page's and earlier visits'), and settles the form's own rating. */
export async function sendQueued(form: FormInternals): Promise<void> {
  if ((await queuedRatings()).length === 0) return;
  const outcomes = await flushRatings(form.timeout);
  // The form's own rating, when it waits in the queue: under its id there (a rating resumed from it), or under the key
  // it was queued with.
  const { pending } = form;
  const mine =
    pending && form.status === 'queued'
      ? outcomes.get((pending as Partial<QueuedRating>).id ?? pending.key)
      : undefined;
  if (mine) await settle(form, mine, true);
}

/**
 * Tries the queue again after the next of `queueRetryDelays` (the last one repeats) while ratings wait, so that a
 * server that was down gets them while the page stays open: the `online` event only says the device reconnected.
 */
export function retryQueued(form: FormInternals): void {
  const delays = form.queueRetryDelays;
  if (form.queueTimer !== undefined || !form.isConnected || delays.length === 0) return;
  const delay = delays[Math.min(form.queueAttempt++, delays.length - 1)];
  form.queueTimer = setTimeout(async () => {
    form.queueTimer = undefined;
    if (hasQueuedRatings()) await sendQueued(form);
    if (hasQueuedRatings()) retryQueued(form);
    else form.queueAttempt = 0;
  }, delay);
}

/** On a visit with ratings waiting: shows the form's own as saved (same token), and sends them when online. */
export async function resumeQueued(form: FormInternals): Promise<void> {
  const token = activeToken(form.token);
  const waiting = token ? (await queuedRatings()).find((q) => q.body.token === token) : undefined;
  if (waiting && form.status === 'form') {
    form.pending = waiting;
    form.status = 'queued';
  }
  if (navigator.onLine) await sendQueued(form);
}
