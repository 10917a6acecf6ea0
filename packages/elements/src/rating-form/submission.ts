// What <motcua-rating-form> loads once the citizen starts answering (or when a rating waits in the outbox): core's
// validation and the scrubber, the free-text question, the request to the ratings API with its retries, the
// offline outbox and the messages shown after sending. The form itself, with the 3-level rating's texts, paints
// without it.
import { scrubPersonalData, type TextQuestion } from '@motcua/core/satisfaction';
import { html, nothing, type TemplateResult } from 'lit';
import type { Language } from '../internal/i18n.js';
import { queueRating } from './outbox.js';
import type { RatingFailedDetail, RatingFormStringKey, ShownProblem } from './rating-form.js';
import { type PendingRating, type SendOutcome, sendRating } from './request.js';

export { ratingTokenFromLink, scrubPersonalData, validateResponse } from '@motcua/core/satisfaction';
export { messageStrings } from './messages.js';
export { flushRatings, queuedRatings } from './outbox.js';
export { buildRatingRequest, newIdempotencyKey } from './request.js';

/** What the form needs to draw a free-text question. */
export interface TextQuestionView {
  readonly question: TextQuestion;
  readonly value: string;
  readonly required: boolean;
  /** The problem to show beside it, in the form's language. */
  readonly problem: string | undefined;
  readonly disabled: boolean;
  readonly language: Language;
  readonly t: (key: RatingFormStringKey) => string;
  readonly onInput: (value: string) => void;
}

/** A free-text question: label, privacy hint, error, textarea, and a note when personal numbers will be masked. */
export function renderTextQuestion(view: TextQuestionView): TemplateResult {
  const { question, value, problem, t } = view;
  const masked = value !== '' && scrubPersonalData(value) !== value;
  const id = `q-${question.id}`;
  const describedBy = [
    `hint-${question.id}`,
    problem ? `error-${question.id}` : '',
    masked ? `mask-${question.id}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<div part="question" class=${problem ? 'text invalid' : 'text'}>
    <label for=${id}>
      ${question.text[view.language]}
      <span class="marker">${t(view.required ? 'required' : 'optional')}</span>
    </label>
    <p id=${`hint-${question.id}`} part="hint" class="hint">${t('privacyHint')}</p>
    ${problem ? html`<p id=${`error-${question.id}`} part="error" class="error">${problem}</p>` : nothing}
    <textarea
      id=${id}
      part="textarea"
      name=${question.id}
      rows="4"
      maxlength=${question.maxLength}
      ?required=${view.required}
      ?disabled=${view.disabled}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${describedBy}
      .value=${value}
      @input=${(event: Event) => view.onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${masked ? html`<p id=${`mask-${question.id}`} part="hint" class="hint">${t('willMask')}</p>` : nothing}
  </div>`;
}

/** The panel that replaces the form once the rating is sent, saved, already given or expired. */
export type FinalStatus = 'sent' | 'queued' | 'already-rated' | 'expired';

/** The panel shown in place of the form in a final state; its title gets focus. */
export function renderMessage(
  status: FinalStatus,
  headingLevel: number,
  t: (key: RatingFormStringKey) => string,
): TemplateResult {
  const [title, body] = (
    {
      sent: ['thanksTitle', 'thanksBody'],
      queued: ['queuedTitle', 'queuedBody'],
      'already-rated': ['alreadyTitle', 'alreadyBody'],
      expired: ['expiredTitle', 'expiredBody'],
    } as const
  )[status];
  return html`<div part="message" data-status=${status}>
    <p class="message-title" role="heading" aria-level=${headingLevel} tabindex="-1">${t(title)}</p>
    <p>${t(body)}</p>
  </div>`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends with back-off while the failure may pass; stops at once when the browser knows it is offline. */
export async function deliver(
  pending: PendingRating,
  timeoutMs: number,
  retryDelays: readonly number[],
): Promise<SendOutcome> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await sendRating(pending, timeoutMs);
    if (outcome.kind !== 'transient') return outcome;
    const delay = retryDelays[attempt];
    if (delay === undefined || (typeof navigator !== 'undefined' && !navigator.onLine)) return outcome;
    await sleep(delay);
  }
}

/** What a send means for the form. */
export interface Verdict {
  readonly status: FinalStatus | 'error';
  readonly sendError?: 'errorSend' | 'errorRateLimited' | 'errorNotSaved';
  /** Set when the rating was not recorded: the `motcua-rating-failed` reason. */
  readonly reason?: RatingFailedDetail['reason'];
  /** The problems the server found, by question. */
  readonly problems?: readonly ShownProblem[];
}

const questionFromPath = (path: string): string | undefined =>
  /(?:\.([A-Za-z_$][\w$]*)|\["((?:[^"\\]|\\.)*)"\])$/
    .exec(path)
    ?.slice(1)
    .find((s) => s !== undefined);

/**
 * How a send ends for the form. A send that may succeed later keeps the rating in the outbox (or says the device
 * could not keep it); anything else is the server's answer for good.
 */
export function verdictFor(outcome: SendOutcome, pending: PendingRating): Verdict {
  switch (outcome.kind) {
    case 'transient':
      return queueRating(pending)
        ? { status: 'queued' }
        : { status: 'error', sendError: 'errorNotSaved', reason: 'error' };
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
