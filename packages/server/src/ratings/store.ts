import type { Queryable } from '../db/database.js';

/** A counter-level rating from a device (tablet at the counter), with the request key that makes a resend a no-op. */
export interface DeviceRatingRow {
  readonly office: string;
  readonly deviceKey: string;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly answers: unknown;
  readonly submittedAt: number;
  readonly counter: string;
  readonly channel: string | null;
  /** `<deviceKey>:<Idempotency-Key>`, or null without a key. */
  readonly requestKey: string | null;
}

/**
 * Stores a device rating once per request key; a resend with the same key answers the first rating's id.
 *
 * @example
 * ```ts
 * const id = await insertDeviceRating(db, { office: 'demo', deviceKey, instrumentId, instrumentVersion, answers,
 *   submittedAt: Date.now(), counter: '1', channel: null, requestKey: `${deviceKey}:${key}` });
 * ```
 */
export async function insertDeviceRating(db: Queryable, r: DeviceRatingRow): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    `insert into ratings
       (office, device_key, instrument_id, instrument_version, answers, submitted_at, counter, channel, request_key)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)
     on conflict (office, request_key) where request_key is not null do nothing
     returning id::text`,
    [
      r.office,
      r.deviceKey,
      r.instrumentId,
      r.instrumentVersion,
      JSON.stringify(r.answers),
      r.submittedAt,
      r.counter,
      r.channel,
      r.requestKey,
    ],
  );
  return (
    row?.id ??
    (
      await db.query<{ id: string }>('select id::text from ratings where office = $1 and request_key = $2', [
        r.office,
        r.requestKey,
      ])
    )[0]?.id
  );
}

/**
 * Whether a rating token was already used.
 *
 * @example
 * ```ts
 * await ratingTokenUsed(tx, claims.tokenId); // false before its rating is stored
 * ```
 */
export async function ratingTokenUsed(db: Queryable, tokenId: string): Promise<boolean> {
  return (await db.query('select 1 from ratings where token_id = $1', [tokenId])).length > 0;
}

/** A rating bound to a transaction (dossier or ticket) by its rating token. */
export interface TokenRatingRow {
  readonly office: string;
  readonly tokenId: string;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly answers: unknown;
  readonly submittedAt: number;
  readonly transactionId: string | null;
  readonly counter: string | null;
  readonly officer: string | null;
  readonly procedure: string | null;
  readonly channel: string | null;
}

/**
 * Stores a token-bound rating; a second rating with the same token fails on the unique index (SQLSTATE 23505).
 *
 * @example
 * ```ts
 * const id = await insertTokenRating(tx, { office: 'demo', tokenId: claims.tokenId, … });
 * ```
 */
export async function insertTokenRating(db: Queryable, r: TokenRatingRow): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    `insert into ratings (office, token_id, instrument_id, instrument_version, answers, submitted_at,
       transaction_id, counter, officer, procedure, channel)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11) returning id::text`,
    [
      r.office,
      r.tokenId,
      r.instrumentId,
      r.instrumentVersion,
      JSON.stringify(r.answers),
      r.submittedAt,
      r.transactionId,
      r.counter,
      r.officer,
      r.procedure,
      r.channel,
    ],
  );
  return row?.id;
}

/**
 * Whether the transaction a rating token names belongs to `office`: its dossier (by code) or its queue ticket (by
 * id). Offices on one PostgreSQL server may share the signing secret.
 *
 * @example
 * ```ts
 * await transactionInOffice(tx, 'demo', { dossier: '000.00.00.H00-260310-0001' }); // true
 * ```
 */
export async function transactionInOffice(
  db: Queryable,
  office: string,
  transaction: { readonly dossier: string } | { readonly ticket: string },
): Promise<boolean> {
  const found =
    'dossier' in transaction
      ? await db.query('select 1 from dossiers where code = $1 and office = $2', [transaction.dossier, office])
      : await db.query('select 1 from queue_tickets where id = $1 and office = $2', [transaction.ticket, office]);
  return found.length > 0;
}

/** An answer that marks a rating as "không hài lòng": this instrument version's `question` answered `value`. */
export interface DislikeAnswer {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly question: string;
  readonly value: number;
}

/**
 * The codes of an office's dossiers received in a period (`from` inclusive, `to` exclusive, as stored receipt
 * times compare) that have a rating with one of the `dislikes` answers (a rating is bound to its dossier by its
 * rating token).
 *
 * @example
 * ```ts
 * await dislikedDossiers(db, 'demo', '2026-02-01', '2026-02-28T99', [
 *   { instrumentId: 'vn-one-stop-rating', instrumentVersion: '1', question: 'overall', value: 1 },
 * ]); // Set { '000.00.00.H00-260212-0003' }
 * ```
 */
export async function dislikedDossiers(
  db: Queryable,
  office: string,
  from: string,
  to: string,
  dislikes: readonly DislikeAnswer[],
): Promise<Set<string>> {
  const codes = new Set<string>();
  for (const d of dislikes) {
    const rows = await db.query<{ code: string }>(
      `select distinct d.code
       from ratings r join dossiers d on d.code = r.transaction_id and d.office = r.office
       where r.office = $1 and d.received_at >= $2 and d.received_at < $3
         and r.instrument_id = $4 and r.instrument_version = $5 and r.answers ->> $6 = $7`,
      [office, from, to, d.instrumentId, d.instrumentVersion, d.question, String(d.value)],
    );
    for (const row of rows) codes.add(row.code);
  }
  return codes;
}
