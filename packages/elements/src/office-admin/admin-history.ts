/**
 * The catalogue and settings history of `<motcua-office-admin>`, loaded after the element's first paint: a catalogue
 * import (a CSV or JSON file, picked or pasted) checked by the server with every problem at its place and the diff
 * against the published catalogue before it is published, the published catalogue versions with a rollback, and the
 * settings versions (who, when, what changed) with a rollback. Every rollback asks for a confirmation; a stale
 * publication or rollback (another admin was faster) is refused by the server and said plainly.
 */
import type { CatalogueDiff, FeeRule, ProcedureFieldChange } from '@motcua/core/catalogue';
import { formatTimeLimit, type TimeLimit } from '@motcua/core/deadline';
import {
  type CatalogueImportCheck,
  type CatalogueVersionView,
  type OfficeSettingsVersion,
  readCatalogueImportCheck,
  readCatalogueVersionView,
  readOfficeSettingsVersion,
  type SettingsAuthor,
} from '@motcua/core/staff';
import type { ApiProblem } from '@motcua/core/text';
import { css, html, nothing } from 'lit';
import { ApiFailure, api } from '../internal/api-client.js';
import type { MotcuaQueueSettings } from '../queue-settings/queue-settings.js';
import { SettingsSections } from './settings-sections.js';
import type { AdminHistoryHost } from './types.js';

export { calendarPreviewView } from './calendar-preview.js';
export { adminHistoryStrings, calendarPreviewStrings } from './history.strings.js';

/** The history sections' styles, adopted by the element when they load. */
export const adminHistoryStyles = css`
  input[type='file'],
  input[type='number'],
  select {
    min-height: 44px;
    font: inherit;
    max-width: 100%;
  }
  label {
    flex-wrap: wrap;
  }
  .field-problem {
    margin-block-start: 0;
  }
  .versions li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
  }
  [part~='confirm'] {
    border: 2px solid #b35c00;
    padding: 0.5em;
    margin-block: 0.5em;
  }
  button.secondary {
    background: #ffffff;
    color: var(--motcua-office-admin-accent, #0b4f9c);
  }
  del {
    color: #a4000f;
  }
  ins {
    color: #1c5c2c;
    text-decoration: none;
  }
`;

type Message = { readonly text: string; readonly alert: boolean } | undefined;
type Confirming = { readonly kind: 'catalogue' | 'settings'; readonly version: number } | undefined;

/** A time the server wrote in Vietnam time (`2026-12-02T10:00:00+07:00`) as the commune reads it: `10:00 02/12/2026`. */
const when = (at: string) => `${at.slice(11, 16)} ${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)}`;

/** The catalogue import and the catalogue and settings versions, drawn inside `<motcua-office-admin>`. */
export class AdminHistory {
  private format: 'json' | 'csv' = 'json';
  private text = '';
  private checked: (CatalogueImportCheck & { readonly text: string }) | undefined;
  private problems: readonly ApiProblem[] = [];
  private catalogueMessage: Message;
  private catalogueVersions: readonly CatalogueVersionView[] | undefined;
  private settingsVersions: readonly OfficeSettingsVersion[] | undefined;
  private settingsMessage: Message;
  private confirming: Confirming;
  private busy = false;
  private readonly settingsSections: SettingsSections;

  constructor(private readonly host: AdminHistoryHost) {
    this.settingsSections = new SettingsSections(host, () => this.settingsSaved());
  }

  /** Loads both version lists, and the services, counters and hours section (an element of its own). */
  async start(): Promise<void> {
    void import('../queue-settings/queue-settings.js').catch(() => undefined);
    await Promise.all([this.loadCatalogueList(), this.loadSettingsList()]);
  }

  /** The settings list again, after a save or a rollback (showing the version now in force, when it is known). */
  async settingsSaved(saved?: OfficeSettingsVersion): Promise<void> {
    if (saved) this.host.show(saved);
    this.settingsMessage = undefined;
    await this.loadSettingsList();
  }

  /**
   * The sections loaded after the first paint: services, counters and hours (`<motcua-queue-settings>`, given the
   * settings in force and shown a version it saves), rating, points split, catalogue, settings history.
   */
  sections() {
    return html`<motcua-queue-settings
        .settings=${this.host.current()}
        @motcua-settings-saved=${(e: Event) =>
          // The element holds the version it saved.
          this.settingsSaved((e.currentTarget as MotcuaQueueSettings).settings as OfficeSettingsVersion)}
      ></motcua-queue-settings>
      ${this.settingsSections.render()} ${this.catalogueSection()} ${this.settingsSection()}`;
  }

  /** The catalogue section: import, check, diff, publish, versions. */
  catalogueSection() {
    const t = this.host.t;
    return html`<section aria-labelledby="catalogue">
      <h3 id="catalogue">${t('catalogue')}</h3>
      <p>${t('catalogueHint')}</p>
      <label
        >${t('catalogueFile')}
        <input
          type="file"
          name="catalogue-file"
          accept=".csv,.json,text/csv,application/json"
          @change=${(e: Event) => this.pick(e)}
      /></label>
      <label for="catalogue-text">${t('cataloguePaste')}</label>
      <textarea
        id="catalogue-text"
        spellcheck="false"
        .value=${this.text}
        @input=${(e: Event) => {
          this.text = (e.target as HTMLTextAreaElement).value;
          this.format = /^\s*[[{]/.test(this.text) ? 'json' : 'csv';
        }}
      ></textarea>
      <button type="button" ?disabled=${this.busy} @click=${() => this.check()}>${t('catalogueCheck')}</button>
      ${this.message(this.catalogueMessage)} ${this.problemList()} ${this.checkView()}
      <h4>${t('catalogueVersions')}</h4>
      ${this.versionList('catalogue', this.catalogueVersions, (v) =>
        t('catalogueVersionLine', {
          version: v.version,
          catalogueVersion: v.catalogueVersion,
          procedures: v.procedures,
          who: this.who(v.publishedBy),
          at: when(v.publishedAt),
        }),
      )}
    </section>`;
  }

  /** The settings versions with a rollback per earlier one. */
  settingsSection() {
    const t = this.host.t;
    return html`<section aria-labelledby="settings-versions">
      <h3 id="settings-versions">${t('settingsVersions')}</h3>
      ${this.message(this.settingsMessage)}
      ${this.versionList('settings', this.settingsVersions, (v) =>
        t('settingsVersionLine', {
          version: v.version,
          change: t(`change-${v.change}`),
          who: this.who(v.savedBy),
          at: when(v.savedAt),
        }),
      )}
    </section>`;
  }

  /**
   * A version list, newest first: each line says whether it rolled another back and which is in force, and every
   * earlier version has its rollback control.
   */
  private versionList<V extends { version: number; rollbackOf?: number }>(
    kind: 'catalogue' | 'settings',
    list: readonly V[] | undefined,
    line: (version: V) => string,
  ) {
    const t = this.host.t;
    if (list === undefined) return nothing;
    if (list.length === 0) return html`<p>${t('noVersions')}</p>`;
    return html`<ol class="versions" reversed>
      ${list.map(
        (v, i) =>
          html`<li>
            <span
              >${line(v)}${v.rollbackOf === undefined ? '' : ` ${t('rollbackOfNote', { version: v.rollbackOf })}`}${
                i === 0 ? ` ${t('current')}` : ''
              }</span
            >
            ${i === 0 ? nothing : this.rollbackControl(kind, v.version)}
          </li>`,
      )}
    </ol>`;
  }

  private message(m: Message) {
    if (!m) return nothing;
    return m.alert ? html`<p role="alert">${m.text}</p>` : html`<p part="status" role="status">${m.text}</p>`;
  }

  private problemList() {
    const problems = this.checked?.ok === false ? this.checked.problems : this.problems;
    if (problems.length === 0) return nothing;
    return html`<div role="alert" part="problems">
      <p>${this.host.t('catalogueProblems')}</p>
      <ul>
        ${problems.map((p) => html`<li><code>${p.path}</code>: ${p.message[this.host.language()]}</li>`)}
      </ul>
    </div>`;
  }

  private checkView() {
    const c = this.checked;
    if (!c?.ok) return nothing;
    const t = this.host.t;
    const lang = this.host.language();
    const d = c.diff;
    const empty = !d || d.added.length + d.removed.length + d.changed.length === 0;
    return html`<div part="diff" role="region" aria-label=${t('catalogueCheck')}>
      <p>${t(c.publishedVersion === 0 ? 'catalogueValidFirst' : 'catalogueValid', { version: c.publishedVersion })}</p>
      ${
        c.warnings.length === 0
          ? nothing
          : html`<p>${t('catalogueWarnings')}</p>
            <ul>
              ${c.warnings.map((p) => html`<li><code>${p.path}</code>: ${p.message[lang]}</li>`)}
            </ul>`
      }
      ${empty || !d ? html`<p>${t('catalogueNoChange')}</p>` : this.diffView(d)}
      <button type="button" ?disabled=${this.busy} @click=${() => this.publish()}>${t('publish')}</button>
    </div>`;
  }

  private diffView(d: CatalogueDiff) {
    const t = this.host.t;
    const refs = (list: CatalogueDiff['added']) => html`<ul>
      ${list.map((p) => html`<li>${p.code} — ${p.name}</li>`)}
    </ul>`;
    return html`${d.added.length ? html`<h4>${t('catalogueAdded', { count: d.added.length })}</h4>${refs(d.added)}` : nothing}
    ${d.removed.length ? html`<h4>${t('catalogueRemoved', { count: d.removed.length })}</h4>${refs(d.removed)}` : nothing}
    ${
      d.changed.length
        ? html`<h4>${t('catalogueChanged', { count: d.changed.length })}</h4>
          <ul>
            ${d.changed.map(
              (p) =>
                html`<li>
                  ${p.code} — ${p.name}
                  <ul>
                    ${p.changes.map(
                      (c) =>
                        html`<li>
                          ${t(`field-${c.field}`)}: <del>${this.value(c, c.before)}</del> →
                          <ins>${this.value(c, c.after)}</ins>
                        </li>`,
                    )}
                  </ul>
                </li>`,
            )}
          </ul>`
        : nothing
    }
    <p>${t('catalogueUnchanged', { count: d.unchanged })}</p>`;
  }

  /**
   * A changed field's value in words: time limits through core's formatting, fees as their amounts in đồng (core's
   * fee formatting would bring its checks, shared with the leader's dashboard, as a chunk of their own), text as it is.
   */
  private value(change: ProcedureFieldChange, value: unknown): string {
    const lang = this.host.language();
    if (value === undefined || value === null) return this.host.t('absent');
    try {
      if (change.field === 'statutoryTime' || change.field === 'reducedTime') {
        return formatTimeLimit(value as TimeLimit, lang);
      }
      if (change.field === 'fees' && Array.isArray(value)) {
        const amount = (r: FeeRule) => `${r.label ? `${r.label}: ` : ''}${r.amount.toLocaleString('vi-VN')} đ`;
        return value.length === 0 ? '0 đ' : (value as FeeRule[]).map(amount).join('; ');
      }
    } catch {
      // Shown as JSON below.
    }
    if (typeof value === 'string') return value;
    const json = JSON.stringify(value);
    return json.length > 200 ? `${json.slice(0, 200)}…` : json;
  }

  private rollbackControl(kind: 'catalogue' | 'settings', version: number) {
    const t = this.host.t;
    const c = this.confirming;
    if (c?.kind === kind && c.version === version) {
      return html`<div part="confirm" role="group" aria-label=${t('rollBackLabel', { version })}>
        <p>${t('confirmRollback', { version })}</p>
        <button type="button" data-confirm ?disabled=${this.busy} @click=${() => this.rollback(kind, version)}>
          ${t('confirm')}
        </button>
        <button type="button" class="secondary" @click=${() => this.ask(undefined, { kind, version })}>
          ${t('cancel')}
        </button>
      </div>`;
    }
    return html`<button
      type="button"
      class="secondary"
      data-rollback=${`${kind}-${version}`}
      aria-label=${t('rollBackLabel', { version })}
      @click=${() => this.ask({ kind, version })}
    >
      ${t('rollBack')}
    </button>`;
  }

  /** Asks for a confirmation (focus on "yes"), or cancels it (focus back on the rollback button of `from`). */
  private ask(confirming: Confirming, from?: Confirming): void {
    this.confirming = confirming;
    this.host.update();
    void this.host.focus(from ? `[data-rollback="${from.kind}-${from.version}"]` : '[data-confirm]');
  }

  private who(by: SettingsAuthor): string {
    if (by.kind === 'configuration') return this.host.t('byConfiguration');
    return by.name ?? by.id ?? this.host.t('byUnknown');
  }

  private async pick(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.text = await file.text();
    this.format = /\.csv$/i.test(file.name) || !/^\s*[[{]/.test(this.text) ? 'csv' : 'json';
    this.checked = undefined;
    this.host.update();
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.host.update();
    try {
      await work();
    } finally {
      this.busy = false;
      this.host.update();
    }
  }

  private check(): Promise<void> {
    this.catalogueMessage = undefined;
    this.problems = [];
    this.checked = undefined;
    if (!this.text.trim()) {
      this.catalogueMessage = { text: this.host.t('catalogueEmpty'), alert: true };
      this.host.update();
      return Promise.resolve();
    }
    return this.run(() => this.checkNow());
  }

  private async checkNow(): Promise<void> {
    const text = this.text;
    try {
      const answer = readCatalogueImportCheck(
        await api('/api/admin/catalogue/check', {
          body: { format: this.format, text },
          signal: this.host.signal(),
        }),
      );
      if (!answer) throw new ApiFailure(200, 'malformed');
      this.checked = { ...answer, text };
    } catch (error) {
      this.failed(error);
    }
  }

  private publish(): Promise<void> {
    const checked = this.checked;
    if (!checked?.ok) return Promise.resolve();
    return this.run(async () => {
      try {
        const answer = readCatalogueVersionView(
          await api('/api/admin/catalogue/publish', {
            body: { format: this.format, text: checked.text, expectedVersion: checked.publishedVersion },
            signal: this.host.signal(),
          }),
        );
        if (!answer) throw new ApiFailure(201, 'malformed');
        this.checked = undefined;
        this.catalogueMessage = { text: this.host.t('published', { version: answer.version }), alert: false };
        await Promise.all([this.loadCatalogueList(), this.host.published()]);
      } catch (error) {
        if (!(error instanceof ApiFailure) || error.status !== 409) {
          this.failed(error);
          return;
        }
        await Promise.all([this.loadCatalogueList(), this.checkNow()]);
        const version = this.catalogueVersions?.[0]?.version ?? this.checked?.publishedVersion ?? 0;
        this.catalogueMessage = { text: this.host.t('publishStale', { version }), alert: true };
      }
    });
  }

  private failed(error: unknown): void {
    if (!(error instanceof ApiFailure)) throw error;
    if (error.code === 'aborted') return;
    this.problems = error.problems;
    if (error.problems.length === 0) {
      this.catalogueMessage = { text: error.text?.[this.host.language()] ?? this.host.t('historyFailed'), alert: true };
    }
  }

  private rollback(kind: 'catalogue' | 'settings', version: number): Promise<void> {
    return this.run(async () => {
      const newest = kind === 'catalogue' ? this.catalogueVersions?.[0]?.version : this.host.current()?.version;
      const say = (text: string, alert: boolean) => {
        if (kind === 'catalogue') this.catalogueMessage = { text, alert };
        else this.settingsMessage = { text, alert };
      };
      try {
        const answer = await api(`/api/admin/${kind}/rollback`, {
          body: { expectedVersion: newest ?? 0, version },
          signal: this.host.signal(),
        });
        this.confirming = undefined;
        if (kind === 'settings') {
          const saved = readOfficeSettingsVersion(answer);
          await this.settingsSaved(saved);
          say(this.host.t('settingsRolledBack', { from: version, version: saved?.version ?? 0 }), false);
        } else {
          const saved = readCatalogueVersionView(answer);
          say(this.host.t('catalogueRolledBack', { from: version, version: saved?.version ?? 0 }), false);
          await Promise.all([this.loadCatalogueList(), this.host.published()]);
        }
      } catch (error) {
        if (!(error instanceof ApiFailure) || error.code === 'aborted') throw error;
        this.confirming = undefined;
        if (error.status !== 409) {
          say(error.text?.[this.host.language()] ?? this.host.t('historyFailed'), true);
          return;
        }
        if (kind === 'settings') {
          await this.settingsSaved(
            readOfficeSettingsVersion(await api('/api/admin/settings', { signal: this.host.signal() })),
          );
        } else {
          await this.loadCatalogueList();
        }
        const list = kind === 'catalogue' ? this.catalogueVersions : this.settingsVersions;
        say(this.host.t('historyStale', { version: list?.[0]?.version ?? 0 }), true);
      }
    });
  }

  private async loadCatalogueList(): Promise<void> {
    const list = await this.versions('catalogue', readCatalogueVersionView);
    if (list) this.catalogueVersions = list;
    else this.catalogueMessage = { text: this.host.t('historyFailed'), alert: true };
    this.host.update();
  }

  private async loadSettingsList(): Promise<void> {
    const list = await this.versions('settings', readOfficeSettingsVersion);
    if (list) this.settingsVersions = list;
    else this.settingsMessage = { text: this.host.t('historyFailed'), alert: true };
    this.host.update();
  }

  /** One version list (`/api/admin/{kind}/versions`) with its reader; `undefined` when it could not be loaded. */
  private async versions<T>(kind: string, read: (value: unknown) => T | undefined): Promise<T[] | undefined> {
    try {
      const body = (await api(`/api/admin/${kind}/versions`, { signal: this.host.signal() })) as { versions?: unknown };
      return (Array.isArray(body?.versions) ? body.versions : []).flatMap((v) => read(v) ?? []);
    } catch {
      return undefined;
    }
  }
}
