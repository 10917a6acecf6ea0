// The audit actions of the counter commands: the audit trail records them, the queue report reads them back.

/**
 * The audit action of each counter command, by the last segment of its path (`/api/queue/counters/{id}/done`).
 *
 * @example
 * ```ts
 * COUNTER_COMMAND_ACTIONS.skip; // 'queue.no-show'
 * ```
 */
export const COUNTER_COMMAND_ACTIONS: Readonly<Record<string, string>> = {
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
export const COUNTER_AUDIT_ACTIONS: readonly string[] = Object.values(COUNTER_COMMAND_ACTIONS);
