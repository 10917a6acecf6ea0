/**
 * The receipt slip of `<motcua-counter-console>` (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01), loaded lazily
 * with the QR encoder. It is built with DOM APIs (text only, never markup) in a hidden `<iframe>` and printed from
 * there, so only the slip prints, never the console's page.
 */
import type { ReceiptSlip } from '@motcua/core/deadline';
import type { Language } from '../internal/i18n.js';
import { PrintFrame, setFrameStyles } from '../internal/print-frame.js';
import { qrElement } from '../internal/qr.js';
import type { CounterConsoleStringKey } from './counter-console.strings.js';
import { type ReceiptToPrint, slipTimeText } from './intake.js';

/** What the print view needs. */
export interface PrintReceipt extends ReceiptToPrint {
  readonly paper: 'A5' | 'A4';
  readonly language: Language;
  readonly t: (key: CounterConsoleStringKey, params?: Readonly<Record<string, string | number>>) => string;
  /** The status page, `{code}` and `{pin}` replaced; relative to the console's page. */
  readonly statusUrl: string;
  /** The rating form, `{token}` replaced; relative to the console's page. */
  readonly ratingUrl: string;
}

const css = (paper: 'A5' | 'A4') => `
@page { size: ${paper} portrait; margin: ${paper === 'A5' ? '10mm' : '15mm 20mm'}; }
html { font-family: 'Times New Roman', 'Noto Serif', serif; font-size: ${paper === 'A5' ? '11pt' : '12pt'}; color: #000; background: #fff; }
body { margin: 0; }
header { display: grid; grid-template-columns: 1fr 1fr; gap: 8pt; text-align: center; }
header p { margin: 0; }
.strong { font-weight: bold; }
h1 { font-size: 1.15em; text-align: center; margin: 10pt 0 2pt; }
p { margin: 2pt 0; }
.center { text-align: center; }
.date { text-align: end; font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 2pt 0 4pt; }
th, td { border: 0.5pt solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }
td.n { text-align: right; width: 1.5em; }
.pin { font-size: 1.3em; font-weight: bold; letter-spacing: 0.1em; }
.codes { display: flex; justify-content: space-around; margin: 6pt 0; break-inside: avoid; }
figure { margin: 0; text-align: center; }
figure svg { width: 28mm; height: 28mm; display: block; margin: 0 auto; }
figcaption { font-size: 0.85em; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; text-align: center; margin-top: 8pt; min-height: 28mm; }
`;

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Fills `{code}`, `{pin}` and `{token}` (URL-encoded) and resolves the address against the page. */
export function slipLink(template: string, values: Readonly<Record<'code' | 'pin' | 'token', string>>): string {
  const filled = template.replace(/\{(code|pin|token)\}/g, (_, name: 'code' | 'pin' | 'token') =>
    encodeURIComponent(values[name]),
  );
  return new URL(filled, document.baseURI).href;
}

/** Writes the slip into a document (the frame's), replacing what it held. */
export function writeReceipt(doc: Document, slip: PrintReceipt): void {
  const { t, receipt, language } = slip;
  const r: ReceiptSlip = receipt;
  doc.documentElement.lang = language;
  doc.title = `${r.title} — ${r.code}`;
  doc.body.replaceChildren();
  setFrameStyles(doc, css(slip.paper));

  const header = element(doc, 'header');
  const agency = element(doc, 'div');
  agency.append(element(doc, 'p', r.agency), element(doc, 'p', r.unit, 'strong'));
  const nation = element(doc, 'div');
  nation.append(element(doc, 'p', t('slipNation'), 'strong'), element(doc, 'p', t('slipMotto'), 'strong'));
  header.append(agency, nation);

  const body: Node[] = [
    header,
    element(doc, 'p', r.placeAndDate, 'date'),
    element(doc, 'h1', r.title),
    element(doc, 'p', t('slipCode', { code: r.code }), 'center strong'),
    element(doc, 'p', t('slipApplicant', { name: r.applicant.name })),
  ];
  if (r.applicant.address) body.push(element(doc, 'p', t('slipAddress', { address: r.applicant.address })));
  if (r.applicant.phone) body.push(element(doc, 'p', t('slipPhone', { phone: r.applicant.phone })));
  if (r.applicant.email) body.push(element(doc, 'p', t('slipEmail', { email: r.applicant.email })));
  body.push(element(doc, 'p', t('slipProcedure', { procedure: r.procedure })), element(doc, 'p', t('slipDocuments')));

  const table = element(doc, 'table');
  const head = element(doc, 'tr');
  for (const label of ['', t('slipDocName'), t('slipDocForm'), t('slipDocCopies')]) {
    const th = element(doc, 'th', label);
    th.scope = 'col';
    head.append(th);
  }
  const thead = element(doc, 'thead');
  thead.append(head);
  const tbody = element(doc, 'tbody');
  for (const d of r.documents) {
    const row = element(doc, 'tr');
    row.append(
      element(doc, 'td', String(d.number), 'n'),
      element(doc, 'td', d.name),
      element(doc, 'td', d.form),
      element(doc, 'td', String(d.copies), 'n'),
    );
    tbody.append(row);
  }
  table.append(thead, tbody);
  body.push(
    table,
    element(doc, 'p', t('slipSets', { sets: r.sets })),
    element(doc, 'p', t('slipLimit', { limit: r.limitText })),
    element(doc, 'p', t('slipReceivedAt', { time: slipTimeText(r.receivedAt, r.receivedAtText, language) })),
    element(doc, 'p', t('slipDueAt', { time: slipTimeText(r.dueAt, r.dueAtText, language) }), 'strong'),
    element(doc, 'p', t('slipDelivery', { delivery: r.deliveryText })),
  );
  if (r.ledger) body.push(element(doc, 'p', t('slipLedger', { book: r.ledger.book, number: r.ledger.number })));
  body.push(element(doc, 'p', t('slipPin', { pin: slip.pin }), 'pin center'));

  const codes = element(doc, 'div', undefined, 'codes');
  const values = { code: r.code, pin: slip.pin, token: slip.ratingToken ?? '' };
  const qr = (url: string, caption: string, kind: string) => {
    const figure = element(doc, 'figure');
    figure.dataset.qr = kind;
    figure.dataset.url = url;
    figure.append(qrElement(doc, url, caption), element(doc, 'figcaption', caption));
    codes.append(figure);
  };
  if (slip.statusUrl) qr(slipLink(slip.statusUrl, values), t('slipStatusQr'), 'status');
  if (slip.ratingUrl && slip.ratingToken) qr(slipLink(slip.ratingUrl, values), t('slipRatingQr'), 'rating');
  if (codes.childElementCount > 0) body.push(codes);

  const signatures = element(doc, 'div', undefined, 'signatures');
  for (const who of [t('slipApplicantSign'), t('slipOfficerSign')]) {
    const cell = element(doc, 'div');
    cell.append(element(doc, 'p', who, 'strong'), element(doc, 'p', t('slipSignHint')));
    if (who === t('slipOfficerSign') && r.receivedBy) cell.append(element(doc, 'p', r.receivedBy));
    signatures.append(cell);
  }
  body.push(signatures);
  doc.body.append(...body);
}

/** The console's print frame: one slip at a time. */
const printFrame = new PrintFrame();

/**
 * Prints the slip from a hidden frame appended to `document.body` (the previous slip's frame is removed); `print`
 * is called with the frame's window.
 */
export function printReceipt(slip: PrintReceipt, print: (view: Window) => void): HTMLIFrameElement {
  return printFrame.print({ title: slip.t('printFrameTitle'), write: (doc) => writeReceipt(doc, slip) }, print);
}
