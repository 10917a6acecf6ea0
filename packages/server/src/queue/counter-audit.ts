import type { Context } from 'hono';
import type { AuditedAction } from '../staff/action-audit.js';

/** The audit action of each counter command, by the last segment of its path. */
const ACTIONS: Readonly<Record<string, string>> = {
  'call-next': 'queue.call',
  recall: 'queue.recall',
  start: 'queue.start',
  skip: 'queue.no-show',
  done: 'queue.done',
  transfer: 'queue.transfer',
};

/**
 * The audit actions of the counter commands: the last one a ticket had names its officer in the queue report.
 *
 * @example
 * ```ts
 * COUNTER_AUDIT_ACTIONS.includes('queue.done'); // true
 * ```
 */
export const COUNTER_AUDIT_ACTIONS: readonly string[] = Object.values(ACTIONS);

/**
 * The audit line of a counter command (`/api/queue/counters/{id}/…`): which command, at which counter, on which
 * ticket (its id, number and service; never the rating token). A call with nobody waiting records nothing.
 *
 * @example
 * ```ts
 * app.use('/api/queue/counters/:id/*', auditActions(deps, counterCommandAudit));
 * ```
 */
export function counterCommandAudit(c: Context, answer: Record<string, unknown>): AuditedAction | undefined {
  const action = ACTIONS[c.req.path.split('/').at(-1) ?? ''];
  const ticket = answer.ticket as { id?: unknown; number?: unknown; service?: unknown } | null | undefined;
  if (!action || !ticket || typeof ticket.id !== 'string') return undefined;
  return {
    action,
    object: `ticket:${ticket.id}`,
    counter: c.req.param('id'),
    detail: { number: ticket.number, service: ticket.service },
  };
}
