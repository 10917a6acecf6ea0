import { type Catalogue, catalogueToHtml, type Procedure } from '@motcua/core/catalogue';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetConfig } from '../internal/configure.js';
import type { MotcuaProcedureList, ProcedureSelectDetail } from './procedure-list.js';
import './procedure-list.js';
import { browserCommand, sendKeys } from '../internal/browser-commands.test-support.js';
import { clearHash, hashChanged, items, shadow, text } from './procedure-list.test-support.js';

const HOSTILE = '<img src=x onerror="globalThis.pwned = true">';

const khaiSinh: Procedure = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  levels: [{ level: 'commune' }],
  agency: 'Ủy ban nhân dân cấp xã',
  channels: [{ kind: 'in-person' }, { kind: 'online', fees: [] }],
  statutoryTime: { value: 0, unit: 'immediate', cutoff: '15:00' },
  flags: { immediate: true, nationwide: true },
  onlineService: {
    level: 'full',
    url: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193',
  },
  feeNote: 'Miễn lệ phí khi đăng ký đúng hạn',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1, template: 'https://example.gov.vn/to-khai.docx' },
    { name: 'Giấy chứng sinh', form: 'original' },
    { name: 'Văn bản ủy quyền', required: false, note: 'trường hợp ủy quyền' },
  ],
  steps: ['Nộp hồ sơ tại Bộ phận Một cửa', 'Nhận kết quả'],
  legalBasis: [{ instrument: 'Luật Hộ tịch 2014 (60/2014/QH13)', articles: '16', url: 'https://vanban.chinhphu.vn/' }],
};

const chungThuc: Procedure = {
  code: '2.000815',
  localSuffix: '000.00.00.H61',
  name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
  field: 'Chứng thực',
  levels: [{ level: 'commune' }],
  agency: 'Ủy ban nhân dân cấp xã',
  channels: [{ kind: 'in-person' }],
  statutoryTime: { value: 0, unit: 'same-day', cutoff: '15:00' },
  conditionalTimes: [
    { when: 'Yêu cầu chứng thực nhiều bản', limit: { value: 2, unit: 'working-days' }, mode: 'instead' },
  ],
  fees: [{ kind: 'charge', per: 'page', amount: 2000, tiers: [{ from: 3, amount: 1000 }], maxPerCopy: 200000 }],
};

const hostile: Procedure = {
  code: '1.000894',
  name: `Đăng ký kết hôn ${HOSTILE}`,
  field: `Hộ tịch`,
  levels: [{ level: 'commune' }],
  agency: `UBND xã ${HOSTILE}`,
  channels: [{ kind: 'in-person', description: HOSTILE }],
  statutoryTime: { value: 5, unit: 'working-days' },
  reducedTime: { value: 3, unit: 'working-days' },
  fees: [],
  note: HOSTILE,
};

const catalogue: Catalogue = {
  formatVersion: 1,
  version: '2026-11-test',
  agency: { name: 'UBND xã Thử nghiệm', province: 'Vĩnh Long' },
  procedures: [khaiSinh, chungThuc, hostile],
};

/** A catalogue of `n` procedures, for pagination. */
function many(n: number): Catalogue {
  const procedures = Array.from(
    { length: n },
    (_, i): Procedure => ({
      ...chungThuc,
      code: `2.${String(100000 + i).padStart(6, '0')}`,
      name: `Thủ tục số ${i + 1}`,
    }),
  );
  return { ...catalogue, procedures };
}

const realFetch = globalThis.fetch;
let requested: string[] = [];
function serve(body: unknown, status = 200): void {
  requested = [];
  globalThis.fetch = async (input: RequestInfo | URL) => {
    requested.push(String(input));
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
}

/** A system colour as the browser resolves it, e.g. `Highlight` → `rgb(…)`. */
function systemColour(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

const names = (el: MotcuaProcedureList) => items(el).map((a) => text(a.querySelector('.name')));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function load(source: Catalogue = catalogue, attributes = ''): Promise<MotcuaProcedureList> {
  serve(source);
  const wrapper = await fixture<HTMLDivElement>(
    `<div><motcua-procedure-list src="/api/catalogue" ${attributes}></motcua-procedure-list></div>`,
  );
  const el = wrapper.querySelector('motcua-procedure-list') as MotcuaProcedureList;
  await el.updateComplete;
  return el;
}

async function type(el: MotcuaProcedureList, value: string): Promise<void> {
  const input = shadow(el).querySelector('input[type="search"]') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function choose(el: MotcuaProcedureList, id: string, value: string): Promise<void> {
  const select = shadow(el).querySelector(`select#${id}`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('<motcua-procedure-list>', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
    document.documentElement.removeAttribute('lang');
    clearHash();
    resetConfig();
  });

  it('loads a catalogue from src, lists it and says how many there are', async () => {
    const el = await load();
    expect(requested).to.deep.equal([new URL('/api/catalogue', document.baseURI).href]);
    expect(names(el)).to.deep.equal([khaiSinh.name, chungThuc.name, hostile.name]);
    expect(text(shadow(el).querySelector('[part="count"]'))).to.equal('Có 3 thủ tục.');
    expect(items(el)[0]?.getAttribute('href')).to.equal('#tthc-1-001193');
    expect(text(items(el)[0])).to.contain('Giải quyết ngay');
    await expect(el).to.be.accessible();
  });

  it("says the office's no-appointment day on the procedures it covers, in the page's language", async () => {
    const note = {
      vi: 'Thứ Tư không hẹn: giải quyết ngay trong ngày',
      en: 'Wednesday, no appointment: resolved the same day',
    };
    const served: Catalogue = {
      ...catalogue,
      noAppointment: { weekdays: [3], procedures: [chungThuc.code], note },
    };
    const el = await load(served);
    const item = (name: string) => items(el).find((a) => text(a).includes(name));
    expect(text(item(chungThuc.name))).to.contain(note.vi);
    expect(text(item(khaiSinh.name))).to.not.contain('không hẹn');
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await el.updateComplete;
    expect(text(item(chungThuc.name))).to.contain(note.en);
    // The procedure's own page says it too.
    const opened = hashChanged();
    item(chungThuc.name)?.click();
    await opened;
    await el.updateComplete;
    await waitUntil(() => shadow(el).querySelector('[part="detail"]'));
    expect(text(shadow(el).querySelector('[part="detail"]'))).to.contain(note.en);
    // Without the rule (switched off), no note.
    const plain = await load(catalogue);
    expect(items(plain).some((a) => text(a).includes('không hẹn'))).to.equal(false);
  });

  it('shows a loading state, then accepts a catalogue given as a property', async () => {
    const el = await fixture<MotcuaProcedureList>(html`<motcua-procedure-list></motcua-procedure-list>`);
    el.catalogue = catalogue;
    await el.updateComplete.then(
      () => undefined,
      () => undefined,
    );
    expect(names(el)).to.have.length(3);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    globalThis.fetch = async () => {
      await held;
      return new Response(JSON.stringify(catalogue));
    };
    el.src = '/other.json';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(text(shadow(el).querySelector('[role="status"]'))).to.contain('Đang tải');
    await expect(el).to.be.accessible();
    release();
    await el.updateComplete;
    expect(names(el)).to.have.length(3);
  });

  it('shows a malformed catalogue as an error with the problem paths, and keeps the fallback content', async () => {
    const errors: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      serve({
        ...catalogue,
        procedures: [
          { ...khaiSinh, code: 'abc' },
          { ...chungThuc, fees: [{ amount: -1 }] },
        ],
      });
      const el = await fixture<MotcuaProcedureList>(
        html`<motcua-procedure-list src="/api/catalogue"><p id="fallback">Danh mục tĩnh</p></motcua-procedure-list>`,
      );
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role="alert"]');
      expect(text(alert)).to.contain('có lỗi');
      expect(text(alert)).to.contain('$.procedures[0].code');
      expect(String(errors[0]?.[0])).to.contain('$.procedures[0].code');
      expect(String(errors[0]?.[0])).to.contain('$.procedures[1].fees[0]');
      const slot = shadow(el).querySelector('slot') as HTMLSlotElement;
      expect(slot.assignedElements()[0]?.id).to.equal('fallback');
      await expect(el).to.be.accessible();
    } finally {
      console.error = consoleError;
    }
  });

  it("takes core's catalogueToHtml as its fallback: hidden while the list shows, read when the catalogue cannot load", async () => {
    const consoleError = console.error;
    console.error = () => undefined;
    try {
      serve(catalogue);
      // What a page's build step or server writes inside the element (see the element's documentation).
      const wrapper = await fixture<HTMLDivElement>(
        `<div><motcua-procedure-list src="/api/catalogue">${catalogueToHtml(catalogue)}</motcua-procedure-list></div>`,
      );
      const el = wrapper.querySelector('motcua-procedure-list') as MotcuaProcedureList;
      await el.updateComplete;
      const fallback = el.querySelector('section.motcua-catalogue') as HTMLElement;
      expect(fallback.querySelectorAll('article')).to.have.length(3);
      expect(el.querySelector('img'), 'hostile strings stay text in the fallback too').to.equal(null);
      expect(items(el)).to.have.length(3);
      expect(fallback.checkVisibility(), 'the list replaces the fallback').to.equal(false);

      serve({ error: 'no' }, 503);
      el.src = '/api/catalogue?again';
      await el.updateComplete;
      expect(text(shadow(el).querySelector('[role="alert"]')))
        .to.contain('Không tải được danh mục')
        .and.not.contain('HTTP');
      expect(fallback.checkVisibility(), 'the fallback is read instead').to.equal(true);
      expect(text(fallback)).to.contain('Đăng ký khai sinh').and.contain(HOSTILE);
      await expect(el).to.be.accessible();
    } finally {
      console.error = consoleError;
    }
  });

  it('checks a large catalogue part by part and still finds every problem with its path', async () => {
    const consoleError = console.error;
    console.error = () => undefined;
    try {
      const procedures = [...many(450).procedures];
      procedures[430] = { ...(procedures[430] as Procedure), statutoryTime: { value: 2, unit: 'weeks' } } as never;
      procedures[300] = { ...(procedures[300] as Procedure), code: procedures[5]?.code as string };
      const el = await load({ ...catalogue, procedures });
      const problems = [...shadow(el).querySelectorAll('[part="error"] li code')].map((c) => text(c));
      expect(problems).to.deep.equal(['$.procedures[300].code', '$.procedures[430].statutoryTime.unit']);
      expect(text(shadow(el).querySelector('[part="error"]'))).to.contain('($.procedures[5])');
    } finally {
      console.error = consoleError;
    }
  });

  it('says so when the catalogue cannot be downloaded', async () => {
    const consoleError = console.error;
    console.error = () => undefined;
    try {
      serve({ error: 'no' }, 503);
      const el = await fixture<MotcuaProcedureList>(html`<motcua-procedure-list src="x.json"></motcua-procedure-list>`);
      await el.updateComplete;
      expect(text(shadow(el).querySelector('[role="alert"]')))
        .to.contain('Không tải được danh mục')
        .and.not.contain('HTTP');
      await expect(el).to.be.accessible();
    } finally {
      console.error = consoleError;
    }
  });

  it('searches without diacritics, announces the count once typing pauses, and says when nothing matches', async () => {
    const el = await load();
    await type(el, 'dang ky khai sinh');
    expect(names(el)[0]).to.equal(khaiSinh.name);
    const count = shadow(el).querySelector('[part="count"]') as HTMLElement;
    expect(count.getAttribute('aria-live')).to.equal('polite');
    await wait(500);
    await el.updateComplete;
    expect(text(count)).to.equal('Tìm thấy 1 thủ tục.');
    await type(el, '2.000815');
    expect(names(el)).to.deep.equal([chungThuc.name]);
    await type(el, 'xyz không có');
    expect(items(el)).to.have.length(0);
    expect(text(shadow(el))).to.contain('Không tìm thấy thủ tục phù hợp');
    await expect(el).to.be.accessible();
  });

  it('forgives typos and abbreviations, below every exact hit, with an abbreviation table the page may replace', async () => {
    const el = await load();
    await type(el, 'khai snh');
    expect(names(el)).to.deep.equal([khaiSinh.name]);
    await type(el, 'dang ki ket hon');
    expect(names(el)).to.deep.equal([hostile.name]);
    await type(el, 'ks');
    expect(names(el)).to.deep.equal([khaiSinh.name]);
    // "dang ky k": both names have it; the exact hits only, in catalogue order.
    await type(el, 'dang ky k');
    expect(names(el)).to.deep.equal([khaiSinh.name, hostile.name]);
    el.abbreviations = { ct: 'chứng thực' };
    await el.updateComplete;
    expect(names(el)).to.deep.equal([khaiSinh.name, hostile.name]);
    await type(el, 'ct ban sao');
    expect(names(el)).to.deep.equal([chungThuc.name]);
    await type(el, 'ks');
    expect(items(el)).to.have.length(0);
    expect(el.results).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('filters by field, online service and "giải quyết ngay"', async () => {
    const el = await load();
    const options = [...shadow(el).querySelectorAll('select#field option')].map((o) => text(o));
    expect(options).to.deep.equal(['Tất cả lĩnh vực', 'Chứng thực', 'Hộ tịch']);
    await choose(el, 'field', 'Chứng thực');
    expect(names(el)).to.deep.equal([chungThuc.name]);
    await choose(el, 'field', '');
    await choose(el, 'online', 'full');
    expect(names(el)).to.deep.equal([khaiSinh.name]);
    await choose(el, 'online', '');
    const immediate = shadow(el).querySelector('input[type="checkbox"]') as HTMLInputElement;
    immediate.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal([khaiSinh.name]);
    await expect(el).to.be.accessible();
  });

  it('opens a detail view with documents, time limits and fees per channel, legal basis, the online link and a QR code', async () => {
    const el = await load();
    const selected: ProcedureSelectDetail[] = [];
    el.addEventListener('motcua-select', (event) => selected.push(event.detail));
    const opened = hashChanged();
    items(el)[0]?.click();
    await opened;
    await el.updateComplete;
    expect(selected.map((s) => s.code)).to.deep.equal(['1.001193']);
    const detail = shadow(el).querySelector('[part="detail"]') as HTMLElement;
    expect(location.hash).to.equal('#tthc-1-001193');
    expect(shadow(el).activeElement?.id).to.equal('detail-heading');
    expect(text(detail)).to.contain('Tờ khai đăng ký khai sinh (bản chính, 1 bản)');
    expect(text(detail)).to.contain('Văn bản ủy quyền (nếu có): trường hợp ủy quyền');
    const rows = [...detail.querySelectorAll('tbody tr')].map((row) => text(row));
    expect(rows[0]).to.contain('Trực tiếp').and.contain('Giải quyết ngay').and.contain('Miễn lệ phí');
    expect(rows[1]).to.contain('Trực tuyến').and.contain('Không thu phí, lệ phí');
    expect(text(detail)).to.contain('Luật Hộ tịch 2014 (60/2014/QH13), điều 16');
    expect(text(detail)).to.contain('Tiếp nhận không phụ thuộc địa giới hành chính trên toàn quốc');
    expect(detail.querySelector('[part="file-online"]')?.getAttribute('href')).to.equal(khaiSinh.onlineService?.url);
    const qr = detail.querySelector('svg[part="qr"]');
    expect(qr?.getAttribute('aria-label')).to.contain('Đăng ký khai sinh');
    expect(qr?.querySelector('path')?.getAttribute('d')).to.match(/^M\d+ \d+h\d+v1h-\d+z/);
    await expect(el).to.be.accessible();

    const closed = hashChanged();
    (shadow(el).querySelector('[part="back"]') as HTMLButtonElement).click();
    await closed;
    await el.updateComplete;
    expect(location.hash).to.equal('');
    expect(shadow(el).querySelector('[part="detail"]')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(items(el)[0]);
  });

  it('names unconfirmed facts in words, offers only the levels the catalogue has, and spaces its separators', async () => {
    const unsure: Catalogue = {
      ...catalogue,
      procedures: catalogue.procedures.map((p) =>
        p.code === chungThuc.code ? { ...p, unconfirmed: ['statutoryTime', 'legalBasis'] } : p,
      ),
    };
    history.pushState(null, '', '#tthc-2-000815');
    try {
      const el = await load(unsure);
      const detail = text(shadow(el).querySelector('[part="detail"]'));
      expect(detail).to.contain('Thông tin cần xác nhận lại tại Bộ phận Một cửa: thời hạn giải quyết, căn cứ pháp lý.');
      expect(detail).not.to.contain('statutoryTime');
    } finally {
      clearHash();
    }
    const list = await load(catalogue);
    expect(shadow(list).querySelector('#level'), 'a commune catalogue has no level filter').to.equal(null);
    const meta = shadow(list).querySelector('[part="item"] .meta')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(meta).to.match(/ · /);
    expect(meta).not.to.match(/\S·/);
    await expect(list).to.be.accessible();
    const mixed = await load({
      ...catalogue,
      procedures: catalogue.procedures.map((p) =>
        p.code === chungThuc.code ? { ...p, levels: [{ level: 'province' }] } : p,
      ),
    });
    const levelOptions = [...shadow(mixed).querySelectorAll('select#level option')].map((o) => o.getAttribute('value'));
    expect(levelOptions).to.deep.equal(['', 'commune', 'province']);
    await choose(mixed, 'level', 'province');
    expect(names(mixed)).to.deep.equal([chungThuc.name]);
  });

  it('opens the procedure named by the URL hash and follows the back button', async () => {
    history.pushState(null, '', '#tthc-2-000815');
    const selected: string[] = [];
    serve(catalogue);
    const wrapper = await fixture<HTMLDivElement>(html`<div
      @motcua-select=${(e: CustomEvent<ProcedureSelectDetail>) => selected.push(e.detail.code)}
    ><motcua-procedure-list src="/api/catalogue"></motcua-procedure-list></div>`);
    const el = wrapper.querySelector('motcua-procedure-list') as MotcuaProcedureList;
    await el.updateComplete;
    const heading = shadow(el).querySelector('#detail-heading');
    expect(text(heading)).to.equal(chungThuc.name);
    expect(selected).to.deep.equal(['2.000815.000.00.00.H61']); // linked by the national code alone
    expect(text(shadow(el).querySelector('[part="detail"]'))).to.contain(
      '2.000 đ/trang; từ trang thứ 3: 1.000 đ/trang',
    );
    expect(text(shadow(el).querySelector('[part="detail"]'))).to.contain(
      'Yêu cầu chứng thực nhiều bản: 2 ngày làm việc',
    );
    await expect(el).to.be.accessible();
    const back = hashChanged();
    history.back();
    await back;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="detail"]')).to.equal(null);
    expect(names(el)).to.have.length(3);
  });

  it('lets the page take over a choice, and can leave the URL alone', async () => {
    const el = await load(catalogue, 'no-deep-links');
    el.addEventListener('motcua-select', (event) => event.preventDefault(), { once: true });
    items(el)[1]?.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="detail"]')).to.equal(null);
    items(el)[1]?.click();
    await el.updateComplete;
    expect(location.hash).to.equal('');
    expect(text(shadow(el).querySelector('#detail-heading'))).to.equal(chungThuc.name);
    (shadow(el).querySelector('#detail-heading') as HTMLElement).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await el.updateComplete;
    expect(names(el)).to.have.length(3);
  });

  it('pages through long lists and moves the focus to the first new procedure', async () => {
    const el = await load(many(45), 'page-size="20"');
    expect(items(el)).to.have.length(20);
    const more = shadow(el).querySelector('[part="more"]') as HTMLButtonElement;
    expect(text(more)).to.equal('Xem thêm 20 thủ tục');
    more.click();
    await el.updateComplete;
    expect(items(el)).to.have.length(40);
    expect(shadow(el).activeElement).to.equal(items(el)[20]);
    expect(text(shadow(el).querySelector('[part="more"]'))).to.equal('Xem thêm 5 thủ tục');
    await type(el, 'thu tuc so 4');
    expect(names(el).slice(0, 1)).to.deep.equal(['Thủ tục số 4']);
    await expect(el).to.be.accessible();
  });

  it('ranks only the pages of search results shown, counts every hit, and shows more of the same ranking', async () => {
    const el = await load(many(45), 'page-size="5"');
    await type(el, 'so 1');
    const ranking = el.results.map((p) => p.name);
    expect(ranking).to.have.length(11); // Thủ tục số 1, 10–19
    expect(ranking[0]).to.equal('Thủ tục số 1');
    expect(names(el)).to.deep.equal(ranking.slice(0, 5));
    expect(text(shadow(el).querySelector('.more span'))).to.equal('Đang hiện 5 trên 11 thủ tục.');
    const more = () => shadow(el).querySelector<HTMLButtonElement>('[part="more"]');
    more()?.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(ranking.slice(0, 10));
    expect(text(more())).to.equal('Xem thêm 1 thủ tục');
    more()?.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(ranking);
    expect(more()).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('links to a procedure with the procedure and nothing of the page query (no PIN, no rating token)', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?t=r1.secret&ma-ho-so=X&pin=123456#top`);
    try {
      const el = await load(catalogue);
      const link = new URL(el.linkOf(khaiSinh));
      expect(link.search).to.equal('');
      expect(link.hash).to.equal('#tthc-1-001193');
      expect(link.pathname).to.equal(location.pathname);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('prints only the noticeboard listing, with a QR code per procedure, from a hidden frame', async () => {
    const el = await load(catalogue, 'link-base="https://xa.example.gov.vn/thu-tuc"');
    let printed: Document | undefined;
    el.printer = (view) => {
      printed = view.document;
    };
    await type(el, 'ho tich');
    await el.print();
    const doc = printed as Document;
    expect(doc.documentElement.lang).to.equal('vi');
    expect(text(doc.querySelector('h1'))).to.equal('Danh mục thủ tục hành chính — UBND xã Thử nghiệm');
    const rows = [...doc.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(2);
    expect(text(rows[0])).to.contain('1.001193').and.contain('Đăng ký khai sinh (Hộ tịch)');
    expect(rows[1]?.querySelector('img')).to.equal(null);
    expect(text(rows[1])).to.contain(HOSTILE);
    expect(doc.querySelectorAll('td.qr svg path')).to.have.length(2);
    expect(doc.querySelector('svg')?.getAttribute('aria-label')).to.contain('Đăng ký khai sinh');
    expect(el.linkOf(khaiSinh)).to.equal('https://xa.example.gov.vn/thu-tuc#tthc-1-001193');
    expect(doc.body.textContent).not.to.contain('Tìm thủ tục');
    const frames = document.querySelectorAll('iframe');
    expect(frames).to.have.length(1);
    el.remove();
    expect(document.querySelectorAll('iframe')).to.have.length(0);
  });

  it('speaks English when asked, by its own lang or the page', async () => {
    const el = await load(catalogue, 'lang="en"');
    expect(text(shadow(el).querySelector('label[for="q"]'))).to.equal('Search procedures');
    expect(text(shadow(el).querySelector('[part="count"]'))).to.equal('3 procedures.');
    expect(text(items(el)[1])).to.contain('Same day');
    el.lang = '';
    document.documentElement.lang = 'en';
    await wait(0);
    await el.updateComplete;
    expect(text(shadow(el).querySelector('[part="print"]'))).to.equal('Print the noticeboard listing');
    document.documentElement.lang = 'vi';
    await wait(0);
    await el.updateComplete;
    expect(text(shadow(el).querySelector('[part="print"]'))).to.equal('In danh mục niêm yết');
    el.strings = { vi: { print: 'In bảng niêm yết' } };
    await el.updateComplete;
    expect(text(shadow(el).querySelector('[part="print"]'))).to.equal('In bảng niêm yết');
    await expect(el).to.be.accessible();
  });

  it('keeps focus, the chosen filter, buttons and the QR code visible in forced-colours mode', async () => {
    await browserCommand('emulate-forced-colors', { value: 'active' });
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const el = await load(catalogue, 'style="--motcua-color-focus: #fafafa"');
      // Focus by keyboard: a ring in the system's Highlight colour, whatever the theme set.
      await sendKeys({ press: 'Shift' });
      const link = items(el)[0] as HTMLAnchorElement;
      link.focus();
      expect(link.matches(':focus-visible')).to.equal(true);
      const ring = getComputedStyle(link);
      expect(ring.outlineStyle).to.equal('solid');
      expect(Number.parseFloat(ring.outlineWidth)).to.be.at.least(2);
      expect(ring.outlineColor).to.equal(systemColour('Highlight'));
      // The chosen "giải quyết ngay" filter: a native checkbox the system paints in its own colours.
      const immediate = shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]') as HTMLInputElement;
      immediate.click();
      await el.updateComplete;
      expect(immediate.checked).to.equal(true);
      expect(getComputedStyle(immediate).forcedColorAdjust).to.equal('auto');
      expect(names(el)).to.deep.equal(['Đăng ký khai sinh']);
      // Buttons keep a border in a system colour, so they do not melt into the page.
      const print = getComputedStyle(shadow(el).querySelector('[part="print"]') as HTMLElement);
      expect(print.borderTopStyle).to.equal('solid');
      expect(Number.parseFloat(print.borderTopWidth)).to.be.at.least(1);
      expect(print.borderTopColor).to.not.equal(print.backgroundColor);
      // The QR code stays dark on light, so that it still scans.
      const opened = hashChanged();
      items(el)[0]?.click();
      await opened;
      await el.updateComplete;
      const qr = shadow(el).querySelector('svg[part="qr"]') as SVGElement;
      expect(getComputedStyle(qr).forcedColorAdjust).to.equal('none');
      expect(qr.querySelector('path')?.getAttribute('fill')).to.equal('#000');
      await expect(el).to.be.accessible();
    } finally {
      await browserCommand('emulate-forced-colors', { value: 'none' });
    }
  });

  it('takes its colours from custom properties', async () => {
    const el = await load();
    el.style.setProperty('--motcua-color-primary', 'rgb(10, 20, 30)');
    const name = items(el)[0]?.querySelector('.name') as HTMLElement;
    expect(getComputedStyle(name).color).to.equal('rgb(10, 20, 30)');
    el.style.setProperty('--motcua-procedure-list-accent', 'rgb(0, 90, 40)');
    expect(getComputedStyle(name).color).to.equal('rgb(0, 90, 40)');
    document.documentElement.style.fontSize = '10px'; // old CMS themes shrink rem; the element does not follow
    expect(getComputedStyle(el).fontSize).to.equal('16px');
    document.documentElement.style.fontSize = '';
    await expect(el).to.be.accessible();
  });

  it('renders hostile catalogue strings as text', async () => {
    const el = await load();
    await type(el, 'ket hon');
    expect(names(el)).to.deep.equal([hostile.name]);
    expect(shadow(el).querySelector('img')).to.equal(null);
    const opened = hashChanged();
    items(el)[0]?.click();
    await opened;
    await el.updateComplete;
    const detail = shadow(el).querySelector('[part="detail"]') as HTMLElement;
    expect(detail.querySelector('img')).to.equal(null);
    expect(text(detail)).to.contain(HOSTILE);
    expect((globalThis as { pwned?: boolean }).pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows the sample catalogue of examples/data (read from the test server, not the network)', async () => {
    const sample = (await (await realFetch('/examples/data/catalogue.json')).json()) as Catalogue;
    const el = await fixture<MotcuaProcedureList>(
      html`<motcua-procedure-list .catalogue=${sample}></motcua-procedure-list>`,
    );
    await el.updateComplete;
    expect(names(el)).to.have.length(20);
    expect(text(shadow(el).querySelector('[part="count"]'))).to.equal(`Có ${sample.procedures.length} thủ tục.`);
    await type(el, 'chung thuc ban sao');
    expect(names(el)[0]).to.match(/^Chứng thực bản sao/);
    await expect(el).to.be.accessible();
  });

  it('puts the catalogue into the page as schema.org JSON-LD on request', async () => {
    const el = await load(catalogue, 'json-ld');
    const script = document.head.querySelector('script[type="application/ld+json"][data-motcua="procedure-list"]');
    const services = JSON.parse(script?.textContent ?? '[]') as { '@type': string; identifier: string }[];
    expect(services.map((s) => s.identifier)).to.deep.equal(['1.001193', '2.000815.000.00.00.H61', '1.000894']);
    expect(services[0]?.['@type']).to.equal('GovernmentService');
    expect(script?.textContent).not.to.contain('<img');
    el.remove();
    expect(document.head.querySelector('script[data-motcua="procedure-list"]')).to.equal(null);
  });
});
