import { isCivilDate, toVietnamTime, vietnamCalendar } from '@motcua/core/calendar';
import type { Catalogue, Procedure } from '@motcua/core/catalogue';
import {
  DOSSIER_CHANNELS,
  type DossierChannel,
  type DossierClockOptions,
  type DossierCodeFormat,
  dossierClock,
  isDossierCode,
  issueDossierCode,
  parseOffsetDateTime,
  parseTimeLimit,
  type ReceiptSlip,
  type ReceivedDocument,
  receiptSlip,
  SUPPLEMENT_REASONS,
  type SupplementReason,
  type TimeLimit,
} from '@motcua/core/deadline';
import type { Context, Hono } from 'hono';
import * as z from 'zod';
import type { Database } from '../db/database.js';
import { authenticate } from '../http/auth.js';
import { backoff } from '../http/backoff.js';
import { readJsonBody, readQuery } from '../http/body.js';
import { clientAddress } from '../http/client-address.js';
import { ApiError } from '../http/errors.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { Office, RateLimitRule } from '../office/office.js';
import { seedDemoDossier } from './demo.js';
import { dueDateChanges } from './due-date-changes.js';
import { onTimeCsv, onTimeReport } from './on-time-report.js';
import { hashPin, newPin, verifyPin } from './pin.js';
import { dossierRatingToken } from './rating-token.js';
import {
  DOSSIER_STEP_TYPES,
  type DossierStep,
  databaseDailySequence,
  dossierByReceiveKey,
  insertDossier,
  loadDossier,
  saveSteps,
  statusAfter,
} from './store.js';
import { clockEvents, lookupView, timelineOf } from './view.js';

/**
 * The agency identifier dossier codes carry when the catalogue's agency has no `code`: a placeholder in the
 * QCVN 102:2016 form (`V1V2V3.Z1Z2.Y1Y2.MX1X2`). Set `agency.code` in the catalogue before real use [U].
 */
export const PLACEHOLDER_AGENCY_CODE = '000.00.00.H00';

/** Limits on dossier lookups, each counted per dossier code and per client (never one key for a commune). */
export interface DossierLookupLimits {
  /** Lookups of one code (default 20 per 10 minutes). */
  readonly perCode: RateLimitRule;
  /** Lookups from one client address (default 120 per 10 minutes: a commune may share one address). */
  readonly perClient: RateLimitRule;
  /** Failed lookups (unknown code or wrong PIN) of a code or a client allowed before the back-off starts (default 3). */
  readonly freeFailures: number;
  /** The longest back-off, in seconds (default 3600); it doubles from 2 s with each further failure. */
  readonly maxBackoffSeconds: number;
}

/** The default {@link DossierLookupLimits}. */
export const DEFAULT_LOOKUP_LIMITS: DossierLookupLimits = {
  perCode: { limit: 20, windowSeconds: 600 },
  perClient: { limit: 120, windowSeconds: 600 },
  freeFailures: 3,
  maxBackoffSeconds: 3600,
};

/** What the dossier routes need. */
export interface DossierRoutesDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  readonly limiter: RateLimiter;
  /** The commune's catalogue (the procedures a dossier can be received for). */
  readonly catalogue: () => Promise<Catalogue | undefined>;
  /** Due-date conventions (calendar, office hours…); default: `vietnamCalendar()` and core's defaults. */
  readonly clock?: DossierClockOptions;
  /** The dossier-code pattern (default Circular 01/2018 art. 19). */
  readonly codeFormat?: DossierCodeFormat;
  readonly lookupLimits?: Partial<DossierLookupLimits>;
  /** The client a lookup comes from, for its rate limit; default: the socket's remote address ({@link clientAddress}). */
  readonly clientOf?: (c: Context) => string;
  /** A lookup address for the receipt slip's QR code, with `{code}` in it. */
  readonly lookupUrl?: string;
  /** The secret rating tokens are signed with: a finished dossier's lookup then includes its rating token. */
  readonly secret?: string | undefined;
  /** Dossiers the on-time report reads per query (default 500). */
  readonly reportPageSize?: number;
}

const MAX_TEXT = 500;
const isoWithOffset = z
  .string()
  .max(40)
  .refine((s) => parseOffsetDateTime(s) !== undefined, 'an ISO 8601 date-time with its offset');

const receiveBody = z
  .object({
    procedure: z.string().min(1).max(100),
    channel: z.enum(DOSSIER_CHANNELS as [DossierChannel, ...DossierChannel[]]).default('in-person'),
    receivedAt: isoWithOffset.optional(),
    /** A time limit for a procedure whose catalogue entry has none (or a case the catalogue does not cover). */
    limit: z.unknown().optional(),
    ticket: z.string().min(1).max(100).optional(),
    /** Received regardless of administrative boundary for another competent authority (Decree 309/2026). */
    acrossBoundary: z.boolean().optional(),
    applicant: z
      .object({
        name: z.string().min(1).max(200),
        address: z.string().max(MAX_TEXT).optional(),
        phone: z.string().max(50).optional(),
        email: z.string().max(200).optional(),
      })
      .strict(),
    documents: z
      .array(
        z
          .object({
            name: z.string().min(1).max(MAX_TEXT),
            form: z.enum(['original', 'copy', 'certified-copy']).optional(),
            copies: z.number().int().min(1).max(1000).optional(),
          })
          .strict(),
      )
      .max(100)
      .optional(),
    sets: z.number().int().min(1).max(100).optional(),
    delivery: z.enum(['counter', 'post', 'online']).optional(),
    place: z.string().max(200).optional(),
    receivedBy: z.string().max(200).optional(),
    ledger: z
      .object({ book: z.string().min(1).max(100), number: z.number().int().min(1) })
      .strict()
      .optional(),
  })
  .strict();

const stepBody = z
  .object({
    type: z.enum(DOSSIER_STEP_TYPES as [string, ...string[]]),
    at: isoWithOffset.optional(),
    reason: z.string().trim().min(1).max(MAX_TEXT).optional(),
    /** The reason codes of a supplement request (Decree 309/2026: content, reason and guidance in one go). */
    reasons: z
      .array(z.enum(Object.keys(SUPPLEMENT_REASONS) as [SupplementReason, ...SupplementReason[]]))
      .min(1)
      .max(5)
      .refine((r) => new Set(r).size === r.length, 'each reason once')
      .optional(),
    dueAt: isoWithOffset.optional(),
  })
  .strict()
  .refine((b) => b.type === 'supplement-requested' || b.reasons === undefined, {
    message: 'only a supplement request has reasons',
    path: ['reasons'],
  })
  .refine((b) => b.type !== 'extended' || (b.dueAt !== undefined && b.reason !== undefined), {
    message: 'an extension needs dueAt and the reason of its apology letter',
    path: ['dueAt'],
  })
  .refine((b) => b.type === 'extended' || b.type === 'authority-received' || b.dueAt === undefined, {
    message: 'only an extension or the authority’s receipt has dueAt',
    path: ['dueAt'],
  });

const civilDate = z.string().refine(isCivilDate, 'a date YYYY-MM-DD');
const onTimeQuery = z
  .object({
    from: civilDate.optional(),
    to: civilDate.optional(),
    procedure: z.string().min(1).max(100).optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

const dueDateChangesQuery = z.object({ procedure: z.string().min(1).max(100).optional() }).strict();

/**
 * The zod schemas of the dossier API's inputs, which `openapi.yaml` describes (a test keeps the two in step).
 *
 * @example
 * ```ts
 * DOSSIER_INPUTS.step.safeParse({ type: 'resolved' }).success; // true
 * ```
 */
export const DOSSIER_INPUTS = {
  receive: receiveBody,
  step: stepBody,
  onTimeQuery,
  dueDateChangesQuery,
} as const;

/** An instant as ISO 8601 in Vietnam time, to the minute (the dossier clock's precision). */
export function vietnamIso(ms: number): string {
  const { date, minuteOfDay } = toVietnamTime(ms);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00+07:00`;
}

function notFound(): ApiError {
  return new ApiError(404, 'dossier-not-found', {
    vi: 'Không tìm thấy hồ sơ với mã và mã tra cứu (PIN) này',
    en: 'No dossier with this code and lookup PIN',
  });
}

/** The counter a staff request was authenticated as (set by the guard). */
const counters = new WeakMap<Request, string>();

function counterOf(c: Context): string {
  return counters.get(c.req.raw) ?? '';
}

function unknownDossier(): ApiError {
  return new ApiError(404, 'dossier-not-found', {
    vi: 'Không có hồ sơ với mã này',
    en: 'No dossier with this code',
  });
}

/** The time limit of a procedure for a channel: the channel's, else the reduced, else the statutory one. */
function limitOf(procedure: Procedure, channel: DossierChannel): TimeLimit | undefined {
  return (
    procedure.channels.find((ch) => ch.kind === channel)?.timeLimit ?? procedure.reducedTime ?? procedure.statutoryTime
  );
}

function documentsOf(procedure: Procedure): ReceivedDocument[] {
  return (procedure.documents ?? [])
    .filter((d) => d.required !== false)
    .map((d) => ({
      name: d.name,
      form: d.form === 'certified-copy' || d.form === 'copy' ? d.form : 'original',
      copies: d.copies ?? 1,
    }));
}

function tooMany(c: Context, seconds: number): ApiError {
  c.header('Retry-After', String(seconds));
  return new ApiError(429, 'rate-limited', {
    vi: `Quá nhiều lần tra cứu; vui lòng thử lại sau ${seconds} giây`,
    en: `Too many lookups; try again in ${seconds} seconds`,
  });
}

/**
 * Mounts the staff check of the dossier routes, before the idempotency middleware (a refused request is never
 * stored as the answer to its Idempotency-Key): every POST under `/api/dossiers` and the receipt slip need a
 * counter's bearer token.
 *
 * @example
 * ```ts
 * installDossierGuards(app, deps);
 * app.use('/api/*', idempotency(db));
 * installDossierRoutes(app, deps);
 * ```
 */
export function installDossierGuards(app: Hono, deps: Pick<DossierRoutesDeps, 'office'>): void {
  const staff = async (c: Context, next: () => Promise<void>) => {
    if (c.req.method === 'POST' || c.req.path.endsWith('/receipt')) {
      counters.set(c.req.raw, authenticate(c, deps.office.counterForToken, 'counter'));
    }
    await next();
  };
  app.use('/api/dossiers', staff);
  app.use('/api/dossiers/*', staff);
}

/** The header a lookup sends the dossier's PIN in: never in the URL, which proxies and browser histories keep. */
export const PIN_HEADER = 'Dossier-Pin';

let warnedPinInQuery = false;

/**
 * The PIN of a lookup: the `Dossier-Pin` header, else — for one release, for province adapters and printed links —
 * the deprecated `?pin=`, answered with a `Deprecation` header and logged once (without the PIN).
 */
function lookupPin(c: Context): string {
  const header = c.req.header(PIN_HEADER);
  if (header !== undefined) return header;
  const query = c.req.query('pin');
  if (query === undefined) return '';
  // RFC 9745: deprecated since 2026-12-01 (a structured date, seconds since the epoch).
  c.header('Deprecation', '@1796083200');
  if (!warnedPinInQuery) {
    warnedPinInQuery = true;
    console.warn(
      `motcua-server: tra cứu hồ sơ với ?pin= trong địa chỉ đã lỗi thời, hãy gửi mã tra cứu trong tiêu đề ${PIN_HEADER} / a dossier lookup sent its PIN in the URL (?pin=), which proxies and browser histories keep: send it in the ${PIN_HEADER} header (?pin= will be refused in a later release)`,
    );
  }
  return query;
}

/**
 * Mounts the dossier API:
 * - `POST /api/dossiers` (counter token): receives a dossier for a procedure of the catalogue; assigns its code
 *   (daily sequence from an atomic counter row) and a lookup PIN (only its hash is stored), computes the due date
 *   with core and answers `{ code, pin, dueAt, receipt }` (the receipt slip, Mẫu 01);
 * - `GET /api/dossiers/{code}?pin=…`: the public view ({@link DossierLookup}); an unknown code and a wrong PIN get
 *   the same 404; limited per code and per client, with a back-off after failures;
 * - `POST /api/dossiers/{code}/steps` (counter token): a status change, supplement request or completion, or an
 *   extension with its apology reason; checked by core's dossier clock;
 * - `GET /api/dossiers/{code}/receipt` (counter token): the receipt slip again;
 * - `GET /api/reports/on-time?from=&to=&procedure=` (JSON, or CSV with `format=csv` or `Accept: text/csv`): the
 *   dossiers received in the period, early / on time / late and still open in time / overdue, in total and per
 *   procedure (`OnTimeReport`), classified by core, each against its printed (binding) due date;
 * - `GET /api/reports/due-date-changes?procedure=` (the same callers as the other reports; no applicant data): the
 *   open dossiers whose printed due date differs from what the current calendar would give (`DueDateChangesReport`).
 *
 * @example
 * ```ts
 * installDossierRoutes(app, { db, office, now: Date.now, limiter, catalogue: async () => catalogue });
 * ```
 */
export function installDossierRoutes(app: Hono, deps: DossierRoutesDeps): void {
  const { db, office, now } = deps;
  const clockOptions: DossierClockOptions = deps.clock ?? { calendar: vietnamCalendar() };
  const limits = { ...DEFAULT_LOOKUP_LIMITS, ...deps.lookupLimits };
  const clientOf = deps.clientOf ?? clientAddress();
  const failures = backoff(db, limits);
  // The demo office serves a demo dossier (the example site's lookup page shows its code and PIN).
  let seeding: Promise<void> | undefined;
  const ready = async () => {
    if (!office.demo) return;
    seeding ??= seedDemoDossier(db, office.id, clockOptions).catch((error: unknown) => {
      seeding = undefined;
      throw error;
    });
    await seeding;
  };

  app.post('/api/dossiers', async (c) => {
    const input = await readJsonBody(c, receiveBody);
    const catalogue = await deps.catalogue();
    if (!catalogue) {
      throw new ApiError(404, 'no-catalogue', {
        vi: 'Máy chủ chưa được cấu hình danh mục thủ tục',
        en: 'No procedure catalogue is configured on this server',
      });
    }
    const procedure = catalogue.procedures.find((p) => p.code === input.procedure);
    if (!procedure) {
      throw new ApiError(404, 'unknown-procedure', {
        vi: `Danh mục không có thủ tục mã "${input.procedure}"`,
        en: `The catalogue has no procedure "${input.procedure}"`,
      });
    }
    if (input.acrossBoundary === true && !procedure.flags?.nationwide && !procedure.flags?.boundaryFree) {
      throw new ApiError(422, 'not-accepted-across-boundary', {
        vi: 'Thủ tục này không thuộc danh mục tiếp nhận không phụ thuộc địa giới hành chính',
        en: 'This procedure is not on the list of procedures accepted regardless of administrative boundary',
      });
    }
    const limit =
      input.limit === undefined ? limitOf(procedure, input.channel) : parseTimeLimit(input.limit, ['limit']);
    if (!limit) {
      throw new ApiError(422, 'no-time-limit', {
        vi: 'Thủ tục này chưa có thời hạn giải quyết trong danh mục; hãy gửi kèm thời hạn (limit)',
        en: 'The catalogue gives this procedure no time limit; send one (limit)',
      });
    }
    const at = now();
    const receivedAt = input.receivedAt ?? vietnamIso(at);
    if ((parseOffsetDateTime(receivedAt) as number) > at + 60_000) {
      throw new ApiError(400, 'received-in-future', {
        vi: 'Thời điểm tiếp nhận không thể ở tương lai',
        en: 'The receipt time cannot be in the future',
      });
    }
    const agency = catalogue.agency.code ?? PLACEHOLDER_AGENCY_CODE;
    const counter = counterOf(c);
    const pin = newPin();
    const pinHash = await hashPin(pin);
    // With an Idempotency-Key the dossier remembers it: a retry whose first attempt stored the dossier but not its
    // answer (the process died in between) finds that dossier instead of receiving a second one.
    const key = c.req.header('idempotency-key');
    const receiveKey = key ? `${counter}:${key}` : null;
    const received = await db
      .transaction(async (tx) => {
        if (receiveKey !== null) {
          const earlier = await dossierByReceiveKey(tx, office.id, receiveKey, pinHash);
          if (earlier) return { slip: earlier.slip, ticket: earlier.ticket };
        }
        const code = await issueDossierCode({ agency, receivedAt }, databaseDailySequence(tx), deps.codeFormat);
        const receipt: ReceiptSlip = receiptSlip(
          {
            code,
            agency: catalogue.agency.name,
            ...(input.place ? { place: input.place } : {}),
            applicant: input.applicant,
            procedure: procedure.name,
            procedureCode: procedure.code,
            documents: input.documents ?? documentsOf(procedure),
            ...(input.sets ? { sets: input.sets } : {}),
            receivedAt,
            limit,
            ...(input.delivery ? { delivery: input.delivery } : {}),
            ...(input.ledger ? { ledger: input.ledger } : {}),
            receivedBy: input.receivedBy ?? counter,
            ...(deps.lookupUrl ? { lookupUrl: deps.lookupUrl.replace('{code}', encodeURIComponent(code)) } : {}),
            ...(input.acrossBoundary ? { acrossBoundary: true } : {}),
          },
          { ...clockOptions, ...(deps.codeFormat ? { codeFormat: deps.codeFormat } : {}) },
        );
        await insertDossier(
          tx,
          {
            code,
            office: office.id,
            procedureCode: procedure.code,
            procedureName: procedure.name,
            channel: input.channel,
            limit,
            receivedAt: receipt.receivedAt,
            dueAt: receipt.dueAt,
            acrossBoundary: input.acrossBoundary === true,
            pinHash,
            ticket: input.ticket ?? null,
            status: 'received',
            steps: [],
            slip: receipt,
          },
          receiveKey,
        );
        return { slip: receipt, ticket: input.ticket ?? null };
      })
      .catch((error: unknown) => {
        // Two attempts with one key at once (only after a crash: the idempotency middleware lets one through):
        // one stores the dossier; the other is told to retry, and its retry finds it.
        if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505') {
          throw new ApiError(503, 'request-in-progress', {
            vi: 'Yêu cầu này đang được xử lý, vui lòng thử lại sau giây lát',
            en: 'This request is still being processed; retry in a moment',
          });
        }
        throw error;
      });
    const { slip, ticket } = received;
    return c.json({ code: slip.code, pin, dueAt: slip.dueAt, ticket, receipt: slip }, 201);
  });

  app.get('/api/dossiers/:code/receipt', async (c) => {
    await ready();
    const dossier = await loadDossier(db, c.req.param('code'));
    if (!dossier || dossier.office !== office.id) throw unknownDossier();
    return c.json({ code: dossier.code, receipt: dossier.slip });
  });

  app.get('/api/dossiers/:code', async (c) => {
    const code = c.req.param('code');
    const pin = lookupPin(c);
    const at = now();
    const codeKey = `code:${code.slice(0, 100)}`;
    const clientKey = `client:${clientOf(c)}`;
    await ready();
    const wait = await failures.blocked([codeKey, clientKey], at);
    if (wait > 0) throw tooMany(c, wait);
    for (const [name, key, rule] of [
      ['dossier-lookup-code', codeKey, limits.perCode],
      ['dossier-lookup-client', clientKey, limits.perClient],
    ] as const) {
      const verdict = await deps.limiter.hit(name, key, rule, at);
      if (!verdict.ok) throw tooMany(c, verdict.retryAfterSeconds);
    }
    const wellFormed = isDossierCode(code, deps.codeFormat) && /^\d{4,8}$/.test(pin);
    const dossier = wellFormed ? await loadDossier(db, code) : undefined;
    const mine = dossier !== undefined && dossier.office === office.id;
    // The same work and the same answer for an unknown code and a wrong PIN.
    const ok = await verifyPin(pin, mine ? dossier.pinHash : undefined);
    if (!ok || !dossier) {
      await failures.failed([codeKey, clientKey], at);
      throw notFound();
    }
    await failures.succeeded(codeKey);
    c.header('Cache-Control', 'no-store');
    const view = lookupView(dossier, vietnamIso(at), clockOptions);
    // A finished dossier can be rated: its lookup hands the citizen the dossier's rating token.
    const ratingToken = view.finished ? await dossierRatingToken(dossier.code, deps.secret, at) : undefined;
    return c.json(ratingToken ? { ...view, ratingToken } : view);
  });

  app.get('/api/reports/on-time', async (c) => {
    const q = readQuery(c, onTimeQuery);
    await ready();
    const report = await onTimeReport(
      db,
      {
        office: office.id,
        from: q.from,
        to: q.to,
        procedure: q.procedure,
        now: now(),
        ...(deps.reportPageSize ? { pageSize: deps.reportPageSize } : {}),
      },
      clockOptions,
      vietnamIso,
    );
    const csv = q.format === 'csv' || (q.format === undefined && (c.req.header('accept') ?? '').includes('text/csv'));
    if (csv) {
      return c.body(onTimeCsv(report), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="on-time.csv"',
      });
    }
    return c.json(report);
  });

  app.get('/api/reports/due-date-changes', async (c) => {
    const q = readQuery(c, dueDateChangesQuery);
    await ready();
    const report = await dueDateChanges(db, office.id, clockOptions, vietnamIso(now()), {
      procedure: q.procedure,
      ...(deps.reportPageSize ? { pageSize: deps.reportPageSize } : {}),
    });
    c.header('Cache-Control', 'no-store');
    return c.json(report);
  });

  app.post('/api/dossiers/:code/steps', async (c) => {
    const input = await readJsonBody(c, stepBody);
    const code = c.req.param('code');
    const counter = counterOf(c);
    const at = now();
    const when = input.at ?? vietnamIso(at);
    if ((parseOffsetDateTime(when) as number) > at + 60_000) {
      throw new ApiError(400, 'step-in-future', {
        vi: 'Thời điểm không thể ở tương lai',
        en: 'The time cannot be in the future',
      });
    }
    const view = await db.transaction(async (tx) => {
      const dossier = await loadDossier(tx, code, true);
      if (!dossier || dossier.office !== office.id) throw unknownDossier();
      const step: DossierStep = {
        type: input.type as DossierStep['type'],
        at: when,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.reasons ? { reasons: input.reasons } : {}),
        ...(input.dueAt ? { dueAt: input.dueAt } : {}),
        counter,
      };
      const ended = ['withdrawn', 'stopped', 'returned'].includes(dossier.status);
      if (ended) {
        throw new ApiError(409, 'dossier-ended', {
          vi: 'Hồ sơ đã kết thúc (rút, dừng xử lý hoặc đã trả kết quả)',
          en: 'The dossier has ended (withdrawn, stopped or returned)',
        });
      }
      const last = dossier.steps.at(-1)?.at ?? dossier.receivedAt;
      if ((parseOffsetDateTime(when) as number) < (parseOffsetDateTime(last) as number)) {
        throw new ApiError(400, 'step-out-of-order', {
          vi: 'Thời điểm phải không sớm hơn bước trước của hồ sơ',
          en: 'The time must not be before the dossier’s previous step',
        });
      }
      let steps = [...dossier.steps, step];
      // Core's clock refuses what cannot happen (a completion without a request, an extension not later…).
      const clock = dossierClock(timelineOf(dossier, clockEvents(steps)), clockOptions);
      if (step.type === 'authority-received' && step.dueAt === undefined) {
        // The due date counted from the authority's receipt is stored with the step: it binds from now on.
        steps = [...dossier.steps, { ...step, dueAt: clock.originalDueAt }];
      }
      const status = statusAfter(steps);
      await saveSteps(tx, code, steps, status);
      return lookupView({ ...dossier, steps, status }, vietnamIso(at), clockOptions);
    });
    return c.json(view, 201);
  });
}
