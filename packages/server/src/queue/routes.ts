import type { Context, Hono } from 'hono';
import { authenticate } from '../http/auth.js';
import { clientAddress } from '../http/client-address.js';
import { ApiError } from '../http/errors.js';
import { createMemoryRateLimiter, rateLimit } from '../http/rate-limit.js';
import { boardEvents } from './board-events.js';
import {
  callNext,
  currentTicket,
  finishTicket,
  SIMPLE_COMMANDS,
  simpleCommand,
  transferTicket,
} from './counter-commands.js';
import type { QueueRouteOptions, QueueService } from './service.js';
import { followTicket, issueTicket, listServices } from './tickets.js';

/**
 * Mounts the kiosk and counter guards (bearer token, then the ticket rate limit per kiosk) and the limit on public
 * reads (the board, a followed ticket) per client address (`clientOf`, which honours `trustProxy`). Call before the
 * idempotency middleware, so that a refused request is never stored as the answer to its Idempotency-Key.
 *
 * @example
 * ```ts
 * installQueueGuards(app, service, Date.now);
 * app.use('/api/*', idempotency(db));
 * ```
 */
export function installQueueGuards(
  app: Hono,
  service: QueueService,
  now: () => number,
  clientOf: (c: Context) => string = clientAddress(),
): void {
  const { office } = service;
  // Public reads, per client address, in this instance's memory: they protect the instance, and cost no write.
  const reads = createMemoryRateLimiter();
  for (const path of ['/api/queue/board', '/api/queue/tickets/:id']) {
    app.use(
      path,
      rateLimit(reads, 'public-reads', (c) => `${office.id}/${clientOf(c)}`, office.rateLimits.publicReads, now, 'GET'),
    );
  }
  app.use('/api/queue/tickets', async (c, next) => {
    if (c.req.method === 'POST') authenticate(c, office.kioskForToken, 'kiosk');
    return next();
  });
  app.use(
    '/api/queue/tickets',
    rateLimit(
      service.limiter,
      'tickets',
      (c) => `${office.id}/${authenticate(c, office.kioskForToken, 'kiosk')}`,
      office.rateLimits.tickets,
      now,
    ),
  );
  app.use('/api/queue/counters/:id/*', async (c, next) => {
    const counter = authenticate(c, office.counterForToken, 'counter');
    if (counter !== c.req.param('id')) {
      throw new ApiError(403, 'forbidden', {
        vi: 'Mã truy cập không phải của quầy này',
        en: 'The bearer token is not this counter’s',
      });
    }
    return next();
  });
}

/**
 * Mounts the queue routes: services, tickets, counter commands, the board and its event stream.
 *
 * @example
 * ```ts
 * installQueueRoutes(app, createQueueService({ db, office, now: Date.now }), { now: Date.now, secret });
 * ```
 */
export function installQueueRoutes(app: Hono, service: QueueService, options: QueueRouteOptions): void {
  app.get('/api/queue/services', (c) => listServices(c, service, options));
  app.post('/api/queue/tickets', (c) => issueTicket(c, service));
  app.get('/api/queue/tickets/:id', (c) => followTicket(c, service, options));
  app.get('/api/queue/counters/:id/current', (c) => currentTicket(c, service, options));
  app.post('/api/queue/counters/:id/call-next', (c) => callNext(c, service));
  for (const [path, method] of Object.entries(SIMPLE_COMMANDS)) {
    app.post(`/api/queue/counters/:id/${path}`, (c) => simpleCommand(c, service, options, method));
  }
  app.post('/api/queue/counters/:id/done', (c) => finishTicket(c, service, options));
  app.post('/api/queue/counters/:id/transfer', (c) => transferTicket(c, service, options));
  app.get('/api/queue/board', async (c) => c.json(await service.board()));
  app.get('/api/queue/events', (c) => boardEvents(c, service, options));
}
