import type { QueueGroupStatistics, QueueReport } from '@motcua/core/queue';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { browserCommand, sendKeys } from '../internal/browser-commands.test-support.js';
import { FakeEventSource, latestEventSource } from '../internal/event-source.test-support.js';
import type { MotcuaOfficeDashboard } from './office-dashboard.js';
import './office-dashboard.js';
import { periodOf, previousPeriod } from './period.js';

const HOSTILE = '<img src=x onerror="globalThis.hacked=1">Hộ tịch';

const group = (tickets: number, p50: number, p90: number): QueueGroupStatistics => ({
  tickets,
  called: tickets - 1,
  served: tickets - 2,
  noShows: 1,
  cancelled: 0,
  transferred: 0,
  recalls: 0,
  wait: { count: tickets - 1, mean: p50, p50, p90, max: p90 + 5 },
  service: { count: tickets - 2, mean: 6, p50: 5, p90: 9, max: 12 },
});

/** The queue report's officers (none unless a test sets them). */
let officers: QueueReport['byOfficer'] = [];

const queueReport = (from: string, to: string, tickets: number): QueueReport => ({
  from,
  to,
  overall: group(tickets, 12.5, 31),
  byService: { 'ho-tich': group(tickets - 40, 15, 35), 'dat-dai': group(40, 8, 20) },
  byCounter: { '1': group(tickets - 50, 11, 30), '2': group(50, 14, 33) },
  byOfficer: officers,
  byPriority: { thuong: group(tickets, 12.5, 31) },
  byHour: { 8: group(tickets, 12.5, 31) },
  byWeekdayHour: [
    { weekday: 1, hour: 8, ...group(60, 20, 40) },
    { weekday: 1, hour: 9, ...group(30, 10, 20) },
    { weekday: 3, hour: 14, ...group(12, 5, 9) },
  ],
  longestWaits: [{ number: 'A042', service: 'ho-tich', counter: '2', businessDate: '2026-11-03', wait: 74.5 }],
});

const figures = (dossiers: number, early: number, onTime: number, late: number, online: number) => ({
  dossiers,
  withdrawn: 0,
  finished: early + onTime + late,
  early,
  onTime,
  late,
  inTime: 3,
  overdue: 1,
  onTimeRate: (early + onTime) / (early + onTime + late),
  averageProcessingMinutes: 900,
  averageProcessingDays: 2,
  averageTimeRatio: 0.6,
  online,
  onlineRate: online / dossiers,
  unclassified: 0,
});

/** The months of a trend (a request over more than two months): March has no dossiers; late ones grow by month. */
const monthsOf = (from: string, to: string) => {
  const months = [];
  for (let d = new Date(`${from.slice(0, 7)}-01`); d.toISOString().slice(0, 7) <= to.slice(0, 7); ) {
    const month = d.toISOString().slice(0, 7);
    if (!month.endsWith('-03')) months.push({ month, ...figures(100, 40, 55 - months.length, 1 + months.length, 80) });
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  return months;
};

const onTimeReport = (from: string, to: string, late: number) => ({
  from,
  to,
  checkedAt: '2026-12-05T09:00:00+07:00',
  total: figures(1000, 400, 589 - late + 6, late, 883),
  procedures: [],
  months: from.slice(0, 7) < to.slice(0, 7) ? monthsOf(from, to) : [],
});

/** Two dossiers past their due date and one due tomorrow; a hostile procedure name. */
const warned = (code: string, name: string, dueAt: string, remainingMinutes: number, timeliness: string) => ({
  code,
  procedure: { code: '1.004873', name },
  status: 'processing',
  receivedAt: '2026-11-20T08:00:00+07:00',
  classification: { timeliness, dueAt, remainingMinutes, dayMinutes: 450 },
});
let earlyWarning: unknown = {
  checkedAt: '2026-12-05T09:00:00+07:00',
  more: false,
  dossiers: [
    warned(
      '000.00.00.H00-261120-0001',
      'Cấp Giấy xác nhận tình trạng hôn nhân',
      '2026-12-02T17:00:00+07:00',
      -1380,
      'overdue',
    ),
    warned('000.00.00.H00-261121-0002', '<img src=x onerror=alert(1)>', '2026-12-04T16:00:00+07:00', -45, 'overdue'),
    warned('000.00.00.H00-261203-0003', 'Đăng ký khai sinh', '2026-12-07T10:00:00+07:00', 570, 'in-time'),
  ],
};

/** A group of the satisfaction report the server published: top-2-box score from `n` ratings, its Wilson interval. */
const published = (key: Record<string, string>, n: number, score: number, low: number, high: number) => ({
  key,
  suppressed: false,
  formula: 'top2box',
  n,
  score,
  interval: { low, high },
});

/** By month: October published (90%), November too few ratings to publish. */
const byMonth = [published({ month: '2026-10' }, 300, 90, 86, 93), { key: { month: '2026-11' }, suppressed: true }];

const satisfactionReport = (groupBy: string | null) => ({
  instrument: 'vn-one-stop-rating',
  groupBy: groupBy ? [groupBy] : [],
  groups:
    groupBy === 'month'
      ? byMonth
      : groupBy
        ? [
            published({ counter: '1' }, 12, 83.3, 55.2, 95.3),
            published({ counter: '2' }, 1200, 91.5, 89.8, 93),
            { key: { counter: '3' }, suppressed: true },
          ]
        : [published({}, 1212, 91.4, 89.7, 92.9)],
});

const title = (vi: string, en: string) => ({ vi, en });
const indicator = (id: string, extra: Record<string, unknown>) => ({
  id,
  group: id.slice(0, 1),
  title: title(`Chỉ số ${id}`, `Indicator ${id}`),
  formula: title('Công thức', 'Formula'),
  source: 'measured',
  numerator: null,
  denominator: null,
  share: null,
  target: null,
  points: null,
  maxPoints: null,
  provisional: false,
  ...extra,
});

/** The Decision 766 scorecard as the server sends it: 2.1 measured but not scored, 5.4 scored, 4.2 not held. */
const scorecardReport = (from: string, to: string) => ({
  scorecard: { id: 'decision-766', version: '2022', title: title('Bộ chỉ số 766', 'Decision 766') },
  from,
  to,
  checkedAt: '2026-12-05T09:00:00+07:00',
  indicators: [
    indicator('2.1', {
      title: title('Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn', 'Dossiers resolved early or on time'),
      numerator: 49,
      denominator: 50,
      share: 0.98,
      target: 1,
      provisional: true,
    }),
    indicator('4.2', { source: 'not-held', note: title('Tỉnh nhập tay', 'Entered by the province') }),
    indicator('5.4', {
      title: title('Mức độ hài lòng', 'Satisfaction'),
      numerator: 44,
      denominator: 48,
      share: 44 / 48,
      points: 5.5,
      maxPoints: 6,
      note: title(HOSTILE, 'Only ratings bound to a dossier'),
    }),
  ],
  groups: [{ id: '5', title: title('Nhóm 5', 'Group 5'), maxPoints: 20, points: null, missing: ['5.1'] }],
  total: { maxPoints: 100, points: null, missing: ['1', '2', '3', '4', '5'] },
});

let scorecardStatus = 200;

const snapshot = {
  office: { id: 'demo', name: { vi: 'UBND xã Mẫu', en: 'Sample Commune' } },
  businessDate: '2026-11-30',
  version: 10,
  counters: [
    { id: '1', label: 'Quầy 1', ticket: null },
    { id: '2', label: '<b>Quầy 2</b>', ticket: null },
  ],
  services: [
    { id: 'ho-tich', prefix: 'A', name: { vi: HOSTILE, en: 'Civil status' }, waiting: 0, next: [] },
    { id: 'dat-dai', prefix: 'B', name: { vi: 'Đất đai', en: 'Land' }, waiting: 0, next: [] },
  ],
  recent: [],
};

let requested: URL[] = [];
let status = 200;
const realFetch = globalThis.fetch;
const realEventSource = globalThis.EventSource;

/** The report server: each report by its path and period, or `status` with the project's error body. */
function serve(): void {
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    requested.push(url);
    expect(init?.credentials ?? 'same-origin', 'the session cookie goes only to the own origin').to.equal(
      'same-origin',
    );
    const q = url.searchParams;
    const from = q.get('from') ?? '';
    const to = q.get('to') ?? '';
    const earlier = from < '2026-11-01';
    let body: unknown;
    if (status !== 200) {
      const message = { vi: 'Cần đăng nhập', en: 'Sign in first' };
      body = { error: { code: status === 401 ? 'unauthenticated' : 'forbidden', message } };
    } else if (url.pathname.endsWith('/scorecard')) {
      const failed = { error: { code: 'internal', message: { vi: 'Lỗi', en: 'Error' } } };
      return new Response(JSON.stringify(scorecardStatus === 200 ? scorecardReport(from, to) : failed), {
        status: scorecardStatus,
        headers: { 'content-type': 'application/json' },
      });
    } else if (url.pathname.endsWith('/queue')) body = queueReport(from, to, earlier ? 300 : 250);
    else if (url.pathname.endsWith('/on-time')) body = onTimeReport(from, to, earlier ? 20 : 10);
    else if (url.pathname.endsWith('/early-warning')) body = earlyWarning;
    else body = satisfactionReport(q.get('groupBy'));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

const shown = (el: Element): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const $ = <T extends Element>(el: Element, selector: string) => el.shadowRoot?.querySelector<T>(selector) as T;
const $$ = (el: Element, selector: string) => [...(el.shadowRoot?.querySelectorAll(selector) ?? [])];

async function dashboard(lang = 'vi'): Promise<MotcuaOfficeDashboard> {
  const el = await fixture<MotcuaOfficeDashboard>(
    html`<motcua-office-dashboard lang=${lang} period="custom" from="2026-11-01" to="2026-11-30"
      sign-in-href="/dang-nhap.html"></motcua-office-dashboard>`,
  );
  await waitUntil(() => $$(el, 'svg').length >= 4 || $(el, '[part="message"][role="alert"]'), 'figures or an alert', {
    timeout: 5000,
  });
  await el.updateComplete;
  return el;
}

describe('<motcua-office-dashboard>', () => {
  beforeEach(() => {
    requested = [];
    status = 200;
    scorecardStatus = 200;
    officers = [];
    FakeEventSource.instances = [];
    globalThis.EventSource = FakeEventSource as unknown as typeof EventSource;
    serve();
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    globalThis.EventSource = realEventSource;
  });

  it('compares a period with the one of the same length before it', () => {
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-30' })).to.deep.equal({
      from: '2026-10-02',
      to: '2026-10-31',
    });
    expect(periodOf('last-month', '2026-03-05')).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('this-month', '2026-01-09')).to.deep.equal({ from: '2026-01-01', to: '2026-01-09' });
    expect(periodOf('custom', '2026-01-09', '2026-02-01', '2026-01-15')).to.deep.equal({
      from: '2026-01-15',
      to: '2026-02-01',
    });
  });

  it('shows the headline figures in Vietnamese formats with their change, reading both periods', async () => {
    const el = await dashboard();
    latestEventSource().send('snapshot', snapshot);
    await el.updateComplete;
    const text = shown(el);
    // (400 + 585) / 995 on time, 883 / 1000 online; the previous period had 20 late of 995.
    expect(text).to.contain('Giải quyết trước và đúng hạn 98,99%');
    expect(text).to.contain('Kỳ trước: 97,99% (+1,01 điểm %)');
    expect(text).to.contain('Tiếp nhận trực tuyến 88,30%');
    expect(text).to.contain('Mức độ hài lòng 91,40% 1.212 đánh giá');
    expect(text).to.contain('Lượt lấy số 250 248 lượt đã phục vụ Kỳ trước: 300 (-50)');
    expect(text).to.contain('Thời gian chờ trung vị 12,5 phút');
    expect(text).to.contain('Từ 01/11/2026 đến 30/11/2026');
    expect(text).to.contain('02/10/2026 – 31/10/2026');
    const periods = requested.map((u) => `${u.pathname} ${u.searchParams.get('from')} ${u.searchParams.get('to')}`);
    for (const report of ['queue', 'on-time', 'satisfaction']) {
      expect(periods).to.include(`/api/reports/${report} 2026-11-01 2026-11-30`);
      expect(periods).to.include(`/api/reports/${report} 2026-10-02 2026-10-31`);
    }
    await expect(el).to.be.accessible();
  });

  it('draws every chart with a table and a CSV link, and shows how uncertain each satisfaction figure is', async () => {
    const el = await dashboard();
    expect($$(el, 'svg[role="img"][aria-label]').length).to.equal(5);
    // The early warning is a table without a drawing.
    expect($$(el, 'details table').length).to.equal(6);
    const csv = $$(el, 'a.csv').map((a) => new URL((a as HTMLAnchorElement).href));
    expect(csv.map((u) => `${u.pathname} ${u.searchParams.get('format')}`)).to.include.members([
      '/api/reports/queue csv',
      '/api/reports/satisfaction csv',
    ]);
    // The heatmap: viridis cells, each with its number (not colour alone), the busiest named.
    const cells = $$(el, 'rect.cell');
    expect(cells.length).to.equal(3);
    expect(shown(el)).to.contain('Đông nhất: Thứ Hai, 8 giờ, 60 lượt.');
    // 12 ratings: a whisker four times as wide as that of 1,200.
    const widths = $$(el, 'line.whisker')
      .filter((_, i) => i % 3 === 0)
      .map((l) => Number(l.getAttribute('x2')) - Number(l.getAttribute('x1')));
    expect(widths.length).to.equal(2);
    expect(widths[0], 'the group of 1,200 comes first (higher score)').to.be.lessThan((widths[1] as number) / 4);
    expect(shown(el)).to.contain('83,3 (n = 12)');
    expect(shown(el)).to.contain('91,5 (n = 1.200)');
    expect(shown(el)).to.contain('Quá ít đánh giá, không công bố');
    expect(shown(el)).to.contain('A042');
  });

  it('draws the on-time, online and satisfaction rates of the twelve months that end with the period, with gaps', async () => {
    const el = await dashboard();
    const trend = requested.find(
      (u) => u.pathname === '/api/reports/on-time' && u.searchParams.get('from') === '2025-12-01',
    );
    expect(trend?.searchParams.get('to')).to.equal('2026-11-30');
    const monthly = requested.find(
      (u) => u.pathname === '/api/reports/satisfaction' && u.searchParams.get('groupBy') === 'month',
    );
    expect(`${monthly?.searchParams.get('from')} ${monthly?.searchParams.get('to')}`).to.equal('2025-12-01 2026-11-30');
    const figure = $$(el, 'figure').find((f) =>
      f.textContent?.includes('Tỷ lệ đúng hạn, trực tuyến và mức độ hài lòng'),
    );
    expect(figure, 'the trend chart').not.to.equal(undefined);
    const svg = figure?.querySelector('svg') as SVGElement;
    // Three lines told apart by their dash, eleven points each for the dossiers (none in March), one for satisfaction
    // (November had too few ratings to publish), twelve months on the axis.
    const lines = [...svg.querySelectorAll('polyline')];
    expect(lines.map((l) => l.getAttribute('class'))).to.deep.equal(['trend-a', 'trend-b', 'trend-c']);
    expect(lines.map((l) => l.getAttribute('stroke-dasharray'))).to.deep.equal(['none', '6 4', '2 3']);
    expect(svg.querySelectorAll('circle.trend-a').length).to.equal(11);
    expect(svg.querySelectorAll('circle.trend-b').length).to.equal(11);
    expect([...svg.querySelectorAll('circle.trend-c title')].map((t) => t.textContent)).to.deep.equal([
      'Mức độ hài lòng, 10/2026: 90,00%',
    ]);
    expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).to.include.members(['12/25', '03/26', '11/26']);
    expect(svg.querySelector('circle.trend-a title')?.textContent).to.equal(
      'Giải quyết trước và đúng hạn, 12/2025: 98,96%',
    );
    // The lowest and highest on-time rate of the months: 95 of 96 in the first, 85 of 96 in the last.
    expect(figure?.textContent).to.contain('từ 88,54% đến 98,96%');
    const rows = [...(figure?.querySelectorAll('tbody tr') ?? [])].map((r) =>
      [...r.children].map((cell) => cell.textContent).join(' '),
    );
    expect(rows).to.have.length(11);
    expect(rows[0]).to.equal('12/2025 100 98,96% 80,00% —');
    expect(rows.find((r) => r.startsWith('10/2026'))).to.match(/ 90,00%$/);
    expect(rows.find((r) => r.startsWith('11/2026'))).to.match(/ —$/);
    const csv = new URL(((figure as Element).querySelector('a.csv') as HTMLAnchorElement).href);
    expect(`${csv.pathname}?${csv.searchParams}`).to.equal(
      '/api/reports/on-time?from=2025-12-01&to=2026-11-30&by=month&format=csv',
    );
    await expect(el).to.be.accessible();
  });

  it('warns of the dossiers overdue or due within three working days, with the time left in words', async () => {
    const el = await dashboard();
    const asked = requested.find((u) => u.pathname === '/api/reports/early-warning');
    expect(asked?.searchParams.get('days')).to.equal('3');
    const figure = $$(el, 'figure').find((f) => f.textContent?.includes('Cảnh báo sớm')) as Element;
    expect(figure.textContent).to.contain('2 hồ sơ đang quá hạn, 1 hồ sơ đến hạn trong 3 ngày làm việc tới.');
    const rows = [...figure.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows[0]).to.deep.equal([
      '000.00.00.H00-261120-0001',
      'Cấp Giấy xác nhận tình trạng hôn nhân',
      'Đang xử lý',
      '17:00 02/12/2026',
      'quá hạn 3 ngày 30 phút',
    ]);
    expect(rows[2]?.[4]).to.equal('còn 1 ngày 2 giờ');
    // Names and words read from the start; the due date lines up its digits at the end.
    const aligned = [...(figure.querySelector('tbody tr') as Element).children].map(
      (c) => getComputedStyle(c).textAlign,
    );
    expect(aligned).to.deep.equal(['start', 'start', 'start', 'end', 'start']);
    expect(getComputedStyle(figure.querySelectorAll('thead th')[1] as Element).textAlign).to.equal('start');
    expect(rows[1]?.[1], 'a hostile name stays text').to.equal('<img src=x onerror=alert(1)>');
    expect(figure.querySelector('img')).to.equal(null);
    const csv = new URL((figure.querySelector('a.csv') as HTMLAnchorElement).href);
    expect(`${csv.pathname}?${csv.searchParams}`).to.equal('/api/reports/early-warning?days=3&format=csv');
    await expect(el).to.be.accessible();
  });

  it('fits a phone: a wide table scrolls within its chart, the page does not widen', async () => {
    const el = await dashboard();
    el.style.display = 'block';
    el.style.width = '360px';
    for (const details of $$(el, 'details')) (details as HTMLDetailsElement).open = true;
    await el.updateComplete;
    const widest = Math.max(...$$(el, 'table').map((t) => t.getBoundingClientRect().width));
    expect(widest, 'the early warning’s table is wider than a phone').to.be.greaterThan(360);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('says when no dossier is at risk', async () => {
    const before = earlyWarning;
    earlyWarning = { checkedAt: '2026-12-05T09:00:00+07:00', more: false, dossiers: [] };
    try {
      const el = await dashboard('en');
      expect(shown(el)).to.contain('No dossier is overdue or due within the next 3 working days.');
    } finally {
      earlyWarning = before;
    }
  });

  it('speaks English with English number and date formats', async () => {
    const el = await dashboard('en');
    const text = shown(el);
    expect(text).to.contain('Resolved early or on time 98.99%');
    expect(text).to.contain('From 01/11/2026 to 30/11/2026');
    expect(text).to.contain('91.5 (n = 1,200)');
    expect(text).to.contain('Busiest: Monday, 8:00, 60 tickets.');
    await expect(el).to.be.accessible();
  });

  it('asks to sign in on 401 and says the role is missing on 403', async () => {
    status = 401;
    const el = await dashboard();
    expect($(el, '[part="message"]').getAttribute('role')).to.equal('alert');
    expect(shown(el)).to.contain('Bạn chưa đăng nhập');
    const link = $<HTMLAnchorElement>(el, '[part="message"] a');
    expect(new URL(link.href).pathname).to.equal('/dang-nhap.html');
    expect(new URL(link.href).searchParams.get('next')).to.equal(location.pathname + location.search);
    await expect(el).to.be.accessible();
    status = 403;
    const other = await dashboard('en');
    expect(shown(other)).to.contain('needs the leader or admin role');
  });

  it('reads the figures once someone signs in on the page, and takes them off the screen on sign-out', async () => {
    status = 401;
    const el = await fixture<MotcuaOfficeDashboard>(
      html`<motcua-office-dashboard period="custom" from="2026-11-01" to="2026-11-30" sign-in-href="#dang-nhap"
      ></motcua-office-dashboard>`,
    );
    await waitUntil(() => $(el, '[part="message"][role="alert"]'), 'the sign-in message', { timeout: 5000 });
    expect($<HTMLAnchorElement>(el, '[part="message"] a').getAttribute('href')).to.equal('#dang-nhap');
    // A <motcua-sign-in> elsewhere on the page (its events bubble out of its shadow root) signs a leader in.
    status = 200;
    const signIn = document.createElement('div');
    document.body.append(signIn);
    signIn.dispatchEvent(new CustomEvent('motcua-signed-in', { bubbles: true, composed: true, detail: {} }));
    await waitUntil(() => $$(el, 'svg').length >= 4, 'the figures', { timeout: 5000 });
    expect(shown(el)).not.to.contain('Bạn chưa đăng nhập');
    // Found signed in again (a second sign-in element, a refresh of the session): nothing is read twice.
    const reads = requested.length;
    signIn.dispatchEvent(new CustomEvent('motcua-signed-in', { bubbles: true, composed: true, detail: {} }));
    await el.updateComplete;
    expect(requested).to.have.length(reads);
    signIn.dispatchEvent(new CustomEvent('motcua-signed-out', { bubbles: true, composed: true, detail: {} }));
    await el.updateComplete;
    expect($$(el, 'svg')).to.have.length(0);
    expect(shown(el)).to.contain('Bạn chưa đăng nhập');
    await expect(el).to.be.accessible();
    signIn.remove();
  });

  it('shows hostile service and counter names as text', async () => {
    const el = await dashboard();
    latestEventSource().send('snapshot', snapshot);
    await el.updateComplete;
    expect($$(el, 'img').length).to.equal(0);
    expect($$(el, 'b').length).to.equal(0);
    expect((globalThis as { hacked?: number }).hacked).to.equal(undefined);
    expect(shown(el)).to.contain('<b>Quầy 2</b>');
    const options = $$(el, 'select[name="service"] option').map((o) => o.textContent?.trim());
    expect(options).to.include(HOSTILE);
    await expect(el).to.be.accessible();
  });

  it('works with the keyboard: the period, the charts and their tables', async () => {
    const el = await dashboard();
    const select = $<HTMLSelectElement>(el, 'select[name="period"]');
    select.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.getAttribute('name')).to.equal('from');
    const chart = $<SVGElement>(el, 'svg');
    chart.focus();
    expect(el.shadowRoot?.activeElement).to.equal(chart);
    await sendKeys({ press: 'Tab' });
    // The chart's own table follows it.
    const details = chart.closest('figure')?.querySelector('details') as HTMLDetailsElement;
    expect(el.shadowRoot?.activeElement).to.equal(details.querySelector('summary'));
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
  });

  it('keeps the charts readable in forced-colours mode', async () => {
    const el = await dashboard();
    await browserCommand('emulate-forced-colors', { value: 'active' });
    try {
      const cell = $<SVGRectElement>(el, 'rect.cell');
      const label = cell.nextElementSibling as SVGTextElement;
      expect(getComputedStyle(label).fill).to.not.equal(getComputedStyle(cell).fill);
      expect(label.textContent).to.equal('60');
    } finally {
      await browserCommand('emulate-forced-colors', { value: 'none' });
    }
  });

  it('reads the queue figures again when the queue moves, at most once per live-delay', async () => {
    // A period that includes today, whatever today is.
    const el = await fixture<MotcuaOfficeDashboard>(
      html`<motcua-office-dashboard period="custom" from="2026-11-01" to="2099-12-31" live-delay="100"></motcua-office-dashboard>`,
    );
    await waitUntil(() => $$(el, 'svg').length >= 4, 'the charts', { timeout: 5000 });
    const queueReads = () => requested.filter((u) => u.pathname.endsWith('/queue')).length;
    const before = queueReads();
    const stream = latestEventSource();
    stream.send('snapshot', snapshot);
    for (let i = 0; i < 5; i++) {
      const ticket = { number: `A00${i}`, service: 'ho-tich', priority: 'thuong', status: 'issued', calls: 0 };
      stream.send('ticket', {
        version: 11 + i,
        type: 'issue',
        at: 5,
        ticket: { ...ticket, businessDate: '2026-11-30' },
      });
    }
    await waitUntil(() => queueReads() === before + 1, 'one read for many changes', { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(queueReads()).to.equal(before + 1);
  });

  it('draws the waits per officer, the tickets no officer handled apart, names as text', async () => {
    officers = [
      { username: 'lan', name: HOSTILE, ...group(120, 10, 25) },
      { username: 'minh', name: null, ...group(80, 16, 38) },
      { username: null, name: null, ...group(50, 14, 33) },
    ];
    const el = await dashboard();
    // The trend, the heatmap, the waits per service and per counter, then per officer.
    await waitUntil(() => $$(el, 'svg').length === 6, 'the officers chart', { timeout: 5000 });
    const text = shown(el);
    expect(text).to.contain('Thời gian chờ theo cán bộ (phút)');
    expect(text, 'an officer without a display name is shown by username').to.contain('minh');
    expect(text).to.contain('Không có cán bộ đăng nhập (mã quầy, máy tính bảng)');
    expect(text).to.contain(HOSTILE);
    expect($$(el, 'img').length).to.equal(0);
    // The officers' table, longest 90th percentile first: minh 38, the tokens 33, lan 25.
    const tables = $$(el, 'details table');
    const officersTable = tables.find((t) => t.textContent?.includes('minh')) as Element;
    const rows = [...officersTable.querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(rows).to.deep.equal(['minh', 'Không có cán bộ đăng nhập (mã quầy, máy tính bảng)', HOSTILE]);
    await expect(el).to.be.accessible();
  });

  it('shows the Decision 766 indicators the server measures, with their points and the scorecard CSV', async () => {
    const el = await dashboard();
    await waitUntil(() => shown(el).includes('Bộ chỉ số 766'), 'the scorecard', { timeout: 5000 });
    const text = shown(el);
    const rows = (table: Element) =>
      [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent));
    const table = $$(el, 'table').find((t) => t.textContent?.includes('Kết quả')) as Element;
    expect(rows(table)).to.deep.equal([
      ['2.1. Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạnTạm tính: chưa cấu hình số điểm tối đa', '98,00% (49/50)', '—'],
      [`5.4. Mức độ hài lòng${HOSTILE}`, '91,67% (44/48)', '5,5/6'],
    ]);
    expect(table.querySelector('tbody th small')?.textContent, 'the note under its indicator').to.equal(
      'Tạm tính: chưa cấu hình số điểm tối đa',
    );
    expect(text).to.contain('Điểm tạm tính: 5,5/6 điểm của các chỉ số đã có cách cho điểm; các nhóm 1, 2, 3, 4, 5');
    expect(text).to.contain('Máy chủ này không đo, tỉnh nhập tay: 4.2.');
    expect($$(el, 'img').length).to.equal(0);
    const read = requested.find((u) => u.pathname.endsWith('/scorecard'));
    expect(`${read?.searchParams.get('from')} ${read?.searchParams.get('to')}`).to.equal('2026-11-01 2026-11-30');
    const csv = $$(el, 'a.csv').map((a) => new URL((a as HTMLAnchorElement).href));
    const scorecardCsv = csv.find((u) => u.pathname === '/api/reports/scorecard');
    expect(scorecardCsv?.searchParams.get('format')).to.equal('csv');
    expect(scorecardCsv?.searchParams.get('from')).to.equal('2026-11-01');
    await expect(el).to.be.accessible();

    const english = await dashboard('en');
    await waitUntil(() => shown(english).includes('Decision 766'), 'the English scorecard', { timeout: 5000 });
    const englishTable = $$(english, 'table').find((t) => t.textContent?.includes('Result')) as Element;
    expect(rows(englishTable)[1]).to.deep.equal([
      '5.4. SatisfactionOnly ratings bound to a dossier',
      '91.67% (44/48)',
      '5.5/6',
    ]);
    expect(shown(english)).to.contain('Not measured by this server, entered by the province: 4.2.');
  });

  it('shows the other figures when the scorecard cannot be read', async () => {
    scorecardStatus = 500;
    const el = await dashboard();
    expect($$(el, 'svg').length).to.equal(5);
    expect(shown(el)).to.contain('Giải quyết trước và đúng hạn 98,99%');
    expect(shown(el)).not.to.contain('Bộ chỉ số 766');
    expect($(el, '[part="message"][role="alert"]')).to.equal(null);
  });
});
