import type { CivilDate } from '@motcua/core/calendar';
import type {
  DailySequence,
  DossierChannel,
  DossierNotificationContact,
  DossierStatus,
  DossierStepType,
  ReceiptSlip,
  SupplementReason,
  TimeLimit,
} from '@motcua/core/deadline';
import type { Queryable } from '../db/database.js';

/** One recorded step, as stored (times are ISO strings with their offset). */
export interface DossierStep {
  readonly type: DossierStepType;
  readonly at: string;
  /** Why (a supplement request, a stop, the apology letter's reason for an extension). */
  readonly reason?: string;
  /** The new due date of an extension, or the one notified when the competent authority received the dossier. */
  readonly dueAt?: string;
  /** The reason codes of a supplement request (core's `SupplementReason`). */
  readonly reasons?: readonly SupplementReason[];
  /** The counter that recorded it. */
  readonly counter?: string;
  /** The signed-in officer who recorded it (their username and display name), when one did. */
  readonly officer?: { readonly username: string; readonly name: string };
}

/** A dossier row. */
export interface StoredDossier {
  readonly code: string;
  readonly office: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly channel: DossierChannel;
  readonly limit: TimeLimit;
  readonly receivedAt: string;
  /** The due date printed on the receipt slip: binding (a later calendar change does not rewrite it). */
  readonly dueAt: string;
  /** Received regardless of administrative boundary: the clock starts at the authority's receipt. */
  readonly acrossBoundary: boolean;
  readonly pinHash: string;
  readonly ticket: string | null;
  readonly status: DossierStatus;
  readonly steps: readonly DossierStep[];
  /** The receipt slip (Mẫu 01) data, with the applicant: for staff only. */
  readonly slip: ReceiptSlip;
  readonly version: number;
  /** Where the citizen asked to be told of status changes (consent at intake); none when they did not. */
  readonly notify?: DossierNotificationContact | null;
}

interface Row {
  code: string;
  office: string;
  procedure_code: string;
  procedure_name: string;
  channel: DossierChannel;
  time_limit: TimeLimit | string;
  received_at: string;
  due_at: string;
  across_boundary: boolean;
  pin_hash: string;
  ticket: string | null;
  status: DossierStatus;
  steps: DossierStep[] | string;
  slip: ReceiptSlip | string;
  version: number;
  notify: DossierNotificationContact | string | null;
}

function json<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function fromRow(row: Row): StoredDossier {
  return {
    code: row.code,
    office: row.office,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    channel: row.channel,
    limit: json(row.time_limit),
    receivedAt: row.received_at,
    dueAt: row.due_at,
    acrossBoundary: row.across_boundary === true,
    pinHash: row.pin_hash,
    ticket: row.ticket,
    status: row.status,
    steps: json(row.steps),
    slip: json(row.slip),
    version: Number(row.version),
    notify: row.notify === null ? null : json(row.notify),
  };
}

/** The columns the dossier clock needs, as the reports read them page by page. */
export interface DossierClockRow {
  code: string;
  procedure_code: string;
  procedure_name: string;
  time_limit: TimeLimit | string;
  received_at: string;
  due_at: string;
  across_boundary: boolean;
  steps: DossierStep[] | string;
}

/** The SQL column list of a {@link DossierClockRow}. */
export const DOSSIER_CLOCK_COLUMNS =
  'code, procedure_code, procedure_name, time_limit, received_at, due_at, across_boundary, steps';

/**
 * The office's dossiers that have not ended (withdrawn, stopped, returned or refused), at most `limit` of them (the
 * partial index `dossiers_open`), leaving out the statuses in `except` as well: those still being handled first, then
 * the results waiting to be collected, each the earliest printed due date first — results nobody collects pile up
 * with the oldest due dates, and must not push the dossiers in hand out of a list.
 *
 * @example
 * ```ts
 * const rows = await openDossierRows(db, office.id, 201);
 * const atRisk = await openDossierRows(db, office.id, 2001, ['resolved']); // results waiting to be collected left out
 * ```
 */
export async function openDossierRows(
  db: Queryable,
  office: string,
  limit: number,
  except: readonly DossierStatus[] = [],
): Promise<(DossierClockRow & { status: DossierStatus })[]> {
  return db.query(
    `select ${DOSSIER_CLOCK_COLUMNS}, status from dossiers
     where office = $1 and status not in ('withdrawn', 'stopped', 'returned', 'refused') and status <> all($3::text[])
     order by status = 'resolved', due_at, code limit $2`,
    [office, limit, except],
  );
}

/**
 * A {@link DossierClockRow} as the dossier clock takes it: the stored fields and the recorded steps.
 *
 * @example
 * ```ts
 * const { stored, steps } = clockInputOf(row);
 * dossierClock(timelineOf(stored, clockEvents(steps)), clock);
 * ```
 */
export function clockInputOf(row: DossierClockRow): {
  readonly stored: Pick<StoredDossier, 'receivedAt' | 'limit' | 'procedureCode' | 'dueAt' | 'acrossBoundary'>;
  readonly steps: readonly DossierStep[];
} {
  return {
    stored: {
      receivedAt: row.received_at,
      limit: json(row.time_limit),
      procedureCode: row.procedure_code,
      dueAt: row.due_at,
      acrossBoundary: row.across_boundary === true,
    },
    steps: json(row.steps),
  };
}

/**
 * The daily sequence of dossier codes in the `dossier_sequences` table: one atomic upsert per number, per agency
 * and civil date, so every instance on one PostgreSQL draws from the same counter. Run it inside the transaction
 * that inserts the dossier: a failed insert gives its number back.
 *
 * @example
 * ```ts
 * const code = await issueDossierCode({ agency, receivedAt }, databaseDailySequence(tx, office.id));
 * ```
 */
export function databaseDailySequence(db: Queryable, office: string): DailySequence {
  return {
    async next(agency: string, date: CivilDate): Promise<number> {
      const [row] = await db.query<{ last_value: number }>(
        `insert into dossier_sequences (office, agency, business_date, last_value) values ($3, $1, $2, 1)
         on conflict (agency, business_date) do update set last_value = dossier_sequences.last_value + 1
         returning last_value`,
        [agency, date, office],
      );
      return Number(row?.last_value);
    },
  };
}

/**
 * Inserts a received dossier; false when its code exists already. `receiveKey` is the request's Idempotency-Key
 * (scoped to the counter), unique per office.
 */
export async function insertDossier(
  db: Queryable,
  d: Omit<StoredDossier, 'version'>,
  receiveKey: string | null = null,
): Promise<boolean> {
  const rows = await db.query(
    `insert into dossiers (code, office, procedure_code, procedure_name, channel, time_limit, received_at, pin_hash,
       ticket, status, steps, slip, version, receive_key, due_at, across_boundary, notify)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $14, $15, $16)
     on conflict (code) do nothing returning code`,
    [
      d.code,
      d.office,
      d.procedureCode,
      d.procedureName,
      d.channel,
      JSON.stringify(d.limit),
      d.receivedAt,
      d.pinHash,
      d.ticket,
      d.status,
      JSON.stringify(d.steps),
      JSON.stringify(d.slip),
      receiveKey,
      d.dueAt,
      d.acrossBoundary,
      d.notify ? JSON.stringify(d.notify) : null,
    ],
  );
  return rows.length > 0;
}

/**
 * The dossier an office received with `receiveKey`, if any, given a new lookup PIN hash: when a retry finds it, the
 * first answer (and its PIN) never reached the counter.
 */
export async function dossierByReceiveKey(
  db: Queryable,
  office: string,
  receiveKey: string,
  newPinHash: string,
): Promise<{ code: string; ticket: string | null; slip: ReceiptSlip } | undefined> {
  const [row] = await db.query<{ code: string; ticket: string | null; slip: ReceiptSlip | string }>(
    `update dossiers set pin_hash = $3 where office = $1 and receive_key = $2 returning code, ticket, slip`,
    [office, receiveKey, newPinHash],
  );
  return row ? { code: row.code, ticket: row.ticket, slip: json(row.slip) } : undefined;
}

/** A dossier by its code; with `forUpdate`, locked until the transaction ends. */
export async function loadDossier(db: Queryable, code: string, forUpdate = false): Promise<StoredDossier | undefined> {
  const [row] = await db.query<Row>(
    `select code, office, procedure_code, procedure_name, channel, time_limit, received_at, due_at, across_boundary,
       pin_hash, ticket, status, steps, slip, version, notify
     from dossiers where code = $1${forUpdate ? ' for update' : ''}`,
    [code],
  );
  return row ? fromRow(row) : undefined;
}

/** Writes a dossier's steps and status, bumping its version. */
export async function saveSteps(
  db: Queryable,
  code: string,
  steps: readonly DossierStep[],
  status: DossierStatus,
): Promise<void> {
  await db.query('update dossiers set steps = $2, status = $3, version = version + 1 where code = $1', [
    code,
    JSON.stringify(steps),
    status,
  ]);
}
