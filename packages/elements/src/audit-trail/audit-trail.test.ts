import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MotcuaAuditTrail } from './audit-trail.js';
import './audit-trail.js';

const realFetch = globalThis.fetch;
let asked: URL[] = [];

/** `GET /api/audit` as the server answers it: the entries after `after`, `limit` at a time, `next` when there are more. */
function server(all: readonly unknown[], status = 200): void {
  asked = [];
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    asked.push(url);
    if (status !== 200) {
      return new Response(JSON.stringify({ error: { code: 'x', message: { vi: 'x', en: 'x' } } }), { status });
    }
    const after = Number(url.searchParams.get('after') ?? 0);
    const limit = Number(url.searchParams.get('limit'));
    const page = all.filter((e) => Number((e as { id: string }).id) > after).slice(0, limit);
    const last = page.at(-1) as { id: string } | undefined;
    const more = page.length === limit && last ? { next: Number(last.id) } : {};
    return new Response(
      JSON.stringify({ from: url.searchParams.get('from'), to: url.searchParams.get('to'), entries: page, ...more }),
      {
        headers: { 'content-type': 'application/json' },
      },
    );
  }) as typeof fetch;
}

const ENTRIES = [
  {
    id: '1',
    at: '2026-12-04T00:58:07.000Z',
    actor: { kind: 'user', id: 'u1', name: 'Trần Thị Cán Bộ' },
    action: 'session.sign-in',
    address: '192.168.1.20',
  },
  {
    id: '2',
    at: '2026-12-04T01:02:00.000Z',
    actor: { kind: 'user', id: 'u1', name: 'Trần Thị Cán Bộ' },
    action: 'queue.call',
    object: 'ticket:A001',
    counter: '1',
    address: '192.168.1.20',
  },
  {
    id: '3',
    at: '2026-12-04T01:10:00.000Z',
    actor: { kind: 'device', id: 'd7' },
    action: 'queue.tickets-printed',
    object: '<img src=x onerror="globalThis.pwned=1">',
  },
];

const shown = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: Element) =>
  [...(el.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((r) =>
    [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()),
  );

describe('<motcua-audit-trail>', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('shows who did what, when in Vietnam time, where, for the period, with its CSV', async () => {
    server(ENTRIES);
    const el = await fixture<MotcuaAuditTrail>(
      html`<motcua-audit-trail from="2026-12-04" to="2026-12-04"></motcua-audit-trail>`,
    );
    await waitUntil(() => rows(el).length === 3, 'the entries');
    expect(rows(el)).to.deep.equal([
      ['07:58:07 04/12/2026', 'Trần Thị Cán Bộ', 'Đăng nhập', '', '', '192.168.1.20'],
      ['08:02:00 04/12/2026', 'Trần Thị Cán Bộ', 'Gọi số', 'ticket:A001', '1', '192.168.1.20'],
      [
        '08:10:00 04/12/2026',
        'Thiết bị d7',
        'queue.tickets-printed',
        '<img src=x onerror="globalThis.pwned=1">',
        '',
        '',
      ],
    ]);
    expect(el.shadowRoot?.querySelector('tbody img'), 'a hostile object is text').to.equal(null);
    expect(asked[0]?.pathname).to.equal('/api/audit');
    expect(Object.fromEntries(asked[0]?.searchParams ?? [])).to.deep.equal({
      from: '2026-12-04',
      to: '2026-12-04',
      limit: '200',
    });
    const csv = new URL(((el.shadowRoot as ShadowRoot).querySelector('[part="csv"]') as HTMLAnchorElement).href);
    expect(Object.fromEntries(csv.searchParams)).to.deep.equal({ from: '2026-12-04', to: '2026-12-04', format: 'csv' });
    expect(shown(el)).to.contain('3 thao tác');
    for (const target of el.shadowRoot?.querySelectorAll('button, input, a') ?? []) {
      expect((target as HTMLElement).getBoundingClientRect().height).to.be.at.least(44);
    }
    await expect(el).to.be.accessible();
  });

  it('loads another period, in either order, and the next page on "Xem tiếp"', async () => {
    server(ENTRIES);
    const el = await fixture<MotcuaAuditTrail>(
      html`<motcua-audit-trail lang="en" limit="2" from="2026-12-04" to="2026-12-04"></motcua-audit-trail>`,
    );
    await waitUntil(() => rows(el).length === 2, 'the first page');
    ((el.shadowRoot as ShadowRoot).querySelector('[part="more"]') as HTMLButtonElement).click();
    await waitUntil(() => rows(el).length === 3, 'the next page');
    expect(asked[1]?.searchParams.get('after')).to.equal('2');
    expect(el.shadowRoot?.querySelector('[part="more"]')).to.equal(null);
    expect(rows(el)[0]?.[2]).to.equal('Signed in');

    const from = el.shadowRoot?.querySelector('input[name="from"]') as HTMLInputElement;
    from.value = '2026-12-06';
    from.dispatchEvent(new Event('change'));
    [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Show')?.click();
    await waitUntil(() => asked.length === 3, 'the new period');
    expect(Object.fromEntries(asked[2]?.searchParams ?? [])).to.deep.include({ from: '2026-12-04', to: '2026-12-06' });
    await expect(el).to.be.accessible();
  });

  it('asks to sign in without a session, and says so for an account that is not an admin', async () => {
    server([], 401);
    const anonymous = await fixture<MotcuaAuditTrail>(
      html`<motcua-audit-trail sign-in-href="/dang-nhap.html"></motcua-audit-trail>`,
    );
    await waitUntil(() => anonymous.shadowRoot?.querySelector('a[href="/dang-nhap.html"]'), 'the sign-in link');
    await expect(anonymous).to.be.accessible();
    server([], 403);
    const officer = await fixture<MotcuaAuditTrail>(html`<motcua-audit-trail></motcua-audit-trail>`);
    await waitUntil(() => shown(officer).includes('không phải quản trị viên'), 'forbidden');
    server([], 500);
    const broken = await fixture<MotcuaAuditTrail>(html`<motcua-audit-trail></motcua-audit-trail>`);
    await waitUntil(() => shown(broken).includes('Không tải được nhật ký'), 'failed');
    expect(broken.shadowRoot?.querySelector('[role="alert"]')).to.not.equal(null);
  });
});
