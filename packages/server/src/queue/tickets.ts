import {
  type FollowedTicket,
  type IssuedTicket,
  type IssuingState,
  issuingState,
  type KioskServices,
  type NextIssuingTime,
  queueBusinessTimeOf,
  ticketViewOf,
} from '@motcua/core/queue';
import type { Context, Env } from 'hono';
import { authenticate } from '../http/auth.js';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { transactionRatingToken } from '../ratings/transaction-token.js';
import { commandId } from './command-id.js';
import { issueBody } from './inputs.js';
import { refusals } from './refusals.js';
import type { QueueRouteOptions, QueueService } from './service.js';

/** A service's issuing state as the services list says it: `open`, and when closed its `nextOpening` if any. */
function opening(state: IssuingState): { readonly open: boolean; readonly nextOpening?: NextIssuingTime } {
  if (state.open) return { open: true };
  return state.next ? { open: false, nextOpening: state.next } : { open: false };
}

/**
 * `GET /api/queue/services`: whether each service issues now (its windows and the closed dates, as core decides
 * when a ticket is taken) and, when not, the next issuing time. Kiosks show closed services before a press, so the
 * answer is never cached.
 *
 * @example
 * ```ts
 * app.get('/api/queue/services', (c) => listServices(c, service, options));
 * ```
 */
export function listServices(c: Context, service: QueueService, options: QueueRouteOptions): Response {
  const { office, queue } = service;
  const resolved = queue.config;
  const time = queueBusinessTimeOf(options.now(), resolved.dayStartsAt, resolved.sessions);
  c.header('Cache-Control', 'no-store');
  return c.json({
    office: { id: office.id, name: office.name },
    services: [...resolved.services.values()].map((s) => ({
      id: s.id,
      prefix: s.prefix,
      name: s.name,
      ...opening(issuingState(s, resolved, time)),
    })),
    priorityClasses: [...resolved.priorityClasses.values()].map((p) => ({
      id: p.id,
      name: p.name,
      weight: p.weight,
    })),
    defaultPriority: resolved.defaultPriority,
  } satisfies KioskServices);
}

/**
 * `POST /api/queue/tickets` (kiosk token): issues a ticket; with an Idempotency-Key a retry gets the same ticket.
 *
 * @example
 * ```ts
 * app.post('/api/queue/tickets', (c) => issueTicket(c, service));
 * ```
 */
export async function issueTicket(c: Context, service: QueueService): Promise<Response> {
  const { queue } = service;
  const kiosk = authenticate(c, 'kiosk');
  const input = await readJsonBody(c, issueBody);
  if (!queue.config.services.has(input.service)) {
    throw new ApiError(404, 'unknown-service', {
      vi: `Không có dịch vụ "${input.service}"`,
      en: `No service "${input.service}"`,
    });
  }
  const id = commandId(c, `kiosk:${kiosk}`);
  const ticket = await refusals(() =>
    queue.issue(input.service, {
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
      ...(id !== undefined ? { commandId: id } : {}),
    }),
  );
  // The kiosk shows and prints core's `IssuedTicket` part of it.
  return c.json(ticketViewOf(ticket) satisfies IssuedTicket, 201);
}

/**
 * `GET /api/queue/tickets/{id}`: the ticket and, while it waits, its place and expected wait; once served, its
 * rating token (the same one the counter's "done" answered, accepted once). The id is unguessable (the kiosk prints
 * it as a QR code): whoever holds it may follow the ticket.
 *
 * @example
 * ```ts
 * app.get('/api/queue/tickets/:id', (c) => followTicket(c, service, options));
 * ```
 */
export async function followTicket(
  c: Context<Env, '/api/queue/tickets/:id'>,
  service: QueueService,
  options: QueueRouteOptions,
): Promise<Response> {
  const { queue } = service;
  const ticket = await refusals(() => queue.get(c.req.param('id')));
  // Read by its id; the wait from the day's tickets as they stand, read once per change (not once per reader).
  const wait = ticket.status === 'issued' ? await service.waitOf(ticket) : undefined;
  // A served ticket can be rated: its holder gets the same rating token the counter's "done" answered.
  const ratingToken =
    ticket.status === 'done'
      ? await transactionRatingToken({ ticket: ticket.id, counter: ticket.counter }, options.secret, options.now())
      : undefined;
  c.header('Cache-Control', 'no-store');
  const answer: FollowedTicket = {
    ticket: ticketViewOf(ticket),
    ...(wait ? { wait } : {}),
    ...(ratingToken !== undefined ? { ratingToken } : {}),
  };
  return c.json(answer);
}
