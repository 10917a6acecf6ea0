/** The kinds of personal data {@link scrubPersonalData} masks. */
export type PersonalDataKind = 'email' | 'citizen-id' | 'phone';

/** Options of {@link scrubPersonalData}. */
export interface ScrubOptions {
  /**
   * How to mask a match. By default every digit becomes `•` (keeping spaces and dots, so the text
   * still reads) and an e-mail address becomes `•••@•••`.
   */
  readonly mask?: (kind: PersonalDataKind, match: string) => string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// No lookbehind assertions: Safari before 16.4 cannot even parse them, and the widgets support iOS 15. The
// character before a match is captured instead and put back.
/** 12 digits (căn cước / CCCD), optionally grouped by single spaces or dots, not part of a longer number. */
const CITIZEN_ID = /(^|[^\d.])(\d(?:[ .]?\d){11})(?!\d)/g;
/**
 * Vietnamese phone numbers: 0 or +84/84, then 9 digits (mobile, 0xx xxx xxxx) or 10 (landline 02x),
 * optionally grouped by spaces, dots or hyphens.
 */
const PHONE = /(^|[^\d+])((?:\+84|84|0)(?:[ .-]?\(?\d\)?){9,10})(?!\d)/g;

function defaultMask(kind: PersonalDataKind, match: string): string {
  return kind === 'email' ? '•••@•••' : match.replace(/\d/g, '•');
}

/**
 * Masks personal data in free text before it is shown or exported: e-mail addresses, 12-digit citizen
 * identity (CCCD) numbers and Vietnamese phone numbers, in that order.
 *
 * @example
 * ```ts
 * scrubPersonalData('CCCD 001203004567, ĐT 0912 345 678');
 * // 'CCCD ••••••••••••, ĐT •••• ••• •••'
 * scrubPersonalData('Gửi về an.nguyen@example.vn');
 * // 'Gửi về •••@•••'
 * ```
 */
export function scrubPersonalData(text: string, options: ScrubOptions = {}): string {
  const mask = options.mask ?? defaultMask;
  return text
    .replace(EMAIL, (match) => mask('email', match))
    .replace(CITIZEN_ID, (_, before: string, match: string) => before + mask('citizen-id', match))
    .replace(PHONE, (_, before: string, match: string) => before + mask('phone', match));
}
