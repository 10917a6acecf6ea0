import { html, nothing, type TemplateResult } from 'lit';

/**
 * A data table: a header row, then rows whose first cell heads the row. Every cell is text (a hostile name stays
 * text). Cells are figures, aligned to the end so their digits line up, except the columns `text` lists (by their
 * index in `head`; the row heads always), which read from the start.
 *
 * @example
 * ```ts
 * table(['', 'Trung vị'], [['Quầy 1', '12']]);
 * table(['Mã hồ sơ', 'Thủ tục', 'Còn lại'], [['H00-0001', 'Đăng ký khai sinh', '2 giờ']], [1]);
 * ```
 */
export function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  text: readonly number[] = [],
): TemplateResult {
  const align = (column: number) => (text.includes(column) ? 'text' : nothing);
  return html`<table>
    <thead><tr>${head.map((h, i) => html`<th scope="col" class=${align(i)}>${h}</th>`)}</tr></thead>
    <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((cell, i) => html`<td class=${align(i + 1)}>${cell}</td>`)}</tr>`)}</tbody>
  </table>`;
}
