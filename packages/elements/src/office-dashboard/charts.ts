// The dashboard's charts, loaded after the headline figures: plain SVG drawn with two scales (linear and band), each
// chart with its data table and CSV link. Colours are never the only carrier: cells and bars carry their numbers.
import { DOSSIER_STATUS_NAMES, type DossierWorklist, formatRemaining, type OnTimeReport } from '@motcua/core/deadline';
import type { QueueGroupStatistics, QueueReport } from '@motcua/core/queue';
import type { PublishedGroup, SatisfactionReport, ScorecardReport } from '@motcua/core/satisfaction';
import type { LocalizedText } from '@motcua/core/text';
import { html, nothing, type TemplateResult } from 'lit';
import type { Language } from '../internal/i18n.js';
import { table } from './data-table.js';
import type { Formats } from './format.js';
import type { OfficeDashboardStringKey } from './office-dashboard.strings.js';
import type { Period } from './period.js';
import { scorecard } from './scorecard.js';

export { readDossierWorklist } from '@motcua/core/deadline';
export { readScorecardReport } from '@motcua/core/satisfaction';
export { OFFICE_DASHBOARD_LATER_STRINGS } from './later-strings.js';

/** What the charts read from the dashboard. */
export interface ChartsHost {
  readonly t: (key: OfficeDashboardStringKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly formats: Formats;
  readonly queue: QueueReport | undefined;
  readonly groups: SatisfactionReport | undefined;
  /** The Decision 766 indicators of the period, when the server gave them. */
  readonly scorecard: ScorecardReport | undefined;
  readonly groupBy: 'counter' | 'officer' | 'procedure';
  readonly serviceName: (id: string) => string;
  readonly counterName: (id: string) => string;
  readonly queueCsv: string;
  readonly satisfactionCsv: string;
  readonly scorecardCsv: string;
  /** The on-time figures of the twelve months that end with the period, when the server gave them. */
  readonly trend: OnTimeReport | undefined;
  /** The satisfaction of the same months (grouped by month), when the server gave it. */
  readonly trendSatisfaction: SatisfactionReport | undefined;
  /** The open dossiers overdue or due within `warningDays` working days, when the server gave them. */
  readonly warning: DossierWorklist | undefined;
  readonly warningDays: number;
  /** The address of a report's CSV with these parameters. */
  readonly csv: (report: string, params: Record<string, string>) => string;
  readonly language: Language;
  /** A server text in the dashboard's language. */
  readonly text: (value: LocalizedText) => string;
}

/**
 * A linear scale: `[d0, d1]` onto `[r0, r1]`.
 *
 * @example
 * ```ts
 * linear([0, 10], [0, 100])(2.5); // 25
 * ```
 */
export const linear =
  ([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) =>
  (value: number): number =>
    d1 === d0 ? r0 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);

/**
 * A band scale: `count` equal bands over `[r0, r1]`, each with its start and width (after `padding`, a share).
 *
 * @example
 * ```ts
 * band(4, [0, 100], 0.2)(1); // { start: 27.5, width: 20 }
 * ```
 */
export const band =
  (count: number, [r0, r1]: readonly [number, number], padding = 0) =>
  (index: number): { start: number; width: number } => {
    const step = (r1 - r0) / Math.max(1, count);
    return { start: r0 + index * step + (step * padding) / 2, width: step * (1 - padding) };
  };

/** Viridis, sampled: dark blue to yellow, readable by every common colour-vision deficiency and in greyscale. */
const VIRIDIS = ['#440154', '#414487', '#2a788e', '#22a884', '#7ad151', '#fde725'];

/**
 * A colour of the viridis scale for `t` in [0, 1], interpolated between its samples.
 *
 * @example
 * ```ts
 * viridis(0); // 'rgb(68,1,84)'
 * ```
 */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const [a, b] = [VIRIDIS[i], VIRIDIS[i + 1]].map((hex) =>
    [1, 3, 5].map((k) => Number.parseInt(`${hex}`.slice(k, k + 2), 16)),
  );
  const rgb = (a as number[]).map((v, k) => Math.round(v + (((b as number[])[k] as number) - v) * (x - i)));
  return `rgb(${rgb.join(',')})`;
}

const WIDTH = 640;

/** A label cut to fit the chart's margin; the full text is in the table and the element's title. */
const cut = (text: string, max = 22): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function chart(
  host: ChartsHost,
  title: string,
  summary: string,
  drawing: SVGElement | typeof nothing,
  data: TemplateResult,
  csv: string,
): TemplateResult {
  return html`<figure part="chart">
    <figcaption><h3>${title}</h3><p>${summary}</p></figcaption>
    ${drawing}
    <details><summary>${host.t('table')}</summary>${data}</details>
    <a class="csv" href=${csv} download>${host.t('csv')}</a>
  </figure>`;
}

type Attributes = Readonly<Record<string, string | number>>;

/** An SVG element; strings among the children become text nodes, so a hostile name stays text. */
function el(name: string, attributes: Attributes, ...children: (Node | string)[]): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
}

/** A label, cut to fit, with its full text as a tooltip. */
const label = (x: number, y: number, text: string) =>
  el('text', { class: 'axis', x, y, 'text-anchor': 'end' }, cut(text), el('title', {}, text));

/** An SVG of `height`, named for screen readers, reachable by keyboard. */
const drawing = (name: string, height: number, content: readonly SVGElement[]) =>
  el(
    'svg',
    { role: 'img', tabindex: 0, 'aria-label': name, viewBox: `0 0 ${WIDTH} ${height}`, width: '100%' },
    ...content,
  );

function heatmap(host: ChartsHost, queue: QueueReport): TemplateResult {
  const { t, formats: f } = host;
  const names = t('weekdays').split(',');
  const cells = queue.byWeekdayHour;
  const hours = cells.map((c) => c.hour);
  const [first, last] = [Math.min(7, ...hours), Math.max(16, ...hours)];
  const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => d < 6 || cells.some((c) => c.weekday === d));
  const most = cells.reduce<(typeof cells)[number] | undefined>(
    (m, c) => (!m || c.tickets > m.tickets ? c : m),
    undefined,
  );
  const x = band(last - first + 1, [90, WIDTH]);
  const y = band(days.length, [24, 24 + 30 * days.length]);
  const top = Math.max(1, most?.tickets ?? 0);
  const summary = most
    ? t('heatmapSummary', { day: names[most.weekday - 1] ?? '', hour: most.hour, count: most.tickets })
    : t('empty');
  const hourList = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const picture = [
    ...hourList.map((h, i) =>
      el('text', { class: 'axis', x: x(i).start + x(i).width / 2, y: 16, 'text-anchor': 'middle' }, String(h)),
    ),
    ...days.map((d, row) => label(84, y(row).start + 19, names[d - 1] ?? '')),
    ...cells
      .filter((c) => days.includes(c.weekday) && c.hour >= first && c.hour <= last)
      .flatMap((c) => {
        const { start: cx, width: w } = x(c.hour - first);
        const { start: cy, width: h } = y(days.indexOf(c.weekday));
        const share = c.tickets / top;
        return [
          el('rect', { class: 'cell', x: cx + 1, y: cy + 1, width: w - 2, height: h - 2, fill: viridis(share) }),
          el(
            'text',
            { class: share < 0.6 ? 'on-dark' : 'on-light', x: cx + w / 2, y: cy + h / 2 + 5, 'text-anchor': 'middle' },
            String(c.tickets),
          ),
        ];
      }),
  ];
  const rows = days.map((d) => [
    names[d - 1] ?? '',
    ...hourList.map((h) => f.number(cells.find((c) => c.weekday === d && c.hour === h)?.tickets ?? 0)),
  ]);
  return chart(
    host,
    t('heatmap'),
    summary,
    drawing(`${t('heatmap')}. ${summary}`, 30 + 30 * days.length, picture),
    table(['', ...hourList.map((h) => t('hour', { hour: h }))], rows),
    host.queueCsv,
  );
}

function waits(
  host: ChartsHost,
  title: OfficeDashboardStringKey,
  groups: Readonly<Record<string, QueueGroupStatistics>>,
  name: (id: string) => string,
  id: string,
): TemplateResult {
  const { t, formats: f } = host;
  const rows = Object.entries(groups)
    .filter(([, g]) => g.wait.count > 0)
    .map(([key, g]) => ({ label: name(key), p50: g.wait.p50 ?? 0, p90: g.wait.p90 ?? 0, n: g.wait.count }))
    .sort((a, b) => b.p90 - a.p90);
  const x = linear([0, Math.max(1, ...rows.map((r) => r.p90))], [170, WIDTH - 60]);
  const y = band(rows.length, [30, 30 + 40 * rows.length], 0.15);
  const summary = t('waitsSummary', { count: rows.length });
  const hatched = { fill: `url(#${id})`, class: 'outline' };
  const picture = [
    el(
      'defs',
      {},
      el(
        'pattern',
        { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        el('rect', { class: 'p90', width: 6, height: 6 }),
        el('line', { class: 'hatch', x1: 0, y1: 0, x2: 0, y2: 6 }),
      ),
    ),
    el('rect', { class: 'p50', x: 170, y: 6, width: 14, height: 12 }),
    el('text', { class: 'axis', x: 190, y: 17 }, t('median')),
    el('rect', { ...hatched, x: 330, y: 6, width: 14, height: 12 }),
    el('text', { class: 'axis', x: 350, y: 17 }, t('p90')),
    ...rows.flatMap((r, i) => {
      const { start, width } = y(i);
      const half = width / 2;
      return [
        label(164, start + half + 5, r.label),
        el('rect', { class: 'p50', x: 170, y: start, width: x(r.p50) - 170, height: half - 1 }),
        el('text', { class: 'axis', x: x(r.p50) + 4, y: start + half - 3 }, f.number(r.p50)),
        el('rect', { ...hatched, x: 170, y: start + half, width: x(r.p90) - 170, height: half - 1 }),
        el('text', { class: 'axis', x: x(r.p90) + 4, y: start + width - 3 }, f.number(r.p90)),
      ];
    }),
  ];
  return chart(
    host,
    t(title),
    rows.length ? summary : t('empty'),
    rows.length ? drawing(`${t(title)}. ${summary}`, 36 + 40 * rows.length, picture) : nothing,
    table(
      ['', t('median'), t('p90'), t('called')],
      rows.map((r) => [r.label, f.number(r.p50), f.number(r.p90), f.number(r.n)]),
    ),
    host.queueCsv,
  );
}

/**
 * The twelve months that end with the month of `to`, from the first day of the first: the trend's period.
 *
 * @example
 * ```ts
 * trendPeriod('2026-12-05'); // { from: '2026-01-01', to: '2026-12-05' }
 * ```
 */
export function trendPeriod(to: string): Period {
  const first = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 12, 1));
  return { from: first.toISOString().slice(0, 10), to };
}

/** The months from `from`'s to `to`'s, as `YYYY-MM`. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= to.slice(0, 7); ) {
    months.push(d.toISOString().slice(0, 7));
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  return months;
}

/**
 * The on-time and online rates month by month over the twelve months that end with the period: two lines told apart
 * by their dash as well as their colour, each point with its value; a month without dossiers is a gap.
 */
function trend(host: ChartsHost, report: OnTimeReport): TemplateResult {
  const { t, formats: f } = host;
  const byMonth = new Map(report.months.map((m) => [m.month, m]));
  const months = monthsOf(report.from ?? report.months[0]?.month ?? '', report.to ?? '');
  const name = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;
  const x = band(months.length, [60, WIDTH - 10]);
  const y = linear([0, 1], [225, 45]);
  // The satisfaction score (0–100) of each month whose group was published (enough ratings).
  const satisfied = new Map(
    (host.trendSatisfaction?.groups ?? []).flatMap((g) =>
      g.suppressed || !g.key.month ? [] : [[g.key.month, g.score / 100] as const],
    ),
  );
  const series = [
    { label: t('onTimeRate'), dash: 'none', line: 'trend-a', at: (m: string) => byMonth.get(m)?.onTimeRate },
    { label: t('onlineRate'), dash: '6 4', line: 'trend-b', at: (m: string) => byMonth.get(m)?.onlineRate },
    { label: t('satisfaction'), dash: '2 3', line: 'trend-c', at: (m: string) => satisfied.get(m) },
  ];
  const picture = [
    ...[0, 0.5, 1].flatMap((v) => [
      el('line', { class: 'grid', x1: 60, x2: WIDTH - 10, y1: y(v), y2: y(v) }),
      label(54, y(v) + 4, f.percent(v).replace(/[,.]00/, '')),
    ]),
    ...months.map((m, i) =>
      // `MM/YY` on the axis, which twelve labels share; the table and the points' titles say `MM/YYYY`.
      el(
        'text',
        { class: 'axis', x: x(i).start + x(i).width / 2, y: 245, 'text-anchor': 'middle' },
        `${m.slice(5)}/${m.slice(2, 4)}`,
      ),
    ),
    ...series.flatMap((s, k) => {
      // The legend: two entries a row.
      const lx = 260 * (k % 2);
      const ly = 18 * Math.floor(k / 2);
      const points = months.flatMap((m, i) => {
        const value = s.at(m);
        return typeof value === 'number' ? [{ cx: x(i).start + x(i).width / 2, cy: y(value), value, month: m }] : [];
      });
      return [
        el('line', { class: s.line, x1: 60 + lx, x2: 90 + lx, y1: 9 + ly, y2: 9 + ly, 'stroke-dasharray': s.dash }),
        el('text', { class: 'axis', x: 96 + lx, y: 13 + ly }, s.label),
        el('polyline', {
          class: s.line,
          'stroke-dasharray': s.dash,
          points: points.map((p) => `${p.cx},${p.cy}`).join(' '),
        }),
        ...points.map((p) =>
          el(
            'circle',
            { class: `${s.line} point`, cx: p.cx, cy: p.cy, r: 4 },
            el('title', {}, `${s.label}, ${name(p.month)}: ${f.percent(p.value)}`),
          ),
        ),
      ];
    }),
  ];
  const shown = report.months.filter((m) => m.onTimeRate !== null);
  const summary = shown.length
    ? t('trendSummary', {
        low: f.percent(Math.min(...shown.map((m) => m.onTimeRate as number))),
        high: f.percent(Math.max(...shown.map((m) => m.onTimeRate as number))),
      })
    : t('empty');
  const rate = (v: number | null) => (v === null ? '—' : f.percent(v));
  return chart(
    host,
    t('trend'),
    summary,
    report.months.length ? drawing(`${t('trend')}. ${summary}`, 255, picture) : nothing,
    table(
      [t('month'), t('dossiersReceived'), t('onTimeRate'), t('onlineRate'), t('satisfaction')],
      report.months.map((m) => [
        name(m.month),
        f.number(m.dossiers),
        rate(m.onTimeRate),
        rate(m.onlineRate),
        rate(satisfied.get(m.month) ?? null),
      ]),
    ),
    host.csv('on-time', { ...trendPeriod(report.to ?? ''), by: 'month' }),
  );
}

/**
 * The early warning (Decree 309/2026): the open dossiers overdue or due within a few working days, the most urgent
 * first, each with the working time left or past in words — a table, no drawing.
 */
function warning(host: ChartsHost, report: DossierWorklist): TemplateResult {
  const { t, language } = host;
  const overdue = report.dossiers.filter((d) => d.classification.timeliness === 'overdue').length;
  const summary = report.dossiers.length
    ? t('warningSummary', { overdue, soon: report.dossiers.length - overdue, days: host.warningDays })
    : t('warningNone', { days: host.warningDays });
  return chart(
    host,
    t('warning'),
    summary,
    nothing,
    table(
      [t('dossierCode'), t('procedure'), t('status'), t('due'), t('left')],
      report.dossiers.map((d) => {
        const c = d.classification;
        // The binding due date is in Vietnam time: its date is its first ten characters.
        const due = `${host.formats.time(Date.parse(c.dueAt))} ${host.formats.date(c.dueAt.slice(0, 10))}`;
        const status = host.text(DOSSIER_STATUS_NAMES[d.status]);
        return [d.code, d.procedure.name, status, due, formatRemaining(c.remainingMinutes, language, c.dayMinutes)];
      }),
      [1, 2, 4],
    ),
    host.csv('early-warning', { days: String(host.warningDays) }),
  );
}

function satisfaction(host: ChartsHost, report: SatisfactionReport): TemplateResult {
  const { t, formats: f } = host;
  const name = (key: PublishedGroup['key']) => {
    const value = key[host.groupBy] ?? '';
    return value ? (host.groupBy === 'counter' ? host.counterName(value) : value) : t('noData');
  };
  const published = report.groups.filter((g): g is PublishedGroup => !g.suppressed).sort((a, b) => b.score - a.score);
  const suppressed = report.groups.filter((g) => g.suppressed);
  const x = linear([0, 100], [170, WIDTH - 150]);
  const y = band(published.length, [10, 10 + 36 * published.length]);
  const title = t('satisfactionBy', { group: t(`group_${host.groupBy}`) });
  const summary = t('satisfactionSummary', { count: published.length });
  const whisker = (x1: number, x2: number, y1: number, y2: number) => el('line', { class: 'whisker', x1, x2, y1, y2 });
  const picture = [
    ...[0, 50, 100].map((v) =>
      el('line', { class: 'grid', x1: x(v), x2: x(v), y1: 4, y2: 16 + 36 * published.length }),
    ),
    ...published.flatMap((g, i) => {
      const { start, width } = y(i);
      const mid = start + width / 2;
      const { low, high } = g.interval ?? { low: g.score, high: g.score };
      return [
        label(164, mid + 5, name(g.key)),
        whisker(x(low), x(high), mid, mid),
        whisker(x(low), x(low), mid - 7, mid + 7),
        whisker(x(high), x(high), mid - 7, mid + 7),
        el('circle', { class: 'dot', cx: x(g.score), cy: mid, r: 6 }),
        el('text', { class: 'axis', x: WIDTH - 144, y: mid + 5 }, `${f.number(g.score)} (n = ${f.number(g.n, 0)})`),
      ];
    }),
  ];
  const rows = [
    ...published.map((g) => [
      name(g.key),
      f.number(g.score),
      g.interval ? `${f.number(g.interval.low)}–${f.number(g.interval.high)}` : t('noData'),
      f.number(g.n, 0),
    ]),
    ...suppressed.map((g) => [name(g.key), t('suppressed'), t('noData'), t('noData')]),
  ];
  return chart(
    host,
    title,
    published.length ? summary : t('empty'),
    published.length ? drawing(`${title}. ${summary}`, 20 + 36 * published.length, picture) : nothing,
    table(['', t('score'), t('interval'), t('ratings')], rows),
    host.satisfactionCsv,
  );
}

/** Waits per officer: the called tickets of each signed-in officer, and those no officer handled. */
function officers(host: ChartsHost, queue: QueueReport): TemplateResult {
  const groups = Object.fromEntries(queue.byOfficer.map((o) => [o.username ?? '', o]));
  const name = (username: string) => (username ? (groups[username]?.name ?? username) : host.t('noOfficer'));
  return waits(host, 'waitsByOfficer', groups, name, 'hatch-officer');
}

function longest(host: ChartsHost, queue: QueueReport): TemplateResult {
  const { t, formats: f } = host;
  return html`<section part="chart">
    <h3>${t('longestWaits')}</h3>
    ${
      queue.longestWaits.length
        ? table(
            [t('number'), t('service'), t('counter'), t('date'), t('wait')],
            queue.longestWaits.map((w) => [
              w.number,
              host.serviceName(w.service),
              w.counter ? host.counterName(w.counter) : t('noData'),
              f.date(w.businessDate),
              t('minutes', { value: f.number(w.wait) }),
            ]),
            [1, 2],
          )
        : html`<p>${t('empty')}</p>`
    }
  </section>`;
}

/**
 * The dashboard's charts: the on-time and online rates over twelve months, the queue by weekday and hour, waits per service, per counter and per officer, satisfaction
 * per group with its intervals, the longest waits, and the Decision 766 indicators the server measures.
 *
 * @example
 * ```ts
 * html`${renderCharts(host)}`;
 * ```
 */
export function renderCharts(host: ChartsHost): TemplateResult {
  const { queue, groups } = host;
  return html`<div class="charts">
    ${host.warning ? warning(host, host.warning) : nothing}
    ${host.trend ? trend(host, host.trend) : nothing}
    ${queue ? heatmap(host, queue) : nothing}
    ${queue ? waits(host, 'waitsByService', queue.byService, host.serviceName, 'hatch-service') : nothing}
    ${queue ? waits(host, 'waitsByCounter', queue.byCounter, host.counterName, 'hatch-counter') : nothing}
    ${queue?.byOfficer.length ? officers(host, queue) : nothing}
    ${groups ? satisfaction(host, groups) : nothing}
    ${queue ? longest(host, queue) : nothing}
    ${host.scorecard ? scorecard({ ...host, report: host.scorecard, csv: host.scorecardCsv }) : nothing}
  </div>`;
}
