// The kiosk's services screen: one large button per service, a service not issuing now dimmed with the time it opens
// again, and the priority toggle. Functions of the element, called with it as `this` (`renderServices.call(kiosk)`):
// written as its methods were, they compress as they did (the element passed as a parameter cost bytes the kiosk's
// first paint does not have).
import { html, nothing } from 'lit';
import { take } from './take-number.js';
import type { KioskInternals } from './types.js';

/** One button per service (a closed one dimmed, with its opening time), then the priority toggle and its hint. */
export function renderServices(this: KioskInternals) {
  const services = this.catalogue?.services ?? [];
  if (services.length === 0) return html`<p>${this.t('noServices')}</p>`;
  const busy = this.screen === 'issuing';
  return html`
    <ul part="services">
      ${services.map((s) => {
        const opens = this.opensLine(s);
        return html`<li>
          <button part="service" type="button" data-service=${s.id} ?disabled=${busy}
            aria-disabled=${opens !== undefined} @click=${() => take.call(this, s.id)}>
            ${s.prefix ? html`<span part="prefix" aria-hidden="true">${s.prefix}</span>` : nothing}
            <span>${this.text(s.name) || s.id} ${opens ? html`<span part="opens">${opens}</span>` : nothing}</span>
          </button>
        </li>`;
      })}
    </ul>
    ${
      this.priorityId() && !this.noPriority
        ? html`<button part="priority" type="button" aria-pressed=${this.priorityOn ? 'true' : 'false'} ?disabled=${busy}
            aria-describedby="priority-hint" @click=${togglePriority}>
            <span class="box" aria-hidden="true"></span>${this.t('priority')}
          </button>
          <p class="hint" id="priority-hint">${this.t(this.priorityOn ? 'priorityOn' : 'priorityHint')}</p>`
        : nothing
    }
  `;
}

/** The priority toggle: on for the next press, off again after it. */
function togglePriority(this: KioskInternals): void {
  this.priorityOn = !this.priorityOn;
}
