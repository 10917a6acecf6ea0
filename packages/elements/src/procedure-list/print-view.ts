/**
 * The printable noticeboard listing of `<motcua-procedure-list>` (niêm yết thủ tục hành chính bằng mã QR),
 * loaded lazily. It is built with DOM APIs in a hidden `<iframe>` of the host page and printed from there,
 * so only the listing prints, never the host page, and no pop-up window is needed (in-app browsers of
 * Zalo and Facebook block those).
 */

import type { Catalogue, Procedure } from '@motcua/core/catalogue';
import type { TimeLimit } from '@motcua/core/deadline';
import type { Language } from '../internal/i18n.js';
import { PrintFrame, setFrameStyles } from '../internal/print-frame.js';
import { qrElement } from '../internal/qr.js';
import { feesText } from './fees-text.js';
import { fullCode, timeOf } from './format.js';
import type { ProcedureListKey } from './procedure-list.strings.js';

export { detailStrings } from './detail-strings.js';

/** What the print view needs from the element. */
export interface PrintListing {
  readonly catalogue: Catalogue;
  /** The procedures to list, in order (the current search and filters). */
  readonly procedures: readonly Procedure[];
  readonly language: Language;
  /** The element's strings. */
  readonly t: (key: ProcedureListKey, params?: Readonly<Record<string, string | number>>) => string;
  /** The address each QR code links to. */
  readonly linkOf: (procedure: Procedure) => string;
  /** A time limit in words (core's formatter, which came with the validation). */
  readonly timeText: (limit: TimeLimit) => string;
}

const PRINT_CSS = `
@page { size: A4; margin: 12mm; }
html { font-family: 'Times New Roman', 'Noto Serif', serif; font-size: 11pt; color: #000; background: #fff; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 4pt; }
p.version { text-align: center; margin: 0 0 10pt; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
td.n { text-align: right; width: 2em; }
td.code { white-space: nowrap; width: 1%; }
td.qr { width: 26mm; text-align: center; }
td.qr svg { width: 24mm; height: 24mm; display: block; }
`;

function cell(doc: Document, tag: 'td' | 'th', text: string, className?: string): HTMLTableCellElement {
  const element = doc.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  if (tag === 'th') element.scope = 'col';
  return element;
}

/** Writes the listing into a document (the frame's), replacing what it held. */
export function writeListing(doc: Document, listing: PrintListing): void {
  const { catalogue, language, t } = listing;
  doc.documentElement.lang = language;
  doc.title = t('printTitle', { agency: catalogue.agency.name });
  doc.body.replaceChildren();
  setFrameStyles(doc, PRINT_CSS);
  const title = doc.createElement('h1');
  title.textContent = doc.title;
  const version = doc.createElement('p');
  version.className = 'version';
  version.textContent = t('printVersion', { version: catalogue.version });
  const table = doc.createElement('table');
  const head = doc.createElement('thead');
  const headRow = doc.createElement('tr');
  headRow.append(
    cell(doc, 'th', t('number')),
    cell(doc, 'th', t('code')),
    cell(doc, 'th', t('name')),
    cell(doc, 'th', t('timeLimit')),
    cell(doc, 'th', t('fees')),
    cell(doc, 'th', t('printScan')),
  );
  head.append(headRow);
  const body = doc.createElement('tbody');
  listing.procedures.forEach((procedure, i) => {
    const row = doc.createElement('tr');
    const time = timeOf(procedure);
    const name = cell(doc, 'td', `${procedure.name} (${procedure.field})`);
    name.lang = 'vi';
    const qr = doc.createElement('td');
    qr.className = 'qr';
    qr.append(qrElement(doc, listing.linkOf(procedure), t('qrLabel', { name: procedure.name })));
    row.append(
      cell(doc, 'td', String(i + 1), 'n'),
      cell(doc, 'td', fullCode(procedure), 'code'),
      name,
      cell(doc, 'td', time === undefined ? t('unstated') : listing.timeText(time)),
      cell(
        doc,
        'td',
        feesText(procedure.fees, procedure.feeNote, language, { free: t('free'), unstated: t('unstated') }),
      ),
      qr,
    );
    body.append(row);
  });
  table.append(head, body);
  doc.body.append(title, version, table);
}

/**
 * Prints the listing from a hidden frame appended to `document.body`; the frame stays until the next
 * print or until the element asks to remove it. `print` is called with the frame's window (by default
 * `window.print()`), so kiosks and tests can replace it.
 */
export function printListing(listing: PrintListing, print: (view: Window) => void): HTMLIFrameElement {
  return new PrintFrame().print(
    { title: listing.t('printFrameTitle'), write: (doc) => writeListing(doc, listing) },
    print,
  );
}
