/**
 * A CSV cell: quoted when needed; a leading `= + - @` (or tab, carriage return) in text is defused with a quote
 * mark so that spreadsheets do not run it as a formula.
 *
 * @example
 * ```ts
 * csvCell('a,b'); // '"a,b"'
 * csvCell('=SUM(A1)'); // "'=SUM(A1)"
 * ```
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
