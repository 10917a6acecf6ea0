import {
  DOSSIER_CHANNELS,
  DOSSIER_STEP_TYPES,
  type DossierChannel,
  type DossierNotificationContact,
  parseOffsetDateTime,
  SUPPLEMENT_REASONS,
  type SupplementReason,
} from '@motcua/core/deadline';
import * as z from 'zod';
import { PERIOD_ORDER, PERIOD_PARAMETERS } from '../http/period-query.js';

// What the dossier API accepts: request bodies and report queries, checked before any handler reads them.

const MAX_TEXT = 500;
const isoWithOffset = z
  .string()
  .max(40)
  .refine((s) => parseOffsetDateTime(s) !== undefined, 'an ISO 8601 date-time with its offset');

/**
 * Where the citizen asked to be told of status changes: given only when they want notifications (their consent),
 * core's `DossierNotificationContact`.
 */
const notifyContact: z.ZodType<DossierNotificationContact> = z
  .object({
    email: z.email().max(200).optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/, 'a phone number')
      .optional(),
    language: z.enum(['vi', 'en']).optional(),
  })
  .strict()
  .refine((c) => c.email !== undefined || c.phone !== undefined, 'an email address or a phone number');

export const receiveBody = z
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
    /** The citizen's consent to status notifications, with where to send them. */
    notify: notifyContact.optional(),
  })
  .strict();

export const stepBody = z
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

const base64url = (bytes: number) =>
  z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'base64url')
    .refine((k) => Buffer.from(k, 'base64url').length === bytes, `${bytes} bytes once decoded`);

/** A browser's Web Push subscription (`PushSubscription.toJSON()`), and the language of its messages. */
export const pushSubscriptionBody = z
  .object({
    endpoint: z.url({ protocol: /^https?$/ }).max(2_000),
    keys: z.object({ p256dh: base64url(65), auth: base64url(16) }),
    expirationTime: z.number().nullable().optional(),
    language: z.enum(['vi', 'en']).default('vi'),
  })
  .strict();

/** The body of a JSON unsubscribe: the token of the citizen's link (also accepted in the query). */
export const unsubscribeBody = z.object({ token: z.string().max(200).optional() }).strict();

export const onTimeQuery = z
  .object({
    ...PERIOD_PARAMETERS,
    procedure: z.string().min(1).max(100).optional(),
    /** The CSV's rows: per procedure (the default), or per month of receipt. */
    by: z.enum(['procedure', 'month']).optional(),
  })
  .strict()
  .refine(...PERIOD_ORDER);

export const scorecardQuery = z
  .object({ ...PERIOD_PARAMETERS })
  .strict()
  .refine(...PERIOD_ORDER);

export const dueDateChangesQuery = z.object({ procedure: z.string().min(1).max(100).optional() }).strict();

/** The early warning's query: the open dossiers overdue or due within `days` working days (default 3). */
export const earlyWarningQuery = z
  .object({ days: z.coerce.number().int().min(0).max(30).optional(), format: z.enum(['json', 'csv']).optional() })
  .strict();

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
  pushSubscription: pushSubscriptionBody,
  onTimeQuery,
  scorecardQuery,
  dueDateChangesQuery,
  earlyWarningQuery,
} as const;
