import { readKioskServices } from '@motcua/core/queue';
import { html, nothing, type PropertyValues } from 'lit';
import { MotcuaElement } from '../internal/base.js';
import { apiUrl } from '../internal/config.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import type { Language, StringTable } from '../internal/i18n.js';
import type { DevicePairing } from '../internal/pairing.js';
import type { Announcer, SpeechEngine } from '../internal/speech/index.js';
import { blockStyles } from '../internal/styles.js';
import { keepAwake } from '../internal/wake-lock.js';
import { allStrings, loadIssuing } from './load-issuing.js';
import { loadPairing } from './pair-device.js';
import type { PaperWidth, PrintFrame } from './print-view.js';
import { renderRefusal } from './refusal.js';
import {
  getJson,
  type IssuedTicket,
  type KioskService,
  type KioskServices,
  type ServerText,
  type TicketWait,
} from './request.js';
import { renderServices } from './services-screen.js';
import type { TicketIssuedDetail, TicketRefusedDetail } from './ticket-kiosk.events.js';
import { ticketKioskStyles } from './ticket-kiosk.styles.js';
import { renderTicket } from './ticket-screen.js';
import type { Key, KioskInternals, Pending, Refusal, Screen, Speech } from './types.js';
import { loadSpeech } from './voice.js';

export type { PaperWidth } from './print-view.js';
export type {
  IssuedTicket,
  KioskPriorityClass,
  KioskService,
  KioskServices,
  ServerText,
  TicketWait,
} from './request.js';
export type { TicketIssuedDetail, TicketRefusedDetail } from './ticket-kiosk.events.js';
export type { TicketKioskStringKey } from './ticket-kiosk.strings.js';

/**
 * The ticket machine of a one-stop shop (máy lấy số thứ tự), in Vietnamese by default: one large touch button per
 * service from `GET {apiBase}/api/queue/services` (they share the screen's height), an "I need priority"
 * toggle as big as a service button (`aria-pressed`, a check mark, a hint that says what to do next) that never asks
 * or says why,
 * and, once `POST {apiBase}/api/queue/tickets` answers, the number in large type, the people ahead and the wait
 * estimate the server gives (`GET /api/queue/tickets/{id}`), a QR code to the ticket's status / rating page
 * (`ticket-url`) and, with `paper="58"` or `paper="80"`, a ticket printed on a thermal roll through the browser.
 * It returns to the services by itself after `return-after` seconds.
 *
 * A service the server says is not issuing now (outside its issuing windows, or a closed day) stays on screen, dimmed
 * and `aria-disabled` (still focusable and announced), with the time it opens again under its name ("Mở lại lúc
 * 13:00"); a press shows "Ngoài giờ lấy số" with that time and sends nothing. The kiosk loads the services again when
 * that time comes and every `refresh-after` seconds, so a kiosk left running closes and opens services by itself. A
 * refusal of the server on a press (a window that closed since, a closed day, the daily cap) shows its message with
 * the next opening time.
 *
 * Every press sends an `Idempotency-Key`, and a timeout or a network failure is retried with the same key, so a
 * lost answer never issues two tickets. When the server cannot be reached it says so and issues nothing: it never
 * shows a number the server did not give. A press of the same service after such a failure reuses the key, so
 * the server answers with the ticket it may already have issued instead of a second one.
 *
 * The `token` is the kiosk's bearer token (`kiosks` in the office configuration): a device secret. Put it only in
 * the page the kiosk device opens (served on the office LAN), never in a public page. Better, `pair` without a token:
 * the kiosk shows a pairing code until an admin approves it, and keeps its own credential on the device.
 *
 * The issued number is also spoken ("Số của bạn là a, một"), with the browser's Vietnamese voice where it has one and
 * recorded clips where it does not (`voice-base`); `silent` turns that off, and the `speech` property takes another
 * engine. Nothing about a priority request is ever said.
 *
 * The screen never sleeps while the element is shown (Screen Wake Lock where the browser has it; `no-wake-lock` leaves
 * it to the device's power settings).
 *
 * It paints the services from what it ships (Lit, the element, the services screen's strings). The issuing code with
 * the strings of the later screens, the voice and the print view load on the first touch or key press, the QR code on
 * the first issued ticket; `updateComplete` waits for what it is fetching.
 *
 * @summary A touch-screen ticket kiosk: services, priority, the issued number, people ahead, printing.
 * @fires motcua-ticket-issued - A ticket was issued and shown; `detail`: {@link TicketIssuedDetail}.
 * @fires motcua-ticket-refused - No ticket was issued; `detail.reason` says why ({@link TicketRefusedDetail}).
 * @csspart header - The office name, title and instruction.
 * @csspart office - The office name.
 * @csspart services - The list of service buttons.
 * @csspart service - A service button.
 * @csspart prefix - The letter of a service's numbers, inside its button.
 * @csspart opens - The time a closed service opens again, under its name.
 * @csspart priority - The priority toggle.
 * @csspart status - The live region: loading, issuing.
 * @csspart ticket - The panel of the issued ticket.
 * @csspart number - The issued number.
 * @csspart qr - The QR code of the issued ticket.
 * @csspart message - The panel of a refusal or a failure.
 * @csspart done - The button back to the services.
 * @csspart retry - The button that tries a failed press again.
 * @csspart pairing - The pairing screen of a kiosk with `pair` and no credential yet.
 * @csspart pairing-code - Its code, in large letters.
 * @cssproperty --motcua-ticket-kiosk-font-size - Base font size (default: 24px).
 * @cssproperty --motcua-ticket-kiosk-button-height - Minimum height of a service button (default: 3.5em).
 * @cssproperty --motcua-ticket-kiosk-columns - Minimum width of a service button column (default: 16em).
 * @cssproperty --motcua-ticket-kiosk-number-size - Font size of the issued number (default: 5em).
 * @cssproperty --motcua-ticket-kiosk-min-height - The kiosk's least height, which its services share (default: `100dvh`,
 *   the whole screen, portrait or landscape; `0` in a page that shows more than the kiosk).
 * @cssproperty --motcua-ticket-kiosk-closed-opacity - Opacity of the button of a service not issuing now (default: 0.7).
 *
 * @example
 * ```html
 * <!-- The kiosk device's page, on the office LAN -->
 * <motcua-ticket-kiosk token="kiosk-1-secret" paper="80" ticket-url="/phieu.html?id={id}"></motcua-ticket-kiosk>
 * ```
 */
export class MotcuaTicketKiosk extends MotcuaElement<Key> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, ticketKioskStyles];

  /**
   * The kiosk's bearer token, sent as `Authorization: Bearer …` when taking a number. A device secret: set it only in
   * the page the kiosk device opens, never in a public web page.
   */
  @property() token = '';

  /**
   * A kiosk device of its own: without a `token` it pairs with the server instead — it shows its pairing code until
   * an admin approves it as a kiosk, then issues with the credential it collected (kept on the device, never in the
   * page); a credential the server refuses (revoked) is forgotten and the kiosk pairs again.
   */
  @property({ type: Boolean }) pair = false;

  /** Print each issued ticket on a thermal roll of this width in millimetres: `58` or `80`; empty: no printing. */
  @property() paper: PaperWidth | '' = '';

  /**
   * The address of a ticket's status / rating page, for its QR code on screen and on paper: `{id}` is replaced by the
   * ticket's id, `{number}` by its number; relative addresses resolve against the page. Empty: no QR code.
   */
  @property({ attribute: 'ticket-url' }) ticketUrl = '';

  /** Seconds after which the issued number or a refusal gives way to the services again (default 20). */
  @property({ type: Number, attribute: 'return-after' }) returnAfter = 20;

  /**
   * The priority class a priority request is issued in. Default: the first class the server lists with a weight
   * above 0. The kiosk never asks which group a person belongs to; an office that does not want any reason recorded
   * configures one generic priority class and names it here.
   */
  @property({ attribute: 'priority-class' }) priorityClass = '';

  /** Hide the priority toggle. */
  @property({ type: Boolean, attribute: 'no-priority' }) noPriority = false;

  /**
   * Let the screen sleep: without it the element keeps the screen awake while it is on the page and the page is
   * visible (Screen Wake Lock, where the browser has it: HTTPS or localhost).
   */
  @property({ type: Boolean, attribute: 'no-wake-lock' }) noWakeLock = false;

  constructor() {
    super();
    keepAwake(this);
  }

  /**
   * Milliseconds one attempt may take before it is abandoned and retried with the same key (default 6000: the server
   * is on the office LAN). With the default retries a press gives up after about 20 s when the server does not answer,
   * and after 2.5 s when the network is down.
   */
  @property({ type: Number }) timeout = 6000;

  /** Waits in milliseconds before each retry of a press (default `[500, 2000]`); its length is the number of retries. */
  @property({ attribute: false }) retryDelays: readonly number[] = [500, 2000];

  /** Seconds between attempts to load the services when they could not be loaded (default 15). */
  @property({ type: Number, attribute: 'reload-after' }) reloadAfter = 15;

  /**
   * Seconds between loads of the services, to follow which ones issue now (default 60, at least 1); they are also
   * loaded as soon as a closed one's next opening time passes.
   */
  @property({ type: Number, attribute: 'refresh-after' }) refreshAfter = 60;

  /** Do not speak the issued number. */
  @property({ type: Boolean }) silent = false;

  /**
   * Where the recorded voice clips are, for browsers without a Vietnamese voice; default the page's
   * `<meta name="motcua:voice-base">`, else the clips shipped with the elements.
   */
  @property({ attribute: 'voice-base' }) voiceBase = '';

  /**
   * What speaks the issued number; by default the browser's voice for the language, else the recorded clips. Tests
   * inject a recording engine.
   */
  @property({ attribute: false }) speech: SpeechEngine | undefined;

  /**
   * Prints the ticket's frame; by default `view.print()` (silent under Chromium's `--kiosk-printing`). Tests and
   * kiosk shells can replace it.
   */
  @property({ attribute: false }) printer: (view: Window) => void = (view) => view.print();

  @state() private screen: Screen = 'loading';
  @state() private catalogue: KioskServices | undefined;
  /** Whether the priority toggle is on. @internal Set by the services screen and a press (services-screen.ts, …). */
  @state() priorityOn = false;
  /** The ticket shown. @internal */
  @state() ticket: IssuedTicket | undefined;
  /** The people ahead and the wait of the ticket shown, once the server gave them. @internal */
  @state() wait: TicketWait | undefined;
  /** The refusal shown. @internal */
  @state() refusal: Refusal | undefined;
  /** The QR encoder, once fetched (with the first ticket, when there is a `ticket-url`). @internal */
  @state() qr: typeof import('../internal/qr.js') | undefined;

  protected get defaultStrings(): StringTable<Key> {
    return allStrings;
  }

  /** With `pair` and no token: the device's pairing screen, loaded then. */
  private pairing: DevicePairing | undefined;
  private pairingLoad: Promise<void> | undefined;

  /** A press whose answer never came: the next press of the same choice reuses its key. @internal */
  pending: Pending | undefined;
  /** The last press, which "try again" repeats. @internal */
  lastPress: { service: string; priority: string } | undefined;
  private returnTimer: ReturnType<typeof setTimeout> | undefined;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private printFrame: PrintFrame | undefined;
  private work: Promise<unknown> = Promise.resolve();
  private focusPending = false;
  /** The voice's download. @internal Kept by voice.ts. */
  speechLoad: Promise<Speech | undefined> | undefined;
  /** The voice the kiosk chose, when no `speech` is set. @internal */
  defaultEngine: SpeechEngine | undefined;
  private announcer: Announcer | undefined;

  override render() {
    const office = this.catalogue ? this.text(this.catalogue.office.name) : '';
    // A kiosk that pairs shows its pairing screen (or nothing while it loads) instead of the services.
    const pairing = this.pair && !this.token;
    return html`
      <div part="header">
        ${office ? html`<p part="office">${office}</p>` : nothing}
        <h2>${this.t('title')}</h2>
        ${!pairing && (this.screen === 'services' || this.screen === 'issuing') ? html`<p>${this.t('instruction')}</p>` : nothing}
      </div>
      <p part="status" role="status">${this.statusText()}</p>
      ${pairing ? this.pairing?.render() : this.renderScreen()}
    `;
  }

  /** What the live region says: loading, issuing, or that the services could not be loaded (the screens' own keys). */
  private statusText(): string {
    const screen = this.screen;
    return screen === 'loading' || screen === 'issuing' || screen === 'unavailable' ? this.t(screen) : '';
  }

  private renderScreen() {
    switch (this.screen) {
      case 'services':
      case 'issuing':
        return renderServices.call(this as unknown as KioskInternals);
      case 'ticket':
        return renderTicket.call(this as unknown as KioskInternals);
      case 'refused':
        return renderRefusal.call(this as unknown as KioskInternals);
      default:
        return nothing;
    }
  }

  /** A server text in the element's language, else the other one. */
  private text(value: ServerText): string {
    const other: Language = this.language === 'vi' ? 'en' : 'vi';
    return value[this.language] ?? value[other] ?? '';
  }

  /**
   * For a service not issuing now, the time it opens again ("Mở lại lúc 13:00", with the day when not today; empty
   * when none is scheduled); `undefined` when it issues, or when its next opening time has passed (the server decides
   * until the services are loaded again). @internal
   */
  opensLine(service: KioskService | undefined): string | undefined {
    const next = service?.nextOpening;
    const now = Date.now();
    if (!service || service.open || (next && next.at <= now)) return undefined;
    if (!next) return '';
    const { date, time } = next;
    // Vietnam keeps UTC+7 all year: today's date there, and the weekday of a civil date read as UTC.
    return date === new Date(now + 252e5).toISOString().slice(0, 10)
      ? this.t('opensAt', { time })
      : this.t('opensOn', {
          time,
          day: new Date(date).toLocaleDateString(this.language, {
            timeZone: 'UTC',
            weekday: 'long',
            day: 'numeric',
            month: 'long',
          }),
        });
  }

  /** The class a priority request is issued in, if the office has one. @internal */
  priorityId(): string {
    if (this.priorityClass) return this.priorityClass;
    const catalogue = this.catalogue;
    const first = catalogue?.priorityClasses.find((p) => p.weight > 0 && p.id !== catalogue.defaultPriority);
    return first?.id ?? '';
  }

  /** The service of an id, as the services answer gives it. @internal */
  serviceOf(id: string): KioskService | undefined {
    return this.catalogue?.services.find((s) => s.id === id);
  }

  /** The absolute address of an API path. @internal */
  endpoint(path: string): string {
    return apiUrl(path).href;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of ['pointerdown', 'keydown']) this.addEventListener(type, this.prepare);
    globalThis.addEventListener('online', this.onOnline);
    // Again after a move in the page: the refresh timer stopped when the element left it.
    this.track(this.load());
    if (!this.token) this.pairing?.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of ['pointerdown', 'keydown']) this.removeEventListener(type, this.prepare);
    globalThis.removeEventListener('online', this.onOnline);
    this.pairing?.stop();
    this.announcer?.cancel();
    clearTimeout(this.returnTimer);
    clearTimeout(this.reloadTimer);
    this.printFrame?.remove();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.pair && !this.token) this.pairingLoad ??= loadPairing.call(this as unknown as KioskInternals);
    if (!this.focusPending) return;
    this.focusPending = false;
    const target = this.renderRoot.querySelector<HTMLElement>(
      this.screen === 'services' ? '[part="service"]' : '[part="ticket"], [part="message"]',
    );
    target?.focus();
  }

  /** Resolves once the element has rendered and what it is loading, issuing or printing has settled. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    let work: Promise<unknown>;
    do {
      work = this.work;
      await work;
    } while (work !== this.work);
    return super.getUpdateComplete();
  }

  private track(promise: Promise<unknown>): void {
    this.work = Promise.all([this.work, promise.catch(() => undefined)]);
  }

  /**
   * Loads the services, and again after `refreshAfter` seconds or a second after the first next opening time of a
   * closed one, whichever comes first. On failure: shows so if there were none yet (else keeps the ones it has) and
   * tries again after `reloadAfter` seconds.
   */
  private async load(): Promise<void> {
    clearTimeout(this.reloadTimer);
    const body = await getJson(this.endpoint('api/queue/services'), this.timeout);
    const catalogue = readKioskServices(body);
    if (!this.isConnected) return;
    let wait = this.reloadAfter * 1000;
    if (catalogue) {
      this.catalogue = catalogue;
      if (this.screen === 'loading' || this.screen === 'unavailable') this.screen = 'services';
      wait = Math.max(this.refreshAfter, 1) * 1000;
      for (const { open, nextOpening } of catalogue.services) {
        if (!open && nextOpening) wait = Math.min(wait, Math.max(nextOpening.at - Date.now() + 1000, 1000));
      }
    } else if (!this.catalogue) this.screen = 'unavailable';
    this.reloadTimer = setTimeout(() => this.track(this.load()), wait);
  }

  // ---- handlers --------------------------------------------------------------------------------------------------

  /**
   * On the first touch or key press: fetch the issuing code, the print view and the voice, and unlock audio inside the
   * gesture once the voice is there.
   */
  private readonly prepare = (): void => {
    void loadIssuing().catch(() => undefined);
    if (this.paper) void import('./print-view.js').catch(() => undefined);
    if (this.silent) return;
    void loadSpeech.call(this as unknown as KioskInternals);
    if (this.announcer) void this.announcer.engine.unlock?.().catch(() => undefined);
  };

  /** Back online: load the services at once if they are missing. */
  private readonly onOnline = (): void => {
    if (this.screen === 'unavailable') this.track(this.load());
  };

  /** Goes back to the services after `return-after` seconds. @internal */
  scheduleReturn(): void {
    clearTimeout(this.returnTimer);
    if (this.returnAfter > 0) this.returnTimer = setTimeout(this.backToServices, this.returnAfter * 1000);
  }

  private readonly backToServices = (): void => {
    clearTimeout(this.returnTimer);
    if (this.screen !== 'ticket' && this.screen !== 'refused') return;
    this.focusPending = this.matches(':focus-within');
    this.screen = this.catalogue ? 'services' : 'unavailable';
    this.ticket = undefined;
    this.wait = undefined;
    this.refusal = undefined;
  };
}

defineElement('motcua-ticket-kiosk', MotcuaTicketKiosk);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-ticket-kiosk': MotcuaTicketKiosk;
  }
}
