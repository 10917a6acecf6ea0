// The issued ticket: its number shown and said at once, the people ahead and the wait when the server gives them, the
// QR code to its status page, and the ticket printed on the kiosk's roll. Functions of the element, called with it as
// `this`, as the services screen's are.
import { html, nothing } from 'lit';
import type { PaperWidth } from './print-view.js';
import { getJson, type IssuedTicket, type TicketWait } from './request.js';
import type { Issuing, KioskInternals } from './types.js';
import { say } from './voice.js';

/** How long the people ahead and the wait are waited for before the ticket prints without them. */
const WAIT_TIMEOUT_MS = 4000;

/** The ticket shown: its number, service, the people ahead and the wait, the QR code, and back to the services. */
export function renderTicket(this: KioskInternals) {
  const ticket = this.ticket;
  if (!ticket) return nothing;
  const wait = this.wait;
  const minutes = wait?.minutes;
  const url = urlOf.call(this, ticket);
  return html`
    <section part="ticket" tabindex="-1" aria-labelledby="your-number issued-number">
      <p id="your-number">${this.t('yourNumber')}</p>
      <p part="number" id="issued-number">${ticket.number}</p>
      <div class="facts">
        <p>${this.t('service', { service: serviceName.call(this, ticket.service) })}</p>
        ${wait ? html`<p class="ahead">${aheadText.call(this, wait.ahead)}</p>` : nothing}
        ${minutes && minutes.high > 0 ? html`<p class="wait">${this.t('wait', { low: minutes.low, high: minutes.high })}</p>` : nothing}
        ${this.lastPress?.priority ? html`<p class="hint">${this.t('priorityNoted')}</p>` : nothing}
        ${this.paper ? html`<p>${this.t('takeSlip')}</p>` : nothing}
      </div>
      ${url && this.qr ? html`<div class="scan">${this.qr.qrTemplate(url, this.t('qrLabel', { number: ticket.number }))}<p class="hint">${this.t('scan')}</p></div>` : nothing}
      <div class="actions">
        <button part="done" type="button" @click=${this.backToServices}>${this.t('done')}</button>
      </div>
      <p class="hint">${this.t('returning', { seconds: this.returnAfter })}</p>
    </section>
  `;
}

/**
 * Shows and says the number at once; the people ahead and the wait follow when the server gives them (waited for at
 * most {@link WAIT_TIMEOUT_MS}), and the ticket prints with them.
 */
export async function show(this: KioskInternals, ticket: IssuedTicket, issuing: Issuing): Promise<void> {
  const loadQr = this.ticketUrl ? import('../internal/qr.js').catch(() => undefined) : undefined;
  this.ticket = ticket;
  this.wait = undefined;
  this.priorityOn = false;
  this.screen = 'ticket';
  this.focusPending = true;
  this.scheduleReturn();
  this.track(say.call(this, ticket.number));
  const url = this.endpoint(`api/queue/tickets/${encodeURIComponent(ticket.id)}`);
  const wait = issuing.readTicketWait(await getJson(url, Math.min(this.timeout, WAIT_TIMEOUT_MS)));
  const qr = await loadQr;
  if (qr) this.qr = qr;
  if (this.ticket === ticket) this.wait = wait;
  this.emit('motcua-ticket-issued', { ticket, wait });
  if (this.paper === '58' || this.paper === '80') await print.call(this, ticket, wait, this.paper);
}

/** Prints the ticket from a hidden frame (the print view loads on the first ticket). */
async function print(
  this: KioskInternals,
  ticket: IssuedTicket,
  wait: TicketWait | undefined,
  paper: PaperWidth,
): Promise<void> {
  const view = await import('./print-view.js').catch(() => undefined);
  if (!view) {
    console.warn('motcua-ticket-kiosk: không tải được phần in phiếu / the print view could not be loaded');
    return;
  }
  this.printFrame ??= new view.PrintFrame();
  view.printTicket(
    this.printFrame,
    {
      paper,
      language: this.language,
      office: this.catalogue ? this.text(this.catalogue.office.name) : '',
      number: ticket.number,
      service: serviceName.call(this, ticket.service),
      issuedAt: ticket.issuedAt,
      wait,
      url: urlOf.call(this, ticket) || undefined,
      t: (key, params) => this.t(key, params),
    },
    (frame) => {
      try {
        this.printer(frame);
      } catch (error) {
        // The number is on screen and was spoken; a printer that fails must not take that away.
        console.warn('motcua-ticket-kiosk: không in được phiếu / the ticket could not be printed', error);
      }
    },
  );
}

/** The people ahead of the ticket, in words. */
function aheadText(this: KioskInternals, ahead: number): string {
  if (ahead === 0) return this.t('aheadNone');
  return ahead === 1 ? this.t('aheadOne') : this.t('ahead', { count: ahead });
}

/** The ticket's status / rating page (`ticket-url` with its id and number), or `''` without one. */
function urlOf(this: KioskInternals, ticket: IssuedTicket): string {
  if (!this.ticketUrl) return '';
  const filled = this.ticketUrl
    .replaceAll('{id}', encodeURIComponent(ticket.id))
    .replaceAll('{number}', encodeURIComponent(ticket.number));
  try {
    return new URL(filled, document.baseURI).href;
  } catch {
    return '';
  }
}

/** A service's name in the kiosk's language, else its id. */
function serviceName(this: KioskInternals, id: string): string {
  const service = this.serviceOf(id);
  return (service && this.text(service.name)) || id;
}
