import { addDays, type CivilDate, fromVietnamTime } from '@motcua/core/calendar';
import type { EligibleTransaction, SurveyResponse } from '@motcua/core/satisfaction';
import type { Queryable } from '../db/database.js';

/** Which ratings and finished tickets a satisfaction report counts. */
export interface SatisfactionInputsQuery {
  readonly office: string;
  readonly instrument: string;
  /** The first civil date counted (Vietnam time), if any. */
  readonly from?: CivilDate | undefined;
  /** The last civil date counted, if any. */
  readonly to?: CivilDate | undefined;
  /** Also read the office's finished tickets of the period: the eligible transactions of response rates. */
  readonly tickets: boolean;
  /** Rows read per query (default 500). */
  readonly pageSize?: number;
}

/** What core's `aggregateResponses` is given. */
export interface SatisfactionInputs {
  readonly responses: SurveyResponse[];
  readonly eligible: EligibleTransaction[];
}

interface RatingRow {
  id: string | number;
  instrument_id: string;
  instrument_version: string;
  answers: unknown;
  submitted_at: string | number;
  transaction_id: string | null;
  counter: string | null;
  officer: string | null;
  procedure: string | null;
  channel: string | null;
}

interface TicketRow {
  id: string;
  counter: string | null;
  ended_at: string | number;
}

/**
 * The responses and eligible transactions of a satisfaction report. Only the period's rows are read — the period
 * becomes instants with core's Vietnam time, so the database filters on the stored epoch milliseconds (ratings and
 * served tickets by their indexes) — a page at a time, and of the tickets only the three fields a transaction needs:
 * a report for one month no longer reads every rating and every ticket ever stored.
 *
 * @example
 * ```ts
 * const { responses, eligible } = await satisfactionInputs(db, {
 *   office: 'demo', instrument: 'vn-one-stop-rating', from: '2026-03-01', to: '2026-03-31', tickets: true,
 * });
 * ```
 */
export async function satisfactionInputs(db: Queryable, query: SatisfactionInputsQuery): Promise<SatisfactionInputs> {
  const pageSize = Math.max(1, query.pageSize ?? 500);
  const start = query.from === undefined ? null : fromVietnamTime(query.from, 0);
  const end = query.to === undefined ? null : fromVietnamTime(addDays(query.to, 1), 0);
  const responses: SurveyResponse[] = [];
  // In (submitted_at, id) order on the (office, instrument_id, submitted_at) index: each page starts after the last
  // row of the one before, so a year's report reads each rating once, not once a page.
  let after: [number, number] = [start ?? -Number.MAX_SAFE_INTEGER, 0];
  for (;;) {
    const rows = await db.query<RatingRow>(
      `select id, instrument_id, instrument_version, answers, submitted_at, transaction_id, counter, officer,
         procedure, channel
       from ratings
       where office = $1 and instrument_id = $2
         and (submitted_at, id) > ($3::bigint, $4::bigint) and submitted_at < $5
       order by submitted_at, id
       limit $6`,
      [query.office, query.instrument, after[0], after[1], end ?? Number.MAX_SAFE_INTEGER, pageSize],
    );
    for (const r of rows) {
      responses.push({
        instrumentId: r.instrument_id,
        instrumentVersion: r.instrument_version,
        answers: (typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers) as SurveyResponse['answers'],
        submittedAt: Number(r.submitted_at),
        ...(r.transaction_id !== null ? { transactionId: r.transaction_id } : {}),
        ...(r.counter !== null ? { counter: r.counter } : {}),
        ...(r.officer !== null ? { officer: r.officer } : {}),
        ...(r.procedure !== null ? { procedure: r.procedure } : {}),
        ...(r.channel !== null ? { channel: r.channel } : {}),
      });
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) break;
    after = [Number(last.submitted_at), Number(last.id)];
  }
  const eligible: EligibleTransaction[] = [];
  if (query.tickets) {
    // The served tickets ended in [start, end), in (endedAt, id) order on their index (migration 0022): each page
    // starts after the last row of the one before and stops at `end`. Not bounded by business date: a ticket is
    // finished after its business date when the day starts after midnight, or when it is finished by its id days
    // later, and still counts on the day it was served.
    let after: [number | string, string] = [start ?? -Number.MAX_SAFE_INTEGER, ''];
    for (;;) {
      const rows = await db.query<TicketRow>(
        `select id, data->>'counter' as counter, data->>'endedAt' as ended_at
         from queue_tickets
         where office = $1 and status = 'done'
           and ((data->>'endedAt')::numeric, id) > ($2::numeric, $3::text) and (data->>'endedAt')::numeric < $4
         order by (data->>'endedAt')::numeric, id
         limit $5`,
        [query.office, after[0], after[1], end ?? Number.MAX_SAFE_INTEGER, pageSize],
      );
      for (const t of rows) {
        eligible.push({
          servedAt: Number(t.ended_at),
          transactionId: t.id,
          ...(t.counter ? { counter: t.counter } : {}),
        });
      }
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) break;
      after = [String(last.ended_at), last.id];
    }
  }
  return { responses, eligible };
}
