/**
 * The board's "follow your turn on your phone" corner (`follow-url`): a QR code of the ticket status page, which
 * then asks for the number on the ticket. Loaded lazily, with the QR encoder, only by a board that sets `follow-url`.
 */
import { css, html, type LitElement } from 'lit';
import type { StringTable } from '../internal/i18n.js';
import { installPart } from '../internal/lazy-part.js';
import { qrTemplate } from '../internal/qr.js';

/** The keys of the corner's strings, which join the board's own when it loads. */
export type FollowStringKey = 'follow';

/** The corner's strings in Vietnamese and English. */
export const followStrings: StringTable<FollowStringKey> = {
  vi: { follow: 'Theo dõi lượt trên điện thoại' },
  en: { follow: 'Follow your turn on your phone' },
};

/**
 * The corner's styles: a code small enough to leave the latest calls and the counters on a 1366×768 screen, on white
 * with its quiet zone so that phones read it on the board's dark background.
 */
export const followStyles = css`
  [part='follow'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0.6em 0 0;
    font-size: 0.8em;
    font-weight: 600;
  }
  [part='follow'] figcaption {
    /* Beside the code in a wide column, under it in a narrow one (a board inside a page). */
    flex: 1 1 6em;
  }
  [part='follow'] svg {
    flex: none;
    width: 7em;
    height: 7em;
    border-radius: 0.2em;
  }
`;

/**
 * Adopts the corner's styles beside the board's and answers the board's strings joined with the corner's.
 *
 * @example
 * ```ts
 * this.defaultStrings = part.installFollow(this, this.defaultStrings);
 * ```
 */
export const installFollow = <K extends string>(host: LitElement, own: StringTable<K>) =>
  installPart(host, own, followStrings, followStyles);

/**
 * The corner: the QR code of `url` resolved against the page (a phone needs the whole address), and its caption.
 *
 * @example
 * ```ts
 * html`${part.followCorner('/phieu.html', this.t('follow'))}`; // the code of https://<the page's host>/phieu.html
 * ```
 */
export function followCorner(url: string, caption: string) {
  return html`<figure part="follow">${qrTemplate(new URL(url, document.baseURI).href, caption)}<figcaption aria-hidden="true">${caption}</figcaption></figure>`;
}
