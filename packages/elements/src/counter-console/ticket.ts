// The ticket a counter calls or serves, as the console reads it from the server's answers.
import type { CounterTicket } from './counter-console.events.js';

/** The statuses of a ticket the counter is dealing with: called, or being served. */
export const ACTIVE = new Set(['called', 'serving']);

/** A ticket of the server's answer, or `undefined` when the answer has none (or not one the console can show). */
export function asTicket(value: unknown): CounterTicket | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const t = value as Record<string, unknown>;
  if (typeof t.number !== 'string' || typeof t.status !== 'string') return undefined;
  return {
    ...(typeof t.id === 'string' ? { id: t.id } : {}),
    number: t.number,
    service: typeof t.service === 'string' ? t.service : '',
    // The server's status (typed by core's ticket view); the console only compares it.
    status: t.status as CounterTicket['status'],
    ...(typeof t.calls === 'number' ? { calls: t.calls } : {}),
    ...(typeof t.priority === 'string' ? { priority: t.priority } : {}),
  };
}
