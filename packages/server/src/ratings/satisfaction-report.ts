import { type AggregateGroup, aggregateResponses, type GroupDimension } from '@motcua/core/satisfaction';
import type { Context } from 'hono';
import { readQuery } from '../http/body.js';
import { csvCell, reportAnswer } from '../http/csv.js';
import type { RatingRoutesDeps } from './deps.js';
import { reportQuery } from './inputs.js';
import { satisfactionInputs } from './report.js';

/**
 * The satisfaction report as CSV, one row per group (suppressed groups show only their key).
 *
 * @example
 * ```ts
 * reportCsv(rows, ['counter']); // 'counter,suppressed,formula,n,…\r\n1,false,top2box,12,…\r\n'
 * ```
 */
export function reportCsv(rows: readonly AggregateGroup[], groupBy: readonly GroupDimension[]): string {
  const header = [
    ...groupBy,
    'suppressed',
    'formula',
    'n',
    'unanswered',
    'score',
    'interval_low',
    'interval_high',
    'eligible',
    'response_rate',
  ];
  const lines = [header.join(',')];
  for (const row of rows) {
    const key = groupBy.map((d) => csvCell(row.key[d]));
    if (row.suppressed) {
      lines.push([...key, 'true', '', '', '', '', '', '', '', ''].join(','));
      continue;
    }
    lines.push(
      [
        ...key,
        'false',
        csvCell(row.formula),
        csvCell(row.n),
        csvCell(row.unanswered),
        csvCell(row.score),
        csvCell(row.interval?.low),
        csvCell(row.interval?.high),
        csvCell(row.eligible),
        csvCell(row.responseRate),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * `GET /api/reports/satisfaction` (JSON, or CSV with `format=csv` or `Accept: text/csv`): the ratings of a period
 * aggregated by core, grouped as asked, small groups suppressed, with response rates against finished tickets.
 *
 * @example
 * ```ts
 * app.get('/api/reports/satisfaction', (c) => satisfactionReport(c, deps));
 * ```
 */
export async function satisfactionReport(c: Context, deps: RatingRoutesDeps): Promise<Response> {
  const { db, office } = deps;
  const q = readQuery(c, reportQuery);
  // Only the period's ratings and finished tickets, a page at a time.
  const { responses, eligible } = await satisfactionInputs(db, {
    office: office.id,
    instrument: q.instrument,
    from: q.from,
    to: q.to,
    tickets: deps.queueStore !== undefined,
  });
  const groups = aggregateResponses(responses, {
    instrumentId: q.instrument,
    groupBy: q.groupBy,
    eligible,
    ...(q.minN !== undefined ? { minN: q.minN } : {}),
    ...(q.question !== undefined ? { question: q.question } : {}),
    ...(q.formula !== undefined ? { formula: q.formula } : {}),
  });
  return reportAnswer(
    c,
    q.format,
    'satisfaction.csv',
    { instrument: q.instrument, groupBy: q.groupBy, from: q.from, to: q.to, groups },
    () => reportCsv(groups, q.groupBy),
  );
}
