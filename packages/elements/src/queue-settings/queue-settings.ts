import type { KioskServices } from '@motcua/core/queue';
import type { OfficeSettingsVersion } from '@motcua/core/staff';
import type { ApiProblem } from '@motcua/core/text';
import { html, nothing, type PropertyValues } from 'lit';
import { ApiFailure, api } from '../internal/api-client.js';
import { MotcuaElement } from '../internal/base.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import { type Language, toLanguage } from '../internal/i18n.js';
import { RequestsController } from '../internal/requests-controller.js';
import { blockStyles } from '../internal/styles.js';
import {
  type CounterDraft,
  configOf,
  type Draft,
  draftOf,
  fieldOf,
  names,
  readVersion,
  type ServiceDraft,
  shownDate,
  WEEK,
  type WindowDraft,
  WORKDAYS,
} from './draft.js';
import type { SettingsSavedDetail } from './queue-settings.events.js';
import { type QueueSettingsStringKey, queueSettingsStrings } from './queue-settings.strings.js';
import { queueSettingsStyles } from './queue-settings.styles.js';

export type { SettingsSavedDetail } from './queue-settings.events.js';
export type { QueueSettingsStringKey } from './queue-settings.strings.js';

type Phase = 'loading' | 'shown' | 'sign-in' | 'forbidden' | 'failed';
type Outcome =
  | { readonly kind: 'saved'; readonly version: number }
  | { readonly kind: 'stale'; readonly version: number }
  | { readonly kind: 'problems'; readonly problems: readonly ApiProblem[]; readonly text?: string };

/**
 * The office's services, counters and issuing hours, for its admins: each service with its ticket prefix, names,
 * issuing hours per weekday (several windows make breaks) and daily cap, and whether it issues now — when not, when
 * it issues again (`GET /api/queue/services`); the counters with the services each calls; the priority groups and
 * the default one; the office's own closed dates. A save is a new settings version (`PUT
 * /api/admin/settings/queue`), in effect at once on every instance; it names the version it was made from, so a stale
 * one is refused and said plainly, and every problem is shown at its field. Other fields of the configuration
 * (numbering, sequences, sessions, ordering) are kept as they are.
 *
 * Inside `<motcua-office-admin>` it is given the settings in force (`settings`); alone on a page it loads them, and
 * asks to sign in without an admin session.
 *
 * @summary Services, counters and issuing hours (admins only).
 * @fires motcua-settings-saved - A new settings version was saved; detail {@link SettingsSavedDetail}.
 * @csspart service - One service's fields.
 * @csspart counter - One counter's fields.
 * @csspart status - What the last save said, and whether each service issues now.
 * @csspart problems - The problems of a refused save, each with its path.
 * @cssproperty --motcua-queue-settings-font-size - The base size (default 16px).
 * @cssproperty --motcua-queue-settings-accent - Buttons (default #0b4f9c).
 * @cssproperty --motcua-queue-settings-color - Text (default #1b1b1b).
 * @cssproperty --motcua-queue-settings-background - Background (default #ffffff).
 *
 * @example
 * ```html
 * <script type="module" src="/cdn/motcua-queue-settings.js"></script>
 * <motcua-queue-settings sign-in-href="/dang-nhap.html"></motcua-queue-settings>
 * ```
 */
export class MotcuaQueueSettings extends MotcuaElement<QueueSettingsStringKey> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, queueSettingsStyles];

  /** The settings in force, when a host (the office administration) has them; else the element loads them. */
  @property({ attribute: false }) settings: OfficeSettingsVersion | undefined;

  /** Where to sign in, linked when the page has no admin session. */
  @property({ attribute: 'sign-in-href' }) signInHref = '';

  @state() private phase: Phase = 'loading';
  @state() private draft: Draft | undefined;
  @state() private outcome: Outcome | undefined;
  @state() private issuing: KioskServices['services'] = [];

  protected readonly defaultStrings = queueSettingsStrings;

  private readonly requests = new RequestsController(this);
  /** The version the draft was taken from: a save names it. */
  private base: OfficeSettingsVersion | undefined;
  /** The draft was changed since it was taken. */
  private dirty = false;
  private busy = false;
  private readonly follower = { hostUpdated: () => this.requestUpdate() };

  /** Its own `lang`; inside another motcua element (the office administration), that element's language. */
  override get language(): Language {
    const host = this.host();
    return toLanguage(this.lang) ?? (host ? host.language : super.language);
  }

  /** The motcua element whose shadow root holds this one, if any. */
  private host(): MotcuaElement<string> | undefined {
    const host = (this.getRootNode() as ShadowRoot).host;
    return host instanceof MotcuaElement ? host : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Drawn again with its host (a language changed there, say).
    this.host()?.addController(this.follower);
    if (!this.settings) void this.load();
    void this.loadIssuing();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.host()?.removeController(this.follower);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('settings') && this.settings) this.take(this.settings);
  }

  override render() {
    const { phase } = this;
    const title = html`<h3 id="queue-settings">${this.t('title')}</h3>`;
    if (phase === 'shown' && this.draft) return this.form(this.draft, title);
    if (phase === 'loading') return html`${title}<p role="status">${this.t('loading')}</p>`;
    const text = phase === 'sign-in' ? this.t('signIn') : this.t(phase === 'shown' ? 'failed' : phase);
    const link = phase === 'sign-in' && this.signInHref;
    return html`${title}<p role="alert">${link ? html`<a href=${link}>${text}</a>` : text}</p>`;
  }

  /**
   * Takes a settings version: the draft starts again from it, unless the admin has changed the draft and the queue
   * it was taken from is the same (another section saved): then only the version moves on. When the queue changed
   * under a changed draft, the draft keeps its version, and its save is refused as stale.
   */
  private take(settings: OfficeSettingsVersion): void {
    const same = JSON.stringify(this.base?.settings.queue) === JSON.stringify(settings.settings.queue);
    if (this.dirty && !same) return;
    this.base = settings;
    if (!this.dirty) this.draft = draftOf(settings.settings.queue);
    this.phase = 'shown';
  }

  private async load(): Promise<void> {
    try {
      const settings = readVersion(await api('/api/admin/settings', { signal: this.requests.signal }));
      if (!settings) throw new ApiFailure(200, 'malformed');
      this.dirty = false;
      this.settings = settings;
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      if (error.code === 'aborted') return;
      this.phase = error.status === 401 ? 'sign-in' : error.status === 403 ? 'forbidden' : 'failed';
    }
  }

  /** Whether each service issues now, as the kiosks see it. */
  private async loadIssuing(): Promise<void> {
    try {
      const answer = (await api('/api/queue/services', { signal: this.requests.signal })) as Partial<KioskServices>;
      this.issuing = Array.isArray(answer?.services) ? answer.services : [];
    } catch {
      this.issuing = [];
    }
  }

  /** Records a change to the draft and draws it. */
  private edit(change: (draft: Draft) => void): void {
    if (!this.draft) return;
    change(this.draft);
    this.dirty = true;
    this.requestUpdate();
  }

  private problemsAt(field: string): readonly ApiProblem[] {
    const o = this.outcome;
    return o?.kind === 'problems' ? o.problems.filter((p) => fieldOf(p.path) === field) : [];
  }

  /** An input bound to a field of the draft, marked and described when the last save was refused there. */
  private input(
    field: string,
    label: string,
    value: string,
    set: (value: string) => void,
    type = 'text',
    hint?: string,
  ) {
    const problems = this.problemsAt(field);
    const id = `f-${field}`;
    return html`<label
      >${label}${hint ? html` <small>${hint}</small>` : nothing}
      <input
        id=${id}
        name=${field}
        type=${type}
        min=${type === 'number' ? 0 : nothing}
        .value=${value}
        aria-invalid=${problems.length > 0 ? 'true' : nothing}
        aria-describedby=${problems.length > 0 ? `${id}-problem` : nothing}
        @input=${(e: Event) => this.edit(() => set((e.target as HTMLInputElement).value))}
      />${
        problems.length > 0
          ? html`<span class="field-problem" id=${`${id}-problem`}
              >${problems.map((p) => p.message[this.language]).join(' ')}</span
            >`
          : nothing
      }</label
    >`;
  }

  private check(label: string, checked: boolean, set: (checked: boolean) => void, name?: string) {
    return html`<label class="check"
      ><input
        type="checkbox"
        name=${name ?? nothing}
        .checked=${checked}
        @change=${(e: Event) => this.edit(() => set((e.target as HTMLInputElement).checked))}
      />${label}</label
    >`;
  }

  private button(label: string, run: () => void, secondary = true) {
    return html`<button type="button" class=${secondary ? 'secondary' : ''} @click=${run}>${label}</button>`;
  }

  private form(d: Draft, title: unknown) {
    const t = this.t.bind(this);
    return html`<section aria-labelledby="queue-settings">
      ${title}
      <p>${t('hint')}</p>
      <h4>${t('services')}</h4>
      ${d.services.map((s, i) => this.serviceView(s, i))}
      ${this.button(t('addService'), () =>
        this.edit((draft) =>
          draft.services.push({
            id: '',
            prefix: '',
            name: names(undefined),
            windows: [],
            dailyCap: '',
            fresh: true,
            rest: {},
          }),
        ),
      )}
      <h4>${t('counters')}</h4>
      ${d.counters.map((c, i) => this.counterView(d, c, i))}
      ${this.button(t('addCounter'), () =>
        this.edit((draft) => {
          const next = String(Math.max(0, ...draft.counters.map((c) => Number(c.id) || 0)) + 1);
          draft.counters.push({ id: next, label: next, services: [], rest: {} });
        }),
      )}
      ${this.prioritiesView(d)} ${this.closedDatesView(d)}
      <p>
        <button type="button" ?disabled=${this.busy} @click=${() => this.save()}>${t('save')}</button>
      </p>
      ${this.outcomeView()}
    </section>`;
  }

  private serviceView(s: ServiceDraft, i: number) {
    const t = this.t.bind(this);
    const at = `services.${i}`;
    const shownName = s.name[this.language] || s.name.vi || s.id;
    return html`<fieldset part="service">
      <legend>${s.fresh ? t('newService') : t('service', { prefix: s.prefix, name: shownName })}</legend>
      <div class="row">
        ${s.fresh ? this.input(`${at}.id`, t('id'), s.id, (v) => (s.id = v.trim()), 'text', t('idHint')) : nothing}
        ${this.input(`${at}.prefix`, t('prefix'), s.prefix, (v) => (s.prefix = v.trim().toUpperCase()))}
        ${this.input(`${at}.name.vi`, t('nameVi'), s.name.vi, (v) => (s.name.vi = v))}
        ${this.input(`${at}.name.en`, t('nameEn'), s.name.en, (v) => (s.name.en = v))}
        ${this.input(`${at}.dailyCap`, t('dailyCap'), s.dailyCap, (v) => (s.dailyCap = v), 'number', t('noCap'))}
      </div>
      <fieldset>
        <legend>${t('windows')}</legend>
        ${s.windows.length === 0 ? html`<p>${t('windowsNone')}</p>` : nothing}
        ${s.windows.map((w, j) => this.windowView(s, w, `${at}.windows.${j}`, j))}
        ${this.button(t('addWindow'), () =>
          this.edit(() => s.windows.push({ from: '07:30', to: '11:30', days: [...WORKDAYS] })),
        )}
      </fieldset>
      ${s.fresh ? nothing : this.issuingView(s.id)}
      ${this.button(t('removeService', { name: shownName || String(i + 1) }), () =>
        this.edit((draft) => {
          draft.services.splice(i, 1);
          for (const c of draft.counters) c.services = c.services.filter((id) => id !== s.id);
        }),
      )}
    </fieldset>`;
  }

  private windowView(s: ServiceDraft, w: WindowDraft, at: string, j: number) {
    const t = this.t.bind(this);
    return html`<div class="row" role="group" aria-label=${t('window', { n: j + 1 })}>
      ${this.input(`${at}.from`, t('from'), w.from, (v) => (w.from = v), 'time')}
      ${this.input(`${at}.to`, t('to'), w.to, (v) => (w.to = v), 'time')}
      <span role="group" aria-label=${t('days')} class="row">
        ${WEEK.map((day) =>
          this.check(t(`day-${day}` as QueueSettingsStringKey), w.days.includes(day), (on) => {
            w.days = on ? [...w.days, day] : w.days.filter((d) => d !== day);
          }),
        )}
      </span>
      ${this.button(t('removeWindow', { n: j + 1 }), () => this.edit(() => s.windows.splice(j, 1)))}
      ${
        this.problemsAt(`${at}.days`).length > 0
          ? html`<span class="field-problem">${this.problemsAt(`${at}.days`).map((p) => p.message[this.language])}</span>`
          : nothing
      }
    </div>`;
  }

  /** Whether the service issues now and, when not, when it issues again (as the kiosks show it). */
  private issuingView(id: string) {
    const state = this.issuing.find((s) => s.id === id);
    if (!state) return nothing;
    if (state.open) return html`<p class="open" part="status">${this.t('issuingNow')}</p>`;
    const next = state.nextOpening;
    return html`<p class="closed" part="status">
      ${next ? this.t('closedUntil', { time: next.time, date: shownDate(next.date) }) : this.t('closedNoNext')}
    </p>`;
  }

  private counterView(d: Draft, c: CounterDraft, i: number) {
    const t = this.t.bind(this);
    const at = `counters.${i}`;
    return html`<fieldset part="counter">
      <legend>${t('counter', { label: c.label || c.id })}</legend>
      ${this.input(`${at}.label`, t('label'), c.label, (v) => (c.label = v))}
      <fieldset>
        <legend>${t('counterServices')}</legend>
        <div class="row">
          ${d.services
            .filter((s) => s.id)
            .map((s) =>
              this.check(
                `${s.prefix} — ${s.name[this.language] || s.name.vi || s.id}`,
                c.services.includes(s.id),
                (on) => {
                  c.services = on ? [...c.services, s.id] : c.services.filter((id) => id !== s.id);
                },
                `${at}.services`,
              ),
            )}
        </div>
        ${
          this.problemsAt(`${at}.services`).length > 0
            ? html`<p class="field-problem">${this.problemsAt(`${at}.services`).map((p) => p.message[this.language])}</p>`
            : nothing
        }
      </fieldset>
      ${this.button(t('removeCounter', { label: c.label || c.id }), () => this.edit((draft) => draft.counters.splice(i, 1)))}
    </fieldset>`;
  }

  /** The priority groups, when the configuration names its own (else core's defaults apply and are not listed). */
  private prioritiesView(d: Draft) {
    const list = d.priorityClasses;
    if (!list) return nothing;
    const t = this.t.bind(this);
    return html`<h4>${t('priorities')}</h4>
      ${list.map((p, i) => {
        const at = `priorityClasses.${i}`;
        const shown = p.name[this.language] || p.name.vi || p.id;
        return html`<fieldset>
          <legend>${t('priority', { name: shown })}</legend>
          <div class="row">
            ${p.fresh ? this.input(`${at}.id`, t('id'), p.id, (v) => (p.id = v.trim()), 'text', t('idHint')) : nothing}
            ${this.input(`${at}.name.vi`, t('nameVi'), p.name.vi, (v) => (p.name.vi = v))}
            ${this.input(`${at}.name.en`, t('nameEn'), p.name.en, (v) => (p.name.en = v))}
            ${this.input(`${at}.weight`, t('weight'), p.weight, (v) => (p.weight = v), 'number')}
          </div>
          ${this.button(t('removePriority', { name: shown }), () => this.edit(() => list.splice(i, 1)))}
        </fieldset>`;
      })}
      ${this.button(t('addPriority'), () =>
        this.edit(() => list.push({ id: '', name: names(undefined), weight: '1', fresh: true, rest: {} })),
      )}
      <label
        >${t('defaultPriority')}
        <select
          name="defaultPriority"
          @change=${(e: Event) => this.edit((draft) => (draft.defaultPriority = (e.target as HTMLSelectElement).value))}
        >
          ${list
            .filter((p) => p.id)
            .map(
              (p) =>
                html`<option value=${p.id} ?selected=${p.id === d.defaultPriority}>
                  ${p.name[this.language] || p.name.vi || p.id}
                </option>`,
            )}
        </select></label
      >`;
  }

  private closedDatesView(d: Draft) {
    const t = this.t.bind(this);
    return html`<h4>${t('closedDates')}</h4>
      <p>${t('closedDatesHint')}</p>
      ${d.closedDates.map(
        (date, i) =>
          html`<div class="row">
            ${this.input(`closedDates.${i}`, t('closedDate'), date, (v) => (d.closedDates[i] = v), 'date')}
            ${this.button(t('removeClosedDate', { date: date ? shownDate(date) : String(i + 1) }), () =>
              this.edit(() => d.closedDates.splice(i, 1)),
            )}
          </div>`,
      )}
      ${this.button(t('addClosedDate'), () => this.edit(() => d.closedDates.push('')))}`;
  }

  /** What the last save said: saved (a status), stale or refused with its problems (an alert). */
  private outcomeView() {
    const o = this.outcome;
    if (!o) return nothing;
    if (o.kind !== 'problems') {
      const saved = o.kind === 'saved';
      return html`<p part=${saved ? 'status' : nothing} role=${saved ? 'status' : 'alert'}>
        ${this.t(o.kind, { version: o.version })}
      </p>`;
    }
    return html`<div role="alert" part="problems">
      <p>${o.text ?? this.t('problems')}</p>
      <ul>
        ${o.problems.map((p) => html`<li><code>${p.path}</code>: ${p.message[this.language]}</li>`)}
      </ul>
    </div>`;
  }

  private async save(): Promise<void> {
    if (!this.draft || this.busy) return;
    this.busy = true;
    this.outcome = undefined;
    try {
      const saved = readVersion(
        await api('/api/admin/settings/queue', {
          method: 'PUT',
          body: { expectedVersion: this.base?.version ?? 0, value: configOf(this.draft) },
          signal: this.requests.signal,
        }),
      );
      if (!saved) throw new ApiFailure(201, 'malformed');
      this.dirty = false;
      this.settings = saved;
      this.outcome = { kind: 'saved', version: saved.version };
      this.emit('motcua-settings-saved', { version: saved.version, change: saved.change });
      await this.loadIssuing();
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      if (error.code === 'aborted') return;
      if (error.status === 409) {
        this.dirty = false;
        await this.load();
        this.outcome = { kind: 'stale', version: this.settings?.version ?? 0 };
        return;
      }
      const text = error.problems.length > 0 ? undefined : (error.text?.[this.language] ?? this.t('saveFailed'));
      this.outcome = { kind: 'problems', problems: error.problems, ...(text ? { text } : {}) };
    } finally {
      this.busy = false;
    }
  }
}

defineElement('motcua-queue-settings', MotcuaQueueSettings);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-queue-settings': MotcuaQueueSettings;
  }
}
