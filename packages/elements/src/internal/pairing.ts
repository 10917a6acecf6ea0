// A device's pairing screen, loaded only by a device page without a credential (the counter console with `pair`): it
// asks the server for a pairing code with a claim secret it drew itself, shows the code big, waits for an admin's
// approval and collects its own credential, kept in localStorage (PAIRED_ENTRY). Refused or expired: a new code.
import type { DeviceKind, PairingCollected, PairingStart } from '@motcua/core/staff';
import { css, html, nothing } from 'lit';
import { apiUrl } from './config.js';
import type { StringTable } from './i18n.js';

/**
 * The `localStorage` entry of the paired device, `{ credential, device }` — the one `<motcua-rating-form>` reads a
 * counter tablet's credential from (`PAIRED_DEVICE_KEY` of paired-device.ts, written here so that this chunk and the
 * rating form's share no module; a test checks they are the same).
 */
export const PAIRED_ENTRY = 'motcua:paired-device';

/** The Vietnamese strings (the default); their keys are the string keys. */
const pairingStringsVi = {
  pairingTitle: 'Ghép nối thiết bị',
  pairingHelp:
    'Thiết bị này chưa được ghép nối. Hãy báo quản trị viên duyệt mã dưới đây (trang quản trị hoặc lệnh motcua-server devices approve).',
  pairingCode: 'Mã ghép nối: {code}',
  pairingWaiting: 'Đang chờ quản trị viên duyệt…',
  pairingRenewed: 'Mã trước đã hết hạn hoặc bị từ chối; đây là mã mới.',
  pairingOffline: 'Không kết nối được máy chủ; thiết bị sẽ tự thử lại.',
};

/**
 * The keys of the pairing screen's strings.
 *
 * @useDeclaredType
 */
export type PairingStringKey = keyof typeof pairingStringsVi;

/** The pairing screen's strings in Vietnamese and English (the host element's `strings` override them). */
export const pairingStrings: StringTable<PairingStringKey> = {
  vi: pairingStringsVi,
  en: {
    pairingTitle: 'Pair this device',
    pairingHelp:
      'This device is not paired yet. Ask an administrator to approve the code below (the admin page or motcua-server devices approve).',
    pairingCode: 'Pairing code: {code}',
    pairingWaiting: 'Waiting for an administrator’s approval…',
    pairingRenewed: 'The previous code expired or was refused; this is a new one.',
    pairingOffline: 'The server cannot be reached; the device will try again.',
  },
};

/** The pairing code in large letters, readable across the counter. */
export const pairingStyles = css`
  [part='pairing-code'] {
    margin: 0.25em 0;
    font: 700 3em/1.2 ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
    letter-spacing: 0.1em;
  }
`;

/** Where the claim of a pairing in progress is kept, so that a reload shows the same code. */
const CLAIM_KEY = 'motcua:pairing-claim';

/** What the pairing screen needs from its element. */
export interface PairingHost {
  requestUpdate(): void;
  t(key: PairingStringKey, params?: Readonly<Record<string, string>>): string;
  /** The device collected its credential (or had one): the element works with it from now on. */
  paired(credential: string, device?: Partial<PairingCollected['device']>): void;
  /**
   * What the device is (a kiosk, a board), said when it asks: the admin's screen offers it first. A counter tablet
   * says nothing: the screen offers a counter tablet when a device does not say.
   */
  readonly kind?: DeviceKind;
}

/** 32 random bytes, base64url: the secret only this device knows, which collects its credential. */
const newClaim = (): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** POSTs `{ claim, kind? }` to a pairing route: the status and JSON answer, or status 0 without an answer. */
async function send(path: string, claim: string, kind?: DeviceKind): Promise<{ status: number; json?: unknown }> {
  try {
    const response = await fetch(apiUrl(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ claim, kind }),
      credentials: 'omit',
    });
    return { status: response.status, json: await response.json().catch(() => undefined) };
  } catch {
    return { status: 0 };
  }
}

/**
 * The pairing of one device page: {@link DevicePairing.start} when the element has no credential, `render()` in its
 * template, {@link DevicePairing.stop} when it leaves the page.
 *
 * @example
 * ```ts
 * this.pairing = new DevicePairing({ requestUpdate: () => this.requestUpdate(), t, paired: (c) => (this.token = c) });
 * this.pairing.start();
 * ```
 */
export class DevicePairing {
  /** The code shown, once the server gave one. */
  code = '';
  private note = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(
    private readonly host: PairingHost,
    /** How long to wait between two looks at the approval, in milliseconds. */
    private readonly every = 2000,
  ) {}

  /** Uses the credential kept on this device, else asks for a code and waits for its approval. */
  start(): void {
    let kept: Partial<PairingCollected> | undefined;
    try {
      kept = JSON.parse(localStorage.getItem(PAIRED_ENTRY) ?? '{}');
    } catch {
      // Not ours, or damaged: paired again.
    }
    if (typeof kept?.credential === 'string' && kept.credential) {
      this.host.paired(kept.credential, kept.device);
      return;
    }
    if (this.running) return;
    this.running = true;
    void this.ask();
  }

  /** Forgets the credential kept on this device (the server refused it: revoked) and pairs again. */
  forget(): void {
    localStorage.removeItem(PAIRED_ENTRY);
    this.start();
  }

  /** Stops waiting (the element left the page); the claim stays for the next start. */
  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  private later(work: () => Promise<void>): void {
    clearTimeout(this.timer);
    if (this.running) this.timer = setTimeout(() => void work(), this.every);
  }

  /** A code for this device's claim (the same code again for a claim still waiting). */
  private async ask(): Promise<void> {
    let claim = localStorage.getItem(CLAIM_KEY) ?? '';
    if (!claim) {
      claim = newClaim();
      localStorage.setItem(CLAIM_KEY, claim);
    }
    const { status, json } = await send('api/devices/pairings', claim, this.host.kind);
    // Only the code is read: it is shown as text, whatever the server sent.
    const start = typeof (json as PairingStart)?.code === 'string' ? (json as PairingStart) : undefined;
    if (status === 409) return this.renew();
    this.note = start ? '' : this.host.t('pairingOffline');
    if (start) this.code = start.code;
    this.host.requestUpdate();
    this.later(() => (start ? this.collect(claim) : this.ask()));
  }

  /** Looks whether the admin approved: the credential once, kept on this device. */
  private async collect(claim: string): Promise<void> {
    const { status, json } = await send('api/devices/pairings/collect', claim);
    const collected = json as PairingCollected | undefined;
    if (status === 200 && typeof collected?.credential === 'string') {
      this.stop();
      localStorage.setItem(PAIRED_ENTRY, JSON.stringify(collected));
      localStorage.removeItem(CLAIM_KEY);
      this.host.paired(collected.credential, collected.device);
      return;
    }
    // Refused, expired, collected elsewhere or unknown: a new claim and a new code.
    if (status === 404 || status === 410) return this.renew();
    this.note = status === 202 ? '' : this.host.t('pairingOffline');
    this.host.requestUpdate();
    this.later(() => this.collect(claim));
  }

  private async renew(): Promise<void> {
    localStorage.removeItem(CLAIM_KEY);
    this.code = '';
    await this.ask();
    this.note ||= this.host.t('pairingRenewed');
    this.host.requestUpdate();
  }

  /** The pairing screen: what to do, the code in large letters, what the device is waiting for. */
  render() {
    const { t } = this.host;
    const code = this.code && `${this.code.slice(0, 3)}-${this.code.slice(3)}`;
    return html`<section part="pairing" aria-labelledby="pairing-title">
      <h3 id="pairing-title">${t('pairingTitle')}</h3>
      <p>${t('pairingHelp')}</p>
      ${code ? html`<p part="pairing-code" aria-label=${t('pairingCode', { code: [...this.code].join(' ') })}>${code}</p>` : nothing}
      <p part="status" role="status">${code ? t('pairingWaiting') : ''}</p>
      <p part="error" role="alert">${this.note}</p>
    </section>`;
  }
}
