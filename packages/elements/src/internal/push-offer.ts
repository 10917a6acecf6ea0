import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { apiUrl } from './config.js';
import type { StringTable } from './i18n.js';

/**
 * The keys of the Web Push offer's strings, which join an element's own when the offer loads (override any with
 * `strings` or `configure`, as the element's own).
 */
export type PushStringKey = 'notify' | 'notifyBusy' | 'notifyOn' | 'notifyDenied' | 'notifyFailed' | 'notifyInApp';

/** What the offer shows: a button, the request under way, its outcome, or the hint for an app's own browser. */
export type PushOffer = 'offer' | 'busy' | 'on' | 'denied' | 'failed' | 'in-app';

const COMMON = {
  vi: {
    notifyBusy: 'Đang bật thông báo…',
    notifyDenied: 'Trình duyệt đang chặn thông báo của trang này. Hãy cho phép trong cài đặt trang rồi thử lại.',
    notifyFailed: 'Chưa bật được thông báo. Vui lòng thử lại sau.',
    notifyInApp: 'Muốn nhận thông báo, hãy mở trang này bằng trình duyệt (Chrome, Safari…) thay vì trong ứng dụng.',
  },
  en: {
    notifyBusy: 'Turning notifications on…',
    notifyDenied: 'This browser blocks notifications from this page. Allow them in the site settings, then try again.',
    notifyFailed: 'Notifications could not be turned on. Please try again later.',
    notifyInApp: 'To be notified, open this page in your browser (Chrome, Safari…) instead of inside the app.',
  },
};

/**
 * The offer's strings for a dossier's status changes or a ticket's turn.
 *
 * @example
 * ```ts
 * pushStrings('ticket').vi.notify; // 'Báo cho tôi khi sắp đến lượt'
 * ```
 */
export function pushStrings(subject: 'dossier' | 'ticket'): StringTable<PushStringKey> {
  const ticket = subject === 'ticket';
  return {
    vi: {
      ...COMMON.vi,
      notify: ticket ? 'Báo cho tôi khi sắp đến lượt' : 'Nhận thông báo khi hồ sơ thay đổi',
      notifyOn: ticket
        ? 'Đã bật: điện thoại sẽ báo khi sắp đến lượt và khi được gọi, cả khi tắt màn hình.'
        : 'Đã bật: trình duyệt này sẽ báo mỗi khi tình trạng hồ sơ thay đổi.',
    },
    en: {
      ...COMMON.en,
      notify: ticket ? 'Notify me when my turn is near' : 'Notify me when this application changes',
      notifyOn: ticket
        ? 'On: your phone will tell you when your turn is near and when you are called, even with the screen off.'
        : 'On: this browser will tell you whenever the status changes.',
    },
  };
}

/** Browsers inside apps (Zalo, Facebook, Messenger, Instagram), where QR scans open and Web Push does not work. */
const IN_APP = /\b(Zalo|FBAN|FBAV|FB_IAB|Instagram)\b/i;

/**
 * What to offer: `offer` (with the office's public key, from `api/notifications/web-push` against `base`) where the
 * browser takes Web Push and the office sends it, `in-app` in an app's own browser, `undefined` otherwise (no service
 * worker or push in this browser, no HTTPS, the office has no Web Push channel or cannot be reached).
 *
 * @example
 * ```ts
 * const found = await pushOffer(); // { offer: 'offer', key: 'BNc…' } | { offer: 'in-app', key: '' } | undefined
 * ```
 */
export async function pushOffer(
  base?: string,
): Promise<{ readonly offer: PushOffer; readonly key: string } | undefined> {
  if (IN_APP.test(navigator.userAgent)) return { offer: 'in-app', key: '' };
  if (!('serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && isSecureContext)) {
    return undefined;
  }
  try {
    const response = await fetch(apiUrl('api/notifications/web-push', base), {
      headers: { accept: 'application/json' },
    });
    const { publicKey } = (response.ok ? await response.json() : {}) as { publicKey?: unknown };
    return typeof publicKey === 'string' && publicKey ? { offer: 'offer', key: publicKey } : undefined;
  } catch {
    return undefined;
  }
}

/** Until a registration's worker is active (Push subscriptions need one); rejects if it is thrown away. */
async function activated(registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.installing ?? registration.waiting;
  if (registration.active || !worker) return;
  await new Promise<void>((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant') reject(new Error('service worker redundant'));
    });
  });
}

/**
 * The address a page registers its service worker at: `worker` (resolved against the page) with the absolute API base
 * (`apiUrl`'s, from `base` or the page's configuration) as its `api` parameter, where the worker sends a renewed
 * subscription when the browser replaces one (`pushsubscriptionchange`). Registering it over a registration of the
 * same worker without the parameter updates that registration (same scope), whose push subscription stays.
 *
 * @example
 * ```ts
 * pushWorkerUrl('/motcua-push-worker.js', 'https://motcua.xa-an-binh.gov.vn/');
 * // 'https://xa-an-binh.gov.vn/motcua-push-worker.js?api=https%3A%2F%2Fmotcua.xa-an-binh.gov.vn%2F'
 * ```
 */
export function pushWorkerUrl(worker: string, base?: string): string {
  const url = new URL(worker, document.baseURI);
  url.searchParams.set('api', apiUrl('', base).href);
  return url.href;
}

/**
 * Turns notices on, from a click: asks the browser's permission (first, within the click), registers the page's
 * service worker (at {@link pushWorkerUrl}, told the API base `base`), subscribes with the office's key and PUTs the
 * subscription, with `fields` (the language, a ticket's `near`…) and `headers` (a dossier's PIN), to `url`. Answers
 * `on` or `denied`; throws when a step fails.
 *
 * @example
 * ```ts
 * await subscribeBrowser({
 *   worker: '/motcua-push-worker.js',
 *   key,
 *   url: apiUrl(`api/dossiers/${code}/push-subscription`),
 *   headers: { 'dossier-pin': pin },
 *   fields: { language: 'vi' },
 * });
 * ```
 */
export async function subscribeBrowser(request: {
  readonly worker: string;
  readonly base?: string | undefined;
  readonly key: string;
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, unknown>>;
}): Promise<'on' | 'denied'> {
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const registration = await navigator.serviceWorker.register(pushWorkerUrl(request.worker, request.base));
  await activated(registration);
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: request.key,
  });
  const response = await fetch(request.url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: JSON.stringify({ ...subscription.toJSON(), ...request.fields }),
  });
  if (!response.ok) throw new Error(`push subscription: ${response.status}`);
  try {
    localStorage.setItem(sentKey(request.url), subscription.endpoint);
  } catch {
    // Storage blocked: after a reload the offer shows its button again, and pressing it sends the same again.
  }
  return 'on';
}

/** Where this browser remembers the push service endpoint it sent to a dossier's or ticket's subscription URL. */
const sentKey = (url: URL) => `motcua:push:${url.href}`;

/**
 * Whether this browser's subscription (its page worker's) is the one it sent to `request.url`: after a reload, the
 * offer then says notices are on instead of offering them again. A browser that changed its subscription since, or
 * lost its permission, is offered again. A worker registered without the API base (before it was told one) is
 * registered again at {@link pushWorkerUrl}, which updates it and keeps its subscription.
 */
async function alreadySent(request: PushSubscribeRequest, base: string | undefined): Promise<boolean> {
  try {
    const sent = localStorage.getItem(sentKey(request.url));
    const registration = sent ? await navigator.serviceWorker.getRegistration(request.worker) : undefined;
    // A browser whose permission was withdrawn has no subscription any more.
    const on = !!registration && (await registration.pushManager.getSubscription())?.endpoint === sent;
    const worker = pushWorkerUrl(request.worker, base);
    if (on && registration?.active && registration.active.scriptURL !== worker) {
      await navigator.serviceWorker.register(worker).catch(() => undefined);
    }
    return on;
  } catch {
    return false;
  }
}

/**
 * The offer: its button, or what became of it (in a `role="status"` paragraph).
 *
 * @example
 * ```ts
 * html`${renderPushOffer('offer', (key) => this.t(key), () => this.notify())}`;
 * ```
 */
export function renderPushOffer(
  offer: PushOffer,
  t: (key: PushStringKey) => string,
  notify: () => void,
): TemplateResult {
  const said: Partial<Record<PushOffer, PushStringKey>> = {
    busy: 'notifyBusy',
    on: 'notifyOn',
    denied: 'notifyDenied',
    failed: 'notifyFailed',
    'in-app': 'notifyInApp',
  };
  const key = said[offer];
  return html`<div part="notify">
    ${offer === 'offer' || offer === 'failed' || offer === 'denied' ? html`<button part="button" type="button" @click=${notify}>${t('notify')}</button>` : ''}
    <p class="hint" role="status">${key ? t(key) : ''}</p>
  </div>`;
}

/** Where a subscription goes, and what it carries besides the browser's (see {@link subscribeBrowser}). */
export interface PushSubscribeRequest {
  readonly worker: string;
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * An element's Web Push offer, loaded with this module: what it shows, the office's key, and the click that turns
 * notices on. The element says when to load it (a dossier shown, a ticket waiting), learns its strings, and renders it
 * where it belongs.
 *
 * @example
 * ```ts
 * // after loading this module lazily:
 * this.pushOffer ??= new PushOfferController(this, 'ticket', (join) => (this.defaultStrings = join(this.defaultStrings)));
 * await this.pushOffer.load(this.apiBase || undefined);
 * // in render():
 * html`${this.pushOffer?.render((key) => this.t(key), () => ({ worker, url, fields: { language: this.language } }))}`;
 * ```
 */
export class PushOfferController implements ReactiveController {
  /** What the offer shows; `undefined`: nothing (not loaded yet, or nothing to offer). */
  offer: PushOffer | undefined;
  private key = '';
  /** The API base the offer was loaded from, which the service worker is told. */
  private base: string | undefined;
  private loading: Promise<void> | undefined;
  /** Counts resets: a load begun before one does not show its offer. */
  private generation = 0;
  /** The subscription URL whose earlier subscription was looked for (after a reload). */
  private checked = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly subject: 'dossier' | 'ticket',
    /** Gives the host the function that joins the offer's strings to its own. */
    private readonly learn: (join: <K extends string>(own: StringTable<K>) => StringTable<K | PushStringKey>) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the offer once (until a reset): what this browser and the office at `base` can take. */
  load(base?: string): Promise<void> {
    const generation = this.generation;
    this.base = base;
    this.loading ??= pushOffer(base).then((found) => {
      if (!found || generation !== this.generation) return;
      const strings = pushStrings(this.subject);
      this.learn((own) => ({ vi: { ...own.vi, ...strings.vi }, en: { ...own.en, ...strings.en } }));
      this.key = found.key;
      this.show(found.offer);
    });
    return this.loading;
  }

  /** Forgets the offer (another dossier is looked up). */
  reset(): void {
    this.generation++;
    this.loading = undefined;
    this.checked = '';
    this.show(undefined);
  }

  /**
   * The offer's button or outcome, or nothing; `request` is read when the button is pressed, and once per subscription
   * URL while the button shows, to say notices are on when this browser sent its subscription there before a reload.
   */
  render(t: (key: PushStringKey) => string, request: () => PushSubscribeRequest): TemplateResult | undefined {
    const offer = this.offer;
    if (offer === 'offer') this.restore(request());
    return offer && renderPushOffer(offer, t, () => void this.notify(request()));
  }

  private restore(request: PushSubscribeRequest): void {
    if (this.checked === request.url.href) return;
    this.checked = request.url.href;
    const generation = this.generation;
    void alreadySent(request, this.base).then((sent) => {
      if (sent && generation === this.generation && this.offer === 'offer') this.show('on');
    });
  }

  private async notify(request: PushSubscribeRequest): Promise<void> {
    if (this.offer === 'busy') return;
    this.show('busy');
    try {
      this.show(await subscribeBrowser({ ...request, base: this.base, key: this.key }));
    } catch {
      this.show('failed');
    }
  }

  private show(offer: PushOffer | undefined): void {
    this.offer = offer;
    this.host.requestUpdate();
  }
}
