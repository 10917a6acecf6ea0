import type { Context } from 'hono';

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

/**
 * Whether a report is asked for as CSV: `format=csv`, or no `format` and `Accept: text/csv`.
 *
 * @example
 * ```ts
 * if (wantsCsv(c, query.format)) return c.body(csvText, 200, csvHeaders('audit.csv'));
 * ```
 */
export function wantsCsv(c: Context, format: string | undefined): boolean {
  return format === 'csv' || (format === undefined && (c.req.header('accept') ?? '').includes('text/csv'));
}

/** The headers of a CSV download named `filename`. */
export function csvHeaders(filename: string): Record<string, string> {
  return { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` };
}

/**
 * A report's answer: CSV when the query says `format=csv` (or, without `format`, the client accepts `text/csv`),
 * as an attachment named `filename`; JSON otherwise. `csv` is called only when CSV is sent.
 *
 * @example
 * ```ts
 * return reportAnswer(c, q.format, 'queue.csv', report, () => queueReportCsv(report));
 * ```
 */
export function reportAnswer(
  c: Context,
  format: 'json' | 'csv' | undefined,
  filename: string,
  json: unknown,
  csv: () => string,
): Response {
  return wantsCsv(c, format) ? c.body(csv(), 200, csvHeaders(filename)) : c.json(json);
}
