/**
 * The officer's sign-in at `<motcua-counter-console>` without a `token`, loaded only then: `<motcua-sign-in>` with the
 * server's session (same origin), then the choice of the counter the officer sits at, among the office's counters on
 * the board, remembered on this device. The console's requests then go with the session cookie, naming the counter.
 */
import type { BoardSnapshot } from '@motcua/core/queue';
import type { SessionView } from '@motcua/core/staff';
import { html, nothing } from 'lit';
import { api } from '../internal/api-client.js';
import '../sign-in/sign-in.js';
import type { CounterConsoleStringKey } from './counter-console.strings.js';

export { sessionStrings } from './session.strings.js';

/** Where the counter chosen on this device is remembered. */
const REMEMBERED = 'motcua-counter-console:counter';

/** What the sign-in part reads and sets of the console (the console itself). */
export interface SessionHost {
  requestUpdate(): void;
  /** Waits for `work` in the console's `updateComplete`. */
  track<T>(work: Promise<T>): Promise<T>;
  t(key: CounterConsoleStringKey, params?: Readonly<Record<string, string>>): string;
  /** The counter the console works: chosen here (or, with `''`, forgotten). */
  counter: string;
}

/**
 * The officer's session and counter: renders the sign-in, then the counter choice; `session` is the signed-in
 * officer's, `headers` what the console's requests add.
 *
 * @example
 * ```ts
 * this.staff = new StaffSession(console);
 * html`${this.staff.render()}`;
 * ```
 */
export class StaffSession {
  /** The officer signed in, once known. */
  session: SessionView | undefined;
  private counters: BoardSnapshot['counters'] = [];
  private error = '';

  constructor(private readonly host: SessionHost) {}

  /** What a request of the console adds: the counter the officer works at (`counter` routes). */
  headers(): Record<string, string> {
    const counter = this.host.counter;
    return counter ? { 'Motcua-Counter': counter } : {};
  }

  render() {
    const { host } = this;
    const session = this.session;
    const counter = host.counter;
    return html`<motcua-sign-in heading="" @motcua-signed-in=${this.signedIn} @motcua-signed-out=${this.signedOut}
      ></motcua-sign-in>
      ${
        session && !counter
          ? html`<div part="counter-choice" class="row">
              <label for="counter-choice">${host.t('chooseCounter')}</label>
              <select id="counter-choice" @change=${(e: Event) => this.pick((e.target as HTMLSelectElement).value)}>
                <option value="">${host.t('chooseCounter')}</option>
                ${this.counters.map((c) => html`<option value=${c.id}>${host.t('counterOption', { label: c.label })}</option>`)}
              </select>
            </div>`
          : nothing
      }
      ${
        session && counter
          ? html`<div class="row">
              <button part="button change-counter" type="button" @click=${() => this.pick('')}>
                ${host.t('changeCounter')}
              </button>
            </div>`
          : nothing
      }
      ${this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing}`;
  }

  private readonly signedIn = (event: CustomEvent<{ session: SessionView }>): void => {
    void this.host.track(this.counterChoice(event.detail.session));
  };

  /** The office's counters, and the one remembered on this device if it is among them. */
  private async counterChoice(session: SessionView): Promise<void> {
    this.session = session;
    this.error = '';
    this.host.requestUpdate();
    try {
      // The board lists the office's counters (public, read with the session as the console's other requests).
      const board = (await api('api/queue/board')) as Partial<BoardSnapshot> | undefined;
      this.counters = Array.isArray(board?.counters)
        ? board.counters.filter((c) => typeof c?.id === 'string' && typeof c.label === 'string')
        : [];
    } catch {
      this.error = this.host.t('countersFailed');
    }
    const remembered = localStorage.getItem(REMEMBERED) ?? '';
    if (!this.host.counter && this.counters.some((c) => c.id === remembered)) this.host.counter = remembered;
    this.host.requestUpdate();
  }

  private readonly signedOut = (): void => {
    this.session = undefined;
    this.host.counter = '';
  };

  private pick(counter: string): void {
    if (counter) localStorage.setItem(REMEMBERED, counter);
    else localStorage.removeItem(REMEMBERED);
    this.host.counter = counter;
  }
}
