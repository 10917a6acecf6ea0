import type { Utterance } from './utterance.js';

/** Something that can say an {@link Utterance}: the browser's speech synthesis, recorded clips, or a test's recorder. */
export interface SpeechEngine {
  /**
   * Says `utterance` and resolves once it has been said; rejects when it cannot be said (no voice, a clip that does
   * not load, audio still locked by the autoplay rule) or when `signal` aborts (with the signal's reason).
   */
  speak(utterance: Utterance, signal?: AbortSignal): Promise<void>;
  /**
   * Unlocks audio for the page; call it from a user gesture (a click on "enable sound"), as browsers allow sound
   * only after one. Optional.
   */
  unlock?(): Promise<void>;
}

/** Why an engine could not speak: `no-voice` (no synthesiser voice for the language) or `audio-failed`. */
export class SpeechUnavailableError extends Error {
  /** `no-voice` or `audio-failed`. */
  readonly code: 'no-voice' | 'audio-failed';

  /**
   * @param code - why.
   * @param message - for the console.
   */
  constructor(code: 'no-voice' | 'audio-failed', message: string) {
    super(message);
    this.name = 'SpeechUnavailableError';
    this.code = code;
  }
}

/** Rejects with the signal's reason if it has aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
}

/** An engine that says nothing and records what it was asked to say, for tests and for silent screens. */
export interface RecordingEngine extends SpeechEngine {
  /** Every utterance it was asked to say, in order, including ones later aborted. */
  readonly said: Utterance[];
  /** `start <text>` and `end <text>` (or `abort <text>`) entries, in order: proof that no two utterances overlap. */
  readonly log: string[];
}

/**
 * A {@link SpeechEngine} that records instead of speaking, taking `duration` milliseconds per utterance.
 *
 * @example
 * ```ts
 * const engine = recordingEngine({ duration: 5 });
 * await createAnnouncer({ engine }).announce(callUtterance('A105', '3'));
 * engine.said[0]?.text; // 'Xin mời số a, một trăm linh năm, đến quầy số ba'
 * ```
 */
export function recordingEngine(options: { readonly duration?: number } = {}): RecordingEngine {
  const said: Utterance[] = [];
  const log: string[] = [];
  return {
    said,
    log,
    async speak(utterance, signal) {
      throwIfAborted(signal);
      said.push(utterance);
      log.push(`start ${utterance.text}`);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, options.duration ?? 0);
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            log.push(`abort ${utterance.text}`);
            reject(signal.reason);
          },
          { once: true },
        );
      });
      log.push(`end ${utterance.text}`);
    },
  };
}
