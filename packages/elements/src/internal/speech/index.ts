/**
 * Voice announcements for queue screens: what to say (core's announcement text, or recorded clips), engines that
 * say it (Web Speech, recorded clips, or a recorder for tests) and a serialised announcer.
 */
export {
  type AnnouncementOutcome,
  type Announcer,
  type AnnouncerOptions,
  type AutoEngineOptions,
  autoEngine,
  createAnnouncer,
  enableSound,
} from './announcer.js';
export { soundAllowed } from './autoplay.js';
export { type ClipEngineOptions, clipEngine } from './clip-engine.js';
export { CHIME_CLIP, clipName, PHRASE_CLIPS, PHRASE_TEXTS } from './clip-names.js';
export {
  type RecordingEngine,
  recordingEngine,
  type SpeechEngine,
  SpeechUnavailableError,
} from './engine.js';
export {
  type CallUtteranceOptions,
  callUtterance,
  type LabelReading,
  labelClips,
  type TicketUtteranceOptions,
  ticketUtterance,
  type Utterance,
} from './utterance.js';
export { defaultVoiceBase } from './voice-base.js';
export { type WebSpeechEngine, type WebSpeechOptions, webSpeechEngine } from './web-speech.js';
