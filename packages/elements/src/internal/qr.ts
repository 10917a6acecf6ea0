/** QR codes for the elements (procedure links, ticket and receipt slips), loaded lazily: the encoder is uqr (MIT), drawn as one SVG path. */
import { html } from 'lit';
import { encode } from 'uqr';

/** The modules of a QR code as SVG path data, one rectangle per run of dark modules in a row. */
export function qrPath(text: string): { readonly size: number; readonly d: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size, d };
}

/** A QR code linking to `url`, as a Lit template (`part="qr"`), labelled for screen readers. */
export function qrTemplate(url: string, label: string) {
  const { size, d } = qrPath(url);
  return html`<svg part="qr" class="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label=${label} shape-rendering="crispEdges"><rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path></svg>`;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The same QR code built with DOM APIs in a given document (for the print view's frame). */
export function qrElement(doc: Document, url: string, label: string): SVGSVGElement {
  const { size, d } = qrPath(url);
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = doc.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(background, path);
  return svg;
}
