import { type DossierWorklist, type OnTimeReport, readOnTimeReport } from '@motcua/core/deadline';
import { type BoardSnapshot, type QueueReport, readQueueReport } from '@motcua/core/queue';
import { readSatisfactionReport, type SatisfactionReport, type ScorecardReport } from '@motcua/core/satisfaction';
import { html, nothing, type PropertyValues } from 'lit';
import { ApiFailure, api } from '../internal/api-client.js';
import { MotcuaElement } from '../internal/base.js';
import { BoardStream } from '../internal/board-stream.js';
import { apiUrl } from '../internal/config.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import type { StringTable } from '../internal/i18n.js';
import { RequestsController } from '../internal/requests-controller.js';
import { blockStyles } from '../internal/styles.js';
import type { ChartsHost } from './charts.js';
import { formatsFor } from './format.js';
import { type Figures, renderHeadline } from './headline.js';
import type { DashboardLoadDetail } from './office-dashboard.events.js';
import { type OfficeDashboardStringKey, officeDashboardStrings } from './office-dashboard.strings.js';
import { officeDashboardStyles } from './office-dashboard.styles.js';
import { type Period, type PeriodChoice, periodOf, previousPeriod, vietnamToday } from './period.js';

export type { DashboardLoadDetail } from './office-dashboard.events.js';
export type {
  OfficeDashboardFirstKey,
  OfficeDashboardLaterKey,
  OfficeDashboardStringKey,
} from './office-dashboard.strings.js';
export type { PeriodChoice } from './period.js';

type Phase = 'loading' | 'shown' | 'signed-out' | 'forbidden' | 'failed';

type Charts = typeof import('./charts.js');

/** The early warning's horizon: dossiers due within this many working days. */
const WARNING_DAYS = 3;
let chartsLoad: Promise<Charts> | undefined;

/**
 * Every string the dashboard has so far: those of the controls and headline figures, then, once the charts arrive,
 * theirs and the scorecard's (asked for only by what the charts draw).
 */
let allStrings = officeDashboardStrings as StringTable<OfficeDashboardStringKey>;
function loadCharts(): Promise<Charts> {
  chartsLoad ??= import('./charts.js').then(
    (loaded) => {
      const { vi, en } = loaded.OFFICE_DASHBOARD_LATER_STRINGS;
      allStrings = { vi: { ...officeDashboardStrings.vi, ...vi }, en: { ...officeDashboardStrings.en, ...en } };
      return loaded;
    },
    (error: unknown) => {
      chartsLoad = undefined; // offline when it was asked for: the next load tries again
      throw error;
    },
  );
  return chartsLoad;
}

/**
 * The leader's page (issue #22), for a signed-in leader or admin on the server's own origin: headline figures —
 * dossiers resolved early or on time, received online, satisfaction, queue tickets, median and 90th-percentile wait —
 * each with its change from the previous period of the same length; the queue by weekday and hour; waits per service,
 * per counter and per officer (the tickets no signed-in officer handled apart); satisfaction per counter (or officer,
 * procedure) with its 95% Wilson interval and number of ratings; the longest waits; the Decision 766/QĐ-TTg
 * indicators the server measures, with their points where they can be scored. Each chart has its data table and its
 * CSV. Period (this month, last month, custom) and
 * service controls, a print button for the A4 monthly report; the queue figures refresh as the queue moves (the
 * public queue stream, at most every `live-delay` ms) and every `refresh-interval` ms. Without a session, or without
 * the role, it says so with a sign-in link; a `<motcua-sign-in>` on the same page signing someone in reads the figures
 * for them, signing out takes every figure off the screen.
 *
 * @summary The leader's dashboard of the office's reports.
 * @fires motcua-dashboard-load - Figures were loaded; detail {@link DashboardLoadDetail}.
 * @csspart controls - The period and service controls.
 * @csspart headline - The list of headline figures.
 * @csspart figure - One headline figure.
 * @csspart chart - One chart with its table and CSV link.
 * @csspart message - A loading, sign-in or error message.
 * @cssproperty --motcua-office-dashboard-accent - Buttons and bars (default #0b4f9c).
 *
 * @example
 * ```html
 * <!-- lanh-dao.html, served by the motcua server: the sign-in form, then the figures once signed in -->
 * <motcua-sign-in id="dang-nhap"></motcua-sign-in>
 * <motcua-office-dashboard sign-in-href="#dang-nhap"></motcua-office-dashboard>
 * ```
 */
export class MotcuaOfficeDashboard extends MotcuaElement<OfficeDashboardStringKey> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, officeDashboardStyles];

  /** `this-month` (default), `last-month` or `custom` (the `from` and `to` dates). */
  @property() period: PeriodChoice = 'this-month';

  /** First day of a custom period, `YYYY-MM-DD`. */
  @property() from = '';

  /** Last day of a custom period, `YYYY-MM-DD`, included. */
  @property() to = '';

  /** Only this queue service (its id); empty: all. The dossier and satisfaction figures are the office's. */
  @property() service = '';

  /** The satisfaction instrument. */
  @property() instrument = 'vn-one-stop-rating';

  /** What satisfaction is grouped by: `counter` (default), `officer` or `procedure`. */
  @property({ attribute: 'satisfaction-by' }) satisfactionBy: 'counter' | 'officer' | 'procedure' = 'counter';

  /** The sign-in page, linked when the server answers 401 or 403 (`#id`: a `<motcua-sign-in>` on this page). */
  @property({ attribute: 'sign-in-href' }) signInHref = 'dang-nhap.html';

  /** The shortest pause between two refreshes of the queue figures while the queue moves, in milliseconds. */
  @property({ type: Number, attribute: 'live-delay' }) liveDelay = 10_000;

  /** Every so often all figures are read again, in milliseconds; 0: never. */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 300_000;

  @state() private phase: Phase = 'loading';
  @state() private current: Figures = {};
  @state() private previous: Figures = {};
  @state() private groups: SatisfactionReport | undefined;
  @state() private board: BoardSnapshot | undefined;
  @state() private charts: Charts | undefined;
  @state() private failure = '';
  @state() private updatedAt = 0;

  protected get defaultStrings(): StringTable<OfficeDashboardStringKey> {
    return allStrings;
  }

  private readonly requests = new RequestsController(this);
  private readonly stream = new BoardStream({
    onSnapshot: (board) => {
      this.board = board;
      this.queueMoved();
    },
    onDelta: () => this.queueMoved(),
    onLost: () => {},
    retry: () => [2000, 60_000],
  });
  private generation = 0;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private periodicTimer: ReturnType<typeof setInterval> | undefined;
  private lastQueueLoad = 0;
  private services = new Set<string>();

  override render() {
    const t = this.t.bind(this);
    const header = html`<h2>${t('title')}</h2>`;
    if (this.phase === 'signed-out' || this.phase === 'forbidden') {
      return html`${header}<p part="message" role="alert">${t(this.phase === 'forbidden' ? 'forbidden' : 'signedOut')}
          ${this.signInHref ? html`<a href=${this.signInLink()}>${t('signIn')}</a>` : nothing}</p>`;
    }
    const f = formatsFor(this.language);
    const { from, to } = this.currentPeriod();
    const before = previousPeriod({ from, to });
    return html`${header}${this.renderControls()}
      <p class="range">${t('range', { from: f.date(from), to: f.date(to) })}.
        ${t('compared', { from: f.date(before.from), to: f.date(before.to) })}</p>
      ${
        this.phase === 'loading'
          ? html`<p part="message" role="status">${t('loading')}</p>`
          : this.phase === 'failed'
            ? html`<p part="message" role="alert">${t('failed', { message: this.failure })}
                <button type="button" @click=${this.load}>${t('retry')}</button></p>`
            : html`${renderHeadline(t, this.language, this.current, this.previous)}${this.charts?.renderCharts(this.chartsHost()) ?? nothing}
                <p class="live" role="status">${t('live', { time: f.time(this.updatedAt) })}</p>`
      }`;
  }

  private renderControls() {
    const t = this.t.bind(this);
    const choice = this.period;
    const option = (value: PeriodChoice, key: OfficeDashboardStringKey) =>
      html`<option value=${value} ?selected=${choice === value}>${t(key)}</option>`;
    return html`<form part="controls" @submit=${this.onSubmit}>
      <label>${t('period')}
        <select name="period" @change=${this.onPeriod}>
          ${option('this-month', 'thisMonth')}${option('last-month', 'lastMonth')}${option('custom', 'custom')}
        </select></label>
      ${
        choice === 'custom'
          ? html`<label>${t('from')} <input type="date" name="from" required .value=${this.from} /></label>
              <label>${t('to')} <input type="date" name="to" required .value=${this.to} /></label>`
          : nothing
      }
      <label>${t('service')}
        <select name="service" @change=${this.onService}>
          <option value="" ?selected=${!this.service}>${t('allServices')}</option>
          ${[...this.services].map(
            (id) => html`<option value=${id} ?selected=${this.service === id}>${this.serviceName(id)}</option>`,
          )}
        </select></label>
      ${choice === 'custom' ? html`<button type="submit">${t('show')}</button>` : nothing}
      <button type="button" @click=${this.print}>${t('print')}</button>
    </form>`;
  }

  /** What the lazily loaded charts read. */
  private chartsHost(): ChartsHost {
    const { from, to } = this.currentPeriod();
    const csv = (report: string, params: Record<string, string>) =>
      apiUrl(`api/reports/${report}?${new URLSearchParams({ ...params, format: 'csv' })}`).href;
    const queueCsv = csv('queue', { from, to, ...(this.service && { service: this.service }) });
    return {
      t: this.t.bind(this),
      formats: formatsFor(this.language),
      queue: this.current.queue,
      groups: this.groups,
      scorecard: this.current.scorecard,
      trend: this.current.trend,
      trendSatisfaction: this.current.trendSatisfaction,
      warning: this.current.warning,
      warningDays: WARNING_DAYS,
      language: this.language,
      groupBy: this.satisfactionBy,
      serviceName: (id) => this.serviceName(id),
      counterName: (id) => this.board?.counters.find((c) => c.id === id)?.label ?? id,
      queueCsv,
      satisfactionCsv: csv('satisfaction', { instrument: this.instrument, groupBy: this.satisfactionBy, from, to }),
      scorecardCsv: csv('scorecard', { from, to }),
      csv,
      text: (value) => value[this.language] ?? value.vi,
    };
  }

  private serviceName(id: string): string {
    const line = this.board?.services?.find((s) => s.id === id);
    return line ? (line.name[this.language] ?? line.name.vi) : id;
  }

  private signInLink(): string {
    // A sign-in form on this page (`#dang-nhap`): no page to come back from.
    if (this.signInHref.startsWith('#')) return this.signInHref;
    const url = new URL(this.signInHref, location.href);
    url.searchParams.set('next', location.pathname + location.search);
    return url.href;
  }

  private currentPeriod(): Period {
    return periodOf(this.period, vietnamToday(), this.from, this.to);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stream.open(apiUrl('api/queue/events'));
    this.startPeriodic();
    if (this.hasUpdated) void this.load();
    document.addEventListener('motcua-signed-in', this.signedIn);
    document.addEventListener('motcua-signed-out', this.signedOut);
  }

  /** A `<motcua-sign-in>` of the page signed someone in: the figures are read for them, if they were refused. */
  private readonly signedIn = (): void => {
    if (this.phase === 'signed-out' || this.phase === 'forbidden') void this.load();
  };

  /** Signed out on the page: no figure stays on the screen. */
  private readonly signedOut = (): void => {
    this.generation++;
    this.current = this.previous = {};
    this.groups = undefined;
    this.phase = 'signed-out';
  };

  private startPeriodic(): void {
    clearInterval(this.periodicTimer);
    this.periodicTimer =
      this.refreshInterval > 0 ? setInterval(() => void this.load(false), this.refreshInterval) : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('motcua-signed-in', this.signedIn);
    document.removeEventListener('motcua-signed-out', this.signedOut);
    this.stream.close();
    clearTimeout(this.liveTimer);
    clearInterval(this.periodicTimer);
    this.liveTimer = this.periodicTimer = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    const keys = ['period', 'from', 'to', 'service', 'instrument', 'satisfactionBy'];
    if (keys.some((key) => changed.has(key))) void this.load();
    if (changed.has('refreshInterval') && changed.get('refreshInterval') !== undefined) this.startPeriodic();
  }

  /** Reads every report of the period and of the one before; a periodic refresh (`false`) keeps the figures shown. */
  private readonly load = async (showLoading: unknown = true): Promise<void> => {
    const generation = ++this.generation;
    if (showLoading !== false || this.phase !== 'shown') this.phase = 'loading';
    const period = this.currentPeriod();
    const before = previousPeriod(period);
    const service = this.service ? { service: this.service } : undefined;
    const { instrument } = this;
    const charts = loadCharts();
    const settled = await Promise.allSettled([
      this.report('queue', readQueueReport, { ...period, ...service }),
      this.report('queue', readQueueReport, { ...before, ...service }),
      this.report('on-time', readOnTimeReport, { ...period }),
      this.report('on-time', readOnTimeReport, { ...before }),
      this.report('satisfaction', readSatisfactionReport, { instrument, ...period }),
      this.report('satisfaction', readSatisfactionReport, { instrument, ...before }),
      this.report('satisfaction', readSatisfactionReport, { instrument, groupBy: this.satisfactionBy, ...period }),
      charts,
      charts.then((c) => this.report('scorecard', c.readScorecardReport, { ...period })),
      charts.then((c) => this.report('on-time', readOnTimeReport, { ...c.trendPeriod(period.to) })),
      charts.then((c) =>
        this.report('satisfaction', readSatisfactionReport, {
          instrument,
          groupBy: 'month',
          ...c.trendPeriod(period.to),
        }),
      ),
      charts.then((c) => this.report('early-warning', c.readDossierWorklist, { days: String(WARNING_DAYS) })),
    ]);
    if (generation !== this.generation) return;
    const [
      queue,
      queueBefore,
      onTime,
      onTimeBefore,
      satisfaction,
      satisfactionBefore,
      groups,
      loaded,
      scorecard,
      trend,
      trendSatisfaction,
      warning,
    ] = settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) as [
      QueueReport?,
      QueueReport?,
      OnTimeReport?,
      OnTimeReport?,
      SatisfactionReport?,
      SatisfactionReport?,
      SatisfactionReport?,
      Charts?,
      ScorecardReport?,
      OnTimeReport?,
      SatisfactionReport?,
      DossierWorklist?,
    ];
    const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    const refused = failures.find((e): e is ApiFailure => e instanceof ApiFailure && [401, 403].includes(e.status));
    if (refused) {
      this.phase = refused.status === 401 ? 'signed-out' : 'forbidden';
      return;
    }
    this.charts = loaded ?? this.charts;
    if (!queue && !onTime && !satisfaction) {
      const failure = failures[0];
      this.failure =
        failure instanceof ApiFailure ? (failure.text?.[this.language] ?? failure.code) : String(failure ?? '');
      this.phase = 'failed';
      return;
    }
    this.current = { queue, onTime, satisfaction, scorecard, trend, trendSatisfaction, warning };
    this.previous = { queue: queueBefore, onTime: onTimeBefore, satisfaction: satisfactionBefore };
    this.groups = groups;
    this.noteServices(queue);
    this.loaded();
    this.emit('motcua-dashboard-load', { ...period, service: this.service });
  };

  /** The queue figures again (the queue moved). */
  private async loadQueue(): Promise<void> {
    const generation = this.generation;
    const queue = await this.report('queue', readQueueReport, {
      ...this.currentPeriod(),
      ...(this.service && { service: this.service }),
    }).catch(() => undefined);
    if (!queue || generation !== this.generation) return;
    this.current = { ...this.current, queue };
    this.noteServices(queue);
    this.loaded();
  }

  private loaded(): void {
    this.phase = 'shown';
    this.updatedAt = this.lastQueueLoad = Date.now();
  }

  /** One report, read with core's reader; an answer the reader refuses is a malformed one. */
  private async report<T>(name: string, read: (json: unknown) => T | undefined, params: Record<string, string>) {
    const json = await api(`api/reports/${name}?${new URLSearchParams(params)}`, { signal: this.requests.signal });
    const report = read(json);
    if (report === undefined) throw new ApiFailure(200, 'malformed');
    return report;
  }

  private noteServices(queue: QueueReport | undefined): void {
    for (const id of Object.keys(queue?.byService ?? {})) this.services.add(id);
    for (const line of this.board?.services ?? []) this.services.add(line.id);
  }

  /** The queue moved: its figures are read again, at most once per `live-delay`, while today is in the period. */
  private queueMoved(): void {
    if (this.phase !== 'shown' || this.liveTimer !== undefined || this.currentPeriod().to < vietnamToday()) return;
    const wait = Math.max(0, this.lastQueueLoad + this.liveDelay - Date.now());
    this.liveTimer = setTimeout(() => {
      this.liveTimer = undefined;
      void this.loadQueue();
    }, wait);
  }

  private onPeriod(event: Event): void {
    const choice = (event.target as HTMLSelectElement).value as PeriodChoice;
    if (choice === 'custom' && !this.from) Object.assign(this, this.currentPeriod());
    this.period = choice;
  }

  private onService(event: Event): void {
    this.service = (event.target as HTMLSelectElement).value;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.from = String(data.get('from') ?? '');
    this.to = String(data.get('to') ?? '');
  }

  /** Prints the page on A4 (the page's own `@page`, added once, CSP-safe), the controls left out. */
  private print(): void {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('@page { size: A4; margin: 12mm; }');
    if (!document.adoptedStyleSheets.some((s) => s.cssRules[0]?.cssText.startsWith('@page { size: A4'))) {
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    globalThis.print();
  }
}

defineElement('motcua-office-dashboard', MotcuaOfficeDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-office-dashboard': MotcuaOfficeDashboard;
  }
}
