import type { Context, Hono, Next } from 'hono';
import { authenticate, bearerToken } from '../http/auth.js';
import { clientAddress } from '../http/client-address.js';
import { ApiError } from '../http/errors.js';
import { createMemoryRateLimiter, rateLimit } from '../http/rate-limit.js';
import { knownCounter, officerSession } from '../staff/caller.js';
import { boardEvents } from './board-events.js';
import {
  callNext,
  currentTicket,
  finishTicket,
  SIMPLE_COMMANDS,
  simpleCommand,
  transferTicket,
} from './counter-commands.js';
import { callNumber, counterDesk, pauseCounter, readmitNumber } from './counter-desk.js';
import { followNumber } from './numbers.js';
import { queueReportHandler } from './report.js';
import type { QueueRouteOptions, QueueService } from './service.js';
import { subscribeToTicket } from './ticket-push.js';
import { followTicket, issueTicket, listServices } from './tickets.js';

/**
 * Mounts the kiosk, counter and private board guards (bearer credential, then the ticket rate limit per kiosk) and the
 * limit on public reads (the board, a ticket followed by its id or its number) per client address (`clientOf`, which honours `trustProxy`).
 * Call after `identifyDevices` and before the idempotency middleware, so that a refused request is never stored as
 * the answer to its Idempotency-Key.
 *
 * @example
 * ```ts
 * installQueueGuards(app, service, Date.now);
 * app.use('/api/*', idempotency(db, { office: office.id }));
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
  for (const path of ['/api/queue/board', '/api/queue/tickets/:id', '/api/queue/numbers/:number']) {
    app.use(
      path,
      rateLimit(reads, 'public-reads', (c) => `${office.id}/${clientOf(c)}`, office.rateLimits.publicReads, now, 'GET'),
    );
  }
  // A ticket's Web Push subscription counts as a read of it.
  app.use(
    '/api/queue/tickets/:id/push-subscription',
    rateLimit(reads, 'public-reads', (c) => `${office.id}/${clientOf(c)}`, office.rateLimits.publicReads, now, 'PUT'),
  );
  app.use('/api/queue/tickets', async (c, next) => {
    if (c.req.method === 'POST') authenticate(c, 'kiosk');
    return next();
  });
  app.use(
    '/api/queue/tickets',
    rateLimit(
      service.limiter,
      'tickets',
      (c) => `${office.id}/${authenticate(c, 'kiosk')}`,
      office.rateLimits.tickets,
      now,
    ),
  );
  // A private board is read by the office's paired board devices only; a public one by anyone.
  const board = async (c: Context, next: Next) => {
    if (office.board === 'private') authenticate(c, 'board');
    return next();
  };
  app.use('/api/queue/board', board);
  app.use('/api/queue/events', board);
  // A ticket followed by its number (the board's QR code) reads what the board shows: as public as the board.
  app.use('/api/queue/numbers/:number', board);
  app.use('/api/queue/counters/:id/*', async (c, next) => {
    // An officer signed in to this office works at the counter their console chose (the path's); a bearer token
    // still decides alone when one is sent.
    if (bearerToken(c) === undefined && officerSession(c)) {
      knownCounter(office, c.req.param('id'));
      return next();
    }
    const counter = authenticate(c, 'counter');
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
  app.get('/api/queue/numbers/:number', (c) => followNumber(c, service));
  app.put('/api/queue/tickets/:id/push-subscription', (c) => subscribeToTicket(c, service, options.now));
  app.get('/api/queue/counters/:id/current', (c) => currentTicket(c, service, options));
  app.post('/api/queue/counters/:id/call-next', (c) => callNext(c, service));
  for (const [path, method] of Object.entries(SIMPLE_COMMANDS)) {
    app.post(`/api/queue/counters/:id/${path}`, (c) => simpleCommand(c, service, options, method));
  }
  app.post('/api/queue/counters/:id/done', (c) => finishTicket(c, service, options));
  app.post('/api/queue/counters/:id/transfer', (c) => transferTicket(c, service, options));
  app.get('/api/queue/counters/:id/desk', (c) => counterDesk(c, service, options));
  app.post('/api/queue/counters/:id/pause', (c) => pauseCounter(c, service));
  app.post('/api/queue/counters/:id/call', (c) => callNumber(c, service, options));
  app.post('/api/queue/counters/:id/readmit', (c) => readmitNumber(c, service, options));
  app.get('/api/queue/board', async (c) => c.json(await service.board()));
  app.get('/api/queue/events', (c) => boardEvents(c, service, options));
  app.get('/api/reports/queue', (c) => queueReportHandler(c, service, options));
}
