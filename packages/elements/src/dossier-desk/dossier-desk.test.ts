import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MotcuaDossierDesk } from './dossier-desk.js';
import './dossier-desk.js';

const realFetch = globalThis.fetch;
interface Sent {
  method: string;
  path: string;
  body: unknown;
  key: string | null;
}
let sent: Sent[] = [];

interface Dossier {
  code: string;
  name: string;
  status: string;
  dueAt: string;
  overdue: boolean;
  timeliness?: string;
  steps: { type: string; at: string; reason?: string; reasons?: string[]; dueAt?: string }[];
}

const A = '000.00.00.H00-261204-0001';
const B = '000.00.00.H00-261130-0007';
const DOSSIERS = (): Dossier[] => [
  {
    code: B,
    name: 'Đăng ký khai sinh',
    status: 'processing',
    dueAt: '2026-12-03T17:00:00+07:00',
    overdue: true,
    steps: [],
  },
  {
    code: A,
    name: '<img src=x onerror=alert(1)> Chứng thực bản sao',
    status: 'received',
    dueAt: '2026-12-08T17:00:00+07:00',
    overdue: false,
    steps: [],
  },
  {
    code: '000.00.00.H00-261120-0003',
    name: 'Đăng ký kết hôn',
    status: 'resolved',
    dueAt: '2026-12-09T17:00:00+07:00',
    overdue: false,
    timeliness: 'late',
    steps: [],
  },
];

/** The steps the stand-in offers: what core's clock would accept from each status. */
const NEXT: Record<string, string[]> = {
  received: ['supplement-requested', 'extended', 'withdrawn', 'stopped', 'resolved', 'returned', 'processing'],
  processing: ['supplement-requested', 'extended', 'withdrawn', 'stopped', 'resolved', 'returned'],
  'supplement-requested': ['supplement-completed', 'extended', 'withdrawn', 'stopped', 'resolved', 'returned'],
  resolved: ['supplement-requested', 'extended', 'returned', 'processing'],
  returned: [],
};

const classification = (d: Dossier) => ({
  timeliness: d.timeliness ?? (d.overdue ? 'overdue' : 'in-time'),
  dueAt: d.dueAt,
  remainingMinutes: d.overdue ? -30 : 900,
  dayMinutes: 450,
});

/** An office's dossiers as the server keeps them; `failures` answers the next step posts with these statuses. */
function server(dossiers: Dossier[], options: { status?: number; failures?: number[] } = {}): void {
  sent = [];
  const failures = [...(options.failures ?? [])];
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    const key = new Headers(init.headers).get('idempotency-key');
    sent.push({ method, path: url.pathname, body, key });
    const json = (code: number, value: unknown) =>
      new Response(JSON.stringify(value), { status: code, headers: { 'content-type': 'application/json' } });
    const error = (code: number, id: string, vi: string, problems: unknown[] = []) =>
      json(code, { error: { code: id, message: { vi, en: vi }, problems } });
    if (options.status) return error(options.status, 'x', 'x');
    if (url.pathname === '/api/dossiers') {
      return json(200, {
        dossiers: dossiers
          .filter((d) => d.status !== 'returned')
          .map((d) => ({
            code: d.code,
            procedure: { code: '1', name: d.name },
            status: d.status,
            receivedAt: '2026-12-01T08:00:00+07:00',
            classification: classification(d),
          })),
        more: false,
        checkedAt: '2026-12-04T09:00:00+07:00',
      });
    }
    const code = decodeURIComponent(url.pathname.split('/')[3] ?? '');
    const d = dossiers.find((x) => x.code === code);
    if (!d) return error(404, 'unknown-dossier', 'Không có hồ sơ');
    if (method === 'POST') {
      const failure = failures.shift();
      if (failure === 0) throw new TypeError('Failed to fetch');
      if (failure)
        return error(failure, 'step-refused', 'Thời điểm không hợp lệ', [
          { path: '$.dueAt', code: 'x', message: { vi: 'phải muộn hơn', en: 'later' } },
        ]);
      if (sent.filter((s) => s.method === 'POST' && s.key === key).length === 1) {
        d.steps.push({ ...body, at: '2026-12-04T09:05:00+07:00' });
        d.status =
          body.type === 'supplement-completed' ? 'processing' : body.type === 'extended' ? d.status : body.type;
      }
      return json(201, { code, status: d.status });
    }
    return json(200, {
      dossier: {
        code,
        procedure: { code: '1', name: d.name },
        channel: 'in-person',
        status: d.status,
        statusCode: 4,
        receivedAt: '2026-12-01T08:00:00+07:00',
        limit: { value: 3, unit: 'working-days' },
        events: [],
        timeline: [
          { type: 'received', status: 'received', at: '2026-12-01T08:00:00+07:00' },
          ...d.steps.map((s) => ({ ...s, status: d.status })),
        ],
        clock: { promisedDueAt: d.dueAt, dueAt: d.dueAt },
        classification: classification(d),
        finished: false,
        checkedAt: '2026-12-04T09:00:00+07:00',
      },
      nextSteps: NEXT[d.status] ?? [],
    });
  }) as typeof fetch;
}

const shown = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const root = (el: Element) => el.shadowRoot as ShadowRoot;
const press = (el: Element, text: string) => {
  const found = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  found.click();
};
const choose = (el: Element, step: string) =>
  (root(el).querySelector(`input[name="step"][value="${step}"]`) as HTMLInputElement).click();
const posts = () => sent.filter((s) => s.method === 'POST');

describe('<motcua-dossier-desk>', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('lists the open dossiers, overdue marked in words, and hostile names as text', async () => {
    server(DOSSIERS());
    const el = await fixture<MotcuaDossierDesk>(html`<motcua-dossier-desk></motcua-dossier-desk>`);
    await waitUntil(() => shown(el).includes('Đăng ký khai sinh'), 'the worklist');
    await expect(el).to.be.accessible();
    const items = [...root(el).querySelectorAll('[part="dossier"]')];
    expect(items.map((li) => li.querySelector('button')?.textContent)).to.deep.equal([
      B,
      A,
      '000.00.00.H00-261120-0003',
    ]);
    expect(items.map((li) => li.className)).to.deep.equal(['overdue', '', 'overdue']);
    expect(items[0]?.textContent).to.contain('Quá hạn');
    expect(items[1]?.textContent).to.contain('Trong hạn');
    expect(items[2]?.textContent, 'a result ready after its due date').to.contain('Trễ hạn');
    expect(items[1]?.textContent).to.contain('<img src=x onerror=alert(1)>');
    expect(root(el).querySelector('img')).to.equal(null);
    expect(shown(el)).to.contain('Hạn trả: 17:00 03/12/2026');
    for (const target of root(el).querySelectorAll('button, input')) {
      expect((target as HTMLElement).getBoundingClientRect().height).to.be.at.least(44);
    }
  });

  it('requests a supplement with its reasons in one go, and the list of steps follows', async () => {
    const dossiers = DOSSIERS();
    server(dossiers);
    const events: CustomEvent[] = [];
    const el = await fixture<MotcuaDossierDesk>(html`<motcua-dossier-desk></motcua-dossier-desk>`);
    el.addEventListener('motcua-dossier-step', (e) => events.push(e));
    await waitUntil(() => shown(el).includes(A), 'the worklist');
    press(el, A);
    await waitUntil(() => root(el).querySelector('[part="detail"]'), 'the dossier');
    expect(root(el).activeElement?.id, 'focus moves to the dossier').to.equal('detail');
    expect(shown(el)).not.to.contain('Công dân đã bổ sung hồ sơ');
    const offered = () => [...root(el).querySelectorAll<HTMLInputElement>('input[name="step"]')].map((i) => i.value);
    expect(offered()[0], 'the usual next step first').to.equal('processing');
    expect(offered().slice(1)).to.deep.equal(NEXT.received?.filter((s) => s !== 'processing'));
    choose(el, 'supplement-requested');
    await el.updateComplete;
    for (const r of ['incomplete', 'data-unavailable']) {
      (root(el).querySelector(`input[name="reasons"][value="${r}"]`) as HTMLInputElement).click();
    }
    (root(el).querySelector('#reason') as HTMLTextAreaElement).value = 'Thiếu bản sao CCCD';
    await expect(el).to.be.accessible();
    press(el, 'Ghi nhận');
    await waitUntil(() => shown(el).includes('Đã ghi nhận “Yêu cầu bổ sung hồ sơ” cho hồ sơ'), 'recorded');
    expect(posts()).to.have.length(1);
    expect(posts()[0]?.path).to.equal(`/api/dossiers/${A}/steps`);
    expect(posts()[0]?.body).to.deep.equal({
      type: 'supplement-requested',
      reason: 'Thiếu bản sao CCCD',
      reasons: ['incomplete', 'data-unavailable'],
    });
    expect(posts()[0]?.key).to.match(/^[\w-]{16,}$/);
    expect(events.map((e) => e.detail)).to.deep.equal([
      { code: A, type: 'supplement-requested', status: 'supplement-requested' },
    ]);
    expect(shown(el)).to.contain('Không khai thác được thông tin trong cơ sở dữ liệu');
    // Now the completion is offered, and processing is not.
    expect(offered()[0]).to.equal('supplement-completed');
    expect(root(el).querySelector('input[value="processing"]')).to.equal(null);
    press(el, 'Quay lại danh sách');
    await waitUntil(() => root(el).querySelector('[part="dossier"]'), 'the list again');
    expect(root(el).activeElement?.id).to.equal('worklist');
  });

  it('sends an extension with its Vietnam-time date, and again with the same key after no answer came', async () => {
    server(DOSSIERS(), { failures: [0, 400] });
    const el = await fixture<MotcuaDossierDesk>(html`<motcua-dossier-desk lang="en" code=${B}></motcua-dossier-desk>`);
    await waitUntil(() => root(el).querySelector('[part="detail"]'), 'the dossier opened from its code');
    choose(el, 'extended');
    await el.updateComplete;
    (root(el).querySelector('#due') as HTMLInputElement).value = '2026-12-10T16:30';
    (root(el).querySelector('#reason') as HTMLTextAreaElement).value = 'Chờ xác minh';
    press(el, 'Record');
    await waitUntil(() => root(el).querySelector('[part="message"][role="alert"]'), 'no answer');
    expect(shown(el)).to.contain('Could not load');
    press(el, 'Record');
    await waitUntil(() => shown(el).includes('$.dueAt'), 'refused at its field');
    press(el, 'Record');
    await waitUntil(() => shown(el).includes('“Extension (apology and new date)” recorded'), 'recorded');
    const [first, second, third] = posts();
    expect(first?.body).to.deep.equal({ type: 'extended', reason: 'Chờ xác minh', dueAt: '2026-12-10T16:30:00+07:00' });
    expect(second?.key, 'the same key after no answer').to.equal(first?.key);
    expect(third?.key, 'a new key after a refusal').not.to.equal(second?.key);
    await expect(el).to.be.accessible();
  });

  it('finds a dossier by its code with Enter, says when there is none, and says when the dossier has ended', async () => {
    const dossiers = DOSSIERS();
    (dossiers[1] as Dossier).status = 'returned';
    server(dossiers);
    const el = await fixture<MotcuaDossierDesk>(html`<motcua-dossier-desk></motcua-dossier-desk>`);
    await waitUntil(() => shown(el).includes(B), 'the worklist');
    const code = root(el).querySelector('#code') as HTMLInputElement;
    code.value = 'KHONG-CO';
    code.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await waitUntil(() => shown(el).includes('Không tìm thấy hồ sơ KHONG-CO ở cơ quan này.'), 'unknown');
    code.value = ` ${A} `;
    code.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await waitUntil(() => shown(el).includes('Hồ sơ đã kết thúc'), 'ended');
    expect(root(el).querySelector('input[name="step"]')).to.equal(null);
  });

  it('shows only the overdue, the waiting or the ready dossiers when asked, with their counts', async () => {
    const dossiers = DOSSIERS();
    (dossiers[1] as Dossier).status = 'supplement-requested';
    server(dossiers);
    const el = await fixture<MotcuaDossierDesk>(html`<motcua-dossier-desk></motcua-dossier-desk>`);
    await waitUntil(() => shown(el).includes(B), 'the worklist');
    const select = root(el).querySelector('#shown') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent?.trim())).to.deep.equal([
      'Tất cả (3)',
      'Quá hạn (2)',
      'Chờ công dân bổ sung (1)',
      'Có kết quả, chờ trả (1)',
    ]);
    const codes = () => [...root(el).querySelectorAll('[part="dossier"] button')].map((b) => b.textContent);
    for (const [value, expected] of [
      ['late', [B, '000.00.00.H00-261120-0003']],
      ['supplement', [A]],
      ['result', ['000.00.00.H00-261120-0003']],
      ['all', [B, A, '000.00.00.H00-261120-0003']],
    ] as const) {
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(codes(), value).to.deep.equal(expected);
    }
    expect(select.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('reads the list again while it shows, not while a dossier is open', async () => {
    const dossiers = DOSSIERS();
    server(dossiers);
    const el = await fixture<MotcuaDossierDesk>(html`<motcua-dossier-desk poll="0.05"></motcua-dossier-desk>`);
    await waitUntil(() => shown(el).includes(B), 'the worklist');
    dossiers.push({ ...(dossiers[0] as Dossier), code: '000.00.00.H00-261204-0009', name: 'Đăng ký lại khai sinh' });
    await waitUntil(() => shown(el).includes('Đăng ký lại khai sinh'), 'the new dossier, without a reload');
    press(el, B);
    await waitUntil(() => root(el).querySelector('[part="detail"]'), 'the dossier');
    const lists = () => sent.filter((s) => s.path === '/api/dossiers').length;
    const before = lists();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lists(), 'no list reading under an open dossier').to.equal(before);
    el.remove();
  });

  it('asks to sign in without a session, and says so for an account without the officer role', async () => {
    server([], { status: 401 });
    const anonymous = await fixture<MotcuaDossierDesk>(
      html`<motcua-dossier-desk sign-in-href="/dang-nhap.html"></motcua-dossier-desk>`,
    );
    await waitUntil(() => anonymous.shadowRoot?.querySelector('a[href="/dang-nhap.html"]'), 'the sign-in link');
    await expect(anonymous).to.be.accessible();
    server([], { status: 403 });
    const leader = await fixture<MotcuaDossierDesk>(html`<motcua-dossier-desk></motcua-dossier-desk>`);
    await waitUntil(() => shown(leader).includes('không có quyền cán bộ'), 'forbidden');
  });
});
