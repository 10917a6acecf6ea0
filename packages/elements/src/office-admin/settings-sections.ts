/**
 * The rating instruments and the Decision 766 points split of `<motcua-office-admin>`, loaded with the history after
 * the element's first paint: two selects for the instrument family of the counters' tablets and of the QR form, and
 * the full points and full-points share of the indicators the server measures whose split is not confirmed (2.1 and
 * 3.3). Each save names the version it was made from; a stale one is refused by the server and said plainly, and
 * every problem is shown at its field.
 */
import {
  BUILT_IN_INSTRUMENT_IDS,
  type OfficeSettingsVersion,
  type RatingSetting,
  readOfficeSettingsVersion,
  type ScorecardIndicatorSetting,
  type ScorecardSetting,
} from '@motcua/core/staff';
import type { ApiProblem } from '@motcua/core/text';
import { html, nothing } from 'lit';
import { ApiFailure, api } from '../internal/api-client.js';
import type { AdminHistoryHost, SettingsSectionsStringKey } from './types.js';

type Section = 'rating' | 'scorecard';
type Outcome =
  | { readonly kind: 'saved'; readonly version: number }
  | { readonly kind: 'stale'; readonly version: number }
  | { readonly kind: 'problems'; readonly problems: readonly ApiProblem[]; readonly text?: string };
/** The indicators entered here: measured by the server, full points not confirmed nationally. */
const INDICATORS = ['2.1', '3.3'] as const;

/** A field's name from a problem's path: `$.value.qr` → `qr`, `$.value.indicators["2.1"].target` → `2.1-target`. */
const fieldOf = (path: string): string | undefined => {
  const m = /^\$\.value\.(?:indicators\["([^"]+)"\]\.)?(\w+)$/.exec(path);
  return m ? (m[1] ? `${m[1]}-${m[2]}` : m[2]) : undefined;
};
const text = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The rating and points split sections, drawn inside `<motcua-office-admin>` above the catalogue. */
export class SettingsSections {
  private version: number | undefined;
  private rating: RatingSetting = { counter: '', qr: '' };
  /** The inputs as typed, by field (`2.1-maxPoints`, `2.1-target` in %, …). */
  private split: Record<string, string> = {};
  private outcome: Partial<Record<Section, Outcome>> = {};

  constructor(
    private readonly host: AdminHistoryHost,
    private readonly reload: () => Promise<void>,
  ) {}

  /** Both sections, their inputs taken again from the settings in force whenever its version changes. */
  render() {
    const current = this.host.current();
    if (current && current.version !== this.version) this.take(current);
    return html`${this.ratingSection()} ${this.scorecardSection()}`;
  }

  private take(current: OfficeSettingsVersion): void {
    this.version = current.version;
    this.rating = current.settings.rating;
    const given: Readonly<Record<string, ScorecardIndicatorSetting>> = current.settings.scorecard?.indicators ?? {};
    this.split = {};
    for (const id of INDICATORS) {
      const target = given[id]?.target;
      this.split[`${id}-maxPoints`] = text(given[id]?.maxPoints);
      this.split[`${id}-target`] = text(target === undefined ? undefined : Math.round(target * 10000) / 100);
    }
  }

  private ratingSection() {
    const t = this.host.t;
    const select = (use: keyof RatingSetting, label: string) => {
      const ids: string[] = [...BUILT_IN_INSTRUMENT_IDS];
      if (this.rating[use] && !ids.includes(this.rating[use])) ids.push(this.rating[use]);
      return html`<label
          >${label}
          <select
            name=${use}
            aria-invalid=${this.bad('rating', use) ? 'true' : nothing}
            aria-describedby=${this.bad('rating', use) ? `problem-${use}` : nothing}
            @change=${(e: Event) => {
              this.rating = { ...this.rating, [use]: (e.target as HTMLSelectElement).value };
            }}
          >
            ${ids.map(
              (id) =>
                html`<option value=${id} ?selected=${id === this.rating[use]}>
                  ${
                    (BUILT_IN_INSTRUMENT_IDS as readonly string[]).includes(id)
                      ? `${t(`instrument-${id}` as SettingsSectionsStringKey)} (${id})`
                      : id
                  }
                </option>`,
            )}
          </select></label
        >${this.fieldProblem('rating', use)}`;
    };
    return html`<section aria-labelledby="rating">
      <h3 id="rating">${t('rating')}</h3>
      <p>${t('ratingHint')}</p>
      ${select('counter', t('ratingCounter'))} ${select('qr', t('ratingQr'))}
      <button type="button" @click=${() => this.save('rating', this.rating)}>${t('save')}</button>
      ${this.outcomeOf('rating')}
    </section>`;
  }

  private scorecardSection() {
    const t = this.host.t;
    const input = (field: string, label: string, percent: boolean, placeholder = '') =>
      html`<label
          >${label}
          <input
            type="number"
            name=${field}
            min=${percent ? 1 : 0}
            max=${percent ? 100 : nothing}
            step="any"
            inputmode="decimal"
            placeholder=${placeholder}
            .value=${this.split[field] ?? ''}
            aria-invalid=${this.bad('scorecard', field) ? 'true' : nothing}
            aria-describedby=${this.bad('scorecard', field) ? `problem-${field}` : nothing}
            @input=${(e: Event) => {
              this.split[field] = (e.target as HTMLInputElement).value;
            }}
          />${percent ? '%' : nothing}</label
        >${this.fieldProblem('scorecard', field)}`;
    return html`<section aria-labelledby="scorecard">
      <h3 id="scorecard">${t('scorecard')}</h3>
      <p>${t('scorecardHint')}</p>
      ${INDICATORS.map(
        (id) =>
          html`<fieldset>
            <legend>${t(`indicator-${id}`)}</legend>
            ${input(`${id}-maxPoints`, t('maxPoints'), false)}
            ${input(`${id}-target`, t('target'), true, id === '3.3' ? t('targetDefault') : '')}
          </fieldset>`,
      )}
      <button type="button" @click=${() => this.save('scorecard', this.scorecard())}>${t('save')}</button>
      ${this.outcomeOf('scorecard')}
    </section>`;
  }

  /** The split to send: an indicator left empty is omitted; the share typed in % is sent as a fraction. */
  private scorecard(): ScorecardSetting {
    const indicators: Record<string, Partial<ScorecardIndicatorSetting>> = {};
    for (const id of INDICATORS) {
      const points = this.split[`${id}-maxPoints`] ?? '';
      const share = this.split[`${id}-target`] ?? '';
      if (points === '' && share === '') continue;
      indicators[id] = {
        ...(points === '' ? {} : { maxPoints: Number(points) }),
        ...(share === '' ? {} : { target: Number(share) / 100 }),
      };
    }
    return { indicators } as ScorecardSetting;
  }

  private problemsAt(section: Section, field: string): readonly ApiProblem[] {
    const o = this.outcome[section];
    return o?.kind === 'problems' ? o.problems.filter((p) => fieldOf(p.path) === field) : [];
  }

  /** Whether the last save was refused with a problem at this field (marked `aria-invalid`, its message beside). */
  private bad(section: Section, field: string): boolean {
    return this.problemsAt(section, field).length > 0;
  }

  private fieldProblem(section: Section, field: string) {
    const problems = this.problemsAt(section, field);
    if (problems.length === 0) return nothing;
    return html`<p class="field-problem" id=${`problem-${field}`} role="alert">
      ${problems.map((p) => p.message[this.host.language()]).join(' ')}
    </p>`;
  }

  private outcomeOf(section: Section) {
    const o = this.outcome[section];
    const t = this.host.t;
    if (!o) return nothing;
    if (o.kind === 'saved') return html`<p part="status" role="status">${t('saved', { version: o.version })}</p>`;
    if (o.kind === 'stale') return html`<p role="alert">${t('stale', { version: o.version })}</p>`;
    return html`<div role="alert" part="problems">
      <p>${o.text ?? t('problems')}</p>
      <ul>
        ${o.problems.map((p) => html`<li><code>${p.path}</code>: ${p.message[this.host.language()]}</li>`)}
      </ul>
    </div>`;
  }

  private async save(section: Section, value: unknown): Promise<void> {
    const say = (outcome: Outcome) => {
      this.outcome = { [section]: outcome };
      this.host.update();
    };
    try {
      const saved = readOfficeSettingsVersion(
        await api(`/api/admin/settings/${section}`, {
          method: 'PUT',
          body: { expectedVersion: this.host.current()?.version ?? 0, value },
          signal: this.host.signal(),
        }),
      );
      if (!saved) throw new ApiFailure(201, 'malformed');
      this.host.show(saved);
      say({ kind: 'saved', version: saved.version });
      this.host.saved({ version: saved.version, change: saved.change });
      await this.reload();
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      if (error.code === 'aborted') return;
      if (error.status === 409) {
        const fresh = readOfficeSettingsVersion(await api('/api/admin/settings', { signal: this.host.signal() }));
        if (fresh) this.host.show(fresh);
        say({ kind: 'stale', version: fresh?.version ?? 0 });
        await this.reload();
        return;
      }
      const text =
        error.problems.length > 0 ? undefined : (error.text?.[this.host.language()] ?? this.host.t('failed'));
      say({ kind: 'problems', problems: error.problems, ...(text ? { text } : {}) });
    }
  }
}
