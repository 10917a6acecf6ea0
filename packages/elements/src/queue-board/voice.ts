// What the board needs to speak, loaded with the first call (or the click on "enable sound"), not with the board.
export { autoEngine, createAnnouncer, enableSound } from '../internal/speech/announcer.js';
export { callUtterance } from '../internal/speech/utterance.js';
export { defaultVoiceBase } from '../internal/speech/voice-base.js';
