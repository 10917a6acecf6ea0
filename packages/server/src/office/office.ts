import { createHash, timingSafeEqual } from 'node:crypto';
import {
  DEFAULT_PRIORITY_CLASSES,
  NORMAL_PRIORITY,
  type PriorityClass,
  parseQueueConfig,
  type QueueConfig,
  type ResolvedQueueConfig,
} from '@motcua/core/queue';
import { type LocalizedText, MotcuaError, type Problem, type ProblemPath, problem } from '@motcua/core/text';
import * as z from 'zod';
import { NO_NOTIFICATIONS, type NotificationSettings, notificationSettingsSchema } from '../notifications/settings.js';

/** A request budget: at most `limit` requests per key in any window of `windowSeconds` (a sliding window). */
export interface RateLimitRule {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** The rate limits of an office, each with its named key. */
export interface OfficeRateLimits {
  /** Ticket-taking, per kiosk token. */
  readonly tickets: RateLimitRule;
  /** Transaction-bound ratings, per rating token. */
  readonly ratings: RateLimitRule;
  /** Counter-level ratings, per device (a counter's static token or paired tablet). */
  readonly counterRatings: RateLimitRule;
  /**
   * Public queue reads (the board, a followed ticket), per client address and per instance: a commune's citizens
   * may share one address, so the default is generous (600 a minute: a hundred people following their tickets).
   */
  readonly publicReads: RateLimitRule;
  /** Counter-level ratings, per counter, whichever of its devices sends them. */
  readonly counterRatingsPerCounter: RateLimitRule;
  /** Devices asking to be paired, per client address. */
  readonly pairings: RateLimitRule;
  /**
   * Web Push renewals (a browser's service worker sending its replaced subscription), per client address: a browser
   * sends one when its push service renews it, so the default is the dossier lookups' (120 per 10 minutes).
   */
  readonly pushRenewals: RateLimitRule;
}

/**
 * Who may read the office's queue board and its event stream: `public` (anyone: the board shows only numbers) or
 * `private` (a paired board device).
 */
export type BoardAccess = 'public' | 'private';

/** A kiosk (or web page) allowed to take tickets, and the bearer token it sends. */
export interface OfficeKiosk {
  readonly id: string;
  readonly token: string;
}

/**
 * An office as written in the configuration file: its queue (core's {@link QueueConfig}, where a counter may also
 * carry a static bearer `token` its officer's console sends), its kiosks and its rate limits. Without tokens (and
 * without kiosks), every device is paired (`docs/guides/devices`).
 */
export interface OfficeConfigInput {
  /** Stable id; rows in a shared database are kept apart by it. */
  readonly id: string;
  readonly name: LocalizedText;
  /** Services, counters (each with a static `token`, or none), priority classes, ordering, sessions, closed dates. */
  readonly queue: Omit<QueueConfig, 'counters'> & {
    readonly counters: readonly (QueueConfig['counters'][number] & { readonly token?: string })[];
  };
  /** Kiosks with static tokens (none: kiosks are paired). */
  readonly kiosks?: readonly OfficeKiosk[];
  readonly rateLimits?: Partial<OfficeRateLimits>;
  /** Who may read the board: `public` (the default) or `private` (paired board devices only). */
  readonly board?: BoardAccess;
  /** Dossier status notifications: webhooks, email, SMS/Zalo gateways (none by default). */
  readonly notifications?: unknown;
}

/** A validated office. */
export interface Office {
  readonly id: string;
  readonly name: LocalizedText;
  /** The queue configuration for core's `createQueue`. */
  readonly queueConfig: QueueConfig;
  /** The same, validated by core with its defaults filled in. */
  readonly queue: ResolvedQueueConfig;
  /** The counter whose token this is, if any. */
  counterForToken(token: string): string | undefined;
  /** The kiosk whose token this is, if any. */
  kioskForToken(token: string): string | undefined;
  readonly rateLimits: OfficeRateLimits;
  /** Who may read the board and its event stream. */
  readonly board: BoardAccess;
  /**
   * The static tokens of the configuration: where each is written — its path in the office object
   * (`['kiosks', 0, 'token']`), or once the configuration placed it, in the file `source` (`['office', 'kiosks', 0,
   * 'token']` in the configuration file) — and its length.
   */
  readonly staticTokens: readonly {
    readonly path: ProblemPath;
    readonly length: number;
    readonly source?: string | undefined;
  }[];
  /** True for the built-in demo office, whose tokens are public. */
  readonly demo: boolean;
  /** Where dossier status changes are notified ({@link NO_NOTIFICATIONS} when not configured). */
  readonly notifications: NotificationSettings;
}

/** The default rate limits. */
export const DEFAULT_RATE_LIMITS: OfficeRateLimits = {
  tickets: { limit: 120, windowSeconds: 60 },
  ratings: { limit: 5, windowSeconds: 600 },
  counterRatings: { limit: 20, windowSeconds: 600 },
  publicReads: { limit: 600, windowSeconds: 60 },
  counterRatingsPerCounter: { limit: 40, windowSeconds: 600 },
  pairings: { limit: 10, windowSeconds: 600 },
  pushRenewals: { limit: 120, windowSeconds: 600 },
};

const rule = z.object({ limit: z.number().int().min(1), windowSeconds: z.number().int().min(1).max(86_400) }).strict();
const token = z.string().min(8).max(200);

/**
 * What an office id is: lower-case letters `a`–`z`, digits and `-`, starting with a letter or a digit, at most 63
 * characters (an office's rows, its channels and its `/o/<id>/` path carry it).
 *
 * @example
 * ```ts
 * OFFICE_ID_PATTERN.test('xa-an-binh'); // true
 * OFFICE_ID_PATTERN.test('Xã An Bình'); // false
 * ```
 */
export const OFFICE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

const officeSchema = z
  .object({
    id: z.string().regex(OFFICE_ID_PATTERN).default('demo'),
    name: z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict(),
    // The queue itself is checked by core's parseQueueConfig; here only the counters' tokens are taken out.
    queue: z.looseObject({ counters: z.array(z.looseObject({ id: z.string().min(1), token: token.optional() })) }),
    kiosks: z.array(z.object({ id: z.string().min(1).max(100), token }).strict()).default([]),
    rateLimits: z
      .object({
        tickets: rule.optional(),
        ratings: rule.optional(),
        counterRatings: rule.optional(),
        publicReads: rule.optional(),
        counterRatingsPerCounter: rule.optional(),
        pairings: rule.optional(),
        pushRenewals: rule.optional(),
      })
      .strict()
      .optional(),
    board: z.enum(['public', 'private']).default('public'),
    notifications: notificationSettingsSchema.optional(),
  })
  .strict();

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Looks a token up in constant time per entry, so response times say nothing about the tokens. */
function tokenLookup(entries: readonly { id: string; token: string }[]): (presented: string) => string | undefined {
  const hashed = entries.map((e) => ({ id: e.id, hash: digest(e.token) }));
  return (presented) => {
    const hash = digest(presented);
    let found: string | undefined;
    for (const entry of hashed) if (timingSafeEqual(entry.hash, hash) && found === undefined) found = entry.id;
    return found;
  };
}

function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) =>
    problem(issue.path as (string | number)[], 'invalid-office', {
      vi: `Cấu hình văn phòng không hợp lệ: ${issue.message}`,
      en: `Invalid office configuration: ${issue.message}`,
    }),
  );
}

/**
 * Validates an office configuration: the queue with core's `parseQueueConfig` (services, counters, priority
 * classes, ordering, sessions), plus counter and kiosk tokens (unique, at least 8 characters) and rate limits.
 * Every problem is reported at once as a `MotcuaError`.
 *
 * @example
 * ```ts
 * const office = parseOffice({
 *   id: 'xa-an-binh',
 *   name: { vi: 'UBND xã An Bình', en: 'An Binh Commune' },
 *   queue: {
 *     services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
 *     counters: [{ id: '1', services: ['ho-tich'], token: 'counter-1-secret' }],
 *   },
 *   kiosks: [{ id: 'kiosk-1', token: 'kiosk-1-secret' }],
 * });
 * office.counterForToken('counter-1-secret'); // '1'
 * ```
 */
export function parseOffice(input: unknown, options: { demo?: boolean } = {}): Office {
  const parsed = officeSchema.safeParse(input);
  if (!parsed.success) throw new MotcuaError(problemsOf(parsed.error));
  const office = parsed.data;
  const counters = office.queue.counters.map(({ token: _token, ...counter }) => counter);
  const queueConfig = { ...office.queue, counters } as unknown as QueueConfig;
  let queue: ResolvedQueueConfig;
  try {
    queue = parseQueueConfig(queueConfig);
  } catch (error) {
    if (!(error instanceof MotcuaError)) throw error;
    throw new MotcuaError(error.problems.map((p) => ({ ...p, path: ['queue', ...p.path] })));
  }
  // A counter without a static token is reached by paired devices and signed-in officers only.
  const counterTokens = office.queue.counters.flatMap((c, i) =>
    c.token === undefined ? [] : [{ id: c.id, token: c.token, path: ['queue', 'counters', i, 'token'] }],
  );
  const tokens = [
    ...counterTokens,
    ...office.kiosks.map((k, i) => ({ id: k.id, token: k.token, path: ['kiosks', i, 'token'] })),
  ];
  const seen = new Set<string>();
  const duplicates: Problem[] = [];
  for (const entry of tokens) {
    if (seen.has(entry.token)) {
      duplicates.push(
        problem(entry.path, 'duplicate-token', {
          vi: `Mã truy cập của "${entry.id}" trùng với một quầy hoặc ki-ốt khác`,
          en: `The token of "${entry.id}" is the same as another counter's or kiosk's`,
        }),
      );
    }
    seen.add(entry.token);
  }
  if (duplicates.length > 0) throw new MotcuaError(duplicates);
  return {
    id: office.id,
    name: office.name,
    queueConfig,
    queue,
    counterForToken: tokenLookup(counterTokens),
    kioskForToken: tokenLookup(office.kiosks),
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...office.rateLimits },
    board: office.board,
    staticTokens: tokens.map((t) => ({ path: t.path, length: t.token.length })),
    demo: options.demo ?? false,
    notifications: (office.notifications as NotificationSettings | undefined) ?? NO_NOTIFICATIONS,
  };
}

/**
 * The demo office's generic priority class: "Ưu tiên" with no reason recorded. The ticket kiosk's priority toggle
 * issues in the first priority class the server lists, and never asks why; so that a ticket is not stored as
 * "người cao tuổi" when nobody said so, this class comes first.
 */
export const GENERIC_PRIORITY: PriorityClass = { id: 'uu-tien', name: { vi: 'Ưu tiên', en: 'Priority' }, weight: 1 };

/**
 * The demo office a first start serves: three services (civil status, land, certification) with their own
 * prefixes, three counters and one kiosk. Its priority classes are normal, the generic {@link GENERIC_PRIORITY}
 * (what the kiosk's priority toggle issues in) and core's named groups, for a counter that records one. Its tokens are public (`demo-kiosk`, `demo-counter-1` … `-3`): set
 * an office in the configuration file before real use.
 *
 * @example
 * ```ts
 * const office = parseOffice(DEMO_OFFICE, { demo: true });
 * office.kioskForToken('demo-kiosk'); // 'kiosk'
 * ```
 */
export const DEMO_OFFICE: OfficeConfigInput = {
  id: 'demo',
  name: { vi: 'UBND xã Mẫu (trình diễn)', en: 'Sample Commune (demo)' },
  queue: {
    services: [
      { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } },
      { id: 'dat-dai', prefix: 'B', name: { vi: 'Đất đai', en: 'Land' } },
      { id: 'chung-thuc', prefix: 'C', name: { vi: 'Chứng thực', en: 'Certification' } },
    ],
    counters: [
      { id: '1', label: '1', services: ['ho-tich', 'chung-thuc'], token: 'demo-counter-1' },
      { id: '2', label: '2', services: ['dat-dai'], token: 'demo-counter-2' },
      { id: '3', label: '3', services: ['ho-tich', 'dat-dai', 'chung-thuc'], token: 'demo-counter-3' },
    ],
    priorityClasses: [
      ...DEFAULT_PRIORITY_CLASSES.filter((c) => c.id === NORMAL_PRIORITY),
      GENERIC_PRIORITY,
      ...DEFAULT_PRIORITY_CLASSES.filter((c) => c.id !== NORMAL_PRIORITY),
    ],
    defaultPriority: NORMAL_PRIORITY,
    ordering: { kind: 'interleave', priority: 1, normal: 2 },
  },
  kiosks: [{ id: 'kiosk', token: 'demo-kiosk' }],
};

/**
 * The demo office, validated.
 *
 * @example
 * ```ts
 * demoOffice().queue.services.size; // 3
 * ```
 */
export function demoOffice(): Office {
  return parseOffice(DEMO_OFFICE, { demo: true });
}
