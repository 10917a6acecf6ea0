// The detail view of <motcua-procedure-list> — documents, time limits and fees per channel, steps, legal basis, the
// online filing link and the QR code — with its styles: fetched when a procedure is first opened, so that a page
// showing the list does not download it before anyone chooses a procedure.
import type { ChannelKind, DocumentForm, Procedure } from '@motcua/core/catalogue';
import type { TimeLimit } from '@motcua/core/deadline';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Language } from '../internal/i18n.js';
import { feesText } from './fees-text.js';
import { fullCode, safeUrl, timeOf } from './format.js';
import { LEVEL_KEYS, ONLINE_KEYS, type ProcedureListKey } from './procedure-list.strings.js';

/** The catalogue's field names shown as the detail view's own headings, never raw (`statutoryTime` → "thời hạn…"). */
const RENAMED: Readonly<Record<string, string>> = {
  statutoryTime: 'timeLimit',
  reducedTime: 'timeLimit',
  timeLimits: 'timeLimit',
  feeNote: 'fees',
  channels: 'channel',
};
const HEADINGS =
  'timeLimit legalBasis fees code name agency applicants channel documents steps eligibility result'.split(' ');

function unconfirmedLabels(fields: readonly string[], t: (key: ProcedureListKey) => string): string {
  const keys = fields.map((f) => RENAMED[f] ?? f).filter((k) => HEADINGS.includes(k));
  return [...new Set(keys.length ? keys : ['source'])].map((k) => t(k as ProcedureListKey).toLowerCase()).join(', ');
}

export { detailStrings } from './detail-strings.js';

const CHANNEL_KEYS: Readonly<Record<ChannelKind, ProcedureListKey>> = {
  'in-person': 'channelInPerson',
  online: 'channelOnline',
  postal: 'channelPostal',
};
const FORM_KEYS: Readonly<Record<DocumentForm, ProcedureListKey>> = {
  original: 'formOriginal',
  copy: 'formCopy',
  'certified-copy': 'formCertifiedCopy',
  'original-or-copy': 'formOriginalOrCopy',
};

/** What the element gives the detail view. */
export interface DetailView {
  readonly procedure: Procedure;
  /** The level of the procedure's heading; its sections go one deeper. */
  readonly headingLevel: number;
  readonly language: Language;
  /** The element's strings, with its overrides. */
  readonly t: (key: ProcedureListKey, params?: Readonly<Record<string, string | number>>) => string;
  /** A time limit in words (empty until core's formatter has arrived with the validation). */
  readonly timeText: (limit: TimeLimit) => string;
  /** The office's no-appointment day in words, when it covers the procedure ("Thứ Tư không hẹn: …"). */
  readonly noAppointment?: string | undefined;
  /** The procedure's QR code, once the encoder has arrived. */
  readonly qr: TemplateResult | undefined;
  /** The back button (a listener of the view's template: Lit calls it with the element as `this`). */
  readonly onBack: () => void;
  /** Keys pressed in the view (Escape goes back); a listener of the template too. */
  readonly onKey: (event: KeyboardEvent) => void;
}

/** The detail view of one procedure. */
export function renderDetail(view: DetailView): TemplateResult {
  const { procedure: p, t, timeText } = view;
  const level = Math.min(Math.max(Math.round(view.headingLevel) || 2, 1), 5);
  const words = { free: t('free'), unstated: t('unstated') };
  const onlineUrl = safeUrl(p.onlineService?.url);
  const flags = [
    p.flags?.immediate ? t('flagImmediate') : undefined,
    p.flags?.boundaryFree ? t('flagBoundaryFree') : undefined,
    p.flags?.nationwide ? t('flagNationwide') : undefined,
    p.flags?.fourOnSite ? t('flagFourOnSite') : undefined,
    view.noAppointment,
  ].filter((f) => f !== undefined);
  const section = (key: ProcedureListKey) =>
    html`<p class="section" role="heading" aria-level=${level + 1}>${t(key)}</p>`;
  return html`<article part="detail" @keydown=${view.onKey}>
    <button part="back" type="button" @click=${view.onBack}>← ${t('back')}</button>
    <p class="heading" role="heading" aria-level=${level} tabindex="-1" id="detail-heading" lang="vi">${p.name}</p>
    <dl>
      <dt>${t('code')}</dt>
      <dd>${fullCode(p)}</dd>
      <dt>${t('field')}</dt>
      <dd lang="vi">${p.field}</dd>
      <dt>${t('level')}</dt>
      <dd>${p.levels.map((l) => t(LEVEL_KEYS[l.level])).join(', ')}</dd>
      <dt>${t('agency')}</dt>
      <dd lang="vi">${p.agency}</dd>
      ${p.applicants ? html`<dt>${t('applicants')}</dt><dd lang="vi">${p.applicants}</dd>` : nothing}
      ${p.onlineService ? html`<dt>${t('online')}</dt><dd>${t(ONLINE_KEYS[p.onlineService.level])}</dd>` : nothing}
    </dl>
    ${flags.length > 0 ? html`<p>${flags.map((f) => html`<span class="badge">${f}</span>`)}</p>` : nothing}
    ${section('timeLimits')}
    <table>
      <thead>
        <tr>
          <th scope="col">${t('channel')}</th>
          <th scope="col">${t('timeLimit')}</th>
          <th scope="col">${t('fees')}</th>
        </tr>
      </thead>
      <tbody>
        ${p.channels.map((c) => {
          const time = timeOf(p, c);
          return html`<tr>
            <th scope="row">
              ${t(CHANNEL_KEYS[c.kind])}${c.description ? html`<br /><span class="note" lang="vi">${c.description}</span>` : nothing}
            </th>
            <td>${time === undefined ? t('unstated') : timeText(time)}</td>
            <td lang="vi">${feesText(c.fees ?? p.fees, c.fees ? undefined : p.feeNote, view.language, words)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${
      p.reducedTime && p.statutoryTime
        ? html`<p class="note">${t('statutory', { time: timeText(p.statutoryTime) })}.
            ${t('reduced', { time: timeText(p.reducedTime) })}.</p>`
        : nothing
    }
    ${
      p.conditionalTimes?.length
        ? html`<ul>
            ${p.conditionalTimes.map(
              (c) =>
                html`<li lang="vi">${
                  c.mode === 'added'
                    ? t('whenAdded', { when: c.when, time: timeText(c.limit) })
                    : `${c.when}: ${timeText(c.limit)}`
                }</li>`,
            )}
          </ul>`
        : nothing
    }
    ${
      p.documents?.length
        ? html`${section('documents')}
          <ul>
            ${p.documents.map((d) => {
              const template = safeUrl(d.template);
              const about = [
                d.form ? t(FORM_KEYS[d.form]) : undefined,
                d.copies === undefined ? undefined : t('copies', { count: d.copies }),
                d.required === false ? t('optional') : undefined,
              ].filter((x) => x !== undefined);
              return html`<li>
                <span lang="vi">${d.name}</span>${about.length > 0 ? ` (${about.join(', ')})` : ''}${
                  d.note ? html`: <span lang="vi">${d.note}</span>` : nothing
                }${template ? html` — <a href=${template} rel="noopener">${t('template')}</a>` : nothing}
              </li>`;
            })}
          </ul>`
        : nothing
    }
    ${
      p.steps?.length
        ? html`${section('steps')}
          <ol lang="vi">
            ${p.steps.map((s) => html`<li>${s}</li>`)}
          </ol>`
        : nothing
    }
    ${p.eligibility ? html`${section('eligibility')}<p lang="vi">${p.eligibility}</p>` : nothing}
    ${p.result ? html`${section('result')}<p lang="vi">${p.result}</p>` : nothing}
    ${
      p.legalBasis?.length
        ? html`${section('legalBasis')}
          <ul>
            ${p.legalBasis.map((b) => {
              const text = b.articles ? `${b.instrument}, ${t('articles', { articles: b.articles })}` : b.instrument;
              const url = safeUrl(b.url);
              return html`<li lang="vi">${url ? html`<a href=${url} rel="noopener">${text}</a>` : text}</li>`;
            })}
          </ul>`
        : nothing
    }
    ${
      p.unconfirmed?.length
        ? html`<p class="note">${t('unconfirmed', { fields: unconfirmedLabels(p.unconfirmed, t) })}</p>`
        : nothing
    }
    <div class="actions">
      ${
        onlineUrl
          ? html`<a part="file-online" class="primary" href=${onlineUrl} rel="noopener">${t('fileOnline')}</a>`
          : nothing
      }
      ${
        safeUrl(p.sourceUrl)
          ? html`<a href=${safeUrl(p.sourceUrl) as string} rel="noopener">${t('source')}</a>`
          : nothing
      }
    </div>
    ${
      view.qr
        ? html`<figure>
            ${view.qr}
            <figcaption>${t('qrCaption')}</figcaption>
          </figure>`
        : nothing
    }
  </article>`;
}

/** The detail view's styles. */
export const detailStyles = css`
  [part='detail'] .heading {
    font-size: 1.375em;
    font-weight: 700;
    margin: var(--_space) 0 0.5em;
    line-height: 1.3;
  }
  [part='detail'] .section {
    font-size: 1.125em;
    font-weight: 700;
    margin: 1.25em 0 0.5em;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.25em var(--_space);
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.375em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-top: var(--_space);
  }
  .actions a.primary {
    display: inline-flex;
    align-items: center;
    min-height: var(--_touch);
    padding: 0 1em;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  figure {
    margin: var(--_space) 0 0;
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .qr {
    width: var(--motcua-procedure-list-qr-size, 144px);
    height: var(--motcua-procedure-list-qr-size, 144px);
    forced-color-adjust: none;
    flex: none;
  }
  @media (forced-colors: active) {
    .actions a.primary {
      border: 2px solid ButtonText;
    }
  }
`;
