/**
 * Clip names: every recorded word has an ASCII file name written in Telex, the way Vietnamese is typed on a plain
 * keyboard, so that names never collide (`mười` → `muwowif`, `mươi` → `muwowi`) and any host can record more words.
 */

/** Tone marks (after NFD) and the Telex key that types each. */
const TONES: Readonly<Record<string, string>> = {
  '\u0301': 's', // sắc
  '\u0300': 'f', // huyền
  '\u0309': 'r', // hỏi
  '\u0303': 'x', // ngã
  '\u0323': 'j', // nặng
};

/**
 * The clip name of one Vietnamese word, in Telex: lower case, vowel marks typed after their vowel
 * (`â` → `aa`, `ă` → `aw`, `ơ` → `ow`, `ư` → `uw`, `đ` → `dd`) and the tone key at the end.
 *
 * @example
 * ```ts
 * clipName('mười'); // 'muwowif'
 * clipName('năm');  // 'nawm'
 * clipName('đến');  // 'ddeens'
 * ```
 */
export function clipName(word: string): string {
  let out = '';
  let tone = '';
  for (const char of word.toLowerCase().normalize('NFD')) {
    const previous = out[out.length - 1] ?? '';
    if (char in TONES) tone = TONES[char] as string;
    else if (char === '\u0302')
      out += previous; // â ê ô
    else if (char === '\u0306' || char === '\u031b')
      out += 'w'; // ă; ơ ư
    else if (char === 'đ') out += 'dd';
    else if (/[a-z0-9]/.test(char)) out += char;
  }
  return out + tone;
}

/** The clip played before every announcement. */
export const CHIME_CLIP = 'chime';

/** A tenth of a second of silence, played inside the "enable sound" gesture to unlock the audio element. */
export const SILENCE_CLIP = 'silence';

/**
 * The phrases of the recorded call, by clip name: "mời khách hàng số {number} đến quầy số {counter}". Each is one
 * recording, so that it sounds as one phrase.
 */
export const PHRASE_CLIPS = {
  /** "Mời khách hàng số" */
  call: 'moi-khach-hang-so',
  /** "đến quầy" */
  toCounter: 'den-quay',
  /** "số" */
  number: 'so',
  /** "Số của bạn là" (the kiosk's issued ticket) */
  yourNumber: 'so-cua-ban-la',
} as const;

/** The text of each phrase clip, for recording them. */
export const PHRASE_TEXTS: Readonly<Record<(typeof PHRASE_CLIPS)[keyof typeof PHRASE_CLIPS], string>> = {
  'moi-khach-hang-so': 'Mời khách hàng số',
  'den-quay': 'đến quầy',
  so: 'số',
  'so-cua-ban-la': 'Số của bạn là',
};
