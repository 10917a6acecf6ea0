import { civilDateOf } from '@motcua/core/calendar';
import type { AuditEntry } from '@motcua/core/staff';
import type { Context } from 'hono';
import * as z from 'zod';
import { readQuery } from '../http/body.js';
import { csvCell, csvHeaders, wantsCsv } from '../http/csv.js';
import { PERIOD_ORDER, PERIOD_PARAMETERS } from '../http/period-query.js';
import { listAudit } from './audit-store.js';
import { requireRole } from './caller.js';
import type { StaffDeps } from './staff-deps.js';

/** What `GET /api/audit` accepts: a period of Vietnamese civil dates, a page, a format. */
export const auditQuery = z
  .object({
    ...PERIOD_PARAMETERS,
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict()
  .refine(...PERIOD_ORDER);

/** The first instant of a Vietnamese civil date (UTC+7, no daylight saving). */
const startOf = (date: string): number => Date.parse(`${date}T00:00:00+07:00`);

const COLUMNS = [
  'id',
  'at',
  'actor_kind',
  'actor_id',
  'actor_name',
  'action',
  'object',
  'address',
  'counter',
  'detail',
];

function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) =>
    [
      e.id,
      e.at,
      e.actor.kind,
      e.actor.id,
      e.actor.name,
      e.action,
      e.object,
      e.address,
      e.counter,
      e.detail === undefined ? undefined : JSON.stringify(e.detail),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * `GET /api/audit?from=&to=&after=&limit=` (admins): the office's audit trail in a period of Vietnamese civil dates
 * (both ends included; `to` defaults to today, `from` to `to`), oldest first, a page at a time — `{ entries, next }`, where `next` is the
 * `after` of the following page (absent on the last). CSV with `format=csv` or `Accept: text/csv` (the same page;
 * cells neutralised against spreadsheet formulas).
 *
 * @example
 * ```ts
 * app.get('/api/audit', (c) => auditTrail(c, deps));
 * ```
 */
export async function auditTrail(c: Context, deps: StaffDeps): Promise<Response> {
  requireRole(c, ['admin']);
  const q = readQuery(c, auditQuery);
  const today = civilDateOf(deps.now());
  const to = q.to ?? today;
  const from = q.from ?? to;
  const entries = await listAudit(deps.db, {
    office: deps.office.id,
    from: startOf(from),
    to: startOf(to) + 86_400_000,
    after: q.after,
    limit: q.limit,
  });
  c.header('Cache-Control', 'no-store');
  if (wantsCsv(c, q.format)) return c.body(auditCsv(entries), 200, csvHeaders(`audit-${from}-${to}.csv`));
  const last = entries.at(-1);
  return c.json({ from, to, entries, ...(entries.length === q.limit && last ? { next: Number(last.id) } : {}) });
}
