import { html, type TemplateResult } from 'lit';

/**
 * A data table: a header row, then rows whose first cell heads the row. Every cell is text (a hostile name stays
 * text).
 *
 * @example
 * ```ts
 * table(['', 'Trung vị'], [['Quầy 1', '12']]);
 * ```
 */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): TemplateResult {
  return html`<table>
    <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
  </table>`;
}
