// <motcua-procedure-list> on a flaky network: the test server answers 503 to chosen requests (the `fail-requests`
// command of web-test-runner.config.mjs). A module the page has imported once is not fetched again, so this file is a
// page of its own and its tests run in order: each chunk fails before anything imports it successfully. A retry then
// downloads it: a failed module fetch is not kept (whatwg/html#10327), as Chromium does.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { failRequests } from '../internal/browser-commands.test-support.js';
import type { MotcuaProcedureList } from './procedure-list.js';
import './procedure-list.js';
import { clearHash, hashChanged, items, shadow, text } from './procedure-list.test-support.js';

/**
 * The sample catalogue, served by the test server. The runner lets the browser keep what it served, so each test that
 * fails the catalogue asks for it under an address of its own.
 */
const CATALOGUE = '/examples/data/catalogue.json';

const has = (el: MotcuaProcedureList, selector: string) => shadow(el).querySelector(selector) !== null;
const alertText = (el: MotcuaProcedureList) => text(shadow(el).querySelector('[part="error"][role="alert"]'));
const retryButton = (el: MotcuaProcedureList) => shadow(el).querySelector<HTMLButtonElement>('[part="retry"]');

async function list(attributes = '', src = CATALOGUE): Promise<MotcuaProcedureList> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><motcua-procedure-list src="${src}" ${attributes}><p id="fallback">Danh mục tĩnh</p></motcua-procedure-list></div>`,
  );
  const el = wrapper.querySelector('motcua-procedure-list') as MotcuaProcedureList;
  await el.updateComplete;
  return el;
}

/** The retry button: a real button, as tall as the touch target, in the error. */
function expectRetryButton(el: MotcuaProcedureList, label = 'Thử lại'): HTMLButtonElement {
  const button = retryButton(el);
  expect(button instanceof HTMLButtonElement, 'a retry button').to.equal(true);
  const retry = button as HTMLButtonElement;
  expect(retry.type).to.equal('button');
  expect(text(retry)).to.equal(label);
  expect(retry.closest('[role="alert"]') !== null, 'in the error').to.equal(true);
  expect(retry.getBoundingClientRect().height).to.be.at.least(44);
  return retry;
}

describe('<motcua-procedure-list> on a flaky network', () => {
  const consoleError = console.error;
  let errors: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(String(event.reason));

  beforeEach(() => {
    errors = [];
    unhandled.length = 0;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    globalThis.addEventListener('unhandledrejection', onUnhandled);
  });

  afterEach(async () => {
    console.error = consoleError;
    globalThis.removeEventListener('unhandledrejection', onUnhandled);
    await failRequests('', 0);
    clearHash();
  });

  it('ends in an error with a retry button, not in "loading", when the validation code cannot be downloaded', async () => {
    await failRequests('procedure-list/validate.', 1);
    const el = await list();
    expect(has(el, '[role="status"]'), 'no longer loading').to.equal(false);
    expect(alertText(el)).to.contain('Không tải được danh mục thủ tục hành chính.').and.not.contain('Failed');
    expect(alertText(el)).to.contain('Kiểm tra kết nối mạng rồi thử lại.');
    expect(errors.join('\n')).to.contain(CATALOGUE);
    const slot = shadow(el).querySelector('slot') as HTMLSlotElement;
    expect(slot.assignedElements()[0]?.id, 'the fallback shows').to.equal('fallback');
    await expect(el).to.be.accessible();

    expectRetryButton(el).click();
    await el.updateComplete;
    expect(has(el, '[role="alert"]')).to.equal(false);
    expect(items(el)).to.have.length(20);
    expect(unhandled).to.deep.equal([]);
  });

  it('offers to try again when the catalogue cannot be downloaded, and shows it once it can', async () => {
    const src = `${CATALOGUE}?retry`;
    await failRequests(src, 1);
    const el = await list('', src);
    expect(alertText(el)).to.contain('Kiểm tra kết nối mạng rồi thử lại.').and.not.contain('HTTP');
    expect(alertText(el)).not.to.contain('thử lại sau');
    await expect(el).to.be.accessible();

    expectRetryButton(el).click();
    await el.updateComplete;
    expect(retryButton(el) === null, 'no retry button').to.equal(true);
    expect(items(el)).to.have.length(20);
    await expect(el).to.be.accessible();
  });

  it('tries again by itself when the browser is back online, and no longer once removed', async () => {
    const src = `${CATALOGUE}?online`;
    await failRequests(src, 1);
    const el = await list('lang="en"', src);
    expect(alertText(el)).to.contain('could not be loaded. Check the network connection and try again.');
    expectRetryButton(el, 'Try again');
    await expect(el).to.be.accessible();

    globalThis.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(items(el)).to.have.length(20);

    // A removed element leaves the page's `online` alone.
    await failRequests(`${CATALOGUE}?again`, 1);
    el.src = `${CATALOGUE}?again`;
    await el.updateComplete;
    expect(retryButton(el) !== null, 'a retry button').to.equal(true);
    el.remove();
    globalThis.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(retryButton(el) !== null, 'still failed').to.equal(true);
  });

  it('shows an error with a retry button and a working back button when the detail view cannot be downloaded', async () => {
    await failRequests('procedure-list/detail.', 2);
    await failRequests('internal/qr.', 3);
    const el = await list();
    const name = text(items(el)[0]?.querySelector('.name'));
    let opened = hashChanged();
    items(el)[0]?.click();
    await opened;
    await el.updateComplete;
    expect(alertText(el)).to.contain('Không tải được phần này của trang. Kiểm tra kết nối mạng rồi thử lại.');
    expect(has(el, '[role="status"]'), 'no longer loading').to.equal(false);
    expect(shadow(el).activeElement === expectRetryButton(el), 'the focus is on the retry button').to.equal(true);
    await expect(el).to.be.accessible();

    // Back to the list, as from the detail view.
    const closed = hashChanged();
    (shadow(el).querySelector('[part="back"]') as HTMLButtonElement).click();
    await closed;
    await el.updateComplete;
    expect(location.hash).to.equal('');
    expect(has(el, '[role="alert"]')).to.equal(false);
    expect(shadow(el).activeElement === items(el)[0], 'the focus is back on the procedure').to.equal(true);

    // The next opening downloads it again (and it fails a second time, or at once where failures are kept).
    opened = hashChanged();
    items(el)[0]?.click();
    await opened;
    await el.updateComplete;
    expect(alertText(el)).to.contain('Không tải được phần này của trang.');

    expectRetryButton(el).click();
    await el.updateComplete;
    // The detail view, with the focus on its heading; the QR code failed a third time and is left out quietly.
    expect(text(shadow(el).querySelector('#detail-heading'))).to.equal(name);
    expect(shadow(el).activeElement?.id).to.equal('detail-heading');
    expect(has(el, '[role="alert"]')).to.equal(false);
    expect(has(el, '[part="qr"]')).to.equal(false);
    await expect(el).to.be.accessible();
    // Back online: the QR code comes.
    globalThis.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(shadow(el).querySelector('svg[part="qr"]')?.getAttribute('aria-label')).to.contain(name);
    expect(unhandled).to.deep.equal([]);
  });

  it('says so next to the print button when the print view cannot be downloaded, and the button stays usable', async () => {
    await failRequests('procedure-list/print-view.', 1);
    const el = await list();
    let printed: Document | undefined;
    el.printer = (view) => {
      printed = view.document;
    };
    const message = () => text(shadow(el).querySelector('.toolbar [role="alert"]'));
    const print = shadow(el).querySelector('[part="print"]') as HTMLButtonElement;
    print.click();
    await waitUntil(() => message() !== '', 'the failure is said');
    expect(message()).to.equal('Không tải được bản in. Kiểm tra kết nối mạng rồi bấm in lại.');
    expect(printed).to.equal(undefined);
    expect(print.disabled).to.equal(false);
    await expect(el).to.be.accessible();
    expect(unhandled, 'the click handler catches the failure').to.deep.equal([]);
    // For a program, print() rejects.
    await failRequests('procedure-list/print-view.', 1);
    let rejected = false;
    await el.print().catch(() => {
      rejected = true;
    });
    expect(rejected, 'print() rejects').to.equal(true);

    print.click();
    await waitUntil(() => printed !== undefined, 'printed at the next click');
    await el.updateComplete;
    const doc = printed as Document | undefined;
    expect(doc?.querySelectorAll('tbody tr').length).to.equal(el.results.length);
    expect(message()).to.equal('');
    expect(unhandled).to.deep.equal([]);
    el.remove();
  });
});
