// The kiosk's voice: the issued number said with the browser's Vietnamese voice or the recorded clips (core's
// announcement), fetched on the first touch. Functions of the element, called with it as `this`, as the services
// screen's are.
import type { KioskInternals, Speech } from './types.js';

/** The voice, fetched once; `undefined` when silent or when it cannot be fetched (the next touch tries again). */
export function loadSpeech(this: KioskInternals): Promise<Speech | undefined> {
  if (this.silent) return Promise.resolve(undefined);
  this.speechLoad ??= import('../internal/speech/index.js').catch(() => {
    this.speechLoad = undefined;
    return undefined;
  });
  return this.speechLoad;
}

/** Says the issued number, cutting short what the kiosk was still saying for the person before. */
export async function say(this: KioskInternals, number: string): Promise<void> {
  const speech = await loadSpeech.call(this);
  if (!speech || this.silent) return;
  const base = this.voiceBase ? new URL(this.voiceBase, document.baseURI).href : speech.defaultVoiceBase();
  this.defaultEngine ??= this.speech ? undefined : speech.autoEngine({ baseUrl: base });
  const engine = this.speech ?? this.defaultEngine;
  if (!engine) return;
  this.announcer ??= speech.createAnnouncer({
    engine,
    onError: (error) => console.warn('motcua-ticket-kiosk: không đọc được số / the number could not be spoken', error),
  });
  this.announcer.engine = engine;
  this.announcer.cancel();
  void this.announcer.announce(speech.ticketUtterance(number, { lang: this.language }));
}
