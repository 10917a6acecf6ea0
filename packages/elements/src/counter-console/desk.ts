/**
 * The desk of `<motcua-counter-console>`, loaded after the console's first paint: how many wait for each of the
 * counter's services (and how many with priority), the priority mark of the ticket shown, pausing the counter, calling
 * a number out of turn, re-admitting a no-show who comes back, and after "Xong" the rating QR code the citizen scans
 * with their phone (from the rating token the done answer carries).
 */
import { css, html, nothing } from 'lit';
import type { StringTable } from '../internal/i18n.js';
import { newIdempotencyKey } from '../internal/idempotency-key.js';
import type { CounterTicket } from './counter-console.events.js';
import type { CounterConsoleStringKey, DeskStringKey } from './strings.js';

/** The desk's strings in Vietnamese and English. */
export const deskStrings: StringTable<DeskStringKey> = {
  vi: {
    waiting: 'Đang chờ',
    waitingLine: '{service}: {count}',
    waitingPriority: '{service}: {count} ({priority} ưu tiên)',
    deskFailed: 'Chưa tải được số người đang chờ.',
    priorityMark: 'Ưu tiên: {name}',
    pause: 'Tạm dừng quầy',
    pausedNote: 'Quầy đang tạm dừng: không gọi số.',
    paused: 'Đã tạm dừng quầy {counter}.',
    resumed: 'Quầy {counter} đã mở lại.',
    callNumber: 'Gọi số',
    callThis: 'Gọi số này',
    needNumber: 'Nhập số cần gọi, ví dụ A012.',
    noShows: 'Vắng mặt (cho vào hàng lại)',
    readmit: '{number} vào hàng lại',
    readmitted: 'Số {number} đã vào hàng lại.',
    ratingQr: 'Mã QR đánh giá phục vụ số {number}',
    ratingScan: 'Mời công dân quét mã để đánh giá việc phục vụ số {number}.',
  },
  en: {
    waiting: 'Waiting',
    waitingLine: '{service}: {count}',
    waitingPriority: '{service}: {count} ({priority} priority)',
    deskFailed: 'Who is waiting could not be loaded.',
    priorityMark: 'Priority: {name}',
    pause: 'Pause the counter',
    pausedNote: 'The counter is paused: no calls.',
    paused: 'Counter {counter} is paused.',
    resumed: 'Counter {counter} is open again.',
    callNumber: 'Call number',
    callThis: 'Call this number',
    needNumber: 'Type the number to call, e.g. A012.',
    noShows: 'No-shows (re-admit)',
    readmit: 'Re-admit {number}',
    readmitted: 'Number {number} is back in the queue.',
    ratingQr: 'QR code to rate the service of number {number}',
    ratingScan: 'Please scan the code to rate the service of number {number}.',
  },
};

/** The desk's styles, adopted by the console when the desk loads. */
export const deskStyles = css`
  [part~='desk'] {
    border-top: 1px solid var(--motcua-color-border, #c4c7c5);
    padding-top: 0.5em;
  }
  [part~='priority-mark'] {
    display: inline-block;
    margin: 0.25em 0;
    padding: 0 0.5em;
    font-weight: 700;
    border: 2px solid currentColor;
    border-radius: var(--motcua-radius, 4px);
  }
  [part~='pause'][aria-pressed='true'] {
    background: var(--motcua-color-danger, #b3261e);
  }
  input {
    font: inherit;
    min-height: var(--motcua-touch-target, 44px);
    width: 6em;
    padding: 0 0.5em;
    border: 1px solid var(--motcua-color-border, #747775);
    border-radius: var(--motcua-radius, 4px);
  }
  [part~='rating-qr'] {
    margin: 0 0 0.75em;
  }
  [part~='rating-qr'] svg {
    display: block;
    width: var(--motcua-counter-console-qr-size, 12em);
    height: var(--motcua-counter-console-qr-size, 12em);
  }
`;

type Params = Readonly<Record<string, string | number>>;

/** What the desk needs from the console. */
export interface DeskHost {
  t(key: CounterConsoleStringKey, params?: Params): string;
  counter(): string;
  /** A GET (`body` undefined) or POST to `api/queue/counters/{id}/{path}` with the counter's token. */
  send(path: string, body?: unknown, key?: string): Promise<unknown>;
  update(): void;
  track<T>(work: Promise<T>): Promise<T>;
  serviceName(id: string): string;
  /** The priority classes of the office, from the services answer. */
  priorities(): readonly { readonly id: string; readonly name: string; readonly weight: number }[];
  /** Shows what happened (`info`) or what went wrong (`error`). */
  say(info: string, error?: unknown): void;
  /** The ticket a call answered with becomes the one shown. */
  show(ticket: unknown): void;
  /** The rating form's address for a token. */
  ratingLink(token: string): string;
}

interface Line {
  readonly service: string;
  readonly count: number;
  readonly priority: number;
}

/** The console's desk (see the module's comment). */
export class CounterDesk {
  /** Whether the counter is paused. */
  paused = false;
  private lines: readonly Line[] = [];
  private noShows: readonly string[] = [];
  private failed = false;
  private number = '';
  private rating: { readonly url: string; readonly number: string } | undefined;
  private qr: typeof import('../internal/qr.js') | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: DeskHost) {}

  /** Loads the desk now and every 20 seconds (new tickets come from the kiosk), until {@link stop}. */
  start(): Promise<void> {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.host.track(this.load()), 20_000);
    return this.load();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** `GET …/desk`: paused or not, the waiting lines, the latest no-shows. */
  async load(): Promise<void> {
    try {
      const desk = (await this.host.send('desk')) as {
        paused?: unknown;
        waiting?: readonly Line[];
        noShows?: readonly { number?: unknown }[];
      };
      this.paused = desk.paused === true;
      this.lines = Array.isArray(desk.waiting) ? desk.waiting : [];
      this.noShows = (Array.isArray(desk.noShows) ? desk.noShows : []).flatMap((t) =>
        typeof t?.number === 'string' ? [t.number] : [],
      );
      this.failed = false;
    } catch {
      this.failed = true;
    }
    this.host.update();
  }

  /**
   * After a command of the console: a finished ticket's rating token becomes a QR code on screen until the next
   * command; every command may change who waits.
   */
  after(ticket: CounterTicket | undefined, ratingToken: string | undefined): void {
    this.rating = ticket && ratingToken ? { url: this.host.ratingLink(ratingToken), number: ticket.number } : undefined;
    if (this.rating && !this.qr) {
      void this.host.track(import('../internal/qr.js')).then((module) => {
        this.qr = module;
        this.host.update();
      });
    }
    void this.host.track(this.load());
  }

  /** The priority mark of the ticket shown (none for a normal ticket). */
  mark(ticket: CounterTicket | undefined) {
    const cls = this.host.priorities().find((p) => p.id === ticket?.priority);
    return cls && cls.weight > 0
      ? html`<p part="priority-mark">${this.host.t('priorityMark', { name: cls.name })}</p>`
      : nothing;
  }

  render() {
    const { t } = this.host;
    const rating = this.rating;
    return html`${
      rating && this.qr
        ? html`<figure part="rating-qr">
          ${this.qr.qrTemplate(rating.url, t('ratingQr', { number: rating.number }))}
          <figcaption>${t('ratingScan', { number: rating.number })}</figcaption>
        </figure>`
        : nothing
    }
      <div part="desk">
        <p part="waiting">
          ${
            this.failed
              ? t('deskFailed')
              : html`${t('waiting')}: ${this.lines
                  .map((l) =>
                    t(l.priority > 0 ? 'waitingPriority' : 'waitingLine', {
                      service: this.host.serviceName(l.service),
                      count: l.count,
                      priority: l.priority,
                    }),
                  )
                  .join(' · ')}`
          }
        </p>
        <div class="row">
          <button part="button pause" type="button" aria-pressed=${this.paused ? 'true' : 'false'} @click=${this.togglePause}>
            ${t('pause')}
          </button>
          ${this.paused ? html`<span>${t('pausedNote')}</span>` : nothing}
        </div>
        <form class="row" @submit=${this.callNumber}>
          <label for="call-number">${t('callNumber')}</label>
          <input id="call-number" autocomplete="off" .value=${this.number}
            @input=${(e: Event) => {
              this.number = (e.target as HTMLInputElement).value;
            }} />
          <button part="button call" type="submit">${t('callThis')}</button>
        </form>
        ${
          this.noShows.length > 0
            ? html`<div class="row" role="group" aria-label=${t('noShows')}>
              ${t('noShows')}:
              ${this.noShows.map(
                (number) =>
                  html`<button part="button readmit" type="button" @click=${() => void this.readmit(number)}>
                    ${t('readmit', { number })}
                  </button>`,
              )}
            </div>`
            : nothing
        }
      </div>`;
  }

  private readonly togglePause = (): Promise<void> =>
    this.host.track(
      this.act(async () => {
        const answer = (await this.host.send('pause', { paused: !this.paused })) as { paused?: unknown };
        this.paused = answer.paused === true;
        return this.host.t(this.paused ? 'paused' : 'resumed', { counter: this.host.counter() });
      }),
    );

  private readonly callNumber = (event: Event): Promise<void> => {
    event.preventDefault();
    const number = this.number.trim();
    if (!number) {
      this.host.say('', this.host.t('needNumber'));
      return Promise.resolve();
    }
    return this.host.track(
      this.act(async () => {
        const answer = (await this.host.send('call', { number }, newIdempotencyKey())) as { ticket?: unknown };
        this.number = '';
        this.rating = undefined;
        this.host.show(answer.ticket);
        return this.host.t('called', { number: number.toUpperCase() });
      }),
    );
  };

  private readmit(number: string): Promise<void> {
    return this.host.track(
      this.act(async () => {
        await this.host.send('readmit', { number }, newIdempotencyKey());
        return this.host.t('readmitted', { number });
      }),
    );
  }

  /** Runs a desk command: its message, or the refusal; then the desk as it now stands. */
  private async act(work: () => Promise<string>): Promise<void> {
    try {
      this.host.say(await work());
    } catch (error) {
      this.host.say('', error);
    }
    await this.load();
  }
}
