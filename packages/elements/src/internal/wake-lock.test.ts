import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { keepAwake } from './wake-lock.js';
import { stubWakeLock, WakeLockStub } from './wake-lock.test-support.js';

class WakeLockTestHost extends LitElement {
  static override properties = { noWakeLock: { type: Boolean, attribute: 'no-wake-lock' } };
  noWakeLock = false;
  constructor() {
    super();
    keepAwake(this);
  }
}
customElements.define('wake-lock-test-host', WakeLockTestHost);

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keepAwake (Screen Wake Lock controller)', () => {
  let restore: () => void = () => undefined;
  before(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  });
  after(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });
  afterEach(() => {
    restore();
    visibility = 'visible';
  });

  it('holds the screen awake while connected and visible, again after the page was hidden, released on removal', async () => {
    const stub = new WakeLockStub();
    restore = stubWakeLock(stub);
    const el = await fixture<WakeLockTestHost>(html`<wake-lock-test-host></wake-lock-test-host>`);
    await settle();
    expect(stub.requests).to.equal(1);
    expect(stub.held).to.equal(true);
    el.requestUpdate();
    await el.updateComplete;
    await settle();
    expect(stub.requests, 'not asked again on every update').to.equal(1);

    stub.drop();
    setVisibility('hidden');
    await settle();
    expect(stub.requests, 'never asked while hidden').to.equal(1);
    setVisibility('visible');
    await settle();
    expect(stub.requests).to.equal(2);
    expect(stub.held).to.equal(true);

    el.remove();
    await settle();
    expect(stub.releases).to.equal(1);
    expect(stub.held).to.equal(false);
    setVisibility('visible');
    await settle();
    expect(stub.requests, 'no longer listening once removed').to.equal(2);
  });

  it('asks nothing with no-wake-lock, and follows the attribute when it changes', async () => {
    const stub = new WakeLockStub();
    restore = stubWakeLock(stub);
    const el = await fixture<WakeLockTestHost>(html`<wake-lock-test-host no-wake-lock></wake-lock-test-host>`);
    await settle();
    expect(stub.requests).to.equal(0);
    el.noWakeLock = false;
    await el.updateComplete;
    await settle();
    expect(stub.requests).to.equal(1);
    expect(stub.held).to.equal(true);
    el.noWakeLock = true;
    await el.updateComplete;
    await settle();
    expect(stub.releases).to.equal(1);
    expect(stub.held).to.equal(false);
  });

  it('releases a lock granted after the element already left', async () => {
    const stub = new WakeLockStub();
    restore = stubWakeLock(stub);
    const el = await fixture<WakeLockTestHost>(html`<wake-lock-test-host></wake-lock-test-host>`);
    el.remove(); // before the request's promise settles
    await settle();
    expect(stub.requests).to.equal(1);
    expect(stub.releases).to.equal(1);
    expect(stub.held).to.equal(false);
  });

  it('is quiet where the API is missing or the browser refuses, and asks again when the page is shown again', async () => {
    const errors: unknown[] = [];
    const onError = (event: PromiseRejectionEvent) => errors.push(event.reason);
    globalThis.addEventListener('unhandledrejection', onError);
    try {
      restore = stubWakeLock(undefined);
      const el = await fixture<WakeLockTestHost>(html`<wake-lock-test-host></wake-lock-test-host>`);
      el.requestUpdate();
      await el.updateComplete;
      el.remove();
      restore();

      const stub = new WakeLockStub();
      stub.refuse = true;
      restore = stubWakeLock(stub);
      const refused = await fixture<WakeLockTestHost>(html`<wake-lock-test-host></wake-lock-test-host>`);
      await settle();
      expect(stub.requests).to.equal(1);
      refused.requestUpdate();
      await refused.updateComplete;
      await settle();
      expect(stub.requests, 'a refusal is not asked again on every update').to.equal(1);
      stub.refuse = false;
      setVisibility('hidden');
      setVisibility('visible');
      await settle();
      expect(stub.requests).to.equal(2);
      expect(stub.held).to.equal(true);
      await settle();
    } finally {
      globalThis.removeEventListener('unhandledrejection', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('passes the accessibility check with its host', async () => {
    restore = stubWakeLock(undefined);
    const el = await fixture<WakeLockTestHost>(html`<wake-lock-test-host></wake-lock-test-host>`);
    await expect(el).to.be.accessible();
  });
});
