import { numberToVietnameseWords, type VietnameseNumberOptions } from './vietnamese-numbers.js';

/**
 * How Vietnamese letters are read aloud. The names vary by region and by speech engine, so they are
 * data: pass your own map to {@link formatAnnouncement} (`letterNames`).
 */
export const VIETNAMESE_LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  Đ: 'đê',
  E: 'e',
  F: 'ép',
  G: 'giê',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'e lờ',
  M: 'em mờ',
  N: 'en nờ',
  O: 'o',
  P: 'pê',
  Q: 'quy',
  R: 'e rờ',
  S: 'ét xì',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích xì',
  Y: 'i dài',
  Z: 'dét',
};

/** Options for {@link formatAnnouncement}. */
export interface AnnouncementOptions extends VietnameseNumberOptions {
  /**
   * The Vietnamese sentence, with `{number}` and `{counter}` placeholders. Default
   * `'Xin mời số {number} đến quầy số {counter}'`.
   */
  readonly template?: string;
  /** The English sentence. Default `'Ticket {number}, please go to counter {counter}'`. */
  readonly templateEn?: string;
  /**
   * How the ticket's number part is spoken: `'words'` (default) reads the value, `A105` → "a, một trăm
   * linh năm" and `A001` → "a, một"; `'digits'` reads each digit, `A001` → "a, không không một".
   * Counter labels are always read as words ("quầy số mười hai").
   */
  readonly numberReading?: 'words' | 'digits';
  /** How each letter is spoken. Default {@link VIETNAMESE_LETTER_NAMES}. */
  readonly letterNames?: Readonly<Record<string, string>>;
}

/** A call to a counter, written for the display and for a speech engine. */
export interface Announcement {
  /** The Vietnamese text to display: "Xin mời số A105 đến quầy số 3". */
  readonly text: string;
  /** The English text. */
  readonly textEn: string;
  /** The Vietnamese text with numbers and letters spelt out for speech (Web Speech, a neural voice or clips). */
  readonly speech: string;
}

function fill(template: string, number: string, counter: string): string {
  return template.replaceAll('{number}', number).replaceAll('{counter}', counter);
}

/** Spells a ticket number or counter label for speech: letters by name, digit runs as words or digits. */
function speak(label: string, options: AnnouncementOptions, numberReading: 'words' | 'digits'): string {
  const names = options.letterNames ?? VIETNAMESE_LETTER_NAMES;
  const groups: string[] = [];
  let letters: string[] = [];
  const flush = (): void => {
    if (letters.length > 0) groups.push(letters.join(' '));
    letters = [];
  };
  for (const token of label.toUpperCase().match(/\d+|\p{L}/gu) ?? []) {
    if (/^\d+$/.test(token)) {
      flush();
      groups.push(
        numberReading === 'digits'
          ? [...token].map((d) => numberToVietnameseWords(Number(d))).join(' ')
          : numberToVietnameseWords(Number(token), options),
      );
    } else {
      letters.push(names[token] ?? token.toLowerCase());
    }
  }
  flush();
  return groups.join(', ');
}

/**
 * The call for a ticket at a counter: display text in Vietnamese and English, and speech text with
 * the number read as Vietnamese words ("Xin mời số a, một trăm linh năm, đến quầy số ba").
 * The templates, the letter names and the number reading are options.
 *
 * @example
 * ```ts
 * formatAnnouncement('A105', '3');
 * // { text: 'Xin mời số A105 đến quầy số 3',
 * //   textEn: 'Ticket A105, please go to counter 3',
 * //   speech: 'Xin mời số a, một trăm linh năm, đến quầy số ba' }
 * ```
 */
export function formatAnnouncement(number: string, counter: string, options: AnnouncementOptions = {}): Announcement {
  const template = options.template ?? 'Xin mời số {number} đến quầy số {counter}';
  const templateEn = options.templateEn ?? 'Ticket {number}, please go to counter {counter}';
  const spokenNumber = speak(number, options, options.numberReading ?? 'words');
  const spokenCounter = speak(counter, options, 'words');
  // Commas around the spelt-out number give speech engines a pause, as a person calling would.
  const speech = fill(template, `${spokenNumber},`, spokenCounter)
    .replace(/,\s*$/, '')
    .replace(/,(?=\S)/g, ', ');
  return { text: fill(template, number, counter), textEn: fill(templateEn, number, counter), speech };
}
