/** QR codes for the elements (procedure links, ticket and receipt slips, the counter's rating code), loaded lazily: drawn as one SVG path. */
import { html, render } from 'lit';
import { encodeQr } from './qr-encode.js';

/** The quiet zone around the code, in modules. */
const BORDER = 2;

/** The modules of a QR code as SVG path data, one rectangle per run of dark modules in a row. */
function qrPath(text: string): { readonly size: number; readonly d: string } {
  const data = encodeQr(text);
  const size = data.length + 2 * BORDER;
  let d = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (row[x]) x++;
      d += `M${start + BORDER} ${y + BORDER}h${x - start}v1h${start - x}z`;
    }
  });
  return { size, d };
}

/** A QR code linking to `url`, as a Lit template (`part="qr"`), labelled for screen readers. */
export function qrTemplate(url: string, label: string) {
  const { size, d } = qrPath(url);
  return html`<svg part="qr" class="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label=${label} shape-rendering="crispEdges"><rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path></svg>`;
}

/**
 * The same QR code as an element of a given document (for the print views' frames): the template rendered there, so
 * both are drawn by one piece of code.
 */
export function qrElement(doc: Document, url: string, label: string): SVGSVGElement {
  const holder = doc.createElement('div');
  render(qrTemplate(url, label), holder);
  return holder.querySelector('svg') as SVGSVGElement;
}
