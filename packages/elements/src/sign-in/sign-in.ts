import { readSessionView, type SessionView } from '@motcua/core/staff';
import { html, nothing } from 'lit';
import { ApiFailure, api } from '../internal/api-client.js';
import { MotcuaElement } from '../internal/base.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import { RequestsController } from '../internal/requests-controller.js';
import { blockStyles } from '../internal/styles.js';
import type { SignedInDetail, SignedOutDetail } from './sign-in.events.js';
import { type SignInStringKey, signInStrings } from './sign-in.strings.js';
import { signInStyles } from './sign-in.styles.js';

export type { SignedInDetail, SignedOutDetail } from './sign-in.events.js';
export type { SignInStringKey } from './sign-in.strings.js';

type Phase = 'checking' | 'form' | 'sending' | 'signed-in';

/**
 * The staff sign-in: a username and a password sent to `POST /api/session`, which answers with the session (an
 * `HttpOnly`, `SameSite=Strict` cookie the page never sees); `GET /api/session` first tells whether the browser is
 * signed in already, and "sign out" sends `DELETE /api/session`. Served from the motcua server's own origin (the
 * session cookie is not sent to another one). Its fields are in the element's own form, so a page-wide `<form>`
 * around it neither submits the password nor is submitted by it; they carry `autocomplete="username"` and
 * `current-password` for password managers. A refusal says why in Vietnamese or English — a wrong username or
 * password (never which), too many failures with the seconds to wait, no network — and every text is overridable.
 *
 * @summary Staff sign-in and sign-out with the server's session.
 * @fires motcua-signed-in - Signed in, or found signed in; `detail`: {@link SignedInDetail}.
 * @fires motcua-signed-out - Signed out (or the session ended); `detail`: {@link SignedOutDetail}.
 * @csspart form - The sign-in form.
 * @csspart field - The username and password fields.
 * @csspart button - The buttons.
 * @csspart session - The line that says who is signed in, with the sign-out button.
 * @csspart error - Why the sign-in failed.
 * @csspart status - The live region: checking, signing in, signed out.
 * @cssproperty --motcua-color-primary - Buttons (default #0b57d0).
 * @cssproperty --motcua-color-danger - Errors (default #b3261e).
 * @cssproperty --motcua-touch-target - Minimum size of buttons and fields (default 44px).
 *
 * @example
 * ```html
 * <motcua-sign-in></motcua-sign-in>
 * <script type="module">
 *   document.addEventListener('motcua-signed-in', (e) => console.log(e.detail.session.user.displayName));
 * </script>
 * ```
 */
export class MotcuaSignIn extends MotcuaElement<SignInStringKey> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, signInStyles];

  /** The heading above the form; empty for none (when the page has its own). */
  @property() heading: string | undefined;

  @state() private phase: Phase = 'checking';
  @state() private error = '';
  @state() private info = '';
  @state() private invalid = false;
  @state() private current: SessionView | undefined;

  protected defaultStrings = signInStrings;

  private readonly requests = new RequestsController(this);
  private work: Promise<unknown> = Promise.resolve();
  private focusNext = '';

  /** The session, once signed in; `undefined` otherwise. */
  get session(): SessionView | undefined {
    return this.current;
  }

  override render() {
    const session = this.current;
    if (this.phase === 'signed-in' && session) {
      return html`<p part="session">
          ${this.t('signedInAs', { name: session.user.displayName })}<button
            part="button sign-out"
            type="button"
            @click=${this.signOut}
          >${this.t('signOut')}</button>
        </p>
        <p part="error" role="alert">${this.error}</p>`;
    }
    const busy = this.phase !== 'form';
    const heading = this.heading ?? this.t('title');
    return html`<form part="form" novalidate aria-label=${heading || this.t('title')} @submit=${this.submit}>
      ${heading ? html`<h2>${heading}</h2>` : nothing}
      <label for="username">${this.t('username')}</label>
      <input part="field" id="username" name="username" autocomplete="username" autocapitalize="none"
        spellcheck="false" required aria-invalid=${this.invalid} aria-describedby="error" />
      <label for="password">${this.t('password')}</label>
      <input part="field" id="password" name="password" type="password" autocomplete="current-password" required
        aria-invalid=${this.invalid} aria-describedby="error" />
      <button part="button" type="submit" aria-disabled=${busy}>${this.t('submit')}</button>
      <p part="error" id="error" role="alert">${this.error}</p>
      <p part="status" role="status">${this.phase === 'checking' ? this.t('checking') : this.phase === 'sending' ? this.t('sending') : this.info}</p>
    </form>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.track(this.check());
  }

  protected override updated(): void {
    if (!this.focusNext) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusNext)?.focus();
    this.focusNext = '';
  }

  /** Resolves once the element has rendered and its request (one at a time) has ended. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.work;
    return super.getUpdateComplete();
  }

  private track(promise: Promise<unknown>): void {
    this.work = promise.catch(() => undefined);
  }

  /** Whether the browser is signed in already (`GET /api/session`). */
  private async check(): Promise<void> {
    this.phase = 'checking';
    try {
      this.signedIn(await api('api/session', { signal: this.requests.signal }), false);
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'aborted') return;
      this.phase = 'form';
    }
  }

  private signedIn(answer: unknown, focus: boolean): void {
    const session = readSessionView(answer);
    if (!session) throw new ApiFailure(200, 'malformed');
    this.current = session;
    this.phase = 'signed-in';
    this.error = '';
    if (focus) this.focusNext = '[part~="sign-out"]';
    this.emit('motcua-signed-in', { session });
  }

  private readonly submit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.phase !== 'form') return;
    const form = event.target as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const username = field('username').trim();
    const password = field('password');
    if (!username || !password) {
      this.fail(this.t('missing'), username ? '#password' : '#username');
      return;
    }
    this.track(this.send(username, password));
  };

  private async send(username: string, password: string): Promise<void> {
    this.phase = 'sending';
    this.error = '';
    this.info = '';
    try {
      this.signedIn(await api('api/session', { body: { username, password }, signal: this.requests.signal }), true);
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'aborted') return;
      this.phase = 'form';
      this.fail(this.describe(error), '#password');
    }
  }

  /** A failure as the officer reads it, in the element's strings (overridable) rather than the server's. */
  private describe(error: unknown): string {
    if (!(error instanceof ApiFailure) || error.status === 0) return this.t('network');
    const { status, retryAfter } = error;
    if (status === 401) return this.t('failed');
    if (status === 429) return this.t('throttled', { seconds: retryAfter || 60 });
    if (status === 400) return this.t('missing');
    return this.t('server', { status });
  }

  private fail(message: string, focus: string): void {
    this.error = message;
    this.invalid = true;
    this.focusNext = focus;
  }

  private readonly signOut = (): void => {
    this.track(this.end());
  };

  private async end(): Promise<void> {
    const session = this.current;
    try {
      await api('api/session', { method: 'DELETE', signal: this.requests.signal });
    } catch (error) {
      // Not signed in any more (expired, signed out elsewhere) is signed out too.
      if (error instanceof ApiFailure && error.code === 'aborted') return;
      if (!(error instanceof ApiFailure) || error.status !== 401) {
        this.error = this.describe(error);
        return;
      }
    }
    this.current = undefined;
    this.phase = 'form';
    this.invalid = false;
    this.info = this.t('signedOut');
    this.focusNext = '#username';
    this.emit('motcua-signed-out', { session });
  }
}

defineElement('motcua-sign-in', MotcuaSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-sign-in': MotcuaSignIn;
  }
}
