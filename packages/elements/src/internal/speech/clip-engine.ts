import { SILENCE_CLIP } from './clip-names.js';
import { type SpeechEngine, SpeechUnavailableError, throwIfAborted } from './engine.js';

/** Options of {@link clipEngine}. */
export interface ClipEngineOptions {
  /** Where the clips are: a folder URL holding `<clip name><extension>` files, e.g. `https://cdn.example/voice/`. */
  readonly baseUrl: string | URL;
  /** The clips' file extension; default `.mp3`. */
  readonly extension?: string;
  /** How long one clip may take to load and play, in milliseconds; default 10 000. */
  readonly clipTimeout?: number;
  /** Makes the one audio element every clip plays through; default `new Audio()`. Tests pass a fake. */
  readonly createAudio?: () => HTMLAudioElement;
  /** Fetches the clips ahead of playing; default `globalThis.fetch`. Tests pass a fake. */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * Speaks by playing recorded clips (`utterance.clips`) one after another through a single `HTMLAudioElement`, for
 * screens whose browser has no Vietnamese voice. Every clip of an utterance is fetched from `baseUrl` before the
 * first one plays, so the words follow each other from the browser's cache without loading gaps, and a clip that
 * is missing rejects the utterance (`SpeechUnavailableError`, code `audio-failed`) before a word is said, never
 * halfway through a number. Clips play from their own URLs (never `blob:` or `data:` sources), so a page's
 * Content-Security-Policy needs only the clip folder's origin in `media-src`; the "enable sound" gesture plays the
 * folder's `silence` clip.
 *
 * @example
 * ```ts
 * const engine = clipEngine({ baseUrl: 'https://cdn.jsdelivr.net/npm/@motcua/elements/dist/cdn/voice/' });
 * await engine.speak(callUtterance('A105', '3'));
 * ```
 */
export function clipEngine(options: ClipEngineOptions): SpeechEngine {
  let audio: HTMLAudioElement | undefined;
  const player = (): HTMLAudioElement => {
    audio ??= options.createAudio?.() ?? new Audio();
    audio.preload = 'auto';
    return audio;
  };
  const base = new URL(String(options.baseUrl), globalThis.document?.baseURI);
  /** Each clip, once fetched (so the audio element finds it in the cache), by URL; a failed fetch is forgotten. */
  const loaded = new Map<string, Promise<string>>();
  const load = (url: string): Promise<string> => {
    let source = loaded.get(url);
    if (!source) {
      source = (options.fetch ?? globalThis.fetch)(url).then(
        async (response) => {
          if (!response.ok) throw new SpeechUnavailableError('audio-failed', `${url}: HTTP ${response.status}`);
          await response.arrayBuffer();
          return url;
        },
        () => url, // offline, or another origin without CORS: let the audio element fetch it
      );
      source.catch(() => loaded.delete(url));
      loaded.set(url, source);
    }
    return source;
  };
  const play = (element: HTMLAudioElement, src: string, signal: AbortSignal | undefined, name: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      // A clip that stalls (a network that hangs) fails the utterance instead of holding the announcer for ever.
      const timer = setTimeout(() => {
        cleanup();
        element.pause();
        reject(new SpeechUnavailableError('audio-failed', `${name} did not finish playing`));
      }, options.clipTimeout ?? 10_000);
      const cleanup = (): void => {
        clearTimeout(timer);
        element.removeEventListener('ended', onEnded);
        element.removeEventListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
      };
      const onEnded = (): void => {
        cleanup();
        resolve();
      };
      const onError = (): void => {
        cleanup();
        reject(new SpeechUnavailableError('audio-failed', `Could not play ${name}`));
      };
      const onAbort = (): void => {
        cleanup();
        element.pause();
        reject(signal?.reason);
      };
      element.addEventListener('ended', onEnded);
      element.addEventListener('error', onError);
      signal?.addEventListener('abort', onAbort, { once: true });
      element.src = src;
      element.play().catch((error: unknown) => {
        cleanup();
        reject(
          signal?.aborted
            ? signal.reason
            : new SpeechUnavailableError('audio-failed', `Could not play ${name}: ${String(error)}`),
        );
      });
    });
  return {
    async speak(utterance, signal) {
      const element = player();
      const urls = utterance.clips.map((clip) => new URL(`${clip}${options.extension ?? '.mp3'}`, base).href);
      const sources = await Promise.all(urls.map(load));
      for (const [i, source] of sources.entries()) {
        throwIfAborted(signal);
        await play(element, source, signal, urls[i] as string);
      }
    },
    async unlock() {
      const element = player();
      element.src = new URL(`${SILENCE_CLIP}${options.extension ?? '.mp3'}`, base).href;
      await element.play().catch(() => {});
    },
  };
}
