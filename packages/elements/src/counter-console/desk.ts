/**
 * The desk of `<motcua-counter-console>`, loaded after the console's first paint: how many wait for each of the
 * counter's services (and how many with priority), the priority mark of the ticket shown, pausing the counter, calling
 * a number out of turn, re-admitting a no-show who comes back, and after "Xong" the rating QR code the citizen scans
 * with their phone (from the rating token the done answer carries).
 */
import type { PriorityClass } from '@motcua/core/queue';
import { css, html, nothing } from 'lit';
import { newIdempotencyKey } from '../internal/idempotency-key.js';
import type { CounterTicket } from './counter-console.events.js';
import type { CounterConsoleStringKey } from './counter-console.strings.js';

export { deskStrings } from './desk.strings.js';

/** The desk's styles, adopted by the console when the desk loads. */
export const deskStyles = css`
  [part~='priority-mark'] {
    display: inline-block;
    padding: 0 0.5em;
    font-weight: 700;
    border: 2px solid;
  }
  input {
    font: inherit;
    min-height: var(--motcua-touch-target, 44px);
    width: 6em;
  }
  [part~='rating-qr'] svg {
    width: var(--motcua-counter-console-qr-size, 12em);
  }
`;

type Params = Readonly<Record<string, string | number>>;

/** What the desk reads and uses of the console (the console itself). */
export interface DeskConsole {
  requestUpdate(): void;
  /** Waits for `work` in the console's `updateComplete`. */
  track<T>(work: Promise<T>): Promise<T>;
  serviceName(id: string): string;
  /** The office's priority classes, as the services answer gives them. */
  readonly priorities: unknown;
  readonly language: string;
  /** The rating form's address, `{token}` to replace. */
  readonly ratingUrl: string;
}

/** What the desk needs from the console beside it (parts.ts). */
export interface DeskHost {
  /** The console's `t`, callable on its own. */
  t(key: CounterConsoleStringKey, params?: Params): string;
  /** A GET (`body` undefined) or POST to `api/queue/counters/{id}/{path}` with the counter's token. */
  send(path: string, body?: unknown, key?: string): Promise<unknown>;
  /** Shows what happened (`info`) or what went wrong (`error`). */
  say(info: string, error?: unknown): void;
  /** The ticket a call answered with becomes the one shown. */
  show(ticket: unknown): void;
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

  constructor(
    private readonly console: DeskConsole,
    private readonly host: DeskHost,
  ) {}

  /** Loads the desk now and every 20 seconds (new tickets come from the kiosk), until {@link stop}. */
  start(): Promise<void> {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.console.track(this.load()), 20_000);
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
    this.console.requestUpdate();
  }

  /**
   * After a command of the console: a finished ticket's rating token becomes a QR code on screen until the next
   * command; every command may change who waits.
   */
  after(ticket: CounterTicket | undefined, ratingToken: string | undefined): void {
    this.rating =
      ticket && ratingToken
        ? {
            url: new URL(this.console.ratingUrl.replace('{token}', encodeURIComponent(ratingToken)), document.baseURI)
              .href,
            number: ticket.number,
          }
        : undefined;
    if (this.rating && !this.qr) {
      void this.console.track(import('../internal/qr.js')).then((module) => {
        this.qr = module;
        this.console.requestUpdate();
      });
    }
    void this.console.track(this.load());
  }

  /** The priority mark of the ticket shown (none for a normal ticket). */
  mark(ticket: CounterTicket | undefined) {
    const classes = this.console.priorities;
    const cls = (Array.isArray(classes) ? (classes as PriorityClass[]) : []).find((p) => p?.id === ticket?.priority);
    // The services answer is read as given: a class without names shows its id.
    const names = cls?.name as Readonly<Record<string, string>> | undefined;
    const name = names?.[this.console.language] ?? names?.vi ?? cls?.id ?? '';
    return cls && cls.weight > 0 ? html`<p part="priority-mark">${this.host.t('priorityMark', { name })}</p>` : nothing;
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
                  .map(
                    (l) =>
                      `${this.console.serviceName(l.service)}: ${l.count}${l.priority > 0 ? ` ${t('waitingPriority', { priority: l.priority })}` : ''}`,
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
          <input id="call-number" required autocomplete="off" .value=${this.number}
            @input=${(e: Event) => {
              this.number = (e.target as HTMLInputElement).value;
            }} />
          <button part="button call" type="submit">${t('callThis')}</button>
        </form>
        ${
          this.noShows.length > 0
            ? html`<div class="row">
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
    this.console.track(
      this.act(async () => {
        const answer = (await this.host.send('pause', { paused: !this.paused })) as { paused?: unknown };
        this.paused = answer.paused === true;
        return this.host.t(this.paused ? 'pausedNote' : 'resumed');
      }),
    );

  private readonly callNumber = (event: Event): Promise<void> => {
    event.preventDefault();
    const number = this.number.trim();
    return this.console.track(
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
    return this.console.track(
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
