// A press that issued nothing: why, in the kiosk's strings or the server's own words, with "try again" when the same
// press may still work, and back to the services. Functions of the element, called with it as `this`, as the services
// screen's are.
import { html, nothing } from 'lit';
import { retry } from './take-number.js';
import type { KioskInternals } from './types.js';

/** The refusal shown: its title, body or the server's words, "try again" when it may work, and back. */
export function renderRefusal(this: KioskInternals) {
  const refusal = this.refusal;
  if (!refusal) return nothing;
  const detail = refusal.message ? this.text(refusal.message) : '';
  return html`
    <section part="message" role="alert" tabindex="-1" data-reason=${refusal.reason}>
      <h3>${this.t(refusal.title)}</h3>
      ${refusal.body ? html`<p>${this.t(refusal.body)}</p>` : nothing}
      ${detail ? html`<p>${detail}</p>` : nothing}
      <div class="actions">
        ${refusal.retry ? html`<button part="retry" type="button" @click=${retry}>${this.t('retry')}</button>` : nothing}
        <button part="done" class=${refusal.retry ? 'secondary' : ''} type="button" @click=${this.backToServices}>
          ${this.t('back')}
        </button>
      </div>
      <p class="hint">${this.t('returning', { seconds: this.returnAfter })}</p>
    </section>
  `;
}
