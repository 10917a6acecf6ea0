import { type AuditEntry, readAuditEntry } from '@motcua/core/staff';
import { html, nothing } from 'lit';
import { ApiFailure, api } from '../internal/api-client.js';
import { MotcuaElement } from '../internal/base.js';
import { apiUrl } from '../internal/config.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import { RequestsController } from '../internal/requests-controller.js';
import { blockStyles } from '../internal/styles.js';
import { type AuditTrailStringKey, auditTrailStrings } from './audit-trail.strings.js';
import { auditTrailStyles } from './audit-trail.styles.js';

export type { AuditTrailStringKey } from './audit-trail.strings.js';

type Phase = 'idle' | 'loading' | 'shown' | 'sign-in' | 'forbidden' | 'failed';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Vietnam (UTC+7 all year), `YYYY-MM-DD`. */
const today = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The office's audit trail for its admins, on the server's own origin: who did what (signing in, calling a number,
 * receiving a dossier, recording its status, reading a receipt again, pairing a device, publishing the catalogue…),
 * when in Vietnam time, at which counter and from which address, for a period of days (`GET /api/audit`, a page of
 * `limit` lines at a time, "Show more" for the next), with the same period as a CSV file (cells neutralised against
 * spreadsheet formulas by the server). Actions it knows are named for people; others as the server names them. Without
 * an admin session it asks to sign in.
 *
 * @summary The audit trail (admins only): who did what and when, and its CSV.
 * @csspart period - The period's fields, the show button and the CSV link.
 * @csspart csv - The link to the period's CSV file.
 * @csspart table - The table of actions.
 * @csspart more - The button that shows the next page.
 * @cssproperty --motcua-audit-trail-font-size - The base size (default 16px).
 * @cssproperty --motcua-audit-trail-accent - Buttons and links (default #0b4f9c).
 * @cssproperty --motcua-audit-trail-color - Text (default #1b1b1b).
 * @cssproperty --motcua-audit-trail-background - Background (default #ffffff).
 *
 * @example
 * ```html
 * <script type="module" src="/cdn/motcua-audit-trail.js"></script>
 * <motcua-audit-trail sign-in-href="/dang-nhap.html"></motcua-audit-trail>
 * ```
 */
export class MotcuaAuditTrail extends MotcuaElement<AuditTrailStringKey> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, auditTrailStyles];

  /** Where to sign in, linked when the page has no admin session. */
  @property({ attribute: 'sign-in-href' }) signInHref = '';

  /** The first day (`YYYY-MM-DD`, Vietnam); default: today. */
  @property() from = '';

  /** The last day (`YYYY-MM-DD`, Vietnam); default: today. */
  @property() to = '';

  /** Lines per page (1–1000, default 200). */
  @property({ type: Number }) limit = 200;

  @state() private phase: Phase = 'idle';
  @state() private entries: readonly AuditEntry[] = [];
  @state() private next: number | undefined;

  protected readonly defaultStrings = auditTrailStrings;

  private readonly requests = new RequestsController(this);
  /** The period shown (the fields may be edited since). */
  private period = { from: '', to: '' };

  override connectedCallback(): void {
    super.connectedCallback();
    this.from ||= today();
    this.to ||= today();
    void this.load();
  }

  override render() {
    const { phase } = this;
    const heading = html`<h2>${this.t('title')}</h2>`;
    if (phase === 'sign-in' || phase === 'forbidden') {
      const text = this.t(phase === 'sign-in' ? 'signIn' : 'forbidden');
      return html`${heading}<p role="alert">${phase === 'sign-in' && this.signInHref ? html`<a href=${this.signInHref}>${text}</a>` : text}</p>`;
    }
    return html`${heading}
      <p>${this.t('hint')}</p>
      ${this.periodView()}
      <p role=${phase === 'failed' ? 'alert' : 'status'}>${this.statusText()}</p>
      ${this.entries.length > 0 ? this.tableView() : nothing}
      ${this.next === undefined ? nothing : html`<button part="more" type="button" @click=${() => this.load(this.next)}>${this.t('more')}</button>`}`;
  }

  private periodView() {
    const csv = apiUrl(
      `api/audit?${new URLSearchParams({ from: this.period.from, to: this.period.to, format: 'csv' })}`,
    ).href;
    const field = (key: 'from' | 'to') =>
      html`<label
        >${this.t(key)}
        <input
          type="date"
          name=${key}
          .value=${this[key]}
          @change=${(e: Event) => {
            this[key] = (e.target as HTMLInputElement).value;
          }}
      /></label>`;
    return html`<div part="period">
      ${field('from')} ${field('to')}
      <button type="button" @click=${() => this.load()}>${this.t('show')}</button>
      ${this.period.from ? html`<a part="csv" href=${csv} download>${this.t('csv')}</a>` : nothing}
    </div>`;
  }

  private statusText(): string {
    if (this.phase === 'loading') return this.t('loading');
    if (this.phase === 'failed') return this.t('failed');
    if (this.phase !== 'shown') return '';
    return this.entries.length === 0 ? this.t('empty') : this.t('count', { count: this.entries.length });
  }

  private tableView() {
    return html`<div class="scroll">
      <table part="table" aria-label=${this.t('title')}>
        <thead>
          <tr>
            <th scope="col">${this.t('when')}</th>
            <th scope="col">${this.t('who')}</th>
            <th scope="col">${this.t('what')}</th>
            <th scope="col">${this.t('object')}</th>
            <th scope="col">${this.t('counter')}</th>
            <th scope="col">${this.t('address')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.entries.map(
            (e) => html`<tr>
              <td class="when"><time datetime=${e.at}>${this.time(e.at)}</time></td>
              <td>${this.actor(e)}</td>
              <td>${this.action(e.action)}</td>
              <td><code>${e.object ?? ''}</code></td>
              <td>${e.counter ?? ''}</td>
              <td>${e.address ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** A time as the commune reads it, in Vietnam time: `09:05:12 04/12/2026`. */
  private time(iso: string): string {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).formatToParts(new Date(iso));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('hour')}:${part('minute')}:${part('second')} ${part('day')}/${part('month')}/${part('year')}`;
  }

  private actor(e: AuditEntry): string {
    const { kind, id = '', name } = e.actor;
    if (name) return name;
    return kind === 'user' ? id : this.t(`actor-${kind}`, { id });
  }

  /** An action named for people where the screen knows it, else as the server names it. */
  private action(action: string): string {
    const key = `action-${action}` as AuditTrailStringKey;
    return key in auditTrailStrings.vi ? this.t(key) : action;
  }

  /** Loads the period in the fields (or the page after `after` of the period shown). */
  private async load(after?: number): Promise<void> {
    if (after === undefined) {
      // A date typed in another order, or missing: today's.
      const from = DATE.test(this.from) ? this.from : today();
      const to = DATE.test(this.to) ? this.to : today();
      this.period = from <= to ? { from, to } : { from: to, to: from };
      this.entries = [];
    }
    this.phase = 'loading';
    const query = new URLSearchParams({ ...this.period, limit: String(this.limit) });
    if (after !== undefined) query.set('after', String(after));
    try {
      const answer = (await api(`api/audit?${query}`, { signal: this.requests.signal })) as
        | { entries?: unknown; next?: unknown }
        | undefined;
      const lines = Array.isArray(answer?.entries) ? answer.entries : [];
      this.entries = [...this.entries, ...lines.map(readAuditEntry).filter((e): e is AuditEntry => e !== undefined)];
      this.next = typeof answer?.next === 'number' ? answer.next : undefined;
      this.phase = 'shown';
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      if (error.code === 'aborted') return;
      this.phase = error.status === 401 ? 'sign-in' : error.status === 403 ? 'forbidden' : 'failed';
    }
  }
}

defineElement('motcua-audit-trail', MotcuaAuditTrail);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-audit-trail': MotcuaAuditTrail;
  }
}
