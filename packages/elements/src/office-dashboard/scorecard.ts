import type { ScorecardReport } from '@motcua/core/satisfaction';
import type { LocalizedText } from '@motcua/core/text';
import { html, type TemplateResult } from 'lit';
import type { Formats } from './format.js';
import type { OfficeDashboardStringKey } from './office-dashboard.strings.js';

/** What the scorecard's table reads from the dashboard. */
export interface ScorecardView {
  readonly t: (key: OfficeDashboardStringKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly formats: Formats;
  /** A server text in the dashboard's language. */
  readonly text: (value: LocalizedText) => string;
  readonly report: ScorecardReport;
  /** The report's CSV address. */
  readonly csv: string;
}

/**
 * The Decision 766/QĐ-TTg indicators the server measures, as a table (indicator with its note, share with its counts,
 * points), with the points of those that can be scored and the indicators the province enters by hand named below.
 *
 * @example
 * ```ts
 * html`${scorecard({ t, formats, text, report, csv })}`;
 * ```
 */
export function scorecard({ t, formats: f, text, report, csv }: ScorecardView): TemplateResult {
  const measured = report.indicators.filter((i) => i.source === 'measured');
  const notHeld = report.indicators.filter((i) => i.source === 'not-held').map((i) => i.id);
  const scored = measured.filter((i) => i.points !== null && i.maxPoints !== null);
  const sum = (values: readonly (number | null)[]) => f.number(values.reduce<number>((a, b) => a + (b ?? 0), 0));
  const summary =
    report.total.points !== null
      ? t('scorecardTotal', { points: f.number(report.total.points), max: f.number(report.total.maxPoints) })
      : scored.length
        ? t('scorecardSummary', {
            points: sum(scored.map((i) => i.points)),
            max: sum(scored.map((i) => i.maxPoints)),
            missing: report.total.missing.join(', '),
          })
        : t('empty');
  const rows = measured.map((i) => ({
    title: `${i.id}. ${text(i.title)}`,
    note: [i.provisional ? t('provisional') : '', i.note ? text(i.note) : ''].filter(Boolean).join('. '),
    measure:
      i.share === null || i.numerator === null || i.denominator === null
        ? t('noData')
        : `${f.percent(i.share)} (${t('ofTotal', { count: f.number(i.numerator, 0), total: f.number(i.denominator, 0) })})`,
    points:
      i.points === null
        ? t('noData')
        : i.maxPoints === null
          ? f.number(i.points)
          : t('pointsOf', { points: f.number(i.points), max: f.number(i.maxPoints) }),
  }));
  return html`<section part="chart">
    <h3>${t('scorecard')}</h3>
    <p>${summary}</p>
    <table>
      <thead><tr><th scope="col">${t('indicator')}</th><th scope="col">${t('measure')}</th><th scope="col">${t('scorePoints')}</th></tr></thead>
      <tbody>${rows.map(
        (r) =>
          html`<tr><th scope="row">${r.title}<small>${r.note}</small></th><td>${r.measure}</td><td>${r.points}</td></tr>`,
      )}</tbody>
    </table>
    ${notHeld.length ? html`<p>${t('notHeld', { ids: notHeld.join(', ') })}</p>` : ''}
    <a class="csv" href=${csv} download>${t('csv')}</a>
  </section>`;
}
