import {
  type DossierClockOptions,
  type DossierEvent,
  type DueDateChange,
  dossierClock,
  FINISHED_DOSSIER_STATUSES,
} from '@motcua/core/deadline';
import { MotcuaError } from '@motcua/core/text';
import type { Queryable } from '../db/database.js';
import { clockInputOf, DOSSIER_CLOCK_COLUMNS, type DossierClockRow } from './store.js';
import { clockEvents, timelineOf } from './view.js';

export type { DueDateChange } from '@motcua/core/deadline';

/** What `GET /api/reports/due-date-changes` answers. */
export interface DueDateChangesReport {
  /** When the report was made, ISO 8601 in Vietnam time. */
  readonly checkedAt: string;
  /** Open dossiers (not resolved, returned, withdrawn, stopped or refused) looked at. */
  readonly open: number;
  /** Those whose due date would differ, in the order of receipt. */
  readonly dossiers: readonly DueDateChange[];
  /** Open dossiers core could not run the clock of (bad stored data). */
  readonly unclassified: number;
}

/** The events without the due dates stored with an authority's receipt: what a recount would give. */
function unbound(events: readonly DossierEvent[]): DossierEvent[] {
  return events.map((e) => (e.type === 'authority-received' ? { type: e.type, at: e.at } : e));
}

/**
 * The open dossiers of an office whose due date would differ if it were counted again under the current calendar
 * (a day off declared after the receipt, new office hours…). The printed due date binds — the report does not
 * change it — so that the office can decide what to do (call the applicant, issue an apology letter with a new
 * date, or keep the promise). Rows are read a page at a time.
 *
 * @example
 * ```ts
 * const report = await dueDateChanges(db, 'demo', { calendar: vietnamCalendar() }, vietnamIso(Date.now()));
 * report.dossiers[0]?.recountedDueAt;
 * ```
 */
export async function dueDateChanges(
  db: Queryable,
  office: string,
  clock: DossierClockOptions,
  checkedAt: string,
  options: { readonly procedure?: string | undefined; readonly pageSize?: number } = {},
): Promise<DueDateChangesReport> {
  const pageSize = Math.max(1, options.pageSize ?? 500);
  const dossiers: DueDateChange[] = [];
  let open = 0;
  let unclassified = 0;
  let after: [string, string] = ['', ''];
  for (;;) {
    const rows = await db.query<DossierClockRow>(
      `select ${DOSSIER_CLOCK_COLUMNS}
       from dossiers
       where office = $1 and status <> all($6::text[])
         and ($2::text is null or procedure_code = $2) and (received_at, code) > ($3, $4)
       order by received_at, code
       limit $5`,
      [office, options.procedure ?? null, after[0], after[1], pageSize, FINISHED_DOSSIER_STATUSES],
    );
    for (const row of rows) {
      open++;
      const { stored, steps } = clockInputOf(row);
      const events = clockEvents(steps);
      try {
        const bound = dossierClock(timelineOf(stored, events), clock);
        const { dueAt: _printed, ...free } = timelineOf(stored, unbound(events));
        const recounted = dossierClock(free, clock);
        if (bound.dueAt !== recounted.dueAt) {
          dossiers.push({
            code: row.code,
            procedure: { code: row.procedure_code, name: row.procedure_name },
            receivedAt: row.received_at,
            dueAt: bound.dueAt,
            recountedDueAt: recounted.dueAt,
          });
        }
      } catch (error) {
        if (!(error instanceof MotcuaError)) throw error;
        unclassified++;
      }
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) break;
    after = [last.received_at, last.code];
  }
  return { checkedAt, open, dossiers, unclassified };
}
