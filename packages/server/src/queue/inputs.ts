import * as z from 'zod';
import { pushSubscriptionBody } from '../dossiers/inputs.js';
import { PERIOD_ORDER, PERIOD_PARAMETERS } from '../http/period-query.js';

// What the queue API accepts.

/** A kiosk's request for a ticket. */
export const issueBody = z.object({
  service: z.string().min(1).max(100),
  priority: z.string().min(1).max(100).optional(),
});
/**
 * A browser's Web Push subscription to a ticket's turn, from its status page: how many people ahead is near (default 3,
 * as the page's own `near`) and the page the notice opens.
 */
export const ticketPushBody = pushSubscriptionBody.extend({
  near: z.number().int().min(0).max(100).default(3),
  page: z
    .url({ protocol: /^https?$/ })
    .max(2_000)
    .optional(),
});
/** A counter command on a named ticket, or on the counter's current one. */
export const ticketBody = z.object({ ticket: z.string().min(1).max(100).optional() }).strict();
/** A transfer to another service. */
export const transferBody = z.object({
  ticket: z.string().min(1).max(100).optional(),
  service: z.string().min(1).max(100),
});

/** The queue report's period (business days, both included) and optional service or counter. */
export const queueReportQuery = z
  .object({
    ...PERIOD_PARAMETERS,
    service: z.string().min(1).max(100).optional(),
    counter: z.string().min(1).max(100).optional(),
    officer: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine(...PERIOD_ORDER);

/** A ticket named by its number as printed (`A012`), among today's tickets. */
export const numberBody = z.object({ number: z.string().trim().min(1).max(20) }).strict();
/** Pauses (`true`) or resumes (`false`) a counter. */
export const pauseBody = z.object({ paused: z.boolean() }).strict();
