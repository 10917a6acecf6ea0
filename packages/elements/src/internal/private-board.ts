// A private board's device part, loaded only by a board with `pair`: it pairs the screen with the server (the pairing
// screen, pairing.ts) and then reads the event stream with the board's credential. A browser's EventSource cannot send
// an `Authorization` header, so the stream is read with fetch and parsed here (text/event-stream).
import { readBoardDelta, readBoardSnapshot } from '@motcua/core/queue';
import { type CSSResult, type ReactiveControllerHost, supportsAdoptingStyleSheets } from 'lit';
import type { BoardStreamHost } from './board-stream.js';
import type { StringTable } from './i18n.js';
import { DevicePairing, type PairingHost, type PairingStringKey, pairingStrings, pairingStyles } from './pairing.js';

/**
 * Reads a `text/event-stream` body, calling `on` with each event's type (`message` when it names none) and data (its
 * `data:` lines joined); resolves when the stream ends.
 *
 * @example
 * ```ts
 * await readEventStream(response.body, (type, data) => console.log(type, JSON.parse(data)));
 * ```
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  on: (type: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let type = '';
  let data: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line === '') {
        if (data.length > 0) on(type || 'message', data.join('\n'));
        type = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue; // a comment (keep-alive)
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = text;
      else if (field === 'data') data.push(text);
    }
  }
}

/** Adds styles to a shadow root after the element's own (a `<style>` where constructable sheets are missing). */
function addStyles(root: ShadowRoot, styles: CSSResult): void {
  if (supportsAdoptingStyleSheets && styles.styleSheet) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  } else {
    const style = document.createElement('style');
    style.textContent = styles.cssText;
    root.appendChild(style);
  }
}

/** What a private board needs from its element. */
export interface PrivateBoardHost extends BoardStreamHost {
  readonly element: ReactiveControllerHost & HTMLElement;
  t: PairingHost['t'];
  /** Gives the element the function that joins the pairing screen's strings to its own. */
  learn(join: <K extends string>(own: StringTable<K>) => StringTable<K | PairingStringKey>): void;
}

/**
 * A board screen paired with the server: its pairing screen until an admin approves it as a board, then the event
 * stream read with its credential (kept on the screen), reconnected after growing pauses; a credential the server
 * refuses (revoked) is forgotten and the screen pairs again.
 *
 * @example
 * ```ts
 * const board = new PrivateBoard({ element: this, t, learn, onSnapshot, onDelta, onLost, retry });
 * board.start(apiUrl('api/queue/events'));
 * // in render(): board.paired ? the board : board.render()
 * ```
 */
export class PrivateBoard {
  private credential = '';
  private url: URL | undefined;
  private reading: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private readonly pairing: DevicePairing;

  constructor(private readonly host: PrivateBoardHost) {
    host.learn((own) => ({ vi: { ...own.vi, ...pairingStrings.vi }, en: { ...own.en, ...pairingStrings.en } }));
    if (host.element.shadowRoot) addStyles(host.element.shadowRoot, pairingStyles);
    this.pairing = new DevicePairing({
      kind: 'board',
      requestUpdate: () => host.element.requestUpdate(),
      t: host.t,
      paired: (credential) => {
        this.credential = credential;
        host.element.requestUpdate();
        this.open();
      },
    });
  }

  /** Whether the screen holds its credential (and shows the board). */
  get paired(): boolean {
    return this.credential !== '';
  }

  /** Reads the stream at `url` with the credential kept on the screen, else pairs first. */
  start(url: URL): void {
    this.url = url;
    if (this.credential) this.open();
    else this.pairing.start();
  }

  /** Stops reading and pairing (the element left the page). */
  stop(): void {
    this.pairing.stop();
    clearTimeout(this.timer);
    this.reading?.abort();
    this.reading = undefined;
  }

  /** The pairing screen, while the screen has no credential. */
  render() {
    return this.pairing.render();
  }

  private open(): void {
    const url = this.url;
    if (!url || !this.credential) return;
    clearTimeout(this.timer);
    this.reading?.abort();
    const reading = new AbortController();
    this.reading = reading;
    void this.read(url, reading);
  }

  private async read(url: URL, reading: AbortController): Promise<void> {
    try {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${this.credential}`, accept: 'text/event-stream' },
        cache: 'no-store',
        signal: reading.signal,
      });
      if (response.status === 401 || response.status === 403) {
        // Revoked: forgotten, and the screen pairs again.
        this.credential = '';
        this.pairing.forget();
        this.host.element.requestUpdate();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      await readEventStream(response.body, (type, data) => {
        if (this.reading !== reading) return;
        let value: unknown;
        try {
          value = JSON.parse(data);
        } catch {
          return;
        }
        if (type === 'snapshot') {
          const snapshot = readBoardSnapshot(value);
          if (!snapshot) return;
          this.attempts = 0;
          this.host.onSnapshot(snapshot);
        } else if (type === 'ticket') {
          const delta = readBoardDelta(value);
          if (delta) this.host.onDelta(delta);
        }
      });
    } catch {
      // Lost (or aborted: then nothing more).
    }
    if (this.reading !== reading || reading.signal.aborted) return;
    this.host.onLost();
    const [first, longest] = this.host.retry();
    const delay = Math.min(longest, first * 2 ** this.attempts++);
    this.timer = setTimeout(() => this.open(), delay * (0.75 + Math.random() * 0.25));
  }
}
