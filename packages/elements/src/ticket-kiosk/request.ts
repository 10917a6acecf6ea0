/**
 * What the kiosk paints with: the shapes of the queue API's answers, the services list and one GET with a timeout.
 * Issuing itself (`issuing.ts`) loads on the first touch.
 */

import type {
  IssuedTicket,
  KioskPriorityClass,
  KioskService,
  KioskServices,
  AnswerText as ServerText,
} from '@motcua/core/queue';

// The services answer and a ticket's wait, as core declares them (still exported from the elements, for code that
// imports them from here); `ServerText` is core's `AnswerText`.
export type {
  AnswerText as ServerText,
  IssuedTicket,
  KioskPriorityClass,
  KioskService,
  KioskServices,
  TicketWait,
} from '@motcua/core/queue';

/** How issuing ended. */
export type IssueOutcome =
  | { readonly kind: 'issued'; readonly ticket: IssuedTicket }
  /** The server refused: `closed`, `closed-day`, `daily-cap`, `sequence-end`, `unknown-service`, …, with its text. */
  | { readonly kind: 'refused'; readonly code: string; readonly message?: ServerText }
  /** The kiosk token was not accepted. */
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'rate-limited' }
  /** No answer after every retry (network down, timeouts): nothing is known to be issued. */
  | { readonly kind: 'offline' }
  /** The server failed after every retry, or answered something unusable. */
  | { readonly kind: 'failed'; readonly status?: number };

/** What one issuing needs. */
export interface IssueRequest {
  /** The absolute URL of `POST /api/queue/tickets`. */
  readonly url: string;
  /** The kiosk's bearer token. */
  readonly token: string;
  /** The `Idempotency-Key`, the same for every retry. */
  readonly key: string;
  readonly service: string;
  readonly priority?: string;
}

/** Timeouts and retries. */
export interface RetryOptions {
  /** Per attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** Waits before the second, third, … attempt; its length is the number of retries. */
  readonly retryDelays: readonly number[];
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export function text(value: unknown): ServerText {
  if (!isRecord(value)) return {};
  return {
    ...(typeof value.vi === 'string' ? { vi: value.vi } : {}),
    ...(typeof value.en === 'string' ? { en: value.en } : {}),
  };
}

/** Reads the services answer, keeping only well-formed entries; `undefined` when it is not one. */
export function readServices(body: unknown): KioskServices | undefined {
  if (!isRecord(body) || !Array.isArray(body.services)) return undefined;
  const office = isRecord(body.office) ? body.office : {};
  const services = body.services.flatMap((s: unknown): KioskService[] => {
    if (!isRecord(s) || !isString(s.id)) return [];
    const next = s.nextOpening;
    return [
      {
        id: s.id,
        prefix: typeof s.prefix === 'string' ? s.prefix : '',
        name: text(s.name),
        open: s.open !== false,
        nextOpening:
          isRecord(next) && typeof next.at === 'number'
            ? { date: String(next.date), time: String(next.time), at: next.at }
            : undefined,
      },
    ];
  });
  const classes = Array.isArray(body.priorityClasses) ? body.priorityClasses : [];
  const priorityClasses = classes.flatMap((p: unknown): KioskPriorityClass[] =>
    isRecord(p) && isString(p.id)
      ? [{ id: p.id, name: text(p.name), weight: typeof p.weight === 'number' ? p.weight : 0 }]
      : [],
  );
  return {
    office: { id: typeof office.id === 'string' ? office.id : '', name: text(office.name) },
    services,
    priorityClasses,
    defaultPriority: typeof body.defaultPriority === 'string' ? body.defaultPriority : '',
  };
}

/** The JSON body of a response; `undefined` when it is not JSON. */
async function json(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
/** One GET with a timeout; `undefined` on any failure. `fetch` is read at call time. */
export async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await globalThis.fetch(url, {
      headers: { Accept: 'application/json' },
      signal: controller.signal,
    });
    return response.ok ? await json(response) : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
