/**
 * The printed ticket of `<motcua-ticket-kiosk>` for 58 mm and 80 mm thermal rolls, loaded lazily. It is built with
 * DOM APIs in a hidden `<iframe>` of the host page and printed from there (`window.print()` of the frame), so only
 * the ticket prints, never the kiosk screen. The page is exactly as long as the ticket: the frame is laid out at the
 * roll's printable width and `@page` gets the measured height, so a roll printer cuts right after it.
 */

import type { Language } from '../internal/i18n.js';
import { PrintFrame, setFrameStyles } from '../internal/print-frame.js';
import { qrElement } from '../internal/qr.js';
import type { TicketWait } from './request.js';
import type { TicketKioskStringKey } from './ticket-kiosk.strings.js';

export { PrintFrame };

/** The roll widths the print view knows, in millimetres. */
export type PaperWidth = '58' | '80';

/** What the printed ticket shows. */
export interface TicketSlip {
  readonly paper: PaperWidth;
  readonly language: Language;
  /** The office (UBND xã …) as the server names it. */
  readonly office: string;
  /** The display number, e.g. `A001`. */
  readonly number: string;
  /** The service's name. */
  readonly service: string;
  /** When the ticket was issued, epoch ms (printed as Vietnam time). */
  readonly issuedAt: number;
  /** The queue position and estimate, when the server gave them. */
  readonly wait?: TicketWait | undefined;
  /** The status / rating page the QR code opens; no QR code without it. */
  readonly url?: string | undefined;
  /** The element's strings. */
  readonly t: (key: TicketKioskStringKey, params?: Readonly<Record<string, string | number>>) => string;
}

/** Page margins (top/bottom, sides) and the printable width of each roll, in millimetres. */
const ROLLS: Readonly<Record<PaperWidth, { readonly y: number; readonly x: number; readonly qr: number }>> = {
  // 58 mm rolls print 48 mm (384 dots at 203 dpi); 80 mm rolls print 72 mm (576 dots).
  '58': { y: 3, x: 5, qr: 30 },
  '80': { y: 3, x: 4, qr: 38 },
};

/** The printable width of a roll in millimetres. */
export const printableWidth = (paper: PaperWidth): number => Number(paper) - 2 * ROLLS[paper].x;

/**
 * The print styles of a ticket: `@page` as wide as the roll and `heightMm` long (margins included), black on white.
 *
 * @example
 * ```ts
 * ticketCss('58', 100); // '@page { size: 58mm 100mm; margin: 3mm 5mm; } …'
 * ```
 */
export function ticketCss(paper: PaperWidth, heightMm: number): string {
  const { x, y, qr } = ROLLS[paper];
  const small = paper === '58';
  return `@page { size: ${paper}mm ${heightMm}mm; margin: ${y}mm ${x}mm; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
html { font-family: 'Noto Sans', Arial, 'Helvetica Neue', sans-serif; font-size: ${small ? 9 : 11}pt; line-height: 1.3;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { width: ${printableWidth(paper)}mm; text-align: center; }
p { margin: 0 0 1.5mm; overflow-wrap: anywhere; }
.office { font-weight: 700; text-transform: uppercase; }
.title { font-weight: 700; margin-top: 2mm; }
.number { font-size: ${small ? 30 : 40}pt; font-weight: 800; line-height: 1.1; margin: 1mm 0 2mm; }
.service { font-weight: 700; }
.rule { border-top: 0.3mm dashed #000; margin: 2mm 0; }
svg { display: block; width: ${qr}mm; height: ${qr}mm; margin: 1mm auto; }
.footer { font-style: italic; }`;
}

/**
 * `HH:MM DD/MM/YYYY` in Vietnam whatever the kiosk's time zone, from the browser's own time-zone data (a printed
 * ticket needs no more of core's calendar than this).
 *
 * @example
 * ```ts
 * vietnamClock(Date.UTC(2026, 10, 23, 1, 5)); // '08:05 23/11/2026'
 * ```
 */
export function vietnamClock(at: number): string {
  const part = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    })
      .formatToParts(at)
      .map(({ type, value }) => [type, value]),
  );
  return `${part.hour}:${part.minute} ${part.day}/${part.month}/${part.year}`;
}

/**
 * Writes the ticket into a document (the frame's), replacing what it held, with a provisional page length.
 *
 * @example
 * ```ts
 * writeTicket(frame.contentDocument, { paper: '58', language: 'vi', office, number: 'A001', service, issuedAt, t });
 * ```
 */
export function writeTicket(doc: Document, slip: TicketSlip): void {
  const { t } = slip;
  doc.documentElement.lang = slip.language;
  doc.title = `${t('printTitle')} ${slip.number}`;
  doc.body.replaceChildren();
  setFrameStyles(doc, ticketCss(slip.paper, 150));
  const line = (text: string, className?: string, lang?: string) => {
    const p = doc.createElement('p');
    p.textContent = text;
    if (className) p.className = className;
    if (lang) p.lang = lang;
    doc.body.append(p);
    return p;
  };
  if (slip.office) line(slip.office, 'office');
  line(t('printTitle'), 'title');
  line(slip.number, 'number');
  line(slip.service, 'service');
  line(t('printTime', { time: vietnamClock(slip.issuedAt) }), 'time');
  if (slip.wait) {
    line(t('printAhead', { count: slip.wait.ahead }), 'ahead');
    const minutes = slip.wait.minutes;
    if (minutes && minutes.high > 0) line(t('wait', { low: minutes.low, high: minutes.high }), 'wait');
  }
  if (slip.url) {
    doc.body.append(doc.createElement('div'));
    (doc.body.lastElementChild as HTMLElement).className = 'rule';
    doc.body.append(qrElement(doc, slip.url, t('qrLabel', { number: slip.number })));
    line(t('scan'), 'scan');
  }
  line(t('printFooter'), 'footer');
}

/**
 * Prints the ticket from the element's hidden frame (replacing the previous ticket's) laid out at the roll's printable
 * width, so that the measured height is the printed one. `print` is called with the frame's window (by default
 * `window.print()`): with Chromium's `--kiosk-printing` it goes to the default printer without a dialog.
 *
 * @example
 * ```ts
 * const frame = printTicket(new PrintFrame(), slip, (view) => view.print());
 * ```
 */
export function printTicket(
  printFrame: PrintFrame,
  slip: TicketSlip,
  print: (view: Window) => void,
): HTMLIFrameElement {
  return printFrame.print(
    {
      title: slip.t('printFrameTitle'),
      width: `${printableWidth(slip.paper)}mm`,
      height: '10px',
      write: (doc) => {
        writeTicket(doc, slip);
        const pxToMm = 25.4 / 96;
        const contentMm = doc.documentElement.getBoundingClientRect().height * pxToMm;
        setFrameStyles(doc, ticketCss(slip.paper, Math.ceil(contentMm + 2 * ROLLS[slip.paper].y + 2)));
      },
    },
    print,
  );
}
