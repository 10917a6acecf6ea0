import { type CounterTicketAnswer, type Ticket, ticketViewOf } from '@motcua/core/queue';
import type { Context, Env } from 'hono';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { transactionRatingToken } from '../ratings/transaction-token.js';
import { sessionOf } from '../staff/caller.js';
import { commandId } from './command-id.js';
import { ticketBody, transferBody } from './inputs.js';
import { refusals } from './refusals.js';
import { businessDateNow, type QueueRouteOptions, type QueueService } from './service.js';

/** The ticket a counter command applies to: the one named, else the counter's current one. */
async function target(
  service: QueueService,
  now: () => number,
  counter: string,
  named: string | undefined,
): Promise<Ticket> {
  const { queue, store } = service;
  const date = businessDateNow(queue, now);
  const ticket =
    named === undefined ? await store.currentTicket(counter, date) : await refusals(() => queue.get(named));
  if (!ticket) {
    throw new ApiError(409, 'no-current-ticket', {
      vi: `Quầy ${counter} không có phiếu đang gọi`,
      en: `Counter ${counter} has no called ticket`,
    });
  }
  if (ticket.counter !== counter) {
    throw new ApiError(409, 'not-this-counter', {
      vi: `Phiếu ${ticket.number} không do quầy ${counter} gọi`,
      en: `Ticket ${ticket.number} was not called by counter ${counter}`,
    });
  }
  return ticket;
}

/**
 * `GET /api/queue/counters/{id}/current` (that counter's token): the ticket the counter has called or serves, with
 * its id (the public board hides ids), for a console that reloads.
 *
 * @example
 * ```ts
 * app.get('/api/queue/counters/:id/current', (c) => currentTicket(c, service, options));
 * ```
 */
export async function currentTicket(
  c: Context<Env, '/api/queue/counters/:id/*'>,
  service: QueueService,
  options: QueueRouteOptions,
): Promise<Response> {
  const { store } = service;
  const counter = c.req.param('id');
  const ticket = await store.currentTicket(counter, businessDateNow(service.queue, options.now));
  c.header('Cache-Control', 'no-store');
  return c.json({ ticket: ticket ? ticketViewOf(ticket) : null } satisfies CounterTicketAnswer);
}

/**
 * `POST /api/queue/counters/{id}/call-next`: calls the next waiting ticket under the ordering policy (`null` when
 * nobody waits).
 *
 * @example
 * ```ts
 * app.post('/api/queue/counters/:id/call-next', (c) => callNext(c, service));
 * ```
 */
export async function callNext(c: Context<Env, '/api/queue/counters/:id/*'>, service: QueueService): Promise<Response> {
  const { queue } = service;
  const counter = c.req.param('id');
  const id = commandId(c, `counter:${counter}`);
  const ticket = await refusals(() => queue.callNext(counter, id !== undefined ? { commandId: id } : {}));
  return c.json({ ticket: ticket ? ticketViewOf(ticket) : null } satisfies CounterTicketAnswer);
}

/** The counter commands that only change the ticket's state: their path and core's method. */
export const SIMPLE_COMMANDS = { recall: 'recall', start: 'start', skip: 'noShow' } as const;

/**
 * `POST /api/queue/counters/{id}/recall|start|skip`: applies core's command to the named ticket or the counter's
 * current one.
 *
 * @example
 * ```ts
 * app.post('/api/queue/counters/:id/recall', (c) => simpleCommand(c, service, options, 'recall'));
 * ```
 */
export async function simpleCommand(
  c: Context<Env, '/api/queue/counters/:id/*'>,
  service: QueueService,
  options: QueueRouteOptions,
  method: (typeof SIMPLE_COMMANDS)[keyof typeof SIMPLE_COMMANDS],
): Promise<Response> {
  const { queue } = service;
  const counter = c.req.param('id');
  const input = await readJsonBody(c, ticketBody);
  const ticket = await target(service, options.now, counter, input.ticket);
  const id = commandId(c, `counter:${counter}`);
  const done = await refusals(() => queue[method](ticket.id, id !== undefined ? { commandId: id } : {}));
  return c.json({ ticket: ticketViewOf(done) } satisfies CounterTicketAnswer);
}

/**
 * `POST /api/queue/counters/{id}/done`: finishes the ticket (starting it first when the officer did not press
 * "start") and answers its rating token when the server signs them.
 *
 * @example
 * ```ts
 * app.post('/api/queue/counters/:id/done', (c) => finishTicket(c, service, options));
 * ```
 */
export async function finishTicket(
  c: Context<Env, '/api/queue/counters/:id/*'>,
  service: QueueService,
  options: QueueRouteOptions,
): Promise<Response> {
  const { queue } = service;
  const counter = c.req.param('id');
  const input = await readJsonBody(c, ticketBody);
  let ticket = await target(service, options.now, counter, input.ticket);
  const id = commandId(c, `counter:${counter}`);
  // An officer may press "done" without "start": service then starts and ends at once.
  if (ticket.status === 'called') {
    const started = ticket.id;
    ticket = await refusals(() => queue.start(started, id !== undefined ? { commandId: `${id}:start` } : {}));
  }
  const serving = ticket.id;
  const done = await refusals(() => queue.finish(serving, id !== undefined ? { commandId: id } : {}));
  // The ticket is done whatever happens to its rating token: a key too short to sign with only leaves it out.
  // The rating carries the officer who served (a signed-in one), for the satisfaction report by officer.
  const officer = sessionOf(c)?.user.username;
  const ratingToken = await transactionRatingToken(
    { ticket: done.id, counter, officer },
    options.secret,
    options.now(),
  );
  return c.json({
    ticket: ticketViewOf(done),
    ...(ratingToken !== undefined ? { ratingToken } : {}),
  } satisfies CounterTicketAnswer);
}

/**
 * `POST /api/queue/counters/{id}/transfer`: ends the ticket as transferred and queues its visit for another service.
 *
 * @example
 * ```ts
 * app.post('/api/queue/counters/:id/transfer', (c) => transferTicket(c, service, options));
 * ```
 */
export async function transferTicket(
  c: Context<Env, '/api/queue/counters/:id/*'>,
  service: QueueService,
  options: QueueRouteOptions,
): Promise<Response> {
  const { queue } = service;
  const counter = c.req.param('id');
  const input = await readJsonBody(c, transferBody);
  if (!queue.config.services.has(input.service)) {
    throw new ApiError(404, 'unknown-service', {
      vi: `Không có dịch vụ "${input.service}"`,
      en: `No service "${input.service}"`,
    });
  }
  const ticket = await target(service, options.now, counter, input.ticket);
  const id = commandId(c, `counter:${counter}`);
  const next = await refusals(() =>
    queue.transfer(ticket.id, input.service, id !== undefined ? { commandId: id } : {}),
  );
  return c.json({ ticket: ticketViewOf(next), from: ticket.number } satisfies CounterTicketAnswer);
}
