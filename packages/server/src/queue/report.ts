import { type CivilDate, civilDateOf } from '@motcua/core/calendar';
import type { DurationSummary, QueueGroupStatistics, QueueReport } from '@motcua/core/queue';
import type { Context } from 'hono';
import { readQuery } from '../http/body.js';
import { csvCell, reportAnswer } from '../http/csv.js';
import { queueReportQuery } from './inputs.js';
import { queueReport } from './report-store.js';
import type { QueueRouteOptions, QueueService } from './service.js';

const SUMMARY_KEYS = ['count', 'mean', 'p50', 'p90', 'max'] as const satisfies readonly (keyof DurationSummary)[];
const COUNT_KEYS = ['tickets', 'called', 'served', 'noShows', 'cancelled', 'transferred', 'recalls'] as const;

/**
 * The queue report as CSV: one row per group (overall, each service, counter, priority class, hour, officer (an
 * empty key: no officer) and weekday × hour cell), counts then wait and service minutes.
 *
 * @example
 * ```ts
 * queueReportCsv(report).split('\r\n')[1]; // 'overall,,42,40,…'
 * ```
 */
export function queueReportCsv(report: QueueReport): string {
  const header = [
    'group',
    'key',
    ...COUNT_KEYS,
    ...SUMMARY_KEYS.map((k) => `wait_${k}`),
    ...SUMMARY_KEYS.map((k) => `service_${k}`),
  ];
  const line = (group: string, key: string, s: QueueGroupStatistics) =>
    [
      group,
      key,
      ...COUNT_KEYS.map((k) => s[k]),
      ...SUMMARY_KEYS.map((k) => s.wait[k]),
      ...SUMMARY_KEYS.map((k) => s.service[k]),
    ]
      .map(csvCell)
      .join(',');
  const lines = [header.join(','), line('overall', '', report.overall)];
  const groups = [
    ['service', report.byService],
    ['counter', report.byCounter],
    ['priority', report.byPriority],
    ['hour', report.byHour],
  ] as const;
  for (const [group, byKey] of groups) {
    for (const [key, stats] of Object.entries(byKey)) lines.push(line(group, key, stats));
  }
  // The officer's username; an empty key is the tickets handled with no officer signed in.
  for (const officer of report.byOfficer) lines.push(line('officer', officer.username ?? '', officer));
  for (const cell of report.byWeekdayHour) lines.push(line('weekday-hour', `${cell.weekday}-${cell.hour}`, cell));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * `GET /api/reports/queue?from=&to=&service=&counter=&officer=` (JSON `QueueReport`, or CSV with `format=csv` or
 * `Accept: text/csv`): the queue's figures over the business days of the period — by default from the first of this
 * month to today, in Vietnam.
 *
 * @example
 * ```ts
 * app.get('/api/reports/queue', (c) => queueReportHandler(c, service, options));
 * ```
 */
export async function queueReportHandler(c: Context, s: QueueService, options: QueueRouteOptions): Promise<Response> {
  const q = readQuery(c, queueReportQuery);
  const today = civilDateOf(options.now());
  const to = q.to ?? (q.from !== undefined && q.from > today ? q.from : today);
  const from = q.from ?? (`${to.slice(0, 8)}01` as CivilDate);
  const report = await queueReport(s.db, {
    office: s.office.id,
    from,
    to,
    service: q.service,
    counter: q.counter,
    officer: q.officer,
  });
  return reportAnswer(c, q.format, 'queue.csv', report, () => queueReportCsv(report));
}
