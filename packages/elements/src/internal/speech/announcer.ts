import { clipEngine } from './clip-engine.js';
import { type SpeechEngine, SpeechUnavailableError } from './engine.js';
import type { Utterance } from './utterance.js';
import { type WebSpeechEngine, webSpeechEngine } from './web-speech.js';

/** Options of {@link autoEngine}. */
export interface AutoEngineOptions {
  /** Where the recorded clips are (see {@link clipEngine}). */
  readonly baseUrl: string | URL;
  /** The synthesiser engine to prefer; default {@link webSpeechEngine}(). */
  readonly web?: WebSpeechEngine;
  /** The clip engine to fall back on; default {@link clipEngine}({ baseUrl }). */
  readonly clips?: SpeechEngine;
}

/**
 * Speaks with the browser's voice when it has one for the utterance's language (Vietnamese: `vi-VN`), else with the
 * recorded clips. Asked again for every utterance, so a voice installed later is used from then on.
 *
 * @example
 * ```ts
 * const engine = autoEngine({ baseUrl: '/cdn/voice/' });
 * ```
 */
export function autoEngine(options: AutoEngineOptions): SpeechEngine {
  const web = options.web ?? webSpeechEngine();
  const clips = options.clips ?? clipEngine({ baseUrl: options.baseUrl });
  return {
    async speak(utterance, signal) {
      if (await web.voiceFor(utterance.lang)) {
        try {
          return await web.speak(utterance, signal);
        } catch (error) {
          if (!(error instanceof SpeechUnavailableError && error.code === 'no-voice')) throw error;
        }
      }
      return clips.speak(utterance, signal);
    },
    async unlock() {
      await Promise.all([web.unlock?.(), clips.unlock?.()]);
    },
  };
}

/** How one announcement ended. */
export type AnnouncementOutcome = 'spoken' | 'cancelled' | 'failed';

/** Options of {@link createAnnouncer}. */
export interface AnnouncerOptions {
  /** What speaks. */
  readonly engine: SpeechEngine;
  /** How many times each announcement is said; default 1 (anything less, or not a number, says it once). */
  readonly repeat?: number;
  /** The pause between repeats and between announcements, in milliseconds; default 700. */
  readonly pause?: number;
  /** Called when the engine fails (no voice, a clip missing); the announcer goes on with the next announcement. */
  readonly onError?: (error: unknown, utterance: Utterance) => void;
  /**
   * The most announcements that may wait (default 5): in a burst the oldest waiting one is dropped for the newest, so
   * the voice stays near what the screen shows instead of falling behind.
   */
  readonly maxWaiting?: number;
}

/** Says announcements one at a time, in the order they were asked for. */
export interface Announcer {
  /** The engine; may be swapped, effective from the next announcement. */
  engine: SpeechEngine;
  /** How many times each announcement is said. */
  repeat: number;
  /**
   * Queues `utterance`; resolves once it has been said, dropped or has failed. With a `key` (the ticket number), an
   * announcement of that key still waiting is replaced where it stands (a recall before the call was said is said
   * once). It is said `repeat` times while at most two others wait, once in a burst.
   */
  announce(utterance: Utterance, key?: string): Promise<AnnouncementOutcome>;
  /** Drops the announcements still waiting; the one being said finishes. */
  clear(): void;
  /** Stops the one being said and drops those waiting. */
  cancel(): void;
  /** How many announcements wait or are being said. */
  readonly pending: number;
}

interface Job {
  readonly utterance: Utterance;
  readonly resolve: (outcome: AnnouncementOutcome) => void;
  readonly key: string | undefined;
}

/**
 * A serialised announcer: calls never overlap and are said in the order they came, each `repeat` times with a
 * pause between (once while more than two wait). At most `maxWaiting` wait: in a burst the oldest is dropped, and a
 * newer announcement of a waiting key replaces it. A failure is reported (`onError`) and never blocks the ones after
 * it.
 *
 * @example
 * ```ts
 * const announcer = createAnnouncer({ engine: autoEngine({ baseUrl: '/cdn/voice/' }), repeat: 2 });
 * announcer.announce(callUtterance('A105', '3'));
 * announcer.announce(callUtterance('B012', '1')); // said after A105, never over it
 * ```
 */
export function createAnnouncer(options: AnnouncerOptions): Announcer {
  const waiting: Job[] = [];
  let current: { job: Job; controller: AbortController } | undefined;
  const pause = options.pause ?? 700;
  const maxWaiting = Math.max(1, options.maxWaiting ?? 5);
  const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });

  const run = async (): Promise<void> => {
    while (!current && waiting.length > 0) {
      const job = waiting.shift() as Job;
      const controller = new AbortController();
      current = { job, controller };
      let outcome: AnnouncementOutcome = 'spoken';
      try {
        for (let i = 0; i < Math.max(1, Math.floor(announcer.repeat) || 1); i++) {
          // In a burst each call is said once: the screen shows them all, the voice must not fall behind.
          if (i > 0 && waiting.length > 2) break;
          if (i > 0) await sleep(pause, controller.signal);
          if (controller.signal.aborted) break;
          await announcer.engine.speak(job.utterance, controller.signal);
        }
        if (controller.signal.aborted) outcome = 'cancelled';
      } catch (error) {
        if (controller.signal.aborted) outcome = 'cancelled';
        else {
          outcome = 'failed';
          options.onError?.(error, job.utterance);
        }
      }
      if (waiting.length > 0 && !controller.signal.aborted) await sleep(pause, controller.signal);
      current = undefined;
      job.resolve(outcome);
    }
  };

  const announcer: Announcer = {
    engine: options.engine,
    repeat: options.repeat ?? 1,
    announce(utterance, key) {
      return new Promise<AnnouncementOutcome>((resolve) => {
        const job = { utterance, resolve, key };
        const same = key === undefined ? -1 : waiting.findIndex((j) => j.key === key);
        if (same >= 0) waiting.splice(same, 1, job)[0]?.resolve('cancelled');
        else waiting.push(job);
        while (waiting.length > maxWaiting) waiting.shift()?.resolve('cancelled');
        void run();
      });
    },
    clear() {
      for (const job of waiting.splice(0)) job.resolve('cancelled');
    },
    cancel() {
      announcer.clear();
      current?.controller.abort(new DOMException('Announcement cancelled', 'AbortError'));
    },
    get pending() {
      return waiting.length + (current ? 1 : 0);
    },
  };
  return announcer;
}

/**
 * The "enable sound" step: call it from the click (or key press) on an "enable sound" button; it unlocks the
 * engine's audio inside the gesture, as browsers require before a page may make sound.
 *
 * @example
 * ```ts
 * button.addEventListener('click', () => enableSound(announcer.engine));
 * ```
 */
export async function enableSound(engine: SpeechEngine): Promise<void> {
  await engine.unlock?.();
}
