import { type CounterTicketAnswer, type TicketView, ticketViewOf } from '@motcua/core/queue';
import type { Context, Env } from 'hono';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { commandId } from './command-id.js';
import { numberBody, pauseBody } from './inputs.js';
import { refusals } from './refusals.js';
import { businessDateNow, type QueueRouteOptions, type QueueService } from './service.js';

/** How many of the counter's latest no-shows the desk lists, for a citizen who comes back. */
const NO_SHOWS_LISTED = 5;

type CounterContext = Context<Env, '/api/queue/counters/:id/*'>;

/** Today's ticket with this number in `status` (the latest queued when numbers restarted in a later session). */
async function todaysTicket(
  service: QueueService,
  options: QueueRouteOptions,
  number: string,
  status: TicketView['status'],
): Promise<TicketView> {
  const wanted = number.toUpperCase();
  const views = await service.store.ticketViews(businessDateNow(service.queue, options.now));
  const found = views
    .filter((t) => t.number.toUpperCase() === wanted && t.status === status)
    .sort((a, b) => b.queuedAt - a.queuedAt)[0];
  if (!found) {
    const what = status === 'issued' ? { vi: 'đang chờ', en: 'waiting' } : { vi: 'vắng mặt', en: 'marked absent' };
    throw new ApiError(404, 'unknown-number', {
      vi: `Hôm nay không có phiếu số ${number} ${what.vi}`,
      en: `No ticket ${number} ${what.en} today`,
    });
  }
  return found;
}

/**
 * `GET /api/queue/counters/{id}/desk`: what the counter's console shows beside the ticket: whether the counter is
 * paused, how many wait for each of its services (and how many of them with priority), and its latest no-shows today
 * (to re-admit a citizen who comes back).
 *
 * @example
 * ```ts
 * app.get('/api/queue/counters/:id/desk', (c) => counterDesk(c, service, options));
 * ```
 */
export async function counterDesk(c: CounterContext, service: QueueService, options: QueueRouteOptions) {
  const { queue, store } = service;
  const counter = c.req.param('id');
  const served = queue.config.counters.get(counter)?.services ?? [];
  const priorityOf = (p: string) => (queue.config.priorityClasses.get(p)?.weight ?? 0) > 0;
  const views = await store.ticketViews(businessDateNow(queue, options.now));
  const waiting = served.map((id) => {
    const line = views.filter((t) => t.service === id && t.status === 'issued');
    return { service: id, count: line.length, priority: line.filter((t) => priorityOf(t.priority)).length };
  });
  const noShows = views
    .filter((t) => t.status === 'no-show' && t.counter === counter)
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))
    .slice(0, NO_SHOWS_LISTED)
    .map((t) => ({ number: t.number, service: t.service, priority: t.priority }));
  c.header('Cache-Control', 'no-store');
  return c.json({ paused: await queue.paused(counter), waiting, noShows });
}

/**
 * `POST /api/queue/counters/{id}/pause` (`{ "paused": true | false }`): pauses the counter (it is given no call until
 * it resumes) or resumes it.
 *
 * @example
 * ```ts
 * app.post('/api/queue/counters/:id/pause', (c) => pauseCounter(c, service));
 * ```
 */
export async function pauseCounter(c: CounterContext, service: QueueService) {
  const counter = c.req.param('id');
  const { paused } = await readJsonBody(c, pauseBody);
  await (paused ? service.queue.pause(counter) : service.queue.resume(counter));
  return c.json({ paused });
}

/**
 * `POST /api/queue/counters/{id}/call` (`{ "number": "A012" }`): calls that waiting ticket of today to the counter,
 * out of turn (a citizen who must be seen now, a number a colleague sent over).
 *
 * @example
 * ```ts
 * app.post('/api/queue/counters/:id/call', (c) => callNumber(c, service, options));
 * ```
 */
export async function callNumber(c: CounterContext, service: QueueService, options: QueueRouteOptions) {
  const counter = c.req.param('id');
  const { number } = await readJsonBody(c, numberBody);
  const ticket = await todaysTicket(service, options, number, 'issued');
  const id = commandId(c, `counter:${counter}`);
  const called = await refusals(() =>
    service.queue.call(ticket.id, counter, id !== undefined ? { commandId: id } : {}),
  );
  return c.json({ ticket: ticketViewOf(called) } satisfies CounterTicketAnswer);
}

/**
 * `POST /api/queue/counters/{id}/readmit` (`{ "number": "A012" }`): puts today's no-show with that number back in the
 * queue (the citizen came back), behind whoever waits now.
 *
 * @example
 * ```ts
 * app.post('/api/queue/counters/:id/readmit', (c) => readmitNumber(c, service, options));
 * ```
 */
export async function readmitNumber(c: CounterContext, service: QueueService, options: QueueRouteOptions) {
  const counter = c.req.param('id');
  const { number } = await readJsonBody(c, numberBody);
  const ticket = await todaysTicket(service, options, number, 'no-show');
  const id = commandId(c, `counter:${counter}`);
  const back = await refusals(() => service.queue.readmit(ticket.id, id !== undefined ? { commandId: id } : {}));
  return c.json({ ticket: ticketViewOf(back) } satisfies CounterTicketAnswer);
}
