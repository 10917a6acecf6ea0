import type { CivilDate } from '@motcua/core/calendar';
import type {
  DurationSummary,
  QueueGroupStatistics,
  QueueLongWait,
  QueueOfficerStatistics,
  QueueReport,
  QueueReportCell,
} from '@motcua/core/queue';
import type { Database, Queryable } from '../db/database.js';
import { COUNTER_AUDIT_ACTIONS } from './counter-actions.js';

/** Which tickets a queue report counts. */
export interface QueueReportQuery {
  readonly office: string;
  /** First business day, included. */
  readonly from: CivilDate;
  /** Last business day, included. */
  readonly to: CivilDate;
  /** Only this service. */
  readonly service?: string | undefined;
  /** Only the tickets this counter called. */
  readonly counter?: string | undefined;
  /** Only the tickets whose last counter action this officer (a username) took. */
  readonly officer?: string | undefined;
}

const DAY = 86_400_000;
// The instant a Vietnamese civil date starts (UTC+7).
const startOf = (date: CivilDate) => Date.parse(`${date}T00:00:00+07:00`);

const COUNTER_ACTIONS = COUNTER_AUDIT_ACTIONS.map((a) => `'${a}'`).join(', ');

// Each ticket row as core's `queueStatistics` sees its timeline: joined = queuedAt (the issue, or the transfer that
// created it), first and last call, start and end, outcome from the final status. Vietnam has kept UTC+7 since 1975,
// so the hour and the ISO weekday (epoch day 0 was a Thursday) of joining are a fixed offset away. Durations are float8 minutes, divided as JavaScript divides them.
// The officer of a called ticket is the signed-in user of its last counter action in the audit trail (scanned over
// the period's instants, $7 to $8, on its (office, at) index), or, once the trail's lines about it are purged, the
// one kept on the ticket (officer_id, keepTicketOfficers); '' stands for "no officer" (a static counter token, a
// paired tablet), null for a ticket no counter called.
const TIMELINES = `
  select * from (
    select q.service, q.counter, data->>'priority' as priority, data->>'number' as number, business_date,
      (((((data->>'queuedAt')::bigint + 25200000) / 86400000) + 3) % 7 + 1)::int as weekday,
      ((((data->>'queuedAt')::bigint + 25200000) / 3600000) % 24)::int as hour,
      ((data->>'calledAt')::bigint - (data->>'queuedAt')::bigint)::float8 / 60000 as wait,
      case when status = 'done' then ((data->>'endedAt')::bigint - (data->>'servingAt')::bigint)::float8 / 60000
      end as service_time,
      greatest(coalesce((data->>'calls')::int, 0) - 1, 0) as recalls, status,
      case when q.counter is not null then coalesce(u.username, '') end as officer, u.display_name as officer_name
    from queue_tickets q
    left join (
      select distinct on (object) substr(object, 8) as ticket, actor_kind, actor_id from audit_events
      where office = $1 and at >= $7 and at < $8 and object like 'ticket:%'
        and action in (${COUNTER_ACTIONS})
      order by object, at desc, id desc
    ) a on a.ticket = q.id
    left join staff_users u
      on u.id = case when a.ticket is null then q.officer_id when a.actor_kind = 'user' then a.actor_id end
    where q.office = $1 and business_date between $2 and $3
      and ($4::text is null or q.service = $4) and ($5::text is null or q.counter = $5)
  ) timelines
  where $6::text is null or lower(officer) = lower($6)`;

// Both percentiles from one sort of the column.
const SUMMARY = (column: string, name: string) => `
  count(${column})::int as ${name}_count, avg(${column}) as ${name}_mean,
  percentile_cont(array[0.5, 0.9]) within group (order by ${column}) as ${name}_pct, max(${column}) as ${name}_max`;

// One scan, every grouping the report shows; `grouping()` says which set a row belongs to.
const GROUPS = `
  with t as (${TIMELINES})
  select grouping(officer, service, counter, priority, weekday, hour)::int as set, officer, max(officer_name) as name,
    service, counter, priority, weekday, hour, count(*)::int as tickets, count(wait)::int as called,
    count(*) filter (where status = 'done')::int as served,
    count(*) filter (where status = 'no-show')::int as no_shows,
    count(*) filter (where status = 'cancelled')::int as cancelled,
    count(*) filter (where status = 'transferred')::int as transferred,
    coalesce(sum(recalls), 0)::int as recalls, ${SUMMARY('wait', 'wait')}, ${SUMMARY('service_time', 'service')}
  from t
  group by grouping sets ((), (officer), (service), (counter), (priority), (hour), (weekday, hour))`;

const LONGEST = `
  with t as (${TIMELINES})
  select number, service, counter, business_date, wait from t where wait is not null
  order by wait desc, business_date, number limit 10`;

// The grouping() bit masks (officer, service, counter, priority, weekday, hour), a 1 for each column rolled up.
const SETS = {
  overall: 0b111111,
  officer: 0b011111,
  service: 0b101111,
  counter: 0b110111,
  priority: 0b111011,
  hour: 0b111110,
  cell: 0b111100,
};

type Row = Record<string, unknown>;

/**
 * Keeps on each ticket the officer of its last counter action among the audit lines older than `before` (epoch ms),
 * which the purge is about to delete, so the queue report still names the officer of older tickets. Run in the
 * purge's transaction; a ticket whose later lines stay in the trail is named by those.
 *
 * @example
 * ```ts
 * await db.transaction(async (tx) => {
 *   await keepTicketOfficers(tx, before);
 *   await tx.query('delete from audit_events where at < $1', [before]);
 * });
 * ```
 */
export async function keepTicketOfficers(tx: Queryable, before: number): Promise<void> {
  await tx.query(
    `update queue_tickets q set officer_id = case when a.actor_kind = 'user' then a.actor_id end
     from (
       select distinct on (office, object) office, substr(object, 8) as ticket, actor_kind, actor_id from audit_events
       where at < $1 and object like 'ticket:%' and action in (${COUNTER_ACTIONS})
       order by office, object, at desc, id desc
     ) a
     where q.office = a.office and q.id = a.ticket`,
    [before],
  );
}

const num = (value: unknown): number | undefined => (value === null || value === undefined ? undefined : Number(value));

function summary(row: Row, name: string): DurationSummary {
  return {
    count: Number(row[`${name}_count`]),
    mean: num(row[`${name}_mean`]),
    p50: num((row[`${name}_pct`] as unknown[] | null)?.[0]),
    p90: num((row[`${name}_pct`] as unknown[] | null)?.[1]),
    max: num(row[`${name}_max`]),
  };
}

function statistics(row: Row): QueueGroupStatistics {
  return {
    tickets: Number(row.tickets),
    called: Number(row.called),
    served: Number(row.served),
    noShows: Number(row.no_shows),
    cancelled: Number(row.cancelled),
    transferred: Number(row.transferred),
    recalls: Number(row.recalls),
    wait: summary(row, 'wait'),
    service: summary(row, 'service'),
  };
}

const EMPTY: QueueGroupStatistics = statistics({
  tickets: 0,
  called: 0,
  served: 0,
  no_shows: 0,
  cancelled: 0,
  transferred: 0,
  recalls: 0,
  wait_count: 0,
  service_count: 0,
});

/**
 * The queue report of a period, aggregated in the database in one scan of the office's tickets of those business
 * days (the `(office, business_date)` index): the same figures core's `queueStatistics` computes from the event log,
 * which a test checks on generated histories.
 *
 * @example
 * ```ts
 * const report = await queueReport(db, { office: 'demo', from: '2026-11-01', to: '2026-11-30' });
 * report.byService['ho-tich']?.wait.p90; // minutes
 * report.byOfficer.find((o) => o.username === 'canbo1')?.served;
 * ```
 */
export async function queueReport(db: Pick<Database, 'query'>, query: QueueReportQuery): Promise<QueueReport> {
  // A ticket's actions fall within its business day; a day more for one finished after midnight.
  const instants = [startOf(query.from), startOf(query.to) + 2 * DAY];
  const filters = [query.service ?? null, query.counter ?? null, query.officer ?? null];
  const params = [query.office, query.from, query.to, ...filters, ...instants];
  const [rows, longest] = await Promise.all([db.query<Row>(GROUPS, params), db.query<Row>(LONGEST, params)]);
  let overall = EMPTY;
  const byService: Record<string, QueueGroupStatistics> = {};
  const byCounter: Record<string, QueueGroupStatistics> = {};
  const byPriority: Record<string, QueueGroupStatistics> = {};
  const byHour: Record<number, QueueGroupStatistics> = {};
  const byOfficer: QueueOfficerStatistics[] = [];
  const byWeekdayHour: QueueReportCell[] = [];
  for (const row of rows) {
    const stats = statistics(row);
    switch (Number(row.set)) {
      case SETS.overall:
        overall = stats;
        break;
      case SETS.officer:
        // Tickets never called have no officer either; '' is the tickets handled without one.
        if (row.officer === null) break;
        byOfficer.push({
          username: row.officer === '' ? null : String(row.officer),
          name: row.officer === '' ? null : String(row.name),
          ...stats,
        });
        break;
      case SETS.service:
        byService[String(row.service)] = stats;
        break;
      case SETS.counter:
        // Tickets never called belong to no counter, as in core.
        if (row.counter !== null) byCounter[String(row.counter)] = stats;
        break;
      case SETS.priority:
        if (row.priority !== null) byPriority[String(row.priority)] = stats;
        break;
      case SETS.hour:
        byHour[Number(row.hour)] = stats;
        break;
      case SETS.cell:
        byWeekdayHour.push({ weekday: Number(row.weekday), hour: Number(row.hour), ...stats });
        break;
    }
  }
  byWeekdayHour.sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
  byOfficer.sort((a, b) => (a.username === null ? 1 : b.username === null ? -1 : a.username.localeCompare(b.username)));
  const longestWaits = longest.map(
    (row): QueueLongWait => ({
      number: String(row.number),
      service: String(row.service),
      ...(row.counter === null ? {} : { counter: String(row.counter) }),
      businessDate: String(row.business_date) as CivilDate,
      wait: Number(row.wait),
    }),
  );
  return {
    from: query.from,
    to: query.to,
    overall,
    byService,
    byCounter,
    byPriority,
    byOfficer,
    byHour,
    byWeekdayHour,
    longestWaits,
  };
}
