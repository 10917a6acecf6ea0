import { FINAL_TICKET_STATUSES, formatAnnouncement, type Ticket } from '@motcua/core/queue';
import type { Context, Env } from 'hono';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { notificationId } from '../notifications/notice.js';
import { type OutboxEntry, type TicketOutboxMessage, writeOutbox } from '../notifications/outbox-store.js';
import {
  forgetTicketPushSubscriptions,
  savePushSubscription,
  TICKET_SUBJECT,
  type TicketPushSubscription,
  ticketPushSubscriptions,
} from '../notifications/push-store.js';
import type { WebPushChannel } from '../notifications/settings.js';
import { requirePushEndpoint, requireWebPush } from '../notifications/web-push-channel.js';
import { ticketPushBody } from './inputs.js';
import { refusals } from './refusals.js';
import { businessDateNow, type QueueService } from './service.js';

/** How many transfers a followed ticket is followed through (a visit passes a few services at most). */
const TRANSFERS_FOLLOWED = 10;

/**
 * `PUT /api/queue/tickets/{id}/push-subscription` (anyone holding the ticket's id, which its QR code carries; limited
 * like a ticket read): the browser that opened the ticket's status page asks to be told by Web Push when the turn is
 * near (`near` people ahead or fewer, default 3) and when the number is called, even with the screen off. Answers
 * 204; 404 `no-web-push` when the office has no Web Push channel, 404 for an unknown ticket, 409 `ticket-over` for a
 * ticket of another day or one already served, gone or cancelled.
 *
 * @example
 * ```ts
 * app.put('/api/queue/tickets/:id/push-subscription', (c) => subscribeToTicket(c, service));
 * ```
 */
export async function subscribeToTicket(
  c: Context<Env, '/api/queue/tickets/:id/push-subscription'>,
  service: QueueService,
  now: () => number,
): Promise<Response> {
  requireWebPush(service.office);
  const input = await readJsonBody(c, ticketPushBody);
  requirePushEndpoint(service.office, input.endpoint);
  const ticket = await followed(service, c.req.param('id'));
  if (!live(service, ticket, now)) {
    throw new ApiError(409, 'ticket-over', {
      vi: 'Số thứ tự này đã xong hoặc không còn hiệu lực hôm nay',
      en: 'This ticket is finished or no longer valid today',
    });
  }
  await savePushSubscription(
    service.db,
    service.office.id,
    `${TICKET_SUBJECT}${c.req.param('id')}`,
    {
      endpoint: input.endpoint,
      keys: input.keys,
      language: input.language,
      near: input.near,
      page: input.page,
    },
    now(),
  );
  // A turn already near (or a number already called) is said at once: this ticket's; the others' did not change.
  await notifyTicketTurns(service, now(), c.req.param('id'));
  return c.body(null, 204);
}

/** The ticket as it continues the visit: through its transfers to the one now waiting or being served. */
async function followed(service: QueueService, id: string): Promise<Ticket> {
  let ticket = await refusals(() => service.queue.get(id));
  for (let i = 0; i < TRANSFERS_FOLLOWED && ticket.status === 'transferred' && ticket.transferredTo; i++) {
    const next = ticket.transferredTo;
    ticket = await refusals(() => service.queue.get(next));
  }
  return ticket;
}

/** Whether a ticket still has a turn to tell of: today's, neither finished nor gone. */
function live(service: QueueService, ticket: Ticket, now: () => number): boolean {
  return ticket.businessDate === businessDateNow(service.queue, now) && !FINAL_TICKET_STATUSES.includes(ticket.status);
}

/** The notification of a ticket's turn, in the subscriber's language. */
function turnMessage(
  service: QueueService,
  ticket: Ticket,
  turn: { readonly kind: 'near'; readonly ahead: number } | { readonly kind: 'called' },
  subscription: TicketPushSubscription,
): TicketOutboxMessage {
  const vi = subscription.language === 'vi';
  const office = vi ? service.office.name.vi : service.office.name.en;
  let title: string;
  let body: string;
  if (turn.kind === 'called') {
    const counter = service.queue.config.counters.get(ticket.counter ?? '')?.label ?? ticket.counter ?? '';
    const call = formatAnnouncement(ticket.number, counter);
    title = vi ? `Số ${ticket.number}: đến lượt` : `Number ${ticket.number}: your turn`;
    body = `${vi ? call.text : call.textEn} (${office})`;
  } else {
    title = vi ? `Số ${ticket.number}: sắp đến lượt` : `Number ${ticket.number}: your turn is near`;
    const ahead =
      turn.ahead === 0
        ? vi
          ? 'Ông/bà là người kế tiếp.'
          : 'You are next.'
        : vi
          ? `Còn ${turn.ahead} người trước ông/bà.`
          : `${turn.ahead} ahead of you.`;
    body = `${ahead} ${vi ? 'Vui lòng có mặt gần quầy' : 'Please come back to the counters'} (${office}).`;
  }
  return {
    push: { title, body, tag: `ticket-${ticket.id}`, ...(subscription.page ? { url: subscription.page } : {}) },
    language: subscription.language,
  };
}

/**
 * Writes the Web Push notices of the turns of the tickets browsers follow: "your turn is near" once a waiting ticket
 * has its subscriber's `near` people ahead or fewer, and each call of its number (a recall too), with the counter.
 * It reads the queue as it stands, so running it again writes nothing new (each notice's id names the ticket, the
 * turn and the browser, and the outbox keeps an id once): every instance runs it after every queue event, and one
 * that was down catches up at start. The subscriptions of tickets that are over are forgotten. With `ticket`, only that
 * ticket's subscriptions are read (a browser just subscribed to it). Answers how many notices it wrote (or found
 * written).
 *
 * @example
 * ```ts
 * await notifyTicketTurns(service, Date.now()); // 1
 * ```
 */
export async function notifyTicketTurns(service: QueueService, now: number, ticket?: string): Promise<number> {
  const { office } = service;
  const channel = office.notifications.channels.find((ch): ch is WebPushChannel => ch.kind === 'web-push');
  if (!channel) return 0;
  const entries: OutboxEntry[] = [];
  const over: string[] = [];
  for (const [id, subscriptions] of await ticketPushSubscriptions(service.db, office.id, ticket)) {
    let current: Ticket;
    try {
      current = await followed(service, id);
    } catch {
      over.push(id);
      continue;
    }
    if (!live(service, current, () => now)) {
      over.push(id);
      continue;
    }
    const ahead = current.status === 'issued' ? (await service.waitOf(current)).ahead : undefined;
    for (const subscription of subscriptions) {
      const turn =
        current.status === 'called'
          ? ({ kind: 'called', key: `called-${current.calls}` } as const)
          : ahead !== undefined && ahead <= subscription.near
            ? ({ kind: 'near', ahead, key: 'near' } as const)
            : undefined;
      if (!turn) continue;
      const notice = notificationId(
        office.id,
        `${TICKET_SUBJECT}${current.id}`,
        0,
        `${turn.key}\n${channel.id}\n${subscription.endpoint}`,
      );
      entries.push({
        id: notice,
        office: office.id,
        // Where the dead letters say what a notice was about: the number and its day, never the ticket's id (its key).
        dossier: `${TICKET_SUBJECT}${current.number}@${current.businessDate}`,
        channel: channel.id,
        kind: 'web-push',
        recipient: JSON.stringify({ endpoint: subscription.endpoint, keys: subscription.keys }),
        message: turnMessage(service, current, turn, subscription),
      });
    }
  }
  await forgetTicketPushSubscriptions(service.db, office.id, over);
  if (entries.length > 0) await writeOutbox(service.db, entries, now);
  return entries.length;
}

/**
 * Runs {@link notifyTicketTurns} at start and after each queue event of the office (one run at a time; events during a
 * run make one more run), until `closing` aborts. Does nothing for an office without a Web Push channel.
 *
 * @example
 * ```ts
 * watchTicketTurns(service, Date.now, closing);
 * ```
 */
export function watchTicketTurns(service: QueueService, now: () => number, closing?: AbortSignal): void {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = notifyTicketTurns(service, now())
      .then(
        () => undefined,
        (error: unknown) => {
          // Said without the subscriptions; the next event tries again.
          console.error(
            `motcua-server: ticket notices not written (${(error as Error).name}: ${(error as Error).message})`,
          );
        },
      )
      .finally(() => {
        running = undefined;
        if (again && !closing?.aborted) {
          again = false;
          run();
        }
      });
  };
  if (closing?.aborted || !service.office.notifications.channels.some((ch) => ch.kind === 'web-push')) return;
  service.hub.subscribe(service.office.id, run, run).then(
    (stop) => {
      if (closing?.aborted) stop();
      else closing?.addEventListener('abort', stop, { once: true });
      run();
    },
    (error: unknown) => console.error(`motcua-server: ticket notices not watched (${(error as Error).message})`),
  );
}
