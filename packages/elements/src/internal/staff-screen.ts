// The base of the staff screens (accounts, device pairing, the officer's desk): the state before the screen shows
// (loading, sign in, not allowed, failed), what the last action said, and how a failed request becomes one of them.
import type { ApiProblem } from '@motcua/core/text';
import { html, nothing } from 'lit';
import { ApiFailure } from './api-client.js';
import { MotcuaElement } from './base.js';
import { property, state } from './decorators.js';
import { RequestsController } from './requests-controller.js';

/** Where a staff screen is: loading, shown, asking to sign in, not allowed, or unable to load. */
export type ScreenPhase = 'loading' | 'shown' | 'sign-in' | 'forbidden' | 'failed';

/** What the last action said: done, or refused with the server's message and problems. */
export type ActionMessage =
  | { readonly kind: 'status'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string; readonly problems: readonly ApiProblem[] };

/** The strings every {@link StaffScreen} has. */
export type StaffScreenStringKey = 'title' | 'loading' | 'signIn' | 'forbidden' | 'failed';

/**
 * The base of a staff screen on the server's own origin that loads what it shows with the page's session: its heading
 * (`title`), the state until it shows (loading; a link to sign in on 401; not allowed on 403; failed), and above what
 * it shows, what the last action said (`part="message"`: a status, or an alert with each problem at its path; focusable
 * by script).
 *
 * @typeParam K - the keys of the element's strings.
 * @example
 * ```ts
 * class MotcuaExampleScreen extends StaffScreen<StaffScreenStringKey | 'empty'> {
 *   protected readonly defaultStrings = exampleStrings;
 *   protected shown() { return html`<p>${this.t('empty')}</p>`; }
 * }
 * ```
 */
export abstract class StaffScreen<K extends string> extends MotcuaElement<K | StaffScreenStringKey> {
  /** Where to sign in, linked when the page has no session the screen accepts. */
  @property({ attribute: 'sign-in-href' }) signInHref = '';

  @state() protected phase: ScreenPhase = 'loading';
  @state() protected message: ActionMessage | undefined;

  /** Aborts the screen's requests when it leaves the page. */
  protected readonly requests = new RequestsController(this);

  /** What the screen shows once loaded. */
  protected abstract shown(): unknown;

  /** What stays under the heading when shown and after a failure to load (e.g. a refresh button); none by default. */
  protected tools(): unknown {
    return nothing;
  }

  override render() {
    const { phase, message: m } = this;
    const heading = html`<h2>${this.t('title')}</h2>`;
    if (phase === 'loading') return html`${heading}<p role="status">${this.t('loading')}</p>`;
    if (phase !== 'shown') {
      const text = this.t(phase === 'sign-in' ? 'signIn' : phase);
      const link = phase === 'sign-in' && this.signInHref;
      return html`${heading}<p role="alert">${link ? html`<a href=${link}>${text}</a>` : text}</p>
        ${phase === 'failed' ? this.tools() : nothing}`;
    }
    const said = !m
      ? nothing
      : m.kind === 'status'
        ? html`<p part="message" role="status" tabindex="-1">${m.text}</p>`
        : html`<div part="message" role="alert" tabindex="-1">
            <p>${m.text}</p>
            ${
              m.problems.length === 0
                ? nothing
                : html`<ul>
                  ${m.problems.map((p) => html`<li><code>${p.path}</code>: ${p.message[this.language]}</li>`)}
                </ul>`
            }
          </div>`;
    return html`${heading} ${this.tools()} ${said} ${this.shown()}`;
  }

  /**
   * Shows what a failed request means: the sign-in link (401), not allowed (403), or the server's message (else the
   * `failed` string). False when nothing more is to be done: aborted (the screen left the page), or 401/403. Rethrows
   * what is not an {@link ApiFailure}.
   */
  protected failed(error: unknown): boolean {
    if (!(error instanceof ApiFailure)) throw error;
    if (error.code === 'aborted') return false;
    if (error.status === 401 || error.status === 403) {
      this.phase = error.status === 401 ? 'sign-in' : 'forbidden';
      return false;
    }
    this.message = { kind: 'error', text: error.text?.[this.language] ?? this.t('failed'), problems: error.problems };
    return true;
  }
}
