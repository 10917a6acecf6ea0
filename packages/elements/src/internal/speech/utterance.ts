import {
  type AnnouncementOptions,
  formatAnnouncement,
  numberToVietnameseWords,
  VIETNAMESE_LETTER_NAMES,
  type VietnameseNumberOptions,
} from '@motcua/core/queue';
import type { Language } from '../i18n.js';
import { CHIME_CLIP, clipName, PHRASE_CLIPS } from './clip-names.js';

/**
 * One thing to say: the sentence for a speech synthesiser, its language, and the same message as recorded clips
 * for hosts without a Vietnamese voice.
 */
export interface Utterance {
  /** What a speech synthesiser reads, numbers spelt out: "Xin mời số a, một trăm linh năm, đến quầy số ba". */
  readonly text: string;
  /** The language of `text`. */
  readonly lang: Language;
  /**
   * The recorded clips to play in order, by clip name (see `clipName` and `PHRASE_CLIPS`): the chime, phrases and
   * one clip per word, always in Vietnamese, e.g. `['chime', 'moi-khach-hang-so', 'a', 'mootj', 'trawm', 'linh',
   * 'nawm', 'den-quay', 'so', 'ba']`.
   */
  readonly clips: readonly string[];
}

/** How numbers and letters are read, for {@link labelClips}. */
export interface LabelReading extends VietnameseNumberOptions {
  /** `'words'` (default) reads `A105` as "a, một trăm linh năm"; `'digits'` as "a, một không năm". */
  readonly numberReading?: 'words' | 'digits';
  /** How each letter is spoken; default core's `VIETNAMESE_LETTER_NAMES`. */
  readonly letterNames?: Readonly<Record<string, string>>;
}

const words = (spoken: string): string[] =>
  spoken
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(clipName);

/**
 * The word clips of a ticket number or counter label, read as core's `formatAnnouncement` reads it: letters by
 * name, digit runs as Vietnamese words (core's `numberToVietnameseWords`) or digit by digit.
 *
 * @example
 * ```ts
 * labelClips('A105'); // ['a', 'mootj', 'trawm', 'linh', 'nawm']
 * labelClips('B07', { numberReading: 'digits' }); // ['bee', 'khoong', 'bary']
 * ```
 */
export function labelClips(label: string, reading: LabelReading = {}): string[] {
  const names = reading.letterNames ?? VIETNAMESE_LETTER_NAMES;
  const clips: string[] = [];
  for (const token of label.toUpperCase().match(/\d+|\p{L}/gu) ?? []) {
    if (!/^\d+$/.test(token)) clips.push(...words(names[token] ?? token.toLowerCase()));
    else if (reading.numberReading === 'digits') {
      for (const d of token) clips.push(...words(numberToVietnameseWords(Number(d))));
    } else clips.push(...words(numberToVietnameseWords(Number(token), reading)));
  }
  return clips;
}

/** Options of {@link callUtterance}: core's announcement options (templates, readings) and the language. */
export interface CallUtteranceOptions extends AnnouncementOptions {
  /** The language to speak; default `'vi'`. The clips are Vietnamese whatever the language. */
  readonly lang?: Language;
}

/**
 * What to say when a counter calls a ticket, built on core's `formatAnnouncement`: in Vietnamese its speech text
 * ("Xin mời số a, một trăm linh năm, đến quầy số ba"), in English its English text; the clips say "mời khách hàng
 * số … đến quầy số …" after the chime.
 *
 * @example
 * ```ts
 * callUtterance('A105', '3');
 * // { text: 'Xin mời số a, một trăm linh năm, đến quầy số ba', lang: 'vi',
 * //   clips: ['chime', 'moi-khach-hang-so', 'a', 'mootj', 'trawm', 'linh', 'nawm', 'den-quay', 'so', 'ba'] }
 * ```
 */
export function callUtterance(number: string, counter: string, options: CallUtteranceOptions = {}): Utterance {
  const lang = options.lang ?? 'vi';
  const announcement = formatAnnouncement(number, counter, options);
  return {
    text: lang === 'en' ? announcement.textEn : announcement.speech,
    lang,
    clips: [
      CHIME_CLIP,
      PHRASE_CLIPS.call,
      ...labelClips(number, options),
      PHRASE_CLIPS.toCounter,
      PHRASE_CLIPS.number,
      ...labelClips(counter, { ...options, numberReading: 'words' }),
    ],
  };
}

/** Options of {@link ticketUtterance}. */
export interface TicketUtteranceOptions extends LabelReading {
  /** The language to speak; default `'vi'`. */
  readonly lang?: Language;
  /** The Vietnamese sentence with a `{number}` placeholder; default `'Số của bạn là {number}'`. */
  readonly template?: string;
  /** The English sentence; default `'Your number is {number}'`. */
  readonly templateEn?: string;
}

/**
 * What a kiosk says when it issues a ticket: "Số của bạn là a, một trăm linh năm" (core's `formatAnnouncement` with
 * a sentence of its own), and the clips "số của bạn là" and the number after the chime.
 *
 * @example
 * ```ts
 * ticketUtterance('A105');
 * // { text: 'Số của bạn là a, một trăm linh năm', lang: 'vi',
 * //   clips: ['chime', 'so-cua-ban-la', 'a', 'mootj', 'trawm', 'linh', 'nawm'] }
 * ```
 */
export function ticketUtterance(number: string, options: TicketUtteranceOptions = {}): Utterance {
  const lang = options.lang ?? 'vi';
  const announcement = formatAnnouncement(number, '', {
    ...options,
    template: options.template ?? 'Số của bạn là {number}',
    templateEn: options.templateEn ?? 'Your number is {number}',
  });
  return {
    text: lang === 'en' ? announcement.textEn : announcement.speech,
    lang,
    clips: [CHIME_CLIP, PHRASE_CLIPS.yourNumber, ...labelClips(number, options)],
  };
}
