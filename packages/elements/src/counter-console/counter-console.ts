import { type CSSResult, html, nothing, type PropertyValues } from 'lit';
import { ApiFailure, api } from '../internal/api-client.js';
import { MotcuaElement } from '../internal/base.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import type { StringTable } from '../internal/i18n.js';
import type { DevicePairing } from '../internal/pairing.js';
import { blockStyles } from '../internal/styles.js';
import type { CounterAction, CounterActionDetail, CounterTicket } from './counter-console.events.js';
import { counterConsoleStrings } from './counter-console.strings.js';
import { counterConsoleStyles } from './counter-console.styles.js';
import type { CounterDesk } from './desk.js';
import type { DossierIntake } from './intake.js';
import { loadDesk, loadIntake, loadPairing, loadStaff } from './parts.js';
import { sendCommand } from './send-command.js';
import type { StaffSession } from './session.js';
import { KEY_OF, typing } from './shortcuts.js';
import { ACTIVE, asTicket } from './ticket.js';
import type { ConsoleInternals, Key } from './types.js';

export type { CounterAction, CounterActionDetail, CounterTicket } from './counter-console.events.js';
export type { CounterConsoleStringKey } from './counter-console.strings.js';

interface Service {
  readonly id: string;
  /** The service's name by language, as the server gives it (read as given: a service without one shows its id). */
  readonly name?: Readonly<Record<string, unknown>> | null;
}

/**
 * The one-stop officer's console for one counter: the ticket being served, and buttons to call the next number,
 * recall it, mark it as a no-show, finish it or transfer it to another service, with keyboard shortcuts (N, R, S, D,
 * T; ignored while typing in a field) shown on screen. Buttons follow the ticket's state (no "done" without a
 * ticket; a button that cannot be used now is `aria-disabled` and keeps the keyboard focus), every refusal of the server is shown with its Vietnamese or English message, and a live region says what
 * happened. Every command carries an `Idempotency-Key`, reused when it is pressed again after a network failure, so
 * a retry never calls two numbers.
 *
 * Beside the ticket, the desk (loaded after the first paint): a priority ticket's mark, how many wait for each of the
 * counter's services and how many of them with priority, a pause of the counter (no call until it resumes), a number
 * called out of turn, the counter's no-shows to re-admit when they come back, and after "Xong" the rating QR code the
 * citizen scans with their phone (`rating-url` with the done answer's rating token).
 *
 * Dossier intake loads when the officer opens it: the procedure picked from the catalogue (search without
 * diacritics), the documents received ticked, the applicant's contact, then `POST /api/dossiers` linked to the
 * current ticket and the receipt slip (Mẫu 01) printed from a hidden frame, with the dossier code, the lookup PIN,
 * the documents, the due date with hour and minute and QR codes to the status page and the rating form.
 *
 * `token` is the counter's staff secret (the bearer token of `/api/queue/counters/{id}/…` and `/api/dossiers`):
 * put the console only on pages for staff, and set the token from the officer's sign-in rather than in public HTML.
 *
 * @summary The counter console: call, recall, no-show, done, transfer, and dossier intake with the receipt slip.
 * @fires motcua-counter-action - A command succeeded; `detail`: {@link CounterActionDetail}.
 * @fires motcua-dossier-received - A dossier was received; `detail`: `{ code, ticket }`.
 * @csspart console - The whole console.
 * @csspart ticket - The ticket being served.
 * @csspart number - The ticket number.
 * @csspart actions - The command buttons.
 * @csspart button - Every button.
 * @csspart transfer - The service choice and the transfer button.
 * @csspart shortcuts - The line that lists the keyboard shortcuts.
 * @csspart status - The live region: what happened.
 * @csspart error - Refusals and failures.
 * @csspart intake - The dossier intake form, once open.
 * @csspart desk - Who waits, the pause, calling a number, the no-shows.
 * @csspart priority-mark - The priority mark of the ticket shown.
 * @csspart rating-qr - The rating QR code shown after "Xong".
 * @cssproperty --motcua-counter-console-qr-size - Size of the rating QR code (default: 12em).
 * @cssproperty --motcua-counter-console-number-size - Font size of the ticket number (default: 3em).
 * @cssproperty --motcua-color-primary - Buttons (default #0b57d0).
 * @cssproperty --motcua-color-danger - Errors (default #b3261e).
 * @cssproperty --motcua-touch-target - Minimum size of buttons and fields (default 44px).
 *
 * @example
 * ```html
 * <motcua-counter-console counter="1" status-url="/tra-cuu.html?code={code}"
 *   rating-url="/danh-gia.html?t={token}"></motcua-counter-console>
 * <script type="module">
 *   document.querySelector('motcua-counter-console').token = sessionStorage.getItem('counter-token');
 * </script>
 * ```
 */
export class MotcuaCounterConsole extends MotcuaElement<Key> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, counterConsoleStyles];

  /** The counter's id, as in the office configuration (`/api/queue/counters/{id}/…`). */
  @property({ reflect: true }) counter = '';

  /**
   * The counter's bearer token: a staff secret. Set it as a property from the officer's session; an attribute in
   * public HTML would publish it.
   */
  @property() token = '';

  /**
   * A counter tablet of its own: without a `token` it pairs with the server instead of signing an officer in — it shows
   * its pairing code until an admin approves it, then works with the credential it collected (kept on the device) at
   * the counter it was paired to; a credential the server refuses (revoked) is forgotten and the tablet pairs again.
   */
  @property({ type: Boolean }) pair = false;

  /** Address of the procedure catalogue, resolved against the configured `apiBase`. */
  @property() catalogue = 'api/catalogue';

  /** The place the receipt slip writes before its date ("Xã An Bình, ngày …"); empty for the date alone. */
  @property() place = '';

  /** The receiving officer's name for the receipt slip; empty for the counter's id. */
  @property() officer = '';

  /** The status page a receipt's QR code opens: `{code}` (and `{pin}`, if wanted) replaced; relative to the page. */
  @property({ attribute: 'status-url' }) statusUrl = 'tra-cuu.html?code={code}';

  /** The rating form a receipt's QR code opens, `{token}` replaced by the rating token of the finished ticket. */
  @property({ attribute: 'rating-url' }) ratingUrl = 'danh-gia.html?t={token}';

  /** The receipt slip's paper: `A5` (default) or `A4`, portrait. */
  @property() paper: 'A5' | 'A4' = 'A5';

  /** Prints the receipt slip's frame; by default `view.print()` (kiosk browsers and tests replace it). */
  @property({ attribute: false }) printer: (view: Window) => void = (view) => view.print();

  @state() private ticket: CounterTicket | undefined;
  @state() private services: readonly Service[] = [];
  @state() private transferService = '';
  @state() private busy: CounterAction | undefined;
  @state() private info = '';
  @state() private error = '';
  @state() private intakeOpen = false;
  @state() private intakeLoading = false;

  protected defaultStrings = counterConsoleStrings as StringTable<Key>;

  /**
   * Idempotency keys of commands that got no answer, by what they asked: pressing again reuses the key.
   * @internal Kept by the commands (send-command.ts), like the rating tokens.
   */
  readonly retryKeys = new Map<string, string>();
  /** Rating tokens of finished tickets, by ticket id. @internal */
  readonly ratingTokens = new Map<string, string>();
  private intake: DossierIntake | undefined;
  private desk: CounterDesk | undefined;
  /** The office's priority classes, as the services answer gives them. @internal The desk reads them (parts.ts). */
  priorities: unknown = [];
  /** The work in progress that `updateComplete` waits for. */
  private pending = new Set<Promise<unknown>>();
  private loadedFor = '';
  /** Without a token: the officer's sign-in and counter choice, loaded then. */
  private staff: StaffSession | undefined;
  private staffLoad: Promise<void> | undefined;
  /** With `pair` and no token: the device's pairing screen, loaded then. */
  private pairing: DevicePairing | undefined;
  /** The styles of the parts loaded later (desk, intake form), adopted after the element's own. @internal */
  readonly extraStyles: CSSResult[] = [];

  override render() {
    const configured = this.counter !== '' && this.acting();
    return html`<section part="console" aria-labelledby="heading">
      <h2 id="heading">${this.t('heading', { counter: this.counter })}</h2>
      ${this.token ? nothing : (this.pair ? this.pairing : this.staff)?.render()}
      ${configured ? this.renderConsole() : this.token ? html`<p part="error">${this.t('notConfigured')}</p>` : nothing}
      <p part="status" role="status">${this.info}</p>
      <p part="error" role="alert">${this.error}</p>
      ${configured ? this.renderIntake() : nothing}
    </section>`;
  }

  private renderConsole() {
    const ticket = this.ticket;
    const serviceName = ticket ? this.serviceName(ticket.service) : '';
    return html`<div part="ticket">
        <p class="label">${this.t('nowServing')}</p>
        ${
          ticket
            ? html`<p part="number">${ticket.number}</p>
              ${this.desk?.mark(ticket)}
              <p class="label">
                ${this.t(`status-${ticket.status}` as Key, { calls: ticket.calls ?? 1 })}${serviceName ? ` · ${this.t('service', { service: serviceName })}` : nothing}
              </p>`
            : html`<p>${this.t('noTicket')}</p>`
        }
      </div>
      <div part="actions" class="row" role="group" aria-label=${this.t('actions')} aria-describedby="shortcuts">
        ${(['next', 'recall', 'skip', 'done'] as const).map((action) => this.renderButton(action))}
      </div>
      <div part="transfer" class="row">
        <label for="transfer-service">${this.t('transferTo')}</label>
        <select
          id="transfer-service"
          .value=${this.transferService}
          ?disabled=${!this.allowed('transfer')}
          @change=${(e: Event) => {
            this.transferService = (e.target as HTMLSelectElement).value;
          }}
        >
          <option value="">${this.t('chooseService')}</option>
          ${this.services
            .filter((s) => s.id !== ticket?.service)
            .map(
              (s) =>
                html`<option value=${s.id} ?selected=${s.id === this.transferService}>${this.serviceName(s.id)}</option>`,
            )}
        </select>
        ${this.renderButton('transfer')}
      </div>
      ${this.desk ? html`<p part="shortcuts" id="shortcuts">${this.t('shortcuts')}</p>` : nothing}
      ${this.desk?.render()}`;
  }

  private renderButton(action: CounterAction) {
    return html`<button
      part="button ${action}"
      type="button"
      data-action=${action}
      aria-keyshortcuts=${KEY_OF[action]}
      aria-disabled=${this.allowed(action) && this.busy === undefined ? 'false' : 'true'}
      @click=${() => void this.run(action)}
    >
      ${this.t(action)}<kbd aria-hidden="true">${KEY_OF[action]}</kbd>
    </button>`;
  }

  private renderIntake() {
    return html`<div class="row">
        <button
          part="button intake-toggle"
          type="button"
          aria-expanded=${this.intakeOpen ? 'true' : 'false'}
          aria-controls="intake"
          @click=${this.toggleIntake}
        >
          ${this.t('intake')}
        </button>
      </div>
      ${this.intakeLoading ? html`<p>${this.t('intakeLoading')}</p>` : nothing}
      <div id="intake" part="intake" ?hidden=${!this.intakeOpen || !this.intake}>
        ${this.intakeOpen && this.intake ? this.intake.render() : nothing}
      </div>`;
  }

  /**
   * Whether an action may be used with the ticket shown (core's state machine): recall and no-show for a called
   * ticket, done (which also starts a called one) and transfer for a called or served one, next for none.
   */
  private allowed(action: CounterAction): boolean {
    const status = this.ticket?.status ?? '';
    if (action === 'next') return !ACTIVE.has(status) && !this.desk?.paused;
    return action === 'recall' || action === 'skip' ? status === 'called' : ACTIVE.has(status);
  }

  private serviceName(id: string): string {
    const name = this.services.find((s) => s.id === id)?.name;
    const text = name?.[this.language] ?? name?.vi;
    return typeof text === 'string' ? text : id;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.token) this.pairing?.start();
    document.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pairing?.stop();
    document.removeEventListener('keydown', this.onKeydown);
    this.desk?.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('counter') || changed.has('token')) {
      // The ticket shown belongs to the counter, and a refusal to its token: the new ones come from their own load.
      if (changed.has('counter')) this.ticket = undefined;
      this.error = '';
    }
    if (!this.token)
      this.staffLoad ??= this.track((this.pair ? loadPairing : loadStaff).call(this as unknown as ConsoleInternals));
    const signature = `${this.counter}\n${this.token}\n${this.staff?.session?.user.id}`;
    if (this.counter && this.acting() && signature !== this.loadedFor) {
      this.loadedFor = signature;
      this.track(this.load());
    }
  }

  /** Whether the console may act: with the counter's token, or an officer's session. */
  private acting(): boolean {
    return this.token !== '' || !!this.staff?.session;
  }

  /** The credentials of a request: the token, else the session cookie with the counter the officer works at. */
  private auth() {
    return { token: this.token, headers: this.staff?.headers() };
  }

  /**
   * Carries out an action for the ticket shown, as its button or shortcut does.
   *
   * @returns whether the server carried it out.
   */
  run(action: CounterAction): Promise<boolean> {
    return this.track(sendCommand.call(this as unknown as ConsoleInternals, action));
  }

  /** Resolves once every request in progress has ended and its outcome is rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.pending.size > 0) {
      await Promise.allSettled(this.pending);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  /**
   * The services to transfer to, and the ticket the counter has called or is serving with its id (after a reload of
   * the page), from `GET /api/queue/counters/{id}/current` with the counter's token.
   */
  private async load(): Promise<void> {
    const signature = this.loadedFor;
    const shown = this.ticket;
    const [services, current] = await Promise.allSettled([
      api('api/queue/services') as Promise<{ services?: unknown } | undefined>,
      api(`api/queue/counters/${encodeURIComponent(this.counter)}/current`, this.auth()) as Promise<
        { ticket?: unknown } | undefined
      >,
    ]);
    if (signature !== this.loadedFor) return;
    if (services.status === 'fulfilled' && Array.isArray(services.value?.services)) {
      this.services = services.value.services.filter((s: Partial<Service> | null) => typeof s?.id === 'string');
      this.priorities = (services.value as { priorityClasses?: unknown }).priorityClasses;
    } else {
      this.error = this.t('servicesFailed');
    }
    if (current.status === 'rejected') {
      this.error = this.describe(current.reason, 'restoreFailed');
    } else if (this.ticket === shown) {
      // A command answered during the load knows better.
      this.ticket = asTicket(current.value?.ticket);
    }
    // The desk is extra: without it (its code could not be downloaded) the console still calls and serves.
    try {
      await (this.desk ?? (await loadDesk.call(this as unknown as ConsoleInternals))).start();
    } catch {
      // No desk this time; the next load tries again.
    }
  }

  /**
   * A failure as the officer reads it: the server's own message in the console's language when it gave one, and the
   * string `offline` when no answer came.
   */
  private describe(error: unknown, offline: Key = 'network'): string {
    if (!(error instanceof ApiFailure) || error.status === 0) return this.t(offline);
    // A paired tablet's credential refused (revoked): forgotten, and the tablet pairs again.
    if (error.status === 401 && this.pairing) {
      this.token = '';
      this.pairing.forget();
    }
    return (
      error.text?.[this.language] ?? this.t(error.status === 401 ? 'unauthorized' : 'refused', { status: error.status })
    );
  }

  private focusField(id: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
    const action = (Object.keys(KEY_OF) as CounterAction[]).find((a) => KEY_OF[a] === event.key.toUpperCase());
    if (!action || typing(event) || !this.counter || !this.acting()) return;
    event.preventDefault();
    if (action === 'transfer') {
      if (this.allowed('transfer')) this.focusField('transfer-service');
      return;
    }
    void this.run(action);
  };

  private async toggleIntake(): Promise<void> {
    if (this.intakeOpen) {
      this.intakeOpen = false;
      return;
    }
    this.intakeOpen = true;
    if (this.intake) return;
    this.intakeLoading = true;
    this.error = '';
    try {
      await this.track(loadIntake.call(this as unknown as ConsoleInternals));
    } catch {
      this.intakeOpen = false;
      this.error = this.t('intakeFailed');
    } finally {
      this.intakeLoading = false;
    }
  }
}

defineElement('motcua-counter-console', MotcuaCounterConsole);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-counter-console': MotcuaCounterConsole;
  }
}
