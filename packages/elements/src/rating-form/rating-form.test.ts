import {
  BUILT_IN_INSTRUMENTS,
  createRatingToken,
  defineInstrument,
  type Instrument,
  type InstrumentKind,
} from '@motcua/core/satisfaction';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { forgetAddressSecrets } from '../internal/address-secrets.js';
import { openBrowserStore } from '../internal/browser-store/browser-store.js';
import { configure, resetConfig } from '../internal/configure.js';
import { PAIRED_DEVICE_KEY } from '../internal/paired-device.js';
import { createOutbox, OUTBOX_STORAGE_KEY, OUTBOX_WAITING_KEY, type QueuedRating, queuedRatings } from './outbox.js';
import type { MotcuaRatingForm, RatingEventDetail, RatingFailedDetail } from './rating-form.js';
import './rating-form.js';
import { sendKeys } from '../internal/browser-commands.test-support.js';

// ---- helpers -------------------------------------------------------------------------------------------------

interface Call {
  readonly url: string;
  readonly key: string | null;
  readonly contentType: string | null;
  readonly method: string | undefined;
  readonly body: Record<string, unknown>;
  readonly authorization: string | null;
  readonly counter: string | null;
}

const realFetch = globalThis.fetch;
let calls: Call[] = [];

/** Replaces fetch with a handler; every request is recorded. */
function stubFetch(handler: (call: Call, init: RequestInit) => Promise<Response> | Response): void {
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const call: Call = {
      url: String(input),
      key: headers.get('Idempotency-Key'),
      contentType: headers.get('Content-Type'),
      method: init.method,
      body: JSON.parse(String(init.body)) as Record<string, unknown>,
      authorization: headers.get('Authorization'),
      counter: headers.get('Motcua-Counter'),
    };
    calls.push(call);
    return handler(call, init);
  }) as typeof fetch;
}

const json = (status: number, body: unknown = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

const shadow = (el: MotcuaRatingForm) => el.shadowRoot as ShadowRoot;
const text = (el: MotcuaRatingForm) => shadow(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
const radios = (el: MotcuaRatingForm, name: string) => [
  ...shadow(el).querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${name}"]`),
];
const radio = (el: MotcuaRatingForm, name: string, value: number) =>
  radios(el, name).find((r) => r.value === String(value)) as HTMLInputElement;
const reason = (el: MotcuaRatingForm) => shadow(el).querySelector<HTMLTextAreaElement>('textarea[name="reason"]');
const submitButton = (el: MotcuaRatingForm) => shadow(el).querySelector<HTMLButtonElement>('[part="submit"]');

async function choose(el: MotcuaRatingForm, name: string, value: number): Promise<void> {
  radio(el, name, value).click();
  await el.updateComplete;
}

async function typeInto(el: MotcuaRatingForm, area: HTMLTextAreaElement, value: string): Promise<void> {
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function submit(el: MotcuaRatingForm): Promise<void> {
  submitButton(el)?.click();
  await el.updateComplete;
}

/** Waits until a condition holds (the form settles asynchronously after fetch). */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const statusOf = (el: MotcuaRatingForm) =>
  shadow(el).querySelector('[part="message"]')?.getAttribute('data-status') ?? 'form';

/** A rating token as the server signs it (the form reads its id, never checks the signature). */
const TOKEN_ID = 'receipt-0001-token';
let TOKEN = '';
const rated = (token = TOKEN) =>
  fixture<MotcuaRatingForm>(html`<motcua-rating-form token=${token} .retryDelays=${[]}></motcua-rating-form>`);

// ---- tests ---------------------------------------------------------------------------------------------------

/** The outbox's IndexedDB store, as the form opens it. */
const outboxStore = openBrowserStore<QueuedRating>('rating-outbox');
async function emptyOutbox(): Promise<void> {
  await outboxStore.clear();
  localStorage.removeItem(OUTBOX_STORAGE_KEY);
  localStorage.removeItem(OUTBOX_WAITING_KEY);
}

describe('<motcua-rating-form>', () => {
  before(async () => {
    TOKEN = await createRatingToken({ dossier: '000.00.00.H00-261122-0001' }, 'a signing key of at least 32 bytes!!', {
      now: Date.now(),
      tokenId: TOKEN_ID,
    });
  });

  beforeEach(async () => {
    calls = [];
    await emptyOutbox();
    stubFetch(() => json(201, { ok: true }));
  });

  afterEach(async () => {
    globalThis.fetch = realFetch;
    await emptyOutbox();
    document.documentElement.removeAttribute('lang');
    resetConfig();
    forgetAddressSecrets();
  });

  // First in the file: the sending code is fetched once per page, so only the first tests see a page without it.
  describe('loading in parts', () => {
    const fetched = () =>
      performance.getEntriesByType('resource').some((entry) => entry.name.includes('/rating-form/submission.'));

    it('paints the 3-level rating without the sending code, then sends a rating given right after load', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><motcua-rating-form form-associated name="danh-gia"></motcua-rating-form></form>`,
      );
      const inForm = form.querySelector('motcua-rating-form') as MotcuaRatingForm;
      await inForm.updateComplete;
      expect(radios(inForm, 'overall')).to.have.length(3);
      expect(inForm.validity.valueMissing, 'a host form knows it is incomplete before any code arrives').to.equal(true);
      expect(inForm.validationMessage).to.equal('Vui lòng chọn một mức.');
      expect(fetched(), 'nothing but the form before any interaction').to.equal(false);

      const el = await rated();
      expect(fetched()).to.equal(false);
      // Focus shows at once, on the radio button itself, before the option's own ring arrives with the sending code.
      const focused = radio(el, 'overall', 3);
      focused.focus();
      expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
      expect(Number.parseFloat(getComputedStyle(focused).outlineWidth)).to.be.at.least(2);
      // The first tap and the send follow at once: the send waits for the code the tap started to fetch.
      radio(el, 'overall', 3).click();
      submitButton(el)?.click();
      await until(() => statusOf(el) === 'sent', 'sent');
      expect(fetched()).to.equal(true);
      expect(calls).to.have.length(1);
      expect(calls[0]?.body).to.deep.equal({
        token: TOKEN,
        instrument: { id: 'vn-one-stop-rating', version: '1' },
        answers: { overall: 3 },
      });
      expect(calls[0]?.key).to.equal(TOKEN_ID);
      await expect(el).to.be.accessible();
    });

    it('fetches the sending code on the first touch, and keeps a rating when the network drops after it', async () => {
      stubFetch(offline);
      const el = await rated();
      radio(el, 'overall', 2).dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(fetched()).to.equal(true);
      await choose(el, 'overall', 2);
      await submit(el);
      await until(() => statusOf(el) === 'queued', 'queued');
      const queued = await queuedRatings();
      expect(queued).to.have.length(1);
      expect(queued[0]?.body.answers).to.deep.equal({ overall: 2 });
    });

    it('renders another instrument once its texts arrive, and follows a change of instrument', async () => {
      const el = await rated();
      el.instrument = 'nps';
      await el.updateComplete;
      expect(el.currentInstrument?.kind).to.equal('nps');
      expect(shadow(el).querySelector('[part="title"]')?.textContent).to.equal('Chỉ số sẵn lòng giới thiệu (NPS)');
      expect(radios(el, 'recommend')).to.have.length(11);
      el.instrument = 'dossier-evaluation';
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('fieldset')).to.have.length(9);
      el.instrument = 'quiz' as InstrumentKind;
      await el.updateComplete;
      expect(text(el)).to.contain('Không tải được phiếu đánh giá');
      el.instrument = 'one-stop-rating';
      await el.updateComplete;
      expect(radios(el, 'overall')).to.have.length(3);
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('keeps its size and width under universal page rules', async () => {
      const hostile = document.createElement('style');
      hostile.textContent = '* { font-size: 12px; box-sizing: content-box; line-height: 1 }';
      document.head.append(hostile);
      try {
        const el = await fixture<MotcuaRatingForm>(
          html`<div style="width: 360px"><motcua-rating-form token=${TOKEN}></motcua-rating-form></div>`,
        ).then((wrapper) => wrapper.firstElementChild as MotcuaRatingForm);
        await el.updateComplete;
        const sizeOf = (node: Element) => getComputedStyle(node).fontSize;
        expect(sizeOf(radio(el, 'overall', 3).closest('label') as Element)).to.equal('16px');
        await choose(el, 'overall', 1);
        const area = reason(el) as HTMLTextAreaElement;
        expect(sizeOf(area), 'inputs stay at 16px (no iOS zoom)').to.equal('16px');
        expect(area.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
        el.style.setProperty('--motcua-font-size', '20px');
        expect(sizeOf(area), '--motcua-font-size still sizes it').to.equal('20px');
        await expect(el).to.be.accessible();
      } finally {
        hostile.remove();
      }
    });

    it('shows the 3-level rating in force today, in Vietnamese, nothing preselected', async () => {
      const el = await rated();
      expect(shadow(el).querySelector('[part="title"]')?.textContent).to.equal('Đánh giá mức độ hài lòng');
      const legends = [...shadow(el).querySelectorAll('legend')].map((l) => l.textContent?.replace(/\s+/g, ' ').trim());
      expect(legends).to.deep.equal([
        'Đánh giá tổng thể dịch vụ',
        'Mức độ thuận tiện khi sử dụng dịch vụ (không bắt buộc)',
      ]);
      expect(radios(el, 'overall').map((r) => r.closest('label')?.textContent?.trim())).to.deep.equal([
        'Rất hài lòng',
        'Hài lòng',
        'Không hài lòng',
      ]);
      expect(shadow(el).querySelectorAll('input:checked')).to.have.length(0);
      expect(reason(el), 'the reason only appears for "Không hài lòng"').to.equal(null);
      expect(submitButton(el)?.textContent?.trim()).to.equal('Gửi đánh giá');
      await expect(el).to.be.accessible();
    });

    const kinds: InstrumentKind[] = ['one-stop-rating', 'dossier-evaluation', 'sipas', 'csat', 'nps', 'ces'];
    for (const kind of kinds) {
      it(`renders the ${kind} instrument as radio groups in fieldsets`, async () => {
        const el = await fixture<MotcuaRatingForm>(
          html`<motcua-rating-form token=${TOKEN} instrument=${kind}></motcua-rating-form>`,
        );
        const instrument = el.currentInstrument as Instrument;
        expect(instrument.kind).to.equal(kind);
        const scales = instrument.questions.filter((q) => q.type === 'scale');
        const fieldsets = shadow(el).querySelectorAll('fieldset');
        expect(fieldsets).to.have.length(scales.length);
        for (const question of scales) {
          expect(radios(el, question.id)).to.have.length(question.options.length);
          expect(radios(el, question.id)[0]?.closest('fieldset')?.querySelector('legend')).to.not.equal(null);
        }
        await expect(el).to.be.accessible();
      });
    }

    it('offers 44 px touch targets', async () => {
      const el = await rated();
      for (const label of shadow(el).querySelectorAll('[part="option"]')) {
        expect(label.getBoundingClientRect().height).to.be.at.least(44);
      }
      expect(submitButton(el)?.getBoundingClientRect().height).to.be.at.least(44);
    });

    it('takes a heading level, and can be disabled', async () => {
      const el = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form token=${TOKEN} heading-level="3" disabled></motcua-rating-form>`,
      );
      expect(shadow(el).querySelector('[part="title"]')?.getAttribute('aria-level')).to.equal('3');
      expect(radios(el, 'overall').every((r) => r.disabled)).to.equal(true);
      await submit(el);
      expect(shadow(el).querySelector('[part="error"]'), 'a disabled form does nothing').to.equal(null);
      el.disabled = false;
      await until(() => radios(el, 'overall').every((r) => !r.disabled), 'enabled radios');
    });

    it('tells the page author, not the citizen filling it in, that it has no token or device key', async () => {
      const errors: unknown[] = [];
      const realError = console.error;
      console.error = (...args: unknown[]) => errors.push(args[0]);
      try {
        const el = await fixture<MotcuaRatingForm>(html`<motcua-rating-form></motcua-rating-form>`);
        expect(radios(el, 'overall'), 'no form that can never be sent').to.have.length(0);
        expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('thiếu mã đánh giá');
        expect(String(errors[0])).to.contain('no token');
        await expect(el).to.be.accessible();
        el.deviceKey = 'tablet-quay-1';
        await el.updateComplete;
        expect(radios(el, 'overall')).to.have.length(3);
      } finally {
        console.error = realError;
      }
    });

    it('says so when no instrument of the kind is in force', async () => {
      const el = await fixture<MotcuaRatingForm>(html`<motcua-rating-form .instruments=${[]}></motcua-rating-form>`);
      expect(text(el)).to.contain('Không tải được phiếu đánh giá');
      await expect(el).to.be.accessible();
    });

    it('renders hostile strings from the instrument, the answers and the server as text', async () => {
      const hostile = '<img src=x onerror="window.__pwned=1">';
      const base = BUILT_IN_INSTRUMENTS.find((i) => i.kind === 'one-stop-rating') as Instrument;
      const instrument = defineInstrument({
        ...base,
        title: { vi: hostile, en: hostile },
        questions: base.questions.map((q) =>
          q.type === 'scale'
            ? {
                ...q,
                text: { vi: hostile, en: hostile },
                options: q.options.map((o) => ({ ...o, label: { vi: hostile, en: hostile } })),
              }
            : q,
        ),
      });
      stubFetch(() =>
        json(400, {
          error: {
            code: 'invalid-input',
            problems: [{ path: '$.answers.overall', code: 'x', message: { vi: hostile, en: hostile } }],
          },
        }),
      );
      const el = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form token=${TOKEN} .instruments=${[instrument]}></motcua-rating-form>`,
      );
      await choose(el, 'overall', 1);
      await typeInto(el, reason(el) as HTMLTextAreaElement, hostile);
      await submit(el);
      await until(() => shadow(el).querySelector('[part="error"]') !== null, 'the server problem');
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(shadow(el).querySelector('[part="title"]')?.textContent).to.equal(hostile);
      expect(shadow(el).querySelector('[part="error"]')?.textContent).to.equal(hostile);
      expect(reason(el)?.value).to.equal(hostile);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('keyboard and focus', () => {
    it('is reached with Tab and answered with Space and the arrow keys, with a visible focus ring', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div><button id="before">before</button><motcua-rating-form token=${TOKEN}></motcua-rating-form></div>`,
      );
      const el = wrapper.querySelector('motcua-rating-form') as MotcuaRatingForm;
      await el.updateComplete;
      wrapper.querySelector<HTMLButtonElement>('#before')?.focus();
      await sendKeys({ press: 'Tab' });
      const first = radio(el, 'overall', 3);
      expect(shadow(el).activeElement).to.equal(first);
      const ring = getComputedStyle(first.closest('label') as HTMLElement);
      expect(ring.outlineStyle).to.equal('solid');
      expect(Number.parseFloat(ring.outlineWidth)).to.be.at.least(2);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.value).to.deep.equal({ overall: 3 });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.value).to.deep.equal({ overall: 1 });
      expect(shadow(el).activeElement).to.equal(radio(el, 'overall', 1));
      // Tab leaves the group for the next one: the convenience question, then the revealed reason.
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(radio(el, 'convenience', 3));
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(reason(el));
      await sendKeys({ type: 'Chờ lâu' });
      await el.updateComplete;
      expect(el.value).to.deep.equal({ overall: 1, reason: 'Chờ lâu' });
      await expect(el).to.be.accessible();
    });
  });

  describe('validation (by core)', () => {
    it('asks for an answer and focuses the first unanswered question', async () => {
      const el = await rated();
      await submit(el);
      expect(calls).to.have.length(0);
      const error = shadow(el).querySelector('#error-overall');
      expect(error?.textContent).to.equal('Vui lòng chọn một mức.');
      expect(error?.closest('fieldset')?.getAttribute('aria-describedby')).to.equal('error-overall');
      expect(getComputedStyle(error?.closest('fieldset') as Element).borderInlineStartWidth, 'marked').to.equal('4px');
      expect(shadow(el).activeElement).to.equal(radio(el, 'overall', 3));
      expect(shadow(el).querySelector('[part="status"]')?.textContent).to.equal('Có 1 chỗ cần sửa trước khi gửi.');
      await expect(el).to.be.accessible();
      await choose(el, 'overall', 2);
      expect(shadow(el).querySelector('#error-overall'), 'the error goes once answered').to.equal(null);
    });

    it('requires a reason for "Không hài lòng", with an accessible error', async () => {
      const el = await rated();
      await choose(el, 'overall', 1);
      const area = reason(el) as HTMLTextAreaElement;
      const label = shadow(el).querySelector(`label[for="${area.id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
      expect(label).to.equal('Lý do không hài lòng (bắt buộc)');
      expect(area.required).to.equal(true);
      await submit(el);
      expect(calls).to.have.length(0);
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      const describedBy = area.getAttribute('aria-describedby')?.split(' ') ?? [];
      expect(describedBy).to.include('error-reason');
      expect(describedBy).to.include('hint-reason');
      expect(area.getAttribute('aria-describedby')).to.equal('hint-reason error-reason');
      const block = area.closest('[part="question"]') as Element;
      expect(getComputedStyle(block).borderInlineStartWidth, 'marked').to.equal('4px');
      expect(shadow(el).querySelector('#error-reason')?.textContent).to.equal(
        'Vui lòng cho biết lý do không hài lòng.',
      );
      expect(shadow(el).activeElement).to.equal(area);
      await expect(el).to.be.accessible();
      await typeInto(el, area, 'Phải đi lại ba lần');
      expect(area.getAttribute('aria-invalid')).to.equal('false');
      await submit(el);
      await until(() => statusOf(el) === 'sent', 'sent');
      expect(calls[0]?.body.answers).to.deep.equal({ overall: 1, reason: 'Phải đi lại ba lần' });
    });

    it('drops the reason when the citizen changes their mind', async () => {
      const el = await rated();
      await choose(el, 'overall', 1);
      await typeInto(el, reason(el) as HTMLTextAreaElement, 'lâu');
      await choose(el, 'overall', 3);
      expect(reason(el)).to.equal(null);
      expect(el.value).to.deep.equal({ overall: 3 });
    });

    it('masks phone and ID numbers in free text, and says so', async () => {
      const el = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form
          device-key="tablet-quay-1"
          counter="1"
          channel="counter-tablet"
          instrument="csat"
        ></motcua-rating-form>`,
      );
      await choose(el, 'satisfaction', 5);
      const area = shadow(el).querySelector('textarea') as HTMLTextAreaElement;
      await typeInto(el, area, 'Gọi tôi 0912 345 678');
      expect(shadow(el).querySelector('#mask-comment')?.textContent).to.contain('sẽ được che đi');
      await submit(el);
      await until(() => calls.length === 1, 'the request');
      expect(calls[0]?.body).to.deep.equal({
        deviceKey: 'tablet-quay-1',
        counter: '1',
        channel: 'counter-tablet',
        instrument: { id: 'csat', version: '1' },
        answers: { satisfaction: 5, comment: 'Gọi tôi •••• ••• •••' },
      });
    });
  });

  describe('counter ratings', () => {
    afterEach(() => localStorage.removeItem(PAIRED_DEVICE_KEY));

    it('sends the paired counter tablet’s credential, read at each send, never kept with a queued rating', async () => {
      localStorage.setItem(PAIRED_DEVICE_KEY, JSON.stringify({ credential: 'paired-tablet-credential' }));
      stubFetch(offline);
      const el = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form device-key="quay-1" counter="1" .retryDelays=${[]}></motcua-rating-form>`,
      );
      await choose(el, 'overall', 3);
      await submit(el);
      await until(() => calls.length === 1, 'the first try');
      expect(calls[0]?.authorization).to.equal('Bearer paired-tablet-credential');
      expect(calls[0]?.counter, 'the credential names the counter').to.equal(null);
      await until(async () => (await queuedRatings()).length === 1, 'the rating queued offline');
      expect(JSON.stringify(await outboxStore.entries())).not.to.contain('paired-tablet-credential');
      // Paired again meanwhile: the queued rating goes with the credential the tablet holds now.
      localStorage.setItem(PAIRED_DEVICE_KEY, JSON.stringify({ credential: 'new-credential' }));
      stubFetch(() => json(201));
      el.remove();
      await fixture(html`<motcua-rating-form device-key="quay-1" counter="1"></motcua-rating-form>`);
      await until(() => calls.length === 2, 'the queued rating sent');
      expect(calls[1]?.authorization).to.equal('Bearer new-credential');
    });

    it('on an officer’s screen, names the counter for the officer’s session; a rating with a token sends neither', async () => {
      const el = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form device-key="quay-2" counter="2" channel="counter-tablet"></motcua-rating-form>`,
      );
      await choose(el, 'overall', 3);
      await submit(el);
      await until(() => calls.length === 1, 'the request');
      expect([calls[0]?.authorization, calls[0]?.counter]).to.deep.equal([null, '2']);
      localStorage.setItem(PAIRED_DEVICE_KEY, JSON.stringify({ credential: 'paired-tablet-credential' }));
      const bound = await fixture<MotcuaRatingForm>(html`<motcua-rating-form token=${TOKEN}></motcua-rating-form>`);
      await choose(bound, 'overall', 3);
      await submit(bound);
      await until(() => calls.length === 2, 'the token-bound rating');
      expect([calls[1]?.authorization, calls[1]?.counter]).to.deep.equal([null, null]);
    });
  });

  describe('language and strings', () => {
    it('speaks English on request and switches back', async () => {
      const el = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form lang="en" token=${TOKEN}></motcua-rating-form>`,
      );
      expect(shadow(el).querySelector('legend')?.textContent?.trim()).to.equal('Overall, how was the service?');
      expect(submitButton(el)?.textContent?.trim()).to.equal('Send rating');
      await choose(el, 'overall', 1);
      await submit(el);
      expect(shadow(el).querySelector('#error-reason')?.textContent).to.equal(
        'Please tell us why you were not satisfied.',
      );
      await expect(el).to.be.accessible();
      el.lang = 'vi';
      await el.updateComplete;
      expect(shadow(el).querySelector('#error-reason')?.textContent).to.equal(
        'Vui lòng cho biết lý do không hài lòng.',
      );
      expect(radio(el, 'overall', 1).closest('label')?.textContent?.trim()).to.equal('Không hài lòng');
    });

    it('follows <html lang>', async () => {
      const el = await rated();
      document.documentElement.lang = 'en';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(submitButton(el)?.textContent?.trim()).to.equal('Send rating');
    });

    it('lets the page and the instance override its strings', async () => {
      configure({ strings: { 'motcua-rating-form': { vi: { submit: 'Gửi ý kiến', thanksTitle: 'Xin cảm ơn!' } } } });
      const el = await rated();
      expect(submitButton(el)?.textContent?.trim()).to.equal('Gửi ý kiến');
      el.setAttribute('strings', '{"vi": {"submit": "Gửi", "errorChoose": "Chọn một ô"}}');
      await el.updateComplete;
      expect(submitButton(el)?.textContent?.trim()).to.equal('Gửi');
      await submit(el);
      expect(shadow(el).querySelector('#error-overall')?.textContent).to.equal('Chọn một ô');
      await choose(el, 'overall', 2);
      await submit(el);
      await until(() => statusOf(el) === 'sent', 'sent');
      expect(text(el)).to.contain('Xin cảm ơn!');
    });
  });

  describe('sending', () => {
    it('posts the rating once with an Idempotency-Key, thanks the citizen and fires motcua-rated', async () => {
      const el = await rated();
      await choose(el, 'overall', 3);
      await choose(el, 'convenience', 2);
      const event = oneEvent(el, 'motcua-rated');
      await submit(el);
      const { detail } = (await event) as CustomEvent<RatingEventDetail>;
      expect(detail).to.deep.equal({
        instrument: { id: 'vn-one-stop-rating', version: '1' },
        answers: { overall: 3, convenience: 2 },
        queued: false,
      });
      expect(calls).to.have.length(1);
      const [call] = calls;
      expect(call?.url).to.equal(new URL('api/ratings', document.baseURI).href);
      expect(call?.method).to.equal('POST');
      expect(call?.contentType).to.equal('application/json');
      expect(call?.key, "the rating token's id").to.equal(TOKEN_ID);
      expect(call?.body).to.deep.equal({
        token: TOKEN,
        instrument: { id: 'vn-one-stop-rating', version: '1' },
        answers: { overall: 3, convenience: 2 },
      });
      await el.updateComplete;
      expect(statusOf(el)).to.equal('sent');
      expect(text(el)).to.contain('Cảm ơn ông/bà đã đánh giá');
      expect(shadow(el).activeElement, 'focus moves to the message').to.equal(
        shadow(el).querySelector('.message-title'),
      );
      await expect(el).to.be.accessible();
    });

    it('sends to the configured apiBase and endpoint', async () => {
      configure({ apiBase: 'https://motcua.example.gov.vn/xa/' });
      const el = await rated();
      await choose(el, 'overall', 2);
      await submit(el);
      await until(() => calls.length === 1, 'the request');
      expect(calls[0]?.url).to.equal('https://motcua.example.gov.vn/xa/api/ratings');
    });

    it('reads the token from the page address (the QR code on the receipt)', async () => {
      const before = location.href;
      history.replaceState(null, '', `${location.pathname}${location.search}&t=r1.from.the.qr#form`);
      try {
        const el = await fixture<MotcuaRatingForm>(html`<motcua-rating-form></motcua-rating-form>`);
        expect(location.search, 'the token leaves the address bar once read').to.not.contain('t=');
        expect(location.hash).to.equal('#form');
        await choose(el, 'overall', 3);
        await submit(el);
        await until(() => calls.length === 1, 'the request');
        expect(calls[0]?.body.token).to.equal('r1.from.the.qr');
      } finally {
        history.replaceState(null, '', before);
      }
    });

    it("sends under the token's id when its claims hold Vietnamese text", async () => {
      const token = await createRatingToken(
        { dossier: '000.00.00.H00-261122-0002', counter: 'Quầy 2', officer: 'Nguyễn Thị Hằng' },
        'a signing key of at least 32 bytes!!',
        { now: Date.now(), tokenId: 'receipt-0002-token' },
      );
      const el = await rated(token);
      await choose(el, 'overall', 3);
      await submit(el);
      await until(() => calls.length === 1, 'the request');
      expect(calls[0]?.key).to.equal('receipt-0002-token');
    });

    it('sends what a bot typed into the honeypot, for the server to turn away', async () => {
      const el = await rated();
      const trap = shadow(el).querySelector<HTMLInputElement>('input[name="website"]') as HTMLInputElement;
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.closest('[aria-hidden="true"]')).to.not.equal(null);
      trap.value = 'http://spam.example';
      await choose(el, 'overall', 3);
      await submit(el);
      await until(() => calls.length === 1, 'the request');
      expect(calls[0]?.body.honeypot).to.equal('http://spam.example');
    });

    it('never sends twice when the button is pressed again while sending', async () => {
      let answer: (response: Response) => void = () => {};
      stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
      const el = await rated();
      await choose(el, 'overall', 3);
      await submit(el);
      await submit(el);
      shadow(el).querySelector('form')?.requestSubmit();
      await el.updateComplete;
      expect(text(el)).to.contain('Đang gửi đánh giá');
      expect(submitButton(el)?.getAttribute('aria-disabled')).to.equal('true');
      expect(radio(el, 'overall', 2).disabled).to.equal(true);
      await expect(el).to.be.accessible();
      answer(json(201));
      await until(() => statusOf(el) === 'sent', 'sent');
      expect(calls).to.have.length(1);
    });

    it('retries a server failure with back-off under the same Idempotency-Key', async () => {
      const answers = [json(503), json(409, { error: { code: 'request-in-progress' } }), json(201)];
      stubFetch(() => answers.shift() as Response);
      const el = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form token=${TOKEN} .retryDelays=${[1, 1, 1]}></motcua-rating-form>`,
      );
      await choose(el, 'overall', 2);
      await submit(el);
      await until(() => statusOf(el) === 'sent', 'sent');
      expect(calls).to.have.length(3);
      expect(new Set(calls.map((c) => c.key)).size).to.equal(1);
    });

    it('shows the problems a server finds (400) beside their questions, then sends under a new key', async () => {
      stubFetch(() =>
        json(400, {
          error: {
            code: 'invalid-input',
            message: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
            problems: [
              {
                path: '$.answers.overall',
                code: 'out-of-range',
                message: { vi: 'Mức này không còn dùng', en: 'This level is no longer used' },
              },
            ],
          },
        }),
      );
      const el = await rated();
      await choose(el, 'overall', 3);
      const failed = oneEvent(el, 'motcua-rating-failed');
      await submit(el);
      expect(((await failed) as CustomEvent<RatingFailedDetail>).detail.reason).to.equal('invalid');
      await el.updateComplete;
      expect(shadow(el).querySelector('#error-overall')?.textContent).to.equal('Mức này không còn dùng');
      await expect(el).to.be.accessible();
      stubFetch(() => json(201));
      await choose(el, 'overall', 2);
      await submit(el);
      await until(() => statusOf(el) === 'sent', 'sent');
      expect(calls).to.have.length(2);
      expect(calls.map((c) => c.key)).to.deep.equal([TOKEN_ID, `${TOKEN_ID}.1`]);
    });

    it('says when the transaction was already rated (409)', async () => {
      stubFetch(() => json(409, { error: { code: 'already-rated' } }));
      const el = await rated();
      await choose(el, 'overall', 3);
      const failed = oneEvent(el, 'motcua-rating-failed');
      await submit(el);
      expect(((await failed) as CustomEvent<RatingFailedDetail>).detail.reason).to.equal('already-rated');
      await el.updateComplete;
      expect(statusOf(el)).to.equal('already-rated');
      expect(text(el)).to.contain('Lượt giao dịch này đã được đánh giá');
      await expect(el).to.be.accessible();
    });

    it('says the transaction was already rated when its key was used for other answers (422), not thanks', async () => {
      stubFetch(() =>
        json(422, {
          error: {
            code: 'idempotency-key-reused',
            message: {
              vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác; yêu cầu mới không được thực hiện',
              en: 'This Idempotency-Key was already used for a different request; the new request was not carried out',
            },
          },
        }),
      );
      const el = await rated();
      await choose(el, 'overall', 2);
      const failed = oneEvent(el, 'motcua-rating-failed');
      await submit(el);
      expect(((await failed) as CustomEvent<RatingFailedDetail>).detail.reason).to.equal('already-rated');
      await el.updateComplete;
      expect(statusOf(el)).to.equal('already-rated');
      expect(calls.map((c) => c.key)).to.deep.equal([TOKEN_ID]);
      expect(text(el)).to.contain('Lượt giao dịch này đã được đánh giá');
      expect(text(el)).to.not.contain('Cảm ơn ông/bà đã đánh giá');
      await expect(el).to.be.accessible();
    });

    for (const status of [401, 410]) {
      it(`says when the rating link has expired (${status})`, async () => {
        stubFetch(() => json(status, { error: { code: 'token-expired' } }));
        const el = await fixture<MotcuaRatingForm>(
          html`<motcua-rating-form lang="en" token=${TOKEN}></motcua-rating-form>`,
        );
        await choose(el, 'overall', 3);
        await submit(el);
        await until(() => statusOf(el) === 'expired', 'expired');
        expect(text(el)).to.contain('This rating link has expired');
        await expect(el).to.be.accessible();
      });
    }

    it('treats a token the server cannot read (400 token-malformed) as an expired link', async () => {
      stubFetch(() => json(400, { error: { code: 'token-malformed', message: { vi: 'Mã hỏng', en: 'Bad token' } } }));
      const el = await rated();
      await choose(el, 'overall', 3);
      await submit(el);
      await until(() => statusOf(el) === 'expired', 'expired');
      expect(text(el)).to.contain('Đường dẫn đánh giá đã hết hạn');
    });

    it('asks to wait when the server says too many (429), and a retry is a new request', async () => {
      stubFetch(() => json(429, { error: { code: 'rate-limited' } }));
      const el = await rated();
      await choose(el, 'overall', 3);
      await submit(el);
      await until(() => text(el).includes('quá nhiều lượt gửi'), 'the message');
      expect(statusOf(el)).to.equal('form');
      await expect(el).to.be.accessible();
      stubFetch(() => json(201));
      await submit(el);
      await until(() => statusOf(el) === 'sent', 'sent');
      expect(calls.map((c) => c.key)).to.deep.equal([TOKEN_ID, `${TOKEN_ID}.1`]);
    });
  });

  describe('offline queue', () => {
    it('keeps a rating it cannot send and sends it, once, when the page is online again', async () => {
      stubFetch(offline);
      const el = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form token=${TOKEN} .retryDelays=${[1, 1]}></motcua-rating-form>`,
      );
      await choose(el, 'overall', 3);
      const queued = oneEvent(el, 'motcua-rating-queued');
      await submit(el);
      expect(((await queued) as CustomEvent<RatingEventDetail>).detail.queued).to.equal(true);
      await el.updateComplete;
      expect(calls, 'tried three times: once and two retries').to.have.length(3);
      expect(new Set(calls.map((c) => c.key)).size).to.equal(1);
      expect(statusOf(el)).to.equal('queued');
      expect(text(el)).to.contain('sẽ tự động gửi khi có mạng');
      expect(await queuedRatings()).to.have.length(1);
      expect(localStorage.getItem(OUTBOX_STORAGE_KEY), 'kept in IndexedDB, not localStorage').to.equal(null);
      await expect(el).to.be.accessible();

      stubFetch(() => json(201));
      const sent = oneEvent(el, 'motcua-rated');
      window.dispatchEvent(new Event('online'));
      expect(((await sent) as CustomEvent<RatingEventDetail>).detail.queued).to.equal(true);
      await el.updateComplete;
      expect(statusOf(el)).to.equal('sent');
      expect(await queuedRatings()).to.have.length(0);
      expect(localStorage.getItem(OUTBOX_WAITING_KEY), 'the hint goes with the last rating').to.equal(null);
      expect(calls).to.have.length(4);
      expect(calls[3]?.key, 'the queued request keeps its key').to.equal(calls[0]?.key);
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(calls, 'nothing left to send').to.have.length(4);
      await expect(el).to.be.accessible();
    });

    it('sends a queued rating by itself, with back-off, when only the server was down (no online event)', async () => {
      stubFetch(() => json(503, {}));
      const el = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form token=${TOKEN} .retryDelays=${[]} .queueRetryDelays=${[10, 20]}></motcua-rating-form>`,
      );
      await choose(el, 'overall', 3);
      await submit(el);
      await until(() => statusOf(el) === 'queued', 'queued');
      await until(() => calls.length >= 3, 'two more tries while the server is down');
      stubFetch(() => json(201));
      await until(() => statusOf(el) === 'sent', 'sent once the server is back');
      expect(await queuedRatings()).to.have.length(0);
      expect(new Set(calls.map((c) => c.key)).size, 'one rating, one key').to.equal(1);
    });

    it('survives a reload: the next visit shows it saved and sends it', async () => {
      stubFetch(offline);
      const first = await rated();
      await choose(first, 'overall', 1);
      await typeInto(first, reason(first) as HTMLTextAreaElement, 'Chờ quá lâu');
      await submit(first);
      await until(() => statusOf(first) === 'queued', 'queued');
      const key = calls[0]?.key;
      first.remove();

      // Still offline on the next visit: the form says the rating is saved instead of asking again.
      const offlineAgain = await rated();
      await until(() => calls.length === 2, 'the retry on load');
      expect(statusOf(offlineAgain)).to.equal('queued');
      offlineAgain.remove();

      stubFetch(() => json(201));
      const next = await rated();
      await until(() => statusOf(next) === 'sent', 'sent after the reload');
      expect(calls).to.have.length(3);
      expect(calls[2]?.key).to.equal(key);
      expect(calls[2]?.body.answers).to.deep.equal({ overall: 1, reason: 'Chờ quá lâu' });
      expect(await queuedRatings()).to.have.length(0);
    });

    it('sends ratings left by earlier visits from any page with the form', async () => {
      stubFetch(offline);
      const first = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form device-key="tablet-1" .retryDelays=${[]}></motcua-rating-form>`,
      );
      await choose(first, 'overall', 2);
      await submit(first);
      await until(() => statusOf(first) === 'queued', 'queued');
      first.remove();
      stubFetch(() => json(201));
      const other = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form device-key="tablet-1"></motcua-rating-form>`,
      );
      await until(async () => (await queuedRatings()).length === 0, 'the queue to empty');
      expect(statusOf(other), 'a counter tablet is ready for the next citizen').to.equal('form');
      expect(calls[1]?.key).to.equal(calls[0]?.key);
    });

    it('moves ratings an earlier version kept in localStorage to IndexedDB, once, and sends them', async () => {
      const legacy = {
        id: 'old-random-key',
        key: 'old-random-key',
        url: new URL('api/ratings', document.baseURI).href,
        body: {
          deviceKey: 'tablet-1',
          counter: '1',
          instrument: { id: 'vn-one-stop-rating', version: '1' },
          answers: { overall: 3 },
        },
        queuedAt: 1,
      };
      localStorage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify([legacy, { broken: true }]));
      stubFetch(offline);
      const el = await fixture<MotcuaRatingForm>(html`<motcua-rating-form device-key="tablet-1"></motcua-rating-form>`);
      await until(() => calls.length === 1, 'the try on load');
      await el.updateComplete;
      expect(localStorage.getItem(OUTBOX_STORAGE_KEY), 'gone from localStorage').to.equal(null);
      expect(await queuedRatings()).to.deep.equal([legacy]);
      el.remove();

      stubFetch(() => json(201));
      await fixture<MotcuaRatingForm>(html`<motcua-rating-form device-key="tablet-1"></motcua-rating-form>`);
      await until(async () => (await queuedRatings()).length === 0, 'the queue to empty');
      expect(calls.map((c) => c.key)).to.deep.equal(['old-random-key', 'old-random-key']);
      expect(calls[1]?.body).to.deep.equal(legacy.body);
      expect(localStorage.getItem(OUTBOX_WAITING_KEY)).to.equal(null);
    });

    it('sends a rating once when two forms on a page flush at once', async () => {
      stubFetch(offline);
      const first = await rated();
      await choose(first, 'overall', 3);
      await submit(first);
      await until(() => statusOf(first) === 'queued', 'queued');
      first.remove();
      calls = [];
      stubFetch(() => new Promise<Response>((resolve) => setTimeout(() => resolve(json(201)), 20)));
      const page = await fixture<HTMLDivElement>(
        html`<div><motcua-rating-form device-key="tablet-1"></motcua-rating-form><motcua-rating-form token=${TOKEN}></motcua-rating-form></div>`,
      );
      const [one, two] = page.querySelectorAll('motcua-rating-form');
      window.dispatchEvent(new Event('online'));
      await until(async () => (await queuedRatings()).length === 0, 'the queue to empty');
      await Promise.all([one?.updateComplete, two?.updateComplete]);
      await until(() => statusOf(two as MotcuaRatingForm) === 'sent', 'the form of that token says it was sent');
      expect(calls).to.have.length(1);
      expect(calls[0]?.key).to.equal(TOKEN_ID);
      await expect(two).to.be.accessible();
    });

    for (const locks of ['Web Locks', 'the IndexedDB lease'] as const) {
      it(`sends a rating once when two tabs flush at once (${locks})`, async () => {
        // Two tabs: two outboxes, each with its own store object, sharing nothing but IndexedDB and the lock.
        const options = locks === 'Web Locks' ? {} : { locks: null };
        const tabs = [1, 2].map(() => createOutbox(openBrowserStore<QueuedRating>('rating-outbox', options)));
        const url = new URL('api/ratings', document.baseURI).href;
        const body = { token: TOKEN, instrument: { id: 'vn-one-stop-rating', version: '1' }, answers: { overall: 3 } };
        expect(await tabs[0]?.queueRating({ key: TOKEN_ID, url, body })).to.equal('saved');
        // The second is queued a millisecond later at least: the outbox sends the oldest first.
        const first = Date.now();
        while (Date.now() === first) await new Promise((resolve) => setTimeout(resolve, 1));
        expect(await tabs[1]?.queueRating({ key: 'counter-key', url, body: { ...body, token: undefined } })).to.equal(
          'saved',
        );
        stubFetch(() => new Promise<Response>((resolve) => setTimeout(() => resolve(json(201)), 20)));
        const [a, b] = await Promise.all(tabs.map((tab) => tab.flushRatings(1000)));
        expect(calls.map((c) => c.key)).to.deep.equal([TOKEN_ID, 'counter-key']);
        expect([a?.size, b?.size].sort(), 'one tab sent both, the other found nothing left').to.deep.equal([0, 2]);
        expect(await queuedRatings()).to.deep.equal([]);
      });
    }

    it("keeps a rating in the page's memory where IndexedDB is unavailable, and says so", async () => {
      const warn = console.warn;
      console.warn = () => {};
      try {
        const memory = createOutbox(openBrowserStore<QueuedRating>('rating-outbox-memory', { indexedDB: null }));
        const url = new URL('api/ratings', document.baseURI).href;
        const body = { token: TOKEN, instrument: { id: 'vn-one-stop-rating', version: '1' }, answers: { overall: 3 } };
        expect(await memory.queueRating({ key: TOKEN_ID, url, body })).to.equal('memory');
        expect((await memory.flushRatings(1000)).get(TOKEN_ID)).to.deep.equal({ kind: 'sent' });
        expect(await memory.queuedRatings()).to.deep.equal([]);
      } finally {
        console.warn = warn;
      }
      const { renderMessage, messageStrings } = await import('./submission.js');
      const panel = await fixture<HTMLDivElement>(
        html`<div>${renderMessage('queued', 2, (key) => (messageStrings.vi as Record<string, string>)[key] ?? key, true)}</div>`,
      );
      expect(panel.textContent).to.contain('chỉ được giữ khi trang còn mở');
    });

    it('gives a queued rating a new key when the server turned it away unrecorded (429), then sends it', async () => {
      stubFetch(offline);
      const el = await rated();
      await choose(el, 'overall', 2);
      await submit(el);
      await until(() => statusOf(el) === 'queued', 'queued');
      const firstKey = calls[0]?.key;
      stubFetch(() => json(429, { error: { code: 'rate-limited' } }));
      window.dispatchEvent(new Event('online'));
      await until(() => calls.length === 2, 'the resend');
      await until(async () => (await queuedRatings())[0]?.key !== firstKey, 'a new key');
      expect(firstKey).to.equal(TOKEN_ID);
      expect((await queuedRatings())[0]?.key, 'the next key of the token').to.equal(`${TOKEN_ID}.1`);
      expect(statusOf(el), 'still saved, not lost').to.equal('queued');
      expect(await queuedRatings()).to.have.length(1);
      stubFetch(() => json(201));
      const sent = oneEvent(el, 'motcua-rated');
      window.dispatchEvent(new Event('online'));
      await sent;
      expect(calls).to.have.length(3);
      expect(calls[2]?.key).to.equal(`${TOKEN_ID}.1`);
      expect(await queuedRatings()).to.have.length(0);
    });

    it('gives up on a request that hangs and queues it', async () => {
      stubFetch(
        (_call, init) =>
          new Promise<Response>((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'AbortError'))),
          ),
      );
      const el = await fixture<MotcuaRatingForm>(
        html`<motcua-rating-form token=${TOKEN} timeout="20" .retryDelays=${[]}></motcua-rating-form>`,
      );
      await choose(el, 'overall', 3);
      await submit(el);
      await until(() => statusOf(el) === 'queued', 'queued');
    });

    it('says so when the device cannot keep the rating', async () => {
      stubFetch(offline);
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const el = await rated();
        await choose(el, 'overall', 3);
        await submit(el);
        await until(() => text(el).includes('không lưu được'), 'the message');
        expect(statusOf(el)).to.equal('form');
        await expect(el).to.be.accessible();
      } finally {
        IDBObjectStore.prototype.put = put;
      }
    });
  });

  describe('in a host form', () => {
    it('sends itself inside a page-wide form unless the page asks for form association', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form action="/Default.aspx"><motcua-rating-form name="danh-gia" token=${TOKEN}></motcua-rating-form><button>Lưu</button></form>`,
      );
      const el = form.querySelector('motcua-rating-form') as MotcuaRatingForm;
      await el.updateComplete;
      expect(el.form, 'an ancestor form alone does not make it a control').to.equal(null);
      expect(submitButton(el), 'its own button stays').to.not.equal(null);
      expect(form.checkValidity(), 'it never holds back the page form').to.equal(true);
      await choose(el, 'overall', 3);
      expect([...new FormData(form).keys()]).to.deep.equal([]);
      let pageSubmitted = false;
      form.addEventListener('submit', (event) => {
        pageSubmitted = true;
        event.preventDefault();
      });
      const rated = oneEvent(el, 'motcua-rated');
      (submitButton(el) as HTMLButtonElement).click();
      await rated;
      expect(pageSubmitted, 'the page form is not submitted').to.equal(false);
      expect(calls).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('puts its answers into the form data and takes part in validation and reset', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><motcua-rating-form form-associated name="danh-gia"></motcua-rating-form><button>Gửi</button></form>`,
      );
      const el = form.querySelector('motcua-rating-form') as MotcuaRatingForm;
      await el.updateComplete;
      expect(el.form).to.equal(form);
      expect(submitButton(el), 'the host form has its own button').to.equal(null);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Vui lòng chọn một mức.');
      await choose(el, 'overall', 1);
      expect(el.validationMessage).to.equal('Vui lòng cho biết lý do không hài lòng.');
      await typeInto(el, reason(el) as HTMLTextAreaElement, 'Chờ lâu, ĐT 0912345678');
      expect(form.checkValidity()).to.equal(true);
      const data = new FormData(form);
      expect(data.get('danh-gia.instrument')).to.equal('vn-one-stop-rating@1');
      expect(data.get('danh-gia.overall')).to.equal('1');
      expect(data.get('danh-gia.reason')).to.equal('Chờ lâu, ĐT ••••••••••');
      expect(calls, 'the host form submits, not the element').to.have.length(0);
      await expect(el).to.be.accessible();
      form.reset();
      await el.updateComplete;
      expect(el.value).to.deep.equal({});
      expect([...new FormData(form).keys()]).to.deep.equal([]);
    });

    it('shows its problems when the host form is submitted incomplete', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><motcua-rating-form form-associated name="danh-gia"></motcua-rating-form></form>`,
      );
      const el = form.querySelector('motcua-rating-form') as MotcuaRatingForm;
      let submitted = false;
      form.addEventListener('submit', (event) => {
        submitted = true;
        event.preventDefault();
      });
      form.requestSubmit();
      await el.updateComplete;
      expect(submitted).to.equal(false);
      expect(shadow(el).querySelector('#error-overall')?.textContent).to.equal('Vui lòng chọn một mức.');
      await expect(el).to.be.accessible();
    });

    it('restores its answers from the state the browser kept', async () => {
      const el = await rated();
      el.formStateRestoreCallback('{"overall":1,"reason":"Chờ lâu"}');
      await el.updateComplete;
      expect(radio(el, 'overall', 1).checked).to.equal(true);
      expect(reason(el)?.value).to.equal('Chờ lâu');
      el.formStateRestoreCallback('{not json');
      expect(el.value).to.deep.equal({ overall: 1, reason: 'Chờ lâu' });
    });

    it('is disabled with its fieldset, and submits nothing without a name', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><fieldset disabled><motcua-rating-form form-associated></motcua-rating-form></fieldset></form>`,
      );
      const el = form.querySelector('motcua-rating-form') as MotcuaRatingForm;
      await el.updateComplete;
      expect(radio(el, 'overall', 3).disabled).to.equal(true);
      (form.querySelector('fieldset') as HTMLFieldSetElement).disabled = false;
      await el.updateComplete;
      await choose(el, 'overall', 3);
      expect(el.value).to.deep.equal({ overall: 3 });
      expect([...new FormData(form).keys()]).to.deep.equal([]);
    });
  });
});
