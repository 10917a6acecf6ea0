import { html, type TemplateResult } from 'lit';
import { apiUrl } from '../internal/config.js';
import type { Language, StringTable } from '../internal/i18n.js';
import type { DossierStatusPushStringKey } from './strings.js';

/** What the offer under a dossier shows: a button, the request under way, its outcome, or the in-app browser hint. */
export type PushOffer = 'offer' | 'busy' | 'on' | 'denied' | 'failed' | 'in-app';

/** The offer's strings, which join the element's when the offer loads. */
export const pushStrings: StringTable<DossierStatusPushStringKey> = {
  vi: {
    notify: 'Nhận thông báo khi hồ sơ thay đổi',
    notifyBusy: 'Đang bật thông báo…',
    notifyOn: 'Đã bật: trình duyệt này sẽ báo mỗi khi tình trạng hồ sơ thay đổi.',
    notifyDenied: 'Trình duyệt đang chặn thông báo của trang này. Hãy cho phép trong cài đặt trang rồi thử lại.',
    notifyFailed: 'Chưa bật được thông báo. Vui lòng thử lại sau.',
    notifyInApp: 'Muốn nhận thông báo khi hồ sơ thay đổi, hãy mở trang này bằng trình duyệt (Chrome, Safari…).',
  },
  en: {
    notify: 'Notify me when this application changes',
    notifyBusy: 'Turning notifications on…',
    notifyOn: 'On: this browser will tell you whenever the status changes.',
    notifyDenied: 'This browser blocks notifications from this page. Allow them in the site settings, then try again.',
    notifyFailed: 'Notifications could not be turned on. Please try again later.',
    notifyInApp: 'To be notified when the application changes, open this page in your browser (Chrome, Safari…).',
  },
};

/** Browsers inside apps (Zalo, Facebook, Messenger, Instagram), where QR scans open and Web Push does not work. */
const IN_APP = /\b(Zalo|FBAN|FBAV|FB_IAB|Instagram)\b/i;

/**
 * What to offer under a dossier: `offer` where the browser takes Web Push and the office sends it (its public key at
 * `api/notifications/web-push`), `in-app` in an app's browser, `undefined` otherwise (no service worker or push in
 * this browser, no HTTPS, the office has no Web Push channel or cannot be reached).
 *
 * @example
 * ```ts
 * const offer = await pushOffer(); // 'offer' | 'in-app' | undefined
 * ```
 */
export async function pushOffer(): Promise<{ readonly offer: PushOffer; readonly key: string } | undefined> {
  if (IN_APP.test(navigator.userAgent)) return { offer: 'in-app', key: '' };
  if (!('serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && isSecureContext)) {
    return undefined;
  }
  try {
    const response = await fetch(apiUrl('api/notifications/web-push'), { headers: { accept: 'application/json' } });
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
 * Turns the notices of one dossier on, from a click: asks the browser's permission (first, within the click),
 * registers the page's service worker, subscribes with the office's key and sends the subscription with the dossier's
 * code and PIN to `{endpoint}/push-subscription`. Answers `on` or `denied`; throws when a step fails.
 *
 * @example
 * ```ts
 * await subscribeToDossier({ worker: '/motcua-push-worker.js', key, url: 'api/dossiers/000.00.00.H00-261109-0001', pin: '246810', language: 'vi' });
 * ```
 */
export async function subscribeToDossier(request: {
  readonly worker: string;
  readonly key: string;
  /** The dossier's lookup address (the element's `endpoint`, `{code}` replaced). */
  readonly url: string;
  readonly pin: string;
  readonly language: Language;
}): Promise<'on' | 'denied'> {
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const registration = await navigator.serviceWorker.register(request.worker);
  await activated(registration);
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: request.key,
  });
  const response = await fetch(apiUrl(`${request.url}/push-subscription`), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'dossier-pin': request.pin },
    body: JSON.stringify({ ...subscription.toJSON(), language: request.language }),
  });
  if (!response.ok) throw new Error(`push subscription: ${response.status}`);
  return 'on';
}

/**
 * The offer under a dossier: its button, or what became of it (`role="status"` around it says so).
 *
 * @example
 * ```ts
 * html`${renderPushOffer('offer', (key) => this.t(key), () => this.notify())}`;
 * ```
 */
export function renderPushOffer(
  offer: PushOffer,
  t: (key: DossierStatusPushStringKey) => string,
  notify: () => void,
): TemplateResult {
  const said: Partial<Record<PushOffer, DossierStatusPushStringKey>> = {
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
