import type { Context } from 'hono';
import type { AuditedAction } from '../staff/action-audit.js';
import { COUNTER_COMMAND_ACTIONS } from './counter-actions.js';

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
  const action = COUNTER_COMMAND_ACTIONS[c.req.path.split('/').at(-1) ?? ''];
  const ticket = answer.ticket as { id?: unknown; number?: unknown; service?: unknown } | null | undefined;
  if (!action || !ticket || typeof ticket.id !== 'string') return undefined;
  return {
    action,
    object: `ticket:${ticket.id}`,
    counter: c.req.param('id'),
    detail: { number: ticket.number, service: ticket.service },
  };
}
