/**
 * The ticket status page without a ticket id (opened from the QR code on the board): a form for the number on the
 * ticket, and the read of that number, which answers no key (no rating, no Web Push). Loaded lazily, only on a page
 * opened without an id.
 */
import { type FollowedTicket, readFollowedNumber, type TicketView } from '@motcua/core/queue';
import { css, html, type LitElement, nothing } from 'lit';
import type { StringTable } from '../internal/i18n.js';
import { installPart } from '../internal/lazy-part.js';

/** The keys of the number form's strings, which join the page's own when it loads. */
export type NumberStringKey = 'numberLabel' | 'numberFollow' | 'numberUnknown' | 'numberNote';

/**
 * The number form's strings in Vietnamese and English, and the page's `noTicket` said again for a page that now
 * offers the form (a page's own override of it still wins).
 */
export const numberStrings: StringTable<NumberStringKey | 'noTicket'> = {
  vi: {
    noTicket: 'Nhập số in trên phiếu để theo dõi lượt, hoặc xin quét mã QR trên phiếu số thứ tự.',
    numberLabel: 'Số thứ tự của bạn',
    numberFollow: 'Theo dõi',
    numberUnknown: 'Hôm nay chưa có phiếu số {number}. Xin kiểm tra lại số trên phiếu.',
    numberNote: 'Xem theo số chỉ để theo dõi lượt. Đánh giá và thông báo trên điện thoại cần mã QR in trên phiếu.',
  },
  en: {
    noTicket: 'Type the number printed on your ticket to follow your turn, or scan the QR code on the ticket.',
    numberLabel: 'Your number',
    numberFollow: 'Follow',
    numberUnknown: 'No ticket {number} has been issued today. Please check the number on your ticket.',
    numberNote:
      'Following by number only shows your turn. Rating and phone notifications need the QR code on your ticket.',
  },
};

/** The form's styles, adopted with the page's when this part loads. */
export const numberStyles = css`
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: flex-end;
    margin: 0 0 0.75em;
  }
  label {
    display: flex;
    flex-direction: column;
    flex: 1 1 8em;
    font-weight: 600;
  }
  input,
  button {
    font: inherit;
    min-height: var(--motcua-touch-target, 44px);
    border-radius: 0.4em;
  }
  input {
    margin-top: 0.25em;
    padding: 0.2em 0.5em;
    border: 2px solid #4a4a4a;
    text-transform: uppercase;
    font-variant-numeric: tabular-nums;
  }
  button {
    border: 0;
    padding: 0.3em 1em;
    background: var(--motcua-ticket-status-accent, #0b4f9c);
    color: #ffffff;
    font-weight: 700;
    cursor: pointer;
  }
  @media (forced-colors: active) {
    button {
      border: 2px solid ButtonText;
    }
  }
`;

/**
 * Adopts the form's styles beside the page's and answers the page's strings joined with the form's.
 *
 * @example
 * ```ts
 * this.defaultStrings = part.installNumberMode(this, this.defaultStrings);
 * ```
 */
export const installNumberMode = <K extends string>(host: LitElement, own: StringTable<K>) =>
  installPart(host, own, numberStrings, numberStyles);

/**
 * The form asking for the number, filled with the one followed, and once a ticket is `shown` the note that rating and
 * notifications need the ticket's QR code; `follow` gets the number typed (trimmed, in capitals) on submit.
 *
 * @example
 * ```ts
 * html`${part.numberForm((key) => this.t(key), this.number, this.phase === 'shown', (n) => this.follow(n))}`;
 * ```
 */
export function numberForm(
  t: (key: NumberStringKey) => string,
  number: string,
  shown: boolean,
  follow: (number: string) => void,
) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const typed = new FormData(event.target as HTMLFormElement).get('number');
    if (typeof typed === 'string' && typed.trim()) follow(keepInAddress(typed.trim().toUpperCase()));
  };
  return html`${shown ? html`<p part="number-note" class="hint">${t('numberNote')}</p>` : nothing}<form part="number-form" @submit=${submit}>
    <label>${t('numberLabel')}<input part="number-input" name="number" .value=${number} required maxlength="16" autocomplete="off" autocapitalize="characters" spellcheck="false" enterkeyhint="go" /></label>
    <button part="number-follow" type="submit">${t('numberFollow')}</button>
  </form>`;
}

/** The address parameter that keeps the number followed: `phieu.html?so=A012`. */
const PARAMETER = 'so';

/**
 * Puts the number in the page's address (no new history entry), so that a reload — or a phone reopening a tab it
 * discarded in the background — follows it again instead of asking. The number is no key: the board shows it.
 */
function keepInAddress(number: string): string {
  const url = new URL(location.href);
  url.searchParams.set(PARAMETER, number);
  history.replaceState(history.state, '', url);
  return number;
}

/** The number the page's address keeps (`?so=`), or `''`. */
export const numberFromAddress = (): string =>
  (new URLSearchParams(location.search).get(PARAMETER) ?? '').toUpperCase();

/** The API path of a number's read. */
export const numberPath = (number: string): string => `api/queue/numbers/${encodeURIComponent(number)}`;

/**
 * The number's answer as the page shows a followed ticket (the board's ticket, its wait), or undefined: core's reader
 * keeps no key, so there is never a rating token to link to nor an id to subscribe with.
 *
 * @example
 * ```ts
 * const followed = readNumberAnswer(await response.json());
 * ```
 */
export function readNumberAnswer(value: unknown): FollowedTicket | undefined {
  const followed = readFollowedNumber(value);
  return followed && { ...followed, ticket: followed.ticket as unknown as TicketView };
}
