/**
 * The kiosk's conversation with `@motcua/server`: the services list, issuing a ticket with an `Idempotency-Key`
 * that every retry reuses (a lost answer never issues a second ticket), and the issued ticket's place in the queue.
 */

/** A bilingual text as the server sends it. */
export interface ServerText {
  readonly vi?: string;
  readonly en?: string;
}

/** A service a kiosk offers, as `GET /api/queue/services` lists it. */
export interface KioskService {
  readonly id: string;
  readonly prefix: string;
  readonly name: ServerText;
}

/** A priority class, as `GET /api/queue/services` lists it. */
export interface KioskPriorityClass {
  readonly id: string;
  readonly name: ServerText;
  readonly weight: number;
}

/** What `GET /api/queue/services` answers. */
export interface KioskServices {
  readonly office: { readonly id: string; readonly name: ServerText };
  readonly services: readonly KioskService[];
  readonly priorityClasses: readonly KioskPriorityClass[];
  readonly defaultPriority: string;
}

/** The part of an issued ticket the kiosk shows and prints. */
export interface IssuedTicket {
  /** The unguessable id (status and rating links, QR codes). */
  readonly id: string;
  /** The display number, e.g. `A001`. */
  readonly number: string;
  readonly service: string;
  readonly priority: string;
  /** When the visit began, epoch ms. */
  readonly issuedAt: number;
}

/** The ticket's place in the queue, as `GET /api/queue/tickets/{id}` estimates it (core's `estimateWait`). */
export interface TicketWait {
  /** People who will be called first. */
  readonly ahead: number;
  /** Minutes until the call, only when the server has enough recent service times. */
  readonly minutes?: { readonly low: number; readonly middle: number; readonly high: number };
}

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function text(value: unknown): ServerText {
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
  const services = body.services.flatMap((s: unknown): KioskService[] =>
    isRecord(s) && isString(s.id)
      ? [{ id: s.id, prefix: typeof s.prefix === 'string' ? s.prefix : '', name: text(s.name) }]
      : [],
  );
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

/** Reads an issued ticket; `undefined` unless it has an id and a number (never shown a number it did not get). */
export function readTicket(body: unknown): IssuedTicket | undefined {
  if (!isRecord(body) || !isString(body.id) || !isString(body.number) || !isString(body.service)) return undefined;
  return {
    id: body.id,
    number: body.number,
    service: body.service,
    priority: typeof body.priority === 'string' ? body.priority : '',
    issuedAt: typeof body.issuedAt === 'number' ? body.issuedAt : Date.now(),
  };
}

/** Reads the wait of `GET /api/queue/tickets/{id}`; `undefined` when there is none. */
export function readWait(body: unknown): TicketWait | undefined {
  const wait = isRecord(body) ? body.wait : undefined;
  if (!isRecord(wait) || typeof wait.ahead !== 'number' || wait.ahead < 0) return undefined;
  const m = wait.minutes;
  const minutes =
    isRecord(m) && typeof m.low === 'number' && typeof m.middle === 'number' && typeof m.high === 'number'
      ? { low: m.low, middle: m.middle, high: m.high }
      : undefined;
  return { ahead: wait.ahead, ...(minutes ? { minutes } : {}) };
}

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

type Attempt = IssueOutcome | { readonly kind: 'transient'; readonly status?: number };

async function attempt(request: IssueRequest, timeoutMs: number): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await globalThis.fetch(request.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: `Bearer ${request.token}`,
        'Idempotency-Key': request.key,
      },
      body: JSON.stringify({
        service: request.service,
        ...(request.priority ? { priority: request.priority } : {}),
      }),
      signal: controller.signal,
    });
  } catch {
    return { kind: 'transient' };
  } finally {
    clearTimeout(timer);
  }
  const { status } = response;
  const body = await json(response);
  if (response.ok) {
    const ticket = readTicket(body);
    return ticket ? { kind: 'issued', ticket } : { kind: 'failed', status };
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : '';
  // 409 request-in-progress: the first request with this key is still running; 503: a command still being applied.
  if (status >= 500 || status === 408 || code === 'request-in-progress') return { kind: 'transient', status };
  if (status === 401 || status === 403) return { kind: 'unauthorized' };
  if (status === 429) return { kind: 'rate-limited' };
  if (status === 409 || status === 404 || status === 422) {
    return { kind: 'refused', code: code || 'refused', message: text(error.message) };
  }
  return { kind: 'failed', status };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Issues one ticket: `POST` with the kiosk's bearer token and `request.key` as the `Idempotency-Key`, retried with
 * the same key after a timeout, a network failure or a server failure, so that the server answers a retry with
 * the ticket it already issued instead of issuing another. Never throws.
 *
 * @example
 * ```ts
 * const outcome = await issueTicket(
 *   { url: new URL('api/queue/tickets', base).href, token: 'demo-kiosk', key: newKey(), service: 'ho-tich' },
 *   { timeoutMs: 8000, retryDelays: [1000, 3000] },
 * );
 * if (outcome.kind === 'issued') show(outcome.ticket.number);
 * ```
 */
export async function issueTicket(request: IssueRequest, options: RetryOptions): Promise<IssueOutcome> {
  let last: Attempt = { kind: 'transient' };
  for (let i = 0; i <= options.retryDelays.length; i++) {
    if (i > 0) await sleep(options.retryDelays[i - 1] ?? 0);
    last = await attempt(request, options.timeoutMs);
    if (last.kind !== 'transient') return last;
  }
  return last.kind === 'transient' && last.status !== undefined
    ? { kind: 'failed', status: last.status }
    : { kind: 'offline' };
}

/**
 * A random idempotency key; works on plain-HTTP pages too, where `crypto.randomUUID` is missing. (The rating form
 * has the same helper; importing it from there would put the rating code in the kiosk's first download.)
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
