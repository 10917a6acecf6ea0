import {
  type DossierDeskView,
  type DossierStatus,
  type DossierStepType,
  type DossierWorkItem,
  type DossierWorklist,
  readDossierDeskView,
  readDossierWorklist,
  SUPPLEMENT_REASON_CODES,
  type Timeliness,
} from '@motcua/core/deadline';
import { html, nothing } from 'lit';
import { ApiFailure, api } from '../internal/api-client.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import { StaffScreen } from '../internal/staff-screen.js';
import { blockStyles } from '../internal/styles.js';
import { vietnamTime } from '../internal/vietnam-time.js';
import type { DossierStepDetail } from './dossier-desk.events.js';
import { type DossierDeskStringKey, dossierDeskStrings } from './dossier-desk.strings.js';
import { dossierDeskStyles } from './dossier-desk.styles.js';

export type { DossierStepDetail } from './dossier-desk.events.js';
export type { DossierDeskStringKey } from './dossier-desk.strings.js';

/** Steps whose reason is asked for: required for an extension, kept with the others. */
const WITH_REASON: readonly DossierStepType[] = ['supplement-requested', 'extended', 'withdrawn', 'stopped'];
/** The usual next step from a status, offered first. */
const USUAL: Partial<Record<DossierStatus, DossierStepType>> = {
  received: 'processing',
  processing: 'resolved',
  'payment-requested': 'resolved',
  'supplement-requested': 'supplement-completed',
  resolved: 'returned',
};
/** Which of the open dossiers the list shows, each with the test of a dossier it shows. */
const SHOWN = {
  all: () => true,
  late: (d: DossierWorkItem) => TIMELINESS[d.classification.timeliness]?.[1] === true,
  supplement: (d: DossierWorkItem) => d.status === 'supplement-requested',
  result: (d: DossierWorkItem) => d.status === 'resolved',
} as const;
type Shown = keyof typeof SHOWN;

/** Timeliness said in words, and whether it is a bad one (marked). */
const TIMELINESS: Record<Timeliness, readonly [DossierDeskStringKey, boolean]> = {
  'in-time': ['inTime', false],
  overdue: ['overdue', true],
  early: ['early', false],
  'on-time': ['onTime', false],
  late: ['late', true],
  withdrawn: ['inTime', false],
};

/**
 * An officer's desk, on the server's own origin: the office's dossiers that have not ended, the earliest due first,
 * overdue ones marked (`GET /api/dossiers`); a dossier found by its code or picked from the list, with its steps so
 * far and the steps core's dossier clock accepts now (`GET /api/dossiers/{code}/steps`); and the next step recorded
 * (`POST /api/dossiers/{code}/steps`) — a supplement request with its reasons in one go (Decree 309/2026), the
 * applicant's supplement, an extension with the apology letter's reason and new date, the result, its return, a
 * withdrawal or a stop. The server records it with the officer's name and tells the citizen through the channels they
 * chose. Its refusals are shown with their message and field; a step that may not have reached the server is sent
 * again with the same `Idempotency-Key`, so it is never recorded twice. Without an officer's session it asks to sign in.
 *
 * @summary An officer's dossiers in progress: the worklist and recording each step.
 * @fires motcua-dossier-step - A step was recorded; detail: {@link DossierStepDetail}.
 * @csspart dossier - One dossier of the list.
 * @csspart detail - The dossier opened, with its steps and the form for the next one.
 * @csspart message - What the last action said (done, or the server's refusal).
 * @cssproperty --motcua-dossier-desk-font-size - The base size (default 16px).
 * @cssproperty --motcua-dossier-desk-accent - Buttons and links (default #0b4f9c).
 * @cssproperty --motcua-dossier-desk-danger - Overdue (default #a4000f).
 * @cssproperty --motcua-dossier-desk-color - Text (default #1b1b1b).
 * @cssproperty --motcua-dossier-desk-background - Background (default #ffffff).
 *
 * @example
 * ```html
 * <script type="module" src="/cdn/motcua-dossier-desk.js"></script>
 * <motcua-dossier-desk sign-in-href="/dang-nhap.html"></motcua-dossier-desk>
 * ```
 */
export class MotcuaDossierDesk extends StaffScreen<DossierDeskStringKey> {
  /** The element's styles. */
  static override styles = [...StaffScreen.styles, blockStyles, dossierDeskStyles];

  /** A dossier to open at once (else the address's `?ma-ho-so=`). */
  @property() code = '';
  /** Seconds between readings of the list while it shows and the page is visible (default 60); 0: never. */
  @property({ type: Number }) poll = 60;

  @state() private list: DossierWorklist | undefined;
  @state() private open: DossierDeskView | undefined;
  @state() private step: DossierStepType | undefined;
  @state() private shownOnly: Shown = 'all';

  protected readonly defaultStrings = dossierDeskStrings;

  private busy = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** The last step sent whose answer never came: sent again unchanged, it keeps its Idempotency-Key. */
  private unanswered: { readonly code: string; readonly body: string; readonly key: string } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.code && typeof location !== 'undefined') {
      this.code = new URLSearchParams(location.search).get('ma-ho-so') ?? '';
    }
    void this.refresh().then(() => (this.code ? this.show(this.code) : undefined));
    // The list stays current (new dossiers, the overdue mark) while it shows on a visible page.
    this.timer = this.poll > 0 ? setInterval(() => this.again(), this.poll * 1000) : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private again(): void {
    if (this.phase === 'shown' && !this.open && document.visibilityState === 'visible') void this.refresh();
  }

  protected shown() {
    return this.open ? this.detailView(this.open) : this.listView();
  }

  private listView() {
    const list = this.list;
    return html`<section aria-labelledby="find">
        <h3 id="find">${this.t('find')}</h3>
        <div class="row">
          <label for="code">${this.t('code')}</label>
          <input
            id="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="40"
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') this.find();
            }}
          />
          <button type="button" @click=${() => this.find()}>${this.t('open')}</button>
        </div>
      </section>
      <section aria-labelledby="worklist">
        <h3 id="worklist" tabindex="-1">${this.t('worklist')}</h3>
        ${list ? html`<p class="hint">${this.t('checkedAt', { time: this.time(list.checkedAt) })}</p>` : nothing}
        ${!list || list.dossiers.length === 0 ? html`<p>${this.t('empty')}</p>` : this.shownView(list.dossiers)}
        ${list?.more ? html`<p class="hint">${this.t('more')}</p>` : nothing}
      </section>`;
  }

  /** The filter, then the dossiers it shows. */
  private shownView(dossiers: readonly DossierWorkItem[]) {
    const shown = dossiers.filter(SHOWN[this.shownOnly]);
    return html`<div class="row">
        <label for="shown">${this.t('show')}</label>
        <select
          id="shown"
          @change=${(e: Event) => {
            this.shownOnly = (e.target as HTMLSelectElement).value as Shown;
          }}
        >
          ${(Object.keys(SHOWN) as Shown[]).map(
            (key) =>
              html`<option value=${key} ?selected=${key === this.shownOnly}>
                ${this.t(`show-${key}`, { count: dossiers.filter(SHOWN[key]).length })}
              </option>`,
          )}
        </select>
      </div>
      ${
        shown.length === 0
          ? html`<p>${this.t('noneShown')}</p>`
          : html`<ul>
            ${shown.map((d) => this.itemView(d))}
          </ul>`
      }`;
  }

  private itemView(d: DossierWorkItem) {
    const [said, bad] = TIMELINESS[d.classification.timeliness] ?? TIMELINESS['in-time'];
    return html`<li part="dossier" class=${bad ? 'overdue' : ''}>
      <button type="button" class="link" @click=${() => this.show(d.code)}>${d.code}</button>
      <span>${d.procedure.name}</span>
      <span>${this.t(`status-${d.status}`)}</span>
      <span>${this.t('colDue')}: <time datetime=${d.classification.dueAt}>${this.time(d.classification.dueAt)}</time>
        — <strong>${this.t(said)}</strong></span>
    </li>`;
  }

  private detailView(view: DossierDeskView) {
    const d = view.dossier;
    const [said, bad] = TIMELINESS[d.classification.timeliness] ?? TIMELINESS['in-time'];
    return html`<section part="detail" aria-labelledby="detail">
      <button type="button" class="link" @click=${() => this.close()}>${this.t('close')}</button>
      <h3 id="detail" tabindex="-1">${d.code}</h3>
      <p>${d.procedure.name}</p>
      <p><strong>${this.t(`status-${d.status}`)}</strong> ·
        ${this.t('dueAt', { time: this.time(d.clock.promisedDueAt) })}
        — <strong class=${bad ? 'late' : ''}>${this.t(said)}</strong></p>
      <h4>${this.t('timeline')}</h4>
      <ol>
        ${d.timeline.map(
          (s) => html`<li>
            <time datetime=${s.at}>${this.time(s.at)}</time> —
            ${s.type === 'received' ? this.t('status-received') : this.t(`step-${s.type}`)}
            ${s.reasons?.length ? html`<br />${s.reasons.map((r) => this.t(`reason-${r}`)).join('; ')}` : nothing}
            ${s.reason ? html`<br />${s.reason}` : nothing}
            ${s.dueAt ? html`<br />${this.t('dueAt', { time: this.time(s.dueAt) })}` : nothing}
          </li>`,
        )}
      </ol>
      ${view.nextSteps.length === 0 ? html`<p>${this.t('noSteps')}</p>` : this.stepForm(view)}
    </section>`;
  }

  private stepForm(view: DossierDeskView) {
    const chosen = this.step && view.nextSteps.includes(this.step) ? this.step : undefined;
    const usual = USUAL[view.dossier.status];
    const steps =
      usual && view.nextSteps.includes(usual) ? [usual, ...view.nextSteps.filter((s) => s !== usual)] : view.nextSteps;
    return html`<h4 id="record">${this.t('record')}</h4>
      <fieldset>
        <legend>${this.t('stepType')}</legend>
        ${steps.map(
          (type) =>
            html`<label class="check"
              ><input
                type="radio"
                name="step"
                value=${type}
                .checked=${type === chosen}
                @change=${() => {
                  this.step = type;
                }}
              />${this.t(`step-${type}`)}</label
            >`,
        )}
      </fieldset>
      ${
        chosen === 'supplement-requested'
          ? html`<fieldset>
            <legend>${this.t('reasons')}</legend>
            ${SUPPLEMENT_REASON_CODES.map(
              (r) =>
                html`<label class="check"
                  ><input type="checkbox" name="reasons" value=${r} />${this.t(`reason-${r}`)}</label
                >`,
            )}
          </fieldset>`
          : nothing
      }
      ${
        chosen === 'extended'
          ? html`<div class="row">
            <label for="due">${this.t('newDue')}</label>
            <input id="due" type="datetime-local" required />
          </div>`
          : nothing
      }
      ${
        chosen && WITH_REASON.includes(chosen)
          ? html`<div class="column">
            <label for="reason">${this.t('reason')}</label>
            <textarea
              id="reason"
              rows="3"
              maxlength="2000"
              ?required=${chosen === 'extended'}
              aria-describedby=${chosen === 'extended' ? 'reason-hint' : nothing}
            ></textarea>
            ${chosen === 'extended' ? html`<p class="hint" id="reason-hint">${this.t('reasonHint')}</p>` : nothing}
          </div>`
          : nothing
      }
      <button type="button" ?disabled=${!chosen} @click=${() => this.record(view.dossier.code)}>
        ${this.t('submit')}
      </button>`;
  }

  private time(iso: string): string {
    return vietnamTime(iso, this.language);
  }

  private field<T extends HTMLElement = HTMLInputElement>(id: string): T | null | undefined {
    return this.shadowRoot?.querySelector<T>(`#${id}`);
  }

  private async refresh(): Promise<void> {
    try {
      const list = readDossierWorklist(await api('api/dossiers', { signal: this.requests.signal }));
      if (!list) throw new ApiFailure(200, 'malformed');
      this.list = list;
      this.phase = 'shown';
    } catch (error) {
      if (this.failed(error) && this.phase === 'loading') this.phase = 'failed';
    }
  }

  private find(): void {
    const code = this.field('code')?.value.trim() ?? '';
    if (code) void this.show(code);
  }

  /** Opens a dossier: its steps and what may come next. */
  private async show(code: string): Promise<void> {
    try {
      const path = `api/dossiers/${encodeURIComponent(code)}/steps`;
      const view = readDossierDeskView(await api(path, { signal: this.requests.signal }));
      if (!view) throw new ApiFailure(200, 'malformed');
      this.open = view;
      this.step = undefined;
      this.message = undefined;
      await this.updateComplete;
      this.field('detail')?.focus();
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 404) {
        this.message = { kind: 'error', text: this.t('unknown', { code }), problems: [] };
      } else this.failed(error);
    }
  }

  private async close(): Promise<void> {
    this.open = undefined;
    this.message = undefined;
    await this.refresh();
    await this.updateComplete;
    this.field('worklist')?.focus();
  }

  /** The step as the form says it, for `POST /api/dossiers/{code}/steps`. */
  private stepBody(type: DossierStepType): Record<string, unknown> {
    const reason = this.field<HTMLTextAreaElement>('reason')?.value.trim() ?? '';
    const reasons = [...(this.shadowRoot?.querySelectorAll<HTMLInputElement>('input[name="reasons"]:checked') ?? [])];
    const due = this.field('due')?.value ?? '';
    return {
      type,
      ...(reason ? { reason } : {}),
      ...(reasons.length > 0 ? { reasons: reasons.map((r) => r.value) } : {}),
      // The date and time typed are Vietnam's, whatever the computer's time zone.
      ...(due ? { dueAt: `${due.length === 16 ? `${due}:00` : due}+07:00` } : {}),
    };
  }

  private async record(code: string): Promise<void> {
    const type = this.step;
    if (!type || this.busy) return;
    this.busy = true;
    const body = this.stepBody(type);
    const json = JSON.stringify(body);
    try {
      const kept = this.unanswered?.code === code && this.unanswered.body === json ? this.unanswered.key : undefined;
      const key = kept ?? (await import('../internal/idempotency-key.js')).newIdempotencyKey();
      this.unanswered = { code, body: json, key };
      const path = `api/dossiers/${encodeURIComponent(code)}/steps`;
      const answer = (await api(path, { body, key, signal: this.requests.signal })) as { status?: unknown } | undefined;
      this.unanswered = undefined;
      const status = typeof answer?.status === 'string' ? answer.status : '';
      this.emit('motcua-dossier-step', { code, type, status } as DossierStepDetail);
      await this.show(code);
      this.message = { kind: 'status', text: this.t('recorded', { step: this.t(`step-${type}`), code }) };
    } catch (error) {
      if (!(error instanceof ApiFailure && error.transient)) this.unanswered = undefined;
      this.failed(error);
    } finally {
      this.busy = false;
    }
  }
}

defineElement('motcua-dossier-desk', MotcuaDossierDesk);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-dossier-desk': MotcuaDossierDesk;
  }
}
