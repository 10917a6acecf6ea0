import {
  DEVICE_KINDS,
  type DeviceKind,
  type DeviceView,
  type OfficeSettingsVersion,
  type PairingApproval,
  type PendingPairing,
  readDeviceView,
  readPendingPairing,
} from '@motcua/core/staff';
import { html, nothing, type PropertyValues } from 'lit';
import { api } from '../internal/api-client.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import { StaffScreen } from '../internal/staff-screen.js';
import { blockStyles } from '../internal/styles.js';
import type { DeviceRevokedDetail, PairingDecidedDetail } from './device-pairings.events.js';
import { type DevicePairingsStringKey, devicePairingsStrings } from './device-pairings.strings.js';
import { devicePairingsStyles } from './device-pairings.styles.js';

export type { DeviceRevokedDetail, PairingDecidedDetail } from './device-pairings.events.js';
export type { DevicePairingsStringKey } from './device-pairings.strings.js';

/** What the admin chose for a waiting code before approving it. */
interface Draft {
  readonly name: string;
  readonly kind: DeviceKind;
  readonly counter: string;
}

/** The entries of a list answer (`{ pairings: [...] }`, `{ devices: [...] }`) that its reader accepts. */
function entries<T>(json: unknown, key: string, read: (value: unknown) => T | undefined): T[] {
  const list = (json as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(list) ? list.map(read).filter((entry): entry is T => entry !== undefined) : [];
}

/** A code as the device shows it: `KX794M` → `KX7-94M`. */
const shownCode = (code: string): string => `${code.slice(0, 3)}-${code.slice(3)}`;

/**
 * The admin's screen for pairing devices, on the server's own origin: the pairing codes that kiosks, counter tablets
 * and boards show and wait with (`GET /api/devices/pairings`), each approved — named, with its kind and, for a counter
 * tablet, its counter — or rejected; and the paired devices (`GET /api/devices`), each revoked after a confirmation.
 * The lists refresh every `poll` seconds while the page is visible, and after each action; the server's refusals are
 * shown with their message. Without an admin session it asks to sign in.
 *
 * @summary Device pairing (admins only): approve or reject codes, revoke devices.
 * @fires motcua-pairing-decided - A pairing code was approved or rejected; detail {@link PairingDecidedDetail}.
 * @fires motcua-device-revoked - A device was revoked; detail {@link DeviceRevokedDetail}.
 * @csspart pairing - One waiting pairing request.
 * @csspart code - A waiting pairing's code, in large letters.
 * @csspart device - One paired device.
 * @csspart message - What the last action said (done, or the server's refusal).
 * @cssproperty --motcua-device-pairings-font-size - The base size (default 16px).
 * @cssproperty --motcua-device-pairings-accent - Buttons and codes (default #0b4f9c).
 * @cssproperty --motcua-device-pairings-danger - Reject and revoke (default #a4000f).
 * @cssproperty --motcua-device-pairings-color - Text (default #1b1b1b).
 * @cssproperty --motcua-device-pairings-background - Background (default #ffffff).
 *
 * @example
 * ```html
 * <script type="module" src="/cdn/motcua-device-pairings.js"></script>
 * <motcua-device-pairings sign-in-href="/dang-nhap.html"></motcua-device-pairings>
 * ```
 */
export class MotcuaDevicePairings extends StaffScreen<DevicePairingsStringKey> {
  /** The element's styles. */
  static override styles = [...StaffScreen.styles, blockStyles, devicePairingsStyles];

  /** Seconds between refreshes while the page is visible (default 5); 0: only the refresh button and the actions. */
  @property({ type: Number }) poll = 5;

  @state() private pairings: readonly PendingPairing[] = [];
  @state() private devices: readonly DeviceView[] = [];
  @state() private counters: readonly { readonly id: string; readonly label: string }[] = [];
  @state() private drafts: Readonly<Record<string, Draft>> = {};
  @state() private confirming = '';

  protected readonly defaultStrings = devicePairingsStrings;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = false;
  /** What to focus after the next render: the confirmation's cancel, or the revoke button it replaced. */
  private focusNext = '';

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.visibility);
    void this.loadCounters();
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.visibility);
    clearTimeout(this.timer);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusNext) return;
    this.shadowRoot?.querySelector<HTMLElement>(this.focusNext)?.focus();
    this.focusNext = '';
  }

  protected override tools() {
    return html`<button type="button" class="refresh" @click=${() => this.refresh()}>${this.t('refresh')}</button>`;
  }

  protected shown() {
    return html`${this.pendingSection()} ${this.devicesSection()}`;
  }

  private pendingSection() {
    return html`<section aria-labelledby="pending">
      <h3 id="pending">${this.t('pending')}</h3>
      <p>${this.t('pendingHint')}</p>
      ${
        this.pairings.length === 0
          ? html`<p>${this.t('noPending')}</p>`
          : html`<ul>
            ${this.pairings.map((p) => this.pairingView(p))}
          </ul>`
      }
    </section>`;
  }

  private pairingView(p: PendingPairing) {
    const d = this.draftOf(p.code);
    const id = (field: string) => `${field}-${p.code}`;
    return html`<li part="pairing" data-code=${p.code}>
      <h4 aria-label=${this.t('code', { code: shownCode(p.code) })}>
        <span part="code">${shownCode(p.code)}</span>
      </h4>
      <p>${this.t('requested', { at: this.time(p.requestedAt), expires: this.time(p.expiresAt) })}</p>
      <div class="fields">
        <label for=${id('kind')}>${this.t('kind')}</label>
        <select id=${id('kind')} name="kind" @change=${(e: Event) => this.setDraft(p.code, { kind: value(e) as DeviceKind })}>
          ${DEVICE_KINDS.map(
            (kind) =>
              html`<option value=${kind} ?selected=${kind === d.kind}>
                ${this.t(`kind-${kind}` as DevicePairingsStringKey)}
              </option>`,
          )}
        </select>
        ${d.kind === 'counter' ? this.counterField(p.code, d, id('counter')) : nothing}
        <label for=${id('name')}>${this.t('name')}</label>
        <input
          id=${id('name')}
          name="name"
          type="text"
          maxlength="100"
          autocomplete="off"
          .value=${d.name}
          placeholder=${this.defaultName(p.code, d)}
          @input=${(e: Event) => this.setDraft(p.code, { name: value(e) })}
        />
      </div>
      <button type="button" class="approve" @click=${() => this.approve(p.code)}>${this.t('approve')}</button>
      <button type="button" class="danger" @click=${() => this.reject(p.code)}>${this.t('reject')}</button>
    </li>`;
  }

  private counterField(code: string, d: Draft, id: string) {
    const label = html`<label for=${id}>${this.t('counter')}</label>`;
    const change = (e: Event) => this.setDraft(code, { counter: value(e) });
    if (this.counters.length === 0) {
      return html`${label}<input id=${id} name="counter" type="text" .value=${d.counter} @input=${change} />`;
    }
    return html`${label}<select id=${id} name="counter" @change=${change}>
        ${this.counters.map(
          (c) =>
            html`<option value=${c.id} ?selected=${c.id === d.counter}>
              ${this.t('counterOption', { label: c.label })}
            </option>`,
        )}
      </select>`;
  }

  private devicesSection() {
    return html`<section aria-labelledby="devices">
      <h3 id="devices">${this.t('devices')}</h3>
      ${
        this.devices.length === 0
          ? html`<p>${this.t('noDevices')}</p>`
          : html`<ul>
            ${this.devices.map((d) => this.deviceView(d))}
          </ul>`
      }
    </section>`;
  }

  private deviceView(d: DeviceView) {
    const counter =
      d.counter === undefined ? '' : ` · ${this.t('counterOption', { label: this.counterLabel(d.counter) })}`;
    return html`<li part="device" data-id=${d.id} class=${d.revokedAt ? 'revoked' : ''}>
      <strong>${d.name}</strong> — ${this.t(`kind-${d.kind}` as DevicePairingsStringKey)}${counter}
      <br />${this.t('pairedAt', { at: this.time(d.createdAt) })} ·
      ${this.t('lastSeen', { at: d.lastSeenAt ? this.time(d.lastSeenAt) : this.t('never') })}
      ${d.revokedAt ? html`<br /><em>${this.t('revokedAt', { at: this.time(d.revokedAt) })}</em>` : this.revokeView(d)}
    </li>`;
  }

  private revokeView(d: DeviceView) {
    if (this.confirming !== d.id) {
      return html`<br /><button
          type="button"
          class="danger revoke"
          @click=${() => {
            this.confirming = d.id;
            this.focusNext = `[data-id="${d.id}"] .cancel`;
          }}
        >
          ${this.t('revoke')}
        </button>`;
    }
    return html`<div class="confirm" role="group" aria-label=${this.t('revoke')}>
      <p>${this.t('confirmRevoke', { name: d.name })}</p>
      <button type="button" class="danger" @click=${() => this.revoke(d)}>${this.t('confirm')}</button>
      <button
        type="button"
        class="cancel"
        @click=${() => {
          this.confirming = '';
          this.focusNext = `[data-id="${d.id}"] .revoke`;
        }}
      >
        ${this.t('cancel')}
      </button>
    </div>`;
  }

  /** An instant as the office reads it: Hà Nội time, `09:05 09/12`. */
  private time(iso: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Ho_Chi_Minh',
        hourCycle: 'h23',
        hour: '2-digit',
        minute: '2-digit',
        day: '2-digit',
        month: '2-digit',
      })
        .formatToParts(date)
        .map((part) => [part.type, part.value]),
    );
    return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}`;
  }

  private counterLabel(id: string): string {
    return this.counters.find((c) => c.id === id)?.label ?? id;
  }

  private draftOf(code: string): Draft {
    // What the device said it is, else a counter tablet (the device that pairs most), on the office's first counter.
    const kind = this.pairings.find((p) => p.code === code)?.requestedKind ?? 'counter';
    return this.drafts[code] ?? { name: '', kind, counter: this.counters[0]?.id ?? '' };
  }

  private setDraft(code: string, change: Partial<Draft>): void {
    this.drafts = { ...this.drafts, [code]: { ...this.draftOf(code), ...change } };
  }

  /** The name a device gets when the admin typed none: its kind and code ("Ki-ốt lấy số KX7-94M"). */
  private defaultName(code: string, d: Draft): string {
    const kind = this.t(`kind-${d.kind}` as DevicePairingsStringKey);
    const counter = d.kind === 'counter' && d.counter ? ` ${this.counterLabel(d.counter)}` : '';
    return this.t('namePlaceholder', { kind: `${kind}${counter}`, code: shownCode(code) });
  }

  private readonly visibility = (): void => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  /** The next refresh, `poll` seconds from now, while the element is on the page. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.isConnected || !(this.poll > 0)) return;
    this.timer = setTimeout(() => {
      if (document.visibilityState === 'hidden') this.schedule();
      else void this.refresh();
    }, this.poll * 1000);
  }

  /** The office's counters, for a counter tablet's approval; without them the counter is typed. */
  private async loadCounters(): Promise<void> {
    try {
      const settings = (await api('/api/admin/settings', { signal: this.requests.signal })) as
        | Partial<OfficeSettingsVersion>
        | undefined;
      const counters = settings?.settings?.queue?.counters;
      if (!Array.isArray(counters)) return;
      this.counters = counters
        .filter((c) => typeof c?.id === 'string')
        .map((c) => ({ id: c.id, label: typeof c.label === 'string' ? c.label : c.id }));
    } catch {
      // The counter is typed instead.
    }
  }

  private async refresh(): Promise<void> {
    try {
      const [pairings, devices] = await Promise.all([
        api('/api/devices/pairings', { signal: this.requests.signal }),
        api('/api/devices', { signal: this.requests.signal }),
      ]);
      this.pairings = entries(pairings, 'pairings', readPendingPairing);
      this.devices = entries(devices, 'devices', readDeviceView);
      this.phase = 'shown';
    } catch (error) {
      if (!this.failed(error)) return;
      if (this.phase === 'loading') this.phase = 'failed';
    }
    this.schedule();
  }

  /** As the other staff screens, and the refreshes stop once the page must sign in again or is not allowed. */
  protected override failed(error: unknown): boolean {
    const more = super.failed(error);
    if (this.phase === 'sign-in' || this.phase === 'forbidden') clearTimeout(this.timer);
    return more;
  }

  /** Runs one action, one at a time, then shows `done` (or the refusal) and refreshes the lists. */
  private async act(request: () => Promise<unknown>, done: string, after: () => void): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    // The item acted on leaves the list: the keyboard goes on from what the action said.
    this.focusNext = '[part="message"]';
    try {
      await request();
      this.message = { kind: 'status', text: done };
      after();
    } catch (error) {
      if (!this.failed(error)) return;
    } finally {
      this.busy = false;
    }
    await this.refresh();
  }

  private approve(code: string): Promise<void> {
    const d = this.draftOf(code);
    const approval: PairingApproval = {
      name: d.name.trim() || this.defaultName(code, d),
      kind: d.kind,
      ...(d.kind === 'counter' ? { counter: d.counter } : {}),
    };
    return this.act(
      () => api(`/api/devices/pairings/${code}/approve`, { body: approval, signal: this.requests.signal }),
      this.t('approved', { code: shownCode(code) }),
      () => this.emit('motcua-pairing-decided', { code, approved: true, approval }),
    );
  }

  private reject(code: string): Promise<void> {
    return this.act(
      () => api(`/api/devices/pairings/${code}/reject`, { method: 'POST', signal: this.requests.signal }),
      this.t('rejected', { code: shownCode(code) }),
      () => this.emit('motcua-pairing-decided', { code, approved: false }),
    );
  }

  private revoke(d: DeviceView): Promise<void> {
    this.confirming = '';
    return this.act(
      () => api(`/api/devices/${encodeURIComponent(d.id)}`, { method: 'DELETE', signal: this.requests.signal }),
      this.t('revoked', { name: d.name }),
      () => this.emit('motcua-device-revoked', { id: d.id, name: d.name }),
    );
  }
}

/** The value of the input or select an event came from. */
const value = (event: Event): string => (event.target as HTMLInputElement | HTMLSelectElement).value;

defineElement('motcua-device-pairings', MotcuaDevicePairings);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-device-pairings': MotcuaDevicePairings;
  }
}
