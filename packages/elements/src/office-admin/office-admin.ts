import {
  type CalendarPreview,
  type NoAppointmentSetting,
  type OfficeSettingsVersion,
  readCalendarPreview,
  readOfficeSettingsVersion,
} from '@motcua/core/staff';
import type { ApiProblem } from '@motcua/core/text';
import { adoptStyles, type CSSResult, html, nothing } from 'lit';
import { ApiFailure, api } from '../internal/api-client.js';
import { MotcuaElement } from '../internal/base.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import type { StringTable } from '../internal/i18n.js';
import { RequestsController } from '../internal/requests-controller.js';
import { blockStyles } from '../internal/styles.js';
import type * as AdminParts from './admin-history.js';
import type { SettingsSavedDetail } from './office-admin.events.js';
import { type OfficeAdminStringKey, officeAdminStrings } from './office-admin.strings.js';
import { officeAdminStyles } from './office-admin.styles.js';
import type { AdminHistoryStringKey, CalendarPreviewStringKey } from './types.js';

export type { SettingsSavedDetail } from './office-admin.events.js';
export type { OfficeAdminStringKey } from './office-admin.strings.js';
export type { AdminHistoryStringKey, CalendarPreviewStringKey } from './types.js';

type Phase = 'loading' | 'shown' | 'sign-in' | 'forbidden' | 'failed';
type Section = 'no-appointment' | 'calendar';
/** What a section's last save or preview said: saved, refused with problems, or stale. */
type Outcome =
  | { readonly kind: 'saved'; readonly version: number }
  | { readonly kind: 'problems'; readonly problems: readonly ApiProblem[]; readonly text?: string }
  | { readonly kind: 'stale'; readonly version: number };

type AllKeys = OfficeAdminStringKey | AdminHistoryStringKey | CalendarPreviewStringKey;

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/**
 * The office administration for a signed-in admin, on the server's own origin: the "Ngày không hẹn" (weekdays,
 * procedures picked from the published catalogue, from which date) and the working calendar (the overlays in force;
 * a Government decision loaded from a file or typed, local days off), with a preview of the days and open dossiers a
 * calendar change affects before it is saved. Each save names the version it was made from: a stale one is refused
 * and the settings reloaded; problems are shown with their place. After the first paint, the rating instruments of
 * the counters' tablets and the QR form, the Decision 766 points split of 2.1 and 3.3 (settings-sections.ts), the
 * procedure catalogue (a CSV or JSON import checked with every problem at its place and the diff against the
 * published catalogue before it is published; the published versions with a rollback) and the settings history (who,
 * when, what changed, with a rollback) load as a part of their own (admin-history.ts).
 *
 * @summary The office administration (admins only): no-appointment day, calendar, rating, points split, catalogue,
 * settings history.
 * @fires motcua-settings-saved - A new settings version was saved; detail {@link SettingsSavedDetail}.
 * @csspart status - The message after a save.
 * @csspart problems - The list of problems of a refused change.
 * @csspart preview - The calendar preview.
 * @csspart diff - The catalogue check's changes against the published catalogue.
 * @csspart confirm - The confirmation of a rollback.
 * @cssproperty --motcua-office-admin-font-size - The base size (default 16px).
 * @cssproperty --motcua-office-admin-accent - Buttons (default #0b4f9c).
 * @cssproperty --motcua-office-admin-color - Text (default #1b1b1b).
 * @cssproperty --motcua-office-admin-background - Background (default #ffffff).
 *
 * @example
 * ```html
 * <script type="module" src="/cdn/motcua-office-admin.js"></script>
 * <motcua-office-admin></motcua-office-admin>
 * ```
 */
export class MotcuaOfficeAdmin extends MotcuaElement<AllKeys> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, officeAdminStyles];

  /** Where to sign in, linked when the page has no admin session. */
  @property({ attribute: 'sign-in-href' }) signInHref = '';

  @state() private phase: Phase = 'loading';
  @state() private current: OfficeSettingsVersion | undefined;
  @state() private procedures: readonly { readonly code: string; readonly name: string }[] = [];
  @state() private draft: NoAppointmentSetting & { enabled: boolean } = {
    enabled: false,
    weekdays: [],
    procedures: [],
    from: '',
  };
  @state() private overlaysText = '[]';
  @state() private preview: CalendarPreview | undefined;
  @state() private previewedText: string | undefined;
  @state() private outcome: Partial<Record<Section, Outcome>> = {};

  protected defaultStrings = officeAdminStrings as StringTable<AllKeys>;

  /** The parts loaded after the first paint (admin-history.ts): the calendar preview, the history sections. */
  private parts: typeof AdminParts | undefined;
  private loadingParts: Promise<typeof AdminParts | undefined> | undefined;
  private history: AdminParts.AdminHistory | undefined;
  private readonly extraStyles: CSSResult[] = [];

  private readonly requests = new RequestsController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    return html`<h2>${this.t('title')}</h2>${this.body()}`;
  }

  private body() {
    switch (this.phase) {
      case 'loading':
        return html`<p role="status">${this.t('loading')}</p>`;
      case 'sign-in':
        return html`<p role="alert">
          ${this.signInHref ? html`<a href=${this.signInHref}>${this.t('signIn')}</a>` : this.t('signIn')}
        </p>`;
      case 'forbidden':
        return html`<p role="alert">${this.t('forbidden')}</p>`;
      case 'failed':
        return html`<p role="alert">${this.t('failed')}</p>`;
      default:
        return html`<p>
            ${this.t('version', { version: this.current?.version ?? 0, at: this.current?.savedAt ?? '' })}
          </p>
          ${this.noAppointmentSection()} ${this.calendarSection()} ${this.history?.sections() ?? nothing}`;
    }
  }

  private noAppointmentSection() {
    const d = this.draft;
    return html`<section aria-labelledby="na">
      <h3 id="na">${this.t('noAppointment')}</h3>
      <p>${this.t('noAppointmentHint')}</p>
      <label
        ><input
          type="checkbox"
          .checked=${d.enabled}
          @change=${(e: Event) => this.setDraft({ enabled: (e.target as HTMLInputElement).checked })}
        />${this.t('enabled')}</label
      >
      <fieldset>
        <legend>${this.t('weekdays')}</legend>
        ${WEEKDAYS.map(
          (day) =>
            html`<label
              ><input
                type="checkbox"
                name="weekday"
                .value=${String(day)}
                .checked=${d.weekdays.includes(day)}
                @change=${(e: Event) => this.toggle('weekdays', day, (e.target as HTMLInputElement).checked)}
              />${this.t(`day${day}` as OfficeAdminStringKey)}</label
            >`,
        )}
      </fieldset>
      <fieldset class="procedures">
        <legend>${this.t('procedures')}</legend>
        ${this.procedures.map(
          (p) =>
            html`<label
              ><input
                type="checkbox"
                name="procedure"
                .value=${p.code}
                .checked=${d.procedures.includes(p.code)}
                @change=${(e: Event) => this.toggle('procedures', p.code, (e.target as HTMLInputElement).checked)}
              />${p.code} — ${p.name}</label
            >`,
        )}
      </fieldset>
      <label
        >${this.t('from')}
        <input
          type="date"
          name="from"
          .value=${d.from}
          @change=${(e: Event) => this.setDraft({ from: (e.target as HTMLInputElement).value })}
      /></label>
      <button type="button" @click=${() => this.saveNoAppointment()}>${this.t('save')}</button>
      ${this.outcomeOf('no-appointment')}
    </section>`;
  }

  private calendarSection() {
    const overlays = this.current?.settings.calendarOverlays ?? [];
    return html`<section aria-labelledby="cal">
      <h3 id="cal">${this.t('calendar')}</h3>
      <p>${this.t('calendarHint')}</p>
      <h4>${this.t('activeOverlays')}</h4>
      ${
        overlays.length === 0
          ? html`<p>${this.t('none')}</p>`
          : html`<ul>
            ${overlays.map((o) => html`<li>${o.name}</li>`)}
          </ul>`
      }
      <label
        >${this.t('loadFile')}
        <input type="file" accept=".json,application/json" @change=${(e: Event) => this.loadFile(e)}
      /></label>
      <fieldset>
        <legend>${this.t('localDay')}</legend>
        <label>${this.t('localDayDate')} <input type="date" name="local-date" /></label>
        <label>${this.t('localDayName')} <input type="text" name="local-name" /></label>
        <label><input type="checkbox" name="local-working" />${this.t('localDayWorking')}</label>
        <button type="button" @click=${() => this.addLocalDay()}>${this.t('addLocalDay')}</button>
      </fieldset>
      <label for="overlays">${this.t('overlaysJson')}</label>
      <textarea
        id="overlays"
        spellcheck="false"
        .value=${this.overlaysText}
        @input=${(e: Event) => {
          this.overlaysText = (e.target as HTMLTextAreaElement).value;
        }}
      ></textarea>
      <button type="button" @click=${() => this.previewCalendar()}>${this.t('preview')}</button>
      <button type="button" @click=${() => this.saveCalendar()}>${this.t('save')}</button>
      ${this.outcomeOf('calendar')}
      ${
        this.preview && this.parts
          ? this.parts.calendarPreviewView(this.preview, this.t('preview'), (k, p) => this.t(k, p), this.language)
          : nothing
      }
    </section>`;
  }

  private outcomeOf(section: Section) {
    const o = this.outcome[section];
    if (!o) return nothing;
    if (o.kind === 'saved') return html`<p part="status" role="status">${this.t('saved', { version: o.version })}</p>`;
    if (o.kind === 'stale') return html`<p role="alert">${this.t('stale', { version: o.version })}</p>`;
    return html`<div role="alert" part="problems">
      <p>${o.text ?? this.t('problems')}</p>
      <ul>
        ${o.problems.map((p) => html`<li><code>${p.path}</code>: ${p.message[this.language]}</li>`)}
      </ul>
    </div>`;
  }

  private setDraft(change: Partial<MotcuaOfficeAdmin['draft']>): void {
    this.draft = { ...this.draft, ...change };
  }

  private toggle(key: 'weekdays' | 'procedures', value: number | string, on: boolean): void {
    const list = (this.draft[key] as readonly (number | string)[]).filter((v) => v !== value);
    this.setDraft({ [key]: on ? [...list, value] : list });
  }

  private async load(): Promise<void> {
    try {
      const settings = readOfficeSettingsVersion(await api('/api/admin/settings', { signal: this.requests.signal }));
      if (!settings) throw new ApiFailure(200, 'malformed');
      this.show(settings);
      this.phase = 'shown';
      await this.loadProcedures();
      await this.loadHistory();
    } catch (error) {
      const status = error instanceof ApiFailure ? error.status : 0;
      if (error instanceof ApiFailure && error.code === 'aborted') return;
      this.phase = status === 401 ? 'sign-in' : status === 403 ? 'forbidden' : 'failed';
    }
  }

  /** The published catalogue's procedures, for the no-appointment day. */
  private async loadProcedures(): Promise<void> {
    const catalogue = (await api('/api/catalogue', { signal: this.requests.signal }).catch(() => undefined)) as
      | { procedures?: { code: string; name: string }[] }
      | undefined;
    this.procedures = (catalogue?.procedures ?? []).map(({ code, name }) => ({ code, name }));
  }

  /** The catalogue and settings history: its code, strings and styles are fetched after the first paint. */
  private async loadHistory(): Promise<void> {
    this.loadingParts ??= import('./admin-history.js').catch(() => undefined);
    const module = await this.loadingParts;
    if (!module || this.history) return;
    this.parts = module;
    const { vi, en } = this.defaultStrings;
    const [a, b] = [module.adminHistoryStrings, module.calendarPreviewStrings];
    this.defaultStrings = { vi: { ...vi, ...a.vi, ...b.vi }, en: { ...en, ...a.en, ...b.en } };
    this.extraStyles.push(module.adminHistoryStyles);
    if (this.shadowRoot) {
      adoptStyles(this.shadowRoot, [
        ...(this.constructor as typeof MotcuaOfficeAdmin).elementStyles,
        ...this.extraStyles,
      ]);
    }
    this.history = new module.AdminHistory({
      t: (key, params) => this.t(key, params),
      language: () => this.language,
      update: () => this.requestUpdate(),
      focus: async (selector) => {
        await this.updateComplete;
        this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
      },
      signal: () => this.requests.signal,
      current: () => this.current,
      show: (settings) => this.show(settings),
      saved: (detail) => this.emit('motcua-settings-saved', detail),
      published: () => this.loadProcedures(),
    });
    this.requestUpdate();
    await this.history.start();
  }

  private show(settings: OfficeSettingsVersion): void {
    this.current = settings;
    const na = settings.settings.noAppointment;
    this.draft = na
      ? { enabled: true, weekdays: [...na.weekdays], procedures: [...na.procedures], from: na.from }
      : { enabled: false, weekdays: [], procedures: [], from: '' };
    this.overlaysText = JSON.stringify(settings.settings.calendarOverlays, null, 2);
    this.preview = undefined;
    this.previewedText = undefined;
  }

  private overlays(section: Section): unknown[] | undefined {
    try {
      const value: unknown = JSON.parse(this.overlaysText);
      return Array.isArray(value) ? value : [value];
    } catch (error) {
      const text = this.t('notJson', { message: (error as Error).message });
      this.outcome = { ...this.outcome, [section]: { kind: 'problems', problems: [], text } };
      return undefined;
    }
  }

  private async loadFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const list = this.overlays('calendar');
    if (!list) return;
    try {
      list.push(JSON.parse(await file.text()));
      this.overlaysText = JSON.stringify(list, null, 2);
    } catch (error) {
      const text = this.t('notJson', { message: (error as Error).message });
      this.outcome = { ...this.outcome, calendar: { kind: 'problems', problems: [], text } };
    }
  }

  private addLocalDay(): void {
    const field = (name: string) => this.shadowRoot?.querySelector<HTMLInputElement>(`[name="${name}"]`);
    const date = field('local-date')?.value ?? '';
    const name = field('local-name')?.value ?? '';
    const list = this.overlays('calendar');
    if (!list) return;
    const office = this.t('localDay');
    type Local = { name: string; localDays?: unknown[] };
    const found = list.find((o) => (o as { name?: unknown }).name === office) as Local | undefined;
    const local: Local = found ?? { name: office, localDays: [] };
    if (!found) list.push(local);
    local.localDays = [
      ...(local.localDays ?? []),
      { date, working: field('local-working')?.checked === true, name: { vi: name, en: name } },
    ];
    this.overlaysText = JSON.stringify(list, null, 2);
  }

  private async previewCalendar(): Promise<void> {
    const value = this.overlays('calendar');
    if (!value) return;
    const text = this.overlaysText;
    try {
      const body = await api('/api/admin/settings/calendar/preview', { body: { value }, signal: this.requests.signal });
      this.preview = readCalendarPreview(body);
      this.previewedText = text;
      await this.loadingParts;
      this.outcome = { ...this.outcome, calendar: undefined } as typeof this.outcome;
    } catch (error) {
      await this.failed('calendar', error);
    }
  }

  private async saveCalendar(): Promise<void> {
    if (this.previewedText !== this.overlaysText) {
      this.outcome = { ...this.outcome, calendar: { kind: 'problems', problems: [], text: this.t('previewFirst') } };
      return;
    }
    const value = this.overlays('calendar');
    if (value) await this.save('calendar', value);
  }

  private async saveNoAppointment(): Promise<void> {
    const { enabled, ...rule } = this.draft;
    await this.save('no-appointment', enabled ? rule : null);
  }

  private async save(section: Section, value: unknown): Promise<void> {
    try {
      const saved = readOfficeSettingsVersion(
        await api(`/api/admin/settings/${section}`, {
          method: 'PUT',
          body: { expectedVersion: this.current?.version ?? 0, value },
          signal: this.requests.signal,
        }),
      );
      if (!saved) throw new ApiFailure(201, 'malformed');
      this.show(saved);
      this.outcome = { [section]: { kind: 'saved', version: saved.version } };
      this.emit('motcua-settings-saved', { version: saved.version, change: saved.change });
      await this.history?.settingsSaved();
    } catch (error) {
      await this.failed(section, error);
    }
  }

  private async failed(section: Section, error: unknown): Promise<void> {
    if (!(error instanceof ApiFailure)) throw error;
    if (error.status === 409) {
      const fresh = readOfficeSettingsVersion(await api('/api/admin/settings', { signal: this.requests.signal }));
      if (fresh) this.show(fresh);
      this.outcome = { [section]: { kind: 'stale', version: fresh?.version ?? 0 } };
      await this.history?.settingsSaved();
      return;
    }
    const text = error.problems.length > 0 ? undefined : (error.text?.[this.language] ?? this.t('failed'));
    this.outcome = {
      ...this.outcome,
      [section]: { kind: 'problems', problems: error.problems, ...(text ? { text } : {}) },
    };
  }
}

defineElement('motcua-office-admin', MotcuaOfficeAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-office-admin': MotcuaOfficeAdmin;
  }
}
