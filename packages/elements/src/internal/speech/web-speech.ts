import { type SpeechEngine, SpeechUnavailableError, throwIfAborted } from './engine.js';
import type { Utterance } from './utterance.js';

/** Options of {@link webSpeechEngine}. */
export interface WebSpeechOptions {
  /** The synthesiser; default `globalThis.speechSynthesis`. */
  readonly synth?: SpeechSynthesis;
  /** Picks the voice for a language among those installed; default the first `vi-VN` (or `vi`) voice, local first. */
  readonly pickVoice?: (
    voices: readonly SpeechSynthesisVoice[],
    lang: Utterance['lang'],
  ) => SpeechSynthesisVoice | undefined;
  /** Speaking rate, 0.1–10; default 0.9 (a little slower, for a waiting room). */
  readonly rate?: number;
  /** How long to wait for the voice list, which some browsers fill in late; default 1500 ms. */
  readonly voicesTimeout?: number;
}

/** A {@link SpeechEngine} on the browser's speech synthesis, with a way to ask whether a voice exists. */
export interface WebSpeechEngine extends SpeechEngine {
  /** The voice it would use for `lang`, once the browser has listed its voices; undefined when there is none. */
  voiceFor(lang: Utterance['lang']): Promise<SpeechSynthesisVoice | undefined>;
}

const LANG_TAGS = { vi: 'vi-VN', en: 'en-US' } as const;

/** Utterances being spoken, held so that Chromium does not collect one (and never end it) while it speaks. */
const speaking = new Set<SpeechSynthesisUtterance>();

function defaultPick(voices: readonly SpeechSynthesisVoice[], lang: Utterance['lang']) {
  const matching = voices.filter((v) => v.lang.replace('_', '-').toLowerCase().startsWith(lang));
  const exact = matching.filter((v) => v.lang.replace('_', '-').toLowerCase() === LANG_TAGS[lang].toLowerCase());
  const ranked = [...exact, ...matching];
  return ranked.find((v) => v.localService) ?? ranked[0];
}

/**
 * Speaks through the Web Speech API (`speechSynthesis`) with a Vietnamese (`vi-VN`) voice for Vietnamese
 * utterances. When the browser has no voice for the language, `speak` rejects with a `SpeechUnavailableError`
 * whose code is `no-voice`, so a caller (or {@link autoEngine}) can fall back to recorded clips.
 *
 * @example
 * ```ts
 * const engine = webSpeechEngine();
 * if (await engine.voiceFor('vi')) await engine.speak(callUtterance('A105', '3'));
 * ```
 */
export function webSpeechEngine(options: WebSpeechOptions = {}): WebSpeechEngine {
  const synth = (): SpeechSynthesis | undefined => options.synth ?? globalThis.speechSynthesis;
  const pick = options.pickVoice ?? defaultPick;
  // The first call waits for the browser to list its voices; later calls take the list as it is then (a voice
  // installed later shows up in it), so a browser without voices does not delay every announcement.
  let listed: Promise<readonly SpeechSynthesisVoice[]> | undefined;
  const listVoices = (): Promise<readonly SpeechSynthesisVoice[]> => {
    const s = synth();
    if (!s) return Promise.resolve([]);
    listed ??= new Promise((resolve) => {
      if (s.getVoices().length > 0) return resolve([]);
      const done = (): void => {
        clearTimeout(timer);
        s.removeEventListener('voiceschanged', done);
        resolve([]);
      };
      const timer = setTimeout(done, options.voicesTimeout ?? 1500);
      s.addEventListener('voiceschanged', done);
    });
    return listed.then(() => s.getVoices());
  };
  const voiceFor = async (lang: Utterance['lang']) => pick(await listVoices(), lang);
  return {
    voiceFor,
    async speak(utterance, signal) {
      throwIfAborted(signal);
      const s = synth();
      const voice = await voiceFor(utterance.lang);
      throwIfAborted(signal);
      if (!s || !voice) {
        throw new SpeechUnavailableError('no-voice', `No speech synthesis voice for ${LANG_TAGS[utterance.lang]}`);
      }
      const spoken = new SpeechSynthesisUtterance(utterance.text);
      // A polyfilled synthesiser's voices are not the browser's: for those, the language tag picks the voice.
      if (typeof SpeechSynthesisVoice !== 'undefined' && voice instanceof SpeechSynthesisVoice) spoken.voice = voice;
      spoken.lang = voice.lang;
      spoken.rate = options.rate ?? 0.9;
      speaking.add(spoken);
      try {
        await new Promise<void>((resolve, reject) => {
          // Some browsers never end an utterance (Chromium when the audio device goes away): after a generous
          // time for the text, the announcer moves on rather than wait for ever.
          const timer = setTimeout(
            () => {
              s.cancel();
              reject(new SpeechUnavailableError('audio-failed', 'Speech synthesis did not finish'));
            },
            5000 + utterance.text.length * 250,
          );
          const onAbort = (): void => {
            clearTimeout(timer);
            s.cancel();
            reject(signal?.reason);
          };
          signal?.addEventListener('abort', onAbort, { once: true });
          spoken.onend = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve();
          };
          spoken.onerror = (event) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            if (signal?.aborted) reject(signal.reason);
            else reject(new SpeechUnavailableError('audio-failed', `Speech synthesis failed: ${event.error}`));
          };
          s.speak(spoken);
        });
      } finally {
        speaking.delete(spoken);
      }
    },
    async unlock() {
      // Chromium lets a page speak only after a user gesture; an empty utterance inside the gesture unlocks it.
      synth()?.speak(new SpeechSynthesisUtterance(''));
    },
  };
}
