import { type CivilDate, civilDateOf, isCivilDate } from '@motcua/core/calendar';
import {
  type AggregateGroup,
  aggregateResponses,
  BUILT_IN_INSTRUMENTS,
  createResponse,
  FORMULA_NAMES,
  type FormulaName,
  type GroupDimension,
  type Instrument,
  instrumentFor,
  RatingTokenError,
  type VerifiedRatingToken,
  verifyRatingToken,
} from '@motcua/core/satisfaction';
import { MotcuaError } from '@motcua/core/text';
import type { Context, Hono } from 'hono';
import * as z from 'zod';
import type { Database, Queryable } from '../db/database.js';
import { checkInput, readQuery, unstorableText } from '../http/body.js';
import { csvCell } from '../http/csv.js';
import { ApiError } from '../http/errors.js';
import { hashKey, type RateLimiter, rateLimit } from '../http/rate-limit.js';
import type { Office } from '../office/office.js';
import type { PgQueueStore } from '../queue/pg-queue-store.js';
import { satisfactionInputs } from './report.js';

/** What the rating routes need. */
export interface RatingRoutesDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  /** The key rating tokens are signed with (at least 32 bytes); transaction-bound ratings are refused without it. */
  readonly secret?: string | undefined;
  readonly limiter: RateLimiter;
  /** Finished tickets are the eligible transactions of response rates. */
  readonly queueStore?: PgQueueStore;
}

/** The default instrument family: the one-stop rating (very satisfied / satisfied / not satisfied). */
export const DEFAULT_RATING_INSTRUMENT = 'vn-one-stop-rating';

/** The name of the hidden form field that only bots fill in. */
export const HONEYPOT_FIELD = 'honeypot';

const ratingBody = z
  .object({
    token: z.string().min(1).max(2000).optional(),
    deviceKey: z.string().min(8).max(200).optional(),
    counter: z.string().min(1).max(100).optional(),
    /** An instrument family (the version in force is used), or an exact version as `<motcua-rating-form>` sends it. */
    instrument: z
      .union([
        z.string().min(1).max(100),
        z.object({ id: z.string().min(1).max(100), version: z.string().min(1).max(100) }).strict(),
      ])
      .optional(),
    channel: z.string().min(1).max(50).optional(),
    answers: z.record(z.string(), z.unknown()),
    [HONEYPOT_FIELD]: z.unknown().optional(),
  })
  .strict()
  .refine((b) => (b.token === undefined) !== (b.deviceKey === undefined), {
    message: 'exactly one of token and deviceKey',
  });

type RatingBody = z.infer<typeof ratingBody>;

const parsedBodies = new WeakMap<Request, Promise<unknown>>();

/**
 * The JSON body, read once per request (the guards and the route share it). Text the database cannot store (a NUL,
 * a lone surrogate) is refused here with its path, before a guard uses it as a rate-limit key.
 */
function jsonBody(c: Context): Promise<unknown> {
  let parsed = parsedBodies.get(c.req.raw);
  if (!parsed) {
    parsed = c.req.text().then((text) => {
      let value: unknown;
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
      const problems = unstorableText(value);
      if (problems.length > 0) throw new MotcuaError(problems);
      return value;
    });
    parsedBodies.set(c.req.raw, parsed);
  }
  return parsed;
}

function field(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Mounts the rating limits, before the idempotency middleware: transaction-bound ratings per rating token,
 * counter-level ratings per device key (never per IP address).
 *
 * @example
 * ```ts
 * installRatingGuards(app, { db, office, now: Date.now, limiter });
 * ```
 */
export function installRatingGuards(app: Hono, deps: RatingRoutesDeps): void {
  const { office, limiter, now } = deps;
  app.use(
    '/api/ratings',
    rateLimit(
      limiter,
      'ratings',
      async (c) => {
        const token = field(await jsonBody(c), 'token');
        return token === undefined ? undefined : hashKey(token);
      },
      office.rateLimits.ratings,
      now,
    ),
  );
  app.use(
    '/api/ratings',
    rateLimit(
      limiter,
      'counter-ratings',
      async (c) => {
        const body = await jsonBody(c);
        const device = field(body, 'deviceKey');
        return device === undefined || field(body, 'token') !== undefined ? undefined : `${office.id}/${device}`;
      },
      office.rateLimits.counterRatings,
      now,
    ),
  );
}

/** The instrument a rating names: an exact version, or the version of a family in force on a date. */
function instrumentOf(named: string | { id: string; version: string }, date: CivilDate): Instrument {
  if (typeof named !== 'string') {
    const exact = BUILT_IN_INSTRUMENTS.find((i) => i.id === named.id && i.version === named.version);
    if (!exact) {
      throw new ApiError(404, 'unknown-instrument', {
        vi: `Không có bộ câu hỏi ${named.id} phiên bản ${named.version}`,
        en: `No instrument ${named.id} version ${named.version}`,
      });
    }
    return exact;
  }
  const id = named;
  const family = BUILT_IN_INSTRUMENTS.find((i) => i.id === id);
  if (!family) {
    throw new ApiError(404, 'unknown-instrument', {
      vi: `Không có bộ câu hỏi "${id}"`,
      en: `No instrument "${id}"`,
    });
  }
  return instrumentFor(family.kind, date, { id });
}

const TOKEN_STATUS = { malformed: 400, 'wrong-secret': 401, tampered: 401, expired: 410, consumed: 409 } as const;

function tokenError(error: RatingTokenError): ApiError {
  const text = error.problems[0]?.message ?? { vi: 'Mã đánh giá không hợp lệ', en: 'The rating token is not valid' };
  return new ApiError(TOKEN_STATUS[error.reason], `token-${error.reason}`, text);
}

/**
 * Whether a verified token is this office's: its dossier or its ticket is one of the office's (offices on one
 * PostgreSQL server may share the signing secret), or, for a token naming only a counter, the counter is.
 */
async function issuedByOffice(db: Queryable, office: Office, claims: VerifiedRatingToken): Promise<boolean> {
  if (claims.dossier !== undefined) {
    const found = await db.query('select 1 from dossiers where code = $1 and office = $2', [claims.dossier, office.id]);
    return found.length > 0;
  }
  if (claims.ticket !== undefined) {
    const found = await db.query('select 1 from queue_tickets where id = $1 and office = $2', [
      claims.ticket,
      office.id,
    ]);
    return found.length > 0;
  }
  return claims.counter !== undefined && office.queue.counters.has(claims.counter);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

const DIMENSIONS: readonly GroupDimension[] = [
  'counter',
  'officer',
  'procedure',
  'channel',
  'binding',
  'day',
  'month',
  'quarter',
  'year',
];

const reportQuery = z.object({
  instrument: z.string().min(1).max(100).default(DEFAULT_RATING_INSTRUMENT),
  groupBy: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((d) => d.trim()) : []))
    .pipe(z.array(z.enum(DIMENSIONS as [GroupDimension, ...GroupDimension[]]))),
  from: z.string().refine(isCivilDate, 'a date YYYY-MM-DD').optional(),
  to: z.string().refine(isCivilDate, 'a date YYYY-MM-DD').optional(),
  minN: z.coerce.number().int().min(1).max(10_000).optional(),
  question: z.string().min(1).max(100).optional(),
  formula: z.enum(FORMULA_NAMES as [FormulaName, ...FormulaName[]]).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

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
 * Mounts `POST /api/ratings` and `GET /api/reports/satisfaction` (JSON, or CSV with `format=csv` or
 * `Accept: text/csv`).
 *
 * @example
 * ```ts
 * installRatingRoutes(app, { db, office, now: Date.now, secret, limiter });
 * ```
 */
export function installRatingRoutes(app: Hono, deps: RatingRoutesDeps): void {
  const { db, office, now } = deps;

  app.post('/api/ratings', async (c) => {
    const input: RatingBody = checkInput(ratingBody, await jsonBody(c));
    const honeypot = input[HONEYPOT_FIELD];
    if (honeypot !== undefined && honeypot !== null && honeypot !== '') {
      // A bot: answer as if accepted, keep nothing.
      return c.json({ accepted: true }, 201);
    }
    const at = now();
    const instrument = instrumentOf(input.instrument ?? DEFAULT_RATING_INSTRUMENT, civilDateOf(at));
    if (input.deviceKey !== undefined) {
      if (input.counter === undefined || !office.queue.counters.has(input.counter)) {
        throw new ApiError(400, 'unknown-counter', {
          vi: 'Đánh giá tại quầy cần mã quầy đúng (counter)',
          en: 'A counter rating needs a known counter',
        });
      }
      const response = createResponse(instrument, input.answers, {
        submittedAt: at,
        counter: input.counter,
        ...(input.channel !== undefined ? { channel: input.channel } : {}),
      });
      // With an Idempotency-Key the rating remembers it for good: the idempotency middleware answers a resend only
      // while it keeps the first answer, and a tablet may send again after days offline.
      const key = c.req.header('idempotency-key');
      const requestKey = key ? `${input.deviceKey}:${key}` : null;
      const [row] = await db.query<{ id: string }>(
        `insert into ratings
           (office, device_key, instrument_id, instrument_version, answers, submitted_at, counter, channel, request_key)
         values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)
         on conflict (office, request_key) where request_key is not null do nothing
         returning id::text`,
        [
          office.id,
          input.deviceKey,
          response.instrumentId,
          response.instrumentVersion,
          JSON.stringify(response.answers),
          at,
          input.counter,
          input.channel ?? null,
          requestKey,
        ],
      );
      const id =
        row?.id ??
        (
          await db.query<{ id: string }>('select id::text from ratings where office = $1 and request_key = $2', [
            office.id,
            requestKey,
          ])
        )[0]?.id;
      return c.json({ accepted: true, id }, 201);
    }
    const secret = deps.secret;
    if (!secret || new TextEncoder().encode(secret).length < 32) {
      throw new ApiError(503, 'no-secret', {
        vi: 'Máy chủ chưa có khóa ký mã đánh giá (ít nhất 32 byte)',
        en: 'No rating token key (at least 32 bytes) is configured on this server',
      });
    }
    const token = input.token as string;
    const id = await db.transaction(async (tx) => {
      let claims: VerifiedRatingToken;
      try {
        claims = await verifyRatingToken(token, secret, {
          now: at,
          isConsumed: async (tokenId) =>
            (await tx.query('select 1 from ratings where token_id = $1', [tokenId])).length > 0,
        });
      } catch (error) {
        if (error instanceof RatingTokenError) throw tokenError(error);
        throw error;
      }
      if (!(await issuedByOffice(tx, office, claims))) {
        throw new ApiError(401, 'token-other-office', {
          vi: 'Mã đánh giá không do cơ quan này cấp',
          en: 'The rating token was not issued by this office',
        });
      }
      const transactionId = claims.dossier ?? claims.ticket;
      const response = createResponse(instrument, input.answers, {
        submittedAt: at,
        ...(transactionId !== undefined ? { transactionId } : {}),
        ...(claims.counter !== undefined ? { counter: claims.counter } : {}),
        ...(claims.officer !== undefined ? { officer: claims.officer } : {}),
        ...(claims.procedure !== undefined ? { procedure: claims.procedure } : {}),
        ...(input.channel !== undefined ? { channel: input.channel } : {}),
      });
      try {
        const [row] = await tx.query<{ id: string }>(
          `insert into ratings (office, token_id, instrument_id, instrument_version, answers, submitted_at,
             transaction_id, counter, officer, procedure, channel)
           values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11) returning id::text`,
          [
            office.id,
            claims.tokenId,
            response.instrumentId,
            response.instrumentVersion,
            JSON.stringify(response.answers),
            at,
            transactionId ?? null,
            claims.counter ?? null,
            claims.officer ?? null,
            claims.procedure ?? null,
            input.channel ?? null,
          ],
        );
        return row?.id;
      } catch (error) {
        // Two submissions of one token at once: the unique index lets one through.
        if (isUniqueViolation(error)) throw tokenError(new RatingTokenError('consumed'));
        throw error;
      }
    });
    return c.json({ accepted: true, id }, 201);
  });

  app.get('/api/reports/satisfaction', async (c) => {
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
    const csv = q.format === 'csv' || (q.format === undefined && (c.req.header('accept') ?? '').includes('text/csv'));
    if (csv) {
      return c.body(reportCsv(groups, q.groupBy), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="satisfaction.csv"',
      });
    }
    return c.json({ instrument: q.instrument, groupBy: q.groupBy, from: q.from, to: q.to, groups });
  });
}
