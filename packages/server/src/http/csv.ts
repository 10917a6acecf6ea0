/**
 * A CSV cell: quoted when needed; a leading `= + - @` (or tab, carriage return) in text is defused with a quote
 * mark so that spreadsheets do not run it as a formula. A cell holding a `;` or a tab is quoted too: Excel set to
 * a `;` (or tab) separator would otherwise split it there, and a part starting with `=` would become a live formula
 * (OWASP CSV injection guidance).
 *
 * @example
 * ```ts
 * csvCell('a,b'); // '"a,b"'
 * csvCell('=SUM(A1)'); // "'=SUM(A1)"
 * csvCell('Chậm;=1+1'); // '"Chậm;=1+1"'
 * ```
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
