// The dashboard's headline figures — dossiers resolved early or on time, received online, satisfaction, tickets, median
// and 90th-percentile wait — each with its change from the previous period of the same length.

import type { DossierWorklist, OnTimeReport } from '@motcua/core/deadline';
import type { QueueReport } from '@motcua/core/queue';
import type { PublishedGroup, SatisfactionReport, ScorecardReport } from '@motcua/core/satisfaction';
import { html, nothing, type TemplateResult } from 'lit';
import type { Language } from '../internal/i18n.js';
import { formatsFor } from './format.js';
import type { OfficeDashboardStringKey } from './office-dashboard.strings.js';

/** The reports of one period; a report the server could not give is missing. */
export interface Figures {
  readonly queue?: QueueReport | undefined;
  readonly onTime?: OnTimeReport | undefined;
  readonly satisfaction?: SatisfactionReport | undefined;
  /** The Decision 766 indicators (current period only). */
  readonly scorecard?: ScorecardReport | undefined;
  /** The on-time figures of the twelve months that end with the period, month by month. */
  readonly trend?: OnTimeReport | undefined;
  /** The satisfaction of the same twelve months, month by month. */
  readonly trendSatisfaction?: SatisfactionReport | undefined;
  /** The open dossiers overdue or due within three working days, now. */
  readonly warning?: DossierWorklist | undefined;
}

/** A headline figure: its value now and in the previous period, and how it is written. */
interface Headline {
  readonly label: OfficeDashboardStringKey;
  readonly kind: 'rate' | 'count' | 'minutes' | 'score';
  readonly now: number | null | undefined;
  readonly before: number | null | undefined;
  readonly detail: string;
}

/** The dashboard's strings, placeholders filled. */
type Translate = (key: OfficeDashboardStringKey, params?: Readonly<Record<string, string | number>>) => string;

/** The headline figures, each with its value, what it counts, and its change from the previous period. */
export function renderHeadline(t: Translate, language: Language, current: Figures, previous: Figures): TemplateResult {
  const f = formatsFor(language);
  const show = (kind: Headline['kind'], value: number) =>
    kind === 'rate'
      ? f.percent(value)
      : kind === 'minutes'
        ? t('minutes', { value: f.number(value) })
        : f.number(value, kind === 'score' ? 1 : 0);
  const change = (kind: Headline['kind'], now: number, before: number) =>
    kind === 'rate'
      ? t('points', { value: f.signed((now - before) * 100, 2) })
      : kind === 'minutes'
        ? t('minutes', { value: f.signed(now - before) })
        : f.signed(now - before, kind === 'score' ? 1 : 0);
  return html`<ul part="headline">
    ${headlines(t, language, current, previous).map(
      ({ label, kind, now, before, detail }) => html`<li part="figure">
        <span class="label">${t(label)}</span>
        <strong class="value">${now == null ? t('noData') : show(kind, now)}</strong>
        <span class="detail">${detail}</span>
        ${
          now != null && before != null
            ? html`<span class="change">${t('previous', {
                value: show(kind, before),
                change: change(kind, now, before),
              })}</span>`
            : nothing
        }
      </li>`,
    )}
  </ul>`;
}

/** The headline figures of the period and of the one before. */
function headlines(translate: Translate, language: Language, c: Figures, p: Figures): Headline[] {
  const n = formatsFor(language).number;
  const t = (key: OfficeDashboardStringKey, params: Record<string, number>) =>
    translate(key, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, n(v, 0)])));
  const total = c.onTime?.total;
  const overall = (figures: Figures) => figures.satisfaction?.groups.find((g): g is PublishedGroup => !g.suppressed);
  const score = overall(c);
  const queue = c.queue?.overall;
  const wait = (figures: Figures, key: 'p50' | 'p90') => figures.queue?.overall.wait[key];
  return [
    {
      label: 'onTimeRate',
      kind: 'rate',
      now: total?.onTimeRate,
      before: p.onTime?.total.onTimeRate,
      detail: total ? t('onTimeDetail', { count: total.early + total.onTime, total: total.finished }) : '',
    },
    {
      label: 'onlineRate',
      kind: 'rate',
      now: total?.onlineRate,
      before: p.onTime?.total.onlineRate,
      detail: total ? t('onlineDetail', { count: total.online, total: total.dossiers }) : '',
    },
    {
      label: 'satisfaction',
      kind: score?.interval ? 'rate' : 'score',
      now: score && (score.interval ? score.score / 100 : score.score),
      before: ((s) => s && (s.interval ? s.score / 100 : s.score))(overall(p)),
      detail: score ? t('satisfactionDetail', { n: score.n }) : '',
    },
    {
      label: 'tickets',
      kind: 'count',
      now: queue?.tickets,
      before: p.queue?.overall.tickets,
      detail: queue ? t('ticketsDetail', { served: queue.served }) : '',
    },
    ...(['p50', 'p90'] as const).map(
      (key): Headline => ({
        label: key === 'p50' ? 'waitP50' : 'waitP90',
        kind: 'minutes',
        now: wait(c, key),
        before: wait(p, key),
        detail: queue ? t('waitDetail', { count: queue.wait.count }) : '',
      }),
    ),
  ];
}
