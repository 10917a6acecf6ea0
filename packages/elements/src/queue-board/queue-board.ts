import {
  applyBoardDelta,
  type BoardDelta,
  type BoardSnapshot,
  type BoardTicket,
  isAnnouncedCall,
  missedBoardCalls,
} from '@motcua/core/queue';
import { html, nothing, type PropertyValues } from 'lit';
import { MotcuaElement } from '../internal/base.js';
import { BoardStream } from '../internal/board-stream.js';
import { apiUrl } from '../internal/config.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import type { StringTable } from '../internal/i18n.js';
import type { PairingStringKey } from '../internal/pairing.js';
import type { PrivateBoard } from '../internal/private-board.js';
import type { Announcer } from '../internal/speech/announcer.js';
import { soundAllowed } from '../internal/speech/autoplay.js';
import type { SpeechEngine } from '../internal/speech/engine.js';
import { blockStyles } from '../internal/styles.js';
import { keepAwake } from '../internal/wake-lock.js';
import type { FollowStringKey } from './follow.js';
import { type QueueBoardStringKey, queueBoardStrings } from './queue-board.strings.js';
import { queueBoardStyles } from './queue-board.styles.js';

export type { QueueCallDetail } from './queue-board.events.js';
export type { QueueBoardStringKey } from './queue-board.strings.js';

type Connection = 'connecting' | 'live' | 'offline';

/** After an outage no longer than this (ms), the calls made meanwhile are announced; after a longer one, shown only. */
const MISSED_CALLS_WINDOW = 120_000;

/**
 * The display screen of a one-stop shop's waiting room, for a TV seen from 3–5 m: the number each counter serves
 * and the latest calls, live from the server's event stream (`GET {api-base}api/queue/events`: a snapshot, then
 * deltas with versions). After an outage it reconnects with growing pauses (1 s, 2 s, 4 s… up to 30 s), takes the
 * new snapshot and ignores any delta not newer than it. Calls made during an outage of up to two minutes that still wait
 * for their visitor are announced then; after a longer one they are shown only.
 *
 * Each call and recall is announced aloud, one at a time and `repeat` times: with the browser's Vietnamese voice
 * (Web Speech, `vi-VN`) where there is one, else with recorded clips fetched from `voice-base` (default: the clips
 * shipped next to the CDN build, `voice/`). Browsers play sound only after a user gesture, so an "enable sound"
 * button shows until there has been one (or start Chromium with `--autoplay-policy=no-user-gesture-required`).
 *
 * With `follow-url` (the ticket status page, e.g. `/phieu.html`) the board shows that page's address as a QR code
 * under the latest calls, "follow your turn on your phone": the page opened without a ticket id asks for the number
 * and follows it, read-only (rating and notifications need the ticket's own QR code). The code and its encoder load
 * only on a board with the attribute.
 *
 * The screen never sleeps while the element is shown (Screen Wake Lock where the browser has it; `no-wake-lock` leaves
 * it to the device's power settings).
 *
 * @summary Queue display board with voice announcements.
 * @fires motcua-queue-call - A ticket was called or recalled; detail `{ type, number, counter }`. Cancel the event
 *   (`preventDefault()`) to keep the board from announcing that call.
 * @csspart header - The title bar.
 * @csspart counters - The list of counters.
 * @csspart counter - One counter; the one that called last also has the part `counter-new`.
 * @csspart counter-label - A counter's name.
 * @csspart number - The ticket number a counter serves.
 * @csspart status - Under the number: called or being served.
 * @csspart recent - The latest calls.
 * @csspart call - One of the latest calls.
 * @csspart call-number - Its ticket number.
 * @csspart call-counter - Its counter.
 * @csspart connection - The connection message, while connecting or offline.
 * @csspart enable-sound - The "enable sound" button.
 * @csspart follow - With `follow-url`: the QR code of the ticket status page and its caption, under the latest calls.
 * @csspart qr - That QR code.
 * @cssproperty --motcua-queue-board-font-size - The base size; counters' numbers are up to 3.2 times it, as wide as their card allows (default 24px).
 * @cssproperty --motcua-queue-board-background - Background (default #0a1a2f).
 * @cssproperty --motcua-queue-board-color - Text (default #ffffff).
 * @cssproperty --motcua-queue-board-number-color - Ticket numbers (default #ffd84d).
 * @cssproperty --motcua-queue-board-card - Counter cards' background (default #13294a).
 * @cssproperty --motcua-queue-board-accent - The frame of the counter that called last (default #4dd0ff).
 *
 * @example
 * ```html
 * <motcua-queue-board repeat="2" lang="vi"></motcua-queue-board>
 * <motcua-queue-board api-base="https://motcua.xa-an-binh.gov.vn/" voice-base="/voice/"></motcua-queue-board>
 * ```
 */
export class MotcuaQueueBoard extends MotcuaElement<QueueBoardStringKey | PairingStringKey | FollowStringKey> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, blockStyles, queueBoardStyles];

  /** The API's base URL, when not the page's configured `apiBase`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The folder of recorded clips (`<clip name>.mp3`); default `<meta name="motcua:voice-base">`, else the shipped clips. */
  @property({ attribute: 'voice-base' }) voiceBase = '';

  /** How many times each call is said. */
  @property({ type: Number }) repeat = 2;

  /** How many of the latest calls to list. */
  @property({ type: Number, attribute: 'recent-count' }) recentCount = 6;

  /** Say nothing (the board still shows every call). */
  @property({ type: Boolean, reflect: true }) muted = false;

  /**
   * Let the screen sleep: without it the element keeps the screen awake while it is on the page and the page is
   * visible (Screen Wake Lock, where the browser has it: HTTPS or localhost).
   */
  @property({ type: Boolean, attribute: 'no-wake-lock' }) noWakeLock = false;

  constructor() {
    super();
    keepAwake(this);
  }

  /**
   * The speech engine; default: the browser's Vietnamese voice, else the recorded clips from `voice-base`. Tests and
   * hosts with their own voice (a neural TTS service) set it.
   */
  @property({ attribute: false }) speech: SpeechEngine | undefined;

  /** The first pause before reconnecting after an outage, in milliseconds; it doubles up to `maxRetryDelay`. */
  @property({ type: Number, attribute: 'retry-delay' }) retryDelay = 1000;

  /** The longest pause between reconnections, in milliseconds. */
  @property({ type: Number, attribute: 'max-retry-delay' }) maxRetryDelay = 30_000;

  /**
   * A board screen of an office whose board is private (`"board": "private"`): it pairs with the server — its pairing
   * code until an admin approves it as a board — then reads the calls with its own credential, kept on the screen;
   * revoked, it pairs again.
   */
  @property({ type: Boolean }) pair = false;

  /**
   * The ticket status page (`<motcua-ticket-status>`), resolved against the board's page, shown as a QR code with
   * "Theo dõi lượt trên điện thoại" (string `follow`). Empty (default): no code.
   */
  @property({ attribute: 'follow-url' }) followUrl = '';

  @state() private board: BoardSnapshot | undefined;

  @state() private connection: Connection = 'connecting';

  @state() private soundOn = soundAllowed();

  /** The last call's ticket number and counter, highlighted and read to screen readers. */
  @state() private lastCall: { number: string; counter: string } | undefined;

  protected defaultStrings = queueBoardStrings as StringTable<QueueBoardStringKey | PairingStringKey | FollowStringKey>;

  private readonly streamHost = {
    onSnapshot: (board: BoardSnapshot) => this.showSnapshot(board),
    onDelta: (delta: BoardDelta) => this.onDelta(delta),
    onLost: () => this.onLost(),
    retry: () => [this.retryDelay, this.maxRetryDelay] as const,
  };
  private readonly stream = new BoardStream(this.streamHost);
  /** With `pair`: the screen's pairing and its stream with the credential, loaded then. */
  private device: PrivateBoard | undefined;
  private deviceLoad: Promise<void> | undefined;
  /** When the stream was lost, while it is. */
  private lostAt: number | undefined;
  private announcer: Promise<Announcer> | undefined;
  /** With `follow-url`: the QR code corner, loaded then. */
  private follow: typeof import('./follow.js') | undefined;

  override render() {
    const board = this.board;
    // A private board's screen not paired yet shows its pairing screen, and no connection state.
    const pairing = this.pair && this.device?.paired === false;
    return html`
      <div part="header">
        <h2>${board?.office ? `${board.office.name[this.language] ?? board.office.name.vi} — ` : ''}${this.t('title')}</h2>
        ${this.connection === 'live' || pairing ? nothing : html`<p part="connection" role="status">${this.t(this.connection)}</p>`}
        ${
          this.soundOn || this.muted
            ? nothing
            : html`<button part="enable-sound" type="button" @click=${this.onEnableSound}>${this.t('enableSound')}</button>`
        }
      </div>
      ${pairing ? this.device?.render() : this.pair && !this.device ? nothing : this.renderBoard(board)}
      <div class="visually-hidden" role="status">
        ${this.lastCall ? this.t('announce', this.lastCall) : ''}
      </div>
    `;
  }

  private renderBoard(board: BoardSnapshot | undefined) {
    return html`<div class="layout">
        <ul part="counters" aria-label=${this.t('title')}>
          ${(board?.counters ?? []).map((c) => this.renderCounter(c.label, c.ticket))}
        </ul>
        <div>
          <section part="recent" aria-labelledby="recent">
            <h3 id="recent">${this.t('recent')}</h3>
            ${this.renderRecent(board?.recent ?? [])}
          </section>
          ${this.follow && this.followUrl ? this.follow.followCorner(this.followUrl, this.t('follow')) : nothing}
        </div>
      </div>`;
  }

  private renderCounter(label: string, ticket: BoardTicket | null) {
    const isNew = ticket !== null && this.lastCall?.number === ticket.number && this.lastCall.counter === label;
    return html`<li part=${isNew ? 'counter counter-new' : 'counter'}>
      <span part="counter-label">${this.t('counter', { counter: label })}</span>
      ${
        ticket
          ? html`<span part="number">${ticket.number}</span>
            <span part="status">${this.t(ticket.status === 'serving' ? 'serving' : 'called')}</span>`
          : html`<span part="number" class="free">${this.t('free')}</span>`
      }
    </li>`;
  }

  private renderRecent(recent: readonly BoardTicket[]) {
    const calls = recent.filter((t) => t.counter !== null).slice(0, Math.max(0, this.recentCount));
    if (calls.length === 0) return html`<p>${this.t('noCalls')}</p>`;
    return html`<ol>
      ${calls.map(
        (t) => html`<li part="call">
          <span part="call-number">${t.number}</span>
          <span part="call-counter">${this.t('counter', { counter: this.counterLabel(t.counter ?? '') })}</span>
        </li>`,
      )}
    </ol>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('online', this.onOnline);
    this.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('online', this.onOnline);
    this.disconnect();
    if (this.announcer) void this.withAnnouncer((announcer) => announcer.cancel());
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && changed.get('apiBase') !== undefined && this.isConnected) this.connect();
    if (this.followUrl && !this.follow) void this.loadFollow();
    if (!this.announcer) return;
    if (changed.has('speech') || changed.has('voiceBase') || changed.has('repeat')) {
      void this.withAnnouncer((announcer, voice) => {
        announcer.engine = this.speech ?? voice.autoEngine({ baseUrl: this.voiceBase || voice.defaultVoiceBase() });
        announcer.repeat = this.repeat;
      });
    }
    if (changed.has('muted') && this.muted) void this.withAnnouncer((announcer) => announcer.cancel());
  }

  /** Loads the QR code corner (once); offline, the next change of the board tries again. */
  private async loadFollow(): Promise<void> {
    const part = await import('./follow.js').catch(() => undefined);
    if (!part || this.follow) return;
    this.follow = part;
    this.defaultStrings = part.installFollow(this, this.defaultStrings);
  }

  private connect(): void {
    const url = apiUrl('api/queue/events', this.apiBase || undefined);
    if (!this.pair) {
      this.stream.open(url);
      return;
    }
    this.deviceLoad ??= import('../internal/private-board.js').then(
      (module) => {
        this.device = new module.PrivateBoard({
          ...this.streamHost,
          element: this,
          t: (key, params) => this.t(key, params),
          learn: (join) => {
            this.defaultStrings = join(this.defaultStrings);
          },
        });
      },
      () => {
        this.deviceLoad = undefined; // offline: the next reconnection asks again
        this.onLost();
      },
    );
    void this.deviceLoad.then(() => this.device?.start(url));
  }

  /** The board's snapshot: shown at once; after a short outage, the calls made meanwhile are said. */
  private showSnapshot(snapshot: BoardSnapshot): void {
    const previous = this.board;
    const lostAt = this.lostAt;
    this.board = snapshot;
    this.connection = 'live';
    this.lostAt = undefined;
    // Back from a short outage: say the calls made meanwhile that still wait for their visitor.
    if (previous && lostAt !== undefined && Date.now() - lostAt <= MISSED_CALLS_WINDOW) {
      for (const ticket of missedBoardCalls(previous, snapshot))
        this.announceCall(ticket.calls > 1 ? 'recall' : 'call', ticket);
    }
  }

  /** The stream was lost: say so, and remember since when. */
  private onLost(): void {
    this.connection = 'offline';
    this.lostAt ??= Date.now();
  }

  /** The network is back: reconnect now rather than at the end of the pause. */
  private readonly onOnline = (): void => {
    if (this.connection === 'offline') this.connect();
  };

  private disconnect(): void {
    this.stream.close();
    this.device?.stop();
  }

  /** A change: applied to the board, and said aloud when it is a call. */
  private onDelta(delta: BoardDelta): void {
    if (!this.board) return;
    const next = applyBoardDelta(this.board, delta);
    if (next === this.board) return;
    this.board = next;
    const ticket = delta.ticket;
    if (
      ticket &&
      isAnnouncedCall(delta) &&
      next.version === delta.version &&
      ticket.businessDate === next.businessDate
    ) {
      this.announceCall(delta.type, ticket);
    }
  }

  private announceCall(type: string, ticket: BoardTicket): void {
    const counter = this.counterLabel(ticket.counter ?? '');
    this.lastCall = { number: ticket.number, counter };
    const proceed = this.emit('motcua-queue-call', { type, number: ticket.number, counter });
    if (this.muted || !proceed) return;
    const options = { lang: this.language, template: this.t('announce'), templateEn: this.t('announce') };
    // Calls that arrive while the voice loads queue in order behind its loading.
    void this.withAnnouncer((announcer, voice) => {
      void announcer.announce(voice.callUtterance(ticket.number, counter, options), ticket.number);
    });
  }

  private counterLabel(id: string): string {
    return this.board?.counters.find((c) => c.id === id)?.label ?? id;
  }

  /** Runs `work` with the announcer, loading the voice (engines, clips, core's announcement text) on first use. */
  private async withAnnouncer(work: (announcer: Announcer, voice: typeof import('./voice.js')) => void): Promise<void> {
    const voice = import('./voice.js');
    this.announcer ??= voice.then((v) =>
      v.createAnnouncer({
        engine: this.speech ?? v.autoEngine({ baseUrl: this.voiceBase || v.defaultVoiceBase() }),
        repeat: this.repeat,
        onError: () => {
          // Most often the autoplay rule: no gesture yet. Offer the button again.
          this.soundOn = soundAllowed();
        },
      }),
    );
    const loading = this.announcer;
    try {
      const announcer = await loading;
      work(announcer, await voice);
    } catch (error) {
      // The voice's code could not be fetched (the network is down): this call stays silent, the next one tries again.
      if (this.announcer === loading) this.announcer = undefined;
      console.warn('motcua-queue-board: không tải được phần đọc số / could not load the voice', error);
    }
  }

  private onEnableSound(): void {
    this.soundOn = true;
    void this.withAnnouncer((announcer, voice) => void voice.enableSound(announcer.engine));
  }
}

defineElement('motcua-queue-board', MotcuaQueueBoard);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-queue-board': MotcuaQueueBoard;
  }
}
