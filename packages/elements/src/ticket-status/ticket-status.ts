import { type BoardDelta, type BoardSnapshot, type FollowedTicket, readFollowedTicket } from '@motcua/core/queue';
import { html, nothing, type PropertyValues } from 'lit';
import { MotcuaElement } from '../internal/base.js';
import { BoardStream } from '../internal/board-stream.js';
import { apiUrl } from '../internal/config.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import type { StringTable } from '../internal/i18n.js';
import type { PushStringKey } from '../internal/push-offer.js';
import { blockStyles } from '../internal/styles.js';
import type { NumberStringKey } from './number-mode.js';
import type { TicketChangeDetail } from './ticket-status.events.js';
import { type TicketStatusStringKey, ticketStatusStrings } from './ticket-status.strings.js';
import { ticketStatusStyles } from './ticket-status.styles.js';

export type { TicketChangeDetail } from './ticket-status.events.js';
export type { TicketStatusStringKey } from './ticket-status.strings.js';

type Phase = 'loading' | 'shown' | 'unknown' | 'no-ticket';
type Key = TicketStatusStringKey | PushStringKey | NumberStringKey;

/**
 * The queue ticket in the citizen's hand, opened from the ticket's QR code (no sign-in: the ticket's unguessable id
 * is the key): the number, the service, how many are ahead and the expected wait, live from the board's event stream;
 * "your turn is near" at `near` people ahead or fewer (the phone vibrates where it can), the counter once called, and
 * after service a link to rate it with the ticket's rating token. A ticket of another day, cancelled, skipped or
 * unknown says so plainly. The page reads `?id=` from its address when `ticket-id` is not set.
 *
 * Without an id (the QR code on the board opens the page without one) it asks for the number on the ticket and
 * follows that number, today's, read-only: the same status live, but no rating link and no Web Push offer, which
 * need the ticket's own QR code (a note says so). That form loads lazily, only on a page without an id.
 *
 * @summary Live status of one queue ticket, for the citizen's phone.
 * @fires motcua-ticket-change - The ticket's state changed; detail {@link TicketChangeDetail}.
 * @csspart number - The ticket number.
 * @csspart service - The service's name.
 * @csspart state - The current state; also `state-near` or `state-called` when it is time to come.
 * @csspart wait - The expected wait.
 * @csspart hint - The advice to keep the page open.
 * @csspart connection - The connection message while offline.
 * @csspart rate - The link to rate the service.
 * @csspart notify - The Web Push offer (with `push-worker`): its button and what became of it.
 * @csspart number-form - Without an id: the form asking for the number; `number-input` and `number-follow` inside it.
 * @csspart number-note - Without an id: the note that rating and notifications need the ticket's QR code.
 * @cssproperty --motcua-ticket-status-font-size - The base size (default 18px).
 * @cssproperty --motcua-ticket-status-accent - The number and the rating link (default #0b4f9c).
 * @cssproperty --motcua-ticket-status-color - Text (default #1b1b1b).
 * @cssproperty --motcua-ticket-status-background - Background (default #ffffff).
 *
 * @example
 * ```html
 * <!-- phieu.html, the kiosk's ticket-url="phieu.html?id={id}" -->
 * <motcua-ticket-status rate-href="danh-gia.html"></motcua-ticket-status>
 * ```
 */
export class MotcuaTicketStatus extends MotcuaElement<Key> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, ticketStatusStyles];

  /** The ticket's id (from its QR code); default: `?id=` in the page's address. */
  @property({ attribute: 'ticket-id' }) ticketId = '';

  /** The API's base URL, when not the page's configured `apiBase`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** At this many people ahead or fewer the page says the turn is near. */
  @property({ type: Number }) near = 3;

  /** The rating page; the link carries the ticket's rating token as `?t=`. Empty: no rating link. */
  @property({ attribute: 'rate-href' }) rateHref = 'danh-gia.html';

  /**
   * The page's service worker for Web Push notices (`motcua-push-worker.js`, from dist/cdn, on the page's own origin):
   * while the ticket waits, the page then offers to tell the phone when the turn is near (`near`) and when the number
   * is called, even with the screen off, where the browser takes Web Push and the office sends it; inside Zalo's or
   * Facebook's browser it suggests opening the page in a browser. Empty (default): no offer.
   */
  @property({ attribute: 'push-worker' }) pushWorker = '';

  /** The first pause before reconnecting after an outage, in milliseconds; it doubles up to 30 s. */
  @property({ type: Number, attribute: 'retry-delay' }) retryDelay = 1000;

  @state() private phase: Phase = 'loading';
  @state() private followed: FollowedTicket | undefined;
  @state() private board: BoardSnapshot | undefined;
  @state() private offline = false;
  /** Without an id: the number followed, as typed (empty until the form is sent; `start()` renders it). */
  private number = '';

  /** The strings; the Web Push offer's join them when it loads. */
  protected defaultStrings = ticketStatusStrings as StringTable<Key>;
  /** The Web Push offer, loaded while a ticket waits when `push-worker` is set. */
  private pushOffer: import('../internal/push-offer.js').PushOfferController | undefined;
  /** Without an id: the number form and the number's read, loaded once. */
  private numberMode: typeof import('./number-mode.js') | undefined;

  private readonly stream = new BoardStream({
    onSnapshot: (board) => this.showSnapshot(board),
    onDelta: (delta) => this.onDelta(delta),
    onLost: () => {
      this.offline = true;
    },
    retry: () => [this.retryDelay, 30_000],
  });
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private loading: AbortController | undefined;
  private lastSignal = '';
  private wasNear = false;
  private wasCalled = false;

  /** Loads the Web Push offer (once), if this browser and the office can take it; offline, none. */
  private async offerPush(base?: string): Promise<void> {
    const part = await import('../internal/push-offer.js').catch(() => undefined);
    this.pushOffer ??=
      part && new part.PushOfferController(this, 'ticket', (join) => (this.defaultStrings = join(this.defaultStrings)));
    await this.pushOffer?.load(base);
  }

  override render() {
    const mode = this.ticketId ? undefined : this.numberMode;
    // Without an id, the number form stays in place (and keeps the focus) whatever the page shows above it.
    return html`<h2>${this.t('title')}</h2>${this.offline ? html`<p part="connection" role="status">${this.t('offline')}</p>` : nothing}${this.renderTicket()}${
      mode
        ? mode.numberForm(
            (key) => this.t(key),
            this.number,
            this.phase === 'shown',
            (n) => {
              this.number = n;
              this.start();
            },
          )
        : nothing
    }`;
  }

  private renderTicket() {
    const f = this.followed;
    if (this.phase !== 'shown' || !f) {
      const unknown = this.ticketId ? 'unknown' : 'numberUnknown';
      const key = this.phase === 'no-ticket' ? 'noTicket' : this.phase === 'unknown' ? unknown : 'loading';
      return html`<p part="state" role="status">${this.t(key, { number: this.number })}</p>`;
    }
    const t = f.ticket;
    const expired = this.board !== undefined && this.board.businessDate > t.businessDate;
    return html`
      <p><span class="label">${this.t('number')}</span> <span part="number">${t.number}</span></p>
      <p part="service">${this.serviceName()}</p>
      <div role="status">${expired ? this.renderLine('otherDay', '') : this.renderState()}</div>
    `;
  }

  private renderState() {
    const f = this.followed as FollowedTicket;
    const t = f.ticket;
    const counter = this.counterLabel();
    switch (t.status) {
      case 'issued': {
        const ahead = f.wait?.ahead;
        const near = ahead !== undefined && ahead <= this.near;
        const minutes = f.wait?.minutes;
        return html`${this.renderLine(near ? 'near' : 'waiting', near ? 'state-near' : '')}
          ${
            ahead === undefined
              ? nothing
              : html`<p part="wait">${ahead === 0 ? this.t('next') : this.t('ahead', { ahead })}${
                  minutes
                    ? html`<br />${this.t('minutes', { low: Math.round(minutes.low), high: Math.round(minutes.high) })}`
                    : nothing
                }</p>`
          }
          <p part="hint">${this.t('keepOpen')}</p>
          ${this.pushOffer?.render(
            (key) => this.t(key),
            () => ({
              worker: this.pushWorker,
              url: apiUrl(
                `api/queue/tickets/${encodeURIComponent(this.ticketId)}/push-subscription`,
                this.apiBase || undefined,
              ),
              fields: { language: this.language, near: this.near, page: location.href },
            }),
          )}`;
      }
      case 'called':
        return this.renderLine('called', 'state-called', { number: t.number, counter });
      case 'serving':
        return this.renderLine('serving', '', { counter });
      case 'done':
        return html`${this.renderLine('done', '')}${
          f.ratingToken && this.rateHref
            ? html`<a part="rate" href=${this.rateLink(f.ratingToken)}>${this.t('rate')}</a>`
            : nothing
        }`;
      case 'no-show':
        return this.renderLine('noShow', '');
      default:
        return this.renderLine('cancelled', '');
    }
  }

  private renderLine(key: TicketStatusStringKey, extra: string, params?: Record<string, string | number>) {
    const date = (this.followed?.ticket.businessDate ?? '').split('-').reverse().join('/');
    return html`<p part=${extra ? `state ${extra}` : 'state'}>${this.t(key, { date, ...params })}</p>`;
  }

  private serviceName(): string {
    const id = this.followed?.ticket.service ?? '';
    const line = this.board?.services?.find((s) => s.id === id);
    return line ? (line.name[this.language] ?? line.name.vi) : '';
  }

  private counterLabel(): string {
    const id = this.followed?.ticket.counter ?? '';
    return this.board?.counters.find((c) => c.id === id)?.label ?? id;
  }

  private rateLink(token: string): string {
    const url = new URL(this.rateHref, location.href);
    url.searchParams.set('t', token);
    return url.href;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticketId ||= new URLSearchParams(location.search).get('id') ?? '';
    globalThis.addEventListener('online', this.onOnline);
    this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('online', this.onOnline);
    this.stop();
  }

  protected override updated(changed: PropertyValues): void {
    const restart = (changed.has('ticketId') || changed.has('apiBase')) && this.isConnected;
    if (restart && (changed.get('ticketId') !== undefined || changed.get('apiBase') !== undefined)) this.start();
    if (changed.has('followed') || changed.has('board')) this.signal();
    if (this.pushWorker && this.ticketId && this.followed?.ticket.status === 'issued') {
      void this.offerPush(this.apiBase || undefined);
    }
  }

  private start(): void {
    this.stop();
    this.followed = undefined;
    if (!this.ticketId && (!this.number || !this.numberMode)) {
      this.phase = 'no-ticket';
      void this.loadNumberMode();
      return;
    }
    this.phase = 'loading';
    void this.refresh();
    this.connect();
  }

  /** Loads the number form (once) for a page without an id; offline, the page keeps asking for the QR code. */
  private async loadNumberMode(): Promise<void> {
    const part = await import('./number-mode.js').catch(() => undefined);
    if (!part || this.numberMode) return;
    this.numberMode = part;
    this.defaultStrings = part.installNumberMode(this, this.defaultStrings);
    // A number kept in the address (the page reloaded, or reopened by the phone) is followed again.
    this.number ||= part.numberFromAddress();
    if (this.number) this.start();
  }

  private stop(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.loading?.abort();
    this.stream.close();
  }

  /** Reads the ticket again; a transferred ticket is followed to the one that continues the visit. */
  private async refresh(): Promise<void> {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    const timeout = setTimeout(() => controller.abort(), 10_000);
    try {
      const byNumber = this.ticketId ? undefined : this.numberMode;
      const path = byNumber
        ? byNumber.numberPath(this.number)
        : `api/queue/tickets/${encodeURIComponent(this.ticketId)}`;
      const response = await fetch(apiUrl(path, this.apiBase || undefined), {
        signal: controller.signal,
        cache: 'no-store',
      });
      if (response.status === 404) {
        this.phase = 'unknown';
        return;
      }
      const read = byNumber ? byNumber.readNumberAnswer : readFollowedTicket;
      const followed = response.ok ? read(await response.json()) : undefined;
      if (!followed) throw new Error(`HTTP ${response.status}`);
      if (followed.ticket.status === 'transferred' && followed.ticket.transferredTo) {
        this.ticketId = followed.ticket.transferredTo;
        return;
      }
      this.followed = followed;
      this.phase = 'shown';
      this.offline = false;
      this.attempts = 0;
    } catch {
      if (controller.signal.aborted && this.loading !== controller) return;
      this.offline = true;
      this.scheduleRefresh(Math.min(30_000, this.retryDelay * 2 ** this.attempts++));
    } finally {
      clearTimeout(timeout);
    }
  }

  /** One refresh after `delay` ms, however many changes arrive meanwhile. */
  private scheduleRefresh(delay: number): void {
    if (this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, delay);
  }

  private connect(): void {
    this.stream.open(apiUrl('api/queue/events', this.apiBase || undefined));
  }

  private showSnapshot(board: BoardSnapshot): void {
    this.board = board;
    if (this.offline) void this.refresh();
  }

  /** A change on the board: the ticket itself at once; someone else's may change the count ahead, read once a second. */
  private onDelta(delta: BoardDelta): void {
    const mine = this.followed?.ticket;
    if (!mine) return;
    if (delta.ticket?.number === mine.number && delta.ticket.businessDate === mine.businessDate) void this.refresh();
    else if (mine.status === 'issued') this.scheduleRefresh(1000);
  }

  private readonly onOnline = (): void => {
    if (this.offline) {
      void this.refresh();
      this.connect();
    }
  };

  /** Fires the change event, and vibrates once when the turn is near and when the number is called. */
  private signal(): void {
    const f = this.followed;
    if (!f) return;
    const t = f.ticket;
    const near = t.status === 'issued' && f.wait !== undefined && f.wait.ahead <= this.near;
    const counter = t.status === 'called' || t.status === 'serving' ? this.counterLabel() : undefined;
    const key = `${t.number}|${t.status}|${f.wait?.ahead}|${counter}`;
    if (key === this.lastSignal) return;
    this.lastSignal = key;
    this.emit('motcua-ticket-change', {
      number: t.number,
      status: t.status,
      ...(f.wait ? { ahead: f.wait.ahead } : {}),
      ...(counter !== undefined ? { counter } : {}),
      near,
    });
    const called = t.status === 'called';
    if (called && !this.wasCalled) navigator.vibrate?.([400, 200, 400, 200, 400]);
    else if (near && !this.wasNear) navigator.vibrate?.([200, 100, 200]);
    this.wasCalled = called;
    this.wasNear = near;
  }
}

defineElement('motcua-ticket-status', MotcuaTicketStatus);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-ticket-status': MotcuaTicketStatus;
  }
}
