// The rating form's questions as it draws them — a scale's options as radio buttons in a fieldset with the problem
// beside it, a free-text question that the sending code draws once it has arrived (the first touch fetches it) — and the
// status line under them. Functions of the form, called with it as `this` (`renderScale.call(form, question)`):
// written as its methods were, they compress as they did (a form passed as a parameter cost the first paint ~30 B).
import type { ScaleQuestion, TextQuestion } from '@motcua/core/satisfaction';
import { html, nothing } from 'lit';
import type { Language } from '../internal/i18n.js';
import type { RatingFormStatus, ShownProblem } from './rating-form.events.js';
import type { RatingFormStringKey } from './rating-form.strings.js';
import { type SubmissionController, submission } from './submission-controller.js';

/** The form as its questions read it (private members of `<motcua-rating-form>` among them). */
export interface QuestionsHost {
  readonly language: Language;
  readonly answers: Readonly<Record<string, number | string>>;
  readonly shown: readonly ShownProblem[];
  readonly isDisabled: boolean;
  readonly busy: boolean;
  readonly sending: SubmissionController;
  /** Whether a render asked for the sending code already (the next touch asks again, not every render). */
  askedOnRender: boolean;
  readonly status: RatingFormStatus;
  readonly sendError: 'errorSend' | 'errorRateLimited' | 'errorNotSaved' | undefined;
  readonly attempted: boolean;
  t(key: RatingFormStringKey, params?: Readonly<Record<string, number>>): string;
  messageFor(problem: ShownProblem): string;
  /** Takes the citizen's answer to a question. */
  answer(questionId: string, value: number | string): void;
}

/** The message shown beside a question, in the element's language and overridable strings. */
function problemFor(this: QuestionsHost, questionId: string): string | undefined {
  const problem = this.shown.find((p) => p.question === questionId);
  return problem ? this.messageFor(problem) : undefined;
}

/** A scale question: its options as radio buttons in a fieldset, its problem beside it. */
export function renderScale(this: QuestionsHost, question: ScaleQuestion) {
  const problem = problemFor.call(this, question.id);
  const lang = this.language;
  return html`<fieldset
    part="question"
    class=${problem ? 'invalid' : ''}
    aria-describedby=${problem ? `error-${question.id}` : nothing}
  >
    <legend part="legend">
      ${question.text[lang]}${question.required ? nothing : [' ', html`<span class="marker">${this.t('optional')}</span>`]}
    </legend>
    ${problem ? html`<p id=${`error-${question.id}`} part="error" class="error">${problem}</p>` : nothing}
    <div class="options">
      ${question.options.map(
        (option) => html`<label part="option">
          <input
            type="radio"
            name=${question.id}
            .value=${String(option.value)}
            .checked=${this.answers[question.id] === option.value}
            ?disabled=${this.isDisabled || this.busy}
            aria-invalid=${problem ? 'true' : nothing}
            @change=${() => this.answer(question.id, option.value)}
          />
          <span>${option.label[lang]}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

/**
 * A text question, shown while it is required or asked for by its trigger (the reason for "Không hài lòng"): the
 * sending code draws it, and is fetched when it has not arrived.
 */
export function renderText(this: QuestionsHost, question: TextQuestion) {
  const trigger = question.requiredWhen;
  const triggered = trigger?.values.includes(this.answers[trigger.question] as number) === true;
  if (trigger && !triggered && !question.required) return nothing;
  // Free text comes with the sending code, which the first touch fetches (the reason shows after a tap). Asked for
  // here once only: when the network is down, the next touch asks again, not every render.
  if (!submission) {
    if (!this.askedOnRender) {
      this.askedOnRender = true;
      this.sending.prepare();
    }
    return nothing;
  }
  return submission.renderTextQuestion(
    this,
    question,
    question.required || triggered,
    problemFor.call(this, question.id),
  );
}

/** The live region under the questions: sending, why the rating was not sent, or how many answers need attention. */
export function statusLine(this: QuestionsHost): string {
  if (this.status === 'sending') return this.t('sending');
  if (this.sendError) return this.t(this.sendError);
  const count = this.attempted ? this.shown.length : 0;
  return count > 0 ? this.t('errorCount', { count }) : '';
}
